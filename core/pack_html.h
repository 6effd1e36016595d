// pack_html.h — two of the consultant's deliverables (DOMAIN.md §7: "scripts, processes, a
// summary report"), each one self-contained HTML page made from a pack with core/html_doc.h:
//   scripts_html   — the scripts 话术: every scenario (situation, reasons, concerns, the words
//                    customers use, personas, soothing lines, its own guardrails) and its script
//                    step by step with every style variant (标准/卖萌/贴心/江湖/搞笑), key points,
//                    branches, offers and escalations; the pack-wide guardrails (禁忌语 with why
//                    and what to say instead, never-disclose items); the personas 客户画像.
//   processes_html — the processes: each contingency plan 应急预案 (triggers by name, ordered
//                    checklist with owners, escalation ladder with report-up intervals, grade
//                    authority), the grades 分级授权, and the triage rules 四象限 (thresholds,
//                    response targets, signals with weights).
// Labels come from a small table in pack_html.cpp in both languages; pack content through
// pick(LocalizedText, lang). Both start with a table of contents linking to anchors.
// Must never: emit pack text unescaped (a pack is a file from anyone), link or load anything
// outside the page, run script, or read a clock (now_ms only dates the footer, in UTC).
#pragma once
#include <cstdint>
#include <string>

#include "core/lang.h"
#include "core/model.h"

namespace cw {

std::string scripts_html(const Pack& pack, Lang lang, std::int64_t now_ms);
std::string processes_html(const Pack& pack, Lang lang, std::int64_t now_ms);

}  // namespace cw
