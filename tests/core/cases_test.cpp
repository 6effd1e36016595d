// cases_test.cpp — the triage desk's domain: logging cases with an explained suggestion,
// overrides with reasons, Q1 plans that start at once, report-up reminders, graded authority
// and approvals, closing with a review that grows the plan library, and the board's order.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/cases.h"
#include "core/command.h"

using namespace cw;

namespace {
std::string read_pack(const char* name) {
    std::ifstream in(std::string(CALLWISE_ASSETS_DIR) + "/packs/" + name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Workspace with_ride_hailing() {
    Workspace ws;
    CommandResult r = apply(ws, cmd::ImportPack{read_pack("ride-hailing.json"), ImportMode::AddAlongside});
    INFO(r.error);
    REQUIRE(r.ok);
    return ws;
}

std::string create(Workspace& ws, const std::string& text, std::int64_t at = 1000) {
    cmd::CreateCase c;
    c.text = text;
    c.channel = "phone";
    c.at = at;
    c.by = "Li Na";
    CommandResult r = apply(ws, c);
    INFO(r.error);
    REQUIRE(r.ok);
    return r.id;
}
constexpr std::int64_t kMin = 60000;
}  // namespace

TEST_CASE("A polite but dangerous request is suggested Q1 and its safety plan starts at once") {
    Workspace ws = with_ride_hailing();
    const std::string id = create(ws, "不好意思打扰一下，司机一直不让我下车，车门锁着");
    const Case* c = find_case(ws, id);
    REQUIRE(c);
    CHECK(id == "C-000001");
    CHECK(c->suggested_quadrant == Quadrant::Q1_UrgentImportant);
    CHECK(effective_quadrant(*c) == Quadrant::Q1_UrgentImportant);
    CHECK(c->plan_run.plan_id == "sos-plan");
    CHECK(c->plan_run.started_at == 1000);
    REQUIRE(c->timeline.size() >= 2);
    CHECK(c->timeline[0].kind == "created");
    CHECK(c->timeline[0].text.find("suggested Q1") != std::string::npos);
    CHECK(c->timeline[1].kind == "plan_started");
    CHECK(due_at(ws, *c) == 1000 + 1 * kMin);
}

TEST_CASE("Choosing another quadrant than the suggestion needs a reason, which is kept") {
    Workspace ws = with_ride_hailing();
    cmd::CreateCase c;
    c.text = "我想开一张上个月行程的发票";
    c.quadrant = Quadrant::Q1_UrgentImportant;
    c.at = 5;
    CommandResult r = apply(ws, c);
    CHECK_FALSE(r.ok);
    CHECK(r.error.find("needs a reason") != std::string::npos);
    CHECK(ws.cases.empty());
    c.override_reason = "VIP customer, audit tomorrow";
    r = apply(ws, c);
    REQUIRE(r.ok);
    const Case& made = ws.cases.back();
    CHECK(made.suggested_quadrant == Quadrant::Q4_Neither);
    CHECK(made.final_quadrant == Quadrant::Q1_UrgentImportant);
    CHECK(made.override_reason == "VIP customer, audit tomorrow");
}

TEST_CASE("Moving a case records who, when and why, and a move into Q1 starts its plan") {
    Workspace ws = with_ride_hailing();
    cmd::CreateCase cc;
    cc.text = "想反映一下上次那个司机说话不太礼貌";   // calm words; the scenario is what matters
    cc.scenario_id = "harassment-report";
    REQUIRE(apply(ws, cc).ok);
    const std::string id = ws.cases.back().id;
    REQUIRE(effective_quadrant(ws.cases.back()) != Quadrant::Q1_UrgentImportant);
    CHECK_FALSE(apply(ws, cmd::MoveCase{id, Quadrant::Q1_UrgentImportant, "", 2000, "Li"}).ok);
    REQUIRE(apply(ws, cmd::MoveCase{id, Quadrant::Q1_UrgentImportant, "caller then said the driver is harassing her", 2000, "Li"}).ok);
    const Case* c = find_case(ws, id);
    CHECK(c->timeline.back().kind == "plan_started");
    CHECK(c->plan_run.plan_id == "sos-plan");
    CHECK_FALSE(apply(ws, cmd::MoveCase{id, Quadrant::Q1_UrgentImportant, "again", 3000, "Li"}).ok);
}

TEST_CASE("The checklist records who did each item; report-up reminders fall due on the ladder's clock") {
    Workspace ws = with_ride_hailing();
    const std::string id = create(ws, "救命！司机不让我下车", 0);
    const Case* c = find_case(ws, id);
    const ContingencyPlan* plan = plan_of(ws, *c);
    REQUIRE(plan);
    REQUIRE_FALSE(plan->escalation_ladder.empty());
    REQUIRE(apply(ws, cmd::TickChecklist{id, 0, 30000, "Li"}).ok);
    c = find_case(ws, id);
    REQUIRE(c->plan_run.ticks.size() == 1);
    CHECK(c->plan_run.ticks[0].done_by == "Li");
    CHECK(c->status == CaseStatus::InProgress);
    CHECK_FALSE(apply(ws, cmd::TickChecklist{id, 999, 1, "Li"}).ok);
    const int every = plan->escalation_ladder.front().report_up_every_minutes;
    auto before = report_reminders(ws, *c, every * kMin - 1);
    REQUIRE_FALSE(before.empty());
    CHECK_FALSE(before.front().overdue);
    auto after = report_reminders(ws, *c, every * kMin + 1);
    CHECK(after.front().overdue);
    REQUIRE(apply(ws, cmd::ReportUp{id, "passenger out of the car, safe", every * kMin + 5, "Li"}).ok);
    c = find_case(ws, id);
    CHECK_FALSE(report_reminders(ws, *c, every * kMin + 10).front().overdue);
}

TEST_CASE("Graded authority: what a grade may do alone, and approvals beyond it are recorded") {
    Workspace ws = with_ride_hailing();
    const std::string id = create(ws, "多收了我30块钱，绕路了");
    const Case* c = find_case(ws, id);
    Authority trainee = authority_for(ws, *c, "trainee");
    Authority senior = authority_for(ws, *c, "senior");
    CHECK(trainee.known_grade);
    CHECK(trainee.compensation_limit < senior.compensation_limit);
    CHECK_FALSE(trainee.may_deviate);
    REQUIRE(apply(ws, cmd::RequestApproval{id, "refund the whole fare plus a coupon", 300, 100, "Li"}).ok);
    CHECK_FALSE(apply(ws, cmd::RequestApproval{id, "", 1, 100, "Li"}).ok);
    REQUIRE(apply(ws, cmd::DecideApproval{id, 0, true, "ok, regular customer", 200, "Lead Wang"}).ok);
    CHECK_FALSE(apply(ws, cmd::DecideApproval{id, 0, false, "", 300, "Lead Wang"}).ok);
    c = find_case(ws, id);
    REQUIRE(c->approvals.size() == 1);
    CHECK(c->approvals[0].approved);
    CHECK(c->approvals[0].decided_by == "Lead Wang");
}

TEST_CASE("A Q1 case closes only with a review, and the review can become a new plan or amend one") {
    Workspace ws = with_ride_hailing();
    const std::string id = create(ws, "救命，司机不让我下车");
    cmd::CloseCase close;
    close.case_id = id;
    close.first_contact_resolved = true;
    close.at = 9000;
    CHECK_FALSE(apply(ws, close).ok);
    close.what_happened = "Driver locked the doors after a route argument.";
    close.what_was_done = "Kept the line open, called 110, shared the trip with police.";
    close.what_should_change = "Offer the in-app audio recording prompt at once.";
    REQUIRE(apply(ws, close).ok);
    CHECK(ws.reviews.size() == 1);
    CHECK_FALSE(is_open(*find_case(ws, id)));
    CHECK_FALSE(apply(ws, close).ok);

    const size_t plans_before = ws.library.packs[0].plans.size();
    cmd::PlanFromReview amend{id, "sos-plan", "", {"Offer the audio recording prompt"}, 9500, "Lead"};
    REQUIRE(apply(ws, amend).ok);
    CHECK(ws.library.packs[0].plans.size() == plans_before);
    cmd::PlanFromReview fresh{id, "", "Locked doors after an argument", {"Call 110", "Share trip with police"}, 9600, "Lead"};
    CommandResult r = apply(ws, fresh);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(ws.library.packs[0].plans.size() == plans_before + 1);
    CHECK_FALSE(has_errors(validate_pack(ws.library.packs[0])));
    CHECK_FALSE(apply(ws, fresh).ok);   // the same review twice
}

TEST_CASE("The board sorts each quadrant by priority, then by due time, and filters") {
    Workspace ws = with_ride_hailing();
    const std::string calm = create(ws, "想问一下怎么开发票", 1000);
    const std::string early = create(ws, "司机不让我下车", 2000);
    const std::string late = create(ws, "司机不让我下车", 3000);
    const std::string louder = create(ws, "救命！司机不让我下车还动手动脚，出车祸了", 4000);
    Board b = build_board(ws, BoardFilter{});
    const auto& q1 = b.queues[0];
    REQUIRE(q1.size() == 3);
    CHECK(ws.cases[q1[0]].id == louder);
    CHECK(ws.cases[q1[1]].id == early);
    CHECK(ws.cases[q1[2]].id == late);
    CHECK(b.counts[0] == 3);
    CHECK(b.counts[3] == 1);
    BoardFilter f;
    f.text = "发票";
    b = build_board(ws, f);
    CHECK(b.queues[0].empty());
    REQUIRE(b.queues[3].size() == 1);
    CHECK(ws.cases[b.queues[3][0]].id == calm);
}

TEST_CASE("Odd input: empty text is refused, huge and mixed text is kept, a removed pack loses no case") {
    Workspace ws = with_ride_hailing();
    cmd::CreateCase empty;
    empty.text = "   \n ";
    CHECK_FALSE(apply(ws, empty).ok);
    std::string huge;
    while (huge.size() < 100 * 1024) huge += "司机绕路 😀 detour ";
    const std::string id = create(ws, huge + "救命");
    CHECK(find_case(ws, id)->text.size() <= kMaxCaseTextBytes);
    const std::string emoji = create(ws, "🚗💨😱 help!! 司机 ＳＯＳ");
    cmd::CreateCase bad;
    bad.text = std::string("abc\xff\xfe def");
    CHECK(apply(ws, bad).ok);   // repaired (U+FFFD), not lost
    const size_t cases = ws.cases.size();
    REQUIRE(apply(ws, cmd::RemovePack{"ride-hailing"}).ok);
    CHECK(ws.cases.size() == cases);
    const Case* c = find_case(ws, emoji);
    REQUIRE(c);
    CHECK(response_target_minutes(ws, *c) > 0);
    CHECK(plan_of(ws, *c) == nullptr);
    Board b = build_board(ws, BoardFilter{});
    size_t shown = 0;
    for (const auto& q : b.queues) shown += q.size();
    CHECK(shown == cases);
}

TEST_CASE("Triage-desk commands parse from JSON and are stamped with time and agent") {
    CommandParse p = command_from_json(R"({"type":"create_case","text":"航班还有40分钟起飞","channel":"chat","quadrant":"q1","override_reason":"x"})");
    REQUIRE(p.ok);
    Command c = p.command;
    stamp(c, 12345, "Li Na");
    const auto& cc = std::get<cmd::CreateCase>(c);
    CHECK(cc.at == 12345);
    CHECK(cc.by == "Li Na");
    CHECK(cc.quadrant == Quadrant::Q1_UrgentImportant);
    CHECK_FALSE(command_from_json(R"({"type":"move_case","case_id":"C-1","quadrant":"q9","reason":"r"})").ok);
    CHECK(command_from_json(R"({"type":"move_case","case_id":"C-1","quadrant":"q9","reason":"r"})").error.find("q1, q2, q3, q4") != std::string::npos);
    CHECK(command_from_json(R"({"type":"close_case","case_id":"C-1","satisfaction":4,"nps":9})").ok);
    CHECK_FALSE(command_from_json(R"({"type":"plan_from_review","case_id":"C-1","checklist":[1]})").ok);
}

TEST_CASE("triage: compiled rules are cached per library change, never stale", "[cases]") {
    Workspace ws = with_ride_hailing();
    REQUIRE(ws.library.revision != 0);
    const Pack pack = ws.library.packs.front();
    REQUIRE_FALSE(pack.triage_rules.signals.empty());
    const TriageSignal& sig = pack.triage_rules.signals.front();
    const std::string text = !sig.phrases.front().zh.empty() ? sig.phrases.front().zh : sig.phrases.front().en;
    auto log = [&] {
        auto r = apply(ws, cmd::CreateCase{text, "phone", "", "", "", "", std::nullopt, "", 1000, "t"});
        REQUIRE(r.ok);
        return ws.cases.back();
    };
    const Case first = log();
    const Case again = log();   // the cached index gives the same answer
    CHECK(again.urgency == first.urgency);
    CHECK(again.importance == first.importance);
    CHECK(first.urgency + first.importance > 0);

    // Replace the pack with one whose signals are gone: the next case must not use the old rules.
    Pack bare = pack;
    bare.triage_rules.signals.clear();
    for (ContingencyPlan& p : bare.plans) p.trigger.signal_ids.clear();
    const std::uint64_t before = ws.library.revision;
    REQUIRE(import_pack(ws.library, bare, ImportMode::ReplaceSameId).ok);
    CHECK(ws.library.revision != before);
    const Case after = log();
    CHECK(after.urgency + after.importance < first.urgency + first.importance);
}
