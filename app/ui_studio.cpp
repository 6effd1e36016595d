// ui_studio.cpp — the script studio (issue #5, DOMAIN.md §3–§4) for leads and consultants: edit
// a draft of a pack — scenarios and their script graphs, personas, guardrails, the pack's
// details — with live validation, a preview as a chosen persona and grade, undo/redo and
// publishing. Every edit is a studio command (core/pack_draft.h); this file keeps only a working
// copy of the entity under the cursor, committed when a field is left.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "app/platform.h"
#include "app/store.h"
#include "app/ui.h"
#include "app/ui_theme.h"
#include "app/ui_tracking.h"
#include "core/pack.h"
#include "core/pack_draft.h"
#include "core/persona_match.h"
#include "core/utf8.h"

namespace cw {
namespace {

enum class Tab { Scenarios, Personas, Guardrails, Details, Problems };

struct StudioState {
    std::string pack_id;                 // the draft being edited
    Tab tab = Tab::Scenarios;
    bool tab_forced = false;             // a click on a problem switches the tab once
    // Working copies, reloaded whenever the draft's revision moves (undo, redo, other edits).
    std::uint64_t loaded_revision = ~0ull;
    std::string loaded_pack;
    int scenario_index = 0;
    Scenario scenario;
    std::string scenario_original;       // its id in the draft (the put command's original_id)
    int persona_index = 0;
    Persona persona;
    std::string persona_original;
    Guardrails guardrails;
    PackMeta meta;
    // Validation, per revision.
    std::uint64_t validated_revision = ~0ull;
    std::string validated_pack;
    std::vector<ValidationIssue> issues;
    size_t errors = 0;
    // Messages and dialogs.
    std::string message;                 // the last refusal, shown until the next success
    std::vector<std::string> message_details;
    bool message_ok = false;
    std::string new_pack_id, new_name_zh, new_name_en, new_industry;
    // Preview.
    int preview_persona = 0;
    int preview_grade = 0;
    // "Who is calling?" persona suggestion.
    int caller_age = 0;
    std::string caller_channel = "phone", caller_text;
};

StudioState& st() {
    static StudioState s;
    return s;
}

const PackDraft* current_draft() { return find_draft(store().ws().drafts, st().pack_id); }

void report(const CommandResult& r) {
    StudioState& s = st();
    if (r.ok) {
        if (r.changed) { s.message.clear(); s.message_details.clear(); }
        return;
    }
    s.message = r.error;
    s.message_details = r.details;
    s.message_ok = false;
    s.loaded_revision = ~0ull;   // a refused edit: show the draft as it is, not the refused text
}

void send(const Command& c) { report(store().dispatch(c)); }

// Loads the working copies from the draft when it changed underneath them.
void sync(const PackDraft& d) {
    StudioState& s = st();
    if (s.loaded_revision == d.revision && s.loaded_pack == d.pack.meta.id) return;
    s.loaded_revision = d.revision;
    s.loaded_pack = d.pack.meta.id;
    const auto& scs = d.pack.scenarios;
    // Keep the cursor on the same scenario when it still exists (ids can be renamed).
    if (!s.scenario_original.empty())
        for (size_t i = 0; i < scs.size(); ++i)
            if (scs[i].id == s.scenario_original) s.scenario_index = static_cast<int>(i);
    s.scenario_index = std::clamp(s.scenario_index, 0, std::max(0, static_cast<int>(scs.size()) - 1));
    s.scenario = scs.empty() ? Scenario{} : scs[static_cast<size_t>(s.scenario_index)];
    s.scenario_original = s.scenario.id;
    const auto& ps = d.pack.personas;
    if (!s.persona_original.empty())
        for (size_t i = 0; i < ps.size(); ++i)
            if (ps[i].id == s.persona_original) s.persona_index = static_cast<int>(i);
    s.persona_index = std::clamp(s.persona_index, 0, std::max(0, static_cast<int>(ps.size()) - 1));
    s.persona = ps.empty() ? Persona{} : ps[static_cast<size_t>(s.persona_index)];
    s.persona_original = s.persona.id;
    s.guardrails = d.pack.guardrails;
    s.meta = d.pack.meta;
}

void validate(const PackDraft& d) {
    StudioState& s = st();
    if (s.validated_revision == d.revision && s.validated_pack == d.pack.meta.id) return;
    s.validated_revision = d.revision;
    s.validated_pack = d.pack.meta.id;
    s.issues = validate_pack(d.pack);
    s.errors = count_errors(s.issues);
}

void put_scenario() { send(cmd::StudioPutScenario{st().pack_id, st().scenario_original, st().scenario}); }
void put_persona() { send(cmd::StudioPutPersona{st().pack_id, st().persona_original, st().persona}); }
void put_guardrails() { send(cmd::StudioPutGuardrails{st().pack_id, st().guardrails}); }
void put_meta() { send(cmd::StudioPutMeta{st().pack_id, st().meta}); }

// ------------------------------------------------------------------ field widgets
// Each returns true when the edit is complete (the field was left after a change): that is
// when a command goes out, so one undo step is one finished field, not one keystroke.
bool field(const char* label, std::string& v, const char* track = nullptr) {
    ImGui::InputText(label, &v);
    if (track) ui_track(track);
    return ImGui::IsItemDeactivatedAfterEdit();
}

bool field_multiline(const char* label, std::string& v, float lines = 2.5f) {
    ImGui::InputTextMultiline(label, &v, ImVec2(-1, ImGui::GetTextLineHeight() * lines + 8));
    return ImGui::IsItemDeactivatedAfterEdit();
}

// zh and en side by side.
bool bilingual(const char* id, LocalizedText& t, bool multiline = false, const char* track = nullptr) {
    bool done = false;
    ImGui::PushID(id);
    const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    ImGui::BeginGroup();
    ImGui::TextDisabled("中文");
    ImGui::SetNextItemWidth(w);
    if (multiline) {
        ImGui::InputTextMultiline("##zh", &t.zh, ImVec2(w, ImGui::GetTextLineHeight() * 2.5f + 8));
        done |= ImGui::IsItemDeactivatedAfterEdit();
    } else {
        done |= field("##zh", t.zh);
    }
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::TextDisabled("English");
    ImGui::SetNextItemWidth(w);
    if (multiline) {
        ImGui::InputTextMultiline("##en", &t.en, ImVec2(w, ImGui::GetTextLineHeight() * 2.5f + 8));
        done |= ImGui::IsItemDeactivatedAfterEdit();
    } else {
        done |= field("##en", t.en);
    }
    if (track) ui_track(track);
    ImGui::EndGroup();
    ImGui::PopID();
    return done;
}

// A list of bilingual lines with add / remove; true when the list changed or a line was edited.
bool bilingual_list(const char* id, const char* title, std::vector<LocalizedText>& list) {
    bool done = false;
    ImGui::PushID(id);
    ImGui::TextUnformatted(title);
    int remove = -1;
    for (size_t i = 0; i < list.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const float w = (ImGui::GetContentRegionAvail().x - 40 - 2 * ImGui::GetStyle().ItemSpacing.x) / 2;
        ImGui::SetNextItemWidth(w);
        done |= field("##zh", list[i].zh);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(w);
        done |= field("##en", list[i].en);
        ImGui::SameLine();
        if (ImGui::SmallButton("×")) remove = static_cast<int>(i);
        ImGui::PopID();
    }
    if (remove >= 0) { list.erase(list.begin() + remove); done = true; }
    if (ImGui::SmallButton(L("studio.add_line", "add-line").c_str())) { list.push_back({}); }
    ImGui::PopID();
    return done;
}

// Comma- or line-separated ids / words, edited as one line.
std::string join(const std::vector<std::string>& v, const char* sep = ", ") {
    std::string s;
    for (size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
    return s;
}
std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        size_t a = cur.find_first_not_of(" \t"), b = cur.find_last_not_of(" \t");
        if (a != std::string::npos) out.push_back(cur.substr(a, b - a + 1));
        cur.clear();
    };
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == ',' || s[i] == '\n') flush();
        else if (s.compare(i, 3, "，") == 0) { flush(); i += 2; }   // full-width comma
        else cur += s[i];
    }
    flush();
    return out;
}
bool words_field(const char* label, std::vector<std::string>& v) {
    std::string text = join(v);
    ImGui::InputText(label, &text);
    if (ImGui::IsItemDeactivatedAfterEdit()) { v = split(text); return true; }
    // Keep what is being typed between frames: the vector only changes when the field is left.
    return false;
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
const ScriptStyle kStyles[] = {ScriptStyle::Standard, ScriptStyle::Cute, ScriptStyle::Caring, ScriptStyle::StreetWise,
                               ScriptStyle::Humorous};
const StepKind kKinds[] = {StepKind::Say, StepKind::Ask, StepKind::WaitForReply, StepKind::Branch,
                           StepKind::Offer, StepKind::Escalate, StepKind::Close};
std::string kind_key(StepKind k) { return std::string("kind.") + to_string(k); }

// A combo of step ids ("" = none); true when changed.
bool step_combo(const char* label, std::string& target, const Script& script) {
    bool changed = false;
    const std::string preview = target.empty() ? std::string(T("studio.none")) : target;
    if (ImGui::BeginCombo(label, preview.c_str())) {
        if (ImGui::Selectable(T("studio.none"), target.empty())) { target.clear(); changed = true; }
        for (const Step& s : script.steps)
            if (ImGui::Selectable(s.id.c_str(), s.id == target)) { target = s.id; changed = true; }
        ImGui::EndCombo();
    }
    return changed;
}

// ------------------------------------------------------------------ the script graph
std::string fresh_step_id(const Script& sc) {
    for (int n = static_cast<int>(sc.steps.size()) + 1;; ++n) {
        const std::string id = "step-" + std::to_string(n);
        if (!sc.find(id)) return id;
    }
}

void script_editor(const Pack& pack) {
    StudioState& s = st();
    Script& sc = s.scenario.script;
    bool commit = false;
    section(T("studio.script"));
    ImGui::SetNextItemWidth(260);
    commit |= step_combo(L("studio.start", "start").c_str(), sc.start, sc);
    ImGui::TextDisabled("%s", T("studio.script.hint"));

    int move_from = -1, move_to = -1, remove = -1;
    for (size_t i = 0; i < sc.steps.size(); ++i) {
        Step& step = sc.steps[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string head = std::to_string(i + 1) + ". " + step.id + "  [" + T(kind_key(step.kind).c_str()) + "]  " +
                                 truncate_utf8(pick(step.text.standard, store().ws().settings.language), 120) + "###step";
        const bool open = ImGui::CollapsingHeader(head.c_str());
        if (i == 0) ui_track("studio.step0");
        if (open) {
            ImGui::Indent();
            if (ImGui::SmallButton(L("studio.up", "up").c_str()) && i > 0) { move_from = static_cast<int>(i); move_to = move_from - 1; }
            ImGui::SameLine();
            if (ImGui::SmallButton(L("studio.down", "down").c_str()) && i + 1 < sc.steps.size()) { move_from = static_cast<int>(i); move_to = move_from + 1; }
            ImGui::SameLine();
            if (ImGui::SmallButton(L("studio.remove_step", "rm").c_str())) remove = static_cast<int>(i);
            ImGui::SetNextItemWidth(200);
            const std::string old_id = step.id;
            if (field(L("studio.step_id", "id").c_str(), step.id)) {
                // Follow the rename everywhere in this script, so links do not dangle.
                for (Step& o : sc.steps) {
                    if (o.next == old_id) o.next = step.id;
                    for (Branch& b : o.branches) if (b.next == old_id) b.next = step.id;
                }
                if (sc.start == old_id) sc.start = step.id;
                commit = true;
            }
            ImGui::SameLine();
            ImGui::SetNextItemWidth(220);
            if (ImGui::BeginCombo(L("studio.kind", "kind").c_str(), T(kind_key(step.kind).c_str()))) {
                for (StepKind k : kKinds)
                    if (ImGui::Selectable(T(kind_key(k).c_str()), k == step.kind)) { step.kind = k; commit = true; }
                ImGui::EndCombo();
            }
            if (step.kind != StepKind::WaitForReply && step.kind != StepKind::Branch) {
                ImGui::TextUnformatted(T("style.standard"));
                commit |= bilingual("std", step.text.standard, true, i == 0 ? "studio.step0.text" : nullptr);
                // Style variants: one block each, and a menu to add a missing one.
                ScriptStyle drop = ScriptStyle::Standard;
                for (auto& kv : step.text.variants) {
                    ImGui::PushID(static_cast<int>(kv.first));
                    ImGui::TextUnformatted(T(style_key(kv.first)));
                    ImGui::SameLine();
                    if (ImGui::SmallButton("×")) drop = kv.first;
                    commit |= bilingual("var", kv.second, true);
                    ImGui::PopID();
                }
                if (drop != ScriptStyle::Standard) { step.text.variants.erase(drop); commit = true; }
                if (ImGui::BeginCombo(L("studio.add_style", "add-style").c_str(), T("studio.add_style.pick"))) {
                    for (ScriptStyle st2 : kStyles) {
                        if (st2 == ScriptStyle::Standard || step.text.variants.count(st2)) continue;
                        if (ImGui::Selectable(T(style_key(st2)))) {
                            // Start from the standard text: a variant is usually a rewording.
                            step.text.variants[st2] = step.text.standard;
                            commit = true;
                        }
                    }
                    ImGui::EndCombo();
                }
                ImGui::TextUnformatted(T("studio.key_point"));
                commit |= bilingual("kp", step.key_point);
            }
            if (step.kind == StepKind::Branch) {
                ImGui::TextUnformatted(T("studio.branches"));
                int drop_b = -1;
                for (size_t b = 0; b < step.branches.size(); ++b) {
                    Branch& br = step.branches[b];
                    ImGui::PushID(static_cast<int>(b));
                    ImGui::Separator();
                    commit |= bilingual("when", br.when);
                    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
                    commit |= words_field(L("studio.keywords", "kw").c_str(), br.keywords);
                    ImGui::SetNextItemWidth(200);
                    commit |= step_combo(L("studio.goes_to", "to").c_str(), br.next, sc);
                    ImGui::SameLine();
                    if (ImGui::SmallButton("×")) drop_b = static_cast<int>(b);
                    ImGui::PopID();
                }
                if (drop_b >= 0) { step.branches.erase(step.branches.begin() + drop_b); commit = true; }
                if (ImGui::SmallButton(L("studio.add_branch", "add-branch").c_str())) { step.branches.push_back({}); commit = true; }
            } else if (step.kind != StepKind::Close) {
                ImGui::SetNextItemWidth(260);
                commit |= step_combo(L("studio.next", "next").c_str(), step.next, sc);
            }
            if (step.kind == StepKind::Offer) {
                ImGui::TextUnformatted(T("studio.offer"));
                commit |= bilingual("offer", step.offer.kind);
                ImGui::SetNextItemWidth(140);
                ImGui::InputDouble(L("studio.amount", "amount").c_str(), &step.offer.amount, 0, 0, "%.2f");
                commit |= ImGui::IsItemDeactivatedAfterEdit();
                ImGui::SameLine();
                ImGui::SetNextItemWidth(80);
                commit |= field(L("studio.currency", "cur").c_str(), step.offer.currency);
            }
            if (step.kind == StepKind::Escalate) {
                ImGui::SetNextItemWidth(260);
                const std::string cur = step.escalate_to.empty() ? std::string(T("studio.none")) : step.escalate_to;
                if (ImGui::BeginCombo(L("studio.escalate_to", "esc").c_str(), cur.c_str())) {
                    for (const AgentGrade& g : pack.grades)
                        if (ImGui::Selectable(g.id.c_str(), g.id == step.escalate_to)) { step.escalate_to = g.id; commit = true; }
                    for (const Role& r : pack.roles)
                        if (ImGui::Selectable(r.id.c_str(), r.id == step.escalate_to)) { step.escalate_to = r.id; commit = true; }
                    ImGui::EndCombo();
                }
            }
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
    if (move_from >= 0) { std::swap(sc.steps[static_cast<size_t>(move_from)], sc.steps[static_cast<size_t>(move_to)]); commit = true; }
    if (remove >= 0) { sc.steps.erase(sc.steps.begin() + remove); commit = true; }
    ImGui::Spacing();
    if (ImGui::Button(L("studio.add_step", "add-step").c_str())) {
        Step n;
        n.id = fresh_step_id(sc);
        // Link it after the last step that has no way on, so a new step is reachable at once.
        if (!sc.steps.empty() && sc.steps.back().next.empty() && sc.steps.back().kind != StepKind::Close &&
            sc.steps.back().kind != StepKind::Branch)
            sc.steps.back().next = n.id;
        if (sc.start.empty()) sc.start = n.id;
        sc.steps.push_back(std::move(n));
        commit = true;
    }
    ui_track("studio.add_step");
    if (commit) put_scenario();
}

// ------------------------------------------------------------------ preview
// The script as the chosen persona hears it from the chosen grade: styles by the persona's
// preference, key points only for grades that do not see the full script, waits shown.
void preview(const Pack& pack) {
    StudioState& s = st();
    const Lang lang = store().ws().settings.language;
    section(T("studio.preview"));
    if (pack.personas.empty() || pack.grades.empty()) { ImGui::TextDisabled("%s", T("studio.preview.need")); return; }
    s.preview_persona = std::clamp(s.preview_persona, 0, static_cast<int>(pack.personas.size()) - 1);
    s.preview_grade = std::clamp(s.preview_grade, 0, static_cast<int>(pack.grades.size()) - 1);
    const Persona& per = pack.personas[static_cast<size_t>(s.preview_persona)];
    const AgentGrade& gr = pack.grades[static_cast<size_t>(s.preview_grade)];
    ImGui::SetNextItemWidth(220);
    if (ImGui::BeginCombo(L("studio.as_persona", "pv-persona").c_str(), pick(per.name, lang).c_str())) {
        for (size_t i = 0; i < pack.personas.size(); ++i)
            if (ImGui::Selectable((pick(pack.personas[i].name, lang) + "##" + pack.personas[i].id).c_str(), static_cast<int>(i) == s.preview_persona))
                s.preview_persona = static_cast<int>(i);
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(180);
    if (ImGui::BeginCombo(L("studio.as_grade", "pv-grade").c_str(), pick(gr.name, lang).c_str())) {
        for (size_t i = 0; i < pack.grades.size(); ++i)
            if (ImGui::Selectable((pick(pack.grades[i].name, lang) + "##" + pack.grades[i].id).c_str(), static_cast<int>(i) == s.preview_grade))
                s.preview_grade = static_cast<int>(i);
        ImGui::EndCombo();
    }
    const Script& sc = s.scenario.script;
    // Breadth-first from the start: every reachable step once, in the order a call meets them.
    std::vector<const Step*> order;
    std::set<std::string> seen;
    std::vector<std::string> queue{sc.start};
    for (size_t q = 0; q < queue.size() && order.size() < 200; ++q) {
        const Step* st2 = sc.find(queue[q]);
        if (!st2 || !seen.insert(st2->id).second) continue;
        order.push_back(st2);
        if (!st2->next.empty()) queue.push_back(st2->next);
        for (const Branch& b : st2->branches) queue.push_back(b.next);
    }
    ImGui::PushTextWrapPos(0);
    if (order.empty()) ImGui::TextDisabled("%s", T("studio.preview.empty"));
    for (const Step* step : order) {
        ImGui::PushID(step->id.c_str());
        ImGui::TextDisabled("%s · %s", step->id.c_str(), T(kind_key(step->kind).c_str()));
        if (step->kind == StepKind::WaitForReply) {
            ImGui::TextColored(ImVec4(0.95f, 0.75f, 0.3f, 1), "%s", T("studio.preview.wait"));
        } else if (step->kind == StepKind::Branch) {
            for (const Branch& b : step->branches)
                ImGui::BulletText("%s → %s", pick(b.when, lang).c_str(), b.next.c_str());
        } else if (!gr.sees_full_script && !step->key_point.empty()) {
            ImGui::TextColored(ImVec4(0.55f, 0.78f, 1.0f, 1), "%s %s", T("studio.preview.key"), pick(step->key_point, lang).c_str());
        } else {
            ScriptStyle style = ScriptStyle::Standard;
            for (ScriptStyle p : per.preferred_styles)
                if (step->text.variants.count(p)) { style = p; break; }
            ImGui::TextDisabled("[%s]", T(style_key(style)));
            ImGui::SameLine();
            ImGui::TextUnformatted(pick(step->text.for_style(style), lang).c_str());
        }
        if (step->kind == StepKind::Offer && step->offer.amount > gr.compensation_limit)
            ImGui::TextColored(ImVec4(0.95f, 0.45f, 0.35f, 1), "%s", T("studio.preview.over_limit"));
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
}

// ------------------------------------------------------------------ tabs
void scenarios_tab(const PackDraft& d) {
    StudioState& s = st();
    const Lang lang = store().ws().settings.language;
    const Pack& pack = d.pack;
    ImGui::BeginChild("##sc-list", ImVec2(250, 0), true);
    if (ImGui::Button(L("studio.add_scenario", "add-sc").c_str())) {
        Scenario n;
        for (int k = static_cast<int>(pack.scenarios.size()) + 1;; ++k) {
            n.id = "scenario-" + std::to_string(k);
            bool taken = false;
            for (const Scenario& o : pack.scenarios) taken |= o.id == n.id;
            if (!taken) break;
        }
        n.title = {"新场景", "New scenario"};
        n.industry = pack.meta.industry;
        Step first;
        first.id = "greet";
        first.text.standard = {"您好，请问有什么可以帮您？", "Hello, how can I help you?"};
        first.kind = StepKind::Close;
        n.script.start = first.id;
        n.script.steps.push_back(first);
        send(cmd::StudioPutScenario{s.pack_id, "", n});
        s.scenario_original = n.id;
        s.loaded_revision = ~0ull;
    }
    ui_track("studio.add_scenario");
    ImGui::SameLine();
    if (!pack.scenarios.empty() && ImGui::Button(L("studio.duplicate", "dup-sc").c_str())) {
        Scenario n = s.scenario;
        n.id = s.scenario.id + "-copy";
        send(cmd::StudioPutScenario{s.pack_id, "", n});
        s.scenario_original = n.id;
        s.loaded_revision = ~0ull;
    }
    ImGui::Separator();
    for (size_t i = 0; i < pack.scenarios.size(); ++i) {
        const Scenario& sc = pack.scenarios[i];
        if (ImGui::Selectable((pick(sc.title, lang) + "###sc" + std::to_string(i)).c_str(), static_cast<int>(i) == s.scenario_index)) {
            s.scenario_index = static_cast<int>(i);
            s.scenario_original = sc.id;
            s.loaded_revision = ~0ull;
        }
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##sc-edit", ImVec2(0, 0), false);
    if (pack.scenarios.empty()) {
        ImGui::TextDisabled("%s", T("studio.no_scenarios"));
        ImGui::EndChild();
        return;
    }
    Scenario& sc = s.scenario;
    bool commit = false;
    ImGui::SetNextItemWidth(260);
    commit |= field(L("studio.id", "sc-id").c_str(), sc.id, "studio.scenario_id");
    ImGui::SameLine();
    if (ImGui::Button(L("studio.remove", "rm-sc").c_str())) {
        send(cmd::StudioRemoveScenario{s.pack_id, s.scenario_original});
        s.scenario_original.clear();
        ImGui::EndChild();
        return;
    }
    ImGui::TextUnformatted(T("studio.title"));
    commit |= bilingual("title", sc.title, false, "studio.scenario_title");
    ImGui::TextUnformatted(T("studio.situation"));
    commit |= bilingual("situation", sc.situation, true);
    commit |= bilingual_list("reasons", T("studio.reasons"), sc.reasons);
    commit |= bilingual_list("concerns", T("studio.concerns"), sc.concerns);
    commit |= bilingual_list("phrases", T("studio.phrases"), sc.typical_phrases);
    commit |= bilingual_list("empathy", T("studio.empathy"), sc.empathy_lines);
    ImGui::TextUnformatted(T("studio.personas"));
    for (const Persona& p : pack.personas) {
        bool on = std::find(sc.persona_ids.begin(), sc.persona_ids.end(), p.id) != sc.persona_ids.end();
        ImGui::SameLine();
        if (ImGui::Checkbox((pick(p.name, lang) + "##pp" + p.id).c_str(), &on)) {
            if (on) sc.persona_ids.push_back(p.id);
            else sc.persona_ids.erase(std::remove(sc.persona_ids.begin(), sc.persona_ids.end(), p.id), sc.persona_ids.end());
            commit = true;
        }
    }
    if (commit) put_scenario();
    // Scenario guardrails: phrases this scenario adds to the pack-wide ones.
    ImGui::TextUnformatted(T("studio.scenario_prohibited"));
    {
        bool g_commit = false;
        int drop = -1;
        for (size_t i = 0; i < sc.guardrails.prohibited.size(); ++i) {
            ProhibitedPhrase& p = sc.guardrails.prohibited[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::SetNextItemWidth(160);
            g_commit |= field("##id", p.id);
            ImGui::SameLine();
            ImGui::TextUnformatted(T("studio.phrase"));
            g_commit |= bilingual("ph", p.phrase);
            ImGui::SameLine();
            if (ImGui::SmallButton("×")) drop = static_cast<int>(i);
            ImGui::PopID();
        }
        if (drop >= 0) { sc.guardrails.prohibited.erase(sc.guardrails.prohibited.begin() + drop); g_commit = true; }
        if (ImGui::SmallButton(L("studio.add_line", "add-sc-ph").c_str())) {
            ProhibitedPhrase p;
            p.id = sc.id + "-rule-" + std::to_string(sc.guardrails.prohibited.size() + 1);
            sc.guardrails.prohibited.push_back(p);
            g_commit = true;
        }
        if (g_commit) put_scenario();
    }
    script_editor(pack);
    preview(pack);
    ImGui::EndChild();
}

const char* channel_key(const std::string& c) {
    if (c == "chat") return "channel.chat";
    if (c == "message") return "channel.message";
    if (c == "email") return "channel.email";
    if (c == "social") return "channel.social";
    return "channel.phone";
}

// "Who is calling?": the persona the facts point to, and why (core/persona_match.h).
void caller_suggestion(const Pack& pack) {
    StudioState& s = st();
    const Lang lang = store().ws().settings.language;
    section(T("studio.who_calls"));
    ImGui::SetNextItemWidth(100);
    ImGui::InputInt(L("studio.age", "age").c_str(), &s.caller_age, 0, 0);
    s.caller_age = std::clamp(s.caller_age, 0, 120);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(160);
    if (ImGui::BeginCombo(L("studio.channel", "chan").c_str(), T(channel_key(s.caller_channel)))) {
        for (const char* c : {"phone", "chat", "message", "email", "social"})
            if (ImGui::Selectable(T(channel_key(c)), s.caller_channel == c)) s.caller_channel = c;
        ImGui::EndCombo();
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##said", T("studio.caller_said"), &s.caller_text);
    ui_track("studio.caller_said");
    CallerFacts f;
    f.age = s.caller_age;
    f.current_year = 1970 + static_cast<int>(platform().wall_ms() / 1000 / 86400 / 365.2425);
    f.channel = s.caller_channel;
    f.text = s.caller_text;
    if (f.age == 0 && f.text.empty()) { ImGui::TextDisabled("%s", T("studio.who_calls.hint")); return; }
    const auto matches = match_personas(pack, f, 3);
    if (matches.empty()) { ImGui::TextDisabled("%s", T("studio.who_calls.none")); return; }
    ImGui::PushTextWrapPos(0);
    for (const PersonaMatch& m : matches) {
        ImGui::Text("%s  (%.1f)", pick(m.persona->name, lang).c_str(), m.score);
        for (const PersonaReason& r : m.reasons) ImGui::BulletText("%s", pick(r.text, lang).c_str());
    }
    ImGui::PopTextWrapPos();
}

void personas_tab(const PackDraft& d) {
    StudioState& s = st();
    const Lang lang = store().ws().settings.language;
    const Pack& pack = d.pack;
    ImGui::BeginChild("##pe-list", ImVec2(250, 0), true);
    if (ImGui::Button(L("studio.add_persona", "add-pe").c_str())) {
        Persona n;
        for (int k = static_cast<int>(pack.personas.size()) + 1;; ++k) {
            n.id = "persona-" + std::to_string(k);
            bool taken = false;
            for (const Persona& o : pack.personas) taken |= o.id == n.id;
            if (!taken) break;
        }
        n.name = {"新画像", "New persona"};
        n.segment = {"客户群体", "Customer segment"};
        n.preferred_styles = {ScriptStyle::Standard};
        send(cmd::StudioPutPersona{s.pack_id, "", n});
        s.persona_original = n.id;
        s.loaded_revision = ~0ull;
    }
    ui_track("studio.add_persona");
    ImGui::Separator();
    for (size_t i = 0; i < pack.personas.size(); ++i) {
        const Persona& p = pack.personas[i];
        if (ImGui::Selectable((pick(p.name, lang) + "###pe" + std::to_string(i)).c_str(), static_cast<int>(i) == s.persona_index)) {
            s.persona_index = static_cast<int>(i);
            s.persona_original = p.id;
            s.loaded_revision = ~0ull;
        }
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##pe-edit", ImVec2(0, 0), false);
    caller_suggestion(pack);
    if (pack.personas.empty()) {
        ImGui::TextDisabled("%s", T("studio.no_personas"));
        ImGui::EndChild();
        return;
    }
    Persona& p = s.persona;
    bool commit = false;
    section(T("studio.persona"));
    ImGui::SetNextItemWidth(260);
    commit |= field(L("studio.id", "pe-id").c_str(), p.id, "studio.persona_id");
    ImGui::SameLine();
    if (ImGui::Button(L("studio.remove", "rm-pe").c_str())) {
        send(cmd::StudioRemovePersona{s.pack_id, s.persona_original});
        s.persona_original.clear();
        ImGui::EndChild();
        return;
    }
    ImGui::TextUnformatted(T("studio.name"));
    commit |= bilingual("name", p.name, false, "studio.persona_name");
    ImGui::TextUnformatted(T("studio.segment"));
    commit |= bilingual("segment", p.segment);
    ImGui::SetNextItemWidth(120);
    ImGui::InputInt(L("studio.born_from", "bf").c_str(), &p.birth_year_from, 0, 0);
    commit |= ImGui::IsItemDeactivatedAfterEdit();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(120);
    ImGui::InputInt(L("studio.born_to", "bt").c_str(), &p.birth_year_to, 0, 0);
    commit |= ImGui::IsItemDeactivatedAfterEdit();
    commit |= bilingual_list("tags", T("studio.tags"), p.tags);
    commit |= bilingual_list("material", T("studio.material"), p.material_needs);
    commit |= bilingual_list("emotional", T("studio.emotional"), p.emotional_needs);
    ImGui::TextUnformatted(T("studio.preferred_styles"));
    for (ScriptStyle sty : kStyles) {
        bool on = std::find(p.preferred_styles.begin(), p.preferred_styles.end(), sty) != p.preferred_styles.end();
        ImGui::SameLine();
        if (ImGui::Checkbox((std::string(T(style_key(sty))) + "##ps" + to_string(sty)).c_str(), &on)) {
            if (on) p.preferred_styles.push_back(sty);
            else p.preferred_styles.erase(std::remove(p.preferred_styles.begin(), p.preferred_styles.end(), sty), p.preferred_styles.end());
            commit = true;
        }
    }
    commit |= bilingual_list("avoid", T("studio.avoid"), p.avoid);
    commit |= bilingual_list("dialects", T("studio.dialects"), p.dialects);
    ImGui::TextUnformatted(T("studio.notes"));
    commit |= bilingual("notes", p.notes, true);
    ImGui::TextUnformatted(T("studio.knowledge"));
    int drop = -1;
    for (size_t i = 0; i < p.knowledge.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        commit |= bilingual("kt", p.knowledge[i].title);
        commit |= bilingual("kx", p.knowledge[i].text, true);
        if (ImGui::SmallButton("×")) drop = static_cast<int>(i);
        ImGui::Separator();
        ImGui::PopID();
    }
    if (drop >= 0) { p.knowledge.erase(p.knowledge.begin() + drop); commit = true; }
    if (ImGui::SmallButton(L("studio.add_knowledge", "add-kn").c_str())) { p.knowledge.push_back({}); }
    ImGui::TextUnformatted(T("studio.compensation"));
    commit |= bilingual("comp", p.compensation_policy.text, true);
    ImGui::SetNextItemWidth(140);
    ImGui::InputDouble(L("studio.max_amount", "cmax").c_str(), &p.compensation_policy.max_amount, 0, 0, "%.2f");
    commit |= ImGui::IsItemDeactivatedAfterEdit();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(80);
    commit |= field(L("studio.currency", "ccur").c_str(), p.compensation_policy.currency);
    if (commit) put_persona();
    ImGui::EndChild();
}

void guardrails_tab() {
    StudioState& s = st();
    Guardrails& g = s.guardrails;
    bool commit = false;
    section(T("studio.prohibited"));
    ImGui::TextDisabled("%s", T("studio.prohibited.hint"));
    int drop = -1;
    for (size_t i = 0; i < g.prohibited.size(); ++i) {
        ProhibitedPhrase& p = g.prohibited[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::SetNextItemWidth(200);
        commit |= field(L("studio.id", "id").c_str(), p.id);
        ImGui::SameLine();
        if (ImGui::SmallButton("×")) drop = static_cast<int>(i);
        ImGui::TextUnformatted(T("studio.phrase"));
        commit |= bilingual("ph", p.phrase, false, i == 0 ? "studio.prohibited0" : nullptr);
        ImGui::TextUnformatted(T("studio.why"));
        commit |= bilingual("why", p.why);
        ImGui::TextUnformatted(T("studio.instead"));
        commit |= bilingual("instead", p.instead);
        ImGui::Separator();
        ImGui::PopID();
    }
    if (drop >= 0) { g.prohibited.erase(g.prohibited.begin() + drop); commit = true; }
    if (ImGui::Button(L("studio.add_prohibited", "add-ph").c_str())) {
        ProhibitedPhrase p;
        p.id = "phrase-" + std::to_string(g.prohibited.size() + 1);
        g.prohibited.push_back(p);
        commit = true;
    }
    section(T("studio.never_disclose"));
    ImGui::TextDisabled("%s", T("studio.never_disclose.hint"));
    drop = -1;
    for (size_t i = 0; i < g.never_disclose.size(); ++i) {
        NeverDisclose& n = g.never_disclose[i];
        ImGui::PushID(1000 + static_cast<int>(i));
        ImGui::SetNextItemWidth(200);
        commit |= field(L("studio.id", "id").c_str(), n.id);
        ImGui::SameLine();
        int kind = n.kind == DisclosureKind::Pattern ? 1 : 0;
        ImGui::SetNextItemWidth(200);
        const char* kinds[] = {T("studio.kind_phrase"), T("studio.kind_pattern")};
        if (ImGui::Combo(L("studio.match", "match").c_str(), &kind, kinds, 2)) {
            n.kind = kind ? DisclosureKind::Pattern : DisclosureKind::Phrase;
            commit = true;
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("×")) drop = static_cast<int>(i);
        ImGui::TextUnformatted(T("studio.label"));
        commit |= bilingual("label", n.label);
        ImGui::TextUnformatted(T("studio.why"));
        commit |= bilingual("why", n.why);
        ImGui::SetNextItemWidth(-1);
        commit |= words_field(L("studio.patterns", "pat").c_str(), n.patterns);
        ImGui::Separator();
        ImGui::PopID();
    }
    if (drop >= 0) { g.never_disclose.erase(g.never_disclose.begin() + drop); commit = true; }
    if (ImGui::Button(L("studio.add_never", "add-nd").c_str())) {
        NeverDisclose n;
        n.id = "secret-" + std::to_string(g.never_disclose.size() + 1);
        g.never_disclose.push_back(n);
        commit = true;
    }
    if (commit) put_guardrails();
}

void details_tab() {
    StudioState& s = st();
    PackMeta& m = s.meta;
    bool commit = false;
    ImGui::TextDisabled("%s: %s", T("studio.pack_id"), m.id.c_str());
    ImGui::TextUnformatted(T("studio.name"));
    commit |= bilingual("name", m.name, false, "studio.pack_name");
    ImGui::SetNextItemWidth(240);
    commit |= field(L("studio.industry", "ind").c_str(), m.industry);
    ImGui::SetNextItemWidth(240);
    commit |= field(L("studio.author", "auth").c_str(), m.author);
    ImGui::SetNextItemWidth(140);
    commit |= field(L("studio.version", "ver").c_str(), m.version);
    ImGui::TextUnformatted(T("studio.description"));
    commit |= bilingual("desc", m.description, true);
    if (commit) put_meta();
}

// Jumps to the scenario or persona a validation path names ("scenarios[3].script...").
void go_to(const Pack& pack, const std::string& path) {
    StudioState& s = st();
    auto index_after = [&](const char* prefix) -> int {
        if (path.rfind(prefix, 0) != 0) return -1;
        return std::atoi(path.c_str() + std::strlen(prefix));
    };
    if (int i = index_after("scenarios["); i >= 0 && i < static_cast<int>(pack.scenarios.size())) {
        s.scenario_index = i;
        s.scenario_original = pack.scenarios[static_cast<size_t>(i)].id;
        s.tab = Tab::Scenarios;
    } else if (int j = index_after("personas["); j >= 0 && j < static_cast<int>(pack.personas.size())) {
        s.persona_index = j;
        s.persona_original = pack.personas[static_cast<size_t>(j)].id;
        s.tab = Tab::Personas;
    } else if (path.rfind("guardrails", 0) == 0) {
        s.tab = Tab::Guardrails;
    } else if (path.rfind("meta", 0) == 0) {
        s.tab = Tab::Details;
    } else {
        return;
    }
    s.tab_forced = true;
    s.loaded_revision = ~0ull;
}

void problems_tab(const PackDraft& d) {
    StudioState& s = st();
    if (s.issues.empty()) { ImGui::TextColored(ImVec4(0.44f, 0.78f, 0.45f, 1), "%s", T("studio.no_problems")); return; }
    ImGui::TextDisabled("%s", T("studio.problems.hint"));
    ImGui::PushTextWrapPos(0);
    for (size_t i = 0; i < s.issues.size() && i < 500; ++i) {
        const ValidationIssue& is = s.issues[i];
        ImGui::PushID(static_cast<int>(i));
        const ImVec4 c = is.is_error() ? ImVec4(0.95f, 0.45f, 0.35f, 1) : ImVec4(0.95f, 0.75f, 0.30f, 1);
        ImGui::TextColored(c, "%s", T(is.is_error() ? "studio.error" : "studio.warning"));
        ImGui::SameLine();
        if (ImGui::SmallButton(is.path.empty() ? "-" : is.path.c_str())) go_to(d.pack, is.path);
        ImGui::SameLine();
        ImGui::TextUnformatted(is.message.c_str());
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
}

// ------------------------------------------------------------------ no draft open
void chooser() {
    StudioState& s = st();
    const Workspace& ws = store().ws();
    const Lang lang = ws.settings.language;
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", T("studio.intro"));
    ImGui::PopTextWrapPos();
    if (!ws.drafts.empty()) {
        section(T("studio.open_drafts"));
        for (const PackDraft& d : ws.drafts) {
            ImGui::PushID(d.pack.meta.id.c_str());
            if (ImGui::Button(L("studio.continue", "cont").c_str())) s.pack_id = d.pack.meta.id;
            ImGui::SameLine();
            ImGui::Text("%s  (%s) · %zu %s", pick(d.pack.meta.name, lang).c_str(), d.pack.meta.id.c_str(), d.undo.size(), T("studio.edits"));
            ImGui::PopID();
        }
    }
    section(T("studio.library"));
    if (ws.library.packs.empty()) ImGui::TextDisabled("%s", T("studio.library.empty"));
    for (const Pack& p : ws.library.packs) {
        if (find_draft(ws.drafts, p.meta.id)) continue;
        ImGui::PushID(p.meta.id.c_str());
        if (ImGui::Button(L("studio.edit", "edit").c_str())) {
            send(cmd::StudioOpenPack{p.meta.id});
            s.pack_id = p.meta.id;
        }
        ui_track(("studio.edit." + p.meta.id).c_str());
        ImGui::SameLine();
        ImGui::Text("%s  (%s · %zu %s)", pick(p.meta.name, lang).c_str(), p.meta.id.c_str(), p.scenarios.size(), T("studio.scenarios_n"));
        ImGui::PopID();
    }
    section(T("studio.new_pack"));
    ImGui::SetNextItemWidth(200);
    ImGui::InputTextWithHint("##np-id", "my-centre", &s.new_pack_id);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(200);
    ImGui::InputTextWithHint("##np-zh", "中文名称", &s.new_name_zh);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(200);
    ImGui::InputTextWithHint("##np-en", "English name", &s.new_name_en);
    ImGui::SameLine();
    if (ImGui::Button(L("studio.create", "create").c_str())) {
        CommandResult r = store().dispatch(cmd::StudioNewPack{s.new_pack_id, s.new_industry, {s.new_name_zh, s.new_name_en}});
        report(r);
        if (r.ok) s.pack_id = s.new_pack_id;
    }
}

void toolbar(const PackDraft& d) {
    StudioState& s = st();
    const Lang lang = store().ws().settings.language;
    ImGui::Text("%s  (%s)", pick(d.pack.meta.name, lang).c_str(), d.pack.meta.id.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(L("studio.close", "close").c_str())) { s.pack_id.clear(); return; }
    ImGui::BeginDisabled(d.undo.empty());
    if (ImGui::Button(L("studio.undo", "undo").c_str())) send(cmd::StudioUndo{s.pack_id});
    ImGui::EndDisabled();
    ui_track("studio.undo");
    ImGui::SameLine();
    ImGui::BeginDisabled(d.redo.empty());
    if (ImGui::Button(L("studio.redo", "redo").c_str())) send(cmd::StudioRedo{s.pack_id});
    ImGui::EndDisabled();
    ui_track("studio.redo");
    ImGui::SameLine();
    if (ImGui::Button(L("studio.publish", "publish").c_str())) {
        CommandResult r = store().dispatch(cmd::StudioPublish{s.pack_id});
        if (r.ok) {
            s.message = T("studio.published");
            s.message_details.clear();
            s.message_ok = true;
            s.pack_id.clear();
            return;
        }
        report(r);
    }
    ui_track("studio.publish");
    ImGui::SameLine();
    if (ImGui::Button(L("studio.export_draft", "export").c_str()))
        platform().download(d.pack.meta.id + ".draft.json", "application/json", save_pack_json(d.pack));
    ImGui::SameLine();
    if (ImGui::Button(L("studio.discard", "discard").c_str())) ImGui::OpenPopup("###discard");
    if (ImGui::BeginPopup("###discard")) {
        ImGui::TextUnformatted(T("studio.discard.confirm"));
        if (ImGui::Button(L("studio.discard", "discard-yes").c_str())) {
            send(cmd::StudioDiscard{s.pack_id});
            s.pack_id.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    ImGui::SameLine(0, 24);
    const size_t warnings = s.issues.size() - s.errors;
    if (s.errors) ImGui::TextColored(ImVec4(0.95f, 0.45f, 0.35f, 1), "%s %zu", T("studio.errors"), s.errors);
    else ImGui::TextColored(ImVec4(0.44f, 0.78f, 0.45f, 1), "%s", T("studio.valid"));
    ui_track("studio.validity");
    if (warnings) { ImGui::SameLine(); ImGui::TextColored(ImVec4(0.95f, 0.75f, 0.30f, 1), "%s %zu", T("studio.warnings"), warnings); }
    ImGui::SameLine();
    ImGui::TextDisabled("· %zu %s", d.undo.size(), T("studio.edits"));
    // Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z) when no text field has the keyboard: in a field those keys
    // belong to the field's own undo.
    ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput && (io.KeyCtrl || io.KeySuper)) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z)) && !io.KeyShift && !d.undo.empty()) send(cmd::StudioUndo{s.pack_id});
        else if ((ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y)) ||
                  (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z)) && io.KeyShift)) && !d.redo.empty())
            send(cmd::StudioRedo{s.pack_id});
    }
}

void message_panel() {
    StudioState& s = st();
    if (s.message.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, s.message_ok ? ImVec4(0.44f, 0.78f, 0.45f, 1) : ImVec4(0.98f, 0.55f, 0.45f, 1));
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(s.message.c_str());
    ui_track("studio.message");
    for (size_t i = 0; i < s.message_details.size() && i < 8; ++i) ImGui::BulletText("%s", s.message_details[i].c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::SameLine();
    if (ImGui::SmallButton("×##msg")) s.message.clear();
}

}  // namespace

void studio_open(const std::string& pack_id) { st().pack_id = pack_id; st().loaded_revision = ~0ull; }
std::string studio_open_pack_id() { return st().pack_id; }

void draw_studio() {
    StudioState& s = st();
    ImGui::SetWindowFontScale(1.25f);
    ImGui::TextUnformatted(T("studio.title_screen"));
    ImGui::SetWindowFontScale(1.0f);
    message_panel();
    const PackDraft* d = current_draft();
    if (!d) {
        s.pack_id.clear();
        chooser();
        return;
    }
    sync(*d);
    validate(*d);
    toolbar(*d);
    d = current_draft();   // the toolbar may have published or discarded it
    if (!d) return;
    if (ImGui::BeginTabBar("##studio-tabs")) {
        auto tab = [&](Tab t, const char* key, const char* id) {
            const ImGuiTabItemFlags f = s.tab_forced && s.tab == t ? ImGuiTabItemFlags_SetSelected : 0;
            const bool open = ImGui::BeginTabItem(L(key, id).c_str(), nullptr, f);
            ui_track(id);
            if (open) {
                if (!s.tab_forced) s.tab = t;
                ImGui::EndTabItem();
            }
            return open;
        };
        tab(Tab::Scenarios, "studio.tab.scenarios", "studio-tab-scenarios");
        tab(Tab::Personas, "studio.tab.personas", "studio-tab-personas");
        tab(Tab::Guardrails, "studio.tab.guardrails", "studio-tab-guardrails");
        tab(Tab::Details, "studio.tab.details", "studio-tab-details");
        const std::string problems = std::string(T("studio.tab.problems")) + " (" + std::to_string(s.issues.size()) + ")###studio-tab-problems";
        const ImGuiTabItemFlags pf = s.tab_forced && s.tab == Tab::Problems ? ImGuiTabItemFlags_SetSelected : 0;
        if (ImGui::BeginTabItem(problems.c_str(), nullptr, pf)) {
            if (!s.tab_forced) s.tab = Tab::Problems;
            ImGui::EndTabItem();
        }
        ui_track("studio-tab-problems");
        s.tab_forced = false;
        ImGui::EndTabBar();
    }
    ImGui::BeginChild("##studio-body", ImVec2(0, 0), false);
    switch (s.tab) {
        case Tab::Scenarios: scenarios_tab(*d); break;
        case Tab::Personas: personas_tab(*d); break;
        case Tab::Guardrails: guardrails_tab(); break;
        case Tab::Details: details_tab(); break;
        case Tab::Problems: problems_tab(*d); break;
    }
    ImGui::EndChild();
}

}  // namespace cw
