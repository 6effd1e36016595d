// library.h — the set of content packs in a workspace: import (all-or-nothing), remove, look
// entities up by id across packs, export them all.
// Must never: hold a pack that failed validation, or change anything when an import fails.
// Ids are pack-scoped (two packs may both have a "gen_z" persona): a lookup without a pack id
// takes the first pack, in library order, that has the id; pass the pack id to be exact.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/pack.h"

namespace cw {

struct Library {
    std::vector<Pack> packs;   // in import order; a replaced pack keeps its place
    // Identifies the packs' content for caches (compiled triage indexes): a process-wide
    // unique number set by every change made through this file (and touch_library). A copy
    // keeps it, which is right: same number, same content. 0 = unknown (packs pushed by hand,
    // a fresh load): never cached. Not saved.
    std::uint64_t revision = 0;
};

// Gives `lib` a new revision; call after changing its packs in place.
void touch_library(Library& lib);

enum class ImportMode {
    AddAlongside,   // the pack id must be new to the library
    ReplaceSameId,  // the pack id must already be in the library; that pack is replaced
};

struct ImportResult {
    bool ok = false;
    std::string error;                    // when !ok: why, in words
    std::vector<ValidationIssue> issues;  // validation findings (errors when !ok; warnings either way)
};

// Validates first; on any error the library is unchanged.
ImportResult import_pack(Library& lib, Pack pack, ImportMode mode);
// load_pack_json + import_pack; the load's warnings (unknown keys) come back in issues.
ImportResult import_pack_json(Library& lib, std::string_view json, ImportMode mode);

bool remove_pack(Library& lib, std::string_view pack_id);  // false if there was no such pack

const Pack* find_pack(const Library& lib, std::string_view pack_id);

// An entity and the pack it belongs to; both null when not found.
template <class T> struct Found {
    const Pack* pack = nullptr;
    const T* item = nullptr;
    explicit operator bool() const { return item != nullptr; }
};

// `pack_id` empty: search every pack in order.
Found<Persona> find_persona(const Library& lib, std::string_view id, std::string_view pack_id = {});
Found<Scenario> find_scenario(const Library& lib, std::string_view id, std::string_view pack_id = {});
Found<ContingencyPlan> find_plan(const Library& lib, std::string_view id, std::string_view pack_id = {});
Found<AgentGrade> find_grade(const Library& lib, std::string_view id, std::string_view pack_id = {});

struct ExportedPack {
    std::string pack_id;
    std::string file_name;   // "<pack id>.json"
    std::string json;        // save_pack_json
};
std::vector<ExportedPack> export_workspace_packs(const Library& lib);

}  // namespace cw
