// disclosure_pattern_test.cpp — the never-disclose pattern language: parsing, and matchers that
// find what must not be said without false alarms on ordinary numbers.
#include <catch2/catch.hpp>

#include "core/disclosure_pattern.h"

using namespace cw;

namespace {

DisclosurePattern pat(const char* spec) {
    std::string error;
    auto p = parse_disclosure_pattern(spec, &error);
    INFO(spec << ": " << error);
    REQUIRE(p);
    return *p;
}

// The matched texts, for readable expectations.
std::vector<std::string> found(const char* spec, const std::string& text) {
    std::vector<std::string> out;
    for (const TextSpan& s : find_disclosures(pat(spec), text)) out.push_back(text.substr(s.begin, s.end - s.begin));
    return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("Pattern specs parse, and bad ones say how to write them") {
    CHECK(pat("digits:6").min_digits == 6);
    CHECK(pat("digits:4-8").max_digits == 8);
    CHECK(pat("text:Sabre").text == "Sabre");
    for (const char* ok : {"card_number", "cn_id", "cn_mobile", "email"}) CHECK(parse_disclosure_pattern(ok, nullptr));
    std::string error;
    CHECK_FALSE(parse_disclosure_pattern("digits:", &error));
    CHECK_THAT(error, Catch::Contains("write digits:N or digits:N-M"));
    CHECK_FALSE(parse_disclosure_pattern("digits:9-3", &error));
    CHECK_THAT(error, Catch::Contains("1 <= N <= M <= 64"));
    CHECK_FALSE(parse_disclosure_pattern("digits:0", &error));
    CHECK_FALSE(parse_disclosure_pattern("text:", &error));
    CHECK_FALSE(parse_disclosure_pattern("ssn", &error));
    CHECK_THAT(error, Catch::Contains("unknown pattern \"ssn\"") && Catch::Contains("card_number"));
    CHECK_FALSE(parse_disclosure_pattern("[0-9]{16}", nullptr));  // no regular expressions
}

TEST_CASE("Card numbers are found grouped or not, and only when the Luhn check passes") {
    CHECK(luhn_valid("4111111111111111"));
    CHECK_FALSE(luhn_valid("4111111111111112"));
    CHECK(found("card_number", "卡号 4111 1111 1111 1111 谢谢") == V{"4111 1111 1111 1111"});
    CHECK(found("card_number", "card 4111-1111-1111-1111.") == V{"4111-1111-1111-1111"});
    CHECK(found("card_number", "4111111111111111") == V{"4111111111111111"});
    CHECK(found("card_number", "4111111111111112").empty());
    CHECK(found("card_number", "order 20240101123456").empty());  // 14 digits, not Luhn-valid
    // A phone number typed next to a card number does not hide the card.
    CHECK(found("card_number", "13800138000 4111 1111 1111 1111") == V{"4111 1111 1111 1111"});
    // Full-width digits, as Chinese input methods type them.
    CHECK(found("card_number", "４１１１１１１１１１１１１１１１").size() == 1);
}

TEST_CASE("PRC resident ids need a valid check digit") {
    CHECK(cn_id_valid("11010519491231002X"));
    CHECK(cn_id_valid("110105194912310021") == false);
    CHECK(found("cn_id", "身份证11010519491231002X。") == V{"11010519491231002X"});
    CHECK(found("cn_id", "id 11010519491231002x") == V{"11010519491231002x"});
    CHECK(found("cn_id", "110105194912310021").empty());
    CHECK(found("cn_id", "11010519491231002X9").empty());  // part of something longer
}

TEST_CASE("Mainland mobile numbers are found with or without +86 and grouping") {
    CHECK(found("cn_mobile", "电话13800138000") == V{"13800138000"});
    CHECK(found("cn_mobile", "call +86 138 0013 8000 now") == V{"86 138 0013 8000"});
    CHECK(found("cn_mobile", "138-0013-8000") == V{"138-0013-8000"});
    CHECK(found("cn_mobile", "12800138000").empty());    // no 12x prefix
    CHECK(found("cn_mobile", "138001380001").empty());   // 12 digits
}

TEST_CASE("E-mail addresses are found, trailing punctuation left out") {
    CHECK(found("email", "write to li.ming+vip@example.com.cn.") == V{"li.ming+vip@example.com.cn"});
    CHECK(found("email", "a@b.c and @handle and x@localhost").empty());
    CHECK(found("email", "邮箱:wang@mail.cn,谢谢") == V{"wang@mail.cn"});
}

TEST_CASE("Digit runs match only whole runs of the given length") {
    CHECK(found("digits:6", "验证码 123456,订单 1234567") == V{"123456"});
    CHECK(found("digits:4-6", "1 12 1234 123456 1234567") == V{"1234", "123456"});
    CHECK(found("digits:6", "１２３４５６") == V{"１２３４５６"});
}

TEST_CASE("Literal phrases match case-insensitively") {
    CHECK(found("text:OpsDesk", "check opsdesk and OPSDESK") == V{"opsdesk", "OPSDESK"});
    CHECK(find_phrase("航控后台显示", "航控后台") == 0);
    CHECK(find_phrase("abc", "") == std::string_view::npos);
    CHECK(find_phrase("ab", "abc") == std::string_view::npos);
}

TEST_CASE("Matching a long hostile text stays linear") {
    std::string text;
    for (int i = 0; i < 20000; ++i) text += "1 ";  // 20,000 one-digit groups: one long grouped run
    text += "x@";
    for (int i = 0; i < 20000; ++i) text += "a.";
    for (const char* spec : {"card_number", "cn_mobile", "cn_id", "email", "digits:1-64"})
        CHECK(find_disclosures(pat(spec), text).size() < 40001);
}
