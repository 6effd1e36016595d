// utf8_test.cpp — validation, truncation and repair of UTF-8 text.
#include <catch2/catch.hpp>

#include "core/utf8.h"

using namespace cw;

TEST_CASE("UTF-8 validation accepts text and rejects ill-formed bytes") {
    CHECK(is_valid_utf8("hello 您好 😀"));
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate
    CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(is_valid_utf8("abc\xe4\xbd"));       // cut in the middle
}

TEST_CASE("Truncation never splits a character and repair replaces bad bytes") {
    CHECK(truncate_utf8("您好", 4) == "您");
    CHECK(truncate_utf8("abc", 10) == "abc");
    CHECK(sanitize_utf8("a\xffz") == "a\xEF\xBF\xBDz");
}

TEST_CASE("Decoding a code point gives its value and length, and one U+FFFD per bad byte") {
    uint32_t cp = 0;
    CHECK(decode_utf8("a", 0, cp) == 1);
    CHECK(cp == 'a');
    CHECK(decode_utf8("您", 0, cp) == 3);
    CHECK(cp == 0x60A8);
    CHECK(decode_utf8("😀", 0, cp) == 4);
    CHECK(cp == 0x1F600);
    CHECK(decode_utf8("\xc0\xaf", 0, cp) == 1);       // overlong
    CHECK(cp == 0xFFFD);
    CHECK(decode_utf8("\xe4\xbd", 0, cp) == 1);       // cut off
    CHECK(cp == 0xFFFD);
    CHECK(decode_utf8("\xe4\x41\x41", 0, cp) == 1);   // continuation byte missing
    CHECK(cp == 0xFFFD);
}
