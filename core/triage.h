// triage.h — the four-quadrant triage suggestion (DOMAIN.md §1): from a customer's free text
// (Chinese or English) to urgency and importance scores, a quadrant, and the reasons — which
// signals fired, on what words, how much each added — plus scenario suggestions from the
// scenarios' typical phrases.
//
// Owns: compiling packs' TriageRules into a matcher (TriageIndex), the built-in generic cues
// (deadlines such as "40分钟后" / "in 2 hours", calm words such as "不着急" / "no rush", safety,
// health, stranded and money words as fallbacks, planning ahead for a vulnerable person, a
// symptom now, someone in the caller's care out of contact, money gone from an account, a
// document problem, an ignored promise),
// negation ("不紧急", "not urgent") and prevention ("防止被骗") of a phrase, and the scoring rule.
// Must never: throw, crash or stall on any input (empty, huge, emoji, ill-formed UTF-8), touch
// UI/storage/platform code, or change a pack. It suggests; the agent decides (overrides are kept
// by the case, not here).
//
// Scoring (all of it visible in TriageResult::fired, whose urgency/importance add up exactly to
// the result's):
//   urgency    = Σ fired pack signals' weight_urgency    + built-in cues (below)
//   importance = Σ fired pack signals' weight_importance + built-in cues (below)
//   urgent  = urgency    >= thresholds.urgency;  important = importance >= thresholds.importance
//   q1 urgent+important, q2 important only, q3 urgent only, q4 neither.
// A signal fires at most once per text, however many of its phrases match, on its first match.
// A safety or time-pressure phrase preceded by a negation ("不", "没有", "不是", "not", "no",
// "...n't", also across "very"/"an"/"is": "not an emergency") does not fire; it is listed in
// TriageResult::negated. Other kinds are not negated: "还没有退款" / "no refund yet" is the
// complaint itself.
// A phrase said about prevention ("防止被骗", "protect him from scams") fires with its
// importance but no urgency (FiredSignal::prevention): the risk matters, nothing is happening.
//
// Matching: text and phrases are normalised the same way (core/text_normalize.h); a phrase
// matches as a substring, except that a phrase starting with an ASCII letter or digit must
// start a word ("ill" does not match "bill"), and one of at most 4 bytes ending with a letter or
// digit must end a word, give or take an English inflection ("now" does not match "nowhere",
// "hurt" matches "hurts"). A phrase's trailing particles (了 呢 啊 吧 呀, not the question 吗)
// and punctuation are not required ("赶不上飞机了" matches "赶不上飞机").
//
// Built-in cues are generic: they work even when a pack forgot a phrase. Their weights are
// fractions of the index's thresholds (kBuiltin* below), so they mean the same thing whatever
// scale a pack uses ("a deadline within two hours makes a request urgent on its own"). A
// built-in cue never counts words a pack signal with the same meaning already fired on — the
// pack has spoken about those words, so "不着急" in a pack's no-rush signal is not taken off
// twice (details at "covered_as" in triage.cpp).
//   - time pressure: a deadline (number + unit with a future marker or none, "马上", "right
//     now", "tonight"...; an elapsed duration such as "等了40分钟", "40 minutes ago", "20
//     minutes late" is no deadline), or an insistence ("紧急", "急急急", "urgent", "!!", "?!").
//     Only the strongest of these counts (they all say "now"): "URGENT!!! NOW!" counts once.
//   - about to miss a departure: a departure word ("航班", "登机", "flight", "train"...) and a
//     numeric deadline within kDepartureMinutes — DOMAIN.md's "a passenger about to miss a
//     flight" — adds importance: the trip is at stake.
//   - safety fallback: words meaning a person may be in danger now ("救命", "流血", "不让我下车",
//     "bleeding", "won't let me out"...). Counted only when no pack signal of kind `safety` fired,
//     and not on words a pack signal that adds importance fired on ("派出所" in a pack's
//     "police" signal of kind `phrase`).
//   - importance fallbacks, each only on words no pack signal that adds importance fired on:
//     health at stake ("手术", "住院", "surgery", "hospital"), stranded ("滞留", "没地方住",
//     "stranded", "nowhere to sleep"), money at risk ("盗刷", "冻结", "挂失", "unauthorised",
//     "block my card").
//   - feeling unwell now ("头晕", "发烧", "dizzy", "short of breath"): importance and half the urgency
//     threshold (none when said about prevention, "防止低血糖"); a medicine someone depends on
//     ("胰岛素", "insulin", "inhaler") is a health word. Only on words no pack importance signal fired on.
//   - cues read from two or three words in one sentence (kCueSentenceBytes; "." "!" "?" ";" "。" end
//     one), found on the first trigger that has its partners, trigger not negated:
//       * out of contact: a person in the caller's care (children, parents, kVulnerableWords — "女儿",
//         "my dad", "elderly") and a loss of contact ("关机", "联系不上", "phone is off", "hasn't
//         moved"), not said of the service ("你们客服电话打不通", "the driver isn't answering"):
//         urgent and important, counted like the safety fallback (not when a safety signal fired),
//         and calm words cannot lower it ("不着急，就是我女儿手机一直关机").
//       * money gone: an amount ("4000元", "三百多块", "£4,000"), money gone ("少了", "不见了",
//         "lower", "missing") and the customer's own holdings ("余额", "卡里", "balance", "account"):
//         urgent and important; a past marker or calm words lower the urgency as usual.
//       * document problem: a travel or identity document or the name on it ("护照", "签证",
//         "名字", "passport", "visa") and a problem ("过期", "拼错", "被拒", "expires", "refused",
//         "lost"): importance (the trip or the stay depends on it; "请问需要签证吗" is no problem).
//   - no follow-up: promised a reply and heard nothing, or called again and again ("没人回复",
//     "打过两次", "nobody has contacted me", "called three times"): importance.
//   Stranded also covers refused entry ("拒绝入境", "refused entry", "deported") and nowhere else
//   to sleep ("没别的酒店", "all the hotels are full").
//   - planning ahead for someone who needs special care (a vulnerable person — "老人", "轮椅",
//     "pregnant", "allergy"... — and a horizon a week or more ahead): importance. DOMAIN.md §1's
//     Q2, "anticipating latent needs"; packs weigh the vulnerable group itself.
//   - calm: "不着急", "no rush", "whenever you can"... lowers urgency; so does a far horizon
//     ("下个月", "next month", "in five weeks") or a past event ("上周", "last week", "two
//     months ago"). Together by at most kBuiltinCalmMax, and never when a safety signal fired:
//     "no rush, but the driver won't let me out" stays urgent.
//
// Input bound: only the first kTriageMaxScanBytes bytes of a text are scanned (cut at a code
// point boundary; TriageResult::truncated says so). A request is a few sentences; a 100 KB paste
// is a mistake, and scanning it must not freeze the UI.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace cw {

// Bytes of a request that classify() and suggest_scenarios() look at.
constexpr size_t kTriageMaxScanBytes = 20000;
// Time expressions considered per text (the first ones): a request has one or two; a paste of
// "马上马上马上..." must not fill the explanation with thousands.
constexpr size_t kMaxDeadlineCues = 32;

// Built-in cue weights, as fractions of the index's thresholds (see the header comment).
constexpr double kBuiltinDeadlineNear = 1.0;    // deadline <= 120 minutes, or "now": urgent on its own
constexpr double kBuiltinDeadlineToday = 0.5;   // deadline <= 12 hours ("tonight", "in 3 hours")
constexpr int kDeadlineNearMinutes = 120;
constexpr int kDeadlineTodayMinutes = 720;
constexpr int kFarHorizonMinutes = 7 * 24 * 60; // "in 3 weeks": a far horizon
constexpr double kBuiltinInsistence = 1.0;      // "urgent!!", "急急急": urgent to the customer
constexpr int kDepartureMinutes = 60;
constexpr double kBuiltinDepartureAtStake = 1.0;  // importance: about to miss a flight/train
constexpr double kBuiltinSafetyUrgency = 1.0;   // safety fallback: urgent and important
constexpr double kBuiltinSafetyImportance = 1.0;
constexpr double kBuiltinHealth = 1.0;          // importance: health at stake
constexpr double kBuiltinStranded = 1.0;        // importance: stranded far from home
constexpr double kBuiltinMoneyAtRisk = 1.0;     // importance: money leaving, a card at risk
constexpr double kBuiltinPlanningForVulnerable = 1.0;  // importance
constexpr double kBuiltinSymptomUrgency = 0.5;  // feeling unwell now: sooner rather than later...
constexpr double kBuiltinSymptomImportance = 1.0;  // ...and health at stake
constexpr double kBuiltinOutOfContact = 1.0;    // urgency and importance: a possible danger, like safety
constexpr double kBuiltinMoneyGone = 1.0;       // urgency and importance: money is leaving now
constexpr double kBuiltinDocumentProblem = 1.0; // importance: the trip or the stay depends on it
constexpr double kBuiltinNoFollowUp = 1.0;      // importance: promised and ignored
constexpr size_t kCueSentenceBytes = 240;       // a pair of words counts only this close, in one sentence
constexpr double kBuiltinCalm = -1.0;           // "不着急", "no rush"
constexpr double kBuiltinFarHorizon = -1.0;     // "下个月", "next month": as good as "no rush"
constexpr double kBuiltinPastEvent = -0.5;      // "上周", "last week", "two months ago"
constexpr double kBuiltinCalmMax = -1.0;        // the calm, horizon and past cues together

// Ids of the built-in cues as they appear in FiredSignal::signal_id.
constexpr const char* kCueDeadline = "builtin.deadline";
constexpr const char* kCueInsistence = "builtin.insistence";
constexpr const char* kCueDepartureAtStake = "builtin.departure_at_stake";
constexpr const char* kCueSafety = "builtin.safety";
constexpr const char* kCueHealth = "builtin.health";
constexpr const char* kCueStranded = "builtin.stranded";
constexpr const char* kCueMoneyAtRisk = "builtin.money_at_risk";
constexpr const char* kCuePlanningForVulnerable = "builtin.planning_for_vulnerable";
constexpr const char* kCueSymptom = "builtin.symptom";
constexpr const char* kCueOutOfContact = "builtin.out_of_contact";
constexpr const char* kCueMoneyGone = "builtin.money_gone";
constexpr const char* kCueDocumentProblem = "builtin.document_problem";
constexpr const char* kCueNoFollowUp = "builtin.no_follow_up";
constexpr const char* kCueCalm = "builtin.calm";
constexpr const char* kCueFarHorizon = "builtin.far_horizon";
constexpr const char* kCuePastEvent = "builtin.past_event";

// A time expression found in the text.
struct DeadlineCue {
    std::string matched;       // as typed, e.g. "四十分钟后", "in 2 hours", "马上"
    int minutes = 0;           // time left; 0 = now ("马上", "right now")
    bool explicit_future = false;  // said with a marker ("后", "内", "还有", "in", "within", "left")
    double urgency = 0;        // what it is worth before "only the strongest counts": a kBuiltinDeadline*
                               // fraction times the urgency threshold (find_deadlines: threshold 1)
    size_t position = 0;       // byte offset of `matched` in the text
};

struct FiredSignal {
    std::string signal_id;     // the pack's id, or one of the kCue* ids
    LocalizedText label;
    SignalKind kind = SignalKind::Phrase;
    std::string matched;       // the words in the text, as typed (the first match)
    double urgency = 0;        // what it added to the result
    double importance = 0;
    bool builtin = false;      // a generic cue rather than a pack signal
    bool prevention = false;   // said about prevention ("防止被骗"): urgency not counted
    size_t position = 0;       // byte offset of `matched` in the text (for highlighting)
};

struct TriageResult {
    double urgency = 0;
    double importance = 0;
    Quadrant quadrant = Quadrant::Q4_Neither;
    std::vector<FiredSignal> fired;        // in text order; their urgency/importance sum to the totals
    std::vector<DeadlineCue> deadlines;    // near deadlines and future time expressions, in text
                                           // order, at most kMaxDeadlineCues
    std::vector<FiredSignal> negated;      // matched but negated ("不紧急"): shown, not counted
    bool truncated = false;                // the text was longer than kTriageMaxScanBytes
};

struct TriageOptions {
    bool builtin_cues = true;  // false: pack signals only (for tests and for packs that want full control)
};

namespace detail { struct TriageData; }

// The compiled form of one or more packs' triage rules: every phrase normalised once
// (core/text_normalize.h) into one automaton (Aho–Corasick over UTF-8 bytes), so a
// classification is one pass over the text whatever the number of phrases. Cheap to copy
// (shared, immutable); safe to use from several threads.
class TriageIndex {
public:
    TriageIndex();  // no pack: built-in cues only, thresholds 1/1
    const TriageThresholds& thresholds() const;
    const ResponseTargets& response_targets() const;
    size_t signal_count() const;   // pack signals after merging ids
    size_t phrase_count() const;   // distinct (signal, normalised phrase) pairs

private:
    explicit TriageIndex(std::shared_ptr<const detail::TriageData> d) : d_(std::move(d)) {}
    std::shared_ptr<const detail::TriageData> d_;
    friend TriageIndex build_triage_index(const std::vector<const TriageRules*>&, const TriageOptions&);
    friend TriageResult classify(const TriageIndex&, std::string_view);
};

TriageIndex build_triage_index(const TriageRules& rules, const TriageOptions& options = TriageOptions{});

// Several packs (a workspace holds several). The rule: thresholds and response targets come
// from the first non-null entry (the primary pack, e.g. the case's pack). Signals sharing an
// id are one signal: label, kind and weights from the first pack that defines it, phrases the
// union — so a text never counts "police" twice because two packs both know it. Null entries
// are skipped; an empty list gives TriageIndex().
TriageIndex build_triage_index(const std::vector<const TriageRules*>& rules,
                               const TriageOptions& options = TriageOptions{});

// Allocates only for what it returns (scratch space is per thread, reused).
TriageResult classify(const TriageIndex& index, std::string_view text);

// The quadrant for given scores (the rule above).
Quadrant quadrant_for(double urgency, double importance, const TriageThresholds& thresholds);

// The time expressions in `text` (also part of classify()). Exposed for tests and the intake
// view. Elapsed durations ("等了一个小时", "40 minutes ago") are not returned.
std::vector<DeadlineCue> find_deadlines(std::string_view text);

// ------------------------------------------------------------------ scenario suggestion
struct ScenarioMatch {
    const Scenario* scenario = nullptr;
    double score = 0;                          // Σ over matched phrases of 1 + 0.1 × code points
    std::vector<std::string> matched_phrases;  // as written in the pack, for the explanation
};

// Scenarios whose typical_phrases (either language) occur in `text`, best first, at most `max`.
// A phrase matches as a normalised substring; a trailing particle or punctuation mark ("了",
// "?", "!"; as for signals) is not required ("航班延误了" matches "航班延误六个小时"). Score: each
// matched phrase adds 1 plus 0.1 per code point, so more and longer matches rank higher; ties
// keep the input order. Null entries are skipped. Scans the first kTriageMaxScanBytes bytes.
std::vector<ScenarioMatch> suggest_scenarios(const std::vector<const Scenario*>& scenarios,
                                             std::string_view text, size_t max);

}  // namespace cw
