// text_normalize.h — one normalisation for matching free text against phrases (triage signals,
// scenario typical phrases), in Chinese and English, without relying on word spaces.
//
// Owns: the rule below and substring search on normalised text.
// Must never: allocate more than its output (plus the optional offset map), throw, produce
// ill-formed UTF-8, or drop CJK text. It is not a display transform — show what people typed.
//
// The rule, applied code point by code point:
//   - full-width ASCII U+FF01..U+FF5E -> the ASCII character (U+FF01 '！' -> '!', 'Ａ' -> 'A');
//   - curly single quotes U+2018/U+2019 -> "'" (phones type "won’t", packs write "won't");
//   - ASCII letters folded to lower case (only ASCII: CJK has no case, and Unicode case folding
//     would pull in tables the wasm build does not need);
//   - whitespace (ASCII space/tab/CR/LF/VT/FF, U+00A0, U+3000 ideographic space) collapses to one
//     ASCII space; leading and trailing whitespace is dropped; a whitespace run between two
//     non-ASCII characters is dropped entirely, because Chinese is written without spaces and
//     "司机 不让我下车" must match "司机不让我下车";
//   - an ill-formed UTF-8 byte becomes U+FFFD (so the output is always valid UTF-8);
//   - everything else (CJK, emoji, accents) is kept as is.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

// The normalised form of `text`.
std::string normalize_for_match(std::string_view text);

// Same, written into `out` (cleared first; its capacity is reused, so a caller normalising many
// texts does not allocate per call). If `offsets` is not null it receives, for every byte of
// `out`, the byte offset in `text` of the code point that produced it, plus one final entry
// text.size(): out[a..b) then came from text[(*offsets)[a] .. (*offsets)[b]).
void normalize_for_match(std::string_view text, std::string& out, std::vector<uint32_t>* offsets = nullptr);

// True if `normalized_haystack` contains `normalized_needle` (both already normalised). An empty
// needle is never contained: an empty phrase in a pack must not match everything.
bool contains(std::string_view normalized_haystack, std::string_view normalized_needle);

// One code point of `text` as normalize_for_match() sees it: `folded` is what it becomes
// (U+FFFD for an ill-formed byte), `length` its size in `text`, `space` whether it is
// whitespace (which becomes one space, or nothing, depending on its neighbours). For
// prefilters that must not allocate.
struct NormalizedCodePoint {
    uint32_t folded = 0;
    uint32_t length = 1;
    bool space = false;
};
NormalizedCodePoint normalized_code_point_at(std::string_view text, size_t i);

// True if `text` is already in normalised form (normalize_for_match(text) == text), checked
// without allocating. Lets callers skip copying phrases that need no change.
bool is_normalized(std::string_view text);

}  // namespace cw
