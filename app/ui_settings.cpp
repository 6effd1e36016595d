// ui_settings.cpp — who is working, in which centre, at which grade; language and display.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/store.h"
#include "app/ui.h"
#include "app/ui_tracking.h"

namespace cw {

void draw_settings() {
    const Settings& s = store().ws().settings;
    ImGui::SetWindowFontScale(1.25f);
    ImGui::TextUnformatted(T("settings.title"));
    ImGui::SetWindowFontScale(1.0f);
    ImGui::Separator();

    ImGui::TextDisabled("%s", T("settings.profile"));
    const float field_w = ImGui::GetFontSize() * 22;
    // Each edit is a command: the workspace changes only through the store.
    std::string name = s.agent_name;
    ImGui::SetNextItemWidth(field_w);
    if (ImGui::InputTextWithHint(L("settings.agent_name", "agent-name").c_str(), T("settings.agent_name.hint"), &name))
        store().dispatch(cmd::SetAgentName{name});
    ui_track("settings.agent_name");

    std::string centre = s.centre_name;
    ImGui::SetNextItemWidth(field_w);
    if (ImGui::InputTextWithHint(L("settings.centre_name", "centre-name").c_str(), T("settings.centre_name.hint"), &centre))
        store().dispatch(cmd::SetCentreName{centre});
    ui_track("settings.centre_name");

    static const char* kGrades[] = {"trainee", "agent", "senior", "lead"};
    int current = 1;
    for (int i = 0; i < 4; ++i)
        if (s.grade_id == kGrades[i]) current = i;
    ImGui::SetNextItemWidth(field_w);
    const std::string grade_key = std::string("grade.") + kGrades[current];
    if (ImGui::BeginCombo(L("settings.grade", "grade").c_str(), T(grade_key.c_str()))) {
        for (int i = 0; i < 4; ++i) {
            const std::string key = std::string("grade.") + kGrades[i];
            if (ImGui::Selectable(T(key.c_str()), i == current)) store().dispatch(cmd::SetGrade{kGrades[i]});
        }
        ImGui::EndCombo();
    }
    ui_track("settings.grade");
    ImGui::PushTextWrapPos(field_w * 1.6f);
    ImGui::TextDisabled("%s", T("settings.grade.help"));
    ImGui::PopTextWrapPos();

    ImGui::Spacing();
    ImGui::TextDisabled("%s", T("settings.display"));
    const Lang lang = s.language;
    ImGui::TextUnformatted(T("settings.language"));
    ImGui::SameLine();
    if (ImGui::RadioButton("English###set-lang-en", lang == Lang::En)) store().dispatch(cmd::SetLanguage{Lang::En});
    ImGui::SameLine();
    if (ImGui::RadioButton("简体中文###set-lang-zh", lang == Lang::Zh)) store().dispatch(cmd::SetLanguage{Lang::Zh});
    bool large = s.large_text;
    if (ImGui::Checkbox(L("settings.large_text", "large-text").c_str(), &large)) store().dispatch(cmd::SetLargeText{large});
    ui_track("settings.large_text");
}

}  // namespace cw
