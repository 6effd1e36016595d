// call_session_test.cpp — the live call state machine (core/call_session.h) on the sample pack's
// "flight-delay" script (greet → listen(wait) → route(branch) → explain → hear-out(wait) →
// voucher(offer 50) → close), scripts built in code for loops and broken references, and a walk
// through every demo scenario checking that no offer is ever made in the same breath as an
// explanation.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/call_session.h"
#include "core/pack.h"
#include "pack_test_support.h"

using namespace cw;

namespace {

Pack load_pack(const std::string& file) {
    PackLoadResult r = load_pack_json(cw_test::read_text_file(std::string(CALLWISE_ASSETS_DIR) + "/packs/" + file));
    INFO(file << ": " << r.error);
    REQUIRE(r.ok);
    return r.pack;
}

const Scenario& find_scenario(const Pack& p, const std::string& id) {
    for (const Scenario& s : p.scenarios)
        if (s.id == id) return s;
    FAIL("no scenario " << id);
    return p.scenarios.front();
}

CallSetup setup_for(const std::string& grade, const std::string& persona = "") {
    CallSetup s;
    s.grade_id = grade;
    s.persona_id = persona;
    s.variables = {{"customer_name", "李女士"}};
    s.case_id = "case-1";
    s.agent = "小王";
    s.lang = Lang::Zh;
    return s;
}

Step step(const std::string& id, StepKind kind, const std::string& next, const std::string& text = "") {
    Step s;
    s.id = id;
    s.kind = kind;
    s.next = next;
    if (!text.empty()) s.text.standard = {text, text};
    return s;
}

// A pack with the sample's grades and no guardrails, holding `scenario`.
Pack pack_with(const Scenario& scenario) {
    Pack p = load_pack("sample-mini.json");
    p.meta.id = "test-pack";
    p.scenarios = {scenario};
    return p;
}

std::string codes(const ActionResult& r) { return std::string(to_string(r.code)) + ": " + r.message; }

// Sample session at "route" (the branch), with the greeting said and the customer heard.
CallSession at_route(const Pack& pack, const std::string& grade) {
    CallSession s;
    REQUIRE(s.start(pack, find_scenario(pack, "flight-delay"), setup_for(grade)).ok());
    REQUIRE(s.advance().ok());                                 // greet said -> listen
    REQUIRE(s.record_customer_reply("航班到底怎么回事").ok());
    REQUIRE(s.advance().ok());                                 // -> route
    REQUIRE(s.current().step_id == "route");
    return s;
}

}  // namespace

TEST_CASE("call session: style by persona, per-line override, variables", "[session]") {
    const Pack pack = load_pack("sample-mini.json");
    const Scenario& delay = find_scenario(pack, "flight-delay");

    struct Row {
        std::string persona;
        ScriptStyle style;
        std::string zh_start;
        std::vector<std::string> missing;
    };
    const std::vector<std::string> flight_no = {"flight_no"};
    for (const Row& row : std::vector<Row>{{"gen_z", ScriptStyle::Cute, "您来了啊,欢迎欢迎!", flight_no},
                                           {"elderly_group", ScriptStyle::Caring, "李女士您好", {}},
                                           {"", ScriptStyle::Standard, "您好李女士,我是客服小王", flight_no}}) {
        INFO("persona: " << row.persona);
        CallSession s;
        REQUIRE(s.start(pack, delay, setup_for("agent", row.persona)).ok());
        const StepView v = s.current();
        CHECK(v.step_id == "greet");
        CHECK(v.kind == StepKind::Say);
        CHECK(v.style == row.style);
        CHECK(v.text.zh.rfind(row.zh_start, 0) == 0);
        CHECK(v.styles == std::vector<ScriptStyle>{ScriptStyle::Standard, ScriptStyle::Cute, ScriptStyle::Caring});
        CHECK(v.missing_variables == row.missing);
        // A missing variable stays visible so the agent asks for it.
        CHECK((v.text.zh.find("{flight_no}") != std::string::npos) == !row.missing.empty());
        CHECK(v.key_point.en == "Greet; show you already know about the delay");
        REQUIRE(v.next.size() == 1);
        CHECK(v.next[0].target == "listen");
        CHECK(v.next[0].target_kind == StepKind::WaitForReply);
        CHECK(v.next[0].label.en == "Let the customer speak first");
    }

    CallSession s;
    REQUIRE(s.start(pack, delay, setup_for("agent", "gen_z")).ok());
    s.set_variable("flight_no", "CA1234");
    CHECK(s.current().missing_variables.empty());
    CHECK(s.current().text.en == "Oh hi, welcome! Flight CA1234 is sulking; let me help you sort it out~");
    s.set_style(ScriptStyle::Caring);
    CHECK(s.current().style == ScriptStyle::Caring);
    s.set_style(ScriptStyle::Humorous);  // the line has no humorous variant: standard text
    CHECK(s.current().style == ScriptStyle::Standard);
    CHECK(s.current().text.en == "Hello 李女士, this is Wang; I can see flight CA1234 is delayed.");
    // The line is recorded in the style shown and the call's language.
    REQUIRE(s.advance().ok());
    CHECK(s.record().lines.back().text == "您好李女士,我是客服小王,看到您的航班 CA1234 延误了。");
    CHECK(s.record().lines.back().step_id == "greet");
    CHECK(s.record().lines.back().speaker == Speaker::Agent);

    // Unknown persona: standard style, with a warning.
    CallSession u;
    const ActionResult r = u.start(pack, delay, setup_for("agent", "martians"));
    CHECK(r.ok());
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].code == "unknown_persona");
    CHECK(u.current().style == ScriptStyle::Standard);
}

TEST_CASE("call session: a wait step holds the script until the customer answers", "[session][wait]") {
    const Pack pack = load_pack("sample-mini.json");
    CallSession s;
    REQUIRE(s.start(pack, find_scenario(pack, "flight-delay"), setup_for("agent")).ok());
    REQUIRE(s.advance().ok());
    StepView v = s.current();
    CHECK(v.step_id == "listen");
    CHECK(v.awaiting_reply);
    CHECK(s.advance().code == ActionCode::WaitForReply);
    CHECK(s.advance().code == ActionCode::WaitForReply);
    // Talking while waiting does not count as the customer's reply.
    REQUIRE(s.say("您慢慢说，我在听。").ok());
    CHECK(s.advance().code == ActionCode::WaitForReply);
    REQUIRE(s.record_customer_reply("我的航班什么时候起飞？").ok());
    CHECK_FALSE(s.current().awaiting_reply);
    REQUIRE(s.advance().ok());
    CHECK(s.current().step_id == "route");
    CHECK(s.advance().code == ActionCode::ChooseBranch);

    // The record: greeting, the agent's filler, the customer's question (answered by nothing yet).
    const auto& lines = s.record().lines;
    REQUIRE(lines.size() == 3);
    CHECK(lines[2].speaker == Speaker::Customer);
    CHECK(lines[2].is_question);
    CHECK_FALSE(lines[2].answered);
    CHECK(lines[2].step_id == "listen");
    CHECK(lines[2].step_kind == StepKind::WaitForReply);
    REQUIRE(s.say("预计晚上八点起飞。").ok());
    CHECK(s.record().lines[2].answered);
}

TEST_CASE("call session: branches chosen by the customer's words", "[session][branch]") {
    const Pack pack = load_pack("sample-mini.json");
    struct Row {
        std::string reply;
        ActionCode code;
        std::string step_after;
        std::vector<int> candidates;
    };
    const std::vector<Row> rows = {
        {"我要退票", ActionCode::Ok, "explain", {}},
        {"能不能给点补偿", ActionCode::Ok, "explain", {}},
        {"I just want to REBOOK please", ActionCode::Ok, "rebook", {}},
        {"Ｉ want a ｒｅｆｕｎｄ", ActionCode::Ok, "explain", {}},       // full-width
        {"我要投诉你们", ActionCode::Ok, "escalate", {}},
        {"退票 还是 改签 都行", ActionCode::Ambiguous, "route", {0, 1}},
        {"你好", ActionCode::NoMatch, "route", {}},
        {"prebooked", ActionCode::NoMatch, "route", {}},                 // an ASCII keyword starts a word
    };
    for (const Row& row : rows) {
        INFO("reply: " << row.reply);
        CallSession s = at_route(pack, "agent");
        std::vector<int> tied;
        const int suggested = s.suggest_branch(row.reply, &tied);
        const ActionResult r = s.answer(row.reply);
        INFO(codes(r));
        CHECK(r.code == row.code);
        CHECK(s.current().step_id == row.step_after);
        CHECK(r.candidates == row.candidates);
        CHECK((suggested >= 0) == (row.code == ActionCode::Ok));
        CHECK(s.record().lines.back().speaker == (row.code == ActionCode::Ok ? Speaker::System : Speaker::Customer));
    }

    // answer() at a wait step passes it and picks the branch with the same words.
    CallSession s;
    REQUIRE(s.start(pack, find_scenario(pack, "flight-delay"), setup_for("agent")).ok());
    REQUIRE(s.advance().ok());
    REQUIRE(s.current().step_id == "listen");
    REQUIRE(s.answer("航班延误这么久，我要退票").ok());
    CHECK(s.current().step_id == "explain");

    // By hand, with bad indices refused.
    CallSession h = at_route(pack, "agent");
    CHECK(h.choose_branch(3).code == ActionCode::InvalidArgument);
    const StepView v = h.current();
    REQUIRE(v.next.size() == 3);
    CHECK(v.next[1].branch == 1);
    CHECK(v.next[1].label.en == "Just wants to rebook");
    CHECK(v.next[1].target == "rebook");
    REQUIRE(h.choose_branch(1).ok());
    CHECK(h.current().step_id == "rebook");
    CHECK(h.choose_branch(0).code == ActionCode::InvalidArgument);  // not at a branch any more
    CHECK(h.record().lines.back().text == "branch: 只想改签 -> rebook");
    CHECK(h.record().lines.back().step_id == "route");
}

TEST_CASE("call session: no explanation and compensation in one breath", "[session][wait][offer]") {
    const Pack pack = load_pack("sample-mini.json");

    SECTION("the sample script: explain, wait, then the offer") {
        CallSession s = at_route(pack, "agent");
        REQUIRE(s.answer("我要补偿").ok());
        REQUIRE(s.current().step_id == "explain");
        REQUIRE(s.advance().ok());  // explanation said -> hear-out (wait)
        CHECK(s.current().step_id == "hear-out");
        CHECK(s.advance().code == ActionCode::WaitForReply);
        REQUIRE(s.record_customer_reply("那我要等多久").ok());
        // An apology after the reply is part of the same breath as the offer.
        REQUIRE(s.use_empathy(0).ok());
        CHECK(s.current().next[0].reply_needed_first);
        CHECK(s.advance().code == ActionCode::ReplyBeforeOffer);
        CHECK(s.current().step_id == "hear-out");
        REQUIRE(s.record_customer_reply("好吧").ok());
        CHECK_FALSE(s.current().next[0].reply_needed_first);
        REQUIRE(s.advance().ok());
        const StepView v = s.current();
        CHECK(v.step_id == "voucher");
        CHECK(v.offer.amount == 50);
        CHECK_FALSE(v.needs_approval);  // agent: limit 50
        REQUIRE(s.advance().ok());
        CHECK(s.current().step_id == "close");
        const CallLine& offer = s.record().lines[s.record().lines.size() - 1];
        CHECK(offer.offer_amount == 50);
        CHECK(offer.step_kind == StepKind::Offer);
        CHECK(s.record().compensation_given == 50);
        CHECK(s.advance().code == ActionCode::EndOfScript);
        CHECK(s.advance().code == ActionCode::EndOfScript);  // the closing line is recorded once
        int closes = 0;
        for (const CallLine& l : s.record().lines) closes += l.step_id == "close";
        CHECK(closes == 1);
    }

    SECTION("say -> offer is held until the customer replies, without repeating the line") {
        Scenario sc = find_scenario(pack, "flight-delay");
        for (Step& st : sc.script.steps)
            if (st.id == "explain") st.next = "voucher";
        const Pack p = pack_with(sc);
        CallSession s = at_route(p, "agent");
        REQUIRE(s.choose_branch(0).ok());
        CHECK(s.current().next[0].reply_needed_first);
        const size_t before = s.record().lines.size();
        CHECK(s.advance().code == ActionCode::ReplyBeforeOffer);
        CHECK(s.advance().code == ActionCode::ReplyBeforeOffer);
        CHECK(s.record().lines.size() == before + 1);  // the explanation, once
        CHECK(s.current().step_id == "explain");
        CHECK(s.current().line_said);
        REQUIRE(s.record_customer_reply("嗯").ok());
        REQUIRE(s.advance().ok());
        CHECK(s.current().step_id == "voucher");
    }

    SECTION("talking again at the offer step needs another reply before the offer") {
        CallSession s = at_route(pack, "agent");
        REQUIRE(s.choose_branch(0).ok());
        REQUIRE(s.advance().ok());
        REQUIRE(s.record_customer_reply("好吧").ok());
        REQUIRE(s.advance().ok());
        REQUIRE(s.current().step_id == "voucher");
        REQUIRE(s.say("真的很抱歉让您久等。").ok());  // an apology, not the offer
        CHECK(s.record().lines.back().offer_amount == 0);
        CHECK_FALSE(s.current().line_said);
        CHECK(s.advance().code == ActionCode::ReplyBeforeOffer);
        CHECK(s.say("送您一张30元餐券。", 30).code == ActionCode::ReplyBeforeOffer);  // the offer in own words
        CHECK(s.record().compensation_given == 0);
        REQUIRE(s.record_customer_reply("嗯").ok());
        REQUIRE(s.say("送您一张30元餐券。", 30).ok());
        CHECK(s.record().lines.back().offer_amount == 30);  // what was offered, not what the script says
        CHECK(s.current().line_said);
        REQUIRE(s.advance().ok());  // the offer was said: no second offer line
        CHECK(s.current().step_id == "close");
        CHECK(s.record().compensation_given == 30);
    }

    SECTION("free offers follow the same rule") {
        CallSession s = at_route(pack, "lead");
        REQUIRE(s.say("延误是因为前序航班晚到。").ok());
        CHECK(s.say("送您一张 100 元代金券", 100).code == ActionCode::ReplyBeforeOffer);
        REQUIRE(s.record_customer_reply("然后呢").ok());
        REQUIRE(s.say("送您一张 100 元代金券", 100).ok());
        CHECK(s.record().compensation_given == 100);
        CHECK(s.say("再送", -1).code == ActionCode::InvalidArgument);
    }
}

TEST_CASE("call session: authority by grade", "[session][grade]") {
    const Pack pack = load_pack("sample-mini.json");
    const Scenario& delay = find_scenario(pack, "flight-delay");

    auto to_voucher = [&](const std::string& grade) {
        CallSession s = at_route(pack, grade);
        REQUIRE(s.choose_branch(0).ok());
        REQUIRE(s.advance().ok());
        REQUIRE(s.record_customer_reply("好吧").ok());
        REQUIRE(s.advance().ok());
        REQUIRE(s.current().step_id == "voucher");
        return s;
    };

    SECTION("an offer above the limit waits for a lead's approval") {
        CallSession s = to_voucher("trainee");
        CHECK(s.current().needs_approval);
        CHECK(s.needs_approval(50));
        CHECK(s.approval_granted().code == ActionCode::NothingPending);
        const ActionResult r = s.advance();
        CHECK(r.code == ActionCode::NeedsApproval);
        CHECK(r.message.find("50") != std::string::npos);
        CHECK(s.current().step_id == "voucher");
        CHECK(s.record().compensation_given == 0);
        REQUIRE(s.approval_granted("王主管").ok());
        CHECK(s.record().approval_obtained);
        CHECK(s.record().lines.back().speaker == Speaker::System);
        CHECK(s.record().lines.back().text == "approved by 王主管: offer of 50");
        CHECK_FALSE(s.needs_approval(50));
        CHECK(s.needs_approval(60));
        REQUIRE(s.advance().ok());
        CHECK(s.record().compensation_given == 50);
    }

    SECTION("limits per grade") {
        struct Row {
            std::string grade;
            double amount;
            bool needs;
        };
        for (const Row& row : std::vector<Row>{{"trainee", 1, true},   {"agent", 50, false}, {"agent", 51, true},
                                               {"senior", 200, false}, {"senior", 201, true}, {"lead", 1000, false},
                                               {"lead", 1000.5, true}, {"nobody", 1, true}}) {
            INFO(row.grade << " " << row.amount);
            CallSession s;
            s.start(pack, delay, setup_for(row.grade));
            CHECK(s.needs_approval(row.amount) == row.needs);
        }
    }

    SECTION("a trainee sees every step in full; a senior sees key points") {
        CallSession t;
        REQUIRE(t.start(pack, delay, setup_for("trainee")).ok());
        CHECK(t.current().full_text);
        CHECK_FALSE(t.current().text.zh.empty());

        CallSession s;
        REQUIRE(s.start(pack, delay, setup_for("senior")).ok());
        StepView v = s.current();
        CHECK_FALSE(v.full_text);
        CHECK(v.text.empty());
        CHECK(v.key_point.zh == "问候,点明已知道延误");
        CHECK(s.current(true).full_text);
        CHECK_FALSE(s.current(true).text.zh.empty());
        // A step without a key point shows its text: an empty screen helps nobody.
        CallSession r = at_route(pack, "senior");
        CHECK(r.current().full_text);
        CHECK(r.current().text.en == "What does the customer want?");
    }

    SECTION("leaving the script and skipping steps") {
        CallSession t = at_route(pack, "trainee");
        CHECK(t.jump_to("close").code == ActionCode::NotAllowed);
        CHECK(t.deviate("客户要直接退款").code == ActionCode::NeedsApproval);
        CHECK_FALSE(t.off_script());
        REQUIRE(t.approval_granted("王主管").ok());
        REQUIRE(t.deviate("客户要直接退款").ok());
        CHECK(t.off_script());

        CallSession s = at_route(pack, "senior");
        REQUIRE(s.deviate("老客户，直接给改签").ok());
        CHECK(s.off_script());
        CHECK(s.record().lines.back().deviated);
        REQUIRE(s.say("我直接帮您改到明早第一班。").ok());
        CHECK(s.record().lines.back().deviated);
        REQUIRE(s.jump_to("close").ok());  // back into the script
        CHECK_FALSE(s.off_script());
        CHECK(s.current().step_id == "close");
        REQUIRE(s.advance().code == ActionCode::EndOfScript);
        CHECK_FALSE(s.record().lines.back().deviated);
        CHECK(s.jump_to("nowhere").code == ActionCode::InvalidArgument);

        // Skipping straight to the offer right after talking is still one breath.
        CallSession k;
        REQUIRE(k.start(pack, delay, setup_for("senior")).ok());
        REQUIRE(k.advance().ok());
        CHECK(k.jump_to("voucher").code == ActionCode::ReplyBeforeOffer);
    }

    SECTION("an unknown grade gets the least authority") {
        CallSession s;
        const ActionResult r = s.start(pack, delay, setup_for("wizard"));
        REQUIRE(r.warnings.size() == 1);
        CHECK(r.warnings[0].code == "unknown_grade");
        CHECK(s.grade().compensation_limit == 0);
        CHECK_FALSE(s.grade().may_deviate_from_script);
        CHECK(s.grade().sees_full_script);
        CHECK(s.record().grade_id == "wizard");
    }
}

TEST_CASE("call session: empathy lines rotate and repeats are flagged", "[session][empathy]") {
    const Pack pack = load_pack("sample-mini.json");
    CallSession s;
    REQUIRE(s.start(pack, find_scenario(pack, "flight-delay"), setup_for("agent")).ok());
    // Proposals: unused lines first in pool order, then the least recently used.
    const std::vector<int> uses = {0, 1, 2, 0, 1};
    const std::vector<int> proposed_before = {0, 1, 2, 0, 1};
    const std::vector<bool> repeated = {false, false, false, true, true};
    for (size_t i = 0; i < uses.size(); ++i) {
        INFO("use " << i);
        CHECK(s.proposed_empathy() == proposed_before[i]);
        const ActionResult r = s.use_empathy(static_cast<size_t>(uses[i]));
        REQUIRE(r.ok());
        CHECK((r.warnings.size() == 1 && r.warnings[0].code == "empathy_repeated") == repeated[i]);
        const CallLine& l = s.record().lines.back();
        CHECK(l.is_empathy);
        CHECK(l.empathy_index == uses[i]);
        CHECK(l.text == s.empathy_line(static_cast<size_t>(uses[i]))->zh);
    }
    CHECK(s.proposed_empathy() == 2);

    // The agent's own words containing a pool line count too, in either language.
    ActionResult r = s.say("Honestly, having your plans upset is really frustrating.");
    REQUIRE(r.ok());
    CHECK(s.record().lines.back().is_empathy);
    CHECK(s.record().lines.back().empathy_index == 2);
    CHECK(r.warnings.size() == 1);
    r = s.say("我们马上处理。");
    CHECK_FALSE(s.record().lines.back().is_empathy);
    CHECK(r.warnings.empty());
    size_t repeats = 0;
    for (const SessionWarning& w : s.warnings()) repeats += w.code == "empathy_repeated";
    CHECK(repeats == 3);

    CHECK(s.use_empathy(3).code == ActionCode::InvalidArgument);
    Scenario none = find_scenario(pack, "flight-delay");
    none.empathy_lines.clear();
    CallSession n;
    REQUIRE(n.start(pack, none, setup_for("agent")).ok());
    CHECK(n.proposed_empathy() == -1);
    CHECK(n.empathy_line(0) == nullptr);
}

TEST_CASE("call session: every agent line goes through the guardrails", "[session][guardrail]") {
    const Pack pack = load_pack("sample-mini.json");
    CallSession s;
    CallSetup setup = setup_for("agent");
    setup.variables["flight_no"] = "4111 1111 1111 1111";  // a case field holding what it should not
    REQUIRE(s.start(pack, find_scenario(pack, "flight-delay"), setup).ok());

    ActionResult r = s.advance();  // the greeting, with the card number filled in
    REQUIRE(r.ok());
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].rule_id == "full-card");
    REQUIRE(s.record().hits.size() == 1);
    CHECK(s.record().hits[0].line == 0);
    CHECK_FALSE(s.record().hits[0].prohibited);

    REQUIRE(s.record_customer_reply("为什么延误").ok());
    r = s.say("天气原因我们也没办法，这不归我们管。");
    REQUIRE(r.ok());  // flagged, never blocked
    std::vector<std::string> ids;
    for (const GuardrailMatch& m : r.hits) ids.push_back(m.rule_id);
    CHECK(ids == std::vector<std::string>{"weather-excuse", "not-our-problem"});
    REQUIRE(s.record().hits.size() == 3);
    CHECK(s.record().hits[1].prohibited);
    CHECK(s.record().hits[1].line == 2);
    CHECK(s.record().hits[2].matched == "这不归我们管");
    // Customers may say anything: their lines are not checked.
    REQUIRE(s.record_customer_reply("这不归我们管？你们管什么！").ok());
    CHECK(s.record().hits.size() == 3);
    CHECK(s.guardrails().rule_count() == 4);
}

TEST_CASE("call session: the end of the call", "[session][end]") {
    const Pack pack = load_pack("sample-mini.json");
    for (CallEnd outcome : {CallEnd::Resolved, CallEnd::Escalated, CallEnd::FollowUp, CallEnd::HungUp}) {
        CallSession s = at_route(pack, "agent");
        CHECK(s.end(CallEnd::Open).code == ActionCode::InvalidArgument);
        REQUIRE(s.end(outcome).ok());
        CHECK(s.state() == SessionState::Ended);
        CHECK(s.record().end == outcome);
        CHECK(s.record().lines.back().text == std::string("ended: ") + to_string(outcome));
        CHECK(s.advance().code == ActionCode::CallEnded);
        CHECK(s.say("还有事吗").code == ActionCode::CallEnded);
        CHECK(s.end(outcome).code == ActionCode::CallEnded);
    }
    const CallSession s = at_route(pack, "agent");
    CHECK(s.record().pack_id == "sample-mini");
    CHECK(s.record().scenario_id == "flight-delay");
    CHECK(s.record().case_id == "case-1");
    CHECK(s.record().agent == "小王");
    CHECK(s.record().grade_id == "agent");
    CHECK(s.record().end == CallEnd::Open);
}

TEST_CASE("call session: loops in scripts never hang", "[session][loop]") {
    Scenario sc;
    sc.id = "loop";
    sc.script.start = "ask";
    sc.script.steps = {step("ask", StepKind::Ask, "wait", "还有别的问题吗？"), step("wait", StepKind::WaitForReply, "route")};
    Step route = step("route", StepKind::Branch, "");
    route.branches = {{{"还有", "More"}, {"还有", "more"}, "ask"}, {{"没了", "Done"}, {"没了", "done"}, "close"}};
    sc.script.steps.push_back(route);
    sc.script.steps.push_back(step("close", StepKind::Close, "", "再见"));
    const Pack pack = pack_with(sc);

    CallSession s;
    REQUIRE(s.start(pack, sc, setup_for("agent")).ok());
    for (int i = 0; i < 300; ++i) {
        REQUIRE(s.advance().ok());
        REQUIRE(s.current().step_id == "wait");
        REQUIRE(s.answer("还有一个问题").ok());
        REQUIRE(s.current().step_id == "ask");
    }
    REQUIRE(s.advance().ok());
    REQUIRE(s.answer("没了").ok());
    CHECK(s.current().step_id == "close");
    CHECK(s.record().lines.size() == 301 * 3);

    SECTION("a cycle without any pause (invalid, but possible from code) moves one step per call") {
        Scenario bad;
        bad.id = "cycle";
        bad.script.start = "a";
        bad.script.steps = {step("a", StepKind::Say, "b", "A"), step("b", StepKind::Say, "a", "B")};
        CallSession c;
        REQUIRE(c.start(pack_with(bad), bad, setup_for("agent")).ok());
        ActionResult r;
        size_t calls = 0;
        while ((r = c.advance()).ok()) ++calls;
        CHECK(r.code == ActionCode::TooLong);
        CHECK(calls == kSessionMaxLines);
        CHECK(c.record().lines.size() == kSessionMaxLines);
        REQUIRE(c.end(CallEnd::Resolved).ok());  // a call can always be closed
    }

    SECTION("a branch pointing at itself") {
        Scenario self;
        self.id = "self";
        self.script.start = "b";
        Step b = step("b", StepKind::Branch, "");
        b.branches = {{{"再来", "again"}, {}, "b"}};
        self.script.steps = {b};
        CallSession c;
        REQUIRE(c.start(pack_with(self), self, setup_for("agent")).ok());
        for (int i = 0; i < 100; ++i) REQUIRE(c.choose_branch(0).ok());
        CHECK(c.current().step_id == "b");
        CHECK(c.answer("whatever").code == ActionCode::NoMatch);
    }
}

TEST_CASE("call session: broken and edited scripts give a clear error state", "[session][bad]") {
    const Pack pack = load_pack("sample-mini.json");
    const Scenario& delay = find_scenario(pack, "flight-delay");

    SECTION("a dangling next") {
        Scenario sc = delay;
        for (Step& st : sc.script.steps)
            if (st.id == "listen") st.next = "gone";
        CallSession s;
        REQUIRE(s.start(pack, sc, setup_for("trainee")).ok());
        REQUIRE(s.advance().ok());
        REQUIRE(s.record_customer_reply("喂").ok());
        StepView v = s.current();
        REQUIRE(v.next.size() == 1);
        CHECK_FALSE(v.next[0].target_exists);
        const ActionResult r = s.advance();
        CHECK(r.code == ActionCode::ScriptBroken);
        CHECK(s.state() == SessionState::ScriptError);
        CHECK(s.error().code == "unknown_step");
        CHECK(s.error().message.find("\"gone\"") != std::string::npos);
        CHECK(s.current().step_id.empty());
        CHECK(s.advance().code == ActionCode::ScriptBroken);
        CHECK(s.choose_branch(0).code == ActionCode::ScriptBroken);
        CHECK(s.answer("还在吗").code == ActionCode::ScriptBroken);
        // The call goes on: talking, soothing, and recovering by jumping (even for a trainee).
        CHECK(s.say("稍等，我看一下。").ok());
        CHECK(s.use_empathy(0).ok());
        REQUIRE(s.jump_to("route").ok());
        CHECK(s.state() == SessionState::Active);
        CHECK(s.current().step_id == "route");
    }

    SECTION("the start step, or the whole script, missing") {
        Scenario sc = delay;
        sc.script.start = "nope";
        CallSession s;
        CHECK(s.start(pack, sc, setup_for("agent")).code == ActionCode::ScriptBroken);
        CHECK(s.error().code == "unknown_step");
        Scenario empty = delay;
        empty.script = {};
        CallSession e;
        CHECK(e.start(pack, empty, setup_for("agent")).code == ActionCode::ScriptBroken);
        CHECK(e.error().code == "no_script");
        CHECK(e.say("您好，请讲。").ok());
        CHECK(e.record_customer_reply("我要退票").ok());
        CHECK(e.end(CallEnd::FollowUp).ok());
    }

    SECTION("the script edited during the call") {
        CallSession s = at_route(pack, "agent");
        Scenario edited = delay;
        edited.script.steps.erase(edited.script.steps.begin() + 2);  // "route" removed
        CHECK(s.update_scenario(edited).code == ActionCode::ScriptBroken);
        CHECK(s.error().message.find("\"route\"") != std::string::npos);
        CHECK(s.update_scenario(delay).ok());  // put back: the call continues where it was
        CHECK(s.current().step_id == "route");
        Scenario other = delay;
        other.id = "other";
        CHECK(s.update_scenario(other).code == ActionCode::InvalidArgument);
        // Text edits show at once; the session never points into the caller's copy.
        Scenario reworded = delay;
        reworded.script.steps[2].text.standard.en = "What now?";
        REQUIRE(s.update_scenario(reworded).ok());
        CHECK(s.current().text.en == "What now?");
    }

    SECTION("the session keeps its own copy of the pack and scenario") {
        CallSession s;
        {
            Pack temp = load_pack("sample-mini.json");
            REQUIRE(s.start(temp, temp.scenarios[0], setup_for("agent")).ok());
        }
        REQUIRE(s.advance().ok());
        CHECK(s.current().step_id == "listen");
    }
}

TEST_CASE("call session: empty, huge and early input", "[session][bad]") {
    const Pack pack = load_pack("sample-mini.json");
    CallSession idle;
    CHECK(idle.state() == SessionState::NotStarted);
    CHECK(idle.advance().code == ActionCode::NotStarted);
    CHECK(idle.say("hi").code == ActionCode::NotStarted);
    CHECK(idle.record_customer_reply("hi").code == ActionCode::NotStarted);
    CHECK(idle.end(CallEnd::Resolved).code == ActionCode::NotStarted);
    CHECK(idle.current().step_id.empty());
    CHECK(idle.proposed_empathy() == -1);

    CallSession s;
    int64_t clock = 1000;
    CallSetup setup = setup_for("agent");
    setup.clock = [&clock] { return clock += 10; };
    REQUIRE(s.start(pack, find_scenario(pack, "flight-delay"), setup).ok());
    CHECK(s.record_customer_reply("").code == ActionCode::InvalidArgument);
    CHECK(s.record_customer_reply(" \u3000\n").code == ActionCode::InvalidArgument);
    CHECK(s.say("").code == ActionCode::InvalidArgument);
    CHECK(s.answer("").code == ActionCode::InvalidArgument);
    CHECK(s.record().lines.empty());

    // A 1 MB paste: stored and checked up to the bound, with a warning; nothing hangs.
    std::string huge = "这不归我们管 ";
    while (huge.size() < 1024 * 1024) huge += "很长很长的一段话 4111 1111 1111 1111 ";
    ActionResult r = s.record_customer_reply(huge);
    REQUIRE(r.ok());
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].code == "line_truncated");
    CHECK(s.record().lines.back().text.size() <= kSessionMaxLineBytes);
    r = s.say(huge);
    REQUIRE(r.ok());
    CHECK(r.hits.size() > 100);
    CHECK(r.hits.size() <= kGuardrailMaxHits);
    CHECK(s.record().lines.back().text.size() <= kSessionMaxLineBytes);
    CHECK(s.record().lines[0].at == 1010);
    CHECK(s.record().lines[1].at == 1020);

    // English call: script lines recorded in English.
    CallSession en;
    CallSetup es = setup_for("agent");
    es.lang = Lang::En;
    REQUIRE(en.start(pack, find_scenario(pack, "flight-delay"), es).ok());
    REQUIRE(en.advance().ok());
    CHECK(en.record().lines.back().text.rfind("Hello 李女士", 0) == 0);
}

TEST_CASE("call session: walking every demo script never offers in the same breath", "[session][packs]") {
    for (const std::string file : {"airline-hotline.json", "credit-card-bank.json", "online-travel.json",
                                   "ride-hailing.json", "sample-mini.json"}) {
        const Pack pack = load_pack(file);
        for (const Scenario& sc : pack.scenarios) {
            for (size_t pick = 0; pick < 3; ++pick) {  // a few different paths through the branches
                INFO(file << "/" << sc.id << " path " << pick);
                CallSession s;
                CallSetup setup = setup_for("trainee", sc.persona_ids.empty() ? "" : sc.persona_ids[0]);
                REQUIRE(s.start(pack, sc, setup).ok());
                bool ended = false;
                for (int step_no = 0; step_no < 200 && !ended; ++step_no) {
                    const StepView v = s.current();
                    REQUIRE_FALSE(v.step_id.empty());
                    ActionResult r;
                    if (v.kind == StepKind::Branch) {
                        const Step* st = s.scenario().script.find(v.step_id);
                        REQUIRE(st != nullptr);
                        r = s.choose_branch((pick + static_cast<size_t>(step_no)) % st->branches.size());
                    } else {
                        r = s.advance();
                    }
                    INFO("at " << v.step_id << ": " << codes(r));
                    switch (r.code) {
                        case ActionCode::Ok: break;
                        case ActionCode::WaitForReply:
                        case ActionCode::ReplyBeforeOffer: REQUIRE(s.record_customer_reply("嗯，您说。").ok()); break;
                        case ActionCode::NeedsApproval: REQUIRE(s.approval_granted("lead").ok()); break;
                        case ActionCode::EndOfScript: ended = true; break;
                        default: FAIL("unexpected " << codes(r));
                    }
                }
                REQUIRE(s.end(CallEnd::Resolved).ok());
                // The invariant: every offer line comes after a customer line, with no agent line between.
                const auto& lines = s.record().lines;
                for (size_t i = 0; i < lines.size(); ++i) {
                    if (lines[i].offer_amount <= 0) continue;
                    size_t j = i;
                    while (j > 0 && lines[j - 1].speaker == Speaker::System) --j;
                    INFO("offer line " << i << ": " << lines[i].text);
                    REQUIRE(j > 0);
                    CHECK(lines[j - 1].speaker == Speaker::Customer);
                }
                CHECK(s.record().hits.empty());  // the demo scripts say nothing forbidden
            }
        }
    }
}
