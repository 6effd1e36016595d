// ui_shell.cpp — the frame around every screen: menu bar, storage banners, navigation,
// status bar, About. Screens themselves live in ui_<screen>.cpp.
#include <imgui.h>

#include "app/platform.h"
#include "app/store.h"
#include "app/demo_mode.h"
#include "app/ui.h"
#include "app/ui_tracking.h"
#include "core/i18n.h"

namespace cw {

UiState& ui_state() {
    static UiState s;
    return s;
}

const char* to_string(Screen s) {
    switch (s) {
        case Screen::Home: return "home";
        case Screen::Settings: return "settings";
        case Screen::Packs: return "packs";
        case Screen::Triage: return "triage";
        case Screen::Assistant: return "assistant";
        case Screen::Practice: return "practice";
        case Screen::Studio: return "studio";
        case Screen::Review: return "review";
        case Screen::Dashboard: return "dashboard";
        case Screen::Improve: return "improve";
    }
    return "home";
}

bool screen_from_string(const std::string& s, Screen& out) {
    if (s == "home") { out = Screen::Home; return true; }
    if (s == "settings") { out = Screen::Settings; return true; }
    if (s == "packs") { out = Screen::Packs; return true; }
    if (s == "triage") { out = Screen::Triage; return true; }
    if (s == "assistant") { out = Screen::Assistant; return true; }
    if (s == "practice") { out = Screen::Practice; return true; }
    if (s == "studio") { out = Screen::Studio; return true; }
    if (s == "review") { out = Screen::Review; return true; }
    if (s == "dashboard") { out = Screen::Dashboard; return true; }
    if (s == "improve") { out = Screen::Improve; return true; }
    return false;
}

const char* T(const char* key) { return tr(store().ws().settings.language, key); }

std::string L(const char* key, const char* id) { return std::string(T(key)) + "###" + id; }

namespace {

const ImVec4 kWarn(0.55f, 0.36f, 0.10f, 1.0f);
const ImVec4 kError(0.58f, 0.18f, 0.16f, 1.0f);

void language_switch(const char* id_suffix) {
    const Lang cur = store().ws().settings.language;
    if (ImGui::RadioButton((std::string("English###lang-en-") + id_suffix).c_str(), cur == Lang::En))
        store().dispatch(cmd::SetLanguage{Lang::En});
    if (std::string(id_suffix) == "menu") ui_track("lang.en");
    ImGui::SameLine();
    if (ImGui::RadioButton((std::string("简体中文###lang-zh-") + id_suffix).c_str(), cur == Lang::Zh))
        store().dispatch(cmd::SetLanguage{Lang::Zh});
    if (std::string(id_suffix) == "menu") ui_track("lang.zh");
}

void menu_bar() {
    if (!ImGui::BeginMenuBar()) return;
    ImGui::TextColored(ImVec4(0.55f, 0.78f, 1.0f, 1.0f), "%s", T("app.title"));
    ui_track("app.title");
    ImGui::Separator();
    if (ImGui::BeginMenu(L("menu.workspace", "m-ws").c_str())) {
        if (ImGui::MenuItem(L("menu.settings", "m-settings").c_str())) ui_state().screen = Screen::Settings;
        if (ImGui::MenuItem(L("menu.export_workspace", "m-export").c_str())) store().export_workspace();
        ImGui::Separator();
        if (!demo_active()) {
            if (ImGui::MenuItem(L("menu.demo", "m-demo").c_str())) {
                const std::string err = demo_enter(false);
                if (err.empty()) tour_start();
            }
        } else if (ImGui::MenuItem(L("menu.demo_leave", "m-demo-leave").c_str())) {
            demo_leave();
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(L("menu.view", "m-view").c_str())) {
        bool large = store().ws().settings.large_text;
        if (ImGui::MenuItem(L("menu.large_text", "m-large").c_str(), nullptr, &large))
            store().dispatch(cmd::SetLargeText{large});
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(L("menu.help", "m-help").c_str())) {
        if (ImGui::MenuItem(L("menu.tour", "m-tour").c_str())) tour_start();
        if (ImGui::MenuItem(L("menu.about", "m-about").c_str())) ui_state().show_about = true;
        ImGui::EndMenu();
    }
    // Language switch, always one click away, at the right end.
    const ImGuiStyle& st = ImGui::GetStyle();
    const float w = ImGui::CalcTextSize("English").x + ImGui::CalcTextSize("简体中文").x +
                    2 * (ImGui::GetFrameHeight() + st.ItemInnerSpacing.x) + st.ItemSpacing.x + st.WindowPadding.x + 24;
    ImGui::SameLine(ImGui::GetWindowWidth() - w);
    language_switch("menu");
    ImGui::EndMenuBar();
}

void banner(const ImVec4& colour, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colour);
    const float h = ImGui::GetTextLineHeightWithSpacing() * 2.6f;
    ImGui::BeginChild(text, ImVec2(0, h), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::SetCursorPos(ImVec2(10, 8));
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void storage_banners() {
    Store& s = store();
    switch (s.save_state()) {
        case SaveState::MemoryOnly: banner(kWarn, T("storage.memory")); break;
        case SaveState::ReadOnly: banner(kWarn, T("storage.readonly")); break;
        case SaveState::Failed: {
            const std::string msg = std::string(T("storage.failed")) + "  (" + s.save_error() + ")";
            banner(kError, msg.c_str());
            break;
        }
        default: break;
    }
    const auto& problems = s.recovery_problems();
    if (problems.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, kError);
    ImGui::BeginChild("##recovery", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * (5.5f + problems.size())), false);
    ImGui::SetCursorPos(ImVec2(10, 8));
    ImGui::BeginGroup();
    ImGui::TextUnformatted(T("recovery.title"));
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x - 10);
    ImGui::TextUnformatted(T(s.recovery_from_save() ? "recovery.used_previous" : "recovery.started_empty"));
    ImGui::TextUnformatted(T("recovery.reason"));
    for (size_t i = 0; i < problems.size(); ++i)
        ImGui::BulletText("slot %d: %s", problems[i].slot, problems[i].reason.c_str());
    ImGui::PopTextWrapPos();
    for (size_t i = 0; i < problems.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Button(L("recovery.export", "rec-export").c_str())) s.export_problem(i);
        ImGui::PopID();
        ImGui::SameLine();
    }
    if (ImGui::Button(L("recovery.dismiss", "rec-dismiss").c_str())) s.dismiss_recovery();
    ui_track("recovery.dismiss");
    ImGui::EndGroup();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

// While the demo is live, always say so: a presenter must never mistake it for real data.
void demo_banner() {
    if (!demo_active()) return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.16f, 0.28f, 0.50f, 1));
    const float h = ImGui::GetFrameHeightWithSpacing() + 10;
    ImGui::BeginChild("##demo-banner", ImVec2(0, h), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::SetCursorPos(ImVec2(10, 5));
    if (ImGui::Button(L("demo.leave", "demo-leave").c_str())) demo_leave();
    ui_track("demo.leave");
    ImGui::SameLine();
    if (ImGui::Button(L("demo.reset", "demo-reset").c_str())) demo_enter(true);
    ui_track("demo.reset");
    ImGui::SameLine();
    if (ImGui::Button(L("demo.tour", "demo-tour").c_str())) tour_start();
    ImGui::SameLine();
    ImGui::TextUnformatted(T("demo.banner"));
    ui_track("demo.banner");
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void navigation() {
    UiState& ui = ui_state();
    struct Item { Screen screen; const char* key; const char* id; };
    const Item items[] = {{Screen::Home, "home.welcome", "nav-home"},
                          {Screen::Triage, "triage.title", "nav-triage"},
                          {Screen::Assistant, "assist.title", "nav-assistant"},
                          {Screen::Practice, "practice.title", "nav-practice"},
                          {Screen::Review, "review.title", "nav-review"},
                          {Screen::Dashboard, "dash.title", "nav-dashboard"},
                          {Screen::Improve, "pdca.title", "nav-improve"},
                          {Screen::Studio, "studio.title_screen", "nav-studio"},
                          {Screen::Packs, "packs.title", "nav-packs"},
                          {Screen::Settings, "menu.settings", "nav-settings"}};
    for (const auto& it : items) {
        if (ImGui::Selectable(L(it.key, it.id).c_str(), ui.screen == it.screen, 0, ImVec2(0, ImGui::GetFrameHeight())))
            ui.screen = it.screen;
        ui_track(it.id);
    }
}

const char* save_state_text() {
    switch (store().save_state()) {
        case SaveState::Saved:
            return T(platform().storage_kind() == StorageKind::Disk ? "storage.desktop" : "storage.saved");
        case SaveState::Pending: return T("storage.unsaved");
        case SaveState::Saving: return T("storage.saving");
        case SaveState::Failed: return T("storage.unsaved");
        case SaveState::MemoryOnly: return T("storage.unsaved");
        case SaveState::ReadOnly: return T("storage.unsaved");
    }
    return "";
}

void status_bar() {
    ImGui::Separator();
    const SaveState st = store().save_state();
    const ImVec4 dot = st == SaveState::Saved ? ImVec4(0.44f, 0.78f, 0.45f, 1)
                     : st == SaveState::Failed || st == SaveState::MemoryOnly ? ImVec4(0.95f, 0.45f, 0.35f, 1)
                                                                              : ImVec4(0.95f, 0.75f, 0.30f, 1);
    ImGui::TextColored(dot, "●");
    ImGui::SameLine();
    ImGui::TextUnformatted(save_state_text());
    ui_track("status.save");
    ImGui::SameLine(0, 24);
    ImGui::TextDisabled("%s: %s", T("status.language"), T(store().ws().settings.language == Lang::Zh ? "lang.zh" : "lang.en"));
    const std::string build = "build " + platform().build_id();
    ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(build.c_str()).x - 16);
    ImGui::TextDisabled("%s", build.c_str());
}

void about_modal() {
    if (ui_state().show_about) {
        ImGui::OpenPopup("###about");
        ui_state().show_about = false;
    }
    ImGui::SetNextWindowSize(ImVec2(460, 0), ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal(L("menu.about", "about").c_str(), nullptr, ImGuiWindowFlags_NoResize)) {
        ImGui::TextUnformatted(T("app.title"));
        ImGui::TextDisabled("%s", T("app.subtitle"));
        ImGui::Spacing();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(T("about.text"));
        ImGui::PopTextWrapPos();
        ImGui::TextDisabled("build %s", platform().build_id().c_str());
        if (ImGui::Button(L("common.close", "about-close").c_str())) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

}  // namespace

void draw_ui() {
    ui_tracking_new_frame();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::Begin("##root", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_MenuBar | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleVar(2);
    menu_bar();
    demo_banner();
    storage_banners();

    const float status_h = ImGui::GetFrameHeightWithSpacing() + 6;
    const float nav_w = 210.0f * (store().ws().settings.large_text ? 1.35f : 1.0f);
    ImGui::BeginChild("##nav", ImVec2(nav_w, -status_h), true);
    navigation();
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##content", ImVec2(0, -status_h), true);
    switch (ui_state().screen) {
        case Screen::Home: draw_home(); break;
        case Screen::Settings: draw_settings(); break;
        case Screen::Packs: draw_packs(); break;
        case Screen::Triage: draw_triage(); break;
        case Screen::Assistant: draw_assistant(); break;
        case Screen::Practice: draw_practice(); break;
        case Screen::Studio: draw_studio(); break;
        case Screen::Review: draw_review(); break;
        case Screen::Dashboard: draw_dashboard(); break;
        case Screen::Improve: draw_pdca(); break;
    }
    ImGui::EndChild();
    status_bar();
    about_modal();
    ImGui::End();
    draw_tour();
}

}  // namespace cw
