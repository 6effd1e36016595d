// i18n_test.cpp — the UI translation table is complete in both languages.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "core/i18n.h"
#include "core/utf8.h"

using namespace cw;

TEST_CASE("Every UI string exists in English and Chinese, once, as valid UTF-8") {
    size_t n = 0;
    const I18nEntry* t = i18n_table(&n);
    REQUIRE(n > 20);
    std::set<std::string> keys;
    for (size_t i = 0; i < n; ++i) {
        INFO(t[i].key);
        CHECK(keys.insert(t[i].key).second);
        CHECK(std::string(t[i].en).size() > 0);
        CHECK(std::string(t[i].zh).size() > 0);
        CHECK(is_valid_utf8(t[i].en));
        CHECK(is_valid_utf8(t[i].zh));
    }
}

TEST_CASE("Lookups follow the language and show unknown keys as themselves") {
    CHECK(std::string(tr(Lang::En, "menu.settings")) == "Settings");
    CHECK(std::string(tr(Lang::Zh, "menu.settings")) == "设置");
    CHECK(std::string(tr(Lang::Zh, "no.such.key")) == "no.such.key");
}
