// workspace.h — everything one user keeps: settings, the content packs (library), cases,
// post-incident reviews and PDCA items.
// The UI reads a `const Workspace&`; only core/command.cpp changes it.
// Serialised with cereal as JSON; the schema version drives migration of older saves.
//   schema 1 (foundation): settings only.
//   schema 2: + packs, cases, reviews, pdca, backlog, next_case_number, next_item_number.
//   schema 3: + qa_records (scored calls for review), drafts (the studio), next_qa_number.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/library.h"
#include "core/model.h"
#include "core/pack_draft.h"
#include "core/qa_record.h"
#include "core/settings.h"

namespace cw {

// One finished practice call and its QA score, for the trainee's progress.
struct PracticeRun {
    std::int64_t at = 0;
    std::string agent, pack_id, scenario_id, persona_id, grade_id;
    std::uint64_t seed = 0;       // replays the same call
    double percent = 0;           // QA score, 0..100
    double final_mood = 0;        // the simulated customer's mood at the end
    std::string end;              // to_string(CallEnd)
    std::map<std::string, double> items;   // scorecard item id -> share earned, 0..1
};

struct Workspace {
    static constexpr int kSchemaVersion = 3;
    Settings settings;
    Library library;
    std::vector<Case> cases;
    std::vector<Review> reviews;
    std::vector<PdcaItem> pdca;
    std::vector<PrepItem> backlog;         // Q2 preparation work
    std::vector<PracticeRun> practice_runs;
    std::vector<QaRecord> qa_records;      // scored calls, for the reviewer and the dashboard
    std::vector<PackDraft> drafts;         // packs open in the studio
    std::uint64_t next_qa_number = 1;     // QA record ids "Q-000001"
    std::uint64_t next_case_number = 1;   // case ids "C-000001", never reused
    std::uint64_t next_item_number = 1;   // backlog / PDCA ids "P-0001"
};

struct WorkspaceLoad {
    bool ok = false;
    Workspace workspace;
    int loaded_schema = 0;   // the version found in the file (before migration)
    std::string error;       // set when !ok: what is wrong, where
};

// Deterministic JSON (same workspace -> same bytes). Compact for saves (a third of the size of
// indented JSON, and faster); `pretty` for exports a person may open.
std::string workspace_to_json(const Workspace& ws, bool pretty = false);
// Checks size/depth/encoding before cereal sees the text; migrates older schema versions;
// refuses newer ones (saved by a newer Callwise) rather than guessing. Packs in the save are
// validated again: a save that was edited by hand cannot smuggle in a broken pack.
WorkspaceLoad workspace_from_json(std::string_view json);

}  // namespace cw
