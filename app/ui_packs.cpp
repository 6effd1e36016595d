// ui_packs.cpp — the Content packs screen: what is in the workspace, import (picker, drop),
// the demo packs, export, remove, and a look inside each pack's scenarios.
#include <imgui.h>

#include <string>

#include "app/pack_actions.h"
#include "app/platform.h"
#include "app/store.h"
#include "app/ui.h"
#include "app/ui_tracking.h"

namespace cw {
namespace {

std::string industry_label(const std::string& industry) {
    const std::string key = "industry." + (industry.empty() ? std::string("other") : industry);
    const char* t = T(key.c_str());
    return t == key ? industry : std::string(t);
}

void outcome_panel() {
    PackActionOutcome& o = pack_outcome();
    if (!o.shown) return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, o.ok ? ImVec4(0.16f, 0.32f, 0.22f, 1) : ImVec4(0.45f, 0.16f, 0.14f, 1));
    const float rows = 2.2f + static_cast<float>(std::min<size_t>(o.details.size(), 8));
    ImGui::BeginChild("##pack-outcome", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * rows + 12), false);
    ImGui::SetCursorPos(ImVec2(10, 6));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x - 60);
    ImGui::TextUnformatted(o.title.c_str());
    ui_track("packs.outcome");
    for (const auto& d : o.details) ImGui::BulletText("%s", d.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::SameLine(ImGui::GetWindowWidth() - 40);
    if (ImGui::SmallButton("x###pack-outcome-close")) o.shown = false;
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void replace_modal() {
    PendingReplace& p = pack_pending_replace();
    if (p.active && !ImGui::IsPopupOpen("###replace-pack")) ImGui::OpenPopup("###replace-pack");
    ImGui::SetNextWindowSize(ImVec2(480, 0), ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal(L("packs.replace_title", "replace-pack").c_str(), nullptr, ImGuiWindowFlags_NoResize)) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(T("packs.replace_text"));
        ImGui::PopTextWrapPos();
        ImGui::BulletText("%s", p.pack_id.c_str());
        ImGui::BulletText("%s → %s  (%s)", p.old_version.c_str(), p.new_version.c_str(), p.file_name.c_str());
        if (ImGui::Button(L("packs.replace", "replace-yes").c_str())) { pack_confirm_replace(true); ImGui::CloseCurrentPopup(); }
        ImGui::SameLine();
        if (ImGui::Button(L("common.cancel", "replace-no").c_str())) { pack_confirm_replace(false); ImGui::CloseCurrentPopup(); }
        ImGui::EndPopup();
    }
}

}  // namespace

void draw_packs() {
    const Workspace& ws = store().ws();
    const Lang lang = ws.settings.language;
    ImGui::SetWindowFontScale(1.25f);
    ImGui::TextUnformatted(T("packs.title"));
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x * 0.95f);
    ImGui::TextDisabled("%s", T("packs.intro"));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(L("packs.import", "packs-import").c_str())) platform().pick_file("pack", ".json,application/json");
    ui_track("packs.import");
    ImGui::SameLine();
    if (ImGui::Button(L("packs.add_demo", "packs-demo").c_str())) pack_add_builtin();
    ui_track("packs.add_demo");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", T("packs.drop_hint"));
    ImGui::Spacing();
    outcome_panel();
    replace_modal();

    if (ws.library.packs.empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted(T("packs.empty"));
        return;
    }
    static std::string confirm_remove;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##packs", 5, flags)) {
        ImGui::TableSetupColumn(T("packs.col.name"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn(T("packs.col.industry"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(T("packs.col.version"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
        ImGui::TableSetupColumn(T("packs.col.content"), ImGuiTableColumnFlags_WidthStretch, 2.4f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableHeadersRow();
        for (const Pack& p : ws.library.packs) {
            ImGui::PushID(p.meta.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const bool open = ImGui::TreeNodeEx("##pack", ImGuiTreeNodeFlags_SpanFullWidth, "%s", pick(p.meta.name, lang).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(industry_label(p.meta.industry).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(p.meta.version.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d %s · %d %s · %d %s", static_cast<int>(p.scenarios.size()), T("packs.scenarios"),
                        static_cast<int>(p.personas.size()), T("packs.personas"), static_cast<int>(p.plans.size()),
                        T("packs.plans"));
            ImGui::TableNextColumn();
            if (ImGui::SmallButton(L("packs.export", "export").c_str())) pack_export(p.meta.id);
            ImGui::SameLine();
            // The consultant's deliverables: readable documents of the scripts and processes.
            if (ImGui::SmallButton(L("packs.export_scripts", "export-scripts").c_str())) pack_export_scripts_html(p.meta.id);
            ui_track(("packs.export_scripts." + p.meta.id).c_str());
            ImGui::SameLine();
            if (ImGui::SmallButton(L("packs.export_processes", "export-processes").c_str())) pack_export_processes_html(p.meta.id);
            ImGui::SameLine();
            if (ImGui::SmallButton(L("studio.edit", "studio-edit").c_str())) {
                store().dispatch(cmd::StudioOpenPack{p.meta.id});
                studio_open(p.meta.id);
                ui_state().screen = Screen::Studio;
            }
            ImGui::SameLine();
            if (confirm_remove == p.meta.id) {
                if (ImGui::SmallButton(L("packs.remove", "remove-yes").c_str())) {
                    store().dispatch(cmd::RemovePack{p.meta.id});
                    confirm_remove.clear();
                    ImGui::PopID();
                    if (open) ImGui::TreePop();
                    break;   // the list changed under us; draw the rest next frame
                }
                ImGui::SameLine();
                if (ImGui::SmallButton(L("common.cancel", "remove-no").c_str())) confirm_remove.clear();
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("packs.remove_confirm"));
            } else if (ImGui::SmallButton(L("packs.remove", "remove").c_str())) {
                confirm_remove = p.meta.id;
            }
            if (open) {
                for (const Scenario& s : p.scenarios) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::Indent();
                    ImGui::TextUnformatted(pick(s.title, lang).c_str());
                    ImGui::Unindent();
                    ImGui::TableNextColumn();
                    ImGui::TableNextColumn();
                    ImGui::TableNextColumn();
                    ImGui::PushTextWrapPos(0);
                    ImGui::TextDisabled("%s", pick(s.situation, lang).c_str());
                    ImGui::PopTextWrapPos();
                    ImGui::TableNextColumn();
                }
                ImGui::TreePop();
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
}

}  // namespace cw
