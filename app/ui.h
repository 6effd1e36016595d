// ui.h — the views. They read the Store's workspace and emit commands; they keep only
// view state (which screen is open), never domain data.
#pragma once
#include <string>

namespace cw {

enum class Screen { Home, Triage, Assistant, Practice, Studio, Review, Dashboard, Improve, Packs, Settings };
const char* to_string(Screen s);
bool screen_from_string(const std::string& s, Screen& out);

struct UiState {
    Screen screen = Screen::Home;
    bool show_about = false;
};
UiState& ui_state();

// Draws one whole frame of the interface (between ImGui::NewFrame and ImGui::Render).
void draw_ui();

// Screens, one file each.
void draw_home();
void draw_settings();
void draw_packs();
void draw_triage();
void draw_assistant();
void draw_practice();
void draw_studio();
void draw_review();
void draw_dashboard();
void draw_pdca();
// The studio's open draft (automation and the Packs screen open one).
void studio_open(const std::string& pack_id);
void review_select(const std::string& qa_record_id);
void pdca_select(const std::string& item_id);
// The guided tour (app/ui_tour.cpp).
void tour_start();
int tour_step();   // -1 when not touring
void draw_tour();
// The dashboard's summary report as a download, and its headline figures as JSON (automation).
void dashboard_export_report();
std::string dashboard_summary_json();
std::string studio_open_pack_id();
void draw_backlog();
void draw_case_window();

// Shorthands for the current language (core/i18n.h).
const char* T(const char* key);
// "translated###stable-id": the label follows the language, the ImGui id does not.
std::string L(const char* key, const char* id);

}  // namespace cw
