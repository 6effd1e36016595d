// dashboard.h — the manager's figures (DOMAIN.md §2 and §7, issue #7): the voice of the
// customer as numbers over a period — quadrant mix over time, response-target attainment, FCR,
// escalations, compensation, NPS, satisfaction, guardrail hits, top scenarios and personas,
// trainee score trends and the 2x2 heat map with what is overdue.
// One pass over the workspace; no clock (now comes in the filter), no UI strings: whatever
// goes to people is a number or a LocalizedText from the packs. The report is core/report_html.h.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/workspace.h"

namespace cw {

// Which cases (and QA records / practice runs) count. Times are unix ms.
struct DashboardFilter {
    std::int64_t from_ms = 0;   // inclusive; 0 = open
    std::int64_t to_ms = 0;     // exclusive; 0 = open
    std::string channel;        // cases only (QA records and practice runs have no channel)
    std::string agent;          // cases, QA records, practice runs
    std::string persona_id;     // cases and QA records (practice trends are per trainee, all personas)
    std::int64_t now_ms = 0;    // for overdue and unanswered-past-target; 0 = nothing is overdue
};

constexpr int kDashboardTopN = 10;
constexpr int kDashboardTrendEdge = 5;    // trend: mean of the first and of the last 5 runs
constexpr int kDashboardMaxBuckets = 400; // more and bucket_days widens (a hostile range stays small)

// Per-quadrant arrays are indexed by static_cast<int>(Quadrant): q1, q2, q3, q4.
struct MixBucket {
    std::int64_t start_ms = 0;  // [start_ms, end_ms)
    std::int64_t end_ms = 0;
    std::array<int, 4> counts{};
    int total() const { return counts[0] + counts[1] + counts[2] + counts[3]; }
};

// First response within the quadrant's target. A case counts once it has a response, or once
// it is past its target with none (a miss); before that it is pending.
struct Attainment {
    int met = 0;
    int total = 0;
    int pending = 0;            // no response yet, still within target (or no now_ms given)
    double share = 0;           // met / total; 0 when total is 0
};

struct HeatCell {
    int cases = 0;              // in range, matching the filter
    int open = 0;
    int overdue = 0;            // open and now_ms > created_at + target (the board's due time)
};

// A scenario or persona with its case count; label from the pack (empty if not found).
struct RankedItem {
    std::string id;
    std::string pack_id;        // as recorded on the cases (may be empty)
    LocalizedText label;
    int count = 0;
};

struct GuardrailHitCount {
    std::string rule_id;
    std::string pack_id;
    bool prohibited = true;     // false: never-disclose
    LocalizedText label;        // ProhibitedPhrase::phrase or NeverDisclose::label; empty if unknown
    int count = 0;
};

struct ScorePoint {
    std::int64_t at = 0;
    double percent = 0;
};

struct TraineeTrend {
    std::string agent;
    std::vector<ScorePoint> points;   // time order
    double first_mean = 0;      // mean of the first min(5, n) runs
    double last_mean = 0;       // mean of the last min(5, n) runs
};

struct NamedId {                // a persona for the filter combo
    std::string id;
    LocalizedText label;
};

struct DashboardFigures {
    int cases = 0;                      // cases in range matching the filter
    std::int64_t first_case_ms = 0;     // created_at of the earliest / latest of them (0 if none)
    std::int64_t last_case_ms = 0;

    int bucket_days = 7;                // as used (widened if the range needed too many buckets)
    std::vector<MixBucket> mix;         // quadrant mix over time, contiguous, oldest first

    std::array<Attainment, 4> attainment{};
    Attainment attainment_all;          // the four together

    int closed = 0;                     // status Closed (the outcome is recorded at close)
    int first_contact_resolved = 0;
    double fcr_share = 0;               // first_contact_resolved / closed
    int escalated = 0;                  // outcome.escalated or status Escalated
    double escalation_share = 0;        // escalated / cases
    int compensated = 0;                // outcome.compensation_amount > 0
    double compensation_total = 0;      // summed as recorded (the packs' currencies are not mixed here)
    int nps_count = 0, promoters = 0, detractors = 0;
    double nps = 0;                     // (promoters - detractors) * 100 / nps_count, -100..100
    int satisfaction_count = 0;
    double satisfaction_mean = 0;       // 1..5

    int qa_records = 0;                 // QA records of real calls in range matching the filter (practice is in `trends`)
    std::vector<GuardrailHitCount> guardrail_hits;   // count desc
    std::vector<RankedItem> top_scenarios;           // count desc, at most kDashboardTopN
    std::vector<RankedItem> top_personas;
    std::vector<TraineeTrend> trends;                // by agent name

    std::array<HeatCell, 4> heat{};
    int overdue_total = 0;

    // What exists to filter on, over the whole workspace (not narrowed by the filter), sorted.
    std::vector<std::string> channels;
    std::vector<std::string> agents;                 // from cases, QA records and practice runs
    std::vector<NamedId> personas;                   // from cases and QA records
};

// bucket_days < 1 is taken as 7. Buckets start at from_ms, or at the first matching case.
DashboardFigures compute_dashboard(const Workspace& ws, const DashboardFilter& filter, int bucket_days = 7);

// The first response of a case, as the dashboard sees it: the first timeline event that is not
// "created" or "quadrant" (a re-sort is not an answer), nor the plan the app started by itself
// at intake. Null when there is none.
const CaseEvent* first_response(const Case& c);

}  // namespace cw
