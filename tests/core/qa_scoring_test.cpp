// qa_scoring_test.cpp — QA scorecards (core/qa_scoring.h): a table that covers every automatic
// check, passing and failing, on hand-written call records (the same shape the live assistant
// and the practice simulator produce); explanations that name the line and the rule in both
// languages; disputes that change nothing until accepted; manual items; the shared rules
// (CallRules, ListenTracker, find_offer, content tokens). Guardrails, empathy lines and grades
// come from the sample pack; the scorecard is built here so that it holds every check.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/pack.h"
#include "core/qa_scoring.h"
#include "core/utf8.h"
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

// One item per check, weight 10 each.
Scorecard every_check() {
    Scorecard c;
    c.id = "all";
    c.name = {"全部", "All"};
    const ScoreCheck checks[] = {ScoreCheck::NoProhibitedPhrase, ScoreCheck::EmpathyVariety,
                                 ScoreCheck::WaitedBeforeCompensation, ScoreCheck::FirstContactResolution,
                                 ScoreCheck::QuestionsAnswered, ScoreCheck::WithinAuthority,
                                 ScoreCheck::CustomerFeeling, ScoreCheck::Manual};
    for (ScoreCheck ch : checks) {
        ScorecardItem it;
        it.id = to_string(ch);
        it.label = {it.id, it.id};
        it.weight = 10;
        it.check = ch;
        c.items.push_back(it);
    }
    return c;
}

CallLine agent(std::string text, double offer = 0) {
    CallLine l;
    l.speaker = Speaker::Agent;
    l.text = std::move(text);
    l.offer_amount = offer;
    if (offer > 0) l.step_kind = StepKind::Offer;
    return l;
}

CallLine customer(std::string text, bool question = false, bool answered = false) {
    CallLine l;
    l.speaker = Speaker::Customer;
    l.text = std::move(text);
    l.is_question = question;
    l.answered = answered;
    return l;
}

// A call that passes every automatic check: two different empathy lines, the customer heard
// before the 50 CNY voucher (agent limit 50), the question answered, resolved.
CallRecord good_call() {
    CallRecord r;
    r.pack_id = "sample-mini";
    r.scenario_id = "flight-delay";
    r.grade_id = "agent";
    r.end = CallEnd::Resolved;
    r.lines = {customer("我的航班延误了"),
               agent("等了这么久,换谁都会着急。延误是因为前序航班晚到。"),
               customer("那有没有补偿？", true, true),
               agent("行程被打乱确实很闹心。为表歉意,我们为您准备了一张 50 元餐券。", 50),
               customer("好的，谢谢"),
               agent("还有什么我能帮您的吗?祝您旅途顺利。")};
    r.compensation_given = 50;
    return r;
}

struct Row {
    const char* name;
    ScoreCheck check;
    CallRecord record;
    QaOptions options;
    QaStatus status;
    double earned;
    std::vector<std::string> rules;  // the deductions, in order
    std::vector<int> lines;          // their lines
};

CallRecord with(CallRecord r, std::vector<CallLine> lines) {
    r.lines = std::move(lines);
    return r;
}

std::vector<Row> table() {
    std::vector<Row> rows;
    const CallRecord g = good_call();
    auto add = [&](const char* name, ScoreCheck check, CallRecord rec, QaStatus status, double earned,
                   std::vector<std::string> rules, std::vector<int> lines, QaOptions o = QaOptions{}) {
        rows.push_back({name, check, std::move(rec), o, status, earned, std::move(rules), std::move(lines)});
    };
    CallRecord practice = g;
    practice.practice = true;

    // no_prohibited_phrase
    add("clean call", ScoreCheck::NoProhibitedPhrase, g, QaStatus::Pass, 10, {}, {});
    add("pack-wide prohibited phrase", ScoreCheck::NoProhibitedPhrase,
        with(g, {customer("我要改签"), agent("这不归我们管，您去找机场吧。")}), QaStatus::Fail, 0, {"prohibited_phrase"}, {1});
    add("scenario's own prohibited phrase, English, any case", ScoreCheck::NoProhibitedPhrase,
        with(g, {customer("delayed again?"), agent("Sorry, IT'S THE WEATHER, NOTHING WE CAN DO.")}), QaStatus::Fail, 0,
        {"prohibited_phrase"}, {1});
    add("never-disclose phrase and card number", ScoreCheck::NoProhibitedPhrase,
        with(g, {agent("我在 OpsDesk 里看到了"), agent("您的卡号是 4111 1111 1111 1111")}), QaStatus::Fail, 0,
        {"never_disclose", "never_disclose"}, {0, 1});
    add("the customer may say anything", ScoreCheck::NoProhibitedPhrase,
        with(g, {customer("你们总说这不归我们管！"), agent("这件事我来负责到底。")}), QaStatus::Pass, 10, {}, {});
    {
        CallRecord r = with(g, {customer("?"), agent("这不归我们管")});
        r.hits.push_back({"not-our-problem", true, "这不归我们管", 1});  // recorded live, and found again
        add("recorded hit and scan agree: one deduction", ScoreCheck::NoProhibitedPhrase, r, QaStatus::Fail, 0,
            {"prohibited_phrase"}, {1});
    }

    // empathy_variety
    add("two different soothing lines", ScoreCheck::EmpathyVariety, g, QaStatus::Pass, 10, {}, {});
    add("the same soothing line twice", ScoreCheck::EmpathyVariety,
        with(g, {customer("延误了"), agent("等了这么久,换谁都会着急。"), customer("嗯"), agent("等了这么久，换谁都会着急！我马上查。")}),
        QaStatus::Partial, 5, {"repeated_empathy"}, {3});
    add("the stock line once", ScoreCheck::EmpathyVariety,
        with(g, {customer("延误了"), agent("我理解您的心情。"), customer("嗯"), agent("行程被打乱确实很闹心。")}), QaStatus::Partial, 7.5,
        {"stock_empathy"}, {1});
    add("the stock line twice", ScoreCheck::EmpathyVariety,
        with(g, {customer("延误了"), agent("I understand how you feel."), customer("?"), agent("I totally understand how you feel!")}),
        QaStatus::Partial, 2.5, {"stock_empathy", "repeated_empathy"}, {1, 3});
    add("no soothing line at all", ScoreCheck::EmpathyVariety, with(g, {customer("延误了"), agent("新的起飞时间是八点。")}),
        QaStatus::Partial, 5, {"no_empathy"}, {-1});
    {
        CallRecord r = with(g, {customer("延误了"), agent("(soothing words the assistant recognised)"), customer("嗯"),
                                agent("(the same ones again)")});
        r.lines[1].is_empathy = r.lines[3].is_empathy = true;
        r.lines[1].empathy_index = r.lines[3].empathy_index = 2;
        add("the record's empathy flags are trusted", ScoreCheck::EmpathyVariety, r, QaStatus::Partial, 5, {"repeated_empathy"}, {3});
    }

    // waited_before_compensation
    add("heard, then offered", ScoreCheck::WaitedBeforeCompensation, g, QaStatus::Pass, 10, {}, {});
    add("offer in the same breath as the explanation", ScoreCheck::WaitedBeforeCompensation,
        with(g, {customer("延误了"), agent("延误是因为前序航班晚到。"), agent("为表歉意,送您一张餐券。", 50)}), QaStatus::Fail, 0,
        {"offer_before_reply"}, {2});
    {
        CallRecord r = with(g, {agent("您好，先送您一张餐券。"), customer("啊？")});
        r.lines[0].step_kind = StepKind::Offer;  // an offer step with no amount: a voucher is compensation too
        add("money first, before anything", ScoreCheck::WaitedBeforeCompensation, r, QaStatus::Fail, 0, {"offer_before_reply"}, {0});
    }
    add("money first, right after the customer's opening words", ScoreCheck::WaitedBeforeCompensation,
        with(g, {customer("航班又延误了！"), agent("为表歉意,送您一张 50 元餐券。", 50)}), QaStatus::Fail, 0, {"offer_before_reply"}, {1});
    add("no offer at all", ScoreCheck::WaitedBeforeCompensation, with(g, {customer("?"), agent("好的")}), QaStatus::Pass, 10, {}, {});

    // first_contact_resolution
    add("resolved", ScoreCheck::FirstContactResolution, g, QaStatus::Pass, 10, {}, {});
    {
        CallRecord r = g;
        r.end = CallEnd::Escalated;
        add("escalated", ScoreCheck::FirstContactResolution, r, QaStatus::Fail, 0, {"not_resolved"}, {5});
        r.end = CallEnd::HungUp;
        add("hung up", ScoreCheck::FirstContactResolution, r, QaStatus::Fail, 0, {"not_resolved"}, {5});
    }

    // questions_answered
    add("the one question answered", ScoreCheck::QuestionsAnswered, g, QaStatus::Pass, 10, {}, {});
    add("one of two unanswered", ScoreCheck::QuestionsAnswered,
        with(g, {customer("几点起飞？", true, true), agent("八点。"), customer("有没有补偿？", true, false), agent("祝您旅途顺利。")}),
        QaStatus::Partial, 5, {"question_unanswered"}, {2});
    add("no question asked", ScoreCheck::QuestionsAnswered, with(g, {customer("延误了"), agent("好的")}), QaStatus::Pass, 10, {}, {});

    // within_authority (agent: 50)
    add("within the limit", ScoreCheck::WithinAuthority, g, QaStatus::Pass, 10, {}, {});
    add("two offers add up past the limit", ScoreCheck::WithinAuthority,
        with(g, {customer("?"), agent("送您 30 元餐券", 30), customer("就这？"), agent("再加 30 元", 30)}), QaStatus::Fail, 0,
        {"over_authority"}, {3});
    {
        CallRecord r = with(g, {customer("?"), agent("补偿您 200 元", 200)});
        r.approval_obtained = true;
        add("over the limit, approved", ScoreCheck::WithinAuthority, r, QaStatus::Pass, 10, {}, {});
        r.approval_obtained = false;
        r.grade_id = "senior";  // 200
        add("a senior may give 200", ScoreCheck::WithinAuthority, r, QaStatus::Pass, 10, {}, {});
        r.grade_id = "nobody";
        add("unknown grade: not applicable", ScoreCheck::WithinAuthority, r, QaStatus::NotApplicable, 0, {}, {});
    }
    {
        CallRecord r = with(g, {customer("?"), agent("我们会补偿您")});
        r.compensation_given = 80;  // a real call that logged only the total
        add("logged total over the limit", ScoreCheck::WithinAuthority, r, QaStatus::Fail, 0, {"over_authority"}, {-1});
    }

    // customer_feeling
    {
        CallRecord r = practice;
        r.final_mood = 35;
        add("practice, unhappy customer", ScoreCheck::CustomerFeeling, r, QaStatus::Partial, 5, {"customer_mood"}, {4});
        r.final_mood = 82;
        add("practice, satisfied customer", ScoreCheck::CustomerFeeling, r, QaStatus::Pass, 10, {}, {});
        r.final_mood = 0;
        add("practice, furious customer", ScoreCheck::CustomerFeeling, r, QaStatus::Fail, 0, {"customer_mood"}, {4});
    }
    {
        QaOptions o;
        o.satisfaction = 4;
        add("real call rated 4/5", ScoreCheck::CustomerFeeling, g, QaStatus::Partial, 7.5, {"customer_satisfaction"}, {4}, o);
        o.satisfaction = 5;
        add("real call rated 5/5", ScoreCheck::CustomerFeeling, g, QaStatus::Pass, 10, {}, {}, o);
    }
    add("real call, no rating: for the reviewer", ScoreCheck::CustomerFeeling, g, QaStatus::Unscored, 0, {}, {});

    // manual
    add("manual: for the reviewer", ScoreCheck::Manual, g, QaStatus::Unscored, 0, {}, {});
    return rows;
}

const QaItemResult& item(const QaResult& r, ScoreCheck c) {
    const QaItemResult* i = r.find_item(to_string(c));
    REQUIRE(i);
    return *i;
}

}  // namespace

TEST_CASE("qa scoring: every automatic check, passing and failing (table)") {
    const Scorecard card = every_check();
    for (const Row& row : table()) {
        INFO(row.name);
        const QaResult res = score_call(sample(), card, row.record, row.options);
        const QaItemResult& it = item(res, row.check);
        CHECK(to_string(it.status) == std::string(to_string(row.status)));
        CHECK(it.earned == Approx(row.earned));
        std::vector<std::string> rules;
        std::vector<int> lines;
        for (const Deduction& d : it.deductions) {
            rules.push_back(d.rule);
            lines.push_back(d.line);
            // Every deduction explains itself, in both languages, naming the line when there is one.
            CHECK(!d.explanation.zh.empty());
            CHECK(!d.explanation.en.empty());
            CHECK(is_valid_utf8(d.explanation.zh));
            if (d.line >= 0) {
                CHECK(d.line_text == row.record.lines[d.line].text);
                const std::string n = std::to_string(d.line + 1);
                CHECK(d.explanation.en.find("ine " + n) != std::string::npos);   // "Line 3" / "line 3"
                CHECK(d.explanation.zh.find("第" + n + "句") != std::string::npos);
            }
            CHECK(d.points > 0);
            CHECK(d.id == it.item_id + "#" + std::to_string(&d - it.deductions.data()));
        }
        CHECK(rules == row.rules);
        CHECK(lines == row.lines);
        CHECK(!it.note.en.empty());
        CHECK(!it.note.zh.empty());
    }
}

TEST_CASE("qa scoring: the table covers every automatic check, both ways") {
    std::vector<std::string> passed, failed;
    for (const Row& row : table()) {
        if (row.check == ScoreCheck::Manual) continue;
        (row.status == QaStatus::Pass ? passed : failed).push_back(to_string(row.check));
    }
    for (ScoreCheck c : {ScoreCheck::NoProhibitedPhrase, ScoreCheck::EmpathyVariety, ScoreCheck::WaitedBeforeCompensation,
                         ScoreCheck::FirstContactResolution, ScoreCheck::QuestionsAnswered, ScoreCheck::WithinAuthority,
                         ScoreCheck::CustomerFeeling}) {
        INFO(to_string(c));
        CHECK(std::count(passed.begin(), passed.end(), to_string(c)) > 0);
        CHECK(std::count(failed.begin(), failed.end(), to_string(c)) > 0);
    }
}

TEST_CASE("qa scoring: an explanation names the line, the rule and what to say instead") {
    CallRecord r = with(good_call(), {customer("我要改签"), agent("这不归我们管，您去找机场吧。")});
    const QaResult res = score_call(sample(), every_check(), r);
    const Deduction& d = item(res, ScoreCheck::NoProhibitedPhrase).deductions.at(0);
    CHECK(d.explanation.zh ==
          "第2句用了禁忌语“这不归我们管”（规则 not-our-problem）：客户不关心部门分工。可以改说：我来帮您联系负责的部门。");
    CHECK(d.explanation.en ==
          "Line 2 uses the prohibited phrase 'that's not our problem' (rule not-our-problem): Customers do not care how "
          "departments split work. Say instead: Let me get the right team for you.");
    CHECK(d.line_text == "这不归我们管，您去找机场吧。");
}

TEST_CASE("qa scoring: totals; unscored and not-applicable items count in neither score nor max") {
    CallRecord r = good_call();
    r.grade_id = "nobody";
    const QaResult res = score_call(sample(), every_check(), r);
    // 8 items x 10: within_authority not applicable, customer_feeling and manual unscored.
    CHECK(res.max_score == Approx(50));
    CHECK(res.score == Approx(50));
    CHECK(res.percent == Approx(100));
    CHECK(res.unscored == 2);
    CHECK(res.scorecard_id == "all");
    CHECK_FALSE(res.practice);
}

TEST_CASE("qa scoring: a dispute changes nothing until a reviewer accepts it") {
    CallRecord r = good_call();
    r.end = CallEnd::Escalated;  // FCR lost
    QaResult res = score_call(sample(), every_check(), r);
    const double before = res.score;
    const Deduction& d = item(res, ScoreCheck::FirstContactResolution).deductions.at(0);
    const std::string id = d.id;
    CHECK(id == "first_contact_resolution#0");

    CHECK(dispute(res, "no-such#0", "?", "li") == -1);
    const int k = dispute(res, id, "The lead resolved it on the same call.", "li", 1000);
    REQUIRE(k == 0);
    CHECK(dispute(res, id, "again", "li") == -1);  // one open dispute per deduction
    CHECK(res.score == Approx(before));
    CHECK(res.disputes[0].status == DisputeStatus::Open);
    CHECK_FALSE(res.find_deduction(id)->waived);

    CHECK(accept_dispute(res, 0, "qa-wang", "Confirmed in the recording.", 2000));
    CHECK(res.disputes[0].status == DisputeStatus::Accepted);
    CHECK(res.disputes[0].reviewer == "qa-wang");
    CHECK(res.disputes[0].decided_at == 2000);
    CHECK(res.find_deduction(id)->waived);
    CHECK(res.score == Approx(before + 10));
    CHECK(item(res, ScoreCheck::FirstContactResolution).status == QaStatus::Pass);
    CHECK_FALSE(accept_dispute(res, 0, "qa-wang", "twice"));  // already decided
    CHECK_FALSE(accept_dispute(res, 7, "qa-wang", "no such dispute"));
    CHECK(dispute(res, id, "once more", "li") == -1);  // accepted: nothing left to dispute
}

TEST_CASE("qa scoring: a rejected dispute is recorded, and the deduction may be disputed again") {
    CallRecord r = with(good_call(), {customer("?"), agent("这不归我们管"), customer("??"), agent("这不归我们管")});
    QaResult res = score_call(sample(), every_check(), r);
    const QaItemResult& taboo = item(res, ScoreCheck::NoProhibitedPhrase);
    REQUIRE(taboo.deductions.size() == 2);
    const double before = res.score;
    REQUIRE(dispute(res, "no_prohibited_phrase#0", "I was quoting the customer", "li") == 0);
    CHECK(reject_dispute(res, 0, "qa-wang", "It was said to the customer.", 5));
    CHECK(res.disputes[0].status == DisputeStatus::Rejected);
    CHECK(res.score == Approx(before));
    CHECK(dispute(res, "no_prohibited_phrase#0", "New evidence", "li") == 1);
    // Accepting one of two hits leaves the item failed: the other still costs the whole weight.
    CHECK(accept_dispute(res, 1, "qa-wang", "ok"));
    CHECK(item(res, ScoreCheck::NoProhibitedPhrase).earned == Approx(0));
    REQUIRE(dispute(res, "no_prohibited_phrase#1", "same", "li") == 2);
    CHECK(accept_dispute(res, 2, "qa-wang", "ok"));
    CHECK(item(res, ScoreCheck::NoProhibitedPhrase).earned == Approx(10));
    CHECK(res.score == Approx(before + 10));
}

TEST_CASE("qa scoring: manual items wait for a reviewer's mark; automatic ones cannot be overwritten") {
    QaResult res = score_call(sample(), every_check(), good_call());
    CHECK(res.unscored == 2);
    const double max_before = res.max_score;
    CHECK(mark_item(res, "manual", 7, "qa-wang", "Asked about safety first."));
    CHECK(item(res, ScoreCheck::Manual).status == QaStatus::Partial);
    CHECK(item(res, ScoreCheck::Manual).earned == Approx(7));
    CHECK(item(res, ScoreCheck::Manual).reviewer == "qa-wang");
    CHECK(res.unscored == 1);
    CHECK(res.max_score == Approx(max_before + 10));
    CHECK(mark_item(res, "manual", 99, "qa-wang", "clamped"));
    CHECK(item(res, ScoreCheck::Manual).earned == Approx(10));
    // customer_feeling with nothing recorded is the reviewer's too.
    CHECK(mark_item(res, "customer_feeling", 6, "qa-wang", "Sounded relieved."));
    CHECK(res.unscored == 0);
    CHECK_FALSE(mark_item(res, "no_prohibited_phrase", 0, "qa-wang", "cannot"));
    CHECK_FALSE(mark_item(res, "nope", 1, "qa-wang", ""));
    CHECK(item(res, ScoreCheck::NoProhibitedPhrase).earned == Approx(10));
}

TEST_CASE("qa scoring: the demo scorecards score a call; weights and totals agree") {
    for (const char* name : {"airline-hotline", "credit-card-bank", "online-travel", "ride-hailing", "sample-mini"}) {
        const PackLoadResult lr =
            load_pack_json(cw_test::read_text_file(std::string(CALLWISE_ASSETS_DIR) + "/packs/" + name + ".json"));
        REQUIRE(lr.ok);
        for (const Scorecard& card : lr.pack.scorecards) {
            CallRecord r = good_call();
            r.pack_id = lr.pack.meta.id;
            r.scenario_id = lr.pack.scenarios.at(0).id;
            r.practice = true;
            r.final_mood = 50;
            const QaResult res = score_call(lr.pack, card, r);
            INFO(name << " " << card.id);
            REQUIRE(res.items.size() == card.items.size());
            double sum = 0, max = 0;
            for (const QaItemResult& it : res.items) {
                if (it.status == QaStatus::Unscored || it.status == QaStatus::NotApplicable) continue;
                sum += it.earned;
                max += it.weight;
                CHECK(it.earned <= it.weight + 1e-9);
                CHECK(it.earned >= 0);
            }
            CHECK(res.score == Approx(sum));
            CHECK(res.max_score == Approx(max));
            CHECK(find_scorecard(lr.pack, card.id) == &card);
        }
    }
}

TEST_CASE("qa rules: listen tracker — explanation + compensation in one breath is not heard") {
    ListenTracker t;
    CHECK_FALSE(t.on_line(customer("喂？我的航班")));  // opening words: no reply to anything yet
    CHECK_FALSE(t.heard);
    CHECK_FALSE(t.on_line(agent("您好")));
    CHECK_FALSE(t.on_line(customer("嗯")));   // returns the state before the line
    CHECK(t.on_line(agent("送您餐券", 50)));  // heard: the customer spoke after the greeting
    CallLine sys;
    sys.speaker = Speaker::System;
    CHECK_FALSE(t.on_line(sys));              // system notes do not count either way
    t.on_line(customer("谢谢"));
    t.on_line(agent("原因是……"));
    CHECK_FALSE(t.heard);                      // wait -> say -> offer: not heard
    CHECK(is_offer_line(agent("x", 1)));
    CHECK_FALSE(is_offer_line(customer("100 元")));
}

TEST_CASE("qa rules: money offered in free text") {
    CHECK(find_offer("补偿您 100 元").amount == Approx(100));
    CHECK(find_offer("给您五十块的券").amount == Approx(50));
    CHECK(find_offer("两百元").amount == Approx(200));
    CHECK(find_offer("一千五百元").amount == Approx(1500));
    CHECK(find_offer("¥49.5 voucher").amount == Approx(49.5));
    CHECK(find_offer("We'll send 30 CNY to your account").amount == Approx(30));
    CHECK(find_offer("补偿您１００元").amount == Approx(100));  // full-width digits
    const OfferMention v = find_offer("we'd like to give you a hotel voucher");
    CHECK(v.found);
    CHECK(v.amount == 0);
    CHECK_FALSE(find_offer("your refund of the ticket is on its way").found);  // a refund is not compensation
    CHECK_FALSE(find_offer("flight CA1234 departs at 8").found);
    CHECK_FALSE(find_offer("").found);
}

TEST_CASE("qa rules: guardrails, empathy and tokens are robust to any text") {
    const CallRules rules(sample(), &sample().scenarios.at(0));
    CHECK(rules.empathy_index("嗯，等了这么久，换谁都会着急，我来看看") == 0);
    CHECK(rules.empathy_index("Having your plans upset is really frustrating!") == 2);
    CHECK(rules.empathy_index("好的") == -1);
    CHECK(rules.is_stock_empathy("我非常理解您的心情"));
    CHECK_FALSE(rules.is_stock_empathy("我理解了"));
    const auto hits = rules.scan("THAT'S NOT OUR PROBLEM and OpsDesk", 3);
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].rule_id == "not-our-problem");
    CHECK(hits[0].prohibited);
    CHECK(hits[0].line == 3);
    CHECK(hits[1].rule_id == "internal-systems");
    CHECK_FALSE(hits[1].prohibited);
    const std::string junk = std::string("\xff\xfe\xc3", 3) + std::string(100000, 'a') + "这不归我们管";
    CHECK(rules.scan(junk, 0).size() == 1);
    CHECK(rules.empathy_index(junk) == -1);
    CHECK(content_tokens("").empty());
    CHECK(shared_tokens(content_tokens("航班延误了"), content_tokens("延误的航班")) == 2);  // 航班, 延误
    CHECK(token_coverage(content_tokens("x"), TextTokens{}) == 0);
    CHECK(content_tokens("the and you").empty());  // stop words only
    CallRules none;
    CHECK(none.scan("这不归我们管", 0).empty());
    CHECK(none.empathy_index("等了这么久") == -1);
}
