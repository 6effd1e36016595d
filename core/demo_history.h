// demo_history.h — the consultant's demo centre (DOMAIN.md §7, issue #7): a believable 90-day
// history over the demo packs, so the manager's dashboard, the QA reviewer's queue, the PDCA
// board and the trainees' progress have something to show the moment a demo starts.
//
// Owns: generating cases (weekly rhythm, a couple of incident spikes, texts made from the
// scenarios' typical phrases, triage by core/triage.h, first responses mostly within the packs'
// targets, Q1 contingency plans with ticks and report-ups, approvals, escalations, outcomes,
// reviews), QA records (a plausible transcript walked through the scenario's script, scored by
// core/qa_scoring.h), practice runs (core/practice_sim.h with a trainee who improves), PDCA items
// and Q2 backlog items — every id pointing at something real in the library.
// Must never: read a clock or a random device (same seed + now -> byte-identical workspace JSON,
// natively and in wasm: only integer arithmetic and + - * / on doubles, no <random>
// distributions, no libm), touch UI/storage/platform code, or change the library or settings.
// Records are written directly, not through apply(): thousands of commands would re-run plan
// matching per case; the results are the same shapes apply() makes (see core/cases.cpp).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/workspace.h"

namespace cw {

struct DemoOptions {
    int days = 90;              // history length, ending at now (1..366)
    int case_count = 0;         // 0: the natural rhythm (about 15–40 a day plus spikes, ~2,500 in 90
                                // days); otherwise exactly this many cases
    double qa_share = 0.18;     // share of closed phone/chat cases given a QA record (Q1 calls: more)
    int practice_per_week = 4;  // practice runs per trainee per week
    std::vector<std::string> pack_ids;  // empty: the demo packs (demo_pack_files()) present in the
                                        // library, or every pack if none of them is
};

// Replaces the workspace's cases, reviews, PDCA items, backlog, QA records and practice runs
// (and their id counters) with a generated history over [now_ms - days, now_ms). The library,
// settings and drafts are left as they are. Times of day follow China time (UTC+8): the demo
// centres answer Chinese customers. Does nothing beyond clearing if no selected pack has a
// scenario.
void generate_demo_history(Workspace& ws, std::uint64_t seed, std::int64_t now_ms, const DemoOptions& options = {});

// The demo packs shipped in assets/packs/ (file names; the pack id is the name without ".json").
std::vector<std::string> demo_pack_files();

}  // namespace cw
