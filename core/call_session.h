// call_session.h — stepping through a scenario's script during a live call (DOMAIN.md §3–§5,
// issue 5), as a pure state machine: the current step in the caller's style with the case's
// variables filled in, the possible next steps, the customer's answers choosing branches, the
// wait-for-reply gate before compensation, rotating empathy lines, and what the agent's grade
// allows. Everything said is accumulated as a CallRecord (core/call_record.h) for QA.
//
// Owns: the session's state and its rules (below), and the CallRecord it builds.
// Must never: throw, crash or loop on any script (dangling `next`, loops, an edited script, no
// script at all) or text (empty, 1 MB); read a clock itself (times come from CallSetup::clock);
// block the agent from talking (free lines and end() work in every started state; only offers
// wait for the rules below); touch
// UI/storage/platform code; or change the pack (the session keeps its own copy of the scenario).
//
// Rules:
//   - Wait gate (DOMAIN §3): advance() from a `wait` step needs a customer reply recorded since the
//     step was entered (record_customer_reply() or answer()).
//   - No explanation + compensation in one breath: an `offer` step cannot be entered (by advance,
//     choose_branch, answer or jump_to), and no offer line can be said (the step's, or
//     say(text, amount > 0)), unless the customer has spoken since the agent's last line (any
//     agent line counts: script line, own words, empathy line — an apology is part of "one
//     breath"). The call opens with the customer, so an offer that is the start step is not
//     blocked (validation warns about it).
//   - Lines are recorded when said: advance() from say/ask/offer/escalate/close records the step's
//     text (chosen style, variables filled, in CallSetup::lang) once per visit; say(text) at such a
//     step records the agent's own words instead and counts as that line (at an offer step only
//     say(text, amount > 0) does: the amount named is what was offered). `wait` and `branch` steps
//     say nothing. Every agent line goes through the guardrail check (pack-wide + scenario
//     rules); hits go into CallRecord::hits and the action's result — they flag, never block.
//   - Branches by keywords: answer(text) records the reply, passes a `wait` step, and at a
//     `branch` picks the branch with the most keywords found in the reply (normalised substring,
//     core/text_normalize.h; an ASCII keyword must start a word). No keyword: NoMatch; a tie:
//     Ambiguous (negations such as "不要退票" are not understood, so a tie is left to the agent).
//   - Empathy rotation: proposed_empathy() is the scenario's soothing line used least recently in
//     this call (unused ones first, in pool order). Using a line a second time — by use_empathy()
//     or by saying its words in say() — adds the warning "empathy_repeated".
//   - Authority by grade (core/model.h AgentGrade, from the pack's grades): sees_full_script=false
//     shows key points only (the full text on request, or when a step has no key point); deviate()
//     needs may_deviate_from_script, jump_to() needs may_skip_steps (or being off script, or a
//     broken script to recover from); an offer above compensation_limit needs a lead's approval —
//     the action returns NeedsApproval, approval_granted() records it, and the action is retried.
//     A deviation by a grade without the right asks for approval the same way. An unknown grade
//     gets the most restricted authority (full script, no deviation, no compensation) and a warning.
//   - A step id that does not exist (a dangling `next`, an edited script) puts the session in
//     ScriptError with a message naming the step: script moves then return ScriptBroken, while
//     say(), record_customer_reply(), use_empathy(), jump_to() (recovery) and end() keep working.
//   - Customer questions: a customer line with "?", "？" or a closing 吗/呢/么 is a question
//     (CallLine::is_question); the agent's next line marks it answered — the session cannot judge
//     content, QA reads the words.
//   - Bounds: a line is stored and checked up to kSessionMaxLineBytes (warning "line_truncated");
//     a call holds at most kSessionMaxLines lines (then TooLong, except end()). An action moves at
//     most one step (answer(): past a wait and through a branch), so a script loop can never spin.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/call_record.h"
#include "core/guardrail_check.h"
#include "core/model.h"

namespace cw {

constexpr size_t kSessionMaxLineBytes = kGuardrailMaxScanBytes;
constexpr size_t kSessionMaxLines = 10000;

enum class SessionState { NotStarted, Active, ScriptError, Ended };
const char* to_string(SessionState s);  // "not_started" "active" "script_error" "ended"

enum class ActionCode {
    Ok,
    NotStarted,        // start() first
    CallEnded,         // the call has ended
    ScriptBroken,      // the session is in ScriptError (see error())
    WaitForReply,      // a wait step: record what the customer said first
    ReplyBeforeOffer,  // an offer needs a customer reply since the agent's last line
    ChooseBranch,      // a branch step: choose_branch() or answer()
    NoMatch,           // answer(): no branch keyword in the reply; choose by hand
    Ambiguous,         // answer(): several branches match equally (see candidates); choose by hand
    NeedsApproval,     // beyond the grade: a lead's approval_granted(), then retry
    NotAllowed,        // the grade does not allow it
    EndOfScript,       // no further step: end() the call
    InvalidArgument,   // bad index, unknown step id, empty text, negative amount...
    NothingPending,    // approval_granted() with nothing waiting for approval
    TooLong,           // the call reached kSessionMaxLines
};
const char* to_string(ActionCode c);  // "ok" "not_started" "call_ended" "script_broken" "wait_for_reply"
                                      // "reply_before_offer" "choose_branch" "no_match" "ambiguous"
                                      // "needs_approval" "not_allowed" "end_of_script"
                                      // "invalid_argument" "nothing_pending" "too_long"

struct SessionWarning {
    std::string code;          // "empathy_repeated" "line_truncated" "unknown_persona" "unknown_grade"
    std::string message;       // English
    int line = -1;             // index into CallRecord::lines, if about one
};

struct ActionResult {
    ActionCode code = ActionCode::Ok;
    std::string message;                 // English; empty when Ok
    std::vector<int> candidates;         // Ambiguous: the tied branch indices
    std::vector<GuardrailMatch> hits;    // guardrail hits of the agent line this action recorded
    std::vector<SessionWarning> warnings;  // raised by this action (also kept in warnings())
    bool ok() const { return code == ActionCode::Ok; }
};

struct NextOption {
    int branch = -1;           // index into the branch step's branches; -1 for a plain `next`
    LocalizedText label;       // the branch's `when`; for a plain next, the target's key point
    std::string target;        // step id
    bool target_exists = true; // false: a dangling reference (going there gives ScriptError)
    StepKind target_kind = StepKind::Say;
    bool reply_needed_first = false;  // the target is an offer that would be blocked right now
                                      // (or after this step's own line is said)
};

struct StepView {
    std::string step_id;       // empty when not started or the script is broken
    StepKind kind = StepKind::Say;
    bool full_text = true;     // false: key points only (the grade); `text` is then empty
    ScriptStyle style = ScriptStyle::Standard;  // the style `text` is in
    std::vector<ScriptStyle> styles;            // styles this line has, standard first
    LocalizedText text;        // variables filled; missing ones stay visible as {name}
    LocalizedText key_point;   // variables filled
    std::vector<std::string> missing_variables;  // of text and key point, both languages, each once
    std::vector<NextOption> next;
    bool awaiting_reply = false;  // a wait step with no reply yet: advance() is blocked
    bool line_said = false;       // this step's line was recorded in this visit
    Offer offer;                  // offer steps
    bool needs_approval = false;  // offer steps: the amount is above what the agent may give
    std::string escalate_to;      // escalate steps
};

struct CallSetup {
    std::string persona_id;    // "" = none: standard style
    std::string grade_id;      // one of the pack's grades; unknown = most restricted (warning)
    std::map<std::string, std::string> variables;  // from the case; {agent_name} defaults to agent
    std::string case_id;
    std::string agent;
    Lang lang = Lang::Zh;      // the language script lines are recorded in
    std::function<std::int64_t()> clock;  // unix ms for CallLine::at; null: 0
};

struct SessionError {
    std::string code;          // "no_script" "unknown_step"
    std::string message;       // English, names the step
};

class CallSession {
public:
    CallSession();

    // Starts (or restarts) a call. Copies what it needs from the pack and scenario, so they may
    // change or go away afterwards. Ok, or ScriptBroken when the script cannot be followed (the
    // call still runs: free lines, empathy, guardrails, end()).
    ActionResult start(const Pack& pack, const Scenario& scenario, const CallSetup& setup);
    // Follows an edited version of the same scenario (same id), staying on the current step id;
    // ScriptBroken if that step is gone. Recovers from ScriptError when the step is back.
    ActionResult update_scenario(const Scenario& edited);

    SessionState state() const { return state_; }
    const SessionError& error() const { return error_; }
    StepView current(bool full_text = false) const;  // full_text: show the text even to grades
                                                     // that see key points only

    // Style of the current line (overrides the persona's for this step); a style the line lacks
    // shows the standard text. Variables: fill or correct one (the UI asks for missing ones).
    void set_style(ScriptStyle style);
    void set_variable(const std::string& name, const std::string& value);

    // Moving through the script.
    ActionResult advance();
    ActionResult choose_branch(size_t index);
    ActionResult answer(std::string_view customer_text);
    ActionResult jump_to(std::string_view step_id);
    // The branch answer() would choose at the current branch step, without recording anything:
    // the index, or -1 (no match / not at a branch); `candidates` gets the tied best ones.
    int suggest_branch(std::string_view customer_text, std::vector<int>* candidates = nullptr) const;

    // What was said.
    ActionResult record_customer_reply(std::string_view text);
    ActionResult say(std::string_view text, double offer_amount = 0);
    ActionResult use_empathy(size_t index);
    int proposed_empathy() const;  // index into the scenario's empathy_lines; -1 if there are none
    const LocalizedText* empathy_line(size_t index) const;

    // Authority.
    const AgentGrade& grade() const { return grade_; }
    bool needs_approval(double amount) const;  // above the grade's limit and any approval so far
    ActionResult deviate(std::string_view note);
    ActionResult approval_granted(std::string_view by = {});
    bool off_script() const { return off_script_; }

    ActionResult end(CallEnd outcome);  // Resolved (at first contact), Escalated, FollowUp, HungUp

    const CallRecord& record() const { return record_; }
    const std::vector<SessionWarning>& warnings() const { return warnings_; }
    const GuardrailChecker& guardrails() const { return checker_; }
    const Scenario& scenario() const { return scenario_; }

private:
    enum class Pending { None, Offer, Deviation };

    const Step* step() const;
    ScriptStyle style_for(const Step& s) const;
    ActionResult check_can_act(bool script_move) const;
    ActionResult move_to(const std::string& target, const std::string& from);
    ActionResult say_step_line(const Step& s);
    int add_line(Speaker who, std::string_view text, ActionResult* result);
    void agent_line_recorded(int line, ActionResult* result);
    void warn(std::string code, std::string message, int line, ActionResult* result);
    void enter_error(std::string code, std::string message);
    void prepare_scenario();
    std::int64_t now() const { return clock_ ? clock_() : 0; }
    bool reply_needed_for(const Step& target_after, bool after_own_line) const;

    SessionState state_ = SessionState::NotStarted;
    SessionError error_;
    Scenario scenario_;
    Guardrails pack_guardrails_;
    GuardrailChecker checker_;
    std::optional<Persona> persona_;
    AgentGrade grade_;
    std::map<std::string, std::string> variables_;
    Lang lang_ = Lang::Zh;
    std::function<std::int64_t()> clock_;

    std::string current_;                  // step id
    bool said_current_ = false;            // the current step's line was recorded in this visit
    bool reply_in_wait_ = false;           // a customer reply since entering the current step
    bool reply_since_agent_line_ = true;   // the customer spoke after the agent's last line
    bool off_script_ = false;
    std::map<std::string, ScriptStyle> style_override_;

    std::vector<std::string> empathy_norm_zh_, empathy_norm_en_;  // normalised pool, for say()
    std::vector<int> empathy_uses_;
    std::vector<int> empathy_last_line_;   // line index of the last use, -1 never

    Pending pending_ = Pending::None;
    double pending_amount_ = 0;
    double approved_amount_ = 0;           // the largest offer a lead approved in this call
    bool deviation_approved_ = false;

    CallRecord record_;
    std::vector<SessionWarning> warnings_;
};

}  // namespace cw
