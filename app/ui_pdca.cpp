// ui_pdca.cpp — the PDCA improvement board (DOMAIN.md §7): four columns plan → do → check → act;
// an item carries the problem, target, root cause, countermeasure, follow-up and how it was
// standardised, and links to the cases behind it. Items come by hand, from a Q1 review, or
// from a dashboard finding. Every change is a PDCA command (core/pdca_commands.h).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/store.h"
#include "app/triage_view.h"
#include "app/ui.h"
#include "app/ui_theme.h"
#include "app/ui_tracking.h"
#include "core/pdca.h"

namespace cw {
namespace {

struct PdcaView {
    std::string selected;
    std::string new_title;
    std::string link_case;
    // Working copy of the selected item's texts; reloaded when the workspace changes.
    std::uint64_t loaded_revision = ~0ull;
    PdcaItem edit;
    std::string message;
};
PdcaView& pv() {
    static PdcaView v;
    return v;
}

const PdcaStage kStages[] = {PdcaStage::Plan, PdcaStage::Do, PdcaStage::Check, PdcaStage::Act};
const char* stage_key(PdcaStage s) {
    switch (s) {
        case PdcaStage::Plan: return "pdca.plan";
        case PdcaStage::Do: return "pdca.do";
        case PdcaStage::Check: return "pdca.check";
        case PdcaStage::Act: return "pdca.act";
    }
    return "pdca.plan";
}
const char* source_key(const std::string& s) {
    if (s == "review") return "pdca.source.review";
    if (s == "dashboard") return "pdca.source.dashboard";
    return "pdca.source.hand";
}

void result(const CommandResult& r) { pv().message = r.ok ? std::string() : r.error; }

bool text_block(const char* key, const char* id, std::string& v) {
    ImGui::TextUnformatted(T(key));
    ImGui::InputTextMultiline(id, &v, ImVec2(-1, ImGui::GetTextLineHeight() * 2.6f + 8));
    return ImGui::IsItemDeactivatedAfterEdit();
}

void editor(const PdcaItem& item) {
    PdcaView& v = pv();
    if (v.loaded_revision != store().revision() || v.edit.id != item.id) {
        v.edit = item;
        v.loaded_revision = store().revision();
    }
    PdcaItem& e = v.edit;
    ImGui::Text("%s · %s · %s", item.id.c_str(), T(source_key(item.source)), format_time(item.created_at).c_str());
    // Moving: one step either way, or straight to any stage.
    for (PdcaStage s : kStages) {
        ImGui::SameLine();
        const bool here = s == item.stage;
        ImGui::BeginDisabled(here);
        if (ImGui::SmallButton((std::string(T(stage_key(s))) + "##mv" + to_string(s)).c_str()))
            result(store().dispatch(cmd::MovePdcaItem{item.id, s, 0, {}}));
        ImGui::EndDisabled();
        ui_track((std::string("pdca.move.") + to_string(s)).c_str());
    }
    cmd::UpdatePdcaItem up;
    up.id = item.id;
    bool send = false;
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##title", &e.title);
    ui_track("pdca.edit.title");
    if (ImGui::IsItemDeactivatedAfterEdit()) { up.title = e.title; send = true; }
    ImGui::SetNextItemWidth(260);
    ImGui::InputTextWithHint("##owner", T("pdca.owner"), &e.owner);
    if (ImGui::IsItemDeactivatedAfterEdit()) { up.owner = e.owner; send = true; }
    if (text_block("pdca.problem", "##problem", e.problem)) { up.problem = e.problem; send = true; }
    if (text_block("pdca.target", "##target", e.target)) { up.target = e.target; send = true; }
    if (text_block("pdca.root_cause", "##root", e.root_cause)) { up.root_cause = e.root_cause; send = true; }
    if (text_block("pdca.countermeasure", "##counter", e.countermeasure)) { up.countermeasure = e.countermeasure; send = true; }
    if (text_block("pdca.follow_up", "##follow", e.follow_up)) { up.follow_up = e.follow_up; send = true; }
    if (text_block("pdca.standardise", "##std", e.standardise)) { up.standardise = e.standardise; send = true; }
    if (send) result(store().dispatch(up));

    section(T("pdca.cases"));
    const Workspace& ws = store().ws();
    for (const std::string& cid : item.case_ids) {
        ImGui::PushID(cid.c_str());
        const Case* c = nullptr;
        for (const Case& k : ws.cases)
            if (k.id == cid) { c = &k; break; }
        if (ImGui::SmallButton(cid.c_str())) {
            open_case_id() = cid;
            ui_state().screen = Screen::Triage;
        }
        ImGui::SameLine();
        ImGui::TextDisabled("%s", c ? c->text.substr(0, std::min<size_t>(c->text.size(), 90)).c_str() : "");
        ImGui::SameLine();
        if (ImGui::SmallButton("×")) result(store().dispatch(cmd::LinkPdcaCase{item.id, cid, false, 0, {}}));
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(160);
    ImGui::InputTextWithHint("##link", "C-000001", &v.link_case);
    ImGui::SameLine();
    if (ImGui::SmallButton(L("pdca.link", "pdca-link").c_str()) && !v.link_case.empty()) {
        result(store().dispatch(cmd::LinkPdcaCase{item.id, v.link_case, true, 0, {}}));
        if (v.message.empty()) v.link_case.clear();
    }
    if (!item.history.empty()) {
        section(T("pdca.history"));
        for (const PdcaMove& m : item.history)
            ImGui::TextDisabled("%s  %s → %s  %s", format_time(m.at).c_str(), T(stage_key(m.from)), T(stage_key(m.to)), m.by.c_str());
    }
    ImGui::Spacing();
    if (ImGui::SmallButton(L("pdca.remove", "pdca-remove").c_str())) ImGui::OpenPopup("###pdca-rm");
    if (ImGui::BeginPopup("###pdca-rm")) {
        ImGui::TextUnformatted(T("pdca.remove.confirm"));
        if (ImGui::Button(L("pdca.remove", "pdca-remove-yes").c_str())) {
            result(store().dispatch(cmd::RemovePdcaItem{item.id, 0, {}}));
            v.selected.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

// Q1 reviews not yet on the board: one click makes each an item linked to its case.
void from_reviews() {
    const Workspace& ws = store().ws();
    std::vector<const Review*> open;
    for (const Review& r : ws.reviews) {
        bool linked = false;
        for (const PdcaItem& p : ws.pdca)
            if (std::find(p.case_ids.begin(), p.case_ids.end(), r.case_id) != p.case_ids.end()) { linked = true; break; }
        if (!linked && !r.what_should_change.empty()) open.push_back(&r);
    }
    if (open.empty()) return;
    if (!ImGui::CollapsingHeader((std::string(T("pdca.from_reviews")) + " (" + std::to_string(open.size()) + ")###pdca-reviews").c_str()))
        return;
    ImGui::PushTextWrapPos(0);
    for (size_t i = 0; i < open.size() && i < 50; ++i) {
        const Review& r = *open[i];
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::SmallButton(L("pdca.create_from", "from").c_str())) {
            cmd::AddPdcaItem a;
            a.title = r.what_should_change.substr(0, 200);
            a.problem = r.what_happened;
            a.source = "review";
            a.case_ids = {r.case_id};
            const CommandResult res = store().dispatch(a);
            result(res);
            if (res.ok) pv().selected = res.id;
        }
        ImGui::SameLine();
        ImGui::TextDisabled("%s", r.case_id.c_str());
        ImGui::SameLine();
        ImGui::TextUnformatted(r.what_should_change.c_str());
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
}

}  // namespace

void pdca_select(const std::string& id) { pv().selected = id; }

void draw_pdca() {
    PdcaView& v = pv();
    const Workspace& ws = store().ws();
    ImGui::SetWindowFontScale(1.25f);
    ImGui::TextUnformatted(T("pdca.title"));
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", T("pdca.intro"));
    ImGui::PopTextWrapPos();
    ImGui::SetNextItemWidth(360);
    const bool enter = ImGui::InputTextWithHint("##new", T("pdca.new.hint"), &v.new_title, ImGuiInputTextFlags_EnterReturnsTrue);
    ui_track("pdca.new_title");
    ImGui::SameLine();
    if ((ImGui::Button(L("pdca.add", "pdca-add").c_str()) || enter) && !v.new_title.empty()) {
        cmd::AddPdcaItem a;
        a.title = v.new_title;
        const CommandResult r = store().dispatch(a);
        result(r);
        if (r.ok) { v.selected = r.id; v.new_title.clear(); }
    }
    ui_track("pdca.add");
    if (!v.message.empty()) ImGui::TextColored(ImVec4(0.98f, 0.55f, 0.45f, 1), "%s", v.message.c_str());
    from_reviews();

    const float editor_w = v.selected.empty() ? 0.0f : std::max(360.0f, ImGui::GetContentRegionAvail().x * 0.38f);
    const float board_w = ImGui::GetContentRegionAvail().x - editor_w - (editor_w > 0 ? ImGui::GetStyle().ItemSpacing.x : 0);
    ImGui::BeginChild("##pdca-board", ImVec2(board_w, 0), false);
    const float col_w = (board_w - 3 * ImGui::GetStyle().ItemSpacing.x) / 4;
    for (int c = 0; c < 4; ++c) {
        if (c) ImGui::SameLine();
        const auto items = pdca_items_in(ws, kStages[c]);
        ImGui::BeginChild(ImGui::GetID(to_string(kStages[c])), ImVec2(col_w, 0), true);
        ImGui::TextColored(ImVec4(0.55f, 0.78f, 1, 1), "%s (%zu)", T(stage_key(kStages[c])), items.size());
        ImGui::TextDisabled("%s", T((std::string(stage_key(kStages[c])) + ".desc").c_str()));
        ImGui::Separator();
        for (const PdcaItem* it : items) {
            ImGui::PushID(it->id.c_str());
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + col_w - 20);
            std::string label = it->title + "\n" + it->id;
            if (!it->owner.empty()) label += " · " + it->owner;
            if (!it->case_ids.empty()) label += " · " + std::to_string(it->case_ids.size()) + " " + T("pdca.cases_n");
            if (ImGui::Selectable((label + "###card").c_str(), v.selected == it->id, 0, ImVec2(col_w - 20, 0)))
                v.selected = v.selected == it->id ? std::string() : it->id;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", it->title.c_str());   // cards clip long titles
            ui_track(("pdca.card." + it->id).c_str());
            ImGui::PopTextWrapPos();
            ImGui::Separator();
            ImGui::PopID();
        }
        ImGui::EndChild();
    }
    ImGui::EndChild();
    if (editor_w > 0) {
        ImGui::SameLine();
        ImGui::BeginChild("##pdca-editor", ImVec2(0, 0), true);
        if (const PdcaItem* it = find_pdca_item(ws, v.selected)) editor(*it);
        else v.selected.clear();
        ImGui::EndChild();
    }
}

}  // namespace cw
