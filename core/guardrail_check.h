// guardrail_check.h — guardrails as you type (DOMAIN.md §3, issue 5): the active guardrails of a
// call (pack-wide + the scenario's) compiled once, then any reply text checked against them —
// prohibited phrases 禁忌语 and never-disclose items (literal phrases and the patterns of
// core/disclosure_pattern.h: card numbers with Luhn, PRC IDs, mobiles, e-mails, digit runs) — with
// the byte offsets of every hit for highlighting, the reason and a suggested alternative in both
// languages; and a mask that replaces never-disclose data with ● (6222 ●●●● ●●●● 7890).
//
// Owns: compiling Guardrails into a matcher (GuardrailChecker), the hit list, the masking rule and
// the default "instead" texts of never-disclose kinds (the pack format has no `instead` there).
// Must never: throw, crash or stall on any input (empty, 1 MB pasted, ill-formed UTF-8, emoji),
// use std::regex, change or block what the agent sends (it flags; the agent and the UI decide),
// or touch UI/storage/platform code.
//
// Matching:
//   - prohibited phrases (both languages, whatever the UI language) and never-disclose phrases
//     (kind "phrase", and "text:WORDS" patterns) match as substrings of the normalised text
//     (core/text_normalize.h: full-width/half-width, ASCII case, whitespace between CJK), so
//     "这不归 我们管" and "THAT'S NOT OUR PROBLEM" are caught. One exception: a phrase that starts
//     with an ASCII letter or digit must start a word ("ill" does not fire inside "bill"); the end
//     is free, so "CrewLinks" still leaks "CrewLink".
//   - all phrases of all rules go into one Aho–Corasick automaton over the normalised bytes, so a
//     check is one pass over the text however many rules there are; each distinct pattern (card,
//     ID, mobile, e-mail) runs once, and all `digits:N[-M]` patterns share one pass over the
//     digit runs.
//   - offsets are bytes of the text given to check(), mapped back from the normalised text, so
//     the UI highlights exactly what the agent typed.
//
// Bound: only the first kGuardrailMaxScanBytes bytes (cut at a code point) are checked or masked;
// a longer text gives `truncated = true`, and such a reply must not be treated as approved (the UI
// says "too long to check"). A 1 MB paste costs one 64 KiB check. At most kGuardrailMaxHits hits
// are reported (`hits_capped`).
//
// Cost (bench/assistant_bench.cpp): a 2,000-character reply against 1,000 rules well under 1 ms
// natively. A compiled checker is immutable and shared: cheap to copy, safe across threads.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace cw {

constexpr size_t kGuardrailMaxScanBytes = 64 * 1024;
constexpr size_t kGuardrailMaxHits = 1000;

enum class GuardrailKind { Prohibited, NeverDisclosePhrase, NeverDisclosePattern };
const char* to_string(GuardrailKind k);  // "prohibited" "never_disclose_phrase" "never_disclose_pattern"

struct GuardrailMatch {
    std::string rule_id;
    GuardrailKind kind = GuardrailKind::Prohibited;
    std::string pattern;       // what matched, as written in the pack: the phrase ("这不归我们管",
                               // "Sabre", "text:DEV-AUTH") or the pattern spec ("card_number")
    size_t begin = 0;          // byte offsets into the checked text: text[begin, end) is the hit
    size_t end = 0;
    std::string matched;       // text[begin, end), as typed
    LocalizedText label;       // prohibited: the phrase; never-disclose: the rule's label
    LocalizedText why;
    LocalizedText instead;     // prohibited: the pack's; never-disclose: a default per kind
                               // (card/mobile: "the one ending 7890")
    bool is_prohibited() const { return kind == GuardrailKind::Prohibited; }
};

struct GuardrailReport {
    std::vector<GuardrailMatch> hits;  // by begin, then longer first, then rule order
    size_t checked_bytes = 0;          // how much of the text was checked
    bool truncated = false;            // text longer than kGuardrailMaxScanBytes: the rest unchecked
    bool hits_capped = false;          // more than kGuardrailMaxHits hits: the rest not listed
    // Nothing flagged and everything checked: the reply may be copied as approved.
    bool clean() const { return hits.empty() && !truncated; }
};

struct MaskResult {
    std::string text;          // the text with never-disclose data replaced by ●, one per character
    int masked_spans = 0;      // how many never-disclose hits were masked
    bool truncated = false;    // only the first kGuardrailMaxScanBytes were masked; the rest is as given
};

// A rule the compiler could not use (unknown pattern spec, empty phrase list). The rest works.
struct GuardrailProblem {
    std::string rule_id;
    std::string message;       // English, e.g. "unknown pattern \"cardnumber\"; use card_number, ..."
};

namespace detail { struct GuardrailData; }

class GuardrailChecker {
public:
    GuardrailChecker();  // no rules: every text is clean (unless too long)

    GuardrailReport check(std::string_view text) const;
    // Masking rule: card numbers keep their first and last four digits ("6222 ●●●● ●●●● 7890"),
    // mainland mobiles the first three and last four ("138●●●●8000"), PRC IDs the first three and
    // last four, e-mails the first character and the domain ("z●●●@example.com"); digit runs
    // (codes) and phrases are masked whole. Separators (spaces, dashes) stay. Prohibited phrases are
    // wording, not data: never masked.
    MaskResult mask(std::string_view text) const;

    size_t rule_count() const;    // prohibited + never-disclose rules compiled
    size_t phrase_count() const;  // distinct (rule, normalised phrase) entries in the automaton
    const std::vector<GuardrailProblem>& problems() const;

private:
    std::shared_ptr<const detail::GuardrailData> d_;
    friend GuardrailChecker compile_guardrails(const std::vector<const Guardrails*>&);
};

// The active set of a call: null entries are skipped; rules keep their order (pack-wide first, as
// passed). Duplicate ids are kept (validation reports them; the checker must not lose a rule).
GuardrailChecker compile_guardrails(const std::vector<const Guardrails*>& sets);
GuardrailChecker compile_guardrails(const Guardrails& pack_wide, const Guardrails* scenario = nullptr);

}  // namespace cw
