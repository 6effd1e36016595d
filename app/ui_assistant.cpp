// ui_assistant.cpp — the live call assistant: find a scenario as you type, the caller's
// persona and style, the current script step large with the next possible steps, waiting for
// the customer before an offer, rotating soothing lines, the reply box checked against the
// guardrails as you type (copy only when clean), authority by grade, and the call's end
// written into the case.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

#include "app/assistant_view.h"
#include "app/platform.h"
#include "app/store.h"
#include "app/triage_view.h"
#include "app/ui.h"
#include "app/ui_theme.h"
#include "app/ui_tracking.h"
#include "core/cases.h"

namespace cw {
namespace {

const ImVec4 kWarnCol(1.0f, 0.78f, 0.40f, 1.0f);
const ImVec4 kBadCol(1.0f, 0.50f, 0.45f, 1.0f);
const ImVec4 kOkCol(0.50f, 0.85f, 0.55f, 1.0f);

void act(const ActionResult& r) {
    AssistantState& a = assistant();
    a.message = r.ok() ? "" : r.message;
    for (const SessionWarning& w : r.warnings) a.message += (a.message.empty() ? "" : " · ") + w.message;
}

void search_panel() {
    AssistantState& a = assistant();
    const Lang lang = store().ws().settings.language;
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##assist-search", T("assist.search"), &a.query);
    ui_track("assist.search");
    assistant_search_refresh();
    if (!a.query.empty() && a.results.empty()) ImGui::TextDisabled("%s", T("assist.no_results"));
    for (size_t i = 0; i < a.results.size(); ++i) {
        const ScenarioSearchResult& r = a.results[i];
        ImGui::PushID(static_cast<int>(i));
        const bool chosen = a.started && a.scenario_id == r.scenario->id && a.pack_id == r.pack->meta.id;
        if (ImGui::Selectable(pick(r.scenario->title, lang).c_str(), chosen))
            assistant_start(r.pack->meta.id, r.scenario->id, "", a.case_id);
        if (i == 0) ui_track("assist.result0");
        ImGui::SameLine();
        const std::string field = std::string("field.") + to_string(r.best_field);
        ImGui::TextDisabled("· %s · %s", pick(r.pack->meta.name, lang).c_str(), T(field.c_str()));
        ImGui::PopID();
    }
}

const char* style_key(ScriptStyle s) {
    switch (s) {
        case ScriptStyle::Standard: return "style.standard";
        case ScriptStyle::Cute: return "style.cute";
        case ScriptStyle::Caring: return "style.caring";
        case ScriptStyle::StreetWise: return "style.streetwise";
        case ScriptStyle::Humorous: return "style.humorous";
    }
    return "style.standard";
}

void header(const Pack& pack, const Scenario& sc) {
    AssistantState& a = assistant();
    const Lang lang = store().ws().settings.language;
    ImGui::SetWindowFontScale(1.2f);
    ImGui::TextUnformatted(pick(sc.title, lang).c_str());
    ImGui::SetWindowFontScale(1.0f);
    if (!a.case_id.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("· %s %s", T("assist.case"), a.case_id.c_str());
    }
    // The caller's persona decides the default style of every line.
    const Persona* persona = nullptr;
    for (const Persona& p : pack.personas)
        if (p.id == a.persona_id) persona = &p;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (ImGui::BeginCombo(L("assist.persona", "assist-persona").c_str(), persona ? pick(persona->name, lang).c_str() : T("triage.persona.none"))) {
        if (ImGui::Selectable(T("triage.persona.none"), !persona)) assistant_start(a.pack_id, a.scenario_id, "", a.case_id);
        for (const Persona& p : pack.personas) {
            ImGui::PushID(&p);
            if (ImGui::Selectable(pick(p.name, lang).c_str(), persona == &p)) assistant_start(a.pack_id, a.scenario_id, p.id, a.case_id);
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ui_track("assist.persona");
    ImGui::SameLine();
    const std::string grade_key = "grade." + store().ws().settings.grade_id;
    ImGui::TextDisabled("%s: %s", T("case.authority.grade"), T(grade_key.c_str()));
    ImGui::SameLine();
    if (ImGui::SmallButton(L("assist.restart", "assist-restart").c_str())) assistant_start(a.pack_id, a.scenario_id, a.persona_id, a.case_id);
    if (persona && !persona->avoid.empty()) {
        ImGui::TextColored(kWarnCol, "！");
        for (const LocalizedText& t : persona->avoid) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s ·", pick(t, lang).c_str());
        }
    }
}

void step_panel() {
    AssistantState& a = assistant();
    CallSession& s = a.session;
    const Lang lang = store().ws().settings.language;
    if (s.state() == SessionState::ScriptError) {
        ImGui::TextColored(kBadCol, "%s", s.error().message.c_str());
        return;
    }
    const StepView v = s.current();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.16f, 0.22f, 0.29f, 1));
    ImGui::BeginChild("##step", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 7.5f), true);
    const std::string kind_key = std::string("kind.") + to_string(v.kind);
    ImGui::TextColored(ImVec4(0.55f, 0.78f, 1, 1), "%s · %s", T("assist.step"), T(kind_key.c_str()));
    ImGui::SameLine();
    // Style per line: the persona's preferred one by default, any other at a click.
    for (ScriptStyle st : v.styles) {
        ImGui::SameLine();
        char id[48];
        std::snprintf(id, sizeof id, "%s###style-%d", T(style_key(st)), static_cast<int>(st));
        if (ImGui::RadioButton(id, v.style == st)) s.set_style(st);
    }
    ImGui::SetWindowFontScale(1.35f);
    ImGui::PushTextWrapPos(0);
    if (v.full_text && !pick(v.text, lang).empty()) ImGui::TextUnformatted(pick(v.text, lang).c_str());
    else if (!pick(v.key_point, lang).empty()) ImGui::TextUnformatted(pick(v.key_point, lang).c_str());
    ImGui::PopTextWrapPos();
    ImGui::SetWindowFontScale(1.0f);
    ui_track("assist.step_text");
    if (!v.full_text) ImGui::TextDisabled("%s", T("assist.key_points"));
    else if (!pick(v.key_point, lang).empty()) ImGui::TextDisabled("%s", pick(v.key_point, lang).c_str());
    ImGui::EndChild();
    ImGui::PopStyleColor();

    if (!v.missing_variables.empty()) {
        ImGui::TextColored(kWarnCol, "%s", T("assist.missing"));
        for (const std::string& name : v.missing_variables) {
            static std::string value;
            ImGui::PushID(name.c_str());
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
            std::string buf;
            if (ImGui::InputTextWithHint("##var", name.c_str(), &buf, ImGuiInputTextFlags_EnterReturnsTrue) && !buf.empty())
                s.set_variable(name, buf);
            ImGui::SameLine();
            ImGui::PopID();
        }
        ImGui::NewLine();
    }
    if (v.kind == StepKind::Offer && v.needs_approval) {
        ImGui::TextColored(kWarnCol, "%s (%.0f %s)", T("assist.needs_approval"), v.offer.amount, v.offer.currency.c_str());
        {   // the lead says yes on the floor; the call record keeps who
            ImGui::SameLine();
            if (ImGui::SmallButton(L("assist.lead_approved", "lead-ok").c_str())) act(s.approval_granted(store().ws().settings.agent_name));
        }
    }
    // Waiting for the customer: record their words before anything else happens.
    if (v.awaiting_reply || v.kind == StepKind::Branch || v.kind == StepKind::WaitForReply) {
        if (v.awaiting_reply) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextColored(kWarnCol, "%s", T("assist.wait_hint"));
            ImGui::PopTextWrapPos();
        }
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.7f);
        const bool enter = ImGui::InputTextWithHint("##customer", T("assist.customer_said"), &a.customer_said, ImGuiInputTextFlags_EnterReturnsTrue);
        ui_track("assist.customer_said");
        ImGui::SameLine();
        if ((ImGui::Button(L("assist.record_reply", "record-reply").c_str()) || enter) && !a.customer_said.empty()) {
            act(v.kind == StepKind::Branch ? s.answer(a.customer_said) : s.record_customer_reply(a.customer_said));
            a.customer_said.clear();
        }
        ui_track("assist.record_reply");
    }
    if (v.kind != StepKind::Branch) {
        ImGui::BeginDisabled(v.awaiting_reply);
        if (ImGui::Button(L("assist.said_next", "said-next").c_str())) act(s.advance());
        ImGui::EndDisabled();
        ui_track("assist.next");
    }
    if (!v.next.empty()) {
        ImGui::TextDisabled("%s", T("assist.next_steps"));
        for (size_t i = 0; i < v.next.size(); ++i) {
            const NextOption& n = v.next[i];
            ImGui::PushID(static_cast<int>(i));
            const std::string kind_label = std::string("kind.") + to_string(n.target_kind);
            const std::string label = pick(n.label, lang).empty() ? std::string(T(kind_label.c_str())) : pick(n.label, lang);
            if (n.branch >= 0) {
                if (ImGui::Button(label.c_str())) act(s.choose_branch(static_cast<size_t>(n.branch)));
            } else {
                ImGui::BulletText("%s", label.c_str());
            }
            if (n.reply_needed_first) {
                ImGui::SameLine();
                ImGui::TextDisabled("(%s)", T("assist.reply_first"));
            }
            ImGui::PopID();
        }
    }
    if (s.grade().may_deviate_from_script) {
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
        ImGui::InputTextWithHint("##deviate", T("assist.deviate.hint"), &a.deviate_note);
        ImGui::SameLine();
        if (ImGui::SmallButton(L("assist.deviate", "deviate").c_str()) && !a.deviate_note.empty()) {
            act(s.deviate(a.deviate_note));
            a.deviate_note.clear();
        }
    }
    // Soothing lines rotate: the least recently used one is proposed.
    const int e = s.proposed_empathy();
    if (e >= 0) {
        if (const LocalizedText* line = s.empathy_line(static_cast<size_t>(e))) {
            ImGui::TextDisabled("%s:", T("assist.empathy"));
            ImGui::SameLine();
            ImGui::TextWrapped("%s", pick(*line, lang).c_str());
            ImGui::SameLine();
            if (ImGui::SmallButton(L("assist.empathy.use", "empathy-use").c_str())) act(s.use_empathy(static_cast<size_t>(e)));
            ui_track("assist.empathy");
        }
    }
}

void reply_panel() {
    AssistantState& a = assistant();
    const Lang lang = store().ws().settings.language;
    ImGui::TextUnformatted(T("assist.reply"));
    ImGui::InputTextMultiline("##reply", &a.reply, ImVec2(-1, ImGui::GetTextLineHeight() * 5));
    ui_track("assist.reply");
    if (a.reply.empty()) {
        const ImVec2 p = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddText(ImVec2(p.x + 8, p.y + 6), ImGui::GetColorU32(ImGuiCol_TextDisabled), T("assist.reply.hint"));
    }
    assistant_check_reply();
    const GuardrailReport& r = a.report;
    if (!a.reply.empty()) {
        if (r.clean()) ImGui::TextColored(kOkCol, "✓ %s", T("assist.reply.clean"));
        for (const GuardrailMatch& m : r.hits) {
            ImGui::TextColored(kBadCol, "× “%s”", m.matched.c_str());
            ImGui::SameLine();
            ImGui::TextDisabled("%s", pick(m.label, lang).c_str());
            ImGui::Indent();
            ImGui::PushTextWrapPos(0);
            if (!pick(m.why, lang).empty()) ImGui::TextDisabled("%s", pick(m.why, lang).c_str());
            if (!pick(m.instead, lang).empty()) ImGui::TextColored(kOkCol, "%s: %s", T("assist.reply.instead"), pick(m.instead, lang).c_str());
            ImGui::PopTextWrapPos();
            ImGui::Unindent();
        }
    }
    ui_track("assist.report");
    if (ImGui::Button(L("assist.reply.mask", "mask").c_str())) a.reply = a.session.guardrails().mask(a.reply).text;
    ImGui::SameLine();
    if (ImGui::Button(L("assist.reply.copy", "copy-reply").c_str())) {
        if (r.clean() && !a.reply.empty()) platform().set_clipboard(a.reply);
        else a.copy_blocked = true;   // shown in the current language below
    }
    ui_track("assist.copy");
    if (a.copy_blocked && !r.clean()) ImGui::TextColored(kWarnCol, "%s", T("assist.reply.blocked"));
    if (r.clean()) a.copy_blocked = false;
    ImGui::SameLine();
    if (ImGui::Button(L("assist.reply.send", "send-reply").c_str()) && !a.reply.empty()) {
        act(a.session.say(a.reply));
        a.reply.clear();
    }
}

void transcript_panel() {
    const CallRecord& rec = assistant().session.record();
    ImGui::TextDisabled("%s (%d)", T("assist.transcript"), static_cast<int>(rec.lines.size()));
    ImGui::BeginChild("##transcript", ImVec2(0, 0), true);
    for (const CallLine& l : rec.lines) {
        const ImVec4 col = l.speaker == Speaker::Customer ? ImVec4(1, 0.85f, 0.6f, 1) : ImVec4(0.8f, 0.9f, 1, 1);
        ImGui::TextColored(col, "%s", l.speaker == Speaker::Customer ? "☎" : "▶");
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(l.text.c_str());
        ImGui::PopTextWrapPos();
    }
    for (const GuardrailHit& h : rec.hits) ImGui::TextColored(kBadCol, "× %s “%s”", h.rule_id.c_str(), h.matched.c_str());
    ImGui::EndChild();
}

void end_panel() {
    AssistantState& a = assistant();
    if (!a.ended_as.empty()) {
        ImGui::TextColored(kOkCol, "%s %s", T("assist.ended"), a.ended_as.c_str());
        // The same scorecard that scores practice calls scores this real one (DOMAIN.md §6).
        if (a.qa) {
            const Lang lang = store().ws().settings.language;
            ImGui::Text("%s: %.0f / %.0f (%.0f%%)", T("qa.title"), a.qa->score, a.qa->max_score, a.qa->percent);
            ui_track("assist.qa");
            for (const QaItemResult& it : a.qa->items)
                for (const Deduction& d : it.deductions) {
                    ImGui::PushTextWrapPos(0);
                    ImGui::TextDisabled("−%.1f %s", d.points, pick(d.explanation, lang).c_str());
                    ImGui::PopTextWrapPos();
                }
            if (!a.qa_record_id.empty() && ImGui::SmallButton(L("assist.open_review", "assist-review").c_str())) {
                review_select(a.qa_record_id);
                ui_state().screen = Screen::Review;
            }
        }
        return;
    }
    ImGui::TextDisabled("%s:", T("assist.end"));
    struct Choice { const char* key; const char* id; CallEnd end; };
    const Choice choices[] = {{"assist.end.resolved", "end-resolved", CallEnd::Resolved},
                              {"assist.end.escalated", "end-escalated", CallEnd::Escalated},
                              {"assist.end.followup", "end-followup", CallEnd::FollowUp}};
    for (const Choice& c : choices) {
        ImGui::SameLine();
        if (ImGui::Button(L(c.key, c.id).c_str())) {
            act(a.session.end(c.end));
            a.ended_as = T(c.key);
            if (const Pack* pk = find_pack(store().ws().library, a.pack_id))
                if (!pk->scorecards.empty()) {
                    a.qa = score_call(*pk, pk->scorecards.front(), a.session.record());
                    QaRecord rec;
                    rec.at = static_cast<std::int64_t>(platform().wall_ms());
                    rec.agent = store().ws().settings.agent_name;
                    rec.case_id = a.case_id;
                    rec.call = a.session.record();
                    rec.result = *a.qa;
                    const CommandResult filed = store().dispatch(cmd::FileQaRecord{std::move(rec), 0, {}});
                    a.qa_record_id = filed.ok ? filed.id : std::string();
                }
            // The outcome goes into the case, when the call came from one.
            if (!a.case_id.empty()) {
                store().dispatch(cmd::AddCaseNote{a.case_id, std::string("call ended: ") + to_string(c.end) + ", " +
                                                                 std::to_string(a.session.record().lines.size()) + " lines, " +
                                                                 std::to_string(a.session.record().hits.size()) + " guardrail hits",
                                                  0, {}});
                if (c.end == CallEnd::Escalated) store().dispatch(cmd::SetCaseStatus{a.case_id, CaseStatus::Escalated, 0, {}});
                if (c.end == CallEnd::FollowUp) store().dispatch(cmd::SetCaseStatus{a.case_id, CaseStatus::InProgress, 0, {}});
            }
        }
        ui_track(c.id);
    }
}

}  // namespace

void draw_assistant() {
    AssistantState& a = assistant();
    const Workspace& ws = store().ws();
    if (ws.library.packs.empty()) {
        ImGui::TextColored(kWarnCol, "%s", T("triage.need_pack"));
        return;
    }
    const float left_w = ImGui::GetContentRegionAvail().x * 0.58f;
    ImGui::BeginChild("##assist-left", ImVec2(left_w, 0), false);
    search_panel();
    ImGui::Separator();
    Found<Scenario> sc = a.started ? find_scenario(ws.library, a.scenario_id, a.pack_id) : Found<Scenario>{};
    if (!sc) {
        a.started = false;
        ImGui::TextDisabled("%s", T("assist.pick"));
    } else {
        header(*sc.pack, *sc.item);
        step_panel();
        if (!a.message.empty()) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextColored(kWarnCol, "%s", a.message.c_str());
            ImGui::PopTextWrapPos();
        }
        end_panel();
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##assist-right", ImVec2(0, 0), true);
    if (sc) {
        reply_panel();
        ImGui::Separator();
        transcript_panel();
    }
    ImGui::EndChild();
}

}  // namespace cw
