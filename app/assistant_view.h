// assistant_view.h — the live call assistant's view state: the scenario search (cached per
// workspace change), the running call session (core/call_session.h), and the reply box with
// its guardrail report (recomputed only when the text changes).
#pragma once
#include <string>
#include <vector>

#include "core/call_session.h"
#include "core/guardrail_check.h"
#include "core/qa_scoring.h"

#include <optional>
#include "core/scenario_search.h"

namespace cw {

struct AssistantState {
    std::string query;
    std::vector<ScenarioSearchResult> results;
    std::string pack_id, scenario_id, persona_id, case_id;
    CallSession session;
    bool started = false;
    std::string reply;
    GuardrailReport report;
    std::string customer_said, deviate_note, message;
    std::string ended_as;
    bool copy_blocked = false;    // Copy was pressed on a flagged reply
    std::optional<QaResult> qa;   // the pack's scorecard on this real call, once it has ended
    std::string qa_record_id;     // where it was filed for review
};

AssistantState& assistant();
void assistant_search_refresh();   // cheap when nothing changed
void assistant_check_reply();      // cheap when nothing changed
// Starts (or restarts) the call for a scenario; the case, if any, gives persona and variables.
bool assistant_start(const std::string& pack_id, const std::string& scenario_id, const std::string& persona_id,
                     const std::string& case_id);

}  // namespace cw
