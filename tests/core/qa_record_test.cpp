// qa_record_test.cpp — scored calls kept for review (core/qa_record.h): the JSON form of a
// realistic record (scored against the sample pack) through the workspace save, tolerance of
// hand-edited records and clear errors for bad ones, the QA commands with each refusal, the
// bound on the list (practice calls give way), and the commands' JSON form.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "core/command.h"
#include "core/pack.h"
#include "core/qa_record.h"
#include "core/utf8.h"
#include "core/workspace.h"
#include "pack_test_support.h"

using namespace cw;

namespace {

const Pack& sample() {
    static const Pack pack = [] {
        const PackLoadResult r = load_pack_json(cw_test::sample_pack_text());
        REQUIRE(r.ok);
        return r.pack;
    }();
    return pack;
}

CallLine line(Speaker who, std::string text, std::int64_t at) {
    CallLine l;
    l.speaker = who;
    l.text = std::move(text);
    l.at = at;
    return l;
}

// A real call that went wrong in several ways the scorecard explains: a prohibited phrase
// (also recorded live as a hit), the stock empathy line, a question left unanswered, and
// no resolution. The customer's feeling is unrated, so a reviewer must mark it.
CallRecord troubled_call() {
    CallRecord r;
    r.pack_id = "sample-mini";
    r.scenario_id = "flight-delay";
    r.persona_id = "elderly_group";
    r.agent = "Li Na";
    r.grade_id = "agent";
    r.lines.push_back(line(Speaker::System, "call connected", 0));
    r.lines.push_back(line(Speaker::Customer, "我的航班延误了，怎么回事？", 1000));
    r.lines.back().is_question = true;
    r.lines.back().answered = true;
    r.lines.push_back(line(Speaker::Agent, "这不归我们管，您去找机场吧。", 2000));
    r.lines.back().step_id = "explain";
    r.lines.back().deviated = true;
    r.lines.push_back(line(Speaker::Customer, "那有没有补偿？", 3000));
    r.lines.back().is_question = true;
    r.lines.push_back(line(Speaker::Agent, "我理解您的心情。为表歉意，送您一张 50 元餐券。", 4000));
    r.lines.back().step_id = "voucher";
    r.lines.back().step_kind = StepKind::Offer;
    r.lines.back().offer_amount = 50;
    r.lines.push_back(line(Speaker::Customer, "好吧", 5000));
    r.lines.push_back(line(Speaker::Agent, "行程被打乱确实很闹心。稍后给您回电。", 6000));
    r.lines.back().is_empathy = true;
    r.lines.back().empathy_index = 2;
    r.hits.push_back(GuardrailHit{"not-our-problem", true, "这不归我们管", 2});
    r.end = CallEnd::FollowUp;
    r.compensation_given = 50;
    return r;
}

QaRecord scored(CallRecord call) {
    const Scorecard* card = find_scorecard(sample(), "customer-feeling");
    REQUIRE(card);
    QaRecord rec;
    rec.call = std::move(call);
    rec.result = score_call(sample(), *card, rec.call);
    return rec;
}

QaRecord practice_record(std::int64_t at) {
    CallRecord call = troubled_call();
    call.practice = true;
    call.seed = std::numeric_limits<std::uint64_t>::max();   // the full range survives the save
    call.final_mood = 62.5;
    QaRecord rec = scored(call);
    rec.at = at;
    return rec;
}

std::string file(Workspace& ws, QaRecord rec, std::int64_t at = 9000, const std::string& by = "Li Na") {
    cmd::FileQaRecord c;
    c.record = std::move(rec);
    c.at = at;
    c.by = by;
    const CommandResult r = cw::apply(ws, c);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.changed);
    return r.id;
}

const QaRecord& record(const Workspace& ws, const std::string& id) {
    const QaRecord* r = find_qa_record(ws.qa_records, id);
    REQUIRE(r);
    return *r;
}

CommandResult dispute_cmd(Workspace& ws, const std::string& rec, const std::string& ded, const std::string& comment) {
    cmd::DisputeDeduction c;
    c.record_id = rec;
    c.deduction_id = ded;
    c.comment = comment;
    c.at = 10000;
    c.by = "Li Na";
    return cw::apply(ws, c);
}

CommandResult decide_cmd(Workspace& ws, const std::string& rec, int index, bool accept, const std::string& note = "checked") {
    cmd::DecideDispute c;
    c.record_id = rec;
    c.index = index;
    c.accept = accept;
    c.note = note;
    c.at = 11000;
    c.by = "QA Wang";
    return cw::apply(ws, c);
}

CommandResult mark_cmd(Workspace& ws, const std::string& rec, const std::string& item, double points,
                       const std::string& note = "polite and patient") {
    cmd::MarkQaItem c;
    c.record_id = rec;
    c.item_id = item;
    c.points = points;
    c.note = note;
    c.at = 12000;
    c.by = "QA Wang";
    return cw::apply(ws, c);
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string first_deduction(const QaRecord& r, const std::string& rule) {
    for (const QaItemResult& it : r.result.items)
        for (const Deduction& d : it.deductions)
            if (d.rule == rule) return d.id;
    FAIL("no deduction for rule " << rule);
    return "";
}

}  // namespace

// ------------------------------------------------------------------------ the JSON form
TEST_CASE("qa record: the scored sample call has the deductions the tests rely on") {
    const QaRecord rec = scored(troubled_call());
    CHECK_FALSE(first_deduction(rec, "prohibited_phrase").empty());
    CHECK_FALSE(first_deduction(rec, "stock_empathy").empty());
    CHECK_FALSE(first_deduction(rec, "not_resolved").empty());
    const QaItemResult* feeling = rec.result.find_item("feeling");
    REQUIRE(feeling);
    CHECK(feeling->needs_reviewer);
    CHECK(rec.result.unscored == 1);
}

TEST_CASE("qa record: a realistic record with disputes and marks survives the workspace save byte for byte") {
    Workspace ws;
    const std::string real = file(ws, scored(troubled_call()));
    const std::string practice = file(ws, practice_record(8000));
    const std::string ded = first_deduction(record(ws, real), "prohibited_phrase");
    const std::string stock = first_deduction(record(ws, real), "stock_empathy");
    REQUIRE(dispute_cmd(ws, real, ded, "I was quoting what the airport told me.").ok);
    REQUIRE(dispute_cmd(ws, real, stock, "The customer calmed down after it.").ok);
    REQUIRE(decide_cmd(ws, real, 0, false, "It was said to the customer as our answer.").ok);
    REQUIRE(decide_cmd(ws, real, 1, true, "Fine in context.").ok);
    REQUIRE(mark_cmd(ws, real, "feeling", 15).ok);

    const std::string json = workspace_to_json(ws);
    // Enums are their names; a few spot checks of the spelling.
    CHECK(has(json, "\"speaker\": \"customer\""));
    CHECK(has(json, "\"end\": \"follow_up\""));
    CHECK(has(json, "\"step_kind\": \"offer\""));
    CHECK(has(json, "\"check\": \"no_prohibited_phrase\""));
    CHECK(has(json, "\"status\": \"rejected\""));
    CHECK(has(json, "\"status\": \"accepted\""));
    CHECK(has(json, "\"seed\": 18446744073709551615"));

    const WorkspaceLoad l = workspace_from_json(json);
    INFO(l.error);
    REQUIRE(l.ok);
    CHECK(workspace_to_json(l.workspace) == json);
    REQUIRE(l.workspace.qa_records.size() == 2);
    CHECK(l.workspace.next_qa_number == 3);

    const QaRecord& a = ws.qa_records[0];
    const QaRecord& b = l.workspace.qa_records[0];
    CHECK(b.id == real);
    CHECK(b.at == 9000);
    CHECK(b.agent == "Li Na");
    REQUIRE(b.call.lines.size() == a.call.lines.size());
    for (size_t i = 0; i < a.call.lines.size(); ++i) {
        const CallLine& x = a.call.lines[i];
        const CallLine& y = b.call.lines[i];
        CHECK(y.speaker == x.speaker);
        CHECK(y.text == x.text);
        CHECK(y.at == x.at);
        CHECK(y.step_id == x.step_id);
        CHECK(y.step_kind == x.step_kind);
        CHECK(y.is_empathy == x.is_empathy);
        CHECK(y.empathy_index == x.empathy_index);
        CHECK(y.is_question == x.is_question);
        CHECK(y.answered == x.answered);
        CHECK(y.offer_amount == x.offer_amount);
        CHECK(y.deviated == x.deviated);
    }
    REQUIRE(b.call.hits.size() == 1);
    CHECK(b.call.hits[0].rule_id == "not-our-problem");
    CHECK(b.call.hits[0].prohibited);
    CHECK(b.call.hits[0].line == 2);
    CHECK(b.call.end == CallEnd::FollowUp);
    CHECK(b.call.compensation_given == 50);
    CHECK_FALSE(b.call.final_mood);

    CHECK(b.result.scorecard_id == "customer-feeling");
    CHECK(b.result.score == a.result.score);
    CHECK(b.result.max_score == a.result.max_score);
    CHECK(b.result.percent == a.result.percent);
    CHECK(b.result.unscored == 0);
    REQUIRE(b.result.items.size() == a.result.items.size());
    for (size_t i = 0; i < a.result.items.size(); ++i) {
        const QaItemResult& x = a.result.items[i];
        const QaItemResult& y = b.result.items[i];
        CHECK(y.item_id == x.item_id);
        CHECK(y.label == x.label);
        CHECK(y.check == x.check);
        CHECK(y.weight == x.weight);
        CHECK(y.earned == x.earned);
        CHECK(y.status == x.status);
        CHECK(y.note == x.note);
        CHECK(y.needs_reviewer == x.needs_reviewer);
        CHECK(y.reviewer_points == x.reviewer_points);
        CHECK(y.reviewer == x.reviewer);
        CHECK(y.reviewer_note == x.reviewer_note);
        REQUIRE(y.deductions.size() == x.deductions.size());
        for (size_t k = 0; k < x.deductions.size(); ++k) {
            CHECK(y.deductions[k].id == x.deductions[k].id);
            CHECK(y.deductions[k].rule == x.deductions[k].rule);
            CHECK(y.deductions[k].line == x.deductions[k].line);
            CHECK(y.deductions[k].line_text == x.deductions[k].line_text);
            CHECK(y.deductions[k].points == x.deductions[k].points);
            CHECK(y.deductions[k].explanation == x.deductions[k].explanation);
            CHECK(y.deductions[k].waived == x.deductions[k].waived);
        }
    }
    REQUIRE(b.result.disputes.size() == 2);
    CHECK(b.result.disputes[0].status == DisputeStatus::Rejected);
    CHECK(b.result.disputes[0].comment == "I was quoting what the airport told me.");
    CHECK(b.result.disputes[0].by == "Li Na");
    CHECK(b.result.disputes[0].at == 10000);
    CHECK(b.result.disputes[0].reviewer == "QA Wang");
    CHECK(b.result.disputes[0].reviewer_note == "It was said to the customer as our answer.");
    CHECK(b.result.disputes[0].decided_at == 11000);
    CHECK(b.result.disputes[1].status == DisputeStatus::Accepted);
    CHECK(b.result.find_deduction(stock)->waived);
    REQUIRE(b.result.find_item("feeling"));
    CHECK(b.result.find_item("feeling")->reviewer_points == 15.0);

    const QaRecord& p = l.workspace.qa_records[1];
    CHECK(p.id == practice);
    CHECK(p.at == 8000);   // the record's own time is kept; the command's fills only a blank
    CHECK(is_practice(p));
    CHECK(p.call.seed == std::numeric_limits<std::uint64_t>::max());
    REQUIRE(p.call.final_mood);
    CHECK(*p.call.final_mood == 62.5);
    CHECK(p.result.practice);
}

TEST_CASE("qa record: fields at their default are left out of the save") {
    Workspace ws;
    QaRecord rec;
    rec.call.lines.push_back(line(Speaker::Agent, "hello", 0));
    file(ws, rec, 0, "");
    const std::string json = workspace_to_json(ws);
    for (const char* absent : {"empathy_index", "step_kind", "offer_amount", "final_mood", "\"hits\"", "\"seed\"",
                               "reviewer_points", "\"disputes\"", "case_id", "\"agent\": "})
        CHECK_FALSE(has(json, absent));
    CHECK(has(json, "\"speaker\": \"agent\""));   // always written
    CHECK(has(json, "\"end\": \"open\""));
    const WorkspaceLoad l = workspace_from_json(json);
    REQUIRE(l.ok);
    REQUIRE(l.workspace.qa_records.size() == 1);
    CHECK(l.workspace.qa_records[0].call.lines[0].empathy_index == -1);   // not 0: the default came back
    CHECK(l.workspace.qa_records[0].call.lines[0].step_kind == StepKind::Say);
}

namespace {
std::string save_with_records(const std::string& records) {
    return R"({"schema_version":3,"settings":{},"next_case_number":1,"packs":[],"cases":[],"reviews":[],"pdca":[],)"
           R"("qa_records":[)" + records + R"(],"next_qa_number":10})";
}
}  // namespace

TEST_CASE("qa record: a hand-written record with only an id loads with defaults") {
    const WorkspaceLoad l = workspace_from_json(save_with_records(
        R"({"id":"Q-000009"},{"id":"Q-000010","call":{"lines":[{"speaker":"customer","text":"hi"}],"hits":[{"rule_id":"x"}]},)"
        R"("result":{"items":[{"item_id":"fcr","check":"manual","status":"unscored"}]}})"));
    INFO(l.error);
    REQUIRE(l.ok);
    REQUIRE(l.workspace.qa_records.size() == 2);
    const QaRecord& a = l.workspace.qa_records[0];
    CHECK(a.id == "Q-000009");
    CHECK(a.call.lines.empty());
    CHECK(a.call.end == CallEnd::Open);
    CHECK(a.result.items.empty());
    const QaRecord& b = l.workspace.qa_records[1];
    REQUIRE(b.call.lines.size() == 1);
    CHECK(b.call.lines[0].speaker == Speaker::Customer);
    REQUIRE(b.call.hits.size() == 1);
    CHECK(b.call.hits[0].prohibited);   // its default is true
    CHECK(b.call.hits[0].line == -1);
    REQUIRE(b.result.items.size() == 1);
    CHECK(b.result.items[0].check == ScoreCheck::Manual);
    CHECK(l.workspace.next_qa_number == 10);
}

TEST_CASE("qa record: a bad record is refused with the record and the field named, never a crash") {
    struct Row {
        const char* record;
        std::vector<std::string> parts;
    };
    const Row rows[] = {
        {R"({"id":"Q-000009","call":{"lines":[{"speaker":"agent"},{"speaker":"robot","text":"hi"}]}})",
         {"qa record Q-000009", "call.lines[1].speaker", "unknown speaker \"robot\"", "\"agent\", \"customer\", \"system\""}},
        {R"({"id":"Q-000009","call":{"end":"abandoned"}})", {"call.end", "unknown call end \"abandoned\"", "\"hung_up\""}},
        {R"({"id":"Q-000009","result":{"items":[{"item_id":"a","check":"vibes"}]}})",
         {"result.items[0].check", "unknown check \"vibes\""}},
        {R"({"id":"Q-000009","result":{"items":[{"item_id":"a","status":"great"}]}})",
         {"result.items[0].status", "unknown QA status \"great\""}},
        {R"({"id":"Q-000009","result":{"disputes":[{"deduction_id":"a#0","status":"pending"}]}})",
         {"result.disputes[0].status", "unknown dispute status \"pending\"", "\"open\", \"accepted\", \"rejected\""}},
        {R"({"id":"Q-000009","call":{"lines":[{"speaker":"agent","step_kind":"shout"}]}})",
         {"call.lines[0].step_kind", "unknown step kind \"shout\""}},
        {R"({"id":"Q-000009","at":"yesterday"})", {"qa record Q-000009", "at", "whole number"}},
        {R"({"id":"Q-000009","call":{"lines":[{"speaker":"agent","text":5}]}})", {"call.lines[0].text", "text"}},
        {R"({"id":"Q-000009","result":{"items":[{"check":"manual"}]}})", {"result.items[0].item_id", "missing"}},
        {R"({"at":5})", {"qa record", "id", "missing"}},
    };
    for (const Row& row : rows) {
        INFO(row.record);
        const WorkspaceLoad l = workspace_from_json(save_with_records(row.record));
        CHECK_FALSE(l.ok);
        CHECK(has(l.error, "qa_records"));
        for (const std::string& part : row.parts) {
            INFO(l.error);
            CHECK(has(l.error, part));
        }
    }
}

TEST_CASE("qa record: the enum names read back, and unknown names are refused") {
    for (int i = 0; i < 3; ++i) CHECK(speaker_from_string(to_string(static_cast<Speaker>(i))) == static_cast<Speaker>(i));
    for (int i = 0; i < 5; ++i) CHECK(call_end_from_string(to_string(static_cast<CallEnd>(i))) == static_cast<CallEnd>(i));
    for (int i = 0; i < 5; ++i) CHECK(qa_status_from_string(to_string(static_cast<QaStatus>(i))) == static_cast<QaStatus>(i));
    for (int i = 0; i < 3; ++i)
        CHECK(dispute_status_from_string(to_string(static_cast<DisputeStatus>(i))) == static_cast<DisputeStatus>(i));
    CHECK_FALSE(speaker_from_string("Agent"));
    CHECK_FALSE(call_end_from_string(""));
    CHECK_FALSE(qa_status_from_string("passed"));
    CHECK_FALSE(dispute_status_from_string("closed"));
}

// ------------------------------------------------------------------------ file_qa_record
TEST_CASE("qa record: filing assigns ids in order and fills time and agent only where blank") {
    Workspace ws;
    QaRecord blank = scored(troubled_call());
    blank.call.agent.clear();
    const std::string a = file(ws, blank, 9000, "Li Na");
    CHECK(a == "Q-000001");
    CHECK(record(ws, a).at == 9000);
    CHECK(record(ws, a).agent == "Li Na");

    QaRecord own = scored(troubled_call());
    own.id = "forged";   // ignored: ids are assigned
    own.at = 5;
    own.agent = "Zhang Wei";
    own.call.case_id = "C-000042";
    const std::string b = file(ws, own, 9000, "Li Na");
    CHECK(b == "Q-000002");
    CHECK(record(ws, b).at == 5);
    CHECK(record(ws, b).agent == "Zhang Wei");
    CHECK(record(ws, b).case_id == "C-000042");   // from the call, when the record has none
    CHECK_FALSE(find_qa_record(ws.qa_records, "forged"));
    CHECK(ws.next_qa_number == 3);

    // A hand-edited save whose counter is behind its ids: taken ids are skipped, never reused.
    ws.next_qa_number = 2;
    CHECK(file(ws, scored(troubled_call())) == "Q-000003");
    CHECK(ws.next_qa_number == 4);
}

TEST_CASE("qa record: filing refuses what could not be saved and repairs broken text") {
    Workspace ws;
    QaRecord nan = scored(troubled_call());
    nan.call.lines[4].offer_amount = std::nan("");
    cmd::FileQaRecord c{nan, 1, "Li Na"};
    CommandResult r = cw::apply(ws, c);
    CHECK_FALSE(r.ok);
    CHECK(has(r.error, "call.lines[4].offer_amount"));
    CHECK(ws.qa_records.empty());
    CHECK(ws.next_qa_number == 1);

    QaRecord inf = scored(troubled_call());
    inf.result.items[0].earned = HUGE_VAL;
    c.record = inf;
    r = cw::apply(ws, c);
    CHECK_FALSE(r.ok);
    CHECK(has(r.error, "result.items[0].earned"));

    QaRecord huge;
    huge.call.lines.resize(kMaxQaLines + 1);
    c.record = huge;
    r = cw::apply(ws, c);
    CHECK_FALSE(r.ok);
    CHECK(has(r.error, "lines"));

    QaRecord broken = scored(troubled_call());
    broken.call.lines[1].text = "bad \xff byte";
    broken.call.lines[3].text = std::string(kMaxQaLineBytes + 100, 'x');
    const std::string id = file(ws, broken);
    CHECK(record(ws, id).call.lines[1].text == "bad \xEF\xBF\xBD byte");
    CHECK(record(ws, id).call.lines[3].text.size() == kMaxQaLineBytes);
    CHECK(workspace_from_json(workspace_to_json(ws)).ok);
}

TEST_CASE("qa record: when the list is full, practice calls give way, then reviewed real calls; calls awaiting review never do") {
    Workspace ws;
    ws.qa_records.resize(kMaxQaRecords);
    for (size_t i = 0; i < ws.qa_records.size(); ++i) {
        ws.qa_records[i].id = "R-" + std::to_string(i);
        ws.qa_records[i].at = 1000 + static_cast<std::int64_t>(i);
        ws.qa_records[i].result.unscored = 1;   // waiting for a reviewer
    }
    ws.qa_records[10].call.practice = true;
    ws.qa_records[20].result.practice = true;
    ws.qa_records[20].at = 1;   // filed later, but the older call
    ws.qa_records[30].result.unscored = 0;   // a real call whose review is done
    ws.next_qa_number = kMaxQaRecords + 1;
    char expect[32];
    std::snprintf(expect, sizeof expect, "Q-%06zu", kMaxQaRecords + 1);

    const std::string a = file(ws, practice_record(99999));
    CHECK(a == expect);
    CHECK(ws.qa_records.size() == kMaxQaRecords);
    CHECK_FALSE(find_qa_record(ws.qa_records, "R-20"));
    CHECK(find_qa_record(ws.qa_records, "R-10"));
    CHECK(ws.qa_records.back().id == a);

    file(ws, scored(troubled_call()));   // drops R-10
    CHECK_FALSE(find_qa_record(ws.qa_records, "R-10"));
    file(ws, scored(troubled_call()));   // drops the practice record filed above
    CHECK_FALSE(find_qa_record(ws.qa_records, a));
    CHECK(find_qa_record(ws.qa_records, "R-30"));
    file(ws, scored(troubled_call()));   // no practice left: the reviewed real call R-30
    CHECK_FALSE(find_qa_record(ws.qa_records, "R-30"));

    // The three filed above are troubled calls with open items? Make every record wait.
    for (QaRecord& r : ws.qa_records) r.result.unscored = std::max(r.result.unscored, 1);
    cmd::FileQaRecord c{scored(troubled_call()), 5, "Li Na"};
    const CommandResult r = cw::apply(ws, c);
    CHECK_FALSE(r.ok);
    CHECK(has(r.error, std::to_string(kMaxQaRecords)));
    CHECK(has(r.error, "waiting for a reviewer"));
    CHECK(ws.qa_records.size() == kMaxQaRecords);
    CHECK(ws.next_qa_number == kMaxQaRecords + 5);
}

// ------------------------------------------------------------------------ disputes
TEST_CASE("qa record: a dispute is recorded against the deduction and moves no score") {
    Workspace ws;
    const std::string id = file(ws, scored(troubled_call()));
    const std::string ded = first_deduction(record(ws, id), "prohibited_phrase");
    const double before = record(ws, id).result.score;
    const CommandResult r = dispute_cmd(ws, id, ded, "I was quoting the airport.");
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.changed);
    CHECK(r.id == "0");
    const QaResult& res = record(ws, id).result;
    CHECK(res.score == before);
    REQUIRE(res.disputes.size() == 1);
    CHECK(res.disputes[0].deduction_id == ded);
    CHECK(res.disputes[0].by == "Li Na");
    CHECK(res.disputes[0].at == 10000);
    CHECK(res.disputes[0].status == DisputeStatus::Open);

    // A very long comment is kept, cut at a character boundary.
    std::string long_comment;
    while (long_comment.size() < kMaxQaTextBytes + 10) long_comment += "延误";
    const std::string stock = first_deduction(record(ws, id), "stock_empathy");
    REQUIRE(dispute_cmd(ws, id, stock, long_comment).ok);
    const std::string& kept = record(ws, id).result.disputes[1].comment;
    CHECK(kept.size() <= kMaxQaTextBytes);
    CHECK(kept.size() > kMaxQaTextBytes - 3);
    CHECK(is_valid_utf8(kept));
}

TEST_CASE("qa record: disputes that cannot be filed are refused with what to do") {
    Workspace ws;
    const std::string id = file(ws, scored(troubled_call()));
    const std::string ded = first_deduction(record(ws, id), "prohibited_phrase");

    CommandResult r = dispute_cmd(ws, "Q-999999", ded, "why");
    CHECK_FALSE(r.ok);
    CHECK(has(r.error, "no QA record with id \"Q-999999\""));

    r = dispute_cmd(ws, id, "nope#0", "why");
    CHECK_FALSE(r.ok);
    CHECK(has(r.error, "no deduction with id \"nope#0\""));
    CHECK(has(r.error, ded));   // lists what there is

    r = dispute_cmd(ws, id, ded, "   ");
    CHECK_FALSE(r.ok);
    CHECK(has(r.error, "say why"));

    r = dispute_cmd(ws, id, ded, "bad \xc3");
    CHECK_FALSE(r.ok);
    CHECK(has(r.error, "UTF-8"));

    REQUIRE(dispute_cmd(ws, id, ded, "first").ok);
    r = dispute_cmd(ws, id, ded, "again");
    CHECK_FALSE(r.ok);
    CHECK(has(r.error, "already has an open dispute"));

    REQUIRE(decide_cmd(ws, id, 0, true).ok);
    r = dispute_cmd(ws, id, ded, "once more");
    CHECK_FALSE(r.ok);
    CHECK(has(r.error, "already waived"));
    CHECK(record(ws, id).result.disputes.size() == 1);
}

TEST_CASE("qa record: a reviewer accepts (the deduction is waived) or rejects (it may be disputed again)") {
    Workspace ws;
    const std::string id = file(ws, scored(troubled_call()));
    const std::string ded = first_deduction(record(ws, id), "prohibited_phrase");
    const double before = record(ws, id).result.score;

    REQUIRE(dispute_cmd(ws, id, ded, "quoting").ok);
    CommandResult r = decide_cmd(ws, id, 0, false, "It was our answer to the customer.");
    REQUIRE(r.ok);
    CHECK(r.changed);
    const Dispute& d0 = record(ws, id).result.disputes[0];
    CHECK(d0.status == DisputeStatus::Rejected);
    CHECK(d0.reviewer == "QA Wang");
    CHECK(d0.reviewer_note == "It was our answer to the customer.");
    CHECK(d0.decided_at == 11000);
    CHECK(record(ws, id).result.score == before);

    r = decide_cmd(ws, id, 0, true);
    CHECK_FALSE(r.ok);
    CHECK(has(r.error, "already rejected by QA Wang"));

    REQUIRE(dispute_cmd(ws, id, ded, "new evidence: the recording").ok);
    REQUIRE(decide_cmd(ws, id, 1, true, "Confirmed.").ok);
    CHECK(record(ws, id).result.disputes[1].status == DisputeStatus::Accepted);
    CHECK(record(ws, id).result.find_deduction(ded)->waived);
    CHECK(record(ws, id).result.score > before);

    for (int bad : {-1, 2, 99}) {
        r = decide_cmd(ws, id, bad, true);
        CHECK_FALSE(r.ok);
        CHECK(has(r.error, "no dispute number " + std::to_string(bad) + " (the record has 2)"));
    }
    CHECK_FALSE(decide_cmd(ws, "Q-7", 0, true).ok);

    const std::string stock = first_deduction(record(ws, id), "stock_empathy");
    REQUIRE(dispute_cmd(ws, id, stock, "varied enough").ok);
    r = decide_cmd(ws, id, 2, true, "bad \xff");
    CHECK_FALSE(r.ok);
    CHECK(has(r.error, "UTF-8"));
    CHECK(record(ws, id).result.disputes[2].status == DisputeStatus::Open);
}

// ------------------------------------------------------------------------ reviewer marks
TEST_CASE("qa record: a reviewer marks an item no rule could judge; the points are clamped to its weight") {
    Workspace ws;
    const std::string id = file(ws, scored(troubled_call()));
    CHECK(record(ws, id).result.unscored == 1);
    const double max_before = record(ws, id).result.max_score;

    CommandResult r = mark_cmd(ws, id, "feeling", 20);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.changed);
    const QaItemResult* item = record(ws, id).result.find_item("feeling");
    REQUIRE(item);
    CHECK(item->reviewer_points == 20.0);
    CHECK(item->reviewer == "QA Wang");
    CHECK(item->reviewer_note == "polite and patient");
    CHECK(item->status == QaStatus::Partial);
    CHECK(record(ws, id).result.unscored == 0);
    CHECK(record(ws, id).result.max_score == max_before + 25);

    r = mark_cmd(ws, id, "feeling", 20);   // the same mark again changes nothing
    CHECK(r.ok);
    CHECK_FALSE(r.changed);

    REQUIRE(mark_cmd(ws, id, "feeling", 1000).ok);
    CHECK(record(ws, id).result.find_item("feeling")->reviewer_points == 25.0);
    CHECK(record(ws, id).result.find_item("feeling")->status == QaStatus::Pass);
}

TEST_CASE("qa record: marks that make no sense are refused") {
    Workspace ws;
    const std::string id = file(ws, scored(troubled_call()));
    struct Row {
        std::string record, item;
        double points;
        std::string note, error;
    };
    const Row rows[] = {
        {"Q-404", "feeling", 10, "", "no QA record with id \"Q-404\""},
        {id, "feeling", std::nan(""), "", "must be a number"},
        {id, "feeling", HUGE_VAL, "", "must be a number"},
        {id, "feeling", -1, "", "cannot be negative"},
        {id, "charm", 10, "", "no scorecard item with id \"charm\""},
        {id, "fcr", 10, "", "scored automatically; dispute its deductions instead"},
        {id, "feeling", 10, "bad \xfe", "UTF-8"},
    };
    for (const Row& row : rows) {
        const CommandResult r = mark_cmd(ws, row.record, row.item, row.points, row.note);
        INFO(row.item << " " << row.points);
        CHECK_FALSE(r.ok);
        INFO(r.error);
        CHECK(has(r.error, row.error));
    }
    CHECK_FALSE(record(ws, id).result.find_item("feeling")->reviewer_points);
}

// ------------------------------------------------------------------------ JSON commands
TEST_CASE("qa record: the review commands parse from JSON and apply like the app's") {
    Workspace ws;
    const std::string id = file(ws, scored(troubled_call()));
    const std::string ded = first_deduction(record(ws, id), "prohibited_phrase");

    CommandParse p = command_from_json(R"({"type":"dispute_deduction","record_id":")" + id + R"(","deduction_id":")" + ded +
                                       R"(","comment":"I quoted the airport","at":777,"by":"Li Na"})");
    INFO(p.error);
    REQUIRE(p.ok);
    REQUIRE(std::holds_alternative<cmd::DisputeDeduction>(p.command));
    CHECK(std::get<cmd::DisputeDeduction>(p.command).comment == "I quoted the airport");
    CHECK(command_name(p.command) == "dispute_deduction");
    REQUIRE(cw::apply(ws, p.command).ok);
    CHECK(record(ws, id).result.disputes[0].at == 777);

    p = command_from_json(R"({"type":"decide_dispute","record_id":")" + id + R"(","index":0,"accept":true,"note":"ok"})");
    REQUIRE(p.ok);
    stamp(p.command, 888, "QA Wang");
    const auto& dd = std::get<cmd::DecideDispute>(p.command);
    CHECK(dd.index == 0);
    CHECK(dd.accept);
    REQUIRE(cw::apply(ws, p.command).ok);
    CHECK(record(ws, id).result.disputes[0].reviewer == "QA Wang");
    CHECK(record(ws, id).result.disputes[0].decided_at == 888);

    p = command_from_json(R"({"type":"mark_qa_item","record_id":")" + id + R"(","item_id":"feeling","points":12.5,"note":"warm"})");
    REQUIRE(p.ok);
    CHECK(std::get<cmd::MarkQaItem>(p.command).points == 12.5);
    REQUIRE(cw::apply(ws, p.command).ok);
    CHECK(record(ws, id).result.find_item("feeling")->reviewer_points == 12.5);
}

TEST_CASE("qa record: bad JSON commands name the field; file_qa_record is for the app only") {
    struct Row {
        const char* json;
        const char* error;
    };
    const Row rows[] = {
        {R"({"type":"file_qa_record","record":{}})", "command file_qa_record: file_qa_record can only be sent by the app"},
        {R"({"type":"dispute_deduction","deduction_id":"a#0","comment":"x"})", "missing field \"record_id\""},
        {R"({"type":"dispute_deduction","record_id":"Q-1","comment":"x"})", "missing field \"deduction_id\""},
        {R"({"type":"dispute_deduction","record_id":"Q-1","deduction_id":"a#0"})", "missing field \"comment\""},
        {R"({"type":"dispute_deduction","record_id":1,"deduction_id":"a#0","comment":"x"})", "field \"record_id\" must be a string"},
        {R"({"type":"decide_dispute","record_id":"Q-1","accept":true})", "missing field \"index\""},
        {R"({"type":"decide_dispute","record_id":"Q-1","index":0.5,"accept":true})", "field \"index\" must be a whole number"},
        {R"({"type":"decide_dispute","record_id":"Q-1","index":0})", "missing field \"accept\""},
        {R"({"type":"decide_dispute","record_id":"Q-1","index":0,"accept":"yes"})", "field \"accept\" must be true or false"},
        {R"({"type":"mark_qa_item","record_id":"Q-1","item_id":"feeling"})", "missing field \"points\""},
        {R"({"type":"mark_qa_item","record_id":"Q-1","item_id":"feeling","points":"10"})", "field \"points\" must be a number"},
        {R"({"type":"mark_qa_item","record_id":"Q-1","points":3})", "missing field \"item_id\""},
    };
    for (const Row& row : rows) {
        const CommandParse p = command_from_json(row.json);
        INFO(row.json);
        CHECK_FALSE(p.ok);
        INFO(p.error);
        CHECK(has(p.error, row.error));
    }
}
