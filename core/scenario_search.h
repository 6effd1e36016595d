// scenario_search.h — find a scenario fast during a call (issue 5): an index over the titles,
// typical customer phrases, situations, reasons and concerns of every scenario in a set of packs,
// Chinese and English, answering as the agent types.
//
// Owns: the index (normalised text and a code-point n-gram table, built once), the query rule and
// the ranking. Must never: throw, crash or stall on any query (empty, pasted paragraph, emoji,
// ill-formed UTF-8), change a pack, or touch UI/storage/platform code.
//
// Query rule: the query is normalised like the indexed text (core/text_normalize.h: full-width →
// half-width, ASCII case folded, spaces between CJK dropped) and split on the spaces that remain
// into terms. A scenario matches when every term is a substring of one of its fields (any field,
// either language) — so Chinese works without word spaces ("延误" finds "航班延误") and
// "delay refund" finds a scenario with "delayed" in a phrase and "refund" in a reason. Only the
// first kSearchMaxQueryBytes bytes and kSearchMaxTerms terms are used. An empty query finds
// nothing (the UI shows its own default list).
//
// Ranking: each term scores its best field; field weights are tiers, so a title hit always beats
// a typical-phrase hit, which beats a situation, a reason, a concern (title > typical phrase >
// situation > reason > concern). Within a tier, a hit at the start of the field, a term that is the
// whole field, and a term covering more of the field rank higher (+ up to 30, below the 100 between
// tiers). A multi-term query found as one contiguous phrase in a field adds that field's weight
// again, so typing a typical phrase word for word puts its scenario first (checked, best first,
// for the candidates the bonus could still lift into the results — at most kSearchPhraseChecks of
// them, so a mid-word keystroke like "I n" stays fast). Ties keep pack order.
//
// How it is fast: every field is normalised once at build time into one buffer, and every
// code-point unigram and bigram points to the fields containing it. A term of one or two code
// points is answered from that table alone; a longer term intersects its rarest bigram lists and
// confirms the remaining candidates with a substring search. Terms run rarest first, and a later
// term only looks at scenarios that matched the earlier ones. Budget (bench/assistant_bench.cpp):
// under 5 ms per keystroke over 10,000 scenarios natively; the slowest keystrokes are prefixes of
// common English words ("There are", "Can I r"). Memory and build time grow with the text: about
// 7 KB and 0.1 ms per demo-sized scenario natively (the demo packs' 48 scenarios: 0.5 MB, 6 ms;
// 500: 3.6 MB, 55 ms; 10,000: 75 MB, 1 s). An index is immutable and shared: cheap to copy, safe
// to search from several threads.
//
// Lifetime: the index points into the packs; they must outlive it and not change while it is used.
// After an edit or an import, build a new index.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/lang.h"
#include "core/model.h"

namespace cw {

constexpr size_t kSearchMaxQueryBytes = 256;
constexpr size_t kSearchMaxTerms = 8;
constexpr size_t kSearchPhraseChecks = 500;  // candidates checked for the phrase bonus (see Ranking)

enum class SearchField : uint8_t { Title, TypicalPhrase, Situation, Reason, Concern };
const char* to_string(SearchField f);  // "title" "typical_phrase" "situation" "reason" "concern"

// Where one query term matched (its best field in this scenario), for "matched in: ..." and
// highlighting.
struct SearchFieldHit {
    SearchField field = SearchField::Title;
    int item = -1;             // index in typical_phrases / reasons / concerns; -1 for title, situation
    Lang lang = Lang::Zh;      // which side of the bilingual text
    size_t begin = 0;          // byte offsets of the hit in that text, as written in the pack
    size_t end = 0;
    std::string term;          // the query term (normalised)
};

struct ScenarioSearchResult {
    const Pack* pack = nullptr;
    const Scenario* scenario = nullptr;
    size_t pack_index = 0;     // position in the list given to build_scenario_index
    size_t scenario_index = 0; // position in pack->scenarios
    double score = 0;
    SearchField best_field = SearchField::Title;  // the highest-tier field any term matched
    std::vector<SearchFieldHit> hits;             // one per query term, in query order
};

namespace detail { struct ScenarioIndexData; }

class ScenarioIndex {
public:
    ScenarioIndex();  // empty: finds nothing

    // Best first, at most max_results (0 = none).
    std::vector<ScenarioSearchResult> search(std::string_view query, size_t max_results = 20) const;

    size_t scenario_count() const;
    size_t field_count() const;     // indexed texts (each language of each field counts once)
    size_t memory_bytes() const;    // approximate heap use, for the benchmark and the budget

private:
    std::shared_ptr<const detail::ScenarioIndexData> d_;
    friend ScenarioIndex build_scenario_index(const std::vector<const Pack*>&);
};

// Null entries are skipped (their position still counts for pack_index).
ScenarioIndex build_scenario_index(const std::vector<const Pack*>& packs);

}  // namespace cw
