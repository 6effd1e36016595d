// json_guard_test.cpp — hostile and broken JSON is refused with a message and a position,
// never a crash; ordinary JSON passes.
#include <catch2/catch.hpp>

#include <string>

#include "core/json_guard.h"

using namespace cw;

TEST_CASE("Ordinary JSON passes the guard") {
    CHECK(check_json(R"({"a": [1, 2.5, -3e2, true, false, null, "文字 😀 \u00e9"], "b": {}})").ok);
    CHECK(check_json("[]").ok);
    CHECK(check_json("  \n{\"x\": \"\"}\n").ok);
}

TEST_CASE("A leading byte-order mark is accepted") {
    CHECK(check_json("\xEF\xBB\xBF{\"a\": 1}").ok);
    CHECK(strip_utf8_bom("\xEF\xBB\xBFx") == "x");
    CHECK(strip_utf8_bom("x") == "x");
}

TEST_CASE("A syntax error is reported with its line and column") {
    const JsonCheck c = check_json("{\n  \"a\": 1\n  \"b\": 2\n}");
    REQUIRE_FALSE(c.ok);
    CHECK(c.line == 3);
    CHECK(c.column == 3);
    CHECK_THAT(c.describe(), Catch::StartsWith("line 3, column 3: ") && Catch::Contains("Missing a comma"));
}

TEST_CASE("Columns count characters, not bytes, on lines with Chinese text") {
    const JsonCheck c = check_json("{\"名字\": \"王芳\" x}");
    REQUIRE_FALSE(c.ok);
    CHECK(c.line == 1);
    CHECK(c.column == 13);  // the 'x': 名 and 字 count one column each
}

TEST_CASE("100,000 nested brackets are refused without recursion") {
    const JsonCheck c = check_json(std::string(100000, '['));
    REQUIRE_FALSE(c.ok);
    CHECK_THAT(c.message, Catch::Contains("nesting is deeper than 64 levels"));
    CHECK(c.line == 1);
    CHECK(c.column == 65);
}

TEST_CASE("Nesting up to the depth limit is allowed") {
    JsonBounds b;
    b.max_depth = 5;
    CHECK(check_json("[[[[[1]]]]]", b).ok);
    CHECK_FALSE(check_json("[[[[[[1]]]]]]", b).ok);
    CHECK_FALSE(check_json(R"({"a":{"b":{"c":{"d":{"e":{"f":1}}}}}})", b).ok);
}

TEST_CASE("A 10 MB string is refused by the string limit") {
    const std::string text = "{\"notes\": \"" + std::string(10u * 1024u * 1024u, 'a') + "\"}";
    const JsonCheck c = check_json(text);
    REQUIRE_FALSE(c.ok);
    CHECK_THAT(c.message, Catch::Contains("a text value is 10.0 MiB; the limit is 1.0 MiB"));
}

TEST_CASE("A 50 MB input is refused before it is parsed") {
    const std::string text(50u * 1024u * 1024u, ' ');
    const JsonCheck c = check_json(text);
    REQUIRE_FALSE(c.ok);
    CHECK(c.message == "the text is 50.0 MiB; the limit is 16.0 MiB");
    CHECK(c.line == 0);
    CHECK(c.describe() == c.message);
}

TEST_CASE("Long keys, long arrays and wide objects are refused") {
    JsonBounds b;
    b.max_array_items = 3;
    b.max_object_members = 2;
    b.max_key_bytes = 4;
    CHECK(check_json("[1,2,3]", b).ok);
    CHECK_THAT(check_json("[1,2,3,4]", b).message, Catch::Contains("a list has more than 3 elements"));
    CHECK_THAT(check_json(R"({"a":1,"b":2,"c":3})", b).message, Catch::Contains("an object has more than 2 members"));
    CHECK_THAT(check_json(R"({"abcde":1})", b).message, Catch::Contains("a key is 5 bytes long"));
    // The default array limit.
    std::string big = "[";
    for (int i = 0; i < 100001; ++i) big += i ? ",0" : "0";
    big += "]";
    CHECK_THAT(check_json(big).message, Catch::Contains("more than 100000 elements"));
}

TEST_CASE("Invalid UTF-8 inside a string is refused") {
    const JsonCheck c = check_json("{\"a\": \"ok\xC3\x28\"}");
    REQUIRE_FALSE(c.ok);
    CHECK_THAT(c.message, Catch::Contains("invalid UTF-8"));
    CHECK_FALSE(check_json("{\"a\": \"\xED\xA0\x80\"}").ok);  // an encoded surrogate
    CHECK_FALSE(check_json("{\"a\": \"\xC0\xAF\"}").ok);      // overlong
    CHECK_FALSE(check_json("{\"a\": \"\xFF\"}").ok);
}

TEST_CASE("An escaped lone surrogate is refused, a surrogate pair is accepted") {
    const JsonCheck c = check_json(R"({"a": "x\uDC00y"})");
    REQUIRE_FALSE(c.ok);
    CHECK_THAT(c.message, Catch::Contains("half of a surrogate pair"));
    CHECK_FALSE(check_json(R"({"\uDFFF": 1})").ok);
    CHECK_FALSE(check_json(R"(["\uD800"])").ok);
    CHECK(check_json(R"(["\uD83D\uDE00 \u00ED\u00A0"])").ok);  // an emoji; í and a no-break space
    CHECK(check_json("[\"한국어 \uD55C\"]").ok);  // U+D55C is ED 95 9C: the ED lead byte alone is fine
}

TEST_CASE("NaN and Infinity are refused with a message that says so") {
    for (const char* text : {"{\"a\": NaN}", "{\"a\": Infinity}", "{\"a\": -Infinity}", "[1, nan]", "[inf]"}) {
        INFO(text);
        const JsonCheck c = check_json(text);
        REQUIRE_FALSE(c.ok);
        CHECK_THAT(c.message, Catch::Contains("NaN and Infinity are not allowed"));
    }
    CHECK_THAT(check_json("[1e400]").message, Catch::Contains("Number too big"));
}

TEST_CASE("A key repeated in one object is refused") {
    const JsonCheck c = check_json("{\"next\": \"a\",\n \"next\": \"b\"}");
    REQUIRE_FALSE(c.ok);
    CHECK_THAT(c.message, Catch::Contains("the key \"next\" appears twice"));
    CHECK(c.line == 2);
    CHECK(check_json(R"([{"a":1},{"a":2}])").ok);      // same key in sibling objects is fine
    CHECK(check_json(R"({"a":{"a":{"a":1}}})").ok);   // and in nested ones
}

TEST_CASE("A NUL byte is refused rather than ending the input early") {
    const std::string text("{\"a\": 1}\0garbage", 16);
    const JsonCheck c = check_json(text);
    REQUIRE_FALSE(c.ok);
    CHECK_THAT(c.message, Catch::Contains("NUL byte"));
}

TEST_CASE("Malformed documents from the JSONTestSuite n_ family are refused with a message") {
    // A representative slice of nst/JSONTestSuite's must-reject cases.
    const char* cases[] = {
        "",            "   ",          "[",          "]",             "{",          "[1,]",
        "[,1]",        "{\"a\":1,}",   "{\"a\" 1}",  "{a:1}",         "['a']",      "[1 2]",
        "[01]",        "[1.]",         "[.1]",       "[+1]",          "[0x1]",      "[1e]",
        "[\"\\x\"]",   "[\"\\u12\"]",  "[\"a\tb\"]", "[\"\\uD800\"]", "[tru]",      "[True]",
        "{\"a\":1}}",  "[1]x",         "[1]]",       "{\"a\":1 \"b\":2}", "[\"a\" \"b\"]", "[-]",
        "/* c */ []",  "[1,,2]",       "\"\\",       "{\"a\":}",       "[\"\x01\"]", "[\xEF\xBB\xBF]",
    };
    for (const char* text : cases) {
        INFO("input: " << text);
        const JsonCheck c = check_json(text);
        CHECK_FALSE(c.ok);
        CHECK_FALSE(c.message.empty());
        CHECK(c.line >= 1);
    }
}
