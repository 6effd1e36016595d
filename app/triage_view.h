// triage_view.h — view state of the triage desk and the derived data it shows, cached so a
// frame never re-classifies or re-sorts: the live suggestion is recomputed when the intake
// text, pack or workspace changes; the board when the workspace or the filter changes.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/cases.h"

namespace cw {

struct IntakeState {
    std::string text, customer, channel = "phone", pack_id, persona_id, scenario_id;
    int quadrant = -1;            // -1: take the suggestion; 0..3: the agent's choice
    std::string reason;           // for a quadrant other than the suggestion
    std::string error;            // the last refusal, shown under the button
    std::string last_logged;      // id of the case just logged
    // derived
    TriageResult result;
    std::vector<ScenarioMatch> scenarios;
    TriageThresholds thresholds;
    std::string suggested_persona;   // from what the caller said and the channel
    LocalizedText persona_reason;
};

struct BoardState {
    BoardFilter filter;
    bool only_mine = false;
    bool show_backlog = false;
};

IntakeState& intake();
BoardState& board_state();
std::string& open_case_id();      // the case shown in the detail window ("" = none)

void intake_refresh();            // cheap when nothing changed
const Board& current_board();     // rebuilt only after a change
std::string log_intake_case();    // dispatches CreateCase; returns the new id or ""

// "12m", "1h05m", "3d"
std::string format_duration(std::int64_t ms);

}  // namespace cw
