// ui_theme.cpp — see ui_theme.h.
#include "app/ui_theme.h"

#include <imgui.h>

#include <ctime>

#include "app/ui.h"

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

unsigned int quadrant_colour(int q) {
    static const ImU32 kColours[4] = {IM_COL32(190, 74, 60, 255), IM_COL32(71, 122, 170, 255),
                                      IM_COL32(184, 140, 52, 255), IM_COL32(78, 130, 86, 255)};
    return kColours[q < 0 || q > 3 ? 3 : q];
}

void quadrant_chip(int q) {
    static const char* kKeys[4] = {"q.q1.short", "q.q2.short", "q.q3.short", "q.q4.short"};
    const char* text = T(kKeys[q < 0 || q > 3 ? 3 : q]);
    const ImVec2 size = ImGui::CalcTextSize(text);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 pad(6, 1);
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + size.x + 2 * pad.x, p.y + size.y + 2 * pad.y),
                                              quadrant_colour(q), 4.0f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + pad.x, p.y + pad.y));
    ImGui::TextColored(ImVec4(1, 1, 1, 1), "%s", text);
    ImGui::SetCursorScreenPos(ImVec2(p.x + size.x + 2 * pad.x, p.y));
    ImGui::Dummy(ImVec2(0, size.y + 2 * pad.y));
}

void section(const char* title) {
    ImGui::Spacing();
    ImGui::TextColored(ImVec4(0.55f, 0.78f, 1.0f, 1.0f), "%s", title);
    ImGui::Separator();
}

std::string format_time(long long ms) {
    if (ms <= 0) return "";
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%m-%d %H:%M", &tm);
    return buf;
}

std::string format_date(long long ms) {
    if (ms <= 0) return "";
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

}  // namespace cw
