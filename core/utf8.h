// utf8.h — small UTF-8 helpers shared by the core (validation, safe truncation).
// Never allocates more than its input; never throws.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cw {

// Decodes the code point at s[i] (i < s.size()); returns its length in bytes. An ill-formed
// sequence (overlong, surrogate, cut off, stray continuation byte) decodes as one U+FFFD of
// length 1, so one bad byte costs one replacement and the rest of the text survives.
size_t decode_utf8(std::string_view s, size_t i, uint32_t& cp);

// True if `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool is_valid_utf8(std::string_view s);

// Cut `s` to at most `max_bytes` without splitting a code point.
std::string truncate_utf8(std::string_view s, size_t max_bytes);

// Replace every ill-formed sequence with U+FFFD so text can be shown and saved.
std::string sanitize_utf8(std::string_view s);

}  // namespace cw
