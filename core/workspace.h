// workspace.h — everything one user keeps: settings now; packs, cases, reviews as issues land.
// The UI reads a `const Workspace&`; only core/command.cpp changes it.
// Serialised with cereal as JSON; the schema version drives migration of older saves.
#pragma once
#include <string>
#include <string_view>
#include "core/settings.h"

namespace cw {

struct Workspace {
    static constexpr int kSchemaVersion = 1;
    Settings settings;
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
// refuses newer ones (saved by a newer Callwise) rather than guessing.
WorkspaceLoad workspace_from_json(std::string_view json);

}  // namespace cw
