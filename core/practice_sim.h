// practice_sim.h — offline practice calls with a simulated customer (DOMAIN.md §3, §4, §6;
// issue 6). A trainee picks a scenario and a persona (or "surprise me"); the simulated customer
// speaks the scenario's typical lines, reasons and concerns in the persona's manner, and has a
// mood 0..100 that reacts to what the trainee says — every change logged with its reason in
// both languages. The trainee chooses among candidate replies (the script's style variants plus
// plausible wrong ones) or types freely; both go through the same classifier and the same
// rules. The call ends when the customer is satisfied after the script's close, hangs up, or the
// trainee escalates, and leaves a CallRecord that core/qa_scoring.h scores like a real call.
//
// Owns: the customer's side of a practice call (what they say, when they ask, which branch of
// the script their situation takes), the mood rules below, the candidate replies, and the
// classification of a typed reply against the script.
// Must never: use std::random_device, an unseeded engine or any clock — a run is a pure
// function of (pack content, ids, seed, lang, options, the trainee's inputs), so it can be
// replayed and tested; touch UI/storage/platform code; depend on the live-call modules
// (guardrail_check, call_session); or throw on any input.
//
// Mood rules (deltas for the Plain manner; see mood_delta for the others). Several can fire on
// one reply; each is one MoodChange. The rules are the QA rules (core/qa_scoring.h CallRules,
// ListenTracker), seen from the customer's chair:
//   FreshEmpathy       +6   an empathy line of the scenario not used before (Elderly +8, GenZ +4, Brisk +3)
//   RepeatedEmpathy    -8   the same empathy line again (the stock line again counts too)
//   StockEmpathy       -3   "我理解您的心情" the first time: the all-purpose line sounds canned
//   ProhibitedPhrase   -25  each prohibited phrase 禁忌语 (pack-wide or the scenario's)
//   Disclosure         -20  each never-disclose item
//   EarlyCompensation  -10  compensation before the customer was heard (no customer reply since
//                           the agent's previous line — ListenTracker)
//   WithinAuthority    +8   an offer within the grade's compensation limit (or approved), after
//                           the customer was heard: a solution the trainee may give
//   OverAuthority      -12  an offer beyond the grade's limit without approval
//   QuestionAnswered   +4   the customer had asked and the reply answers (the expected script
//                           step, or 2+ shared content tokens with the question)
//   IgnoredQuestion    -10  the customer had asked and the reply does not answer
//   StyleFit           +2   a style variant the persona prefers
//   StyleMismatch      -2   a non-standard style the persona does not list
//   NoProgress         -4   nothing else fired and the reply moved nothing forward (Elderly -2,
//                           GenZ -6, Brisk -6: patience differs)
//   EscalatedInTime    +3   escalate() where the script escalates, or for an offer beyond the limit
//   EscalatedTooSoon   -5   escalate() anywhere else
// Mood starts at 45..55 (from the seed) and is clamped to 0..100. The customer hangs up at
// mood <= hang_up_at; the script's close (or a step with no next) ends the call as Resolved when
// mood >= satisfied_at, else FollowUp; escalate() ends it as Escalated; after max_agent_turns
// replies the customer runs out of patience (HungUp).
//
// Conversation shape: the customer opens with a typical phrase. The trainee answers the step
// the script expects next (Turn::expected_step_id). Wait and branch steps are the customer's
// turn: they reply (the branch their situation takes is drawn from the seed, and their words
// carry that branch's keywords) and may ask a question drawn from the scenario's concerns. A
// reply that matches another step of the script moves the call there (an off-script path);
// one that matches no step leaves the script where it was.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/call_record.h"
#include "core/lang.h"
#include "core/model.h"
#include "core/qa_scoring.h"

namespace cw {

// How a persona talks and how patient it is, derived from the persona (birth years; else words
// in its name, segment and tags). Elderly: slower, warmer, asks again, values the human touch;
// GenZ: short, emoji, wants speed; Brisk (time is money): wants the point; Plain: the rest.
enum class PersonaManner { Plain, Elderly, GenZ, Brisk };
const char* to_string(PersonaManner m);  // "plain" "elderly" "gen_z" "brisk"
PersonaManner manner_of(const Persona& persona);

enum class MoodRule {
    FreshEmpathy, RepeatedEmpathy, StockEmpathy, ProhibitedPhrase, Disclosure, EarlyCompensation,
    WithinAuthority, OverAuthority, QuestionAnswered, IgnoredQuestion, StyleFit, StyleMismatch,
    NoProgress, EscalatedInTime, EscalatedTooSoon
};
const char* to_string(MoodRule r);  // "fresh_empathy" ... (snake_case of the name)
double mood_delta(MoodRule rule, PersonaManner manner);

struct MoodChange {
    int line = -1;             // the agent line (index into record().lines) that caused it
    MoodRule rule = MoodRule::NoProgress;
    double before = 0;
    double after = 0;          // after clamping to 0..100; after - before may be smaller than the rule's delta
    LocalizedText reason;      // what happened and why it matters to the customer
};

// What a candidate reply is. Kept from the trainee (Turn shows texts only) and shown in review.
enum class CandidateKind {
    Script,             // the expected step, in one of its styles
    ScriptWithEmpathy,  // a fresh empathy line + the expected step
    StockEmpathy,       // "我理解您的心情" + the expected step
    RepeatedEmpathy,    // an empathy line already used + the expected step
    Prohibited,         // a prohibited phrase
    EarlyCompensation,  // an offer before the customer was heard
    IgnoresQuestion     // a reply that does not address the customer's question
};
const char* to_string(CandidateKind k);  // "script" "script_with_empathy" "stock_empathy" ...

struct Candidate {
    std::string text;
    CandidateKind kind = CandidateKind::Script;
    std::string step_id;       // the script step it delivers ("" = none)
    ScriptStyle style = ScriptStyle::Standard;
    int empathy_index = -1;
};

struct PracticeTurn {
    int number = 0;                    // agent replies so far
    std::string customer_line;         // what the customer said since the trainee's last reply ("" = listening)
    bool customer_asked = false;       // a question of theirs is waiting for an answer
    std::vector<std::string> system_notes;  // approvals, authority warnings since the last reply
    std::vector<std::string> candidates;    // texts to choose from (what each is: PracticeSim::candidate)
    std::string expected_step_id;      // the script step that would come next ("" when ended)
    LocalizedText key_point;           // that step's key point, for the trainee's side panel
    bool offer_needs_approval = false; // that step offers more than the grade may give alone
    double offer_amount = 0;           // that step's amount (when it is an offer)
};

struct PracticeOptions {
    double satisfied_at = 70;   // mood at the close for a satisfied customer (QaOptions::satisfied_mood too)
    double hang_up_at = 15;     // the customer hangs up at or below this mood
    int max_agent_turns = 40;   // patience of any customer, and a bound on every run
    size_t max_candidates = 5;
    std::string agent;          // trainee's name, copied into the record
};

// "Surprise me": a scenario (with a script) and one of its personas, drawn from the seed.
struct PracticeSetup {
    std::string scenario_id;
    std::string persona_id;
};
PracticeSetup surprise_me(const Pack& pack, std::uint64_t seed);

class PracticeSim {
public:
    // Copies what it needs from the pack, so the pack may go away afterwards. Fails (ok() false,
    // error() says why) for an unknown scenario, persona or grade, or a scenario with no script.
    static PracticeSim start(const Pack& pack, std::string_view scenario_id, std::string_view persona_id,
                             std::string_view grade_id, std::uint64_t seed, Lang lang,
                             const PracticeOptions& options = PracticeOptions{});

    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }

    const PracticeTurn& turn() const { return turn_; }
    // The hidden tag of the i-th candidate of the current turn (for review and tests).
    const Candidate& candidate(size_t i) const { return candidates_.at(i); }
    size_t candidate_count() const { return candidates_.size(); }

    // The trainee's reply: a candidate, or typed text. choose(i) is exactly say(candidate text).
    // False (and nothing happens) when the call has ended, i is out of range or text is blank.
    bool choose(size_t i);
    bool say(std::string_view text);
    // Asks a lead to approve the expected step's offer when it is beyond the grade's limit.
    // Approved when the pack has a grade whose limit covers it (the deciding lead's); the answer
    // is a system note. No effect (false) when there is nothing to approve or the call has ended.
    bool ask_approval();
    // Hands the call over; ends it (CallEnd::Escalated).
    bool escalate();

    bool ended() const { return ended_; }
    CallEnd end() const { return record_.end; }
    const LocalizedText& end_reason() const { return end_reason_; }
    double mood() const { return mood_; }
    double initial_mood() const { return initial_mood_; }
    const std::vector<MoodChange>& mood_log() const { return log_; }
    // The transcript so far; practice = true, seed, and final_mood once ended.
    const CallRecord& record() const { return record_; }
    PersonaManner manner() const { return manner_; }
    Lang lang() const { return lang_; }

    // What a typed reply would count as (no state change): for tests and the review screen.
    struct Classification {
        int step = -1;              // index into the scenario's script steps, -1 = none
        std::string step_id;
        ScriptStyle style = ScriptStyle::Standard;
        int empathy_index = -1;
        bool stock_empathy = false;
        std::vector<GuardrailHit> hits;
        bool offer = false;
        double offer_amount = 0;
        bool answers = false;       // answers the pending question (false when none is pending)
    };
    Classification classify(std::string_view text) const;

private:
    PracticeSim() = default;

    struct StepText {
        int step = -1;
        ScriptStyle style = ScriptStyle::Standard;
        std::string norm;          // normalised, trailing punctuation trimmed
        TextTokens tokens;
    };

    // setup
    void init(const Pack& pack, const Scenario& sc, const Persona& p, const AgentGrade& g);
    std::string fill(const LocalizedText& t) const;
    std::string step_text(int step, ScriptStyle style) const;
    int step_index(std::string_view id) const;
    std::uint64_t next_random();
    size_t random_below(size_t n);
    double random_unit();

    // the customer
    void open_call();
    void resolve_to(std::string id, bool opener);
    void customer_reply(int step, int branch_step, bool opener);
    std::string customer_question();
    std::string acceptance() const;
    std::string styled_statement(std::string content, bool opener) const;
    std::string styled_question(const std::string& q, bool again) const;
    void customer_says(std::string text, bool question, const std::string& step_id, StepKind kind,
                       const std::string& question_text);
    int choose_branch(int branch_step);
    std::string branch_hint(int branch_step, int branch);
    void finish(CallEnd end, LocalizedText reason, std::string last_words);
    void finish_close();

    // the trainee
    void apply(const Classification& act, std::string text);
    void change(MoodRule rule, int line, LocalizedText reason);
    void system_note(std::string text);
    void build_turn();
    bool verify(const Candidate& c, const Classification& k) const;
    int offer_ahead(int from_step) const;

    // everything below is copied or derived state; no pointers into the pack
    std::string error_;
    Scenario scenario_;
    Persona persona_;
    AgentGrade grade_;
    double max_grade_limit_ = 0;
    CallRules rules_;
    PersonaManner manner_ = PersonaManner::Plain;
    Lang lang_ = Lang::En;
    PracticeOptions options_;
    std::uint64_t rng_ = 0;
    std::vector<StepText> step_texts_;
    // token -> index into step_texts_, sorted: a reply is compared only with the step texts it
    // shares tokens with (classify runs for every candidate of every turn).
    std::vector<std::pair<std::uint64_t, std::uint32_t>> token_index_;

    double mood_ = 50;
    double initial_mood_ = 50;
    std::vector<MoodChange> log_;
    CallRecord record_;
    PracticeTurn turn_;
    std::vector<Candidate> candidates_;
    ListenTracker listen_;
    std::int64_t clock_ms_ = 0;

    int expected_ = -1;                    // script step index the trainee should deliver next
    int last_branch_step_ = -1;            // the branch that led to expected_, if any
    int last_agent_step_ = -1;             // the step the trainee's last reply delivered (-1: none)
    std::vector<int> branch_taken_;        // per step: branches taken so far (bit mask)
    std::map<int, int> chosen_branch_;     // branch step -> the branch the customer's situation takes now
    std::vector<int> pending_questions_;   // customer lines waiting for an answer
    std::string pending_question_text_;    // the question itself, to repeat it
    TextTokens pending_question_tokens_;
    std::vector<bool> empathy_used_;
    int empathy_first_line_ = -1;
    bool stock_used_ = false;
    std::vector<bool> phrase_used_, reason_used_, concern_used_;
    std::vector<std::string> asked_;       // the customer's questions so far (the elderly ask again)
    double approved_amount_ = 0;
    bool replied_ = false;                 // the customer has spoken since the trainee's last reply
    std::string reaction_;                 // a reaction to prefix to the customer's next words
    std::string reaction_question_;        // the question that reaction asks (again), if any
    int agent_turns_ = 0;
    bool ended_ = false;
    LocalizedText end_reason_;
};

}  // namespace cw
