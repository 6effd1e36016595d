// ui_theme.cpp — see ui_theme.h.
#include "app/ui_theme.h"

#include <imgui.h>

namespace cw {

void apply_theme() {
    ImGui::StyleColorsDark();
    ImGuiStyle& st = ImGui::GetStyle();
    st.WindowPadding = ImVec2(12, 10);
    st.FramePadding = ImVec2(8, 5);
    st.ItemSpacing = ImVec2(10, 7);
    st.ScrollbarSize = 14;
    st.FrameRounding = 4;
    st.ChildRounding = 6;
    st.PopupRounding = 6;
    st.GrabRounding = 4;
    st.WindowRounding = 6;
    ImVec4* c = st.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.114f, 0.149f, 0.188f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(0.137f, 0.176f, 0.220f, 1.0f);
    c[ImGuiCol_PopupBg] = ImVec4(0.137f, 0.176f, 0.220f, 0.98f);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.090f, 0.118f, 0.149f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.24f, 0.29f, 0.35f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(0.19f, 0.24f, 0.30f, 1.0f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.23f, 0.30f, 0.38f, 1.0f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.26f, 0.34f, 0.43f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.21f, 0.39f, 0.56f, 0.80f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.25f, 0.46f, 0.66f, 0.80f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.28f, 0.52f, 0.74f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.21f, 0.39f, 0.56f, 0.85f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.27f, 0.48f, 0.68f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.31f, 0.55f, 0.78f, 1.0f);
    c[ImGuiCol_CheckMark] = ImVec4(0.40f, 0.70f, 0.95f, 1.0f);
    c[ImGuiCol_Text] = ImVec4(0.90f, 0.93f, 0.96f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.58f, 0.65f, 0.73f, 1.0f);
}

}  // namespace cw
