// guardrail_check_test.cpp — guardrails as you type (core/guardrail_check.h): every kind of rule
// with its offsets, reasons and alternatives, normalisation (full-width, case, spaces between CJK),
// masking, the demo packs, bad rules, and bad input (empty, ill-formed UTF-8, 1 MB).
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "core/guardrail_check.h"
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

const Scenario& scenario(const Pack& p, const std::string& id) {
    for (const Scenario& s : p.scenarios)
        if (s.id == id) return s;
    FAIL("no scenario " << id);
    return p.scenarios.front();
}

const GuardrailMatch* find_hit(const GuardrailReport& r, const std::string& rule_id) {
    for (const GuardrailMatch& m : r.hits)
        if (m.rule_id == rule_id) return &m;
    return nullptr;
}

std::string describe(const GuardrailReport& r) {
    std::string s;
    for (const GuardrailMatch& m : r.hits)
        s += m.rule_id + "[" + std::to_string(m.begin) + "," + std::to_string(m.end) + ")=" + m.matched + " ";
    return s;
}

// Every hit's offsets point at its matched text.
void check_offsets(const std::string& text, const GuardrailReport& r) {
    for (const GuardrailMatch& m : r.hits) {
        REQUIRE(m.begin <= m.end);
        REQUIRE(m.end <= text.size());
        CHECK(text.substr(m.begin, m.end - m.begin) == m.matched);
    }
}

Guardrails rules_in_code() {
    Guardrails g;
    g.prohibited.push_back({"ill", {"", "ill"}, {"因为", "because"}, {"换个说法", "say it differently"}});
    g.prohibited.push_back({"haha", {"哈哈", ""}, {}, {}});
    NeverDisclose email;
    email.id = "email";
    email.label = {"邮箱", "E-mail"};
    email.kind = DisclosureKind::Pattern;
    email.patterns = {"email"};
    g.never_disclose.push_back(email);
    NeverDisclose codes;
    codes.id = "codes";
    codes.label = {"验证码", "Codes"};
    codes.kind = DisclosureKind::Pattern;
    codes.patterns = {"digits:6", "digits:4"};
    g.never_disclose.push_back(codes);
    return g;
}

}  // namespace

TEST_CASE("guardrails: each kind of rule in the sample pack, with offsets", "[guardrail]") {
    const Pack pack = load_pack("sample-mini.json");
    const GuardrailChecker checker = compile_guardrails(pack.guardrails, &scenario(pack, "flight-delay").guardrails);
    CHECK(checker.problems().empty());
    CHECK(checker.rule_count() == 4);

    struct Row {
        std::string text;
        std::string rule;
        GuardrailKind kind;
        std::string matched;
        size_t begin;
        std::string pattern;
    };
    const std::vector<Row> rows = {
        {"这不归我们管，您去问机场吧", "not-our-problem", GuardrailKind::Prohibited, "这不归我们管", 0, "这不归我们管"},
        {"Sorry, THAT'S NOT OUR PROBLEM.", "not-our-problem", GuardrailKind::Prohibited, "THAT'S NOT OUR PROBLEM", 7,
         "that's not our problem"},
        // full-width letters and an ideographic space, as Chinese input methods type them
        {"ＴＨＡＴ'Ｓ\u3000ＮＯＴ ＯＵＲ ＰＲＯＢＬＥＭ", "not-our-problem", GuardrailKind::Prohibited,
         "ＴＨＡＴ'Ｓ\u3000ＮＯＴ ＯＵＲ ＰＲＯＢＬＥＭ", 0, "that's not our problem"},
        {"说实话这不归 我们管。", "not-our-problem", GuardrailKind::Prohibited, "这不归 我们管", 9, "这不归我们管"},
        {"curly: that’s not our problem", "not-our-problem", GuardrailKind::Prohibited, "that’s not our problem", 7,
         "that's not our problem"},
        {"Well, it's the weather, nothing we can do.", "weather-excuse", GuardrailKind::Prohibited,
         "it's the weather, nothing we can do", 6, "it's the weather, nothing we can do"},
        {"我在OpsDesk上看到了", "internal-systems", GuardrailKind::NeverDisclosePhrase, "OpsDesk", 6, "OpsDesk"},
        {"check opsdesk please", "internal-systems", GuardrailKind::NeverDisclosePhrase, "opsdesk", 6, "OpsDesk"},
        {"航控后台显示", "internal-systems", GuardrailKind::NeverDisclosePhrase, "航控后台", 0, "航控后台"},
        {"卡号 6222 0212 3450 7890 已冻结", "full-card", GuardrailKind::NeverDisclosePattern, "6222 0212 3450 7890", 7,
         "card_number"},
        {"card 6222-0212-3450-7890.", "full-card", GuardrailKind::NeverDisclosePattern, "6222-0212-3450-7890", 5,
         "card_number"},
        {"卡号６２２２０２１２３４５０７８９０", "full-card", GuardrailKind::NeverDisclosePattern,
         "６２２２０２１２３４５０７８９０", 6, "card_number"},
        {"身份证11010519491231002X对吗", "full-card", GuardrailKind::NeverDisclosePattern, "11010519491231002X", 9,
         "cn_id"},
    };
    for (const Row& row : rows) {
        INFO(row.text);
        const GuardrailReport r = checker.check(row.text);
        INFO(describe(r));
        CHECK_FALSE(r.clean());
        CHECK_FALSE(r.truncated);
        CHECK(r.checked_bytes == row.text.size());
        const GuardrailMatch* m = find_hit(r, row.rule);
        REQUIRE(m != nullptr);
        CHECK(m->kind == row.kind);
        CHECK(m->matched == row.matched);
        CHECK(m->begin == row.begin);
        CHECK(m->end == row.begin + row.matched.size());
        CHECK(m->pattern == row.pattern);
        CHECK(m->is_prohibited() == (row.kind == GuardrailKind::Prohibited));
        CHECK_FALSE(m->why.zh.empty());
        CHECK_FALSE(m->why.en.empty());
        CHECK_FALSE(m->instead.zh.empty());
        CHECK_FALSE(m->instead.en.empty());
        CHECK_FALSE(m->label.empty());
        check_offsets(row.text, r);
    }
}

TEST_CASE("guardrails: reasons and alternatives come in both languages", "[guardrail]") {
    const Pack pack = load_pack("sample-mini.json");
    const GuardrailChecker checker = compile_guardrails(pack.guardrails);
    const GuardrailReport r = checker.check("这不归我们管, card 6222 0212 3450 7890");
    REQUIRE(r.hits.size() == 2);
    CHECK(r.hits[0].rule_id == "not-our-problem");
    CHECK(r.hits[0].why.en == "Customers do not care how departments split work.");
    CHECK(r.hits[0].instead.zh == "我来帮您联系负责的部门。");
    CHECK(r.hits[0].instead.en == "Let me get the right team for you.");
    CHECK(r.hits[0].label.zh == "这不归我们管");
    // Never-disclose items have no `instead` in the format: a default per kind, naming the card's
    // last four digits.
    CHECK(r.hits[1].rule_id == "full-card");
    CHECK(r.hits[1].label.en == "Full card number");
    CHECK(r.hits[1].instead.en.find("ending 7890") != std::string::npos);
    CHECK(r.hits[1].instead.zh.find("尾号7890") != std::string::npos);
}

TEST_CASE("guardrails: clean text, no false friends", "[guardrail]") {
    const Pack pack = load_pack("sample-mini.json");
    const GuardrailChecker checker = compile_guardrails(pack.guardrails, &scenario(pack, "flight-delay").guardrails);
    for (const std::string text : {"", "   ", "谢谢您的耐心，我马上帮您改签。", "Let me get the right team for you.",
                                   "航班号 CA1234，新的时间是 20:30", "尾号 7890 的卡", "6222 0212 3450 7891",
                                   "11010519491231002Y"}) {
        INFO(text);
        const GuardrailReport r = checker.check(text);
        INFO(describe(r));
        CHECK(r.clean());
    }
    // A checker without rules flags nothing.
    CHECK(GuardrailChecker().check("这不归我们管 6222 0212 3450 7890").clean());
    CHECK(GuardrailChecker().rule_count() == 0);
}

TEST_CASE("guardrails: word start for ASCII phrases, overlapping repeats, e-mail and digit runs", "[guardrail]") {
    const Guardrails g = rules_in_code();
    const GuardrailChecker checker = compile_guardrails(g);
    CHECK(checker.problems().empty());

    CHECK(find_hit(checker.check("Your bill is ready"), "ill") == nullptr);   // inside a word
    CHECK(find_hit(checker.check("I feel ill today"), "ill") != nullptr);
    CHECK(find_hit(checker.check("病了ill"), "ill") != nullptr);              // after CJK: a word start

    // "哈哈" in "哈哈哈哈": two hits, not three overlapping ones.
    const GuardrailReport rep = checker.check("哈哈哈哈");
    REQUIRE(rep.hits.size() == 2);
    CHECK(rep.hits[0].begin == 0);
    CHECK(rep.hits[1].begin == 6);

    const std::string text = "write to zhang.san@example.com, code 123456, pin 4321, order 12345678";
    const GuardrailReport r = checker.check(text);
    INFO(describe(r));
    check_offsets(text, r);
    std::vector<std::string> matched;
    for (const GuardrailMatch& m : r.hits) matched.push_back(m.rule_id + ":" + m.matched);
    CHECK(matched == std::vector<std::string>{"email:zhang.san@example.com", "codes:123456", "codes:4321"});
    CHECK(r.hits[1].pattern == "digits:6");
    CHECK(r.hits[2].pattern == "digits:4");
}

TEST_CASE("guardrails: masking never-disclose data", "[guardrail][mask]") {
    const Pack airline = load_pack("airline-hotline.json");
    const Pack sample = load_pack("sample-mini.json");
    const GuardrailChecker a = compile_guardrails(airline.guardrails);
    const GuardrailChecker s = compile_guardrails(sample.guardrails);
    const GuardrailChecker c = compile_guardrails(rules_in_code());
    struct Row {
        const GuardrailChecker* checker;
        std::string in;
        std::string out;
        int spans;
    };
    const std::vector<Row> rows = {
        {&a, "card 6222 0212 3450 7890", "card 6222 ●●●● ●●●● 7890", 1},
        {&a, "卡号6222021234507890。", "卡号6222●●●●●●●●7890。", 1},
        {&a, "卡号６２２２ ０２１２ ３４５０ ７８９０", "卡号６２２２ ●●●● ●●●● ７８９０", 1},
        {&a, "手机 13800138000", "手机 138●●●●8000", 1},
        {&a, "手机 +86 13800138000", "手机 +86 138●●●●8000", 1},
        {&a, "验证码是 482913", "验证码是 ●●●●●●", 1},
        {&a, "身份证 11010519491231002X", "身份证 110●●●●●●●●●●●002X", 1},
        {&a, "Ask CrewLink for the crew roster", "Ask ●●●●●●●● for the ●●●● ●●●●●●", 2},
        {&a, "偏离授权码是DEV-AUTH", "●●●●●是●●●●●●●●", 2},
        {&s, "OpsDesk 说这不归我们管", "●●●●●●● 说这不归我们管", 1},  // prohibited wording is not masked
        {&c, "mail zhang.san@example.com", "mail z●●●●●●●●@example.com", 1},
        {&a, "nothing to hide 航班 CA1234", "nothing to hide 航班 CA1234", 0},
        {&a, "", "", 0},
    };
    for (const Row& row : rows) {
        INFO(row.in);
        const MaskResult m = row.checker->mask(row.in);
        CHECK(m.text == row.out);
        CHECK(m.masked_spans == row.spans);
        CHECK_FALSE(m.truncated);
        // A masked text has nothing left to mask.
        CHECK(row.checker->mask(m.text).masked_spans == 0);
    }
}

TEST_CASE("guardrails: the demo packs compile cleanly and catch their own examples", "[guardrail][packs]") {
    for (const std::string file : {"airline-hotline.json", "credit-card-bank.json", "online-travel.json",
                                   "ride-hailing.json", "sample-mini.json"}) {
        INFO(file);
        const Pack pack = load_pack(file);
        for (const Scenario& sc : pack.scenarios) {
            const GuardrailChecker checker = compile_guardrails(pack.guardrails, &sc.guardrails);
            CHECK(checker.problems().empty());
            CHECK(checker.rule_count() ==
                  pack.guardrails.prohibited.size() + pack.guardrails.never_disclose.size() +
                      sc.guardrails.prohibited.size() + sc.guardrails.never_disclose.size());
            // Every prohibited phrase is caught in both languages, upper-cased, inside a sentence.
            for (const Guardrails* g : {&pack.guardrails, &sc.guardrails})
                for (const ProhibitedPhrase& p : g->prohibited)
                    for (const std::string& phrase : {p.phrase.zh, p.phrase.en}) {
                        if (phrase.empty()) continue;
                        std::string upper = phrase;
                        for (char& ch : upper)
                            if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
                        const std::string text = "嗯，" + upper + "。";
                        INFO(text);
                        const GuardrailReport r = checker.check(text);
                        const GuardrailMatch* m = find_hit(r, p.id);
                        REQUIRE(m != nullptr);
                        CHECK(m->matched == upper);
                        CHECK(m->begin == std::string("嗯，").size());
                    }
            // The script lines themselves pass (validation forbids these phrases in scripts), apart
            // from never-disclose patterns that a year or a price can look like.
            for (const Step& st : sc.script.steps) {
                const GuardrailReport r = checker.check(st.text.standard.zh + " " + st.text.standard.en);
                for (const GuardrailMatch& m : r.hits) {
                    INFO(sc.id << "/" << st.id << ": " << m.rule_id << " " << m.matched);
                    CHECK(m.kind == GuardrailKind::NeverDisclosePattern);
                }
            }
        }
    }
}

TEST_CASE("guardrails: one rule flags one place once; other rules on the same words still count", "[guardrail]") {
    Guardrails g;
    NeverDisclose sys;
    sys.id = "systems";
    sys.kind = DisclosureKind::Phrase;
    sys.patterns = {"Ops", "OpsDesk", "opsdesk"};
    g.never_disclose.push_back(sys);
    NeverDisclose desk;
    desk.id = "desk";
    desk.kind = DisclosureKind::Pattern;
    desk.patterns = {"text:opsdesk"};
    g.never_disclose.push_back(desk);
    const GuardrailChecker checker = compile_guardrails(g);
    CHECK(checker.phrase_count() == 3);  // "OpsDesk" and "opsdesk" are one entry
    const GuardrailReport r = checker.check("OpsDesk, then Ops again");
    std::vector<std::string> got;
    for (const GuardrailMatch& m : r.hits) got.push_back(m.rule_id + ":" + m.matched);
    CHECK(got == std::vector<std::string>{"systems:OpsDesk", "desk:OpsDesk", "systems:Ops"});
}

TEST_CASE("guardrails: bad rules are reported, the rest still works", "[guardrail][bad]") {
    Guardrails g;
    g.prohibited.push_back({"empty", {"", "  "}, {}, {}});
    NeverDisclose bad;
    bad.id = "bad";
    bad.kind = DisclosureKind::Pattern;
    bad.patterns = {"cardnumber", "digits:0", "card_number"};
    g.never_disclose.push_back(bad);
    NeverDisclose none;
    none.id = "none";
    none.kind = DisclosureKind::Phrase;
    g.never_disclose.push_back(none);
    const GuardrailChecker checker = compile_guardrails({&g, nullptr});
    std::vector<std::string> ids;
    for (const GuardrailProblem& p : checker.problems()) ids.push_back(p.rule_id);
    CHECK(ids == std::vector<std::string>{"empty", "bad", "bad", "none"});
    CHECK(checker.problems()[1].message.find("cardnumber") != std::string::npos);
    const GuardrailReport r = checker.check("4111 1111 1111 1111");
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].rule_id == "bad");
}

TEST_CASE("guardrails: ill-formed UTF-8, huge and repetitive input", "[guardrail][bad]") {
    const Pack pack = load_pack("sample-mini.json");
    const GuardrailChecker checker = compile_guardrails(pack.guardrails);

    SECTION("ill-formed bytes around a hit") {
        const std::string text = "\xff\xfe这不归我们管\xc3 4111 1111 1111 1111\xe4\xb8";
        const GuardrailReport r = checker.check(text);
        INFO(describe(r));
        REQUIRE(r.hits.size() == 2);
        CHECK(r.hits[0].matched == "这不归我们管");
        CHECK(r.hits[0].begin == 2);
        CHECK(r.hits[1].matched == "4111 1111 1111 1111");
        check_offsets(text, r);
        CHECK(checker.mask(text).text == "\xff\xfe这不归我们管\xc3 4111 ●●●● ●●●● 1111\xe4\xb8");
    }

    SECTION("a 1 MB paste is checked up to the bound, quickly") {
        std::string text = "卡号 4111 1111 1111 1111，";
        while (text.size() < 1024 * 1024) text += "这是一段很长的粘贴内容 with some English 12345 ";
        text += "这不归我们管";  // beyond the bound: not checked
        const auto t0 = std::chrono::steady_clock::now();
        const GuardrailReport r = checker.check(text);
        const MaskResult m = checker.mask(text);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        CHECK(r.truncated);
        CHECK_FALSE(r.clean());
        CHECK(r.checked_bytes <= kGuardrailMaxScanBytes);
        CHECK(r.checked_bytes + 3 > kGuardrailMaxScanBytes);  // cut at a code point, not earlier
        REQUIRE(r.hits.size() == 1);
        CHECK(r.hits[0].rule_id == "full-card");
        CHECK(find_hit(r, "not-our-problem") == nullptr);
        CHECK(m.truncated);
        CHECK(m.masked_spans == 1);
        CHECK(m.text.size() == text.size() + 2 * 8);  // 8 digits became 3-byte dots
        CHECK(m.text.compare(m.text.size() - 18, 18, "这不归我们管") == 0);  // the rest kept as given
        CHECK(ms < 1000);  // generous: a hang or a quadratic scan would take far longer
    }

    SECTION("a flood of hits is capped") {
        std::string text;
        while (text.size() < 60000) text += "OpsDesk ";
        const GuardrailReport r = checker.check(text);
        CHECK(r.hits_capped);
        CHECK(r.hits.size() == kGuardrailMaxHits);
        CHECK_FALSE(r.truncated);
    }

    SECTION("the bound never splits a character") {
        std::string text(kGuardrailMaxScanBytes - 1, 'a');
        text += "这不归我们管";
        const GuardrailReport r = checker.check(text);
        CHECK(r.truncated);
        CHECK(r.checked_bytes == kGuardrailMaxScanBytes - 1);
        CHECK(r.hits.empty());
    }
}

TEST_CASE("guardrails: 1,000 rules compile into one automaton", "[guardrail]") {
    Guardrails g;
    for (int i = 0; i < 1000; ++i) {
        const std::string n = std::to_string(i);
        if (i % 2 == 0) {
            g.prohibited.push_back({"p" + n, {"禁忌语" + n + "号", "taboo phrase " + n}, {"why", "why"}, {"说", "say"}});
        } else {
            NeverDisclose nd;
            nd.id = "n" + n;
            nd.kind = i % 3 == 0 ? DisclosureKind::Pattern : DisclosureKind::Phrase;
            nd.patterns = i % 3 == 0 ? std::vector<std::string>{"digits:" + std::to_string(i % 64 + 1)}
                                     : std::vector<std::string>{"system-" + n};
            g.never_disclose.push_back(nd);
        }
    }
    const GuardrailChecker checker = compile_guardrails(g);
    CHECK(checker.problems().empty());
    CHECK(checker.rule_count() == 1000);
    const GuardrailReport r = checker.check("请别说禁忌语998号，也别提 SYSTEM-7 和 system-71");
    std::vector<std::string> ids;
    for (const GuardrailMatch& m : r.hits) ids.push_back(m.rule_id + ":" + m.matched);
    // The end of a phrase is free (a name with a suffix still leaks the name), so "system-7" also
    // fires inside "system-71", after the longer hit at the same place. Then the five digits:2 rules
    // (n129, n321, n513, n705, n897) on "71", in rule order.
    CHECK(ids == std::vector<std::string>{"p998:禁忌语998号", "n7:SYSTEM-7", "n71:system-71", "n7:system-7",
                                          "n129:71", "n321:71", "n513:71", "n705:71", "n897:71"});
}
