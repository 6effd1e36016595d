// dashboard_test.cpp — the manager's figures (issue #7) over a fixed hand-built set of cases,
// QA records and practice runs: every figure pinned, filters by date/channel/agent/persona,
// overdue, hits by phrase, trends; an empty workspace gives zeros.
#include <catch2/catch.hpp>

#include <limits>

#include "core/dashboard.h"

using namespace cw;

namespace {

constexpr std::int64_t kMin = 60000;
constexpr std::int64_t kHour = 60 * kMin;
constexpr std::int64_t kDay = 24 * kHour;
constexpr std::int64_t T0 = 1709510400000;   // 2024-03-04 00:00 UTC, a Monday

constexpr int Q1 = 0, Q2 = 1, Q3 = 2, Q4 = 3;

Pack make_pack() {
    Pack p;
    p.meta.id = "p1";
    p.meta.name = {"测试包", "Test pack"};
    p.triage_rules.response_target_minutes = {1, 240, 15, 1440};
    p.guardrails.prohibited.push_back({"pp-calm", {"你冷静一点", "Calm down"}, {}, {}});
    NeverDisclose nd;
    nd.id = "nd-sys";
    nd.label = {"内部系统名", "Internal system name"};
    nd.patterns = {"CRM-X"};
    p.guardrails.never_disclose.push_back(nd);
    Scenario delay;
    delay.id = "flight-delay";
    delay.title = {"航班延误", "Flight delayed"};
    delay.guardrails.prohibited.push_back({"pp-policy", {"这是规定", "That's the policy"}, {}, {}});
    Scenario bag;
    bag.id = "lost-bag";
    bag.title = {"行李丢失", "Lost baggage"};
    p.scenarios = {delay, bag};
    Persona genz;
    genz.id = "gen-z";
    genz.name = {"Z世代", "Generation Z"};
    Persona old;
    old.id = "elderly";
    old.name = {"老年旅客", "Elderly travellers"};
    p.personas = {genz, old};
    return p;
}

Pack make_zero_target_pack() {
    Pack p;
    p.meta.id = "p2";
    p.triage_rules.response_target_minutes = {5, 0, 0, 0};
    return p;
}

Case make_case(const std::string& id, std::int64_t created, const std::string& channel, const std::string& agent,
               const std::string& pack, const std::string& persona, const std::string& scenario, int q,
               CaseStatus status) {
    Case c;
    c.id = id;
    c.text = "request " + id;
    c.created_at = created;
    c.channel = channel;
    c.agent = agent;
    c.pack_id = pack;
    c.persona_id = persona;
    c.scenario_id = scenario;
    c.suggested_quadrant = static_cast<Quadrant>(q);
    c.status = status;
    c.timeline.push_back({created, "created", "created", agent});
    return c;
}

void event(Case& c, std::int64_t after, const char* kind) { c.timeline.push_back({c.created_at + after, kind, "", c.agent}); }

QaRecord make_qa(std::int64_t at, const std::string& agent, const std::string& scenario, const std::string& persona,
                 std::vector<std::pair<std::string, bool>> hits) {
    QaRecord r;
    r.at = at;
    r.agent = agent;
    r.call.pack_id = "p1";
    r.call.scenario_id = scenario;
    r.call.persona_id = persona;
    for (auto& [id, prohibited] : hits) r.call.hits.push_back({id, prohibited, "x", 0});
    return r;
}

PracticeRun run(std::int64_t at, const std::string& agent, double percent) {
    PracticeRun r;
    r.at = at;
    r.agent = agent;
    r.pack_id = "p1";
    r.percent = percent;
    return r;
}

// The fixture. In [T0, T0+14d) with now = T0+10d:
//  c1 Q1 (suggested Q3, final Q1) phone Li Na  gen-z   flight-delay closed, answered in 30 s (met), FCR, nps 10, sat 5
//  c2 Q1 chat    Wang Wei elderly flight-delay closed, re-sorted at 10 s, noted at 5 min (missed), escalated, 200, nps 6, sat 2
//  c3 Q2 phone   Li Na    gen-z   lost-bag     open, status at 100 min (met); overdue
//  c4 Q4 phone   Li Na    elderly lost-bag     open, no answer a day past target (miss); overdue (week 2)
//  c5 Q3 message Wang Wei -       -            status Escalated, no answer (miss); overdue (week 2)
//  c6 Q4 chat    Li Na    -       lost-bag     open, created 5 min before now: pending, not overdue (week 2)
//  c7 Q1 phone   Zhao     unknown pack         closed at 2 min (not counted: pack unknown), FCR, 50, nps 8, sat 4
//  c8 Q2 email   Wang Wei p2 (target 0)        closed (not counted: no target), nps 9
// Outside the range: c9 Q1 phone Li Na gen-z flight-delay, a day before T0, status Escalated.
Workspace fixture() {
    Workspace ws;
    ws.settings.centre_name = "East hotline";
    ws.library.packs = {make_pack(), make_zero_target_pack()};

    Case c1 = make_case("C-1", T0 + kHour, "phone", "Li Na", "p1", "gen-z", "flight-delay", Q3, CaseStatus::Closed);
    c1.final_quadrant = Quadrant::Q1_UrgentImportant;
    event(c1, 0, "quadrant");
    event(c1, 30000, "plan_started");
    event(c1, 20 * kMin, "closed");
    c1.outcome.first_contact_resolved = true;
    c1.outcome.nps = 10;
    c1.outcome.satisfaction = 5;

    Case c2 = make_case("C-2", T0 + kDay, "chat", "Wang Wei", "p1", "elderly", "flight-delay", Q1, CaseStatus::Closed);
    event(c2, 10000, "quadrant");
    event(c2, 5 * kMin, "note");
    event(c2, kHour, "closed");
    c2.outcome.escalated = true;
    c2.outcome.compensation_amount = 200;
    c2.outcome.nps = 6;
    c2.outcome.satisfaction = 2;

    Case c3 = make_case("C-3", T0 + 2 * kDay, "phone", "Li Na", "p1", "gen-z", "lost-bag", Q2, CaseStatus::InProgress);
    event(c3, 100 * kMin, "status");

    Case c4 = make_case("C-4", T0 + 8 * kDay, "phone", "Li Na", "p1", "elderly", "lost-bag", Q4, CaseStatus::New);
    Case c5 = make_case("C-5", T0 + 9 * kDay, "message", "Wang Wei", "p1", "", "", Q3, CaseStatus::Escalated);
    Case c6 = make_case("C-6", T0 + 10 * kDay - 5 * kMin, "chat", "Li Na", "p1", "", "lost-bag", Q4, CaseStatus::New);

    Case c7 = make_case("C-7", T0 + 3 * kDay, "phone", "Zhao", "gone", "", "", Q1, CaseStatus::Closed);
    event(c7, 2 * kMin, "closed");
    c7.outcome.first_contact_resolved = true;
    c7.outcome.compensation_amount = 50;
    c7.outcome.nps = 8;
    c7.outcome.satisfaction = 4;

    Case c8 = make_case("C-8", T0 + 4 * kDay, "email", "Wang Wei", "p2", "", "", Q2, CaseStatus::Closed);
    event(c8, kMin, "closed");
    c8.outcome.nps = 9;

    Case c9 = make_case("C-9", T0 - kDay, "phone", "Li Na", "p1", "gen-z", "flight-delay", Q1, CaseStatus::Escalated);
    event(c9, 40000, "reported_up");

    ws.cases = {c1, c2, c3, c4, c5, c6, c7, c8, c9};

    ws.qa_records.push_back(make_qa(T0 + kDay, "Li Na", "flight-delay", "gen-z",
                                    {{"pp-calm", true}, {"pp-policy", true}, {"nd-sys", false}, {"pp-calm", true}}));
    QaRecord r2 = make_qa(T0 + 2 * kDay, "", "lost-bag", "elderly", {{"pp-calm", true}, {"unknown-rule", true}});
    r2.call.agent = "Wang Wei";   // an unnamed record falls back to the call's agent
    ws.qa_records.push_back(r2);
    ws.qa_records.push_back(make_qa(T0 - 2 * kDay, "Li Na", "flight-delay", "gen-z",
                                    {{"pp-calm", true}, {"pp-calm", true}, {"pp-calm", true}}));

    // Li Na's runs, out of order on purpose: 50 60 55 70 65 80 90 by time.
    const double li[] = {50, 60, 55, 70, 65, 80, 90};
    for (int i = 6; i >= 0; --i) ws.practice_runs.push_back(run(T0 + (i + 1) * kDay, "Li Na", li[i]));
    ws.practice_runs.push_back(run(T0 + 3 * kDay, "Wang Wei", 60));
    ws.practice_runs.push_back(run(T0 + 2 * kDay, "Wang Wei", 40));
    ws.practice_runs.push_back(run(T0 - kDay, "Li Na", 10));   // before the range
    return ws;
}

DashboardFilter period() {
    DashboardFilter f;
    f.from_ms = T0;
    f.to_ms = T0 + 14 * kDay;
    f.now_ms = T0 + 10 * kDay;
    return f;
}

}  // namespace

TEST_CASE("Dashboard: case counts, quadrant mix by week and the heat map") {
    const Workspace ws = fixture();
    const DashboardFigures d = compute_dashboard(ws, period());
    CHECK(d.cases == 8);
    CHECK(d.first_case_ms == T0 + kHour);
    CHECK(d.last_case_ms == T0 + 10 * kDay - 5 * kMin);
    CHECK(d.bucket_days == 7);
    REQUIRE(d.mix.size() == 2);
    CHECK(d.mix[0].start_ms == T0);
    CHECK(d.mix[0].end_ms == T0 + 7 * kDay);
    CHECK(d.mix[1].start_ms == T0 + 7 * kDay);
    CHECK(d.mix[1].end_ms == T0 + 14 * kDay);
    CHECK(d.mix[0].counts == std::array<int, 4>{3, 2, 0, 0});   // c1 counts as Q1: the final quadrant wins
    CHECK(d.mix[1].counts == std::array<int, 4>{0, 0, 1, 2});
    CHECK(d.mix[0].total() + d.mix[1].total() == d.cases);

    struct Row { int q, cases, open, overdue; };
    const Row rows[] = {{Q1, 3, 0, 0}, {Q2, 2, 1, 1}, {Q3, 1, 1, 1}, {Q4, 2, 2, 1}};
    for (const Row& r : rows) {
        INFO("quadrant index " << r.q);
        CHECK(d.heat[r.q].cases == r.cases);
        CHECK(d.heat[r.q].open == r.open);
        CHECK(d.heat[r.q].overdue == r.overdue);
    }
    CHECK(d.overdue_total == 3);
}

TEST_CASE("Dashboard: response-target attainment per quadrant") {
    const DashboardFigures d = compute_dashboard(fixture(), period());
    struct Row { int q, met, total, pending; double share; };
    const Row rows[] = {
        {Q1, 1, 2, 0, 0.5},   // c1 met in 30 s; c2's first answer (a note at 5 min, not the re-sort) missed; c7 unknown pack
        {Q2, 1, 1, 0, 1.0},   // c3 at 100 of 240 min; c8's pack has no Q2 target
        {Q3, 0, 1, 0, 0.0},   // c5 unanswered a day past 15 min: a miss
        {Q4, 0, 1, 1, 0.0},   // c4 a miss; c6 still within its day: pending
    };
    for (const Row& r : rows) {
        INFO("quadrant index " << r.q);
        CHECK(d.attainment[r.q].met == r.met);
        CHECK(d.attainment[r.q].total == r.total);
        CHECK(d.attainment[r.q].pending == r.pending);
        CHECK(d.attainment[r.q].share == Approx(r.share));
    }
    CHECK(d.attainment_all.met == 2);
    CHECK(d.attainment_all.total == 5);
    CHECK(d.attainment_all.pending == 1);
    CHECK(d.attainment_all.share == Approx(0.4));

    // Without a clock, unanswered cases are pending rather than missed, and nothing is overdue.
    DashboardFilter f = period();
    f.now_ms = 0;
    const DashboardFigures n = compute_dashboard(fixture(), f);
    CHECK(n.attainment[Q3].total == 0);
    CHECK(n.attainment[Q3].pending == 1);
    CHECK(n.attainment[Q4].pending == 2);
    CHECK(n.overdue_total == 0);
}

TEST_CASE("Dashboard: FCR, escalations, compensation, NPS and satisfaction") {
    const DashboardFigures d = compute_dashboard(fixture(), period());
    CHECK(d.closed == 4);
    CHECK(d.first_contact_resolved == 2);
    CHECK(d.fcr_share == Approx(0.5));
    CHECK(d.escalated == 2);            // c2 by outcome, c5 by status
    CHECK(d.escalation_share == Approx(0.25));
    CHECK(d.compensated == 2);
    CHECK(d.compensation_total == Approx(250));
    CHECK(d.nps_count == 4);            // 10, 6, 8, 9
    CHECK(d.promoters == 2);
    CHECK(d.detractors == 1);
    CHECK(d.nps == Approx(25.0));
    CHECK(d.satisfaction_count == 3);   // 5, 2, 4
    CHECK(d.satisfaction_mean == Approx(11.0 / 3.0));
}

TEST_CASE("Dashboard: out-of-range NPS and satisfaction values are ignored") {
    Workspace ws = fixture();
    ws.cases[0].outcome.nps = 11;
    ws.cases[0].outcome.satisfaction = 0;
    const DashboardFigures d = compute_dashboard(ws, period());
    CHECK(d.nps_count == 3);
    CHECK(d.satisfaction_count == 2);
    CHECK(d.satisfaction_mean == Approx(3.0));
}

TEST_CASE("Dashboard: guardrail hits by phrase, labelled from the pack and the scenario") {
    const DashboardFigures d = compute_dashboard(fixture(), period());
    CHECK(d.qa_records == 2);
    REQUIRE(d.guardrail_hits.size() == 4);
    struct Row { const char* id; int count; bool prohibited; const char* en; const char* zh; };
    const Row rows[] = {
        {"pp-calm", 3, true, "Calm down", "你冷静一点"},
        {"nd-sys", 1, false, "Internal system name", "内部系统名"},
        {"pp-policy", 1, true, "That's the policy", "这是规定"},   // a scenario's own guardrail
        {"unknown-rule", 1, true, "", ""},
    };
    for (size_t i = 0; i < 4; ++i) {
        INFO("row " << i);
        CHECK(d.guardrail_hits[i].rule_id == rows[i].id);
        CHECK(d.guardrail_hits[i].pack_id == "p1");
        CHECK(d.guardrail_hits[i].count == rows[i].count);
        CHECK(d.guardrail_hits[i].prohibited == rows[i].prohibited);
        CHECK(d.guardrail_hits[i].label.en == rows[i].en);
        CHECK(d.guardrail_hits[i].label.zh == rows[i].zh);
    }
}

TEST_CASE("Dashboard: top scenarios and personas with their labels") {
    const DashboardFigures d = compute_dashboard(fixture(), period());
    REQUIRE(d.top_scenarios.size() == 2);
    CHECK(d.top_scenarios[0].id == "lost-bag");
    CHECK(d.top_scenarios[0].pack_id == "p1");
    CHECK(d.top_scenarios[0].count == 3);
    CHECK(d.top_scenarios[0].label == LocalizedText{"行李丢失", "Lost baggage"});
    CHECK(d.top_scenarios[1].id == "flight-delay");
    CHECK(d.top_scenarios[1].count == 2);
    CHECK(d.top_scenarios[1].label.en == "Flight delayed");

    REQUIRE(d.top_personas.size() == 2);
    CHECK(d.top_personas[0].id == "elderly");   // a tie is broken by id
    CHECK(d.top_personas[0].count == 2);
    CHECK(d.top_personas[0].label.zh == "老年旅客");
    CHECK(d.top_personas[1].id == "gen-z");
    CHECK(d.top_personas[1].count == 2);
    CHECK(d.top_personas[1].label.en == "Generation Z");
}

TEST_CASE("Dashboard: top lists keep ten, most cases first") {
    Workspace ws;
    ws.library.packs = {make_pack()};
    for (int s = 0; s < 12; ++s)
        for (int k = 0; k <= s; ++k)
            ws.cases.push_back(make_case("C", T0 + k, "phone", "A", "p1", "", "s" + std::to_string(s), Q4, CaseStatus::New));
    const DashboardFigures d = compute_dashboard(ws, {});
    REQUIRE(d.top_scenarios.size() == 10);
    CHECK(d.top_scenarios[0].id == "s11");
    CHECK(d.top_scenarios[0].count == 12);
    CHECK(d.top_scenarios[9].id == "s2");
    CHECK(d.top_scenarios[9].label.empty());   // not in the pack
}

TEST_CASE("Dashboard: trainee score trends in time order with first and last five") {
    const DashboardFigures d = compute_dashboard(fixture(), period());
    REQUIRE(d.trends.size() == 2);
    const TraineeTrend& li = d.trends[0];
    CHECK(li.agent == "Li Na");
    REQUIRE(li.points.size() == 7);   // the run before the range is left out
    const double expected[] = {50, 60, 55, 70, 65, 80, 90};
    for (size_t i = 0; i < 7; ++i) {
        CHECK(li.points[i].at == T0 + static_cast<std::int64_t>(i + 1) * kDay);
        CHECK(li.points[i].percent == expected[i]);
    }
    CHECK(li.first_mean == Approx(60));
    CHECK(li.last_mean == Approx(72));
    const TraineeTrend& wang = d.trends[1];
    CHECK(wang.agent == "Wang Wei");
    REQUIRE(wang.points.size() == 2);
    CHECK(wang.points[0].percent == 40);
    CHECK(wang.first_mean == Approx(50));
    CHECK(wang.last_mean == Approx(50));
}

TEST_CASE("Dashboard: filters by date, channel, agent and persona") {
    const Workspace ws = fixture();
    struct Row {
        const char* name;
        std::int64_t from, to;
        const char *channel, *agent, *persona;
        int cases, closed, qa, hits_rules, trends, scenarios;
    };
    const Row rows[] = {
        {"the period", T0, T0 + 14 * kDay, "", "", "", 8, 4, 2, 4, 2, 2},
        {"all time", 0, 0, "", "", "", 9, 4, 3, 4, 2, 2},
        {"second week", T0 + 7 * kDay, T0 + 14 * kDay, "", "", "", 3, 0, 0, 0, 1, 1},
        {"up to T0+2d (to is exclusive)", 0, T0 + 2 * kDay, "", "", "", 3, 2, 2, 3, 1, 1},
        {"phone", T0, T0 + 14 * kDay, "phone", "", "", 4, 2, 2, 4, 2, 2},
        {"Wang Wei", T0, T0 + 14 * kDay, "", "Wang Wei", "", 3, 2, 1, 2, 1, 1},
        {"gen-z", T0, T0 + 14 * kDay, "", "", "gen-z", 2, 1, 1, 3, 2, 2},
        {"chat + Li Na", T0, T0 + 14 * kDay, "chat", "Li Na", "", 1, 0, 1, 3, 1, 1},
        {"nobody", T0, T0 + 14 * kDay, "fax", "", "", 0, 0, 2, 4, 2, 0},
    };
    for (const Row& r : rows) {
        INFO(r.name);
        DashboardFilter f;
        f.from_ms = r.from;
        f.to_ms = r.to;
        f.channel = r.channel;
        f.agent = r.agent;
        f.persona_id = r.persona;
        f.now_ms = T0 + 10 * kDay;
        const DashboardFigures d = compute_dashboard(ws, f);
        CHECK(d.cases == r.cases);
        CHECK(d.closed == r.closed);
        CHECK(d.qa_records == r.qa);
        CHECK(d.guardrail_hits.size() == static_cast<size_t>(r.hits_rules));
        CHECK(d.trends.size() == static_cast<size_t>(r.trends));
        CHECK(d.top_scenarios.size() == static_cast<size_t>(r.scenarios));
        int in_buckets = 0;
        for (const MixBucket& b : d.mix) in_buckets += b.total();
        CHECK(in_buckets == d.cases);
        // The combos always offer everything there is.
        CHECK(d.channels == std::vector<std::string>{"chat", "email", "message", "phone"});
        CHECK(d.agents == std::vector<std::string>{"Li Na", "Wang Wei", "Zhao"});
        REQUIRE(d.personas.size() == 2);
        CHECK(d.personas[0].id == "elderly");
        CHECK(d.personas[0].label.en == "Elderly travellers");
        CHECK(d.personas[1].id == "gen-z");
    }
}

TEST_CASE("Dashboard: filtered hits and trends follow the agent and persona") {
    DashboardFilter f = period();
    f.agent = "Wang Wei";
    DashboardFigures d = compute_dashboard(fixture(), f);
    REQUIRE(d.guardrail_hits.size() == 2);
    CHECK(d.guardrail_hits[0].rule_id == "pp-calm");
    CHECK(d.guardrail_hits[0].count == 1);
    CHECK(d.guardrail_hits[1].rule_id == "unknown-rule");
    REQUIRE(d.trends.size() == 1);
    CHECK(d.trends[0].agent == "Wang Wei");
    CHECK(d.escalated == 2);
    CHECK(d.compensation_total == Approx(200));

    f = period();
    f.persona_id = "gen-z";
    d = compute_dashboard(fixture(), f);
    REQUIRE(d.guardrail_hits.size() == 3);
    CHECK(d.guardrail_hits[0].rule_id == "pp-calm");
    CHECK(d.guardrail_hits[0].count == 2);
    CHECK(d.heat[Q1].cases == 1);
    CHECK(d.heat[Q2].overdue == 1);
}

TEST_CASE("Dashboard: buckets align to the first case when the range is open, and follow bucket_days") {
    const Workspace ws = fixture();
    DashboardFilter open;
    open.now_ms = T0 + 10 * kDay;
    DashboardFigures d = compute_dashboard(ws, open);
    REQUIRE(d.mix.size() == 2);
    CHECK(d.mix[0].start_ms == T0 - kDay);   // c9
    CHECK(d.mix[0].total() == 6);
    CHECK(d.mix[1].total() == 3);
    CHECK(d.mix[1].end_ms == T0 + 10 * kDay - 5 * kMin + 1);

    d = compute_dashboard(ws, period(), 1);
    CHECK(d.bucket_days == 1);
    REQUIRE(d.mix.size() == 14);
    CHECK(d.mix[0].counts == std::array<int, 4>{1, 0, 0, 0});   // c1
    CHECK(d.mix[1].counts == std::array<int, 4>{1, 0, 0, 0});   // c2
    CHECK(d.mix[2].counts == std::array<int, 4>{0, 1, 0, 0});   // c3
    CHECK(d.mix[8].counts == std::array<int, 4>{0, 0, 0, 1});   // c4
    CHECK(d.mix[9].counts == std::array<int, 4>{0, 0, 1, 1});   // c5 and c6
    CHECK(d.mix[13].total() == 0);

    CHECK(compute_dashboard(ws, period(), 0).bucket_days == 7);
    CHECK(compute_dashboard(ws, period(), -3).mix.size() == 2);

    // A range of the whole clock stays small: the buckets widen instead.
    DashboardFilter huge = period();
    huge.from_ms = 1;
    huge.to_ms = std::numeric_limits<std::int64_t>::max();
    d = compute_dashboard(ws, huge);
    CHECK(d.mix.size() <= static_cast<size_t>(kDashboardMaxBuckets));
    CHECK(d.bucket_days > 7);
    int total = 0;
    for (const MixBucket& b : d.mix) total += b.total();
    CHECK(total == 9);
}

TEST_CASE("Dashboard: the first response skips the creation and re-sorts") {
    Case c = make_case("C", 1000, "phone", "A", "p1", "", "", Q1, CaseStatus::New);
    CHECK(first_response(c) == nullptr);
    event(c, 5, "quadrant");
    CHECK(first_response(c) == nullptr);
    event(c, 9, "approval_requested");
    event(c, 12, "note");
    REQUIRE(first_response(c));
    CHECK(first_response(c)->kind == "approval_requested");
    CHECK(first_response(c)->at == 1009);
}

TEST_CASE("Dashboard: an empty workspace gives zeros") {
    const Workspace ws;
    DashboardFigures d = compute_dashboard(ws, {});
    CHECK(d.cases == 0);
    CHECK(d.mix.empty());
    CHECK(d.first_case_ms == 0);
    for (int q = 0; q < 4; ++q) {
        CHECK(d.attainment[q].total == 0);
        CHECK(d.attainment[q].share == 0);
        CHECK(d.heat[q].cases == 0);
    }
    CHECK(d.fcr_share == 0);
    CHECK(d.escalation_share == 0);
    CHECK(d.nps == 0);
    CHECK(d.satisfaction_mean == 0);
    CHECK(d.guardrail_hits.empty());
    CHECK(d.top_scenarios.empty());
    CHECK(d.top_personas.empty());
    CHECK(d.trends.empty());
    CHECK(d.channels.empty());
    CHECK(d.agents.empty());
    CHECK(d.personas.empty());

    // A closed range with nothing in it still shows its (empty) weeks.
    d = compute_dashboard(ws, period());
    REQUIRE(d.mix.size() == 2);
    CHECK(d.mix[0].total() == 0);
    CHECK(d.cases == 0);
}

TEST_CASE("Dashboard: a plan the app started at intake is not the first response") {
    Case c = make_case("C-9", 1000000, "phone", "Li", "p", "pe", "s", 0, CaseStatus::InProgress);
    event(c, 0, "plan_started");      // automatic, at creation
    REQUIRE(first_response(c) == nullptr);
    event(c, 60000, "note");          // the agent answers a minute later
    REQUIRE(first_response(c) != nullptr);
    CHECK(first_response(c)->kind == "note");
    Case manual = make_case("C-10", 1000000, "phone", "Li", "p", "pe", "s", 0, CaseStatus::InProgress);
    event(manual, 30000, "plan_started");   // started by a person: that is a response
    REQUIRE(first_response(manual) != nullptr);
    CHECK(first_response(manual)->kind == "plan_started");
}

TEST_CASE("Dashboard: guardrail hits count real calls, not practice") {
    Workspace ws;
    QaRecord practice, real;
    practice.id = "Q-1";
    practice.at = real.at = 5000;
    practice.call.practice = true;
    practice.call.hits.push_back(GuardrailHit{"rule-a", true, "x", 0});
    real.id = "Q-2";
    real.call.hits.push_back(GuardrailHit{"rule-b", true, "y", 0});
    ws.qa_records = {practice, real};
    const DashboardFigures f = compute_dashboard(ws, DashboardFilter{});
    CHECK(f.qa_records == 1);
    REQUIRE(f.guardrail_hits.size() == 1);
    CHECK(f.guardrail_hits.front().rule_id == "rule-b");
}
