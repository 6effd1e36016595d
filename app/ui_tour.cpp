// ui_tour.cpp — a short guided tour of the main screens for a demo audience: each step opens
// its screen and explains it in one or two sentences, in a small window that stays out of
// the way. Opened from the Help menu and the demo banner.
#include <imgui.h>

#include <algorithm>
#include <iterator>

#include "app/store.h"
#include "app/ui.h"
#include "app/ui_tracking.h"

namespace cw {
namespace {

struct TourStep {
    Screen screen;
    const char* key;
};
const TourStep kSteps[] = {{Screen::Home, "tour.home"},         {Screen::Triage, "tour.triage"},
                           {Screen::Assistant, "tour.assistant"}, {Screen::Practice, "tour.practice"},
                           {Screen::Review, "tour.review"},     {Screen::Dashboard, "tour.dashboard"},
                           {Screen::Improve, "tour.improve"},   {Screen::Studio, "tour.studio"},
                           {Screen::Packs, "tour.packs"}};
constexpr int kCount = static_cast<int>(std::size(kSteps));

int g_step = -1;   // -1: not touring

void go(int step) {
    g_step = step;
    if (g_step >= 0 && g_step < kCount) ui_state().screen = kSteps[g_step].screen;
    else g_step = -1;
}

}  // namespace

void tour_start() { go(0); }
int tour_step() { return g_step; }

void draw_tour() {
    if (g_step < 0) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float w = std::min(460.0f * (store().ws().settings.large_text ? 1.3f : 1.0f), vp->WorkSize.x - 40);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - w - 24, vp->WorkPos.y + vp->WorkSize.y - 60), ImGuiCond_Always,
                            ImVec2(0, 1));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.10f, 0.20f, 0.36f, 0.97f));
    const std::string title = std::string(T("tour.title")) + "  " + std::to_string(g_step + 1) + " / " + std::to_string(kCount) + "###tour";
    if (ImGui::Begin(title.c_str(), nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                                  ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(T(kSteps[g_step].key));
        ImGui::PopTextWrapPos();
        ui_track("tour.text");
        ImGui::Spacing();
        ImGui::BeginDisabled(g_step == 0);
        if (ImGui::Button(L("tour.back", "tour-back").c_str())) go(g_step - 1);
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (g_step + 1 < kCount) {
            if (ImGui::Button(L("tour.next", "tour-next").c_str())) go(g_step + 1);
            ui_track("tour.next");
            ImGui::SameLine();
        }
        if (ImGui::Button(L("tour.end", "tour-end").c_str())) go(-1);
        ui_track("tour.end");
    }
    ImGui::End();
    ImGui::PopStyleColor();
}

}  // namespace cw
