// qa_commands.h — the commands of QA review 质检 (DOMAIN.md §6): file a scored call (practice or
// real) so a reviewer can see it, dispute a deduction, decide a dispute, mark a manual item.
// Plain data; applied in core/qa_record.cpp. `at`/`by` are stamped by the store.
#pragma once
#include <cstdint>
#include <string>

#include "core/qa_record.h"

namespace cw::cmd {

// Keeps a scored call in the workspace (QaRecord::id is assigned on apply: "Q-000001").
struct FileQaRecord { QaRecord record; std::int64_t at = 0; std::string by; };
// An agent disagrees with a deduction; the score does not move until a reviewer accepts.
struct DisputeDeduction { std::string record_id, deduction_id, comment; std::int64_t at = 0; std::string by; };
// A reviewer's decision on dispute `index` of the record: accept waives the deduction.
struct DecideDispute { std::string record_id; int index = 0; bool accept = false; std::string note; std::int64_t at = 0; std::string by; };
// A reviewer's points for a manual item (or an automatic item left unscored).
struct MarkQaItem { std::string record_id, item_id; double points = 0; std::string note; std::int64_t at = 0; std::string by; };

}  // namespace cw::cmd

namespace cw {
struct Workspace;
struct CommandResult;
CommandResult apply_qa(Workspace& ws, const cmd::FileQaRecord& c);
CommandResult apply_qa(Workspace& ws, const cmd::DisputeDeduction& c);
CommandResult apply_qa(Workspace& ws, const cmd::DecideDispute& c);
CommandResult apply_qa(Workspace& ws, const cmd::MarkQaItem& c);
}  // namespace cw
