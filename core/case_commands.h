// case_commands.h — the commands of the triage desk (DOMAIN.md §1): log a case, move it
// between quadrants, run its contingency plan, report up, ask a lead's approval, close it with
// a review, and grow the plan library from reviews. Plain data; applied in core/cases.cpp.
// Every command carries `at` (unix ms) and `by` (agent): the core never reads a clock.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

namespace cw::cmd {

struct CreateCase {
    std::string text, channel, customer_name, persona_id, pack_id, scenario_id;
    std::optional<Quadrant> quadrant;   // the agent's choice; empty = take the suggestion
    std::string override_reason;        // required when `quadrant` differs from the suggestion
    std::int64_t at = 0;
    std::string by;
};
struct MoveCase { std::string case_id; Quadrant quadrant = Quadrant::Q4_Neither; std::string reason; std::int64_t at = 0; std::string by; };
struct SetCaseStatus { std::string case_id; CaseStatus status = CaseStatus::InProgress; std::int64_t at = 0; std::string by; };
struct StartPlan { std::string case_id, plan_id, pack_id; std::int64_t at = 0; std::string by; };
struct TickChecklist { std::string case_id; int item = 0; std::int64_t at = 0; std::string by; };
struct ReportUp { std::string case_id, text; std::int64_t at = 0; std::string by; };
struct RequestApproval { std::string case_id, what; double amount = 0; std::int64_t at = 0; std::string by; };
struct DecideApproval { std::string case_id; int index = 0; bool approved = false; std::string note; std::int64_t at = 0; std::string by; };
struct AddCaseNote { std::string case_id, text; std::int64_t at = 0; std::string by; };
struct CloseCase {
    std::string case_id;
    bool first_contact_resolved = false, escalated = false;
    double compensation_amount = 0;
    std::optional<int> satisfaction, nps;
    std::string what_happened, what_was_done, what_should_change;   // the review; required for Q1
    std::int64_t at = 0;
    std::string by;
};
// The PDCA loop: a review becomes a new contingency plan, or new checklist items of an existing one.
struct PlanFromReview {
    std::string case_id;
    std::string plan_id;                 // amend this plan (in the case's pack); empty = new plan
    std::string title;                   // for a new plan
    std::vector<std::string> checklist;  // new items, in order
    std::int64_t at = 0;
    std::string by;
};
struct AddPrepItem { std::string title, owner, case_id; std::int64_t due_at = 0; std::int64_t at = 0; std::string by; };
struct SetPrepDone { std::string id; bool done = true; std::int64_t at = 0; std::string by; };

}  // namespace cw::cmd
