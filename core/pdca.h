// pdca.h — the PDCA improvement board (DOMAIN.md §7): find the problem → set the target → find
// the root cause → countermeasure → follow up → standardise, as items that move plan → do →
// check → act and link to the cases behind them.
// Owns: applying the PDCA commands (core/pdca_commands.h) and the small queries the board
// reads. Must never: touch UI/platform code or read a clock (times come with the commands).
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace cw {

struct Workspace;

constexpr size_t kMaxPdcaItems = 10000;          // per workspace
constexpr size_t kMaxPdcaTitleBytes = 500;
constexpr size_t kMaxPdcaTextBytes = 16u * 1024u; // problem, target, root cause ... (longer is cut)
constexpr size_t kMaxPdcaOwnerBytes = 200;
constexpr size_t kMaxPdcaCases = 1000;           // linked cases per item
constexpr size_t kMaxPdcaHistory = 500;          // moves kept per item (the oldest give way)

// The items of one stage, in board order (the order they were added).
std::vector<const PdcaItem*> pdca_items_in(const Workspace& ws, PdcaStage stage);
const PdcaItem* find_pdca_item(const Workspace& ws, std::string_view id);
// "hand", "review" or "dashboard".
bool is_pdca_source(std::string_view source);

}  // namespace cw
