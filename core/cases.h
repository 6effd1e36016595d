// cases.h — the triage desk's domain (DOMAIN.md §1): cases in four quadrants, response
// targets and what is overdue, the contingency plan a Q1 case starts, report-up reminders,
// graded authority, approvals, closing with a review, and reviews growing the plan library.
// Pure functions over the Workspace; the commands that change it are applied here too
// (called from core/command.cpp). Never reads a clock: times come in with the commands.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/case_commands.h"
#include "core/triage.h"
#include "core/workspace.h"

namespace cw {

struct CommandResult;

constexpr size_t kMaxCaseTextBytes = 100u * 1024u;   // longer text is cut (at a character boundary)
constexpr size_t kMaxCaseNoteBytes = 16u * 1024u;
constexpr size_t kMaxCases = 100000;                 // per workspace (a save's list bound)

// The triage rules of the workspace: those of `pack_id` if given and present, else all packs'.
TriageIndex triage_index_for(const Workspace& ws, const std::string& pack_id);
std::vector<const Scenario*> scenarios_of(const Workspace& ws, const std::string& pack_id);

Quadrant effective_quadrant(const Case& c);
bool is_open(const Case& c);
// Minutes to first response for the case's quadrant (its pack's targets, else the first pack's,
// else 1 / 240 / 15 / 1440).
int response_target_minutes(const Workspace& ws, const Case& c);
std::int64_t due_at(const Workspace& ws, const Case& c);   // created_at + target

// The plan a case should run: triggered by its scenario or by a signal that fired on its text.
const ContingencyPlan* matching_plan(const Workspace& ws, const Case& c, std::string* pack_id = nullptr);
const ContingencyPlan* plan_of(const Workspace& ws, const Case& c);   // the plan it is running

// What an agent of `grade_id` may do alone in this case: the grade's own latitude, widened
// or narrowed by the running plan's grade_authority.
struct Authority {
    bool may_deviate = false;
    bool may_skip_steps = false;
    double compensation_limit = 0;
    bool sees_full_script = true;
    bool from_plan = false;
    bool known_grade = false;
};
Authority authority_for(const Workspace& ws, const Case& c, const std::string& grade_id);

// Report-up reminders of a running plan's escalation ladder.
struct ReportReminder {
    std::string role;
    int every_minutes = 0;
    std::int64_t next_at = 0;   // when the next report to this level is due
    bool overdue = false;
};
std::vector<ReportReminder> report_reminders(const Workspace& ws, const Case& c, std::int64_t now);

// The 2x2 board: open cases per quadrant, each queue sorted by priority (urgency + importance,
// high first) then by due time (soonest first). Sorting depends only on the workspace, not the
// clock, so it is built once per change, never per frame.
struct BoardFilter {
    std::string text;       // substring of case text / customer / id (normalised)
    std::string persona_id, channel, agent;
    int status = -1;        // CaseStatus as int; -1 = any open
};
struct Board {
    std::array<std::vector<int>, 4> queues;   // indices into ws.cases
    std::array<int, 4> counts{};              // open cases per quadrant (before the filter)
};
Board build_board(const Workspace& ws, const BoardFilter& filter);

// The Q2 backlog.
const Case* find_case(const Workspace& ws, const std::string& id);

// Command application (see case_commands.h). `result.id` gets the new case's id.
CommandResult apply_case(Workspace& ws, const cmd::CreateCase& c);
CommandResult apply_case(Workspace& ws, const cmd::MoveCase& c);
CommandResult apply_case(Workspace& ws, const cmd::SetCaseStatus& c);
CommandResult apply_case(Workspace& ws, const cmd::StartPlan& c);
CommandResult apply_case(Workspace& ws, const cmd::TickChecklist& c);
CommandResult apply_case(Workspace& ws, const cmd::ReportUp& c);
CommandResult apply_case(Workspace& ws, const cmd::RequestApproval& c);
CommandResult apply_case(Workspace& ws, const cmd::DecideApproval& c);
CommandResult apply_case(Workspace& ws, const cmd::AddCaseNote& c);
CommandResult apply_case(Workspace& ws, const cmd::CloseCase& c);
CommandResult apply_case(Workspace& ws, const cmd::PlanFromReview& c);
CommandResult apply_case(Workspace& ws, const cmd::AddPrepItem& c);
CommandResult apply_case(Workspace& ws, const cmd::SetPrepDone& c);

}  // namespace cw
