// guardrail_check.cpp — see guardrail_check.h.
//
// Layout: 1. compiled data (rules, phrases, the automaton)  2. compiling  3. scanning (one pass
// of the automaton + the pattern matchers)  4. check() and mask().
#include "core/guardrail_check.h"

#include "core/phrase_matcher.h"

#include <algorithm>
#include <cstdint>
#include <map>

#include "core/disclosure_pattern.h"
#include "core/text_normalize.h"

namespace cw {

const char* to_string(GuardrailKind k) {
    switch (k) {
        case GuardrailKind::Prohibited: return "prohibited";
        case GuardrailKind::NeverDisclosePhrase: return "never_disclose_phrase";
        case GuardrailKind::NeverDisclosePattern: return "never_disclose_pattern";
    }
    return "prohibited";
}

namespace detail {

struct GuardrailRule {
    std::string id;
    GuardrailKind kind = GuardrailKind::Prohibited;
    LocalizedText label;
    LocalizedText why;
    LocalizedText instead;     // prohibited only; never-disclose gets a default per pattern kind
};

struct GuardrailPhrase {       // one entry of the automaton
    std::string norm;          // normalised, non-empty
    uint32_t rule = 0;
    std::string as_written;    // for GuardrailMatch::pattern
    bool word_start = false;   // starts with an ASCII letter/digit: must start a word
};

struct GuardrailPattern {      // a non-literal never-disclose pattern of one rule
    uint32_t rule = 0;
    DisclosurePattern pattern;
    std::string spec;
};

struct GuardrailData {
    std::vector<GuardrailRule> rules;
    std::vector<GuardrailPhrase> phrases;
    std::vector<GuardrailPattern> patterns;
    PhraseMatcher automaton;   // every rule's normalised phrases
    std::vector<GuardrailProblem> problems;
    bool any_digits = false;   // some `digits:` pattern: one shared pass over digit runs
};

}  // namespace detail

namespace {

using detail::GuardrailData;
using detail::GuardrailPattern;
using detail::GuardrailPhrase;
using detail::GuardrailRule;

bool is_ascii_alnum(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// ------------------------------------------------------------------ default "instead" texts
// The pack format gives never-disclose items a label and a reason but no alternative; these are
// what an agent can say instead, per kind of data. {last4} is filled from the hit.
LocalizedText default_instead(const DisclosurePattern* p, std::string_view last4) {
    using K = DisclosurePattern::Kind;
    const std::string l4(last4);
    if (p && p->kind == K::CardNumber)
        return {"只说卡号后四位（“尾号" + l4 + "的卡”），不要读出或发送完整卡号。",
                "Give the last four digits only (\"the card ending " + l4 + "\"); never read out or send the full number."};
    if (p && p->kind == K::CnMobile)
        return {"只说“尾号" + l4 + "的手机”，不要读出或发送完整号码。",
                "Say \"the phone ending " + l4 + "\" only; never read out or send the full number."};
    if (p && p->kind == K::CnId)
        return {"只核对证件号后四位，不要读出或发送完整证件号。",
                "Check the last four characters only; never read out or send the full ID number."};
    if (p && p->kind == K::Email)
        return {"说“您账户上登记的邮箱”，不要念出或发送完整地址。",
                "Say \"the e-mail address on your account\" instead of the address itself."};
    if (p && p->kind == K::Digits)
        return {"不要索要或念出验证码之类的数字；可以说“我们不会向您索要验证码”。",
                "Never ask for or read out codes; you can say \"we will never ask you for a code\"."};
    return {"用客户听得懂的说法（如“我们的系统”）代替内部名称或内部信息。",
            "Use words the customer knows (\"our system\") instead of internal names or data."};
}

// ------------------------------------------------------------------ compiling
void add_phrase(GuardrailData& d, uint32_t rule, const std::string& text, const std::string& as_written,
                size_t first_phrase_of_rule) {
    std::string norm = normalize_for_match(text);
    if (norm.empty()) return;
    for (size_t i = first_phrase_of_rule; i < d.phrases.size(); ++i)
        if (d.phrases[i].norm == norm) return;  // zh == en, or a phrase listed twice: one entry
    GuardrailPhrase p;
    p.word_start = is_ascii_alnum(static_cast<unsigned char>(norm[0]));
    p.norm = std::move(norm);
    p.rule = rule;
    p.as_written = as_written;
    d.phrases.push_back(std::move(p));
}

void build_automaton(GuardrailData& d) {
    std::vector<std::string> norms;
    norms.reserve(d.phrases.size());
    for (const GuardrailPhrase& p : d.phrases) norms.push_back(p.norm);
    d.automaton.build(norms);
}

// ------------------------------------------------------------------ scanning
struct RawHit {
    uint32_t rule = 0;
    size_t begin = 0, end = 0;
    int32_t phrase = -1;       // index into phrases, or -1
    int32_t pattern = -1;      // index into patterns, or -1
};

// A digit (ASCII or full-width ０-９) at t[i]: its byte length, 0 if none.
size_t digit_len(std::string_view t, size_t i) {
    if (i >= t.size()) return 0;
    const unsigned char c = static_cast<unsigned char>(t[i]);
    if (c >= '0' && c <= '9') return 1;
    if (c == 0xEF && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xBC) {
        const unsigned char c2 = static_cast<unsigned char>(t[i + 2]);
        if (c2 >= 0x90 && c2 <= 0x99) return 3;
    }
    return 0;
}

char digit_value(std::string_view t, size_t i) {
    const unsigned char c = static_cast<unsigned char>(t[i]);
    if (c >= '0' && c <= '9') return static_cast<char>(c);
    return static_cast<char>('0' + (static_cast<unsigned char>(t[i + 2]) - 0x90));
}

// Length of the code point at t[i], lenient: an ill-formed byte counts as one.
size_t cp_len(std::string_view t, size_t i) {
    const unsigned char c = static_cast<unsigned char>(t[i]);
    size_t n = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 1;
    if (i + n > t.size()) return 1;
    for (size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(t[i + k]) & 0xC0) != 0x80) return 1;
    return n;
}

// Whitespace that the normalisation folds (a phrase hit mapped back may end with it).
size_t trailing_space_len(std::string_view t, size_t end) {
    if (end >= 1) {
        const char c = t[end - 1];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return 1;
    }
    if (end >= 2 && t.substr(end - 2, 2) == "\xC2\xA0") return 2;       // U+00A0
    if (end >= 3 && t.substr(end - 3, 3) == "\xE3\x80\x80") return 3;   // U+3000
    return 0;
}

// The code point at t[i] is whitespace (as the normalisation sees it).
bool is_space_at(std::string_view t, size_t i) {
    const size_t n = cp_len(t, i);
    return trailing_space_len(t, i + n) == n;
}

// The text cut to the scan bound without splitting a code point.
std::string_view bounded(std::string_view text, bool* truncated) {
    *truncated = text.size() > kGuardrailMaxScanBytes;
    if (!*truncated) return text;
    size_t n = kGuardrailMaxScanBytes;
    for (int k = 0; k < 3 && n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80; ++k) --n;
    return text.substr(0, n);
}

struct Scratch {               // per thread, so a check allocates only what it returns
    std::string norm;
    std::vector<uint32_t> offsets;
    std::vector<size_t> last_end;  // per phrase: end of its last reported hit (no overlaps)
    std::vector<size_t> rule_end;  // per rule: end of its last kept hit (no nested hits)
    std::vector<RawHit> hits;
};

Scratch& scratch() {
    thread_local Scratch s;
    return s;
}

// Every hit in `t` (already bounded), sorted; returns false if capped.
bool scan(const GuardrailData& d, std::string_view t, std::vector<RawHit>& hits) {
    hits.clear();
    Scratch& s = scratch();
    bool capped = false;
    auto push = [&](RawHit h) {
        if (hits.size() >= kGuardrailMaxHits) { capped = true; return; }
        hits.push_back(h);
    };

    // 1. Phrases: one pass of the automaton over the normalised text.
    if (!d.phrases.empty() && !t.empty()) {
        normalize_for_match(t, s.norm, &s.offsets);
        s.last_end.assign(d.phrases.size(), 0);
        const std::string& n = s.norm;
        d.automaton.scan(n, [&](uint32_t p, size_t e) {
            const GuardrailPhrase& ph = d.phrases[p];
            const size_t b = e - ph.norm.size();
            if (b < s.last_end[p]) return true;  // overlaps its own previous hit ("aa" in "aaa")
            if (ph.word_start && b > 0 && is_ascii_alnum(static_cast<unsigned char>(n[b - 1]))) return true;
            s.last_end[p] = e;
            size_t ob = s.offsets[b], oe = s.offsets[e];
            while (oe > ob) {
                const size_t sp = trailing_space_len(t, oe);
                if (sp == 0) break;
                oe -= sp;
            }
            push(RawHit{ph.rule, ob, oe, static_cast<int32_t>(p), -1});
            return !capped;
        });
    }

    // 2. Patterns: each kind of matcher runs at most once per text.
    using K = DisclosurePattern::Kind;
    std::vector<TextSpan> cache[4];  // CardNumber, CnId, CnMobile, Email
    bool cached[4] = {false, false, false, false};
    std::vector<TextSpan> runs;
    std::vector<int> run_digits;
    if (d.any_digits) {
        DisclosurePattern all;
        all.kind = K::Digits;
        all.min_digits = 1;
        all.max_digits = 64;  // the largest N a pattern may name
        runs = find_disclosures(all, t);
        run_digits.reserve(runs.size());
        for (const TextSpan& r : runs) {
            int n = 0;
            for (size_t i = r.begin; i < r.end;) { i += std::max<size_t>(1, digit_len(t, i)); ++n; }
            run_digits.push_back(n);
        }
    }
    for (size_t pi = 0; pi < d.patterns.size() && !capped; ++pi) {
        const GuardrailPattern& gp = d.patterns[pi];
        if (gp.pattern.kind == K::Digits) {
            for (size_t r = 0; r < runs.size(); ++r)
                if (run_digits[r] >= gp.pattern.min_digits && run_digits[r] <= gp.pattern.max_digits)
                    push(RawHit{gp.rule, runs[r].begin, runs[r].end, -1, static_cast<int32_t>(pi)});
            continue;
        }
        const int slot = gp.pattern.kind == K::CardNumber ? 0 : gp.pattern.kind == K::CnId ? 1
                       : gp.pattern.kind == K::CnMobile ? 2 : 3;
        if (!cached[slot]) {
            cache[slot] = find_disclosures(gp.pattern, t);
            cached[slot] = true;
        }
        for (const TextSpan& sp : cache[slot]) push(RawHit{gp.rule, sp.begin, sp.end, -1, static_cast<int32_t>(pi)});
    }

    std::sort(hits.begin(), hits.end(), [](const RawHit& a, const RawHit& b) {
        if (a.begin != b.begin) return a.begin < b.begin;
        if (a.end != b.end) return a.end > b.end;  // the longer hit first: it covers the other
        if (a.rule != b.rule) return a.rule < b.rule;
        if (a.phrase != b.phrase) return a.phrase < b.phrase;
        return a.pattern < b.pattern;
    });
    // One rule, one place: a hit inside an earlier (so longer or equal) hit of the same rule adds
    // nothing ("Ops" inside "OpsDesk", zh and en of one phrase). Other rules on the same words stay:
    // each has its own reason.
    s.rule_end.assign(d.rules.size(), 0);
    size_t kept = 0;
    for (const RawHit& h : hits) {
        size_t& end = s.rule_end[h.rule];
        if (end != 0 && h.end <= end) continue;  // sorted by begin: the earlier hit starts no later
        end = std::max(end, h.end);
        hits[kept++] = h;
    }
    hits.resize(kept);
    return !capped;
}

// The last four digits (or ID characters) in t[b, e), for the "ending 7890" suggestion.
std::string last_four(std::string_view t, size_t b, size_t e) {
    std::string digits;
    for (size_t i = b; i < e;) {
        const size_t n = digit_len(t, i);
        if (n) { digits += digit_value(t, i); i += n; continue; }
        if (t[i] == 'X' || t[i] == 'x') digits += 'X';
        i += cp_len(t, i);
    }
    return digits.size() > 4 ? digits.substr(digits.size() - 4) : digits;
}

}  // namespace

// ------------------------------------------------------------------ GuardrailChecker
GuardrailChecker::GuardrailChecker() : d_(std::make_shared<GuardrailData>()) {}

size_t GuardrailChecker::rule_count() const { return d_->rules.size(); }
size_t GuardrailChecker::phrase_count() const { return d_->phrases.size(); }
const std::vector<GuardrailProblem>& GuardrailChecker::problems() const { return d_->problems; }

GuardrailChecker compile_guardrails(const std::vector<const Guardrails*>& sets) {
    auto d = std::make_shared<GuardrailData>();
    for (const Guardrails* g : sets) {
        if (!g) continue;
        for (const ProhibitedPhrase& p : g->prohibited) {
            const uint32_t r = static_cast<uint32_t>(d->rules.size());
            d->rules.push_back(GuardrailRule{p.id, GuardrailKind::Prohibited, p.phrase, p.why, p.instead});
            const size_t first = d->phrases.size();
            add_phrase(*d, r, p.phrase.zh, p.phrase.zh, first);
            add_phrase(*d, r, p.phrase.en, p.phrase.en, first);
            if (d->phrases.size() == first)
                d->problems.push_back({p.id, "prohibited phrase is empty in both languages: it can never match"});
        }
        for (const NeverDisclose& n : g->never_disclose) {
            const uint32_t r = static_cast<uint32_t>(d->rules.size());
            const GuardrailKind kind = n.kind == DisclosureKind::Phrase ? GuardrailKind::NeverDisclosePhrase
                                                                        : GuardrailKind::NeverDisclosePattern;
            d->rules.push_back(GuardrailRule{n.id, kind, n.label, n.why, LocalizedText{}});
            const size_t first_phrase = d->phrases.size(), first_pattern = d->patterns.size();
            for (const std::string& spec : n.patterns) {
                if (n.kind == DisclosureKind::Phrase) {
                    add_phrase(*d, r, spec, spec, first_phrase);
                    continue;
                }
                std::string error;
                std::optional<DisclosurePattern> p = parse_disclosure_pattern(spec, &error);
                if (!p) {
                    d->problems.push_back({n.id, error});
                    continue;
                }
                if (p->kind == DisclosurePattern::Kind::Text) {
                    add_phrase(*d, r, p->text, spec, first_phrase);
                    continue;
                }
                if (p->kind == DisclosurePattern::Kind::Digits) d->any_digits = true;
                d->patterns.push_back(GuardrailPattern{r, *p, spec});
            }
            if (d->phrases.size() == first_phrase && d->patterns.size() == first_pattern)
                d->problems.push_back({n.id, "never-disclose item has no usable pattern: it can never match"});
        }
    }
    build_automaton(*d);
    GuardrailChecker c;
    c.d_ = std::move(d);
    return c;
}

GuardrailChecker compile_guardrails(const Guardrails& pack_wide, const Guardrails* scenario) {
    return compile_guardrails(std::vector<const Guardrails*>{&pack_wide, scenario});
}

GuardrailReport GuardrailChecker::check(std::string_view text) const {
    GuardrailReport report;
    const std::string_view t = bounded(text, &report.truncated);
    report.checked_bytes = t.size();
    std::vector<RawHit>& raw = scratch().hits;
    report.hits_capped = !scan(*d_, t, raw);
    report.hits.reserve(raw.size());
    for (const RawHit& h : raw) {
        const GuardrailRule& rule = d_->rules[h.rule];
        GuardrailMatch m;
        m.rule_id = rule.id;
        m.kind = rule.kind;
        m.begin = h.begin;
        m.end = h.end;
        m.matched = std::string(t.substr(h.begin, h.end - h.begin));
        m.label = rule.label;
        m.why = rule.why;
        if (h.phrase >= 0) {
            m.pattern = d_->phrases[static_cast<size_t>(h.phrase)].as_written;
            m.instead = rule.kind == GuardrailKind::Prohibited ? rule.instead : default_instead(nullptr, {});
        } else {
            const GuardrailPattern& gp = d_->patterns[static_cast<size_t>(h.pattern)];
            m.pattern = gp.spec;
            m.instead = default_instead(&gp.pattern, last_four(t, h.begin, h.end));
        }
        report.hits.push_back(std::move(m));
    }
    return report;
}

MaskResult GuardrailChecker::mask(std::string_view text) const {
    MaskResult result;
    const std::string_view t = bounded(text, &result.truncated);
    std::vector<RawHit>& raw = scratch().hits;
    scan(*d_, t, raw);  // capped: the first kGuardrailMaxHits hits are masked, which is all of them
                        // in any reply a person would send

    std::vector<uint8_t> hide(t.size(), 0);  // 1 at the first byte of a code point to replace
    using K = DisclosurePattern::Kind;
    for (const RawHit& h : raw) {
        if (d_->rules[h.rule].kind == GuardrailKind::Prohibited) continue;
        ++result.masked_spans;
        const DisclosurePattern* p = h.pattern >= 0 ? &d_->patterns[static_cast<size_t>(h.pattern)].pattern : nullptr;
        if (p && (p->kind == K::CardNumber || p->kind == K::CnMobile || p->kind == K::CnId || p->kind == K::Digits)) {
            // Characters that carry the number: digits, and the X of an ID.
            std::vector<size_t> at;
            for (size_t i = h.begin; i < h.end;) {
                const size_t n = digit_len(t, i);
                if (n || t[i] == 'X' || t[i] == 'x') at.push_back(i);
                i += n ? n : cp_len(t, i);
            }
            size_t keep_head = 0, keep_tail = 0;
            if (p->kind == K::CardNumber) keep_head = 4, keep_tail = 4;
            if (p->kind == K::CnMobile) keep_head = at.size() == 13 ? 5 : 3, keep_tail = 4;  // "86" + 138
            if (p->kind == K::CnId) keep_head = 3, keep_tail = 4;
            for (size_t k = keep_head; k + keep_tail < at.size(); ++k) hide[at[k]] = 1;
        } else if (p && p->kind == K::Email) {
            const size_t at_sign = t.find('@', h.begin);
            bool first = true;
            for (size_t i = h.begin; i < at_sign && i < h.end; i += cp_len(t, i)) {
                if (!first) hide[i] = 1;
                first = false;
            }
        } else {  // a phrase: all of it, but keep the spaces so the reply still reads
            for (size_t i = h.begin; i < h.end; i += cp_len(t, i))
                if (!is_space_at(t, i)) hide[i] = 1;
        }
    }

    result.text.reserve(text.size() + 16);
    for (size_t i = 0; i < t.size();) {
        const size_t n = cp_len(t, i);
        if (hide[i]) result.text += "\xE2\x97\x8F";  // ● U+25CF
        else result.text.append(t.data() + i, n);
        i += n;
    }
    if (result.truncated) result.text.append(text.data() + t.size(), text.size() - t.size());
    return result;
}

}  // namespace cw
