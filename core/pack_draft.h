// pack_draft.h — a pack being edited in the studio, with its undo and redo history.
// A draft may be invalid while it is edited (a branch not linked yet); validate_pack() shows
// the problems live and publishing refuses them. Drafts are saved with the workspace, so a
// reload loses no edit and keeps the history.
// Undo works per entity: each edit keeps the entity (a scenario, a persona, the guardrails, the
// meta) before and after, as canonical JSON, so the history stays small next to the pack.
// Owns: applying the studio commands (core/studio_commands.h). Must never: touch UI/platform
// code, change the library except through StudioPublish.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/model.h"

namespace cw {

struct DraftEdit {
    std::string kind;            // "scenario" "persona" "guardrails" "meta"
    int index = -1;              // position in the pack's list (scenario/persona)
    std::string before, after;   // entity JSON; empty = absent (added / removed)
};

struct PackDraft {
    Pack pack;                   // pack.meta.id is the draft's id
    bool is_new = false;         // not in the library yet: publishing adds it
    std::vector<DraftEdit> undo; // oldest first; bounded by kMaxDraftHistory
    std::vector<DraftEdit> redo;
    std::uint64_t revision = 0;  // +1 on every change (the UI caches validation per revision)
};

constexpr size_t kMaxDraftHistory = 200;
constexpr size_t kMaxDrafts = 16;
constexpr size_t kMaxEntityJsonBytes = 512u * 1024u;   // one scenario or persona

const PackDraft* find_draft(const std::vector<PackDraft>& drafts, const std::string& pack_id);

// Canonical JSON of one entity (the form DraftEdit keeps), and back. The load is guarded like a
// pack load; errors name the field.
std::string scenario_to_json(const Scenario& s);
std::string persona_to_json(const Persona& p);
bool scenario_from_json(const std::string& json, Scenario& out, std::string& error);
bool persona_from_json(const std::string& json, Persona& out, std::string& error);

template <class Archive> void serialize(Archive&, DraftEdit&);
template <class Archive> void serialize(Archive&, PackDraft&);

}  // namespace cw
