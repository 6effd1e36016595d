// dashboard.cpp — see dashboard.h.
// Speed: one pass over the cases with string_view keys into the workspace (no per-case
// allocation); labels are resolved only for the rows that are shown.
#include "core/dashboard.h"

#include <algorithm>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/cases.h"
#include "core/library.h"

namespace cw {

namespace {

constexpr std::int64_t kMinuteMs = 60000;
constexpr std::int64_t kDayMs = 86400000;

using Key = std::pair<std::string_view, std::string_view>;   // (pack id, item id)
struct KeyHash {
    size_t operator()(const Key& k) const {
        const size_t a = std::hash<std::string_view>()(k.first);
        return a ^ (std::hash<std::string_view>()(k.second) + 0x9e3779b97f4a7c15ull + (a << 6) + (a >> 2));
    }
};

bool in_range(const DashboardFilter& f, std::int64_t at) {
    return (f.from_ms == 0 || at >= f.from_ms) && (f.to_ms == 0 || at < f.to_ms);
}

double share(int part, int whole) { return whole > 0 ? static_cast<double>(part) / whole : 0.0; }

// Packs are few; a lookup remembers the last one (cases tend to come in runs of one pack).
class PackCache {
public:
    explicit PackCache(const Library& lib) : lib_(lib) {}
    const Pack* get(std::string_view id) {
        if (has_last_ && id == last_id_) return last_;
        last_ = id.empty() ? nullptr : find_pack(lib_, id);
        last_id_ = id;
        has_last_ = true;
        return last_;
    }
private:
    const Library& lib_;
    std::string_view last_id_;
    const Pack* last_ = nullptr;
    bool has_last_ = false;
};

std::vector<RankedItem> top_items(const std::unordered_map<Key, int, KeyHash>& counts) {
    std::vector<RankedItem> all;
    all.reserve(counts.size());
    for (const auto& [k, n] : counts) all.push_back({std::string(k.second), std::string(k.first), {}, n});
    auto by_count = [](const RankedItem& a, const RankedItem& b) {
        if (a.count != b.count) return a.count > b.count;
        if (a.id != b.id) return a.id < b.id;
        return a.pack_id < b.pack_id;
    };
    if (all.size() > static_cast<size_t>(kDashboardTopN)) {
        std::partial_sort(all.begin(), all.begin() + kDashboardTopN, all.end(), by_count);
        all.resize(kDashboardTopN);
    } else {
        std::sort(all.begin(), all.end(), by_count);
    }
    return all;
}

const LocalizedText* rule_label(const Guardrails& g, std::string_view rule_id, bool* prohibited) {
    for (const ProhibitedPhrase& p : g.prohibited)
        if (p.id == rule_id) { *prohibited = true; return &p.phrase; }
    for (const NeverDisclose& n : g.never_disclose)
        if (n.id == rule_id) { *prohibited = false; return &n.label; }
    return nullptr;
}

// Pack-wide guardrails first, then the call's scenario, then any scenario of the pack.
const LocalizedText* find_rule_label(const Pack& pack, std::string_view scenario_id, std::string_view rule_id,
                                     bool* prohibited) {
    if (const LocalizedText* l = rule_label(pack.guardrails, rule_id, prohibited)) return l;
    for (const Scenario& s : pack.scenarios)
        if (s.id == scenario_id)
            if (const LocalizedText* l = rule_label(s.guardrails, rule_id, prohibited)) return l;
    for (const Scenario& s : pack.scenarios)
        if (const LocalizedText* l = rule_label(s.guardrails, rule_id, prohibited)) return l;
    return nullptr;
}

double mean_of(const std::vector<ScorePoint>& pts, size_t from, size_t to) {
    double sum = 0;
    for (size_t i = from; i < to; ++i) sum += pts[i].percent;
    return to > from ? sum / static_cast<double>(to - from) : 0.0;
}

std::vector<std::string> sorted_strings(const std::unordered_set<std::string_view>& set) {
    std::vector<std::string> out(set.begin(), set.end());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

const CaseEvent* first_response(const Case& c) {
    using namespace std::string_view_literals;   // length first, then bytes: hot in the case loop
    for (const CaseEvent& e : c.timeline) {
        const std::string_view k = e.kind;
        // A plan the app started at intake is not a person answering the customer.
        if (k == "plan_started"sv && e.at == c.created_at) continue;
        if (k != "created"sv && k != "quadrant"sv) return &e;
    }
    return nullptr;
}

DashboardFigures compute_dashboard(const Workspace& ws, const DashboardFilter& f, int bucket_days) {
    DashboardFigures out;
    if (bucket_days < 1) bucket_days = 7;
    PackCache packs(ws.library);

    std::unordered_set<std::string_view> channels, agents;
    std::unordered_map<std::string_view, std::string_view> personas;   // id -> a pack id it was seen with
    std::unordered_map<Key, int, KeyHash> scenario_counts, persona_counts;
    struct Stamp { std::int64_t at; int q; };
    std::vector<Stamp> stamps;   // for the buckets, once the start is known
    stamps.reserve(ws.cases.size());
    int sat_sum = 0;

    for (const Case& c : ws.cases) {
        if (!c.channel.empty()) channels.insert(c.channel);
        if (!c.agent.empty()) agents.insert(c.agent);
        if (!c.persona_id.empty()) personas.try_emplace(c.persona_id, c.pack_id);

        if (!in_range(f, c.created_at)) continue;
        if (!f.channel.empty() && c.channel != f.channel) continue;
        if (!f.agent.empty() && c.agent != f.agent) continue;
        if (!f.persona_id.empty() && c.persona_id != f.persona_id) continue;

        const Quadrant quad = effective_quadrant(c);
        const int q = static_cast<int>(quad);
        if (out.cases == 0 || c.created_at < out.first_case_ms) out.first_case_ms = c.created_at;
        if (out.cases == 0 || c.created_at > out.last_case_ms) out.last_case_ms = c.created_at;
        ++out.cases;
        stamps.push_back({c.created_at, q});

        const Pack* pack = packs.get(c.pack_id);

        // Heat map. Overdue uses the board's due time (cases.h: its fallbacks for an unknown
        // pack included), so the two never disagree.
        HeatCell& cell = out.heat[q];
        ++cell.cases;
        if (is_open(c)) {
            ++cell.open;
            if (f.now_ms > 0) {
                const std::int64_t due =
                    pack ? c.created_at + pack->triage_rules.response_target_minutes.for_quadrant(quad) * kMinuteMs
                         : due_at(ws, c);
                if (f.now_ms > due) ++cell.overdue;
            }
        }

        // Response target: only the case's own pack's target counts (no guessing from defaults).
        if (pack) {
            const int target = pack->triage_rules.response_target_minutes.for_quadrant(quad);
            if (target > 0) {
                const std::int64_t limit = static_cast<std::int64_t>(target) * kMinuteMs;
                Attainment& a = out.attainment[q];
                if (const CaseEvent* r = first_response(c)) {
                    ++a.total;
                    if (std::max<std::int64_t>(0, r->at - c.created_at) <= limit) ++a.met;
                } else if (f.now_ms > 0 && f.now_ms - c.created_at > limit) {
                    ++a.total;   // past its target with no answer: a miss, not "not yet"
                } else {
                    ++a.pending;
                }
            }
        }

        // Outcome.
        if (c.status == CaseStatus::Closed) {
            ++out.closed;
            if (c.outcome.first_contact_resolved) ++out.first_contact_resolved;
        }
        if (c.outcome.escalated || c.status == CaseStatus::Escalated) ++out.escalated;
        if (c.outcome.compensation_amount > 0) {
            ++out.compensated;
            out.compensation_total += c.outcome.compensation_amount;
        }
        if (c.outcome.nps && *c.outcome.nps >= 0 && *c.outcome.nps <= 10) {
            ++out.nps_count;
            if (*c.outcome.nps >= 9) ++out.promoters;
            else if (*c.outcome.nps <= 6) ++out.detractors;
        }
        if (c.outcome.satisfaction && *c.outcome.satisfaction >= 1 && *c.outcome.satisfaction <= 5) {
            ++out.satisfaction_count;
            sat_sum += *c.outcome.satisfaction;
        }

        if (!c.scenario_id.empty()) ++scenario_counts[{c.pack_id, c.scenario_id}];
        if (!c.persona_id.empty()) ++persona_counts[{c.pack_id, c.persona_id}];
    }

    // Shares.
    for (Attainment& a : out.attainment) {
        a.share = share(a.met, a.total);
        out.attainment_all.met += a.met;
        out.attainment_all.total += a.total;
        out.attainment_all.pending += a.pending;
    }
    out.attainment_all.share = share(out.attainment_all.met, out.attainment_all.total);
    out.fcr_share = share(out.first_contact_resolved, out.closed);
    out.escalation_share = share(out.escalated, out.cases);
    if (out.nps_count > 0) out.nps = 100.0 * (out.promoters - out.detractors) / out.nps_count;
    if (out.satisfaction_count > 0) out.satisfaction_mean = static_cast<double>(sat_sum) / out.satisfaction_count;
    for (const HeatCell& h : out.heat) out.overdue_total += h.overdue;

    // Quadrant mix over time: contiguous buckets from the start to the end of the range (or
    // the last case), so quiet weeks show as empty bars rather than vanishing.
    {
        const std::int64_t start = f.from_ms != 0 ? f.from_ms : out.first_case_ms;
        std::int64_t end = f.to_ms != 0 ? f.to_ms : (out.cases > 0 ? out.last_case_ms + 1 : start);
        if (f.from_ms == 0 && out.cases == 0) end = start;   // no start to align to: no buckets
        std::int64_t width = static_cast<std::int64_t>(bucket_days) * kDayMs;
        if (end > start) {
            // Unsigned span: a range of the whole int64 must not overflow.
            const std::uint64_t span = static_cast<std::uint64_t>(end) - static_cast<std::uint64_t>(start);
            std::uint64_t n = (span + static_cast<std::uint64_t>(width) - 1) / static_cast<std::uint64_t>(width);
            if (n > static_cast<std::uint64_t>(kDashboardMaxBuckets)) {
                const std::uint64_t per = static_cast<std::uint64_t>(kDashboardMaxBuckets) * kDayMs;
                bucket_days = static_cast<int>((span + per - 1) / per);   // at most ~5.4e8: fits
                width = static_cast<std::int64_t>(bucket_days) * kDayMs;
                n = (span + static_cast<std::uint64_t>(width) - 1) / static_cast<std::uint64_t>(width);
            }
            out.mix.resize(static_cast<size_t>(n));
            for (size_t i = 0; i < out.mix.size(); ++i) {
                out.mix[i].start_ms = start + static_cast<std::int64_t>(i) * width;
                out.mix[i].end_ms = i + 1 == out.mix.size() ? end : out.mix[i].start_ms + width;
            }
            for (const Stamp& s : stamps) {
                const std::uint64_t i = (static_cast<std::uint64_t>(s.at) - static_cast<std::uint64_t>(start)) /
                                        static_cast<std::uint64_t>(width);
                ++out.mix[std::min<size_t>(static_cast<size_t>(i), out.mix.size() - 1)].counts[s.q];
            }
        }
        out.bucket_days = bucket_days;
    }

    // Top scenarios and personas, labelled from their pack.
    out.top_scenarios = top_items(scenario_counts);
    for (RankedItem& r : out.top_scenarios)
        if (Found<Scenario> s = find_scenario(ws.library, r.id, r.pack_id)) r.label = s.item->title;
    out.top_personas = top_items(persona_counts);
    for (RankedItem& r : out.top_personas)
        if (Found<Persona> p = find_persona(ws.library, r.id, r.pack_id)) r.label = p.item->name;

    // Guardrail hits by rule, from the scored calls.
    {
        struct HitAcc { int count = 0; bool prohibited = true; std::string_view scenario_id; };
        std::unordered_map<Key, HitAcc, KeyHash> hits;
        for (const QaRecord& r : ws.qa_records) {
            const std::string& agent = r.agent.empty() ? r.call.agent : r.agent;
            if (!agent.empty()) agents.insert(agent);
            if (!r.call.persona_id.empty()) personas.try_emplace(r.call.persona_id, r.call.pack_id);
            if (!in_range(f, r.at)) continue;
            // Real calls only: what trainees say in rehearsal is the practice trends' business.
            if (r.call.practice || r.result.practice) continue;
            if (!f.agent.empty() && agent != f.agent) continue;
            if (!f.persona_id.empty() && r.call.persona_id != f.persona_id) continue;
            ++out.qa_records;
            for (const GuardrailHit& h : r.call.hits) {
                HitAcc& acc = hits[{r.call.pack_id, h.rule_id}];
                if (acc.count++ == 0) {
                    acc.prohibited = h.prohibited;
                    acc.scenario_id = r.call.scenario_id;
                }
            }
        }
        out.guardrail_hits.reserve(hits.size());
        for (const auto& [k, acc] : hits) {
            GuardrailHitCount g;
            g.pack_id = std::string(k.first);
            g.rule_id = std::string(k.second);
            g.prohibited = acc.prohibited;
            g.count = acc.count;
            if (const Pack* p = packs.get(k.first)) {
                bool prohibited = acc.prohibited;
                if (const LocalizedText* l = find_rule_label(*p, acc.scenario_id, k.second, &prohibited)) {
                    g.label = *l;
                    g.prohibited = prohibited;
                }
            }
            out.guardrail_hits.push_back(std::move(g));
        }
        std::sort(out.guardrail_hits.begin(), out.guardrail_hits.end(),
                  [](const GuardrailHitCount& a, const GuardrailHitCount& b) {
                      if (a.count != b.count) return a.count > b.count;
                      if (a.rule_id != b.rule_id) return a.rule_id < b.rule_id;
                      return a.pack_id < b.pack_id;
                  });
    }

    // Trainee score trends, per agent in time order.
    {
        std::unordered_map<std::string_view, std::vector<ScorePoint>> series;
        for (const PracticeRun& r : ws.practice_runs) {
            if (!r.agent.empty()) agents.insert(r.agent);
            if (!in_range(f, r.at)) continue;
            if (!f.agent.empty() && r.agent != f.agent) continue;
            series[r.agent].push_back({r.at, r.percent});
        }
        out.trends.reserve(series.size());
        for (auto& [agent, pts] : series) {
            TraineeTrend t;
            t.agent = std::string(agent);
            t.points = std::move(pts);
            std::stable_sort(t.points.begin(), t.points.end(),
                             [](const ScorePoint& a, const ScorePoint& b) { return a.at < b.at; });
            const size_t n = t.points.size();
            const size_t edge = std::min(n, static_cast<size_t>(kDashboardTrendEdge));
            t.first_mean = mean_of(t.points, 0, edge);
            t.last_mean = mean_of(t.points, n - edge, n);
            out.trends.push_back(std::move(t));
        }
        std::sort(out.trends.begin(), out.trends.end(),
                  [](const TraineeTrend& a, const TraineeTrend& b) { return a.agent < b.agent; });
    }

    // What there is to filter on.
    out.channels = sorted_strings(channels);
    out.agents = sorted_strings(agents);
    out.personas.reserve(personas.size());
    for (const auto& [id, pack_id] : personas) {
        NamedId n{std::string(id), {}};
        if (Found<Persona> p = find_persona(ws.library, id, pack_id)) n.label = p.item->name;
        else if (Found<Persona> any = find_persona(ws.library, id)) n.label = any.item->name;
        out.personas.push_back(std::move(n));
    }
    std::sort(out.personas.begin(), out.personas.end(),
              [](const NamedId& a, const NamedId& b) { return a.id < b.id; });
    return out;
}

}  // namespace cw
