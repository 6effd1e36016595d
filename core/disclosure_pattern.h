// disclosure_pattern.h — the small pattern language of never-disclose guardrails and its
// hand-written matchers: card numbers (Luhn), PRC resident IDs (check digit), mainland mobile
// numbers, e-mail addresses, digit runs, literal words. See docs/pack-format.md.
// Must never: use std::regex (slow, and open to ReDoS on what customers type) or allocate
// per character; every matcher is linear in the text (card numbers: at most 19 digits per start).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

struct DisclosurePattern {
    enum class Kind { CardNumber, CnId, CnMobile, Email, Digits, Text };
    Kind kind = Kind::Text;
    int min_digits = 0;      // Digits
    int max_digits = 0;      // Digits
    std::string text;        // Text: the literal words
};

// "card_number", "cn_id", "cn_mobile", "email", "digits:6", "digits:4-8", "text:Sabre".
// On failure returns nullopt and, if `error` is given, says why.
std::optional<DisclosurePattern> parse_disclosure_pattern(std::string_view spec, std::string* error);

struct TextSpan {
    size_t begin = 0;        // byte offsets into the searched text
    size_t end = 0;
};

// Every match of `p` in `text`, left to right, not overlapping. Digits may be ASCII or
// full-width (０-９, as Chinese input methods type them).
std::vector<TextSpan> find_disclosures(const DisclosurePattern& p, std::string_view text);

// Case-insensitive (ASCII letters) search for a literal phrase; npos if absent or empty.
size_t find_phrase(std::string_view text, std::string_view phrase, size_t from = 0);

bool luhn_valid(std::string_view digits);       // ASCII digits only
bool cn_id_valid(std::string_view id18);        // 17 digits + digit or X/x, ISO 7064 MOD 11-2

}  // namespace cw
