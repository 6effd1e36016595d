// pdca_commands.h — the PDCA improvement board (DOMAIN.md §7): items move plan → do → check → act
// through find the problem, target, root cause, countermeasure, follow-up, standardise; each
// item links to the cases behind it. Plain data; applied in core/pdca.cpp.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

namespace cw::cmd {

// source: "hand", "review" (from a Q1 case review) or "dashboard" (from a finding).
struct AddPdcaItem {
    std::string title, problem, source = "hand";
    std::vector<std::string> case_ids;
    std::int64_t at = 0;
    std::string by;
};
// Only the fields that are set change.
struct UpdatePdcaItem {
    std::string id;
    std::optional<std::string> title, problem, target, root_cause, countermeasure, follow_up, standardise, owner;
    std::int64_t at = 0;
    std::string by;
};
struct MovePdcaItem { std::string id; PdcaStage stage = PdcaStage::Plan; std::int64_t at = 0; std::string by; };
struct LinkPdcaCase { std::string id, case_id; bool link = true; std::int64_t at = 0; std::string by; };
struct RemovePdcaItem { std::string id; std::int64_t at = 0; std::string by; };

}  // namespace cw::cmd

namespace cw {
struct Workspace;
struct CommandResult;
CommandResult apply_pdca(Workspace& ws, const cmd::AddPdcaItem& c);
CommandResult apply_pdca(Workspace& ws, const cmd::UpdatePdcaItem& c);
CommandResult apply_pdca(Workspace& ws, const cmd::MovePdcaItem& c);
CommandResult apply_pdca(Workspace& ws, const cmd::LinkPdcaCase& c);
CommandResult apply_pdca(Workspace& ws, const cmd::RemovePdcaItem& c);
}  // namespace cw
