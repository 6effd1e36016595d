// scenario_search.cpp — see scenario_search.h.
//
// Layout: 1. index data  2. building (normalise, count grams, fill posting lists)  3. a query:
// terms → candidate fields → per-scenario scores → top results → explanation of the top ones.
#include "core/scenario_search.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "core/text_normalize.h"

namespace cw {

const char* to_string(SearchField f) {
    switch (f) {
        case SearchField::Title: return "title";
        case SearchField::TypicalPhrase: return "typical_phrase";
        case SearchField::Situation: return "situation";
        case SearchField::Reason: return "reason";
        case SearchField::Concern: return "concern";
    }
    return "title";
}

namespace detail {

struct IndexedField {
    uint32_t scenario = 0;     // index into ScenarioIndexData::scenarios
    SearchField field = SearchField::Title;
    Lang lang = Lang::Zh;
    int32_t item = -1;
};

struct IndexedScenario {
    const Pack* pack = nullptr;
    const Scenario* scenario = nullptr;
    uint32_t pack_index = 0;
    uint32_t scenario_index = 0;
    uint32_t first_field = 0, end_field = 0;  // its fields are contiguous
};

struct ScenarioIndexData {
    std::vector<IndexedScenario> scenarios;
    std::vector<IndexedField> fields;
    std::string text;                   // every field's normalised text, back to back
    std::vector<uint32_t> field_begin;  // fields.size() + 1 entries into `text`
    // Gram table: sorted keys; postings of keys[i] are postings[key_begin[i] .. key_begin[i + 1]),
    // field ids ascending (so grouped by scenario).
    std::vector<uint64_t> keys;
    std::vector<uint32_t> key_begin;
    std::vector<uint32_t> postings;

    std::string_view field_text(uint32_t f) const {
        return std::string_view(text).substr(field_begin[f], field_begin[f + 1] - field_begin[f]);
    }
};

}  // namespace detail

namespace {

using detail::IndexedField;
using detail::IndexedScenario;
using detail::ScenarioIndexData;

// Tier weights (see the header): 100 apart, and the in-tier bonuses add at most 30.
double tier_weight(SearchField f) {
    switch (f) {
        case SearchField::Title: return 500;
        case SearchField::TypicalPhrase: return 400;
        case SearchField::Situation: return 300;
        case SearchField::Reason: return 200;
        case SearchField::Concern: return 100;
    }
    return 0;
}

double field_score(SearchField f, size_t pos, size_t term_len, size_t field_len) {
    double s = tier_weight(f);
    if (pos == 0) s += 10;
    if (term_len == field_len) s += 10;
    if (field_len > 0) s += 10.0 * static_cast<double>(term_len) / static_cast<double>(field_len);
    return s;
}

// Decodes normalised text (always well-formed UTF-8) into code points.
void code_points(std::string_view s, std::vector<uint32_t>& out) {
    out.clear();
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        uint32_t cp;
        size_t n;
        if (c < 0x80) { cp = c; n = 1; }
        else if (c < 0xE0) { cp = c & 0x1F; n = 2; }
        else if (c < 0xF0) { cp = c & 0x0F; n = 3; }
        else { cp = c & 0x07; n = 4; }
        if (i + n > s.size()) n = s.size() - i;  // cannot happen for normalised text; stay in bounds
        for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += n;
    }
}

// Gram keys: a unigram is the code point with the top bit set; a bigram is two 21-bit code points.
constexpr uint64_t kUnigram = uint64_t(1) << 63;
uint64_t unigram(uint32_t cp) { return kUnigram | cp; }
uint64_t bigram(uint32_t a, uint32_t b) { return (uint64_t(a) << 21) | b; }

// The grams of one field, each once. Spaces separate terms and are never inside one, so grams
// with a space are not indexed.
void field_grams(std::string_view text, std::vector<uint32_t>& cps, std::vector<uint64_t>& grams) {
    code_points(text, cps);
    grams.clear();
    for (size_t i = 0; i < cps.size(); ++i) {
        if (cps[i] == ' ') continue;
        grams.push_back(unigram(cps[i]));
        if (i + 1 < cps.size() && cps[i + 1] != ' ') grams.push_back(bigram(cps[i], cps[i + 1]));
    }
    std::sort(grams.begin(), grams.end());
    grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
}

struct Postings {
    const uint32_t* begin = nullptr;
    const uint32_t* end = nullptr;
    size_t size() const { return static_cast<size_t>(end - begin); }
};

Postings lookup(const ScenarioIndexData& d, uint64_t key) {
    auto it = std::lower_bound(d.keys.begin(), d.keys.end(), key);
    if (it == d.keys.end() || *it != key) return {};
    const size_t k = static_cast<size_t>(it - d.keys.begin());
    return {d.postings.data() + d.key_begin[k], d.postings.data() + d.key_begin[k + 1]};
}

// The posting lists that narrow `term` (normalised): for one code point its unigram list; else
// its distinct bigrams' lists, rarest first (grams across a space are skipped: a phrase query
// uses its words' bigrams). Every field containing the term is in every list. `exact`: the one
// list is the answer itself (a term of one or two code points). False if the term is nowhere.
struct TermLists {
    std::vector<Postings> lists;
    bool exact = false;
    size_t estimate() const { return lists.empty() ? 0 : lists[0].size(); }
};

bool term_lists(const ScenarioIndexData& d, std::string_view term, std::vector<uint32_t>& cps, TermLists* out) {
    *out = TermLists{};
    code_points(term, cps);
    if (cps.empty()) return false;
    if (cps.size() == 1) {
        const Postings p = lookup(d, unigram(cps[0]));
        out->lists.push_back(p);
        out->exact = true;
        return p.size() > 0;
    }
    for (size_t i = 0; i + 1 < cps.size(); ++i) {
        if (cps[i] == ' ' || cps[i + 1] == ' ') continue;
        const Postings p = lookup(d, bigram(cps[i], cps[i + 1]));
        if (p.size() == 0) return false;  // a bigram nowhere: the term is nowhere
        bool seen = false;
        for (const Postings& q : out->lists) seen = seen || q.begin == p.begin;
        if (!seen) out->lists.push_back(p);
    }
    std::sort(out->lists.begin(), out->lists.end(), [](const Postings& a, const Postings& b) { return a.size() < b.size(); });
    out->exact = cps.size() == 2;
    return !out->lists.empty();
}

// Keeps the elements of `v` (ascending) that are also in `list` (ascending). Linear merge when
// the sizes are alike, galloping (exponential then binary search) when `list` is much longer.
void intersect_with(std::vector<uint32_t>& v, const Postings& list) {
    const uint32_t* lo = list.begin;
    size_t kept = 0;
    const bool gallop = list.size() > 8 * v.size();
    for (uint32_t x : v) {
        if (gallop) {
            size_t step = 1;
            const uint32_t* hi = lo;
            while (hi < list.end && *hi < x) {
                lo = hi;
                hi = list.end - lo > static_cast<std::ptrdiff_t>(step) ? lo + step : list.end;
                step *= 2;
            }
            lo = std::lower_bound(lo, hi, x);
        } else {
            while (lo < list.end && *lo < x) ++lo;
        }
        if (lo == list.end) break;
        if (*lo == x) v[kept++] = x;
    }
    v.resize(kept);
}

// Cuts the query at the byte bound without splitting a code point.
std::string_view bounded_query(std::string_view q) {
    if (q.size() <= kSearchMaxQueryBytes) return q;
    size_t n = kSearchMaxQueryBytes;
    for (int k = 0; k < 3 && n > 0 && (static_cast<unsigned char>(q[n]) & 0xC0) == 0x80; ++k) --n;
    return q.substr(0, n);
}

const LocalizedText* source_text(const Scenario& s, const IndexedField& f) {
    switch (f.field) {
        case SearchField::Title: return &s.title;
        case SearchField::Situation: return &s.situation;
        case SearchField::TypicalPhrase: return &s.typical_phrases[static_cast<size_t>(f.item)];
        case SearchField::Reason: return &s.reasons[static_cast<size_t>(f.item)];
        case SearchField::Concern: return &s.concerns[static_cast<size_t>(f.item)];
    }
    return nullptr;
}

}  // namespace

// ------------------------------------------------------------------ building
ScenarioIndex::ScenarioIndex() {
    auto d = std::make_shared<ScenarioIndexData>();
    d->field_begin.push_back(0);
    d->key_begin.push_back(0);
    d_ = std::move(d);
}

ScenarioIndex build_scenario_index(const std::vector<const Pack*>& packs) {
    auto d = std::make_shared<ScenarioIndexData>();
    d->field_begin.push_back(0);
    std::string norm;
    auto add_field = [&](uint32_t sc, SearchField field, int item, const LocalizedText& t) {
        for (Lang lang : {Lang::Zh, Lang::En}) {
            normalize_for_match(lang == Lang::Zh ? t.zh : t.en, norm);
            if (norm.empty()) continue;
            d->fields.push_back(IndexedField{sc, field, lang, item});
            d->text += norm;
            d->field_begin.push_back(static_cast<uint32_t>(d->text.size()));
        }
    };
    for (size_t pi = 0; pi < packs.size(); ++pi) {
        if (!packs[pi]) continue;
        const Pack& p = *packs[pi];
        for (size_t si = 0; si < p.scenarios.size(); ++si) {
            const Scenario& s = p.scenarios[si];
            const uint32_t sc = static_cast<uint32_t>(d->scenarios.size());
            IndexedScenario is{&p, &s, static_cast<uint32_t>(pi), static_cast<uint32_t>(si),
                               static_cast<uint32_t>(d->fields.size()), 0};
            add_field(sc, SearchField::Title, -1, s.title);
            for (size_t i = 0; i < s.typical_phrases.size(); ++i)
                add_field(sc, SearchField::TypicalPhrase, static_cast<int>(i), s.typical_phrases[i]);
            add_field(sc, SearchField::Situation, -1, s.situation);
            for (size_t i = 0; i < s.reasons.size(); ++i)
                add_field(sc, SearchField::Reason, static_cast<int>(i), s.reasons[i]);
            for (size_t i = 0; i < s.concerns.size(); ++i)
                add_field(sc, SearchField::Concern, static_cast<int>(i), s.concerns[i]);
            is.end_field = static_cast<uint32_t>(d->fields.size());
            d->scenarios.push_back(is);
        }
    }

    // Two passes over the stored text (count, then fill) so the posting lists are built in place,
    // without a temporary list of (gram, field) pairs three times their size.
    std::unordered_map<uint64_t, uint32_t> slot;  // gram -> count, then -> write position
    std::vector<uint32_t> cps;
    std::vector<uint64_t> grams;
    for (uint32_t f = 0; f < d->fields.size(); ++f) {
        field_grams(d->field_text(f), cps, grams);
        for (uint64_t g : grams) ++slot[g];
    }
    d->keys.reserve(slot.size());
    for (const auto& kv : slot) d->keys.push_back(kv.first);
    std::sort(d->keys.begin(), d->keys.end());
    d->key_begin.resize(d->keys.size() + 1);
    uint32_t total = 0;
    for (size_t k = 0; k < d->keys.size(); ++k) {
        d->key_begin[k] = total;
        uint32_t& s = slot[d->keys[k]];
        const uint32_t count = s;
        s = total;  // from here on: where the next field id of this gram goes
        total += count;
    }
    d->key_begin[d->keys.size()] = total;
    d->postings.resize(total);
    for (uint32_t f = 0; f < d->fields.size(); ++f) {
        field_grams(d->field_text(f), cps, grams);
        for (uint64_t g : grams) d->postings[slot[g]++] = f;  // fields in order: lists come out sorted
    }
    ScenarioIndex index;
    index.d_ = std::move(d);
    return index;
}

size_t ScenarioIndex::scenario_count() const { return d_->scenarios.size(); }
size_t ScenarioIndex::field_count() const { return d_->fields.size(); }
size_t ScenarioIndex::memory_bytes() const {
    const ScenarioIndexData& d = *d_;
    return d.scenarios.capacity() * sizeof(IndexedScenario) + d.fields.capacity() * sizeof(IndexedField) +
           d.text.capacity() + d.field_begin.capacity() * 4 + d.keys.capacity() * 8 + d.key_begin.capacity() * 4 +
           d.postings.capacity() * 4;
}

// ------------------------------------------------------------------ a query
std::vector<ScenarioSearchResult> ScenarioIndex::search(std::string_view query, size_t max_results) const {
    std::vector<ScenarioSearchResult> results;
    const ScenarioIndexData& d = *d_;
    if (max_results == 0 || d.scenarios.empty()) return results;

    std::string q = normalize_for_match(bounded_query(query));
    // An ill-formed byte (normalised to U+FFFD) carries no meaning: it separates terms like a space.
    for (size_t at = q.find("\xEF\xBF\xBD"); at != std::string::npos; at = q.find("\xEF\xBF\xBD", at))
        q.replace(at, 3, " ");
    std::vector<std::string> terms;
    for (size_t i = 0; i < q.size() && terms.size() < kSearchMaxTerms;) {
        size_t j = q.find(' ', i);
        if (j == std::string::npos) j = q.size();
        std::string term = q.substr(i, j - i);
        if (!term.empty() && std::find(terms.begin(), terms.end(), term) == terms.end()) terms.push_back(std::move(term));
        i = j + 1;
    }
    if (terms.empty()) return results;

    // Terms run rarest first. A scenario stays alive while it has matched every term so far
    // (matched[s] == terms done), so a later, common term only confirms fields of live scenarios:
    // the rest of its posting list costs an array check each, not a substring search. Candidate
    // fields come grouped by scenario (field ids ascending), so "this scenario's best field for
    // the term" is a running maximum committed when the scenario changes.
    std::vector<uint32_t> cps, cand;
    std::vector<TermLists> lists(terms.size());
    std::vector<size_t> order(terms.size());
    for (size_t t = 0; t < terms.size(); ++t) {
        if (!term_lists(d, terms[t], cps, &lists[t])) return results;  // a term found nowhere
        order[t] = t;
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return lists[a].estimate() < lists[b].estimate(); });

    const size_t n = d.scenarios.size();
    std::vector<double> score(n, 0);
    std::vector<uint8_t> matched(n, 0);
    std::vector<double> lowest_tier(n, tier_weight(SearchField::Title));  // min over terms of the best field's tier
    // One pass of `term` over its candidates; scenarios with matched == alive take part.
    auto run_term = [&](std::string_view term, const TermLists& tl, uint8_t alive) {
        // Candidates: the rarest list, without fields of scenarios already out, narrowed by the
        // term's other bigram lists while that still pays (merging costs far less than the
        // substring searches it saves, which mostly fail on false candidates).
        const Postings& first = tl.lists[0];
        cand.clear();
        for (const uint32_t* f = first.begin; f != first.end; ++f)
            if (matched[d.fields[*f].scenario] == alive) cand.push_back(*f);
        for (size_t l = 1; l < tl.lists.size() && l < 4 && cand.size() > 32; ++l) intersect_with(cand, tl.lists[l]);
        uint32_t current = UINT32_MAX;
        double best = 0, best_tier = 0;
        auto commit = [&]() {
            if (current == UINT32_MAX || best <= 0) return;
            score[current] += best;
            matched[current] = static_cast<uint8_t>(alive + 1);
            lowest_tier[current] = std::min(lowest_tier[current], best_tier);
        };
        for (const uint32_t f : cand) {
            const IndexedField& field = d.fields[f];
            if (field.scenario != current) {
                commit();
                current = field.scenario;
                best = 0;
            }
            const double tier = tier_weight(field.field);
            if (tier + 30 <= best) continue;  // this field cannot beat what the scenario has
            // Cheap checks before a substring search: a hit at the start needs no search, and a hit
            // elsewhere scores tier + coverage at most, which often cannot beat the scenario's best
            // (a later field of the same tier). An exact list needs no search at all.
            const std::string_view text = d.field_text(f);
            size_t pos = 0;
            if (text[0] != term[0] || text.compare(0, term.size(), term) != 0) {
                const double coverage = 10.0 * static_cast<double>(term.size()) / static_cast<double>(text.size());
                if (tier + coverage <= best) continue;
                pos = tl.exact ? 1 : text.find(term, 1);
                if (pos == std::string_view::npos) continue;
            }
            const double sc = field_score(field.field, pos, term.size(), text.size());
            if (sc > best) { best = sc; best_tier = tier; }
        }
        commit();
    };
    for (size_t k = 0; k < order.size(); ++k) run_term(terms[order[k]], lists[order[k]], static_cast<uint8_t>(k));

    const uint8_t need = static_cast<uint8_t>(terms.size());
    std::vector<uint32_t> found;
    for (uint32_t s = 0; s < n; ++s)
        if (matched[s] == need) found.push_back(s);
    auto better = [&](uint32_t a, uint32_t b) { return score[a] != score[b] ? score[a] > score[b] : a < b; };

    std::string phrase = terms[0];
    for (size_t i = 1; i < terms.size(); ++i) phrase += ' ' + terms[i];
    if (terms.size() > 1 && !found.empty() && q.find(phrase) != std::string::npos) {
        // Contiguous phrase bonus: the query as typed (spaces included) found in a field adds that
        // field's tier weight. Checking every live field for a rare phrase of common words would
        // cost more than the query itself, so:
        //  - a field holding the phrase holds every term, so the bonus is at most the scenario's
        //    lowest best-term tier, and the field is among those holding the rarest term;
        //  - scenarios are visited best first, and the visit stops when even that bound cannot
        //    lift the next one past the current last place of the top `max_results`;
        //  - and after kSearchPhraseChecks visits in any case: when hundreds of scenarios score
        //    alike ("I n", typed mid-word), exactness there is not worth a missed keystroke.
        const Postings rare = lists[order[0]].lists[0];  // holds every field holding the rarest term
        auto heap_less = [&](uint32_t a, uint32_t b) { return better(b, a); };
        std::vector<uint32_t> heap = found;
        std::make_heap(heap.begin(), heap.end(), heap_less);
        std::vector<double> top;  // final scores visited so far, best first, at most max_results
        for (size_t visits = 0; !heap.empty() && visits < kSearchPhraseChecks; ++visits) {
            std::pop_heap(heap.begin(), heap.end(), heap_less);
            const uint32_t s = heap.back();
            heap.pop_back();
            if (top.size() == max_results && score[s] + lowest_tier[s] < top.back()) break;
            const IndexedScenario& is = d.scenarios[s];
            const uint32_t* f = std::lower_bound(rare.begin, rare.end, is.first_field);
            for (; f != rare.end && *f < is.end_field; ++f)  // ascending field ids: tier order
                if (d.field_text(*f).find(phrase) != std::string_view::npos) {
                    score[s] += tier_weight(d.fields[*f].field);
                    break;
                }
            top.insert(std::upper_bound(top.begin(), top.end(), score[s], std::greater<double>()), score[s]);
            if (top.size() > max_results) top.pop_back();
        }
    }
    const size_t keep = std::min(max_results, found.size());
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(keep), found.end(), better);
    found.resize(keep);

    // Explain the few results: each term's best field, with offsets in the pack's own text.
    std::string norm;
    std::vector<uint32_t> offsets;
    for (uint32_t s : found) {
        const IndexedScenario& is = d.scenarios[s];
        ScenarioSearchResult r;
        r.pack = is.pack;
        r.scenario = is.scenario;
        r.pack_index = is.pack_index;
        r.scenario_index = is.scenario_index;
        r.score = score[s];
        r.best_field = SearchField::Concern;
        for (const std::string& term : terms) {
            double best = -1;
            uint32_t best_f = 0;
            size_t best_pos = 0;
            for (uint32_t f = is.first_field; f < is.end_field; ++f) {
                const std::string_view text = d.field_text(f);
                const size_t pos = text.find(term);
                if (pos == std::string_view::npos) continue;
                const double sc = field_score(d.fields[f].field, pos, term.size(), text.size());
                if (sc > best) { best = sc; best_f = f; best_pos = pos; }
            }
            if (best < 0) continue;  // cannot happen: the scenario matched every term
            const IndexedField& field = d.fields[best_f];
            const LocalizedText* src = source_text(*is.scenario, field);
            const std::string& original = field.lang == Lang::Zh ? src->zh : src->en;
            normalize_for_match(original, norm, &offsets);
            SearchFieldHit h;
            h.field = field.field;
            h.item = field.item;
            h.lang = field.lang;
            h.term = term;
            if (norm.size() + 1 == offsets.size() && best_pos + term.size() <= norm.size()) {
                h.begin = offsets[best_pos];
                h.end = offsets[best_pos + term.size()];
                // Whitespace dropped after the hit (between CJK characters) maps into it: trim it.
                const std::string_view o(original);
                while (h.end > h.begin) {
                    const char c = o[h.end - 1];
                    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') --h.end;
                    else if (h.end - h.begin >= 3 && o.substr(h.end - 3, 3) == "\xE3\x80\x80") h.end -= 3;  // U+3000
                    else if (h.end - h.begin >= 2 && o.substr(h.end - 2, 2) == "\xC2\xA0") h.end -= 2;      // U+00A0
                    else break;
                }
            }
            if (tier_weight(h.field) > tier_weight(r.best_field)) r.best_field = h.field;
            r.hits.push_back(std::move(h));
        }
        results.push_back(std::move(r));
    }
    return results;
}

}  // namespace cw
