// workspace.h — everything one user keeps: settings, the content packs (library), cases,
// post-incident reviews and PDCA items.
// The UI reads a `const Workspace&`; only core/command.cpp changes it.
// Serialised with cereal as JSON; the schema version drives migration of older saves.
//   schema 1 (foundation): settings only.
//   schema 2: + packs, cases, reviews, pdca, backlog, next_case_number, next_item_number.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/library.h"
#include "core/model.h"
#include "core/settings.h"

namespace cw {

struct Workspace {
    static constexpr int kSchemaVersion = 2;
    Settings settings;
    Library library;
    std::vector<Case> cases;
    std::vector<Review> reviews;
    std::vector<PdcaItem> pdca;
    std::vector<PrepItem> backlog;         // Q2 preparation work
    std::uint64_t next_case_number = 1;   // case ids "C-000001", never reused
    std::uint64_t next_item_number = 1;   // backlog / PDCA ids "P-0001"
};

struct WorkspaceLoad {
    bool ok = false;
    Workspace workspace;
    int loaded_schema = 0;   // the version found in the file (before migration)
    std::string error;       // set when !ok: what is wrong, where
};

// Deterministic JSON (same workspace -> same bytes).
std::string workspace_to_json(const Workspace& ws);
// Checks size/depth/encoding before cereal sees the text; migrates older schema versions;
// refuses newer ones (saved by a newer Callwise) rather than guessing. Packs in the save are
// validated again: a save that was edited by hand cannot smuggle in a broken pack.
WorkspaceLoad workspace_from_json(std::string_view json);

}  // namespace cw
