// pack_validation_test.cpp — loading, saving and validating packs: the sample pack is clean and
// byte-stable; each kind of broken pack is refused with a message that names the place.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <limits>

#include "core/pack.h"
#include "pack_test_support.h"

using namespace cw;
using cw_test::replace_once;
using cw_test::sample_pack_text;

namespace {

Pack sample_pack() {
    PackLoadResult r = load_pack_json(sample_pack_text());
    INFO(r.error);
    REQUIRE(r.ok);
    return r.pack;
}

// Every error (load error, or validation errors) as one text, one per line.
std::string errors_of(const std::string& json) {
    PackLoadResult r = load_pack_json(json);
    if (!r.ok) return r.error;
    std::string all;
    for (const auto& i : validate_pack(r.pack))
        if (i.is_error()) all += i.describe() + "\n";
    return all;
}

std::string issues_text(const std::vector<ValidationIssue>& issues, bool errors) {
    std::string all;
    for (const auto& i : issues)
        if (i.is_error() == errors) all += i.describe() + "\n";
    return all;
}

Step* step_by_id(Pack& p, size_t scenario, const std::string& id) {
    for (Step& s : p.scenarios.at(scenario).script.steps)
        if (s.id == id) return &s;
    FAIL("no step " << id);
    return nullptr;
}

}  // namespace

TEST_CASE("The sample pack loads and validates with no errors and no warnings") {
    PackLoadResult r = load_pack_json(sample_pack_text());
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.warnings.empty());
    const auto issues = validate_pack(r.pack);
    INFO(issues_text(issues, true) << issues_text(issues, false));
    CHECK(issues.empty());
    CHECK(r.pack.meta.id == "sample-mini");
    CHECK(r.pack.scenarios.size() == 2);
    CHECK(r.pack.scenarios[0].script.steps.size() == 9);
}

TEST_CASE("The sample pack round-trips byte-stable") {
    const Pack p = sample_pack();
    const std::string first = save_pack_json(p);
    PackLoadResult again = load_pack_json(first);
    INFO(again.error);
    REQUIRE(again.ok);
    CHECK(again.warnings.empty());
    CHECK(save_pack_json(again.pack) == first);
    CHECK(first.back() == '\n');
    CHECK(first.find("\n  \"meta\": {") != std::string::npos);  // 2-space indentation
}

TEST_CASE("A pack built in code saves, loads and saves to the same bytes") {
    Pack p;
    p.meta.id = "code";
    p.meta.name = {"代码", "Code"};
    p.meta.version = "0.1.0";
    Scenario s;
    s.id = "s";
    s.title = {"标题", "Title"};
    Step say;
    say.id = "a";
    say.kind = StepKind::Say;
    say.text.standard = {"第一句 \"引号\" \\ \n 换行", "line\twith tab"};
    say.next = "b";
    Step close;
    close.id = "b";
    close.kind = StepKind::Close;
    close.text.standard = {"再见", "Bye"};
    s.script = Script{"a", {say, close}};
    p.scenarios = {s};
    p.triage_rules.thresholds = {0.1, 1e-7};
    p.grades = {AgentGrade{"agent", {"客服", "Agent"}, false, false, 12.345678901234567, true}};
    const std::string first = save_pack_json(p);
    PackLoadResult r = load_pack_json(first);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(save_pack_json(r.pack) == first);
    CHECK(r.pack.grades[0].compensation_limit == 12.345678901234567);
    CHECK(r.pack.triage_rules.thresholds.importance == 1e-7);
    CHECK(r.pack.scenarios[0].script.steps[0].text.standard.zh == "第一句 \"引号\" \\ \n 换行");
}

TEST_CASE("Broken pack files are refused with a message naming the place") {
    const std::string good = sample_pack_text();
    struct Broken {
        const char* what;
        std::function<std::string()> make;
        std::vector<std::string> expect;  // substrings of the error text
    };
    const std::vector<Broken> table = {
        {"malformed JSON (a missing comma)",
         [&] { return replace_once(good, "\"author\": \"Callwise\",", "\"author\": \"Callwise\""); },
         {"line 9, column 5: ", "Missing a comma or '}' after an object member"}},
        {"not an object at the top", [] { return std::string("[1, 2]"); }, {"must be a JSON object"}},
        {"empty file", [] { return std::string(""); }, {"line 1, column 1: ", "empty"}},
        {"wrong type: a year as text",
         [&] { return replace_once(good, "\"birth_year_from\": 1995", "\"birth_year_from\": \"1995\""); },
         {"personas[0].birth_year_from: expected a whole number, found text \"1995\""}},
        {"wrong type: next as a number",
         [&] { return replace_once(good, "\"next\": \"listen\"", "\"next\": 7"); },
         {"scenarios[0].script.steps[0].next: expected text (a JSON string), found a whole number"}},
        {"wrong type: a list where an object belongs",
         [&] { return replace_once(good, "\"thresholds\": {\"urgency\": 2, \"importance\": 2}", "\"thresholds\": [2, 2]"); },
         {"triage_rules.thresholds: expected an object { }, found a list [ ]"}},
        {"wrong type: bilingual text as a plain string",
         [&] { return replace_once(good, "\"title\": {\"zh\": \"航班延误\", \"en\": \"Flight delayed\"}", "\"title\": \"Flight delayed\""); },
         {"scenarios[0].title: expected an object { }, found text"}},
        {"missing required field (a step's kind)",
         [&] { return replace_once(good, "\"id\": \"listen\",\n            \"kind\": \"wait\",", "\"id\": \"listen\","); },
         {"scenarios[0].script.steps[1].kind: missing (this field is required)"}},
        {"missing required field (meta)",
         [&] { return replace_once(good, "\"meta\": {", "\"about\": {"); },
         {"meta: missing (this field is required)"}},
        {"unknown step kind",
         [&] { return replace_once(good, "\"kind\": \"escalate\",\n            \"text\": {\"standard\": {\"zh\": \"我请", "\"kind\": \"handover\",\n            \"text\": {\"standard\": {\"zh\": \"我请"); },
         {"scenarios[0].script.steps[7].kind: unknown step kind \"handover\"; expected one of \"say\", \"ask\", \"wait\""}},
        {"unknown style in a text",
         [&] { return replace_once(good, "\"cute\": {\"zh\": \"您来了啊", "\"kawaii\": {\"zh\": \"您来了啊"); },
         {"scenarios[0].script.steps[0].text.kawaii: unknown style \"kawaii\"", "\"streetwise\""}},
        {"newer schema version",
         [&] { return replace_once(good, "\"schema_version\": 1", "\"schema_version\": 2"); },
         {"schema_version 2 is newer than this Callwise reads (up to 1); update Callwise"}},
        {"deep nesting: 100,000 '['", [] { return std::string(100000, '['); }, {"nesting is deeper than 64 levels"}},
        {"a 10 MB string",
         [&] { return replace_once(good, "\"They spread word fast and influence their parents.\"", "\"" + std::string(10u << 20, 'x') + "\""); },
         {"a text value is 10.0 MiB; the limit is 1.0 MiB"}},
        {"a 50 MB input",
         [&] { return good + std::string(50u << 20, ' '); },
         {"the text is 50.0 MiB; the limit is 16.0 MiB"}},
        {"invalid UTF-8",
         [&] { return replace_once(good, "\"author\": \"Callwise\"", "\"author\": \"Call\xC3\x28wise\""); },
         {"line 8, column ", "invalid UTF-8"}},
        {"NaN", [&] { return replace_once(good, "\"max_amount\": 100,", "\"max_amount\": NaN,"); }, {"NaN and Infinity are not allowed"}},
        {"a key written twice",
         [&] { return replace_once(good, "\"next\": \"listen\"", "\"next\": \"listen\", \"next\": \"route\""); },
         {"the key \"next\" appears twice in the same object"}},
        {"dangling next",
         [&] { return replace_once(good, "\"next\": \"hear-out\"", "\"next\": \"refund-offer\""); },
         {"error: scenarios[0].script.steps[3].next: no step with id \"refund-offer\" in this script"}},
        {"duplicate persona id",
         [&] { return replace_once(good, "\"id\": \"elderly_group\"", "\"id\": \"gen_z\""); },
         {"error: personas[1].id: duplicate persona id \"gen_z\" (also at personas[0].id)"}},
        {"duplicate step id",
         [&] { return replace_once(good, "\"id\": \"rebook\"", "\"id\": \"explain\""); },
         {"scenarios[0].script.steps[6].id: duplicate step id \"explain\" (also at scenarios[0].script.steps[3].id)"}},
        {"unknown persona reference",
         [&] {
             std::string t = good;
             const std::string from = "\"persona_ids\": [\"gen_z\", \"elderly_group\"]";
             return t.replace(t.find(from), from.size(), "\"persona_ids\": [\"gen_z\", \"teenagers\"]");
         },
         {"error: scenarios[0].persona_ids[1]: no persona with id \"teenagers\" in this pack"}},
        {"unreachable step",
         [&] { return replace_once(good, "\"keywords\": [\"改签\", \"rebook\"], \"next\": \"rebook\"", "\"keywords\": [\"改签\", \"rebook\"], \"next\": \"close\""); },
         {"error: scenarios[0].script.steps[6]: step \"rebook\" cannot be reached from the start step \"greet\""}},
        {"empty text in both languages",
         [&] { return replace_once(good, "\"name\": {\"zh\": \"Z世代旅客\", \"en\": \"Generation Z traveller\"}", "\"name\": {\"zh\": \"\", \"en\": \"\"}"); },
         {"error: personas[0].name: required text is empty in both languages"}},
        {"unknown signal in a plan trigger",
         [&] { return replace_once(good, "\"signal_ids\": [\"miss-flight\"]", "\"signal_ids\": [\"miss-flght\"]"); },
         {"error: plans[0].trigger.signal_ids[0]: no signal with id \"miss-flght\" in this pack"}},
        {"unknown grade in a plan",
         [&] { return replace_once(good, "{\"grade_id\": \"senior\", \"may_deviate\": true, \"compensation_limit\": 300}", "{\"grade_id\": \"expert\", \"may_deviate\": true, \"compensation_limit\": 300}"); },
         {"error: plans[0].grade_authority[1].grade_id: no grade with id \"expert\" in this pack"}},
        {"unknown role",
         [&] { return replace_once(good, "\"escalate_to\": \"lead\"", "\"escalate_to\": \"boss\""); },
         {"error: scenarios[0].script.steps[7].escalate_to: no role or grade with id \"boss\""}},
        {"bad never-disclose pattern",
         [&] { return replace_once(good, "\"patterns\": [\"card_number\", \"cn_id\"]", "\"patterns\": [\"card_number\", \"digits:abc\"]"); },
         {"error: guardrails.never_disclose[0].patterns[1]: \"digits:abc\": write digits:N or digits:N-M"}},
        {"a prohibited phrase inside script text",
         [&] { return replace_once(good, "我现在帮您改签到最近一班有座位的航班。", "这不归我们管,不过我帮您改签。"); },
         {"error: scenarios[0].script.steps[6].text.standard: contains the prohibited phrase \"这不归我们管\" (guardrail \"not-our-problem\")"}},
        {"an internal system name inside script text",
         [&] { return replace_once(good, "I'll rebook you onto the next flight with seats now.", "I'll rebook you in opsdesk now."); },
         {"error: scenarios[0].script.steps[6].text.standard: contains \"OpsDesk\", which may never be disclosed"}},
        {"unsupported language",
         [&] { return replace_once(good, "\"languages\": [\"zh-CN\", \"en\"]", "\"languages\": [\"zh-CN\", \"fr\"]"); },
         {"error: meta.languages[1]: language \"fr\" is not supported"}},
        {"malformed id",
         [&] { return replace_once(good, "\"id\": \"missed-flight-plan\"", "\"id\": \"missed flight plan\""); },
         {"error: plans[0].id: id \"missed flight plan\" must be 1-64 ASCII letters"}},
    };
    for (const Broken& b : table) {
        INFO("case: " << b.what);
        const std::string errors = errors_of(b.make());
        INFO("errors: " << errors);
        CHECK_FALSE(errors.empty());
        for (const std::string& e : b.expect) CHECK_THAT(errors, Catch::Contains(e));
    }
}

TEST_CASE("Broken packs built in code are refused with a message naming the place") {
    struct Broken {
        const char* what;
        std::function<void(Pack&)> mutate;
        std::string expect;
    };
    const std::vector<Broken> table = {
        {"branch with no branches", [](Pack& p) { step_by_id(p, 0, "route")->branches.clear(); },
         "error: scenarios[0].script.steps[2].branches: a branch step needs at least one branch"},
        {"escalate without a role", [](Pack& p) { step_by_id(p, 0, "escalate")->escalate_to.clear(); },
         "error: scenarios[0].script.steps[7].escalate_to: empty role"},
        {"say step without text", [](Pack& p) { step_by_id(p, 0, "explain")->text.standard = {}; },
         "error: scenarios[0].script.steps[3].text.standard: a say step needs its standard text"},
        {"a say -> say loop", [](Pack& p) { step_by_id(p, 0, "rebook")->next = "rebook"; },
         "error: scenarios[0].script.steps[6].next: the loop \"rebook\" -> \"rebook\" never waits for the customer"},
        {"a longer loop without a pause",
         [](Pack& p) {
             step_by_id(p, 1, "alert")->next = "confirm";
             step_by_id(p, 1, "confirm")->next = "alert";
         },
         "the loop \"confirm\" -> \"alert\" -> \"confirm\" never waits for the customer"},
        {"start names no step", [](Pack& p) { p.scenarios[0].script.start = "hello"; },
         "error: scenarios[0].script.start: no step with id \"hello\" in this script"},
        {"invalid UTF-8 in a string", [](Pack& p) { p.personas[1].notes.en = "bad \xFF byte"; },
         "error: personas[1].notes.en: invalid UTF-8"},
        {"negative offer amount", [](Pack& p) { step_by_id(p, 0, "voucher")->offer.amount = -5; },
         "error: scenarios[0].script.steps[5].offer.amount: must not be negative"},
        {"non-finite weight", [](Pack& p) { p.triage_rules.signals[0].weight_urgency = std::nan(""); },
         "error: triage_rules.signals[0].weight_urgency: must be a finite number"},
        {"amount without currency", [](Pack& p) { step_by_id(p, 0, "voucher")->offer.currency.clear(); },
         "error: scenarios[0].script.steps[5].offer.currency: an amount needs a currency"},
        {"birth years reversed", [](Pack& p) { p.personas[0].birth_year_to = 1990; },
         "error: personas[0].birth_year_to: birth_year_to 1990 is before birth_year_from 1995"},
        {"a style variant named standard",
         [](Pack& p) { step_by_id(p, 0, "greet")->text.variants[ScriptStyle::Standard] = {"x", "x"}; },
         "error: scenarios[0].script.steps[0].text: \"standard\" is the main text, not a variant"},
        {"a grade granted twice in a plan",
         [](Pack& p) { p.plans[0].grade_authority.push_back(p.plans[0].grade_authority[0]); },
         "error: plans[0].grade_authority[3].grade_id: duplicate grade_authority grade id \"agent\""},
        {"a guardrail id reused in a scenario",
         [](Pack& p) { p.scenarios[0].guardrails.prohibited[0].id = "not-our-problem"; },
         "error: scenarios[0].guardrails.prohibited[0].id: duplicate guardrail id \"not-our-problem\" (also at guardrails.prohibited[0].id)"},
        {"a signal with no phrases", [](Pack& p) { p.triage_rules.signals[2].phrases.clear(); },
         "error: triage_rules.signals[2].phrases: a signal needs at least one phrase"},
        {"a never-disclose rule with no patterns", [](Pack& p) { p.guardrails.never_disclose[1].patterns.clear(); },
         "error: guardrails.never_disclose[1].patterns: a never-disclose rule needs at least one pattern"},
        {"an empty id", [](Pack& p) { p.grades[0].id.clear(); }, "error: grades[0].id: the id is empty"},
    };
    for (const Broken& b : table) {
        INFO("case: " << b.what);
        Pack p = sample_pack();
        b.mutate(p);
        const std::string errors = issues_text(validate_pack(p), true);
        INFO("errors: " << errors);
        CHECK_THAT(errors, Catch::Contains(b.expect));
    }
}

TEST_CASE("Suspicious but usable packs get warnings, not errors") {
    struct Odd {
        const char* what;
        std::function<void(Pack&)> mutate;
        std::string expect;
    };
    const std::vector<Odd> table = {
        {"an offer straight after an explanation",
         [](Pack& p) { step_by_id(p, 0, "rebook")->next = "voucher"; },
         "warning: scenarios[0].script.steps[5]: offer step \"voucher\" can be reached without waiting for the customer's reply "
         "(it directly follows the say step \"rebook\")"},
        {"a script that starts with an offer",
         [](Pack& p) {
             Step gift;
             gift.id = "gift";
             gift.kind = StepKind::Offer;
             gift.text.standard = {"送您一张券", "Here is a voucher"};
             gift.next = "confirm";
             p.scenarios[1].script.steps.insert(p.scenarios[1].script.steps.begin(), gift);
             p.scenarios[1].script.start = "gift";
         },
         "warning: scenarios[1].script.steps[0]: offer step \"gift\" can be reached without waiting for the customer's reply (the script starts with it)"},
        {"a say step with no next", [](Pack& p) { step_by_id(p, 0, "rebook")->next.clear(); },
         "warning: scenarios[0].script.steps[6].next: no next step: the call ends here"},
        {"a missing English translation", [](Pack& p) { p.personas[0].tags[0].en.clear(); },
         "warning: personas[0].tags[0].en: no English text, but the pack lists both languages"},
        {"one empathy line", [](Pack& p) { p.scenarios[1].empathy_lines.resize(1); },
         "warning: scenarios[1].empathy_lines: fewer than 2 empathy lines"},
        {"no typical phrases", [](Pack& p) { p.scenarios[1].typical_phrases.clear(); },
         "warning: scenarios[1].typical_phrases: no typical phrases"},
        {"a version that is not semantic", [](Pack& p) { p.meta.version = "v2"; },
         "warning: meta.version: version \"v2\" should be MAJOR.MINOR.PATCH"},
        {"next on a close step", [](Pack& p) { step_by_id(p, 0, "close")->next = "greet"; },
         "warning: scenarios[0].script.steps[8].next: a close step does not use next (it is ignored)"},
        {"a card number in script text",
         [](Pack& p) { step_by_id(p, 0, "rebook")->text.standard.en = "Card 4111 1111 1111 1111 noted."; },
         "warning: scenarios[0].script.steps[6].text.standard: matches the never-disclose pattern \"card_number\""},
    };
    for (const Odd& o : table) {
        INFO("case: " << o.what);
        Pack p = sample_pack();
        o.mutate(p);
        const auto issues = validate_pack(p);
        INFO("errors: " << issues_text(issues, true));
        CHECK_FALSE(has_errors(issues));
        CHECK_THAT(issues_text(issues, false), Catch::Contains(o.expect));
    }
}

TEST_CASE("A misspelt key is reported as an unknown field with a suggestion") {
    const std::string json = replace_once(sample_pack_text(), "\"next\": \"listen\"", "\"nxt\": \"listen\"");
    PackLoadResult r = load_pack_json(json);
    REQUIRE(r.ok);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].describe() ==
          "warning: scenarios[0].script.steps[0].nxt: unknown field (ignored); did you mean \"next\"?");
    const std::string top = replace_once(sample_pack_text(), "\"roles\": [", "\"extra\": 1, \"roles\": [");
    PackLoadResult r2 = load_pack_json(top);
    REQUIRE(r2.ok);
    REQUIRE(r2.warnings.size() == 1);
    CHECK(r2.warnings[0].path == "extra");
}

TEST_CASE("Optional fields may be left out of a hand-written pack") {
    const std::string minimal = R"({
      "schema_version": 1,
      "meta": {"id": "tiny", "name": {"en": "Tiny"}},
      "scenarios": [{"id": "s", "title": {"zh": "场景"},
        "typical_phrases": [{"en": "hello"}],
        "empathy_lines": [{"en": "I see"}, {"en": "Right"}],
        "script": {"start": "bye", "steps": [{"id": "bye", "kind": "close", "text": {"standard": {"en": "Bye"}}}]}}]
    })";
    PackLoadResult r = load_pack_json(minimal);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.warnings.empty());
    CHECK(r.pack.triage_rules.thresholds.urgency == 1);
    CHECK(r.pack.scenarios[0].title.en.empty());
    const auto issues = validate_pack(r.pack);
    INFO(issues_text(issues, true));
    CHECK_FALSE(has_errors(issues));
    // Canonical output writes both language sides so translators see the gap.
    CHECK(save_pack_json(r.pack).find("\"zh\": \"\"") != std::string::npos);
}

TEST_CASE("Ids accept letters, digits, dash, underscore and dot only") {
    CHECK(is_valid_id("flight-delay_2.b"));
    CHECK(is_valid_id(std::string(64, 'a')));
    CHECK_FALSE(is_valid_id(std::string(65, 'a')));
    CHECK_FALSE(is_valid_id(""));
    CHECK_FALSE(is_valid_id("航班"));
    CHECK_FALSE(is_valid_id("a b"));
    CHECK_FALSE(is_valid_id("a/b"));
}
