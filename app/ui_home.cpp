// ui_home.cpp — the first screen: what Callwise is for, the four quadrants at a glance,
// and the workbench's modules.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "app/platform.h"
#include "app/store.h"
#include "app/ui.h"
#include "app/ui_tracking.h"

namespace cw {
namespace {

void quadrant_cell(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 fill, const char* title, const char* desc) {
    dl->AddRectFilled(a, b, fill, 8.0f);
    const float pad = 12.0f;
    ImGui::SetCursorScreenPos(ImVec2(a.x + pad, a.y + pad));
    ImGui::BeginGroup();   // keeps following lines indented inside the cell
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + (b.x - a.x) - 2 * pad);
    ImGui::TextColored(ImVec4(1, 1, 1, 1), "%s", title);
    ImGui::Spacing();
    ImGui::TextColored(ImVec4(0.93f, 0.95f, 0.97f, 0.92f), "%s", desc);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

void quadrant_map() {
    ImGui::TextDisabled("%s", T("home.quadrants"));
    const float w = ImGui::GetContentRegionAvail().x;
    const float cell_w = (w - 40) / 2.0f;
    const float cell_h = ImGui::GetTextLineHeightWithSpacing() * 5.2f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float gap = 8.0f;
    const ImVec2 origin(o.x + 28, o.y + 4);
    // Top row = important, right column = urgent (the usual Eisenhower layout).
    quadrant_cell(dl, origin, ImVec2(origin.x + cell_w - gap, origin.y + cell_h),
                  IM_COL32(71, 122, 170, 255), T("quadrant.q2"), T("quadrant.q2.desc"));
    quadrant_cell(dl, ImVec2(origin.x + cell_w, origin.y), ImVec2(origin.x + 2 * cell_w - gap, origin.y + cell_h),
                  IM_COL32(190, 74, 60, 255), T("quadrant.q1"), T("quadrant.q1.desc"));
    quadrant_cell(dl, ImVec2(origin.x, origin.y + cell_h + gap), ImVec2(origin.x + cell_w - gap, origin.y + 2 * cell_h + gap),
                  IM_COL32(78, 130, 86, 255), T("quadrant.q4"), T("quadrant.q4.desc"));
    quadrant_cell(dl, ImVec2(origin.x + cell_w, origin.y + cell_h + gap),
                  ImVec2(origin.x + 2 * cell_w - gap, origin.y + 2 * cell_h + gap),
                  IM_COL32(184, 140, 52, 255), T("quadrant.q3"), T("quadrant.q3.desc"));
    const ImU32 axis = IM_COL32(160, 175, 190, 255);
    dl->AddText(ImVec2(origin.x + 2 * cell_w - ImGui::CalcTextSize(T("axis.urgency")).x - gap,
                       origin.y + 2 * cell_h + gap + 4), axis, T("axis.urgency"));
    dl->AddText(ImVec2(o.x, origin.y - 2), axis, "↑");
    ImGui::SetCursorScreenPos(ImVec2(o.x, origin.y + 2 * cell_h + gap + ImGui::GetTextLineHeightWithSpacing() + 8));
    ImGui::TextDisabled("%s", T("axis.importance"));
}

void module_row(const char* title_key, const char* desc_key) {
    ImGui::BulletText("%s", T(title_key));
    ImGui::SameLine();
    ImGui::TextDisabled("— %s", T(desc_key));
}

}  // namespace

void draw_home() {
    const Settings& s = store().ws().settings;
    ImGui::SetWindowFontScale(1.35f);
    ImGui::TextUnformatted(T("home.welcome"));
    ui_track("home.welcome");
    ImGui::SetWindowFontScale(1.0f);
    if (!s.agent_name.empty() || !s.centre_name.empty())
        ImGui::TextDisabled("%s%s%s", s.agent_name.c_str(), (!s.agent_name.empty() && !s.centre_name.empty()) ? " · " : "",
                            s.centre_name.c_str());
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x * 0.95f);
    ImGui::TextUnformatted(T("home.intro"));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::Spacing();
    quadrant_map();
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextDisabled("%s  ·  %s", T("home.modules"), T("home.module.coming"));
    module_row("home.module.triage", "home.module.triage.desc");
    module_row("home.module.assistant", "home.module.assistant.desc");
    module_row("home.module.practice", "home.module.practice.desc");
    module_row("home.module.insight", "home.module.insight.desc");

    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", T("home.notes"));
    ImGui::SameLine();
    // Chat agents paste what they prepared here into the chat window.
    if (ImGui::SmallButton(L("common.copy", "notes-copy").c_str())) platform().set_clipboard(store().ws().settings.notes);
    ui_track("home.notes.copy");
    std::string notes = store().ws().settings.notes;
    const float h = std::max(ImGui::GetContentRegionAvail().y - 8.0f, ImGui::GetTextLineHeight() * 4);
    if (ImGui::InputTextMultiline("##notes", &notes, ImVec2(-1, h)))
        store().dispatch(cmd::SetNotes{notes});
    ui_track("home.notes");
    if (notes.empty()) {   // a hint, since 1.86 has no multi-line hint text
        const ImVec2 a = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddText(ImVec2(a.x + 8, a.y + 6), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                                            T("home.notes.hint"));
    }
}

}  // namespace cw
