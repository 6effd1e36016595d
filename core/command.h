// command.h — every change to the workspace is a Command (DESIGN.md: data flows one way).
// The UI builds these structs; the automation API builds them from JSON; both go through
// apply(). Never reads or writes storage, never touches the UI.
#pragma once
#include <string>
#include <string_view>
#include <variant>
#include <vector>
#include "core/case_commands.h"
#include "core/pdca_commands.h"
#include "core/qa_commands.h"
#include "core/studio_commands.h"
#include "core/workspace.h"

namespace cw {

namespace cmd {
struct SetLanguage { Lang language = Lang::En; };
struct SetAgentName { std::string name; };
struct SetCentreName { std::string name; };
struct SetGrade { std::string grade_id; };
struct SetLargeText { bool on = false; };
struct SetNotes { std::string text; };
struct SetUiLayout { std::string ini; };   // window layout; saved, but not a user "edit"
// A content pack as JSON text; all-or-nothing (core/library.h).
struct ImportPack { std::string json; ImportMode mode = ImportMode::AddAlongside; };
struct RemovePack { std::string pack_id; };
struct RecordPracticeRun { PracticeRun run; };
}  // namespace cmd

using Command = std::variant<cmd::SetLanguage, cmd::SetAgentName, cmd::SetCentreName,
                             cmd::SetGrade, cmd::SetLargeText, cmd::SetNotes, cmd::SetUiLayout,
                             cmd::ImportPack, cmd::RemovePack, cmd::RecordPracticeRun,
                             // the triage desk (core/cases.h)
                             cmd::CreateCase, cmd::MoveCase, cmd::SetCaseStatus, cmd::StartPlan,
                             cmd::TickChecklist, cmd::ReportUp, cmd::RequestApproval, cmd::DecideApproval,
                             cmd::AddCaseNote, cmd::CloseCase, cmd::PlanFromReview, cmd::AddPrepItem,
                             cmd::SetPrepDone,
                             // QA review (core/qa_record.h)
                             cmd::FileQaRecord, cmd::DisputeDeduction, cmd::DecideDispute, cmd::MarkQaItem,
                             // the PDCA board (core/pdca.h)
                             cmd::AddPdcaItem, cmd::UpdatePdcaItem, cmd::MovePdcaItem, cmd::LinkPdcaCase,
                             cmd::RemovePdcaItem,
                             // the script studio (core/pack_draft.h)
                             cmd::StudioOpenPack, cmd::StudioNewPack, cmd::StudioPutScenario,
                             cmd::StudioRemoveScenario, cmd::StudioPutPersona, cmd::StudioRemovePersona,
                             cmd::StudioPutGuardrails, cmd::StudioPutMeta, cmd::StudioUndo, cmd::StudioRedo,
                             cmd::StudioPublish, cmd::StudioDiscard>;

struct CommandResult {
    bool ok = false;
    bool changed = false;   // false when the command was valid but changed nothing
    std::string error;      // a message a person can act on, when !ok
    std::vector<std::string> details;   // e.g. a pack's validation findings, one per line
    std::string id;                     // what a create command made (a case id, an item id)
};

// The two shapes every apply function returns (the domain files share them).
inline CommandResult command_failed(std::string message) {
    CommandResult r;
    r.error = std::move(message);
    return r;
}
inline CommandResult command_done(bool changed) {
    CommandResult r;
    r.ok = true;
    r.changed = changed;
    return r;
}

// Fills `at` and `by` of commands that carry them, where still empty (the store does this
// with the platform clock and the agent's name; the core never reads a clock).
void stamp(Command& c, std::int64_t now_ms, const std::string& agent);

CommandResult apply(Workspace& ws, const Command& c);

// The JSON form, e.g. {"type":"set_language","language":"zh-CN"}.
struct CommandParse {
    bool ok = false;
    Command command;
    std::string error;
};
constexpr size_t kMaxCommandBytes = 24u * 1024u * 1024u;   // room for a 16 MiB pack in import_pack
CommandParse command_from_json(std::string_view json);
std::string command_name(const Command& c);

}  // namespace cw
