// persona_match_test.cpp — persona suggestion from caller facts (core/persona_match.h): each
// kind of evidence with its reason text in both languages, evidence against, ranking, the
// limits of fuzzy matching (common words do not count), and bad input. Uses the demo packs.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/pack.h"
#include "core/persona_match.h"
#include "core/utf8.h"
#include "pack_test_support.h"

using namespace cw;

namespace {

Pack load_demo(const std::string& name) {
    const PackLoadResult r = load_pack_json(cw_test::read_text_file(std::string(CALLWISE_ASSETS_DIR) + "/packs/" + name + ".json"));
    INFO(name << ": " << r.error);
    REQUIRE(r.ok);
    return r.pack;
}

const PersonaMatch* find(const std::vector<PersonaMatch>& ms, const std::string& id) {
    for (const PersonaMatch& m : ms)
        if (m.persona->id == id) return &m;
    return nullptr;
}

const PersonaReason* reason(const PersonaMatch& m, PersonaReasonKind kind) {
    for (const PersonaReason& r : m.reasons)
        if (r.kind == kind) return &r;
    return nullptr;
}

double sum(const PersonaMatch& m) {
    double s = 0;
    for (const PersonaReason& r : m.reasons) s += r.weight;
    return s;
}

}  // namespace

TEST_CASE("persona match: a birth year within a range, with its reason in both languages") {
    const Pack pack = load_demo("online-travel");
    CallerFacts f;
    f.birth_year = 1998;
    const auto ms = match_personas(pack, f);
    REQUIRE(!ms.empty());
    CHECK(ms[0].persona->id == "gen_z");
    const PersonaReason* r = reason(ms[0], PersonaReasonKind::BirthYear);
    REQUIRE(r);
    CHECK(r->weight == kPersonaBornWithin);
    CHECK(r->matched == "1998");
    CHECK(r->text.en == "born 1998: within Generation Z free-and-easy traveller 1995–2009");
    CHECK(r->text.zh == "1998 年出生：在“Z世代自由行玩家”的 1995–2009 区间内");
    // business_traveller is 1970–1995: three years off, so evidence against, and not listed.
    CHECK(find(ms, "business_traveller") == nullptr);
    CHECK(find(ms, "elderly_group") == nullptr);
}

TEST_CASE("persona match: an age needs the current year, and counts as two possible birth years") {
    const Pack pack = load_demo("online-travel");
    CallerFacts f;
    f.age = 70;
    CHECK(match_personas(pack, f).empty());  // no current year: an age says nothing
    f.current_year = 2025;
    const auto ms = match_personas(pack, f);
    REQUIRE(!ms.empty());
    CHECK(ms[0].persona->id == "elderly_group");
    const PersonaReason* r = reason(ms[0], PersonaReasonKind::BirthYear);
    REQUIRE(r);
    CHECK(r->text.en == "age 70 (born 1954–1955): within Elderly people travelling together 1945–1965");

    // Age 27 in 2025: born 1997 or 1998 — within gen_z, two years off business_traveller (to 1995): near.
    f.age = 27;
    const auto near = match_personas(pack, f);
    const PersonaMatch* biz = find(near, "business_traveller");
    REQUIRE(biz);
    CHECK(reason(*biz, PersonaReasonKind::BirthYear)->weight == kPersonaBornNear);
    CHECK(reason(*biz, PersonaReasonKind::BirthYear)->text.en.find("close to") != std::string::npos);
    CHECK(near[0].persona->id == "gen_z");
}

TEST_CASE("persona match: what the caller said — a tag's words, in Chinese and English") {
    const Pack pack = load_demo("online-travel");
    CallerFacts f;
    f.text = "我们群里的老姐妹都在问，下周去桂林要带什么衣服";
    auto ms = match_personas(pack, f);
    const PersonaMatch* el = find(ms, "elderly_group");
    REQUIRE(el);
    const PersonaReason* r = reason(*el, PersonaReasonKind::Tag);
    REQUIRE(r);
    CHECK(r->matched == "群里");
    CHECK(r->text.en == "said '群里' (Ask in the group chat): Elderly people travelling together");
    CHECK(r->text.zh.find("群里提问") != std::string::npos);

    f.text = "Hi, I'm asking for everyone in our group chat";
    ms = match_personas(pack, f);
    el = find(ms, "elderly_group");
    REQUIRE(el);
    REQUIRE(reason(*el, PersonaReasonKind::Tag));
    CHECK(reason(*el, PersonaReasonKind::Tag)->matched == "group chat");
}

TEST_CASE("persona match: common words and short overlaps are not evidence") {
    const Pack pack = load_demo("online-travel");
    CallerFacts f;
    // "需要" is in the tag "需要人情味" but says nothing about who is calling; "时间" is in
    // "时间就是钱"; "chat" alone (4 letters) is too little of "Ask in the group chat".
    f.text = "我需要知道退款要多长时间，我在chat里问过";
    for (const PersonaMatch& m : match_personas(pack, f)) {
        INFO(m.persona->id);
        CHECK(reason(m, PersonaReasonKind::Tag) == nullptr);
    }
}

TEST_CASE("persona match: dialects named or heard") {
    const Pack pack = load_demo("online-travel");
    CallerFacts f;
    f.text = "唔该，我想问下航班系咪改咗时间";
    auto ms = match_personas(pack, f);
    REQUIRE(!ms.empty());
    CHECK(ms[0].persona->id == "elderly_group");
    const PersonaReason* r = reason(ms[0], PersonaReasonKind::Dialect);
    REQUIRE(r);
    CHECK(r->weight == kPersonaDialect);
    CHECK(r->matched == "唔该");
    CHECK(r->text.en == "said '唔该' (a Cantonese word): Elderly people travelling together often speak Cantonese");

    f.text = "can someone who speaks Cantonese call my mum";
    ms = match_personas(pack, f);
    REQUIRE(!ms.empty());
    REQUIRE(reason(ms[0], PersonaReasonKind::Dialect));
    CHECK(reason(ms[0], PersonaReasonKind::Dialect)->matched == "cantonese");

    f.text = "咋整啊，东西落车上了";  // Northeastern words
    ms = match_personas(pack, f);
    REQUIRE(find(ms, "elderly_group"));
    CHECK(reason(*find(ms, "elderly_group"), PersonaReasonKind::Dialect)->matched == "咋整");
}

TEST_CASE("persona match: typical phrases of linked scenarios are shared among their personas") {
    const Pack pack = load_demo("sample-mini");
    CallerFacts f;
    f.text = "航班延误了，快帮我看看";
    const auto ms = match_personas(pack, f);
    // flight-delay is linked to both personas: 1.5 / 2 each.
    REQUIRE(ms.size() == 2);
    for (const PersonaMatch& m : ms) {
        const PersonaReason* r = reason(m, PersonaReasonKind::TypicalPhrase);
        REQUIRE(r);
        CHECK(r->weight == Approx(kPersonaTypicalPhrase / 2));
        CHECK(r->text.en.find("'Flight delayed'") != std::string::npos);
    }
    CHECK(ms[0].persona->id == "gen_z");  // a tie keeps the pack's order
}

TEST_CASE("persona match: tags picked by the agent and the channel, negation respected") {
    const Pack pack = load_demo("ride-hailing");
    CallerFacts f;
    f.tags = {"Convenience"};
    auto ms = match_personas(pack, f);
    REQUIRE(!ms.empty());
    CHECK(ms[0].persona->id == "gen_z");
    CHECK(reason(ms[0], PersonaReasonKind::Tag)->weight == kPersonaTagPicked);

    // Gen Z "不想打电话" / "without a phone call": mentioned, but negated — not phone evidence.
    f = CallerFacts{};
    f.channel = "phone";
    ms = match_personas(pack, f);
    CHECK(find(ms, "gen_z") == nullptr);
    const PersonaMatch* el = find(ms, "elderly_together");  // "often booking by phone"
    REQUIRE(el);
    CHECK(reason(*el, PersonaReasonKind::Channel)->weight == kPersonaChannel);
}

TEST_CASE("persona match: evidence against can outweigh evidence for; scores are the sum of reasons") {
    const Pack pack = load_demo("online-travel");
    CallerFacts f;
    f.text = "我们群里都在问";
    f.birth_year = 1998;  // a young person relaying the group's question
    const auto ms = match_personas(pack, f, 10);
    CHECK(find(ms, "elderly_group") == nullptr);  // +1.5 tag, -3 birth year
    for (const PersonaMatch& m : ms) {
        CHECK(m.score == Approx(sum(m)));
        CHECK(m.score > 0);
        for (size_t i = 1; i < m.reasons.size(); ++i) CHECK(m.reasons[i - 1].weight >= m.reasons[i].weight);
    }
    for (size_t i = 1; i < ms.size(); ++i) CHECK(ms[i - 1].score >= ms[i].score);
}

TEST_CASE("persona match: every demo persona with a birth range is found from a year inside it") {
    for (const char* name : {"airline-hotline", "credit-card-bank", "online-travel", "ride-hailing", "sample-mini"}) {
        const Pack pack = load_demo(name);
        for (const Persona& p : pack.personas) {
            if (p.birth_year_from == 0 || p.birth_year_to == 0) continue;
            CallerFacts f;
            f.birth_year = (p.birth_year_from + p.birth_year_to) / 2;
            const auto ms = match_personas(pack, f, 20);
            INFO(name << " " << p.id);
            const PersonaMatch* m = find(ms, p.id);
            REQUIRE(m);
            CHECK(!reason(*m, PersonaReasonKind::BirthYear)->text.zh.empty());
            CHECK(!reason(*m, PersonaReasonKind::BirthYear)->text.en.empty());
        }
    }
}

TEST_CASE("persona match: no facts, bad input and limits") {
    const Pack pack = load_demo("online-travel");
    CHECK(match_personas(pack, CallerFacts{}).empty());
    CallerFacts f;
    f.birth_year = 1998;
    f.text = std::string(300000, 'x') + "群里";  // beyond the scan limit: the tail is not read
    f.text += "\xff\xfe";                        // ill-formed UTF-8
    const auto ms = match_personas(pack, f, 1);
    REQUIRE(ms.size() == 1);
    CHECK(ms[0].persona->id == "gen_z");
    for (const PersonaReason& r : ms[0].reasons) {
        CHECK(is_valid_utf8(r.text.zh));
        CHECK(is_valid_utf8(r.text.en));
    }
    f.birth_year = 3000;  // nonsense year: ignored
    f.text.clear();
    CHECK(match_personas(pack, f).empty());
    CHECK(match_personas(pack, CallerFacts{0, 0, 0, "", "群里", {}}, 0).empty());
}
