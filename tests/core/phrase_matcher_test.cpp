// phrase_matcher_test.cpp — the shared Aho–Corasick matcher (core/phrase_matcher.h): every
// occurrence, overlapping and nested, in text order; multi-byte UTF-8; empty patterns; early stop.
#include <catch2/catch.hpp>

#include <utility>
#include <vector>

#include "core/phrase_matcher.h"

using namespace cw;

TEST_CASE("phrase matcher: every occurrence, overlapping and nested, in text order") {
    PhraseMatcher m;
    m.build({"he", "she", "his", "hers", "", "投诉", "我要投诉"});
    std::vector<std::pair<uint32_t, size_t>> got;
    m.scan("ushers 我要投诉", [&](uint32_t p, size_t end) { got.push_back({p, end}); return true; });
    // "she" and "he" end at 4, "hers" at 6; "我要投诉" and "投诉" end at the last byte.
    const size_t last = std::string("ushers 我要投诉").size();
    REQUIRE(got.size() == 5);
    CHECK(got[0].second == 4);
    CHECK(got[1].second == 4);
    CHECK(((got[0].first == 1 && got[1].first == 0) || (got[0].first == 0 && got[1].first == 1)));
    CHECK(got[2] == std::make_pair(3u, size_t{6}));
    CHECK(got[3].second == last);
    CHECK(got[4].second == last);
    CHECK(m.state_count() > 1);
}

TEST_CASE("phrase matcher: empty sets, empty texts and stopping early") {
    PhraseMatcher none;
    none.build({});
    int n = 0;
    none.scan("anything", [&](uint32_t, size_t) { ++n; return true; });
    CHECK(n == 0);
    CHECK(none.empty());

    PhraseMatcher m;
    m.build({"a"});
    m.scan("", [&](uint32_t, size_t) { ++n; return true; });
    CHECK(n == 0);
    m.scan("aaaa", [&](uint32_t, size_t) { return ++n < 2; });
    CHECK(n == 2);
}
