// demo_history_test.cpp — the demo centre's 90-day history (core/demo_history.h): the same seed
// and now give the same bytes, every id it writes points at something real, every date is in
// the window, the numbers look like a centre (daily volume, FCR, escalations, late responses),
// and what the demo must be able to show is there (overdue open cases, Q1 plans, QA findings,
// trainees who improve, PDCA items at several stages).
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "core/cases.h"
#include "core/demo_history.h"
#include "core/qa_scoring.h"
#include "core/workspace.h"
#include "pack_test_support.h"

using namespace cw;

namespace {

constexpr std::int64_t kHourMs = 3600000;
constexpr std::int64_t kDayMs = 24 * kHourMs;
constexpr std::int64_t kDemoNow = 1764054000000LL;        // 2025-11-25 15:00 China time
constexpr std::int64_t kDemoMidnight = 1764000000000LL;   // 2025-11-25 00:00 China time: today is empty

const Workspace& demo_packs_workspace() {
    static const Workspace ws = [] {
        Workspace w;
        for (const std::string& f : demo_pack_files()) {
            ImportResult r = import_pack_json(w.library, cw_test::read_text_file(std::string(CALLWISE_ASSETS_DIR) + "/packs/" + f),
                                              ImportMode::AddAlongside);
            INFO(f << ": " << r.error);
            REQUIRE(r.ok);
        }
        return w;
    }();
    return ws;
}

Workspace generated(std::uint64_t seed, std::int64_t now, const DemoOptions& o = {}) {
    Workspace ws = demo_packs_workspace();
    generate_demo_history(ws, seed, now, o);
    return ws;
}

// The standard demo (seed 7), generated once for the tests that only read it.
const Workspace& demo() {
    static const Workspace ws = generated(7, kDemoNow);
    return ws;
}

bool in_window(std::int64_t t, std::int64_t now, int days = 90) { return t >= now - days * kDayMs && t < now; }

const CaseEvent* first_status(const Case& c) {
    for (const CaseEvent& e : c.timeline)
        if (e.kind == "status" && e.text == "in_progress") return &e;
    return nullptr;
}

}  // namespace

TEST_CASE("Demo history: the same seed and now give byte-identical workspace JSON; another seed differs") {
    const std::string a = workspace_to_json(demo());
    const std::string b = workspace_to_json(generated(7, kDemoNow));
    CHECK(a.size() > 100000);
    CHECK(a == b);
    CHECK(workspace_to_json(generated(8, kDemoNow)) != a);
}

TEST_CASE("Demo history: about 15-40 cases a day over 90 days, with spikes on top") {
    const Workspace& ws = demo();
    REQUIRE(ws.cases.size() >= 90 * 15);
    CHECK(ws.cases.size() <= 90 * 40 + 120);
    // Per China-time day; today (partial) is left out.
    std::map<std::int64_t, int> per_day;
    for (const Case& c : ws.cases) ++per_day[(c.created_at + 8 * kHourMs) / kDayMs];
    const std::int64_t today = (kDemoNow + 8 * kHourMs) / kDayMs;
    int busy = 0;
    for (const auto& [day, n] : per_day) {
        if (day == today) continue;
        INFO("day " << day << ": " << n << " cases");
        CHECK(n >= 15);
        busy += n > 40;   // spike days and the day after
    }
    CHECK(per_day.size() >= 89);
    CHECK(busy >= 1);
    CHECK(busy <= 4);
}

TEST_CASE("Demo history: ids are consecutive and the counters continue after them") {
    const Workspace& ws = demo();
    for (size_t i = 0; i < ws.cases.size(); ++i) {
        char id[32];
        std::snprintf(id, sizeof id, "C-%06zu", i + 1);
        REQUIRE(ws.cases[i].id == id);
        if (i > 0) CHECK(ws.cases[i - 1].created_at <= ws.cases[i].created_at);
    }
    CHECK(ws.next_case_number == ws.cases.size() + 1);
    for (size_t i = 0; i < ws.qa_records.size(); ++i) {
        char id[32];
        std::snprintf(id, sizeof id, "Q-%06zu", i + 1);
        REQUIRE(ws.qa_records[i].id == id);
    }
    CHECK(ws.next_qa_number == ws.qa_records.size() + 1);
    std::set<std::string> items;
    for (const PdcaItem& p : ws.pdca) items.insert(p.id);
    for (const PrepItem& p : ws.backlog) items.insert(p.id);
    CHECK(items.size() == ws.pdca.size() + ws.backlog.size());
    CHECK(ws.next_item_number == items.size() + 1);
    for (const std::string& id : items) CHECK(id.rfind("P-", 0) == 0);
}

TEST_CASE("Demo history: every pack, scenario, persona, plan, grade, scorecard and case id resolves") {
    const Workspace& ws = demo();
    const Library& lib = ws.library;
    std::set<std::string> demo_ids;
    for (const std::string& f : demo_pack_files()) demo_ids.insert(f.substr(0, f.size() - 5));
    for (const Case& c : ws.cases) {
        INFO(c.id);
        REQUIRE(find_pack(lib, c.pack_id));
        CHECK(demo_ids.count(c.pack_id) == 1);
        CHECK(find_scenario(lib, c.scenario_id, c.pack_id));
        CHECK(find_persona(lib, c.persona_id, c.pack_id));
        const Scenario* sc = find_scenario(lib, c.scenario_id, c.pack_id).item;
        REQUIRE(sc);
        CHECK(std::find(sc->persona_ids.begin(), sc->persona_ids.end(), c.persona_id) != sc->persona_ids.end());
        if (!c.plan_run.plan_id.empty()) {
            const Found<ContingencyPlan> plan = find_plan(lib, c.plan_run.plan_id, c.pack_id);
            REQUIRE(plan);
            CHECK(plan_of(ws, c) == plan.item);
            for (const ChecklistTick& t : c.plan_run.ticks) {
                CHECK(t.item >= 0);
                CHECK(t.item < static_cast<int>(plan.item->checklist.size()));
            }
        }
    }
    for (const Review& r : ws.reviews) {
        const Case* c = find_case(ws, r.case_id);
        REQUIRE(c);
        CHECK(effective_quadrant(*c) == Quadrant::Q1_UrgentImportant);
    }
    for (const QaRecord& q : ws.qa_records) {
        INFO(q.id);
        REQUIRE(find_pack(lib, q.call.pack_id));
        const Pack& pack = *find_pack(lib, q.call.pack_id);
        CHECK(find_scenario(lib, q.call.scenario_id, q.call.pack_id));
        CHECK(find_persona(lib, q.call.persona_id, q.call.pack_id));
        CHECK(find_grade(lib, q.call.grade_id, q.call.pack_id));
        CHECK(find_scorecard(pack, q.result.scorecard_id));
        CHECK_FALSE(q.result.items.empty());
        if (!q.call.practice) {
            const Case* c = find_case(ws, q.case_id);
            REQUIRE(c);
            CHECK(q.call.case_id == q.case_id);
            CHECK(c->agent == q.agent);
        }
        for (const GuardrailHit& h : q.call.hits) {
            CHECK(h.line >= 0);
            CHECK(h.line < static_cast<int>(q.call.lines.size()));
        }
    }
    for (const PracticeRun& r : ws.practice_runs) {
        CHECK(find_scenario(lib, r.scenario_id, r.pack_id));
        CHECK(find_persona(lib, r.persona_id, r.pack_id));
        CHECK(find_grade(lib, r.grade_id, r.pack_id));
    }
    for (const PdcaItem& p : ws.pdca)
        for (const std::string& id : p.case_ids) CHECK(find_case(ws, id));
    for (const PrepItem& p : ws.backlog)
        if (!p.case_id.empty()) CHECK(find_case(ws, p.case_id));
}

TEST_CASE("Demo history: every date lies in the 90 days before now, and timelines run forward") {
    for (std::int64_t now : {kDemoNow, kDemoMidnight}) {
        const Workspace ws = now == kDemoNow ? demo() : generated(7, now);
        INFO("now " << now);
        for (const Case& c : ws.cases) {
            INFO(c.id);
            CHECK(in_window(c.created_at, now));
            CHECK(in_window(c.updated_at, now));
            CHECK(c.updated_at >= c.created_at);
            if (c.status == CaseStatus::Closed) {
                CHECK(in_window(c.closed_at, now));
                CHECK(c.closed_at >= c.created_at);
            }
            REQUIRE_FALSE(c.timeline.empty());
            CHECK(c.timeline.front().kind == "created");
            CHECK(c.timeline.front().at == c.created_at);
            for (size_t i = 0; i < c.timeline.size(); ++i) {
                CHECK(in_window(c.timeline[i].at, now));
                if (i > 0) CHECK(c.timeline[i - 1].at <= c.timeline[i].at);
            }
            for (const ChecklistTick& t : c.plan_run.ticks) CHECK(in_window(t.done_at, now));
            for (const Approval& a : c.approvals) {
                CHECK(in_window(a.requested_at, now));
                if (a.decided) CHECK(in_window(a.decided_at, now));
            }
        }
        for (const Review& r : ws.reviews) CHECK(in_window(r.created_at, now));
        for (const QaRecord& q : ws.qa_records) {
            CHECK(in_window(q.at, now));
            for (const Dispute& d : q.result.disputes) {
                CHECK(in_window(d.at, now));
                if (d.status != DisputeStatus::Open) CHECK(in_window(d.decided_at, now));
            }
        }
        for (const PracticeRun& r : ws.practice_runs) CHECK(in_window(r.at, now));
        for (const PrepItem& p : ws.backlog) CHECK(in_window(p.created_at, now));
    }
}

TEST_CASE("Demo history: outcomes look like a call centre's") {
    const Workspace& ws = demo();
    int closed = 0, fcr = 0, escalated = 0, rated = 0, nps = 0, responded = 0, late = 0, compensated = 0;
    int quadrants[4] = {0, 0, 0, 0};
    std::set<std::string> channels;
    for (const Case& c : ws.cases) {
        ++quadrants[static_cast<int>(effective_quadrant(c))];
        channels.insert(c.channel);
        if (const CaseEvent* e = first_status(c)) {
            ++responded;
            late += e->at > due_at(ws, c);
        }
        if (c.status != CaseStatus::Closed) continue;
        ++closed;
        fcr += c.outcome.first_contact_resolved;
        escalated += c.outcome.escalated;
        CHECK_FALSE((c.outcome.first_contact_resolved && c.outcome.escalated));
        if (c.outcome.satisfaction) {
            ++rated;
            CHECK(*c.outcome.satisfaction >= 1);
            CHECK(*c.outcome.satisfaction <= 5);
        }
        if (c.outcome.nps) {
            ++nps;
            CHECK(*c.outcome.nps >= 0);
            CHECK(*c.outcome.nps <= 10);
        }
        // Compensation within the grades' limits; beyond the agent's own, a lead approved it.
        if (c.outcome.compensation_amount > 0) {
            ++compensated;
            const Pack& pack = *find_pack(ws.library, c.pack_id);
            const std::string grade = c.agent == "王芳" || c.agent == "陈静" ? "senior"
                                      : c.agent == "林晓" || c.agent == "周婷" ? "trainee" : "agent";
            INFO(c.id << " " << c.outcome.compensation_amount);
            CHECK(c.outcome.compensation_amount <= *compensation_limit(pack, "lead"));
            if (c.outcome.compensation_amount > *compensation_limit(pack, grade)) {
                bool approved = false;
                for (const Approval& a : c.approvals) approved = approved || (a.decided && a.approved);
                CHECK(approved);
            }
        }
    }
    const double n = static_cast<double>(ws.cases.size());
    CHECK(closed > 0.95 * n);
    CHECK(fcr > 0.6 * closed);
    CHECK(fcr < 0.8 * closed);
    CHECK(escalated > 0.07 * closed);
    CHECK(escalated < 0.18 * closed);
    CHECK(rated > 0.35 * closed);
    CHECK(rated < 0.65 * closed);
    CHECK(nps > 0.3 * closed);
    CHECK(compensated > 0);
    CHECK(late > 0.03 * responded);   // mostly within the targets, some late
    CHECK(late < 0.25 * responded);
    for (int q = 0; q < 4; ++q) CHECK(quadrants[q] > 0.05 * n);
    CHECK(channels == std::set<std::string>{"chat", "email", "message", "phone", "social"});
    // Mostly Chinese, some English.
    int latin = 0;
    for (const Case& c : ws.cases) latin += static_cast<unsigned char>(c.customer_name[0]) < 0x80;
    CHECK(latin > 0.05 * n);
    CHECK(latin < 0.3 * n);
}

TEST_CASE("Demo history: the board has overdue open cases and Q1 cases run their plans, with reviews") {
    const Workspace& ws = demo();
    int open = 0, overdue = 0, q1_plans = 0, finished = 0, running = 0, reported = 0, q1_closed = 0;
    std::set<std::string> reviewed;
    for (const Review& r : ws.reviews) reviewed.insert(r.case_id);
    for (const Case& c : ws.cases) {
        if (is_open(c)) {
            ++open;
            overdue += kDemoNow > due_at(ws, c);
        }
        if (effective_quadrant(c) == Quadrant::Q1_UrgentImportant && c.status == CaseStatus::Closed) {
            ++q1_closed;
            CHECK(reviewed.count(c.id) == 1);   // a Q1 case is closed with a review
        }
        if (c.plan_run.plan_id.empty()) continue;
        CHECK(effective_quadrant(c) == Quadrant::Q1_UrgentImportant);
        ++q1_plans;
        const ContingencyPlan* plan = plan_of(ws, c);
        REQUIRE(plan);
        if (!is_open(c) && c.plan_run.ticks.size() == plan->checklist.size()) ++finished;
        if (is_open(c)) ++running;
        for (const CaseEvent& e : c.timeline) reported += e.kind == "reported_up";
    }
    CHECK(open >= 3);
    CHECK(overdue >= 2);
    CHECK(overdue < open + 1);
    CHECK(q1_plans >= 20);
    CHECK(finished >= 10);
    CHECK(reported > 0);
    CHECK(q1_closed > 0);
    CHECK(reviewed.size() == static_cast<size_t>(q1_closed));
    INFO("running plans " << running);
    // Escalated open cases and approvals exist for the supervisor's view.
    int approvals = 0, escalated_status = 0;
    for (const Case& c : ws.cases) {
        approvals += static_cast<int>(c.approvals.size());
        for (const CaseEvent& e : c.timeline) escalated_status += e.kind == "status" && e.text == "escalated";
    }
    CHECK(approvals > 0);
    CHECK(escalated_status > 0);
}

TEST_CASE("Demo history: QA records are scored calls, some with prohibited phrases; trainees improve") {
    const Workspace& ws = demo();
    int real = 0, with_hits = 0, practice = 0, disputes = 0;
    for (const QaRecord& q : ws.qa_records) {
        (q.call.practice ? practice : real) += 1;
        with_hits += !q.call.hits.empty();
        disputes += static_cast<int>(q.result.disputes.size());
        CHECK(q.result.practice == q.call.practice);
        CHECK(q.result.max_score > 0);
        CHECK(q.result.percent >= 0);
        CHECK(q.result.percent <= 100);
        CHECK(q.call.lines.size() >= 2);
        for (const GuardrailHit& h : q.call.hits) {
            if (!q.call.practice) CHECK(h.prohibited);   // practice: the simulator may also catch disclosures
            CHECK(q.call.lines[static_cast<size_t>(h.line)].speaker == Speaker::Agent);
            // The hit is a real rule of the pack (pack-wide or the scenario's).
            const CallRules rules(*find_pack(ws.library, q.call.pack_id),
                                  find_scenario(ws.library, q.call.scenario_id, q.call.pack_id).item);
            CHECK((h.prohibited ? rules.prohibited(h.rule_id) != nullptr : rules.never_disclose(h.rule_id) != nullptr));
        }
    }
    CHECK(real >= 150);
    CHECK(with_hits >= 5);
    CHECK(practice == static_cast<int>(ws.practice_runs.size()));
    CHECK(disputes > 0);
    // Trainees: several runs each, the last weeks better than the first.
    std::map<std::string, std::vector<const PracticeRun*>> by_agent;
    for (const PracticeRun& r : ws.practice_runs) by_agent[r.agent].push_back(&r);
    CHECK(by_agent.size() >= 1);
    CHECK(by_agent.size() <= 2);
    for (auto& [agent, runs] : by_agent) {
        INFO(agent);
        REQUIRE(runs.size() >= 10);
        CHECK(runs.front()->grade_id == "trainee");
        std::stable_sort(runs.begin(), runs.end(), [](const PracticeRun* a, const PracticeRun* b) { return a->at < b->at; });
        double first = 0, last = 0;
        const size_t k = runs.size() / 3;
        for (size_t i = 0; i < k; ++i) {
            first += runs[i]->percent;
            last += runs[runs.size() - 1 - i]->percent;
        }
        CHECK(last > first);
    }
}

TEST_CASE("Demo history: PDCA items at several stages and a Q2 backlog, linked to cases") {
    const Workspace& ws = demo();
    REQUIRE(ws.pdca.size() >= 3);
    CHECK(ws.pdca.size() <= 8);
    std::set<PdcaStage> stages;
    for (const PdcaItem& p : ws.pdca) {
        stages.insert(p.stage);
        CHECK_FALSE(p.title.empty());
        CHECK_FALSE(p.problem.empty());
        CHECK_FALSE(p.case_ids.empty());
        if (p.stage == PdcaStage::Act) CHECK_FALSE(p.standardise.empty());
    }
    CHECK(stages.size() >= 3);
    REQUIRE(ws.backlog.size() >= 3);
    int from_cases = 0, done = 0;
    for (const PrepItem& p : ws.backlog) {
        CHECK_FALSE(p.title.empty());
        CHECK_FALSE(p.owner.empty());
        done += p.done;
        if (p.case_id.empty()) continue;
        ++from_cases;
        CHECK(effective_quadrant(*find_case(ws, p.case_id)) == Quadrant::Q2_ImportantNotUrgent);
    }
    CHECK(from_cases >= 1);
    CHECK(done >= 1);
    CHECK(done < static_cast<int>(ws.backlog.size()));
}

TEST_CASE("Demo history: the workspace round-trips through workspace JSON") {
    const std::string json = workspace_to_json(demo());
    WorkspaceLoad load = workspace_from_json(json);
    INFO(load.error);
    REQUIRE(load.ok);
    CHECK(load.workspace.cases.size() == demo().cases.size());
    CHECK(load.workspace.qa_records.size() == demo().qa_records.size());
    CHECK(workspace_to_json(load.workspace) == json);
}

TEST_CASE("Demo history: options set the count and the window; the library and settings are left alone") {
    Workspace before = demo_packs_workspace();
    before.settings.agent_name = "顾问";
    before.cases.push_back(Case{});   // replaced, not appended to
    Workspace ws = before;
    DemoOptions o;
    o.days = 30;
    o.case_count = 400;
    o.pack_ids = {"ride-hailing"};
    generate_demo_history(ws, 11, kDemoNow, o);
    CHECK(ws.cases.size() == 400);
    for (const Case& c : ws.cases) {
        CHECK(c.pack_id == "ride-hailing");
        CHECK(in_window(c.created_at, kDemoNow, 30));
    }
    for (const PracticeRun& r : ws.practice_runs) {
        CHECK(r.pack_id == "ride-hailing");
        CHECK(in_window(r.at, kDemoNow, 30));
    }
    for (const QaRecord& q : ws.qa_records) CHECK(in_window(q.at, kDemoNow, 30));
    for (const PrepItem& p : ws.backlog) CHECK(in_window(p.created_at, kDemoNow, 30));
    // A one-day history is still well-formed.
    DemoOptions day;
    day.days = 1;
    Workspace one = demo_packs_workspace();
    generate_demo_history(one, 3, kDemoNow, day);
    CHECK_FALSE(one.cases.empty());
    for (const Case& c : one.cases) CHECK(in_window(c.created_at, kDemoNow, 1));
    for (const PrepItem& p : one.backlog) CHECK(in_window(p.created_at, kDemoNow, 1));
    CHECK(ws.settings.agent_name == "顾问");
    REQUIRE(ws.library.packs.size() == before.library.packs.size());
    for (size_t i = 0; i < ws.library.packs.size(); ++i)
        CHECK(save_pack_json(ws.library.packs[i]) == save_pack_json(before.library.packs[i]));
}

TEST_CASE("Demo history: with no packs there is nothing to show, and nothing breaks") {
    Workspace ws;
    ws.cases.push_back(Case{});
    generate_demo_history(ws, 1, kDemoNow);
    CHECK(ws.cases.empty());
    CHECK(ws.qa_records.empty());
    CHECK(ws.practice_runs.empty());
    CHECK(ws.next_case_number == 1);
}

TEST_CASE("demo_pack_files names the four shipped demo packs, each loadable") {
    const std::vector<std::string> files = demo_pack_files();
    CHECK(files == std::vector<std::string>{"airline-hotline.json", "credit-card-bank.json", "online-travel.json", "ride-hailing.json"});
    for (const std::string& f : files) CHECK(find_pack(demo_packs_workspace().library, f.substr(0, f.size() - 5)));
}
