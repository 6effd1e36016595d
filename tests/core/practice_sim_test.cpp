// practice_sim_test.cpp — the simulated customer (core/practice_sim.h): scripted runs with fixed
// seeds that pin every mood change and the final QA score; determinism (same seed, same call;
// different seeds, different calls); every mood rule firing with its reason; typed replies
// classified like candidates; approval, escalation, hang-up and patience; and a sweep of every
// demo scenario checking the invariants a UI relies on.
//
// The pinned numbers follow from the rule table in practice_sim.h; if a pinned run changes,
// first ask whether the change of behaviour was meant (the order of random draws is part of it).
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "core/pack.h"
#include "core/practice_sim.h"
#include "core/qa_scoring.h"
#include "core/utf8.h"
#include "pack_test_support.h"

using namespace cw;

namespace {

const Pack& demo(const std::string& name) {
    static std::map<std::string, Pack> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        const PackLoadResult r =
            load_pack_json(cw_test::read_text_file(std::string(CALLWISE_ASSETS_DIR) + "/packs/" + name + ".json"));
        INFO(name << ": " << r.error);
        REQUIRE(r.ok);
        it = cache.emplace(name, r.pack).first;
    }
    return it->second;
}

// Index of the first candidate of `kind` (Script: of `style`); fails the test if there is none.
size_t pick(const PracticeSim& sim, CandidateKind kind, ScriptStyle style = ScriptStyle::Standard) {
    for (size_t i = 0; i < sim.candidate_count(); ++i) {
        const Candidate& c = sim.candidate(i);
        if (c.kind == kind && (kind != CandidateKind::Script || c.style == style)) return i;
    }
    std::string have;
    for (size_t i = 0; i < sim.candidate_count(); ++i) have += std::string(to_string(sim.candidate(i).kind)) + " ";
    INFO("wanted " << to_string(kind) << ", turn " << sim.turn().number << " offers: " << have);
    FAIL("no such candidate");
    return 0;
}

void choose(PracticeSim& sim, CandidateKind kind, ScriptStyle style = ScriptStyle::Standard) {
    REQUIRE(sim.choose(pick(sim, kind, style)));
}

struct Change {
    std::string rule;
    double before, after;
    bool operator==(const Change& o) const { return rule == o.rule && before == o.before && after == o.after; }
};
std::ostream& operator<<(std::ostream& os, const Change& c) { return os << c.rule << " " << c.before << "->" << c.after; }

std::vector<Change> changes(const PracticeSim& sim) {
    std::vector<Change> out;
    for (const MoodChange& m : sim.mood_log()) out.push_back({to_string(m.rule), m.before, m.after});
    return out;
}

std::string transcript(const CallRecord& r) {
    std::string s;
    for (const CallLine& l : r.lines) s += std::string(to_string(l.speaker)) + ": " + l.text + "\n";
    return s;
}

const Scorecard& card(const Pack& p) { return p.scorecards.at(0); }

std::set<std::string> fired(const PracticeSim& sim) {
    std::set<std::string> s;
    for (const MoodChange& m : sim.mood_log()) s.insert(to_string(m.rule));
    return s;
}

}  // namespace

TEST_CASE("practice: pinned run — a caring trainee satisfies a Gen Z customer (sample pack, zh, seed 5)") {
    const Pack& pack = demo("sample-mini");
    PracticeSim sim = PracticeSim::start(pack, "flight-delay", "gen_z", "agent", 5, Lang::Zh);
    REQUIRE(sim.ok());
    CHECK(sim.manner() == PersonaManner::GenZ);
    CHECK(sim.initial_mood() == 46);
    CHECK(sim.turn().customer_line == "在吗～什么时候起飞 🙏");
    CHECK(sim.turn().expected_step_id == "greet");

    choose(sim, CandidateKind::ScriptWithEmpathy);  // a fresh line + the cute greeting Gen Z likes
    CHECK(sim.turn().customer_line == "我要退票 有没有补偿？？");
    CHECK(sim.turn().customer_asked);
    CHECK(sim.turn().expected_step_id == "explain");
    choose(sim, CandidateKind::ScriptWithEmpathy);  // another fresh line + the explanation: answers
    CHECK(sim.turn().customer_line == "航班延误了 会不会误了转机？？");
    CHECK(sim.turn().expected_step_id == "voucher");
    CHECK_FALSE(sim.turn().offer_needs_approval);  // 50 is within the agent's 50
    choose(sim, CandidateKind::ScriptWithEmpathy);  // the third line + the voucher, after being heard
    CHECK(sim.turn().expected_step_id == "close");
    choose(sim, CandidateKind::Script);

    const std::vector<Change> expected = {
        {"fresh_empathy", 46, 50},      {"style_fit", 50, 52},          // greeting
        {"fresh_empathy", 52, 56},      {"question_answered", 56, 60},  // explanation
        {"fresh_empathy", 60, 64},      {"within_authority", 64, 72},   // voucher
        {"question_answered", 72, 76}};
    CHECK(changes(sim) == expected);
    REQUIRE(sim.ended());
    CHECK(sim.end() == CallEnd::Resolved);
    CHECK(sim.mood() == 76);
    CHECK(sim.end_reason().en == "The customer was satisfied after the close (mood 76 ≥ 70).");

    const CallRecord& r = sim.record();
    CHECK(r.practice);
    CHECK(r.seed == 5);
    CHECK(r.final_mood == 76.0);
    CHECK(r.compensation_given == 50);
    CHECK(r.lines.back().text == "好嘞 谢谢 👍");
    const QaResult qa = score_call(pack, card(pack), r);
    CHECK(qa.score == Approx(100));
    CHECK(qa.percent == Approx(100));
}

TEST_CASE("practice: pinned run — money first, beyond authority, then a prohibited phrase: the customer hangs up") {
    const Pack& pack = demo("sample-mini");
    PracticeSim sim = PracticeSim::start(pack, "flight-delay", "gen_z", "trainee", 5, Lang::Zh);
    REQUIRE(sim.ok());
    choose(sim, CandidateKind::EarlyCompensation);  // the 50 CNY voucher, straight after the opening words
    CHECK(sim.turn().system_notes.size() == 1);      // over a trainee's limit of 0
    CHECK(sim.turn().customer_line == "我不是来要补偿的，你先听我把话说完。");
    REQUIRE(sim.say("这不归我们管。"));
    const std::vector<Change> expected = {
        {"early_compensation", 46, 36}, {"over_authority", 36, 24}, {"prohibited_phrase", 24, 0}};  // clamped at 0
    CHECK(changes(sim) == expected);
    REQUIRE(sim.ended());
    CHECK(sim.end() == CallEnd::HungUp);
    CHECK(sim.record().lines.back().text == "算了，跟你说不通，我要投诉！");
    REQUIRE(sim.record().hits.size() == 1);
    CHECK(sim.record().hits[0].rule_id == "not-our-problem");
    CHECK(sim.mood_log()[2].reason.zh == "说了禁忌语“这不归我们管”：客户不关心部门分工。");
    CHECK(sim.mood_log()[2].reason.en == "Said the prohibited phrase 'that's not our problem': Customers do not care how departments split work.");

    // Every item lost except half of empathy (none used: half off); the feeling of a customer at 0.
    const QaResult qa = score_call(pack, card(pack), sim.record());
    CHECK(qa.score == Approx(7.5));
    CHECK(qa.find_item("wait-first")->deductions.at(0).rule == "offer_before_reply");
    // Lines: opening words, the voucher, the system note, the customer's reaction, the phrase.
    CHECK(qa.find_item("no-taboo")->deductions.at(0).line == 4);
}

TEST_CASE("practice: pinned run — an ignored question is asked again (online travel, en, elderly, seed 8)") {
    const Pack& pack = demo("online-travel");
    PracticeSim sim = PracticeSim::start(pack, "hotel-booking-missing-night", "elderly_group", "trainee", 8, Lang::En);
    REQUIRE(sim.ok());
    CHECK(sim.manner() == PersonaManner::Elderly);
    CHECK(sim.turn().customer_line == "Hello dear, find me somewhere to sleep, now. Please go slowly with me.");
    choose(sim, CandidateKind::ScriptWithEmpathy);
    REQUIRE(sim.turn().customer_asked);
    choose(sim, CandidateKind::IgnoresQuestion);
    CHECK(sim.turn().customer_line ==
          "You haven't answered me: What about having paid once, whether they will pay again?");
    CHECK(sim.turn().customer_asked);
    CHECK(sim.turn().expected_step_id == "call-hotel");  // the non-answer moved nothing
    choose(sim, CandidateKind::ScriptWithEmpathy);
    CHECK(sim.turn().expected_step_id == "found");
    choose(sim, CandidateKind::Script);
    choose(sim, CandidateKind::Script);
    const std::vector<Change> expected = {
        {"fresh_empathy", 48, 56},     {"style_fit", 56, 58},           // elderly: +8 for a fresh line
        {"ignored_question", 58, 48},                                    // "Okay, I've made a note of that."
        {"fresh_empathy", 48, 56},     {"question_answered", 56, 60}, {"style_fit", 60, 62},
        {"question_answered", 62, 66}};
    CHECK(changes(sim) == expected);
    REQUIRE(sim.ended());
    CHECK(sim.end() == CallEnd::FollowUp);  // 66 < 70 after the close
    // Both askings of the repeated question count as answered once it was answered.
    int questions = 0;
    for (const CallLine& l : sim.record().lines)
        if (l.is_question) {
            ++questions;
            CHECK(l.answered);
        }
    CHECK(questions == 3);
    const QaResult qa = score_call(pack, card(pack), sim.record());
    CHECK(qa.score == Approx(15 + 10 + 15 + 0 + 10 + 10 + 15.0 * 66 / 70));
    CHECK(qa.unscored == 1);  // the manual safety item
    CHECK(qa.find_item("fcr")->status == QaStatus::Fail);
}

TEST_CASE("practice: same seed, same call; different seeds, different calls") {
    const Pack& pack = demo("online-travel");
    auto run = [&](std::uint64_t seed, Lang lang) {
        PracticeSim sim = PracticeSim::start(pack, "typhoon-tour-cancelled", "gen_z", "agent", seed, lang);
        REQUIRE(sim.ok());
        while (!sim.ended()) REQUIRE(sim.choose(0));  // the first candidate, whatever it is
        std::string log;
        for (const MoodChange& m : sim.mood_log())
            log += std::string(to_string(m.rule)) + std::to_string(m.after) + m.reason.en + "|";
        return transcript(sim.record()) + log + to_string(sim.end());
    };
    for (std::uint64_t seed : {0ull, 1ull, 42ull, 0xFFFFFFFFFFFFFFFFull}) {
        CHECK(run(seed, Lang::Zh) == run(seed, Lang::Zh));
        CHECK(run(seed, Lang::En) == run(seed, Lang::En));
    }
    std::set<std::string> distinct;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) distinct.insert(run(seed, Lang::Zh));
    CHECK(distinct.size() >= 15);
    CHECK(run(1, Lang::Zh) != run(2, Lang::Zh));
}

TEST_CASE("practice: every mood rule fires, each change explained in both languages") {
    const Pack& sample = demo("sample-mini");
    std::set<std::string> all;
    auto collect = [&](const PracticeSim& sim) {
        for (const MoodChange& m : sim.mood_log()) {
            INFO(to_string(m.rule));
            CHECK(!m.reason.zh.empty());
            CHECK(!m.reason.en.empty());
            CHECK(m.line >= 0);
            CHECK(sim.record().lines.at(m.line).speaker == Speaker::Agent);
            const double delta = mood_delta(m.rule, sim.manner());
            if (m.after > 0 && m.after < 100) CHECK(m.after - m.before == Approx(delta));
            all.insert(to_string(m.rule));
        }
    };
    {   // the pinned runs' rules
        PracticeSim a = PracticeSim::start(sample, "flight-delay", "gen_z", "agent", 5, Lang::Zh);
        choose(a, CandidateKind::ScriptWithEmpathy);
        choose(a, CandidateKind::RepeatedEmpathy);   // the greeting's line again
        CHECK(fired(a).count("repeated_empathy"));
        CHECK(a.turn().customer_line.find("这句话你刚才已经说过了。") == 0);
        REQUIRE(a.say("我理解您的心情。"));            // not prohibited in this pack: canned, -3
        CHECK(fired(a).count("stock_empathy"));
        collect(a);
    }
    {
        PracticeSim b = PracticeSim::start(sample, "flight-delay", "gen_z", "trainee", 5, Lang::Zh);
        choose(b, CandidateKind::EarlyCompensation);
        CHECK(fired(b) == std::set<std::string>{"early_compensation", "over_authority"});
        collect(b);
    }
    {   // typed replies: nothing at all, the wrong style, a disclosure
        PracticeSim c = PracticeSim::start(sample, "flight-delay", "gen_z", "agent", 5, Lang::Zh);
        REQUIRE(c.say("嗯嗯"));
        CHECK(fired(c) == std::set<std::string>{"no_progress"});
        CHECK(c.mood_log().back().after - c.mood_log().back().before == -6);  // Gen Z want speed
        CHECK(c.turn().customer_line == "所以呢？？");
        CHECK(c.turn().customer_asked);
        REQUIRE(c.say("小陈您好,延误让您久等了,先喝口水,我们慢慢说。"));  // the caring greeting: not Gen Z's style
        CHECK(fired(c).count("style_mismatch"));
        CHECK(fired(c).count("question_answered"));                          // the expected step answers "so?"
        REQUIRE(c.say("我在 OpsDesk 后台看到的"));
        CHECK(fired(c).count("disclosure"));
        REQUIRE(c.record().hits.size() == 1);
        CHECK_FALSE(c.record().hits[0].prohibited);
        collect(c);
    }
    {   // escalation too soon, and in time where the script escalates
        PracticeSim d = PracticeSim::start(sample, "flight-delay", "gen_z", "agent", 5, Lang::Zh);
        REQUIRE(d.escalate());
        CHECK(d.end() == CallEnd::Escalated);
        CHECK(d.mood_log().back().rule == MoodRule::EscalatedTooSoon);
        CHECK_FALSE(d.escalate());
        collect(d);
        PracticeSim e = PracticeSim::start(sample, "missing-flight", "elderly_group", "agent", 5, Lang::En);
        REQUIRE(e.ok());
        CHECK(e.manner() == PersonaManner::Elderly);  // no birth years: "older travellers" in its segment
        choose(e, CandidateKind::Script);
        REQUIRE(e.turn().expected_step_id == "alert");
        REQUIRE(e.escalate());
        CHECK(e.mood_log().back().rule == MoodRule::EscalatedInTime);
        CHECK(e.record().lines.at(e.mood_log().back().line).step_id == "alert");
        collect(e);
    }
    {   // the pinned English run: an ignored question; and the first: answered, within authority
        PracticeSim f = PracticeSim::start(demo("online-travel"), "hotel-booking-missing-night", "elderly_group", "trainee", 8, Lang::En);
        choose(f, CandidateKind::ScriptWithEmpathy);
        choose(f, CandidateKind::IgnoresQuestion);
        collect(f);
        PracticeSim g = PracticeSim::start(sample, "flight-delay", "gen_z", "agent", 5, Lang::Zh);
        while (!g.ended()) choose(g, g.turn().expected_step_id == "close" ? CandidateKind::Script : CandidateKind::ScriptWithEmpathy);
        collect(g);
        PracticeSim h = PracticeSim::start(sample, "flight-delay", "gen_z", "agent", 5, Lang::Zh);
        REQUIRE(h.say("这不归我们管"));
        collect(h);
    }
    for (int r = 0; r <= static_cast<int>(MoodRule::EscalatedTooSoon); ++r) {
        INFO(to_string(static_cast<MoodRule>(r)));
        CHECK(all.count(to_string(static_cast<MoodRule>(r))) == 1);
    }
}

TEST_CASE("practice: asking a lead to approve an offer beyond the grade's limit") {
    const Pack& pack = demo("online-travel");
    // Seed 2: the hotel is full, so the script rehouses the customer and offers 200.
    PracticeSim sim = PracticeSim::start(pack, "hotel-booking-missing-night", "elderly_group", "trainee", 2, Lang::En);
    CHECK_FALSE(sim.ask_approval());  // nothing to approve at the greeting
    while (!sim.ended() && sim.turn().expected_step_id != "offer-taxi") choose(sim, CandidateKind::Script);
    REQUIRE_FALSE(sim.ended());
    CHECK(sim.turn().offer_needs_approval);
    CHECK(sim.turn().offer_amount == 200);
    REQUIRE(sim.ask_approval());
    CHECK(sim.turn().system_notes == std::vector<std::string>{"(A lead approved compensation of 200 for this call.)"});
    CHECK_FALSE(sim.turn().offer_needs_approval);
    CHECK_FALSE(sim.ask_approval());  // already approved
    choose(sim, CandidateKind::Script);
    CHECK(sim.mood_log().back().rule != MoodRule::OverAuthority);
    CHECK(fired(sim).count("within_authority"));
    CHECK(sim.record().approval_obtained);
    const QaResult qa = score_call(pack, card(pack), sim.record());
    CHECK(qa.find_item("within-authority")->status == QaStatus::Pass);
}

TEST_CASE("practice: typed replies are classified like candidates") {
    const Pack& pack = demo("sample-mini");
    PracticeSim sim = PracticeSim::start(pack, "flight-delay", "gen_z", "agent", 5, Lang::Zh);
    // A paraphrase of the expected greeting (most of its words) is that step.
    PracticeSim::Classification k = sim.classify("您好，我是客服小王，看到您的航班延误了");
    CHECK(k.step_id == "greet");
    // The English text of a step counts too.
    CHECK(sim.classify("Hello, this is Wang; I can see flight CA123 is delayed.").step_id == "greet");
    // Money typed freely: the amount is read; a voucher without one is still an offer.
    k = sim.classify("我给您补偿 100 元吧");
    CHECK(k.offer);
    CHECK(k.offer_amount == 100);
    k = sim.classify("送您一张代金券");
    CHECK(k.offer);
    CHECK(k.offer_amount == 0);
    CHECK(sim.classify("为表歉意,我们为您准备了一张餐券。").offer_amount == 50);  // the script's voucher step
    CHECK(sim.classify("我理解您的心情").stock_empathy);
    CHECK(sim.classify("等了这么久，换谁都会着急").empathy_index == 0);
    CHECK_FALSE(sim.classify("好的").offer);
    // A typed offer over the limit, before being heard: both rules, and the system note.
    REQUIRE(sim.say("我给您补偿 100 元吧"));
    CHECK(fired(sim) == std::set<std::string>{"early_compensation", "over_authority"});
    CHECK(sim.record().lines[1].offer_amount == 100);
    CHECK(sim.record().lines[1].step_kind == StepKind::Offer);
    CHECK(sim.record().lines[1].deviated);
    // Blank replies do nothing.
    const size_t lines = sim.record().lines.size();
    CHECK_FALSE(sim.say(""));
    CHECK_FALSE(sim.say("   \n"));
    CHECK_FALSE(sim.choose(99));
    CHECK(sim.record().lines.size() == lines);
}

TEST_CASE("practice: the customer runs out of patience; a huge or broken reply is safe") {
    PracticeOptions o;
    o.max_agent_turns = 3;
    PracticeSim sim = PracticeSim::start(demo("sample-mini"), "flight-delay", "elderly_group", "agent", 9, Lang::Zh, o);
    REQUIRE(sim.ok());
    CHECK(sim.manner() == PersonaManner::Elderly);
    REQUIRE(sim.say(std::string(50000, 'a') + "\xff\xfe"));  // cut, sanitised, classified: no progress
    CHECK(sim.record().lines[1].text.size() <= 2000);
    CHECK(is_valid_utf8(sim.record().lines[1].text));
    REQUIRE(sim.say("嗯"));
    REQUIRE(sim.say("嗯"));
    REQUIRE(sim.ended());
    CHECK(sim.end() == CallEnd::HungUp);
    CHECK(sim.end_reason().en == "After 3 replies with no end in sight, the customer ran out of patience.");
}

TEST_CASE("practice: errors, surprise me, and a sim that outlives its pack") {
    const Pack& pack = demo("online-travel");
    PracticeSim bad = PracticeSim::start(pack, "nope", "gen_z", "agent", 1, Lang::Zh);
    CHECK_FALSE(bad.ok());
    CHECK(bad.error().find("\"nope\"") != std::string::npos);
    CHECK(bad.ended());
    CHECK_FALSE(bad.choose(0));
    CHECK_FALSE(bad.say("你好"));
    CHECK_FALSE(bad.escalate());
    CHECK_FALSE(PracticeSim::start(pack, "charged-no-ticket", "nobody", "agent", 1, Lang::Zh).ok());
    CHECK_FALSE(PracticeSim::start(pack, "charged-no-ticket", "gen_z", "intern", 1, Lang::Zh).ok());

    const PracticeSetup s1 = surprise_me(pack, 99), s2 = surprise_me(pack, 99);
    CHECK(s1.scenario_id == s2.scenario_id);
    CHECK(s1.persona_id == s2.persona_id);
    std::set<std::string> picks;
    for (std::uint64_t seed = 0; seed < 40; ++seed) {
        const PracticeSetup s = surprise_me(pack, seed);
        picks.insert(s.scenario_id);
        CHECK(PracticeSim::start(pack, s.scenario_id, s.persona_id, "agent", seed, Lang::En).ok());
    }
    CHECK(picks.size() >= 5);
    CHECK(surprise_me(Pack{}, 1).scenario_id.empty());

    PracticeSim sim = [] {
        const PackLoadResult r = load_pack_json(cw_test::sample_pack_text());
        return PracticeSim::start(r.pack, "flight-delay", "gen_z", "agent", 5, Lang::En);
    }();  // the pack is gone
    REQUIRE(sim.ok());
    while (!sim.ended()) REQUIRE(sim.choose(0));
    CHECK(sim.record().final_mood.has_value());
}

TEST_CASE("practice: manner of the demo personas") {
    auto manner = [](const char* pack, const char* id) {
        for (const Persona& p : demo(pack).personas)
            if (p.id == id) return manner_of(p);
        FAIL("no persona " << id);
        return PersonaManner::Plain;
    };
    CHECK(manner("online-travel", "gen_z") == PersonaManner::GenZ);
    CHECK(manner("online-travel", "elderly_group") == PersonaManner::Elderly);
    CHECK(manner("online-travel", "business_traveller") == PersonaManner::Brisk);  // "time is money"
    CHECK(manner("online-travel", "first_timer") == PersonaManner::Plain);
    CHECK(manner("sample-mini", "elderly_group") == PersonaManner::Elderly);          // no birth years
    CHECK(manner("credit-card-bank", "elderly") == PersonaManner::Elderly);
}

TEST_CASE("practice: every demo scenario, persona, grade and language — invariants of a run") {
    // A deterministic "trainee" who picks candidates at random, sometimes types, asks for
    // approval and escalates now and then: every run must end, and what it leaves must hold.
    std::uint64_t state = 12345;
    auto rnd = [&state]() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    };
    const char* typed[] = {"好的", "请稍等，我查一下", "OK, let me check", "补偿您 500 元", "我理解您的心情", "这是规定"};
    int runs = 0, resolved = 0, hung_up = 0, escalated = 0;
    std::set<std::string> unfilled;   // {variables} a trainee would see raw
    for (const char* name : {"airline-hotline", "credit-card-bank", "online-travel", "ride-hailing", "sample-mini"}) {
        const Pack& pack = demo(name);
        for (const Scenario& sc : pack.scenarios)
            for (const std::string& persona : sc.persona_ids)
                for (const char* grade : {"trainee", "senior"})
                    for (Lang lang : {Lang::Zh, Lang::En}) {
                        const std::uint64_t seed = rnd();
                        PracticeSim sim = PracticeSim::start(pack, sc.id, persona, grade, seed, lang);
                        INFO(name << " " << sc.id << " " << persona << " " << grade << " seed " << seed);
                        REQUIRE(sim.ok());
                        ++runs;
                        int steps = 0;
                        while (!sim.ended()) {
                            REQUIRE(++steps <= 41);
                            const PracticeTurn& t = sim.turn();
                            REQUIRE(!t.candidates.empty());
                            REQUIRE(t.candidates.size() <= 5);
                            bool has_script = false;
                            for (size_t i = 0; i < sim.candidate_count(); ++i) {
                                const Candidate& c = sim.candidate(i);
                                CHECK(c.text == t.candidates[i]);
                                CHECK(is_valid_utf8(c.text));
                                for (const std::string& v : variables_in(c.text)) unfilled.insert(v);
                                has_script |= c.kind == CandidateKind::Script && c.step_id == t.expected_step_id;
                                // What a candidate is, the classifier agrees with.
                                const PracticeSim::Classification k = sim.classify(c.text);
                                switch (c.kind) {
                                    case CandidateKind::Script:
                                    case CandidateKind::ScriptWithEmpathy:
                                    case CandidateKind::StockEmpathy:
                                    case CandidateKind::RepeatedEmpathy:
                                        CHECK(k.step_id == t.expected_step_id);
                                        CHECK(k.stock_empathy == (c.kind == CandidateKind::StockEmpathy));
                                        break;
                                    case CandidateKind::Prohibited: CHECK(!k.hits.empty()); break;
                                    case CandidateKind::EarlyCompensation: CHECK(k.offer); break;
                                    case CandidateKind::IgnoresQuestion: CHECK_FALSE(k.answers); break;
                                }
                            }
                            CHECK(has_script);
                            const std::uint64_t r = rnd() % 100;
                            if (r < 3) {
                                REQUIRE(sim.escalate());
                            } else if (r < 12) {
                                REQUIRE(sim.say(typed[rnd() % 6]));
                            } else {
                                if (t.offer_needs_approval && r % 2) sim.ask_approval();
                                REQUIRE(sim.choose(rnd() % sim.candidate_count()));
                            }
                        }
                        const CallRecord& rec = sim.record();
                        CHECK(rec.end != CallEnd::Open);
                        CHECK(rec.final_mood == sim.mood());
                        CHECK(sim.mood() >= 0);
                        CHECK(sim.mood() <= 100);
                        CHECK(!sim.end_reason().en.empty());
                        CHECK(!sim.end_reason().zh.empty());
                        double mood = sim.initial_mood();
                        for (const MoodChange& m : sim.mood_log()) {
                            CHECK(m.before == mood);
                            mood = m.after;
                        }
                        CHECK(mood == sim.mood());
                        std::int64_t at = -1;
                        for (const CallLine& l : rec.lines) {
                            CHECK(is_valid_utf8(l.text));
                            CHECK(l.at >= at);
                            at = l.at;
                            if (l.answered) CHECK(l.is_question);
                        }
                        for (const GuardrailHit& h : rec.hits) CHECK(rec.lines.at(h.line).speaker == Speaker::Agent);
                        const QaResult qa = score_call(pack, card(pack), rec);
                        CHECK(qa.score >= 0);
                        CHECK(qa.score <= qa.max_score + 1e-9);
                        resolved += rec.end == CallEnd::Resolved;
                        hung_up += rec.end == CallEnd::HungUp;
                        escalated += rec.end == CallEnd::Escalated;
                    }
    }
    CHECK(runs > 300);
    std::string raw;
    for (const std::string& v : unfilled) raw += "{" + v + "} ";
    INFO("unfilled variables in candidate replies: " << raw);
    CHECK(unfilled.empty());
    // A random trainee meets every ending.
    CHECK(resolved > 0);
    CHECK(hung_up > 0);
    CHECK(escalated > 0);
}
