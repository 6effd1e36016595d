// qa_scoring.h — QA scorecards 质检 (DOMAIN.md §6, docs/pack-format.md "Scorecards"): score one
// CallRecord — a real call logged by the assistant or a practice call with a simulated customer,
// the same way — against a pack's Scorecard, item by item, with every deduction explaining
// itself (which line, which rule, in both languages), disputes that change nothing until a
// reviewer accepts them, and manual items left for the reviewer.
//
// Owns: (1) CallRules — the rules a call is judged by, compiled from a pack and a scenario:
// prohibited phrases and never-disclose items (pack-wide + the scenario's own), the scenario's
// pool of empathy lines, the worn-out stock empathy line, money offered in free text, and the
// "wait before you offer" rule (ListenTracker). core/practice_sim.cpp moves the simulated
// customer's mood by these same rules, so what QA deducts and what upsets the simulated customer
// never drift apart. (2) The scoring of each automatic check, disputes and manual marks.
// Must never: read a clock (times come from the caller), touch UI/storage/platform code, change
// the pack or the record, throw on any text (empty, huge, ill-formed UTF-8), or let a dispute
// move a score before a reviewer accepts it.
//
// What each automatic check does (points are fractions of the item's weight; an item earns
// weight − Σ its deductions not waived by an accepted dispute, never below 0):
//   no_prohibited_phrase   each agent line with a prohibited phrase 禁忌语 or a never-disclose
//                          item deducts the whole weight (both are "what must not be done",
//                          DOMAIN.md §3). Hits come from CallRecord::hits and from scanning the
//                          agent's lines again, merged, so a real call logged without hits is
//                          still judged.
//   empathy_variety        an empathy line used a second time deducts 1/2; the stock line
//                          ("我理解您的心情") deducts 1/4 each time (1/2 when repeated); no soothing
//                          line at all in a call where the customer spoke deducts 1/2.
//   waited_before_compensation  each offer made before the customer was heard (ListenTracker)
//                          deducts the whole weight.
//   first_contact_resolution    CallEnd::Resolved passes; any other end deducts the whole weight.
//   questions_answered     each customer question (CallLine::is_question) never answered
//                          deducts weight / number of questions. None asked: passes.
//   within_authority       the line where the money offered in the call first exceeds the
//                          grade's compensation_limit, without a recorded approval, deducts the
//                          whole weight. Unknown grade: not applicable.
//   customer_feeling       "by the customer's feeling": practice calls earn weight ×
//                          min(1, final_mood / satisfied_mood); real calls with a recorded
//                          satisfaction (1..5) earn weight × (s − 1) / 4; neither: unscored
//                          until a reviewer marks it.
//   manual                 unscored until a reviewer marks it (mark_item).
// Unscored items count in neither score nor max_score; QaResult::unscored says how many remain.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/call_record.h"
#include "core/disclosure_pattern.h"
#include "core/model.h"

namespace cw {

// ------------------------------------------------------------------ approximate text matching
// Content tokens of a text for "does this reply address that?" questions: the text is
// normalised (core/text_normalize.h), then every pair of adjacent CJK characters (a single CJK
// character standing alone), every ASCII word of 3+ letters that is not a stop word, and every
// number of 2+ digits becomes a token. Tokens are 64-bit hashes, sorted and unique.
// Chinese has no spaces, hence bigrams; they make "航班延误" and "延误的航班" share "延误".
using TextTokens = std::vector<std::uint64_t>;
TextTokens content_tokens(std::string_view text);
// Tokens of `reference` also in `text`.
size_t shared_tokens(const TextTokens& text, const TextTokens& reference);
// shared_tokens / |reference| (0 when the reference has none).
double token_coverage(const TextTokens& text, const TextTokens& reference);

// A text normalised and tokenised once, for checking it against several rules (a practice
// reply goes through guardrails, empathy lines, offers and every script step).
struct PreparedText {
    explicit PreparedText(std::string_view text);
    std::string_view raw;      // the text as given (not owned: keep it alive)
    std::string norm;          // normalize_for_match(raw)
    TextTokens tokens;         // content_tokens(raw)
};

// ------------------------------------------------------------------ money offered in free text
struct OfferMention {
    bool found = false;      // an amount of money or an offer word (voucher, 补偿, ...)
    double amount = 0;       // the largest amount with a currency ("50元", "¥50", "50 CNY", "五十块")
    std::string matched;     // the words, as normalised, for the explanation
};
// Refunds of what the customer paid are not compensation: "退款"/"refund" alone is no offer.
OfferMention find_offer(std::string_view text);
OfferMention find_offer(const PreparedText& text);

// ------------------------------------------------------------------ the rules of one call
// The stock soothing line that wears out (DOMAIN.md §3). Some packs also list it as prohibited;
// then both rules apply.
const std::vector<LocalizedText>& stock_empathy_lines();

class CallRules {
public:
    CallRules() = default;
    // Pack-wide guardrails plus the scenario's own (scenario may be null: pack-wide only).
    CallRules(const Pack& pack, const Scenario* scenario);

    // Prohibited phrases (case-insensitive, normalised substring, either language) and
    // never-disclose items (phrases, patterns) found in `text`. `line` is copied into the hits.
    std::vector<GuardrailHit> scan(std::string_view text, int line) const;
    std::vector<GuardrailHit> scan(const PreparedText& text, int line) const;
    // Index into the scenario's empathy_lines of the first line `text` contains (either
    // language; trailing punctuation ignored; or 80% of its tokens), or -1.
    int empathy_index(std::string_view text) const;
    int empathy_index(const PreparedText& text) const;
    bool is_stock_empathy(std::string_view text) const;
    bool is_stock_empathy(const PreparedText& text) const;

    const ProhibitedPhrase* prohibited(std::string_view id) const;
    const NeverDisclose* never_disclose(std::string_view id) const;
    const std::vector<ProhibitedPhrase>& prohibited_phrases() const { return prohibited_; }
    const std::vector<LocalizedText>& empathy_lines() const { return empathy_; }

private:
    std::vector<ProhibitedPhrase> prohibited_;
    std::vector<std::string> prohibited_norm_;      // 2 per phrase: zh, en (normalised; may be "")
    std::vector<NeverDisclose> never_;
    struct Compiled { size_t item; bool pattern; std::string phrase; DisclosurePattern p; };
    std::vector<Compiled> never_compiled_;
    std::vector<LocalizedText> empathy_;
    std::vector<std::string> empathy_norm_;         // 2 per line, trailing punctuation trimmed
    std::vector<TextTokens> empathy_tokens_;        // 2 per line
};

// "Wait before you offer" (DOMAIN.md §3; docs/pack-format.md script rules): an offer counts as
// heard only if the customer spoke after the agent's previous line. Any other agent line (an
// explanation, an apology, another offer) in between means explanation + compensation in one
// breath: `wait → say → offer` is not heard. The customer's opening words, before the agent
// said anything, are no reply: an offer straight after them is money first. System lines are
// ignored. Feed lines in order.
struct ListenTracker {
    bool heard = false;
    bool agent_spoke = false;
    // Returns whether the customer had been heard before this line, then updates.
    bool on_line(const CallLine& line);
};

// An agent line that offers compensation: an amount, or an Offer step (amount may be 0:
// a voucher or an upgrade is compensation too).
bool is_offer_line(const CallLine& line);

// The grade's compensation limit, or nullopt if the pack has no such grade.
std::optional<double> compensation_limit(const Pack& pack, std::string_view grade_id);

// ------------------------------------------------------------------ scoring
enum class QaStatus { Pass, Partial, Fail, Unscored, NotApplicable };
const char* to_string(QaStatus s);  // "pass" "partial" "fail" "unscored" "not_applicable"

struct Deduction {
    std::string id;            // "<item id>#<n>", stable within a result; disputes refer to it
    std::string item_id;
    ScoreCheck check = ScoreCheck::Manual;
    // Stable code: "prohibited_phrase" "never_disclose" "repeated_empathy" "stock_empathy"
    // "no_empathy" "offer_before_reply" "not_resolved" "question_unanswered" "over_authority"
    // "customer_mood" "customer_satisfaction".
    std::string rule;
    int line = -1;             // index into CallRecord::lines; -1 = the call as a whole
    std::string line_text;     // that line's text, as said
    double points = 0;         // taken off the item's weight
    LocalizedText explanation; // names the line (1-based, as people count) and the rule
    bool waived = false;       // a dispute about it was accepted
};

enum class DisputeStatus { Open, Accepted, Rejected };
const char* to_string(DisputeStatus s);  // "open" "accepted" "rejected"

struct Dispute {
    std::string deduction_id;
    std::string comment;       // the agent's reason
    std::string by;
    std::int64_t at = 0;       // unix ms, from the caller
    DisputeStatus status = DisputeStatus::Open;
    std::string reviewer;
    std::string reviewer_note;
    std::int64_t decided_at = 0;
};

struct QaItemResult {
    std::string item_id;
    LocalizedText label;
    ScoreCheck check = ScoreCheck::Manual;
    double weight = 0;
    double earned = 0;         // 0 while unscored
    QaStatus status = QaStatus::Unscored;
    std::vector<Deduction> deductions;
    LocalizedText note;        // why it passed / what it judged (always set by score_call)
    bool needs_reviewer = false;            // manual, or no rule could judge it: only mark_item scores it
    std::optional<double> reviewer_points;  // set by mark_item
    std::string reviewer;
    std::string reviewer_note;
};

struct QaResult {
    std::string scorecard_id;
    bool practice = false;
    double score = 0;          // Σ earned over scored items
    double max_score = 0;      // Σ weight over scored items
    double percent = 0;        // 100 × score / max_score (0 when max_score is 0)
    int unscored = 0;          // items waiting for a reviewer
    std::vector<QaItemResult> items;   // scorecard order
    std::vector<Dispute> disputes;

    const QaItemResult* find_item(std::string_view item_id) const;
    const Deduction* find_deduction(std::string_view deduction_id) const;
};

struct QaOptions {
    std::optional<int> satisfaction;   // real calls: the customer's 1..5 rating, if recorded
    double satisfied_mood = 70;        // practice: the mood that earns full "customer feeling"
};

// Scores `record` against `card`. The scenario (for empathy lines and its guardrails) and the
// grade are looked up in `pack` by the record's ids; unknown ids degrade gracefully (pack-wide
// guardrails only; within_authority not applicable).
QaResult score_call(const Pack& pack, const Scorecard& card, const CallRecord& record,
                    const QaOptions& options = QaOptions{});

const Scorecard* find_scorecard(const Pack& pack, std::string_view scorecard_id);

// Records an agent's dispute of a deduction. The score does not change. Returns the dispute's
// index, or -1 if there is no such deduction or it already has an open or accepted dispute.
int dispute(QaResult& result, std::string_view deduction_id, std::string comment, std::string by,
            std::int64_t at = 0);
// A reviewer's decision. Accepting waives the deduction and recomputes the score; rejecting
// only records the decision. False if the index is wrong or the dispute is already decided.
bool accept_dispute(QaResult& result, size_t dispute_index, std::string reviewer, std::string note,
                    std::int64_t at = 0);
bool reject_dispute(QaResult& result, size_t dispute_index, std::string reviewer, std::string note,
                    std::int64_t at = 0);
// A reviewer's mark for a manual item, or for an automatic item left unscored (customer_feeling
// without mood or rating). `points` is clamped to 0..weight. False for other items.
bool mark_item(QaResult& result, std::string_view item_id, double points, std::string reviewer,
               std::string note);
// Recomputes every item and the totals from deductions, waivers and marks.
void recompute(QaResult& result);

}  // namespace cw
