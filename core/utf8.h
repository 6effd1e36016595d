// utf8.h — small UTF-8 helpers shared by the core (validation, safe truncation).
// Never allocates more than its input; never throws.
#pragma once
#include <string>
#include <string_view>

namespace cw {

// True if `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool is_valid_utf8(std::string_view s);

// Cut `s` to at most `max_bytes` without splitting a code point.
std::string truncate_utf8(std::string_view s, size_t max_bytes);

// Replace every ill-formed sequence with U+FFFD so text can be shown and saved.
std::string sanitize_utf8(std::string_view s);

}  // namespace cw
