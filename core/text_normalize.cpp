// text_normalize.cpp — see text_normalize.h.
#include "core/text_normalize.h"
#include "core/utf8.h"

#include <cstring>

namespace cw {
namespace {

constexpr uint32_t kReplacement = 0xFFFD;


inline bool is_space(uint32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0xA0 ||
           cp == 0x3000;
}

// The code point after full-width folding and ASCII case folding (whitespace handled apart).
inline uint32_t fold(uint32_t cp) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFF01 - 0x21;
    if (cp == 0x2018 || cp == 0x2019) cp = '\'';  // phones type "won’t"; packs write "won't"
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    return cp;
}

inline void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

}  // namespace

void normalize_for_match(std::string_view text, std::string& out, std::vector<uint32_t>* offsets) {
    out.clear();
    if (offsets) offsets->clear();
    out.reserve(text.size());  // rarely grows: only an ill-formed byte (1 -> 3 bytes of U+FFFD) does
    if (offsets) offsets->reserve(text.size() + 1);

    bool pending_space = false;     // a whitespace run was seen and not yet emitted
    uint32_t space_offset = 0;      // where that run started, for the offset map
    bool last_non_ascii = false;    // the last emitted code point was non-ASCII (e.g. CJK)
    for (size_t i = 0; i < text.size();) {
        uint32_t cp = 0;
        const size_t n = decode_utf8(text, i, cp);
        if (is_space(cp)) {
            if (!pending_space) space_offset = static_cast<uint32_t>(i);
            pending_space = true;
            i += n;
            continue;
        }
        const uint32_t folded = fold(cp);
        const bool non_ascii = folded >= 0x80;
        if (pending_space && !out.empty() && !(last_non_ascii && non_ascii)) {
            out.push_back(' ');
            if (offsets) offsets->push_back(space_offset);
        }
        pending_space = false;
        const size_t before = out.size();
        if (folded == cp && !(cp == kReplacement && n == 1)) out.append(text.data() + i, n);  // unchanged: copy
        else append_utf8(out, folded);
        if (offsets) offsets->insert(offsets->end(), out.size() - before, static_cast<uint32_t>(i));
        last_non_ascii = non_ascii;
        i += n;
    }
    if (offsets) offsets->push_back(static_cast<uint32_t>(text.size()));
}

std::string normalize_for_match(std::string_view text) {
    std::string out;
    normalize_for_match(text, out, nullptr);
    return out;
}

NormalizedCodePoint normalized_code_point_at(std::string_view text, size_t i) {
    NormalizedCodePoint r;
    if (i >= text.size()) return r;
    uint32_t cp = 0;
    r.length = static_cast<uint32_t>(decode_utf8(text, i, cp));
    r.space = is_space(cp);
    r.folded = fold(cp);
    return r;
}

bool contains(std::string_view normalized_haystack, std::string_view normalized_needle) {
    if (normalized_needle.empty()) return false;
    return normalized_haystack.find(normalized_needle) != std::string_view::npos;
}

bool is_normalized(std::string_view text) {
    bool prev_space = true;         // at the start a space would be "leading"
    bool before_space_non_ascii = false;
    bool last_non_ascii = false;
    for (size_t i = 0; i < text.size();) {
        uint32_t cp = 0;
        const size_t n = decode_utf8(text, i, cp);
        if (cp == kReplacement && n == 1 && static_cast<unsigned char>(text[i]) >= 0x80) return false;
        if (is_space(cp)) {
            if (cp != ' ' || prev_space) return false;
            prev_space = true;
            before_space_non_ascii = last_non_ascii;
            i += n;
            continue;
        }
        if (fold(cp) != cp) return false;
        const bool non_ascii = cp >= 0x80;
        if (prev_space && i > 0 && before_space_non_ascii && non_ascii) return false;
        prev_space = false;
        last_non_ascii = non_ascii;
        i += n;
    }
    return !(prev_space && !text.empty());  // trailing space
}

}  // namespace cw
