// disclosure_pattern.cpp — see disclosure_pattern.h.
#include "core/disclosure_pattern.h"

#include <cstdint>

namespace cw {

namespace {

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// A digit at text[i]: ASCII '0'-'9' (1 byte) or full-width U+FF10..U+FF19 (EF BC 90..99).
// Returns its byte length (0 if none) and stores the ASCII digit in *d.
size_t digit_at(std::string_view t, size_t i, char* d) {
    if (i >= t.size()) return 0;
    const unsigned char c = static_cast<unsigned char>(t[i]);
    if (c >= '0' && c <= '9') { *d = static_cast<char>(c); return 1; }
    if (c == 0xEF && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xBC) {
        const unsigned char c2 = static_cast<unsigned char>(t[i + 2]);
        if (c2 >= 0x90 && c2 <= 0x99) { *d = static_cast<char>('0' + (c2 - 0x90)); return 3; }
    }
    return 0;
}

bool digit_before(std::string_view t, size_t i) {
    char d;
    if (i >= 1 && digit_at(t, i - 1, &d) == 1) return true;
    return i >= 3 && digit_at(t, i - 3, &d) == 3;
}

bool is_ascii_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A run of digits possibly grouped by single spaces or dashes ("6222 0202 0000 1234").
struct DigitRun {
    std::string digits;                 // ASCII
    std::vector<size_t> digit_begin;    // byte offset of each digit
    std::vector<size_t> digit_end;
};

// Reads the grouped run starting at i (a digit not preceded by a digit); `grouped` allows separators.
DigitRun read_run(std::string_view t, size_t i, bool grouped) {
    DigitRun run;
    char d;
    while (true) {
        const size_t n = digit_at(t, i, &d);
        if (n == 0) break;
        run.digits += d;
        run.digit_begin.push_back(i);
        run.digit_end.push_back(i + n);
        i += n;
        if (grouped && i < t.size() && (t[i] == ' ' || t[i] == '-') && digit_at(t, i + 1, &d)) ++i;
    }
    return run;
}

bool is_mobile(std::string_view d) {
    return d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9';
}

// Card numbers and mobiles inside a grouped run: try each group-aligned sub-run, since two
// numbers typed next to each other ("13800138000 6222...") merge into one run.
template <class Accept>
void scan_grouped(std::string_view t, size_t max_digits, Accept accept, std::vector<TextSpan>& out) {
    for (size_t i = 0; i < t.size();) {
        char d;
        if (!digit_at(t, i, &d) || digit_before(t, i)) { ++i; continue; }
        const DigitRun run = read_run(t, i, true);
        size_t start = 0;
        while (start < run.digits.size()) {
            size_t matched = 0;
            // Longest acceptable prefix from `start` that ends at a group or run boundary.
            for (size_t len = std::min(max_digits, run.digits.size() - start); len > 0; --len) {
                const size_t last = start + len - 1;
                const bool at_boundary = last + 1 == run.digits.size() ||
                                         run.digit_end[last] != run.digit_begin[last + 1];
                if (at_boundary && accept(std::string_view(run.digits).substr(start, len))) {
                    matched = len;
                    break;
                }
            }
            if (matched) {
                out.push_back(TextSpan{run.digit_begin[start], run.digit_end[start + matched - 1]});
                start += matched;
            } else {
                // Skip to the next group start.
                size_t k = start + 1;
                while (k < run.digits.size() && run.digit_end[k - 1] == run.digit_begin[k]) ++k;
                start = k;
            }
        }
        i = run.digit_end.back();
    }
}

void scan_digits(std::string_view t, int min_d, int max_d, std::vector<TextSpan>& out) {
    for (size_t i = 0; i < t.size();) {
        char d;
        if (!digit_at(t, i, &d) || digit_before(t, i)) { ++i; continue; }
        const DigitRun run = read_run(t, i, false);
        const int n = static_cast<int>(run.digits.size());
        if (n >= min_d && n <= max_d) out.push_back(TextSpan{i, run.digit_end.back()});
        i = run.digit_end.back();
    }
}

void scan_cn_id(std::string_view t, std::vector<TextSpan>& out) {
    for (size_t i = 0; i < t.size();) {
        char d;
        if (!digit_at(t, i, &d) || digit_before(t, i)) { ++i; continue; }
        const DigitRun run = read_run(t, i, false);
        size_t end = run.digit_end.back();
        std::string id = run.digits;
        if (id.size() == 17 && end < t.size() && (t[end] == 'X' || t[end] == 'x')) {
            id += 'X';
            ++end;
        }
        const bool alone = end >= t.size() || !is_ascii_alnum(t[end]);
        if (id.size() == 18 && alone && cn_id_valid(id)) out.push_back(TextSpan{i, end});
        i = end;
    }
}

bool email_local(char c) { return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }
bool email_domain(char c) { return is_ascii_alnum(c) || c == '.' || c == '-'; }

void scan_email(std::string_view t, std::vector<TextSpan>& out) {
    size_t resume = 0;
    for (size_t at = t.find('@'); at != std::string_view::npos; at = t.find('@', at + 1)) {
        if (at < resume) continue;
        size_t b = at;
        while (b > resume && email_local(t[b - 1])) --b;
        size_t e = at + 1;
        while (e < t.size() && email_domain(t[e])) ++e;
        while (e > at + 1 && (t[e - 1] == '.' || t[e - 1] == '-')) --e;  // trailing punctuation
        if (b == at || e == at + 1) continue;
        const std::string_view domain = t.substr(at + 1, e - at - 1);
        const size_t dot = domain.rfind('.');
        if (dot == std::string_view::npos || dot == 0 || domain.size() - dot - 1 < 2) continue;
        bool tld_letters = true;
        for (char c : domain.substr(dot + 1))
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) tld_letters = false;
        if (!tld_letters) continue;
        out.push_back(TextSpan{b, e});
        resume = e;
    }
}

bool parse_int(std::string_view s, int* v) {
    if (s.empty() || s.size() > 3) return false;
    int n = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        n = n * 10 + (c - '0');
    }
    *v = n;
    return true;
}

}  // namespace

bool luhn_valid(std::string_view digits) {
    if (digits.empty()) return false;
    int sum = 0;
    bool dbl = false;
    for (size_t i = digits.size(); i-- > 0;) {
        const char c = digits[i];
        if (c < '0' || c > '9') return false;
        int v = c - '0';
        if (dbl) { v *= 2; if (v > 9) v -= 9; }
        sum += v;
        dbl = !dbl;
    }
    return sum % 10 == 0;
}

bool cn_id_valid(std::string_view id) {
    if (id.size() != 18) return false;
    static const int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char kCheck[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    int sum = 0;
    for (size_t i = 0; i < 17; ++i) {
        if (id[i] < '0' || id[i] > '9') return false;
        sum += (id[i] - '0') * kWeights[i];
    }
    const char last = id[17] == 'x' ? 'X' : id[17];
    return kCheck[sum % 11] == last;
}

size_t find_phrase(std::string_view text, std::string_view phrase, size_t from) {
    if (phrase.empty() || phrase.size() > text.size()) return std::string_view::npos;
    for (size_t i = from; i + phrase.size() <= text.size(); ++i) {
        size_t k = 0;
        while (k < phrase.size() && ascii_lower(text[i + k]) == ascii_lower(phrase[k])) ++k;
        if (k == phrase.size()) return i;
    }
    return std::string_view::npos;
}

std::optional<DisclosurePattern> parse_disclosure_pattern(std::string_view spec, std::string* error) {
    DisclosurePattern p;
    auto fail = [&](std::string why) -> std::optional<DisclosurePattern> {
        if (error) *error = std::move(why);
        return std::nullopt;
    };
    if (spec == "card_number") { p.kind = DisclosurePattern::Kind::CardNumber; return p; }
    if (spec == "cn_id") { p.kind = DisclosurePattern::Kind::CnId; return p; }
    if (spec == "cn_mobile") { p.kind = DisclosurePattern::Kind::CnMobile; return p; }
    if (spec == "email") { p.kind = DisclosurePattern::Kind::Email; return p; }
    if (spec.substr(0, 7) == "digits:") {
        const std::string_view range = spec.substr(7);
        const size_t dash = range.find('-');
        int lo = 0, hi = 0;
        const bool ok = dash == std::string_view::npos
                            ? parse_int(range, &lo) && (hi = lo, true)
                            : parse_int(range.substr(0, dash), &lo) && parse_int(range.substr(dash + 1), &hi);
        if (!ok) return fail("\"" + std::string(spec) + "\": write digits:N or digits:N-M, e.g. digits:6");
        if (lo < 1 || hi > 64 || lo > hi)
            return fail("\"" + std::string(spec) + "\": digit counts must satisfy 1 <= N <= M <= 64");
        p.kind = DisclosurePattern::Kind::Digits;
        p.min_digits = lo;
        p.max_digits = hi;
        return p;
    }
    if (spec.substr(0, 5) == "text:") {
        if (spec.size() == 5) return fail("\"text:\" needs the words after the colon");
        p.kind = DisclosurePattern::Kind::Text;
        p.text = std::string(spec.substr(5));
        return p;
    }
    return fail("unknown pattern \"" + std::string(spec) +
                "\"; use card_number, cn_id, cn_mobile, email, digits:N, digits:N-M or text:WORDS");
}

std::vector<TextSpan> find_disclosures(const DisclosurePattern& p, std::string_view text) {
    std::vector<TextSpan> out;
    switch (p.kind) {
        case DisclosurePattern::Kind::CardNumber:
            scan_grouped(text, 19, [](std::string_view d) { return d.size() >= 13 && luhn_valid(d); }, out);
            break;
        case DisclosurePattern::Kind::CnMobile:
            scan_grouped(text, 13, [](std::string_view d) {
                return is_mobile(d) || (d.size() == 13 && d.substr(0, 2) == "86" && is_mobile(d.substr(2)));
            }, out);
            break;
        case DisclosurePattern::Kind::CnId: scan_cn_id(text, out); break;
        case DisclosurePattern::Kind::Email: scan_email(text, out); break;
        case DisclosurePattern::Kind::Digits: scan_digits(text, p.min_digits, p.max_digits, out); break;
        case DisclosurePattern::Kind::Text:
            for (size_t at = find_phrase(text, p.text); at != std::string_view::npos;
                 at = find_phrase(text, p.text, at + p.text.size()))
                out.push_back(TextSpan{at, at + p.text.size()});
            break;
    }
    return out;
}

}  // namespace cw
