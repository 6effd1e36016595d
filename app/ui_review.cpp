// ui_review.cpp — the QA reviewer's screen 质检复核 (DOMAIN.md §6): every scored call, practice
// and real, newest first; the ones waiting for a reviewer (open disputes, items no rule could
// judge) on top. The reviewer reads the transcript, accepts or rejects disputes and marks items.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/store.h"
#include "app/ui.h"
#include "app/ui_qa.h"
#include "app/ui_theme.h"
#include "app/ui_tracking.h"
#include "core/library.h"

namespace cw {
namespace {

struct ReviewState {
    std::string selected;
    bool waiting_only = true;
    std::string search;
};
ReviewState& rs() {
    static ReviewState s;
    return s;
}

bool waiting(const QaRecord& r) { return qa_open_disputes(r) > 0 || r.result.unscored > 0; }

const char* speaker_key(Speaker s) {
    switch (s) {
        case Speaker::Agent: return "review.agent";
        case Speaker::Customer: return "review.customer";
        case Speaker::System: return "review.system";
    }
    return "review.system";
}

}  // namespace

void review_select(const std::string& id) { rs().selected = id; }

void draw_review() {
    ReviewState& s = rs();
    const Workspace& ws = store().ws();
    const Lang lang = ws.settings.language;
    ImGui::SetWindowFontScale(1.25f);
    ImGui::TextUnformatted(T("review.title"));
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", T("review.intro"));
    ImGui::PopTextWrapPos();

    // Newest first; the list is bounded by kMaxQaRecords, and drawn with a clipper.
    std::vector<const QaRecord*> list;
    size_t waiting_n = 0;
    for (auto it = ws.qa_records.rbegin(); it != ws.qa_records.rend(); ++it) {
        const bool w = waiting(*it);
        waiting_n += w;
        if (s.waiting_only && !w) continue;
        if (!s.search.empty() && it->agent.find(s.search) == std::string::npos && it->id.find(s.search) == std::string::npos &&
            it->call.scenario_id.find(s.search) == std::string::npos)
            continue;
        list.push_back(&*it);
    }
    ImGui::Checkbox(L("review.waiting_only", "rv-waiting").c_str(), &s.waiting_only);
    ui_track("review.waiting_only");
    ImGui::SameLine();
    ImGui::TextDisabled("%zu %s · %zu %s", waiting_n, T("review.waiting_n"), ws.qa_records.size(), T("review.total_n"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(220);
    ImGui::InputTextWithHint("##rv-search", T("review.search"), &s.search);

    ImGui::BeginChild("##rv-list", ImVec2(330, 0), true);
    if (list.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", T(ws.qa_records.empty() ? "review.none" : "review.none_waiting"));
        ImGui::PopTextWrapPos();
    }
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(list.size()));
    while (clip.Step()) {
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const QaRecord& r = *list[static_cast<size_t>(i)];
            const Found<Scenario> sc = find_scenario(ws.library, r.call.scenario_id, r.call.pack_id);
            const std::string title = sc ? pick(sc.item->title, lang) : r.call.scenario_id;
            std::string label = r.id + "  " + format_time(r.at) + "  " + std::to_string(static_cast<int>(r.result.percent + 0.5)) + "%\n" +
                                (r.call.practice ? T("review.practice") : T("review.real")) + " · " + r.agent + " · " + title;
            if (const int d = qa_open_disputes(r)) label += "\n" + std::to_string(d) + " " + T("review.disputes_open");
            if (r.result.unscored) label += (qa_open_disputes(r) ? " · " : "\n") + std::to_string(r.result.unscored) + " " + T("qa.unscored_n");
            if (ImGui::Selectable((label + "###" + r.id).c_str(), s.selected == r.id)) s.selected = r.id;
            if (i == 0) ui_track("review.first");
        }
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##rv-detail", ImVec2(0, 0), false);
    const QaRecord* rec = nullptr;
    for (const QaRecord& r : ws.qa_records)
        if (r.id == s.selected) rec = &r;
    if (!rec) {
        ImGui::TextDisabled("%s", T("review.pick"));
        ImGui::EndChild();
        return;
    }
    const Found<Scenario> sc = find_scenario(ws.library, rec->call.scenario_id, rec->call.pack_id);
    const Found<Persona> pe = find_persona(ws.library, rec->call.persona_id, rec->call.pack_id);
    ImGui::Text("%s · %s · %s", rec->id.c_str(), format_time(rec->at).c_str(), rec->agent.c_str());
    ImGui::TextDisabled("%s: %s · %s: %s · %s: %s", T("review.scenario"), sc ? pick(sc.item->title, lang).c_str() : rec->call.scenario_id.c_str(),
                        T("review.persona"), pe ? pick(pe.item->name, lang).c_str() : rec->call.persona_id.c_str(),
                        T("review.end"), to_string(rec->call.end));
    if (!rec->case_id.empty()) ImGui::TextDisabled("%s %s", T("review.case"), rec->case_id.c_str());
    if (ImGui::CollapsingHeader(L("review.transcript", "rv-transcript").c_str())) {
        ImGui::PushTextWrapPos(0);
        for (size_t i = 0; i < rec->call.lines.size() && i < 2000; ++i) {
            const CallLine& l = rec->call.lines[i];
            ImGui::TextDisabled("%zu. %s", i + 1, T(speaker_key(l.speaker)));
            ImGui::SameLine();
            ImGui::TextUnformatted(l.text.c_str());
        }
        ImGui::PopTextWrapPos();
    }
    section(T("qa.title"));
    draw_qa_result(*rec, true);
    ImGui::EndChild();
}

}  // namespace cw
