// model_roundtrip_test.cpp — every entity survives cereal JSON unchanged; enums are written as
// their names; the {variable} helpers; bilingual fallback. These go through cereal directly
// (no LoadTrace installed), the way another module embeds a Case or a Pack in its own save.
#include <catch2/catch.hpp>

#include <cereal/archives/json.hpp>

#include <sstream>

#include "core/model.h"

using namespace cw;

namespace {

template <class T> std::string to_json(const T& v) {
    std::ostringstream os;
    {
        cereal::JSONOutputArchive ar(os);
        ar(cereal::make_nvp("v", const_cast<T&>(v)));
    }
    return os.str();
}

template <class T> T from_json(const std::string& s) {
    std::istringstream is(s);
    cereal::JSONInputArchive ar(is);
    T v{};
    ar(cereal::make_nvp("v", v));
    return v;
}

// Saving what was loaded gives the same bytes: nothing was lost or changed on the way.
template <class T> T round_trip(const T& v) {
    const std::string first = to_json(v);
    T back = from_json<T>(first);
    CHECK(to_json(back) == first);
    return back;
}

LocalizedText lt(const char* zh, const char* en) { return LocalizedText{zh, en}; }

Step full_step() {
    Step s;
    s.id = "route";
    s.kind = StepKind::Branch;
    s.text.standard = lt("客户想要什么?", "What does the customer want?");
    s.text.variants[ScriptStyle::StreetWise] = lt("兄弟,咋整?", "So, mate, what'll it be?");
    s.text.variants[ScriptStyle::Humorous] = lt("来,出题吧", "Go on, test me");
    s.key_point = lt("分流", "Route");
    s.next = "x";
    s.branches.push_back(Branch{lt("退款", "Refund"), {"退款", "refund"}, "offer"});
    s.offer = Offer{lt("餐券", "Meal voucher"), 49.5, "CNY"};
    s.escalate_to = "lead";
    return s;
}

}  // namespace

TEST_CASE("Bilingual text falls back to the other language when one side is empty") {
    const LocalizedText both = lt("你好", "Hello");
    CHECK(pick(both, Lang::Zh) == "你好");
    CHECK(pick(both, Lang::En) == "Hello");
    CHECK(pick(lt("", "Hello"), Lang::Zh) == "Hello");
    CHECK(pick(lt("你好", ""), Lang::En) == "你好");
    CHECK(pick(lt("", ""), Lang::En).empty());
}

TEST_CASE("A styled text uses the standard wording for a style it has no variant for") {
    StyledText t;
    t.standard = lt("标准", "standard");
    t.variants[ScriptStyle::Cute] = lt("萌", "cute");
    CHECK(t.for_style(ScriptStyle::Cute).en == "cute");
    CHECK(t.for_style(ScriptStyle::Caring).en == "standard");
    CHECK(t.for_style(ScriptStyle::Standard).en == "standard");
}

TEST_CASE("Every enum name reads back as the same enum and unknown names are refused") {
    for (auto s : {ScriptStyle::Standard, ScriptStyle::Cute, ScriptStyle::Caring, ScriptStyle::StreetWise, ScriptStyle::Humorous})
        CHECK(script_style_from_string(to_string(s)) == s);
    CHECK(std::string(to_string(ScriptStyle::StreetWise)) == "streetwise");
    CHECK(std::string(to_string(StepKind::WaitForReply)) == "wait");
    CHECK(std::string(to_string(Quadrant::Q3_UrgentNotImportant)) == "q3");
    CHECK(std::string(to_string(ScoreCheck::WaitedBeforeCompensation)) == "waited_before_compensation");
    CHECK(std::string(to_string(SignalKind::TimePressure)) == "time_pressure");
    CHECK(std::string(to_string(CaseStatus::InProgress)) == "in_progress");
    CHECK(std::string(to_string(PdcaStage::Act)) == "act");
    CHECK(std::string(to_string(DisclosureKind::Pattern)) == "pattern");
    for (int k = 0; k < 7; ++k) CHECK(step_kind_from_string(to_string(static_cast<StepKind>(k))) == static_cast<StepKind>(k));
    for (int k = 0; k < 8; ++k) CHECK(score_check_from_string(to_string(static_cast<ScoreCheck>(k))) == static_cast<ScoreCheck>(k));
    CHECK_FALSE(step_kind_from_string("Say"));
    CHECK_FALSE(quadrant_from_string("q5"));
    CHECK_FALSE(script_style_from_string(""));
}

TEST_CASE("Variables in script text are listed once each, in order") {
    CHECK(variables_in("Hi {customer_name}, flight {flight_no} ({customer_name})") ==
          std::vector<std::string>{"customer_name", "flight_no"});
    CHECK(variables_in("{ not_a_var } {1abc} {} {a-b} {ok_1}") == std::vector<std::string>{"ok_1"});
    CHECK(variables_in("{unterminated").empty());
    CHECK(variables_in("您好{name},欢迎").size() == 1);
}

TEST_CASE("Filling variables keeps unknown ones visible and reports them") {
    std::vector<std::string> missing;
    const std::string out = fill_variables("您好{customer_name},航班 {flight_no} 延误,{flight_no}",
                                           {{"customer_name", "王女士"}}, &missing);
    CHECK(out == "您好王女士,航班 {flight_no} 延误,{flight_no}");
    CHECK(missing == std::vector<std::string>{"flight_no"});
    CHECK(fill_variables("{a}{b}", {{"a", "{b}"}, {"b", "2"}}, nullptr) == "{b}2");  // no re-expansion
    CHECK(fill_variables("no vars { here }", {}, nullptr) == "no vars { here }");
}

TEST_CASE("A step with every field set round-trips, variants keyed by style name") {
    const Step s = full_step();
    const std::string json = to_json(s);
    CHECK(json.find("\"streetwise\"") != std::string::npos);
    CHECK(json.find("\"kind\": \"branch\"") != std::string::npos);
    const Step back = round_trip(s);
    CHECK(back.kind == StepKind::Branch);
    CHECK(back.text.variants.at(ScriptStyle::Humorous).zh == "来,出题吧");
    CHECK(back.branches.at(0).keywords.at(1) == "refund");
    CHECK(back.offer.amount == 49.5);
    CHECK(back.escalate_to == "lead");
}

TEST_CASE("Personas, guardrails, triage rules, plans, grades and scorecards round-trip") {
    Persona p;
    p.id = "gen_z";
    p.name = lt("Z世代", "Gen Z");
    p.segment = lt("年轻人", "Young");
    p.birth_year_from = 1995;
    p.birth_year_to = 2009;
    p.tags = {lt("个性", "Individuality")};
    p.material_needs = {lt("便利", "Convenience")};
    p.emotional_needs = {lt("被尊重", "Respect")};
    p.preferred_styles = {ScriptStyle::Cute, ScriptStyle::Humorous};
    p.avoid = {lt("官腔", "Jargon")};
    p.dialects = {lt("粤语", "Cantonese")};
    p.notes = lt("注", "Note");
    p.knowledge = {KnowledgeEntry{lt("题", "Title"), lt("文", "Text")}};
    p.compensation_policy = CompensationPolicy{lt("里程", "Miles"), 100, "CNY"};
    const Persona pb = round_trip(p);
    CHECK(pb.preferred_styles == p.preferred_styles);
    CHECK(pb.birth_year_to == 2009);
    CHECK(pb.compensation_policy.currency == "CNY");

    Guardrails g;
    g.prohibited = {ProhibitedPhrase{"x", lt("这不归我们管", "not our problem"), lt("为何", "why"), lt("改说", "instead")}};
    g.never_disclose = {NeverDisclose{"card", lt("卡号", "Card"), lt("安全", "Safety"), DisclosureKind::Pattern, {"card_number", "digits:6"}}};
    const Guardrails gb = round_trip(g);
    CHECK(gb.never_disclose.at(0).kind == DisclosureKind::Pattern);
    CHECK(gb.never_disclose.at(0).patterns.at(1) == "digits:6");

    TriageRules t;
    t.signals = {TriageSignal{"sos", lt("求救", "SOS"), SignalKind::Safety, {lt("救命", "help"), lt("", "police")}, 5, 5}};
    t.thresholds = TriageThresholds{2.5, 3};
    t.response_target_minutes = ResponseTargets{1, 240, 15, 1440};
    const TriageRules tb = round_trip(t);
    CHECK(tb.signals.at(0).kind == SignalKind::Safety);
    CHECK(tb.signals.at(0).phrases.at(1).en == "police");
    CHECK(tb.thresholds.urgency == 2.5);
    CHECK(tb.response_target_minutes.for_quadrant(Quadrant::Q4_Neither) == 1440);

    ContingencyPlan plan;
    plan.id = "sos-plan";
    plan.title = lt("求救预案", "SOS plan");
    plan.trigger = PlanTrigger{{"ride-sos"}, {"sos"}};
    plan.checklist = {ChecklistItem{lt("确认安全", "Confirm safety"), "agent"}};
    plan.escalation_ladder = {EscalationLevel{"lead", 5}, EscalationLevel{"duty_manager", 0}};
    plan.grade_authority = {GradeAuthority{"agent", true, 200}};
    const ContingencyPlan planb = round_trip(plan);
    CHECK(planb.escalation_ladder.at(1).report_up_every_minutes == 0);
    CHECK(planb.grade_authority.at(0).may_deviate);

    AgentGrade grade{"senior", lt("资深", "Senior"), true, true, 300, false};
    const AgentGrade gradeb = round_trip(grade);
    CHECK_FALSE(gradeb.sees_full_script);
    CHECK(gradeb.compensation_limit == 300);

    Scorecard sc{"qa", lt("质检", "QA"), {ScorecardItem{"fcr", lt("一次解决", "FCR"), 25, ScoreCheck::FirstContactResolution, lt("因为", "Because")}}};
    const Scorecard scb = round_trip(sc);
    CHECK(scb.items.at(0).check == ScoreCheck::FirstContactResolution);
}

TEST_CASE("A whole pack round-trips through cereal like any other entity") {
    Pack pack;
    pack.meta = PackMeta{"demo", lt("演示", "Demo"), "airline", {"zh-CN", "en"}, "me", "1.2.0", lt("说明", "About")};
    pack.roles = {Role{"duty_manager", lt("值班经理", "Duty manager")}};
    Scenario s;
    s.id = "delay";
    s.title = lt("延误", "Delay");
    s.industry = "airline";
    s.situation = lt("情况", "Situation");
    s.reasons = {lt("原因", "Reason")};
    s.concerns = {lt("关心", "Concern")};
    s.typical_phrases = {lt("延误了", "delayed")};
    s.persona_ids = {"gen_z"};
    s.empathy_lines = {lt("理解", "I see"), lt("辛苦了", "That's hard")};
    s.guardrails.prohibited = {ProhibitedPhrase{"p", lt("不知道", "dunno"), {}, {}}};
    s.script.start = "route";
    s.script.steps = {full_step()};
    pack.scenarios = {s};
    const Pack back = round_trip(pack);
    CHECK(back.meta.version == "1.2.0");
    CHECK(back.scenarios.at(0).script.steps.at(0).text.variants.size() == 2);
    CHECK(back.scenarios.at(0).guardrails.prohibited.at(0).id == "p");
    CHECK(back.roles.at(0).name.zh == "值班经理");
}

TEST_CASE("Cases, reviews and PDCA items round-trip with optional values kept") {
    Case c;
    c.id = "c-1";
    c.text = "我的航班延误了,赶不上转机 \"quoted\" \\ 😀";
    c.channel = "phone";
    c.customer_name = "王女士";
    c.pack_id = "sample-mini";
    c.persona_id = "elderly_group";
    c.created_at = 1732350000123;
    c.updated_at = 1732350060456;
    c.suggested_quadrant = Quadrant::Q1_UrgentImportant;
    c.final_quadrant = Quadrant::Q3_UrgentNotImportant;
    c.override_reason = "not really urgent";
    c.status = CaseStatus::Escalated;
    c.scenario_id = "flight-delay";
    c.plan_run = PlanRun{"missed-flight-plan", 1732350000999, {ChecklistTick{0, "Fang", 1732350001000}, ChecklistTick{2, "Li", 1732350002000}}};
    c.notes = "called back";
    c.outcome = CaseOutcome{true, true, 50, 4, 9};
    c.variables = {{"customer_name", "王女士"}, {"flight_no", "MU5101"}};
    const Case b = round_trip(c);
    CHECK(b.created_at == 1732350000123);
    CHECK(b.final_quadrant == Quadrant::Q3_UrgentNotImportant);
    CHECK(b.status == CaseStatus::Escalated);
    CHECK(b.plan_run.ticks.at(1).item == 2);
    CHECK(b.outcome.satisfaction == 4);
    CHECK(b.outcome.nps == 9);
    CHECK(b.variables.at("flight_no") == "MU5101");
    CHECK(b.text == c.text);
    const std::string json = to_json(c);
    CHECK(json.find("\"suggested_quadrant\": \"q1\"") != std::string::npos);
    CHECK(json.find("\"status\": \"escalated\"") != std::string::npos);

    Review r{"c-1", "delay", "rebooked", "alert earlier", 1732350100000};
    CHECK(round_trip(r).what_should_change == "alert earlier");

    PdcaItem item{"p-1", "Fewer regulator complaints", PdcaStage::Check, "complaints", "-30%", "slow refunds",
                  "deviation authority", "weekly", "new rule", {"c-1", "c-2"}};
    const PdcaItem ib = round_trip(item);
    CHECK(ib.stage == PdcaStage::Check);
    CHECK(ib.case_ids.size() == 2);
}

TEST_CASE("A case with only an id loads with every other field at its default") {
    const Case c = from_json<Case>(R"({"v": {"id": "c-9"}})");
    CHECK(c.id == "c-9");
    CHECK(c.status == CaseStatus::New);
    CHECK(c.suggested_quadrant == Quadrant::Q4_Neither);
    CHECK_FALSE(c.final_quadrant.has_value());
    CHECK_FALSE(c.outcome.nps.has_value());
    CHECK(c.variables.empty());
}

TEST_CASE("Empty optional fields are left out of the JSON, so saves stay small") {
    Case c;
    c.id = "c-1";
    const std::string json = to_json(c);
    CHECK(json.find("final_quadrant") == std::string::npos);
    CHECK(json.find("variables") == std::string::npos);
    CHECK(json.find("plan_run") == std::string::npos);
    CHECK(json.find("\"status\": \"new\"") != std::string::npos);  // always written
}

TEST_CASE("Reading an entity without a document still names the field that is wrong") {
    auto error_of = [](const std::string& json) -> std::string {
        try {
            from_json<Case>(json);
        } catch (const std::exception& e) {
            return e.what();
        }
        return "";
    };
    CHECK_THAT(error_of(R"({"v": {"id": "c", "created_at": "yesterday"}})"),
               Catch::Contains("created_at") && Catch::Contains("expected a whole number"));
    CHECK_THAT(error_of(R"({"v": {"id": "c", "plan_run": {"plan_id": "p", "ticks": [{"item": 0}, {"item": "two"}]}}})"),
               Catch::Contains("plan_run.ticks[1].item") && Catch::Contains("whole number"));
    CHECK_THAT(error_of(R"({"v": {"id": "c", "status": "lost"}})"),
               Catch::Contains("status") && Catch::Contains("unknown case status \"lost\"") && Catch::Contains("\"resolved\""));
    CHECK_THAT(error_of(R"({"v": {"text": "no id"}})"), Catch::Contains("id") && Catch::Contains("missing"));
    CHECK_THAT(error_of(R"({"v": {"id": "c", "plan_run": {"started_at": 5}}})"),
               Catch::Contains("plan_run.plan_id") && Catch::Contains("missing"));
}
