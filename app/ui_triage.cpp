// ui_triage.cpp — the triage desk: intake with a live, explained quadrant suggestion, the
// 2x2 board (queues by priority then time left, countdowns, overdue marks, search and
// filters), and the Q2 backlog. The case window is ui_case.cpp.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "app/platform.h"
#include "app/store.h"
#include "app/triage_view.h"
#include "app/ui.h"
#include "app/ui_theme.h"
#include "app/ui_tracking.h"
#include "core/persona_match.h"
#include "core/utf8.h"

namespace cw {
namespace {

const char* kChannels[] = {"phone", "chat", "message", "email", "social"};

std::string channel_label(const std::string& ch) {
    const std::string key = "channel." + ch;
    const char* t = T(key.c_str());
    return t == key ? ch : std::string(t);
}

void explanation(const IntakeState& in) {
    const Lang lang = store().ws().settings.language;
    const TriageResult& r = in.result;
    const int q = static_cast<int>(r.quadrant);
    ImGui::TextDisabled("%s", T("triage.suggestion"));
    ImGui::SameLine();
    quadrant_chip(q);
    ui_track("triage.suggestion");
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled(T("triage.scores"), r.urgency, in.thresholds.urgency, r.importance, in.thresholds.importance);
    ImGui::PopTextWrapPos();
    if (r.fired.empty()) {
        ImGui::TextDisabled("%s", T("triage.no_signals"));
    } else {
        for (const FiredSignal& f : r.fired) {
            const std::string label = pick(f.label, lang).empty() ? f.signal_id : pick(f.label, lang);
            ImGui::BulletText("%s", label.c_str());
            ImGui::SameLine();
            ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.5f, 1), "“%s”", f.matched.c_str());
            ImGui::SameLine();
            ImGui::TextDisabled("%+.1f / %+.1f", f.urgency, f.importance);
        }
    }
    if (!r.negated.empty()) {
        ImGui::TextDisabled("%s:", T("triage.negated"));
        for (const FiredSignal& f : r.negated) {
            ImGui::SameLine();
            ImGui::TextDisabled("“%s”", f.matched.c_str());
        }
    }
}

void intake_panel() {
    IntakeState& in = intake();
    const Workspace& ws = store().ws();
    const Lang lang = ws.settings.language;
    ImGui::TextUnformatted(T("triage.intake"));
    if (ws.library.packs.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImVec4(1, 0.8f, 0.4f, 1), "%s", T("triage.need_pack"));
        ImGui::PopTextWrapPos();
    }
    ImGui::InputTextMultiline("##intake-text", &in.text, ImVec2(-1, ImGui::GetTextLineHeight() * 5));
    ui_track("triage.text");
    if (in.text.empty()) {
        const ImVec2 a = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddText(ImVec2(a.x + 8, a.y + 6), ImGui::GetColorU32(ImGuiCol_TextDisabled), T("triage.text.hint"));
    }
    intake_refresh();

    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::SetNextItemWidth(w * 0.45f);
    if (ImGui::BeginCombo(L("triage.channel", "intake-channel").c_str(), channel_label(in.channel).c_str())) {
        for (const char* ch : kChannels)
            if (ImGui::Selectable(channel_label(ch).c_str(), in.channel == ch)) in.channel = ch;
        ImGui::EndCombo();
    }
    ImGui::SetNextItemWidth(w * 0.45f);
    ImGui::InputTextWithHint(L("triage.customer", "intake-customer").c_str(), T("triage.customer.hint"), &in.customer);
    ui_track("triage.customer");

    const Pack* pack = in.pack_id.empty() ? nullptr : find_pack(ws.library, in.pack_id);
    ImGui::SetNextItemWidth(w * 0.45f);
    if (ImGui::BeginCombo(L("triage.pack", "intake-pack").c_str(), pack ? pick(pack->meta.name, lang).c_str() : T("triage.all_packs"))) {
        if (ImGui::Selectable(T("triage.all_packs"), !pack)) in.pack_id.clear();
        for (const Pack& p : ws.library.packs)
            if (ImGui::Selectable(pick(p.meta.name, lang).c_str(), pack == &p)) in.pack_id = p.meta.id;
        ImGui::EndCombo();
    }
    // Persona: suggested from what the caller said and the channel (core/persona_match.h),
    // else from the best matching scenario; always changeable.
    std::string suggested_persona = in.suggested_persona;
    const std::string persona_reason = pick(in.persona_reason, lang);
    if (suggested_persona.empty() && !in.scenarios.empty() && !in.scenarios[0].scenario->persona_ids.empty())
        suggested_persona = in.scenarios[0].scenario->persona_ids[0];
    const std::string& persona_id = in.persona_id.empty() ? suggested_persona : in.persona_id;
    Found<Persona> persona = find_persona(ws.library, persona_id, in.pack_id);
    ImGui::SetNextItemWidth(w * 0.45f);
    if (ImGui::BeginCombo(L("triage.persona", "intake-persona").c_str(),
                          persona ? pick(persona.item->name, lang).c_str() : T("triage.persona.none"))) {
        if (ImGui::Selectable(T("triage.persona.none"), !persona)) in.persona_id.clear();
        for (const Pack& p : ws.library.packs) {
            if (!in.pack_id.empty() && p.meta.id != in.pack_id) continue;
            for (const Persona& pe : p.personas) {
                ImGui::PushID(&pe);
                if (ImGui::Selectable(pick(pe.name, lang).c_str(), persona.item == &pe)) in.persona_id = pe.id;
                ImGui::PopID();
            }
        }
        ImGui::EndCombo();
    }
    if (in.persona_id.empty() && !persona_reason.empty()) ImGui::TextDisabled("  %s", persona_reason.c_str());
    ImGui::Separator();
    explanation(in);
    if (!in.scenarios.empty()) {
        ImGui::TextDisabled("%s", T("triage.scenarios"));
        for (const ScenarioMatch& m : in.scenarios) {
            ImGui::PushID(m.scenario);
            const bool chosen = in.scenario_id == m.scenario->id;
            if (ImGui::Selectable(pick(m.scenario->title, lang).c_str(), chosen)) in.scenario_id = chosen ? "" : m.scenario->id;
            ImGui::PopID();
            if (!m.matched_phrases.empty()) {
                ImGui::SameLine();
                ImGui::TextDisabled("“%s”", m.matched_phrases[0].c_str());
            }
        }
    }
    ImGui::Separator();
    // The quadrant: the suggestion unless the agent picks another, with a reason.
    ImGui::TextUnformatted(T("triage.quadrant"));
    const int suggested = static_cast<int>(in.result.quadrant);
    const int chosen = in.quadrant < 0 ? suggested : in.quadrant;
    for (int q = 0; q < 4; ++q) {
        ImGui::SameLine();
        char id[16];
        std::snprintf(id, sizeof id, "Q%d###intake-q%d", q + 1, q);
        if (ImGui::RadioButton(id, chosen == q)) in.quadrant = q == suggested ? -1 : q;
        char name[24];
        std::snprintf(name, sizeof name, "triage.q%d", q + 1);
        ui_track(q == 0 ? "triage.q1" : q == 1 ? "triage.q2" : q == 2 ? "triage.q3" : "triage.q4");
    }
    if (chosen != suggested) {
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##intake-reason", T("triage.override_reason.hint"), &in.reason);
        ui_track("triage.reason");
    }
    const bool ctrl_enter = ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
    ImGui::BeginDisabled(in.text.empty());
    if (ImGui::Button(L("triage.log", "intake-log").c_str(), ImVec2(-1, 0)) || (ctrl_enter && !in.text.empty())) {
        const std::string id = log_intake_case();
        if (!id.empty()) open_case_id() = id;
    }
    ImGui::EndDisabled();
    ui_track("triage.log");
    if (!in.error.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImVec4(1, 0.5f, 0.45f, 1), "%s", in.error.c_str());
        ImGui::PopTextWrapPos();
    }
}

void queue(int q, const Board& board, std::int64_t now) {
    const Workspace& ws = store().ws();
    const ImU32 col = quadrant_colour(q);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4((col & 0x00FFFFFF) | 0x30000000));
    char id[16];
    std::snprintf(id, sizeof id, "##queue%d", q);
    ImGui::BeginChild(id, ImVec2(0, 0), true);
    quadrant_chip(q);
    ImGui::SameLine();
    ImGui::Text("%d %s", board.counts[q], T("triage.open_cases"));
    static const char* kTrack[] = {"board.q1", "board.q2", "board.q3", "board.q4"};
    ui_track(kTrack[q]);
    const std::vector<int>& rows = board.queues[q];
    if (rows.empty()) ImGui::TextDisabled("%s", T("triage.empty_queue"));
    // Only the visible rows are drawn: 10,000 open cases cost what a screenful costs.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Case& c = ws.cases[static_cast<size_t>(rows[static_cast<size_t>(i)])];
            const std::int64_t left = due_at(ws, c) - now;
            ImGui::PushID(rows[static_cast<size_t>(i)]);
            char when[48];
            std::snprintf(when, sizeof when, left < 0 ? T("triage.overdue") : T("triage.left"), format_duration(left).c_str());
            const bool selected = open_case_id() == c.id;
            if (ImGui::Selectable("##row", selected, 0, ImVec2(0, ImGui::GetTextLineHeight()))) open_case_id() = c.id;
            if (i == 0) ui_track(q == 0 ? "board.q1.first" : q == 1 ? "board.q2.first" : q == 2 ? "board.q3.first" : "board.q4.first");
            ImGui::SameLine(0, 0);
            ImGui::TextColored(left < 0 ? ImVec4(1, 0.45f, 0.4f, 1) : ImVec4(0.75f, 0.82f, 0.9f, 1), "%-12s", when);
            ImGui::SameLine();
            ImGui::TextDisabled("%s", c.id.c_str());
            ImGui::SameLine();
            // First line of the text, cut to what fits.
            std::string line = c.text.substr(0, c.text.find('\n'));
            if (line.size() > 160) line = truncate_utf8(line, 160) + "…";
            if (!c.customer_name.empty()) line = c.customer_name + ": " + line;
            ImGui::TextUnformatted(line.c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void board_panel() {
    BoardState& b = board_state();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.35f);
    ImGui::InputTextWithHint("##board-search", T("triage.search"), &b.filter.text);
    ui_track("board.search");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    if (ImGui::BeginCombo("##board-channel", b.filter.channel.empty() ? T("triage.any_channel") : channel_label(b.filter.channel).c_str())) {
        if (ImGui::Selectable(T("triage.any_channel"), b.filter.channel.empty())) b.filter.channel.clear();
        for (const char* ch : kChannels)
            if (ImGui::Selectable(channel_label(ch).c_str(), b.filter.channel == ch)) b.filter.channel = ch;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::Checkbox(L("triage.mine", "board-mine").c_str(), &b.only_mine);
    ImGui::SameLine();
    ImGui::Checkbox(L("triage.backlog", "board-backlog").c_str(), &b.show_backlog);
    ui_track("board.backlog");
    const Board& board = current_board();
    const std::int64_t now = static_cast<std::int64_t>(platform().wall_ms());
    if (b.show_backlog) {
        draw_backlog();
        return;
    }
    // Eisenhower layout: important on top, urgent on the right.
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float cw = (avail.x - ImGui::GetStyle().ItemSpacing.x) / 2, ch = (avail.y - ImGui::GetStyle().ItemSpacing.y) / 2;
    const int layout[4] = {1, 0, 3, 2};   // Q2 Q1 / Q4 Q3
    for (int k = 0; k < 4; ++k) {
        if (k % 2) ImGui::SameLine();
        ImGui::BeginChild(k == 0 ? "##cell0" : k == 1 ? "##cell1" : k == 2 ? "##cell2" : "##cell3", ImVec2(cw, ch), false);
        queue(layout[k], board, now);
        ImGui::EndChild();
    }
}

}  // namespace

void draw_backlog() {
    const Workspace& ws = store().ws();
    if (ws.backlog.empty()) {
        ImGui::TextDisabled("%s", T("backlog.empty"));
        return;
    }
    for (const PrepItem& p : ws.backlog) {
        ImGui::PushID(p.id.c_str());
        bool done = p.done;
        if (ImGui::Checkbox("##done", &done)) store().dispatch(cmd::SetPrepDone{p.id, done, 0, {}});
        ImGui::SameLine();
        ImGui::TextUnformatted(p.title.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%s · %s%s%s", p.id.c_str(), p.owner.c_str(), p.due_at ? " · " : "",
                            p.due_at ? (std::string(T("backlog.due")) + " " + format_date(p.due_at)).c_str() : "");
        if (!p.case_id.empty()) {
            ImGui::SameLine();
            if (ImGui::SmallButton(p.case_id.c_str())) open_case_id() = p.case_id;
        }
        ImGui::PopID();
    }
}

void draw_triage() {
    const float intake_w = std::max(ImGui::GetFontSize() * 22, ImGui::GetContentRegionAvail().x * 0.36f);
    ImGui::BeginChild("##intake", ImVec2(intake_w, 0), true);
    intake_panel();
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##board", ImVec2(0, 0), false);
    board_panel();
    ImGui::EndChild();
    draw_case_window();
}

}  // namespace cw
