// scenario_search_test.cpp — finding a scenario as you type (core/scenario_search.h): Chinese,
// English, full-width and mixed queries on the sample pack, the ranking tiers, offsets for
// highlighting, every demo scenario findable by its title and phrases, typing prefix by prefix,
// and bad queries.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/pack.h"
#include "core/scenario_search.h"
#include "pack_test_support.h"

using namespace cw;

namespace {

Pack load_pack(const std::string& file) {
    PackLoadResult r = load_pack_json(cw_test::read_text_file(std::string(CALLWISE_ASSETS_DIR) + "/packs/" + file));
    INFO(file << ": " << r.error);
    REQUIRE(r.ok);
    return r.pack;
}

std::vector<std::string> ids(const std::vector<ScenarioSearchResult>& rs) {
    std::vector<std::string> out;
    for (const ScenarioSearchResult& r : rs) out.push_back(r.scenario->id);
    return out;
}

const std::string& field_text(const ScenarioSearchResult& r, const SearchFieldHit& h) {
    const Scenario& s = *r.scenario;
    const LocalizedText* t = nullptr;
    switch (h.field) {
        case SearchField::Title: t = &s.title; break;
        case SearchField::Situation: t = &s.situation; break;
        case SearchField::TypicalPhrase: t = &s.typical_phrases.at(static_cast<size_t>(h.item)); break;
        case SearchField::Reason: t = &s.reasons.at(static_cast<size_t>(h.item)); break;
        case SearchField::Concern: t = &s.concerns.at(static_cast<size_t>(h.item)); break;
    }
    return h.lang == Lang::Zh ? t->zh : t->en;
}

Scenario scenario_with(const std::string& id, SearchField where, const std::string& words) {
    Scenario s;
    s.id = id;
    s.title = {"场景" + id, "Scenario " + id};
    const LocalizedText t{"", "filler " + words + " filler"};
    switch (where) {
        case SearchField::Title: s.title.en = words + " " + id; break;
        case SearchField::TypicalPhrase: s.typical_phrases.push_back(t); break;
        case SearchField::Situation: s.situation = t; break;
        case SearchField::Reason: s.reasons.push_back(t); break;
        case SearchField::Concern: s.concerns.push_back(t); break;
    }
    return s;
}

}  // namespace

TEST_CASE("scenario search: Chinese, English and full-width queries on the sample pack", "[search]") {
    const Pack pack = load_pack("sample-mini.json");
    const ScenarioIndex index = build_scenario_index({&pack});
    CHECK(index.scenario_count() == 2);

    struct Row {
        std::string query;
        std::vector<std::string> expected;  // ids, best first
        SearchField best_field;             // of the first result
        Lang lang;                          // of the first result's first hit
        std::string hit_text;               // as written in the pack
    };
    const std::vector<Row> rows = {
        {"航班延误", {"flight-delay"}, SearchField::Title, Lang::Zh, "航班延误"},
        {"延误", {"flight-delay"}, SearchField::Title, Lang::Zh, "延误"},
        {"延", {"flight-delay"}, SearchField::Title, Lang::Zh, "延"},
        {"航班 延误", {"flight-delay"}, SearchField::Title, Lang::Zh, "航班延误"},  // spaces between CJK dropped
        {"delayed", {"flight-delay"}, SearchField::Title, Lang::En, "delayed"},
        {"FLIGHT DELAYED", {"flight-delay"}, SearchField::Title, Lang::En, "Flight"},
        {"ｆｌｉｇｈｔ", {"flight-delay", "missing-flight"}, SearchField::Title, Lang::En, "Flight"},
        {"ＣＨＥＣＫ－ＩＮ", {"missing-flight"}, SearchField::TypicalPhrase, Lang::En, "check-in"},
        {"赶不上", {"missing-flight"}, SearchField::TypicalPhrase, Lang::Zh, "赶不上"},
        {"退票", {"flight-delay"}, SearchField::TypicalPhrase, Lang::Zh, "退票"},
        {"堵在路上", {"missing-flight"}, SearchField::Situation, Lang::Zh, "堵在路上"},
        {"新的起飞时间", {"flight-delay"}, SearchField::Reason, Lang::Zh, "新的起飞时间"},
        {"转机", {"flight-delay"}, SearchField::Concern, Lang::Zh, "转机"},
        {"connection", {"flight-delay"}, SearchField::Concern, Lang::En, "connection"},
        {"refund", {"flight-delay"}, SearchField::TypicalPhrase, Lang::En, "refund"},
        {"delay refund", {"flight-delay"}, SearchField::Title, Lang::En, "delay"},
        {"航班延误 refund", {"flight-delay"}, SearchField::Title, Lang::Zh, "航班延误"},
        {"  Traffic  ", {"missing-flight"}, SearchField::Situation, Lang::En, "traffic"},
    };
    for (const Row& row : rows) {
        INFO("query: " << row.query);
        const auto rs = index.search(row.query);
        CHECK(ids(rs) == row.expected);
        if (rs.empty()) continue;
        CHECK(rs[0].best_field == row.best_field);
        REQUIRE_FALSE(rs[0].hits.empty());
        const SearchFieldHit& h = rs[0].hits[0];
        CHECK(h.lang == row.lang);
        const std::string& text = field_text(rs[0], h);
        REQUIRE(h.end <= text.size());
        CHECK(text.substr(h.begin, h.end - h.begin) == row.hit_text);
        CHECK(rs[0].pack == &pack);
        CHECK(rs[0].scenario == &pack.scenarios[rs[0].scenario_index]);
    }

    // Every term must match somewhere in the scenario.
    for (const std::string q : {"delay traffic", "火车票", "xyz", "", "   ", "延误 xyz"}) {
        INFO(q);
        CHECK(index.search(q).empty());
    }
}

TEST_CASE("scenario search: ranking tiers, in-tier bonuses and the phrase bonus", "[search]") {
    Pack pack;
    pack.meta.id = "tiers";
    pack.scenarios = {scenario_with("concern", SearchField::Concern, "overbooked"),
                      scenario_with("reason", SearchField::Reason, "overbooked"),
                      scenario_with("situation", SearchField::Situation, "overbooked"),
                      scenario_with("phrase", SearchField::TypicalPhrase, "overbooked"),
                      scenario_with("title", SearchField::Title, "overbooked")};
    const ScenarioIndex index = build_scenario_index({&pack});
    const auto rs = index.search("overbooked");
    CHECK(ids(rs) == std::vector<std::string>{"title", "phrase", "situation", "reason", "concern"});
    for (size_t i = 1; i < rs.size(); ++i) CHECK(rs[i - 1].score > rs[i].score);

    // Same tier: a hit at the start of the field, then the whole field, rank higher.
    Pack same;
    same.meta.id = "same";
    for (const char* t : {"xx refund xx", "refund please", "refund"}) {
        Scenario s;
        s.id = t;
        s.title = {"", t};
        same.scenarios.push_back(s);
    }
    CHECK(ids(build_scenario_index({&same}).search("refund")) ==
          std::vector<std::string>{"refund", "refund please", "xx refund xx"});

    // Typing a typical phrase word for word puts its scenario first, even against a title hit.
    Pack phrase;
    phrase.meta.id = "phrase";
    Scenario a;
    a.id = "title-words";
    a.title = {"", "Card blocked"};
    a.typical_phrases = {{"", "my card is not working"}};
    Scenario b;
    b.id = "phrase-words";
    b.title = {"", "Payment declined abroad"};
    b.typical_phrases = {{"", "my card got blocked abroad"}};
    phrase.scenarios = {a, b};
    const ScenarioIndex pi = build_scenario_index({&phrase});
    CHECK(ids(pi.search("card blocked")) == std::vector<std::string>{"title-words", "phrase-words"});
    CHECK(ids(pi.search("card got blocked")) == std::vector<std::string>{"phrase-words"});
    CHECK(ids(pi.search("my card")) == std::vector<std::string>{"title-words", "phrase-words"});
    CHECK(pi.search("my card got")[0].scenario->id == "phrase-words");

    // The phrase bonus decides: both words in a title, apart, lose to the words as typed in a
    // customer phrase.
    Pack apart;
    apart.meta.id = "apart";
    Scenario x;
    x.id = "words-apart";
    x.title = {"", "Card payment blocked"};
    Scenario y;
    y.id = "as-typed";
    y.title = {"", "Travelling abroad"};
    y.typical_phrases = {{"", "my card blocked abroad"}};
    apart.scenarios = {x, y};
    const auto rs2 = build_scenario_index({&apart}).search("Card Blocked");
    CHECK(ids(rs2) == std::vector<std::string>{"as-typed", "words-apart"});
    REQUIRE(rs2.size() == 2);
    CHECK(rs2[0].best_field == SearchField::TypicalPhrase);
    CHECK(rs2[1].best_field == SearchField::Title);
}

TEST_CASE("scenario search: every demo scenario is found by its titles and phrases", "[search][packs]") {
    std::vector<Pack> packs;
    for (const std::string file : {"airline-hotline.json", "credit-card-bank.json", "online-travel.json",
                                   "ride-hailing.json", "sample-mini.json"})
        packs.push_back(load_pack(file));
    std::vector<const Pack*> ptrs;
    for (const Pack& p : packs) ptrs.push_back(&p);
    ptrs.insert(ptrs.begin() + 2, nullptr);  // a null entry is skipped, its position still counts
    const ScenarioIndex index = build_scenario_index(ptrs);
    size_t total = 0;
    for (const Pack& p : packs) total += p.scenarios.size();
    CHECK(index.scenario_count() == total);

    for (size_t pi = 0; pi < ptrs.size(); ++pi) {
        if (!ptrs[pi]) continue;
        const Pack& p = *ptrs[pi];
        for (size_t si = 0; si < p.scenarios.size(); ++si) {
            const Scenario& s = p.scenarios[si];
            for (const std::string& title : {s.title.zh, s.title.en}) {
                if (title.empty()) continue;
                INFO(p.meta.id << "/" << s.id << " title: " << title);
                const auto rs = index.search(title);
                REQUIRE_FALSE(rs.empty());
                CHECK(rs[0].scenario == &s);
                CHECK(rs[0].pack_index == pi);
                CHECK(rs[0].scenario_index == si);
                CHECK(rs[0].best_field == SearchField::Title);
            }
            for (const LocalizedText& phrase : s.typical_phrases)
                for (const std::string& text : {phrase.zh, phrase.en}) {
                    if (text.empty()) continue;
                    INFO(p.meta.id << "/" << s.id << " phrase: " << text);
                    bool found = false;
                    for (const ScenarioSearchResult& r : index.search(text, 50)) found = found || r.scenario == &s;
                    CHECK(found);
                }
        }
    }
}

TEST_CASE("scenario search: results as you type", "[search]") {
    const Pack airline = load_pack("airline-hotline.json");
    const Pack sample = load_pack("sample-mini.json");
    const ScenarioIndex index = build_scenario_index({&airline, &sample});
    for (const std::string word : {"航班延误", "missed connection", "ＣＡＡＣ", "complain to"}) {
        // Each keystroke: a prefix of the word, cut at character boundaries.
        size_t previous = SIZE_MAX;
        for (size_t n = 1; n <= word.size(); ++n) {
            if (n < word.size() && (static_cast<unsigned char>(word[n]) & 0xC0) == 0x80) continue;
            const std::string prefix = word.substr(0, n);
            INFO("typed: " << prefix);
            const size_t count = index.search(prefix, 1000).size();
            // A longer single term can only narrow the results (a space starts a new term, which
            // narrows too).
            CHECK(count <= previous);
            previous = count;
        }
        CHECK(previous >= 1);
    }
}

TEST_CASE("scenario search: bad queries and limits", "[search][bad]") {
    const Pack pack = load_pack("sample-mini.json");
    const ScenarioIndex index = build_scenario_index({&pack});

    CHECK(index.search("延误", 0).empty());
    CHECK(index.search("flight", 1).size() == 1);
    CHECK(ScenarioIndex().search("延误").empty());
    CHECK(build_scenario_index({}).search("延误").empty());
    CHECK(build_scenario_index({nullptr}).scenario_count() == 0);

    // Ill-formed UTF-8 and emoji: no crash; a bad byte separates terms, so the valid part matches.
    CHECK(ids(index.search("\xff延误\xc3")) == std::vector<std::string>{"flight-delay"});
    CHECK(index.search("😀").empty());
    CHECK(index.search(std::string("\0\0", 2)).empty());

    // A pasted paragraph: only the first kSearchMaxQueryBytes bytes and kSearchMaxTerms terms count.
    std::string huge;
    while (huge.size() < 1024 * 1024) huge += "delayed flight ";
    CHECK(ids(index.search(huge)) == std::vector<std::string>{"flight-delay"});
    std::string many = "flight";
    for (int i = 0; i < 20; ++i) many += " flight";
    CHECK(index.search(many).size() == 2);
    CHECK(index.search("a b c d e f g h xyz").size() == index.search("a b c d e f g h").size());  // 9th term ignored

    // The hits name each term once, in query order.
    const auto rs = index.search("refund 延误");
    REQUIRE(rs.size() == 1);
    REQUIRE(rs[0].hits.size() == 2);
    CHECK(rs[0].hits[0].term == "refund");
    CHECK(rs[0].hits[1].term == "延误");
    CHECK(std::string(to_string(rs[0].hits[0].field)) == "typical_phrase");
    CHECK(index.memory_bytes() > 0);
    CHECK(index.field_count() > index.scenario_count());
}
