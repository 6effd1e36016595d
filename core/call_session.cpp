// call_session.cpp — see call_session.h.
//
// Layout: 1. names and small helpers  2. start / update  3. the view  4. moves  5. lines
// (customer, agent, empathy)  6. authority  7. end.
#include "core/call_session.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/text_normalize.h"

namespace cw {

const char* to_string(SessionState s) {
    switch (s) {
        case SessionState::NotStarted: return "not_started";
        case SessionState::Active: return "active";
        case SessionState::ScriptError: return "script_error";
        case SessionState::Ended: return "ended";
    }
    return "not_started";
}

const char* to_string(ActionCode c) {
    switch (c) {
        case ActionCode::Ok: return "ok";
        case ActionCode::NotStarted: return "not_started";
        case ActionCode::CallEnded: return "call_ended";
        case ActionCode::ScriptBroken: return "script_broken";
        case ActionCode::WaitForReply: return "wait_for_reply";
        case ActionCode::ReplyBeforeOffer: return "reply_before_offer";
        case ActionCode::ChooseBranch: return "choose_branch";
        case ActionCode::NoMatch: return "no_match";
        case ActionCode::Ambiguous: return "ambiguous";
        case ActionCode::NeedsApproval: return "needs_approval";
        case ActionCode::NotAllowed: return "not_allowed";
        case ActionCode::EndOfScript: return "end_of_script";
        case ActionCode::InvalidArgument: return "invalid_argument";
        case ActionCode::NothingPending: return "nothing_pending";
        case ActionCode::TooLong: return "too_long";
    }
    return "ok";
}

namespace {

ActionResult fail(ActionCode code, std::string message) {
    ActionResult r;
    r.code = code;
    r.message = std::move(message);
    return r;
}

bool speaks(StepKind k) {  // a step whose text the agent says
    return k == StepKind::Say || k == StepKind::Ask || k == StepKind::Offer || k == StepKind::Escalate ||
           k == StepKind::Close;
}

bool is_ascii_alnum(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// `needle` in `hay` (both normalised); a needle starting with an ASCII letter or digit must start
// a word, so the keyword "close" is not found in "disclose".
bool contains_at_word_start(std::string_view hay, std::string_view needle) {
    if (needle.empty()) return false;
    const bool word = is_ascii_alnum(static_cast<unsigned char>(needle[0]));
    for (size_t at = hay.find(needle); at != std::string_view::npos; at = hay.find(needle, at + 1))
        if (!word || at == 0 || !is_ascii_alnum(static_cast<unsigned char>(hay[at - 1]))) return true;
    return false;
}

// Anything but whitespace (ASCII, U+00A0, U+3000) in the text.
bool has_content(std::string_view t) {
    for (size_t i = 0; i < t.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(t[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') continue;
        if (c == 0xC2 && t.substr(i, 2) == "\xC2\xA0") { ++i; continue; }
        if (c == 0xE3 && t.substr(i, 3) == "\xE3\x80\x80") { i += 2; continue; }
        return true;
    }
    return false;
}

// Cut to the line bound without splitting a code point.
std::string bounded_line(std::string_view text, bool* truncated) {
    *truncated = text.size() > kSessionMaxLineBytes;
    if (!*truncated) return std::string(text);
    size_t n = kSessionMaxLineBytes;
    for (int k = 0; k < 3 && n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80; ++k) --n;
    return std::string(text.substr(0, n));
}

// A customer line that asks something: a question mark, or a Chinese question particle at the end.
bool looks_like_question(std::string_view text) {
    if (text.find('?') != std::string_view::npos || text.find("\xEF\xBC\x9F") != std::string_view::npos) return true;
    std::string_view t = text;
    while (!t.empty() && (t.back() == ' ' || t.back() == '\n' || t.back() == '\r' || t.back() == '.' || t.back() == '!'))
        t.remove_suffix(1);
    for (const char* p : {"\xE5\x90\x97", "\xE5\x91\xA2", "\xE4\xB9\x88"})  // 吗 呢 么
        if (t.size() >= 3 && t.substr(t.size() - 3) == p) return true;
    return false;
}

LocalizedText fill(const LocalizedText& t, const std::map<std::string, std::string>& vars,
                   std::vector<std::string>* missing) {
    std::vector<std::string> m;
    LocalizedText out{fill_variables(t.zh, vars, &m), fill_variables(t.en, vars, &m)};
    for (std::string& name : m) {
        bool seen = false;
        for (const std::string& x : *missing) seen = seen || x == name;
        if (!seen) missing->push_back(std::move(name));
    }
    return out;
}

std::string money(double amount) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", amount);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

AgentGrade most_restricted(const std::string& id) {
    AgentGrade g;
    g.id = id;
    g.name = {"未知级别", "Unknown grade"};
    g.may_deviate_from_script = false;
    g.may_skip_steps = false;
    g.compensation_limit = 0;
    g.sees_full_script = true;
    return g;
}

}  // namespace

// ------------------------------------------------------------------ start / update
CallSession::CallSession() = default;

void CallSession::prepare_scenario() {
    checker_ = compile_guardrails(pack_guardrails_, &scenario_.guardrails);
    const size_t n = scenario_.empathy_lines.size();
    empathy_norm_zh_.resize(n);
    empathy_norm_en_.resize(n);
    for (size_t i = 0; i < n; ++i) {
        empathy_norm_zh_[i] = normalize_for_match(scenario_.empathy_lines[i].zh);
        empathy_norm_en_[i] = normalize_for_match(scenario_.empathy_lines[i].en);
    }
    empathy_uses_.resize(n, 0);          // an edited pool keeps its counts by position
    empathy_last_line_.resize(n, -1);
}

ActionResult CallSession::start(const Pack& pack, const Scenario& scenario, const CallSetup& setup) {
    *this = CallSession();
    state_ = SessionState::Active;
    scenario_ = scenario;
    pack_guardrails_ = pack.guardrails;
    variables_ = setup.variables;
    if (!setup.agent.empty() && !variables_.count("agent_name")) variables_["agent_name"] = setup.agent;
    lang_ = setup.lang;
    clock_ = setup.clock;

    record_.pack_id = pack.meta.id;
    record_.scenario_id = scenario.id;
    record_.persona_id = setup.persona_id;
    record_.case_id = setup.case_id;
    record_.agent = setup.agent;
    record_.grade_id = setup.grade_id;

    ActionResult result;
    if (!setup.persona_id.empty()) {
        for (const Persona& p : pack.personas)
            if (p.id == setup.persona_id) { persona_ = p; break; }
        if (!persona_)
            warn("unknown_persona", "no persona \"" + setup.persona_id + "\" in pack \"" + pack.meta.id +
                 "\": the script shows in the standard style", -1, &result);
    }
    bool grade_found = false;
    for (const AgentGrade& g : pack.grades)
        if (g.id == setup.grade_id) { grade_ = g; grade_found = true; break; }
    if (!grade_found) {
        grade_ = most_restricted(setup.grade_id);
        warn("unknown_grade", "no grade \"" + setup.grade_id + "\" in pack \"" + pack.meta.id +
             "\": full script, no deviation, no compensation without approval", -1, &result);
    }
    prepare_scenario();

    if (scenario_.script.steps.empty()) {
        enter_error("no_script", "scenario \"" + scenario_.id + "\" has no script: talk freely, then end the call");
    } else if (!scenario_.script.find(scenario_.script.start)) {
        enter_error("unknown_step", "the script's start step \"" + scenario_.script.start + "\" does not exist");
    } else {
        current_ = scenario_.script.start;
        reply_in_wait_ = false;
    }
    if (state_ == SessionState::ScriptError) {
        result.code = ActionCode::ScriptBroken;
        result.message = error_.message;
    }
    return result;
}

ActionResult CallSession::update_scenario(const Scenario& edited) {
    if (state_ == SessionState::NotStarted) return fail(ActionCode::NotStarted, "start the call first");
    if (state_ == SessionState::Ended) return fail(ActionCode::CallEnded, "the call has ended");
    if (edited.id != scenario_.id)
        return fail(ActionCode::InvalidArgument, "scenario \"" + edited.id + "\" is not the one in this call (\"" +
                                                     scenario_.id + "\")");
    scenario_ = edited;
    prepare_scenario();
    if (scenario_.script.steps.empty()) {
        enter_error("no_script", "scenario \"" + scenario_.id + "\" no longer has a script");
    } else if (current_.empty()) {
        // Broken from the start: follow the new start step if there is one now.
        if (scenario_.script.find(scenario_.script.start)) {
            current_ = scenario_.script.start;
            state_ = SessionState::Active;
            error_ = {};
        } else {
            enter_error("unknown_step", "the script's start step \"" + scenario_.script.start + "\" does not exist");
        }
    } else if (!scenario_.script.find(current_)) {
        enter_error("unknown_step", "step \"" + current_ + "\" no longer exists in the edited script");
    } else {
        state_ = SessionState::Active;
        error_ = {};
    }
    if (state_ == SessionState::ScriptError) return fail(ActionCode::ScriptBroken, error_.message);
    return ActionResult{};
}

void CallSession::enter_error(std::string code, std::string message) {
    state_ = SessionState::ScriptError;
    error_ = SessionError{std::move(code), std::move(message)};
}

const Step* CallSession::step() const {
    if (state_ != SessionState::Active || current_.empty()) return nullptr;
    return scenario_.script.find(current_);
}

// ------------------------------------------------------------------ the view
ScriptStyle CallSession::style_for(const Step& s) const {
    auto has = [&](ScriptStyle st) {
        if (st == ScriptStyle::Standard) return !s.text.standard.empty();
        auto it = s.text.variants.find(st);
        return it != s.text.variants.end() && !it->second.empty();
    };
    auto o = style_override_.find(s.id);
    if (o != style_override_.end()) return has(o->second) ? o->second : ScriptStyle::Standard;
    if (persona_)
        for (ScriptStyle st : persona_->preferred_styles)
            if (has(st)) return st;
    return ScriptStyle::Standard;
}

bool CallSession::reply_needed_for(const Step& target, bool after_own_line) const {
    if (target.kind != StepKind::Offer) return false;
    if (after_own_line) return true;  // saying this step's line is an agent line: the customer must answer it
    return !reply_since_agent_line_;
}

StepView CallSession::current(bool full_text) const {
    StepView v;
    const Step* s = step();
    if (!s) return v;
    v.step_id = s->id;
    v.kind = s->kind;
    v.style = style_for(*s);
    if (!s->text.standard.empty()) v.styles.push_back(ScriptStyle::Standard);
    for (const auto& kv : s->text.variants)
        if (!kv.second.empty()) v.styles.push_back(kv.first);
    v.key_point = fill(s->key_point, variables_, &v.missing_variables);
    // Key points only for grades that do not see the full script — unless there is no key point:
    // an empty screen helps nobody.
    v.full_text = full_text || grade_.sees_full_script || s->key_point.empty();
    if (v.full_text) v.text = fill(s->text.for_style(v.style), variables_, &v.missing_variables);
    v.awaiting_reply = s->kind == StepKind::WaitForReply && !reply_in_wait_;
    v.line_said = said_current_;
    if (s->kind == StepKind::Offer) {
        v.offer = s->offer;
        v.needs_approval = needs_approval(s->offer.amount);
    }
    v.escalate_to = s->escalate_to;

    // Would the move to an offer be blocked? After this step's own line is said, yes (the customer
    // must answer it first); from a wait, the awaited reply will satisfy it.
    const bool own_line_pending = speaks(s->kind) && !said_current_;
    const bool after_own_line = own_line_pending || (speaks(s->kind) && !reply_since_agent_line_);
    auto option = [&](int branch, const LocalizedText& label, const std::string& target) {
        NextOption o;
        o.branch = branch;
        o.label = label;
        o.target = target;
        const Step* t = scenario_.script.find(target);
        o.target_exists = t != nullptr;
        if (t) {
            o.target_kind = t->kind;
            if (branch < 0) o.label = t->key_point.empty() ? t->text.standard : t->key_point;
            o.reply_needed_first = s->kind == StepKind::WaitForReply
                                       ? (reply_in_wait_ && reply_needed_for(*t, false))
                                       : reply_needed_for(*t, after_own_line);
        }
        v.next.push_back(std::move(o));
    };
    if (s->kind == StepKind::Branch) {
        for (size_t i = 0; i < s->branches.size(); ++i)
            option(static_cast<int>(i), s->branches[i].when, s->branches[i].next);
    } else if (s->kind != StepKind::Close && !s->next.empty()) {
        option(-1, {}, s->next);
    }
    return v;
}

void CallSession::set_style(ScriptStyle style) {
    if (!current_.empty()) style_override_[current_] = style;
}

void CallSession::set_variable(const std::string& name, const std::string& value) { variables_[name] = value; }

// ------------------------------------------------------------------ moves
ActionResult CallSession::check_can_act(bool script_move) const {
    if (state_ == SessionState::NotStarted) return fail(ActionCode::NotStarted, "start the call first");
    if (state_ == SessionState::Ended) return fail(ActionCode::CallEnded, "the call has ended");
    if (script_move && state_ == SessionState::ScriptError) return fail(ActionCode::ScriptBroken, error_.message);
    if (record_.lines.size() >= kSessionMaxLines)
        return fail(ActionCode::TooLong, "this call has " + std::to_string(kSessionMaxLines) + " lines; end it");
    return ActionResult{};
}

ActionResult CallSession::move_to(const std::string& target, const std::string& from) {
    if (target.empty())
        return fail(ActionCode::EndOfScript, "step \"" + from + "\" has no next step: end the call");
    const Step* t = scenario_.script.find(target);
    if (!t) {
        enter_error("unknown_step", "step \"" + target + "\" (after \"" + from + "\") does not exist in the script");
        return fail(ActionCode::ScriptBroken, error_.message);
    }
    if (t->kind == StepKind::Offer && !reply_since_agent_line_)
        return fail(ActionCode::ReplyBeforeOffer,
                    "the next step offers compensation: wait for the customer's reply first (no explanation and "
                    "compensation in one breath)");
    current_ = target;
    said_current_ = false;
    reply_in_wait_ = false;
    return ActionResult{};
}

ActionResult CallSession::say_step_line(const Step& s) {
    ActionResult r;
    if (said_current_) return r;
    if (s.kind == StepKind::Offer && !reply_since_agent_line_)  // the agent spoke again at the offer step
        return fail(ActionCode::ReplyBeforeOffer, "wait for the customer's reply before offering compensation (no "
                                                  "explanation and compensation in one breath)");
    if (s.kind == StepKind::Offer && needs_approval(s.offer.amount)) {
        pending_ = Pending::Offer;
        pending_amount_ = s.offer.amount;
        return fail(ActionCode::NeedsApproval, "offering " + money(s.offer.amount) + " " + s.offer.currency +
                                                   " is above your limit of " + money(grade_.compensation_limit) +
                                                   ": ask a lead to approve");
    }
    said_current_ = true;
    std::vector<std::string> missing;
    std::string text = pick(fill(s.text.for_style(style_for(s)), variables_, &missing), lang_);
    if (text.empty()) return r;  // a step without text says nothing
    const int line = add_line(Speaker::Agent, text, &r);
    if (s.kind == StepKind::Offer) {
        record_.lines[static_cast<size_t>(line)].offer_amount = s.offer.amount;
        record_.compensation_given += s.offer.amount;
    }
    agent_line_recorded(line, &r);
    return r;
}

ActionResult CallSession::advance() {
    ActionResult r = check_can_act(true);
    if (!r.ok()) return r;
    const Step* s = step();
    if (!s) return fail(ActionCode::ScriptBroken, "no current step");
    switch (s->kind) {
        case StepKind::Branch:
            return fail(ActionCode::ChooseBranch, "choose a branch, or record the customer's answer");
        case StepKind::WaitForReply:
            if (!reply_in_wait_) return fail(ActionCode::WaitForReply, "wait for the customer: record what they said first");
            return move_to(s->next, s->id);
        case StepKind::Close:
            r = say_step_line(*s);
            if (!r.ok()) return r;
            r.code = ActionCode::EndOfScript;
            r.message = "the script is done: end the call with its outcome";
            return r;
        default: {
            r = say_step_line(*s);
            if (!r.ok()) return r;
            ActionResult m = move_to(s->next, s->id);
            m.hits = std::move(r.hits);
            m.warnings = std::move(r.warnings);
            return m;
        }
    }
}

ActionResult CallSession::choose_branch(size_t index) {
    ActionResult r = check_can_act(true);
    if (!r.ok()) return r;
    const Step* s = step();
    if (!s || s->kind != StepKind::Branch) return fail(ActionCode::InvalidArgument, "the current step is not a branch");
    if (index >= s->branches.size())
        return fail(ActionCode::InvalidArgument, "branch " + std::to_string(index) + " does not exist (" +
                                                     std::to_string(s->branches.size()) + " branches)");
    const Branch b = s->branches[index];
    const std::string from = s->id;
    r = move_to(b.next, from);
    if (r.ok() || r.code == ActionCode::ScriptBroken) {
        ActionResult ignored;
        const int line = add_line(Speaker::System, "branch: " + pick(b.when, lang_) + " -> " + b.next, &ignored);
        record_.lines[static_cast<size_t>(line)].step_id = from;
        record_.lines[static_cast<size_t>(line)].step_kind = StepKind::Branch;
    }
    return r;
}

int CallSession::suggest_branch(std::string_view customer_text, std::vector<int>* candidates) const {
    if (candidates) candidates->clear();
    const Step* s = step();
    if (!s || s->kind != StepKind::Branch) return -1;
    bool truncated = false;
    const std::string reply = normalize_for_match(bounded_line(customer_text, &truncated));
    int best = 0;
    std::vector<int> tied;
    for (size_t i = 0; i < s->branches.size(); ++i) {
        int hits = 0;
        std::vector<std::string> seen;
        for (const std::string& k : s->branches[i].keywords) {
            std::string nk = normalize_for_match(k);
            if (nk.empty() || std::find(seen.begin(), seen.end(), nk) != seen.end()) continue;
            if (contains_at_word_start(reply, nk)) ++hits;
            seen.push_back(std::move(nk));
        }
        if (hits == 0 || hits < best) continue;
        if (hits > best) { best = hits; tied.clear(); }
        tied.push_back(static_cast<int>(i));
    }
    if (candidates) *candidates = tied;
    return tied.size() == 1 ? tied[0] : -1;
}

ActionResult CallSession::answer(std::string_view customer_text) {
    const ActionResult reply = record_customer_reply(customer_text);
    if (!reply.ok()) return reply;
    // Whatever happens next, the warnings of recording the reply ("line_truncated") go along.
    auto with_reply = [&](ActionResult r) {
        r.warnings.insert(r.warnings.begin(), reply.warnings.begin(), reply.warnings.end());
        return r;
    };
    if (state_ == SessionState::ScriptError) return with_reply(fail(ActionCode::ScriptBroken, error_.message));
    const Step* s = step();
    if (s && s->kind == StepKind::WaitForReply) {
        ActionResult m = move_to(s->next, s->id);
        if (!m.ok()) return with_reply(std::move(m));
        s = step();
    }
    if (!s || s->kind != StepKind::Branch) return reply;
    std::vector<int> tied;
    const int pick_index = suggest_branch(customer_text, &tied);
    if (pick_index >= 0) return with_reply(choose_branch(static_cast<size_t>(pick_index)));
    if (tied.empty()) return with_reply(fail(ActionCode::NoMatch, "no branch keyword in the reply: choose the branch by hand"));
    ActionResult a = fail(ActionCode::Ambiguous, "the reply fits several branches: choose by hand");
    a.candidates = std::move(tied);
    return with_reply(std::move(a));
}

ActionResult CallSession::jump_to(std::string_view step_id) {
    ActionResult r = check_can_act(false);
    if (!r.ok()) return r;
    const bool recovering = state_ == SessionState::ScriptError;
    if (!recovering && !grade_.may_skip_steps && !off_script_)
        return fail(ActionCode::NotAllowed, "your grade follows the script step by step (ask a lead to skip steps)");
    const std::string target(step_id);
    if (!scenario_.script.find(target))
        return fail(ActionCode::InvalidArgument, "step \"" + target + "\" does not exist in the script");
    r = move_to(target, current_);
    if (!r.ok()) return r;
    state_ = SessionState::Active;
    error_ = {};
    off_script_ = false;  // jumping back into the script is how a deviation ends
    ActionResult ignored;
    const int line = add_line(Speaker::System, "jumped to step " + target, &ignored);
    record_.lines[static_cast<size_t>(line)].step_id = target;
    return r;
}

// ------------------------------------------------------------------ lines
int CallSession::add_line(Speaker who, std::string_view text, ActionResult* result) {
    bool truncated = false;
    CallLine line;
    line.speaker = who;
    line.text = bounded_line(text, &truncated);
    line.at = now();
    if (const Step* s = step()) {
        line.step_id = s->id;
        line.step_kind = s->kind;
    }
    line.deviated = off_script_ && who == Speaker::Agent;
    record_.lines.push_back(std::move(line));
    const int index = static_cast<int>(record_.lines.size() - 1);
    if (truncated)
        warn("line_truncated", "the line was longer than " + std::to_string(kSessionMaxLineBytes) +
             " bytes: only its beginning was kept and checked", index, result);
    return index;
}

// After any agent line: guardrails, pending customer questions answered, the offer gate reset.
void CallSession::agent_line_recorded(int line, ActionResult* result) {
    CallLine& l = record_.lines[static_cast<size_t>(line)];
    GuardrailReport report = checker_.check(l.text);
    for (GuardrailMatch& m : report.hits) {
        record_.hits.push_back(GuardrailHit{m.rule_id, m.is_prohibited(), m.matched, line});
        result->hits.push_back(std::move(m));
    }
    // The agent's next line is taken as the answer to the customer's open questions: the session
    // cannot judge content, and QA reviews the words themselves.
    for (int i = line - 1; i >= 0; --i) {
        CallLine& c = record_.lines[static_cast<size_t>(i)];
        if (c.speaker == Speaker::Agent) break;
        if (c.speaker == Speaker::Customer && c.is_question) c.answered = true;
    }
    reply_since_agent_line_ = false;
}

void CallSession::warn(std::string code, std::string message, int line, ActionResult* result) {
    SessionWarning w{std::move(code), std::move(message), line};
    if (result) result->warnings.push_back(w);
    warnings_.push_back(std::move(w));
}

ActionResult CallSession::record_customer_reply(std::string_view text) {
    ActionResult r = check_can_act(false);
    if (!r.ok()) return r;
    if (!has_content(text)) return fail(ActionCode::InvalidArgument, "the reply is empty");
    const int line = add_line(Speaker::Customer, text, &r);
    record_.lines[static_cast<size_t>(line)].is_question = looks_like_question(record_.lines[static_cast<size_t>(line)].text);
    reply_in_wait_ = true;
    reply_since_agent_line_ = true;
    return r;
}

ActionResult CallSession::say(std::string_view text, double offer_amount) {
    ActionResult r = check_can_act(false);
    if (!r.ok()) return r;
    if (!has_content(text)) return fail(ActionCode::InvalidArgument, "the line is empty");
    if (!(offer_amount >= 0) || !std::isfinite(offer_amount))
        return fail(ActionCode::InvalidArgument, "an offer amount must be a finite number >= 0");

    // Said at a speaking step whose line is still due, these words are that line — at an offer
    // step only when they offer an amount (an apology there is not the offer; the amount the agent
    // names is what was offered, whatever the script says).
    const Step* s = step();
    const bool is_step_line =
        s && speaks(s->kind) && !said_current_ && (s->kind != StepKind::Offer || offer_amount > 0);
    const double amount = offer_amount;
    if (amount > 0 && !reply_since_agent_line_)
        return fail(ActionCode::ReplyBeforeOffer,
                    "wait for the customer's reply before offering compensation (no explanation and compensation "
                    "in one breath)");
    if (amount > 0 && needs_approval(amount)) {
        pending_ = Pending::Offer;
        pending_amount_ = amount;
        return fail(ActionCode::NeedsApproval, "offering " + money(amount) + " is above your limit of " +
                                                   money(grade_.compensation_limit) + ": ask a lead to approve");
    }
    if (is_step_line) said_current_ = true;

    const int line = add_line(Speaker::Agent, text, &r);
    CallLine& l = record_.lines[static_cast<size_t>(line)];
    if (amount > 0) {
        l.offer_amount = amount;
        record_.compensation_given += amount;
    }
    // The agent's own words may be one of the soothing lines: count it for the rotation.
    const std::string norm = normalize_for_match(l.text);
    for (size_t i = 0; i < empathy_uses_.size(); ++i) {
        if (!contains(norm, empathy_norm_zh_[i]) && !contains(norm, empathy_norm_en_[i])) continue;
        l.is_empathy = true;
        l.empathy_index = static_cast<int>(i);
        if (empathy_uses_[i]++ > 0)
            warn("empathy_repeated", "this soothing line was already used in this call: try another one", line, &r);
        empathy_last_line_[i] = line;
        break;
    }
    agent_line_recorded(line, &r);
    return r;
}

ActionResult CallSession::use_empathy(size_t index) {
    ActionResult r = check_can_act(false);
    if (!r.ok()) return r;
    if (index >= scenario_.empathy_lines.size() || scenario_.empathy_lines[index].empty())
        return fail(ActionCode::InvalidArgument, "empathy line " + std::to_string(index) + " does not exist");
    const int line = add_line(Speaker::Agent, pick(scenario_.empathy_lines[index], lang_), &r);
    CallLine& l = record_.lines[static_cast<size_t>(line)];
    l.is_empathy = true;
    l.empathy_index = static_cast<int>(index);
    if (empathy_uses_[index]++ > 0)
        warn("empathy_repeated", "this soothing line was already used in this call: try another one", line, &r);
    empathy_last_line_[index] = line;
    agent_line_recorded(line, &r);
    return r;
}

int CallSession::proposed_empathy() const {
    int best = -1;
    for (size_t i = 0; i < empathy_last_line_.size(); ++i) {
        if (scenario_.empathy_lines[i].empty()) continue;
        if (best < 0 || empathy_last_line_[i] < empathy_last_line_[static_cast<size_t>(best)]) best = static_cast<int>(i);
    }
    return best;
}

const LocalizedText* CallSession::empathy_line(size_t index) const {
    return index < scenario_.empathy_lines.size() ? &scenario_.empathy_lines[index] : nullptr;
}

// ------------------------------------------------------------------ authority
bool CallSession::needs_approval(double amount) const {
    return amount > std::max(grade_.compensation_limit, approved_amount_);
}

ActionResult CallSession::deviate(std::string_view note) {
    ActionResult r = check_can_act(false);
    if (!r.ok()) return r;
    if (!grade_.may_deviate_from_script && !deviation_approved_) {
        pending_ = Pending::Deviation;
        return fail(ActionCode::NeedsApproval, "your grade follows the script: ask a lead to approve leaving it");
    }
    off_script_ = true;
    const int line = add_line(Speaker::System, "left the script: " + std::string(note), &r);
    record_.lines[static_cast<size_t>(line)].deviated = true;
    return r;
}

ActionResult CallSession::approval_granted(std::string_view by) {
    ActionResult r = check_can_act(false);
    if (!r.ok()) return r;
    if (pending_ == Pending::None) return fail(ActionCode::NothingPending, "nothing is waiting for approval");
    std::string what;
    if (pending_ == Pending::Offer) {
        approved_amount_ = std::max(approved_amount_, pending_amount_);
        what = "offer of " + money(pending_amount_);
    } else {
        deviation_approved_ = true;
        what = "leaving the script";
    }
    pending_ = Pending::None;
    record_.approval_obtained = true;
    add_line(Speaker::System, "approved" + (by.empty() ? std::string() : " by " + std::string(by)) + ": " + what, &r);
    return r;
}

// ------------------------------------------------------------------ end
ActionResult CallSession::end(CallEnd outcome) {
    if (state_ == SessionState::NotStarted) return fail(ActionCode::NotStarted, "start the call first");
    if (state_ == SessionState::Ended) return fail(ActionCode::CallEnded, "the call has already ended");
    if (outcome == CallEnd::Open) return fail(ActionCode::InvalidArgument, "an ended call needs an outcome");
    ActionResult r;
    // Never refused for length: a call must always be closable.
    add_line(Speaker::System, std::string("ended: ") + to_string(outcome), &r);
    record_.end = outcome;
    state_ = SessionState::Ended;
    return r;
}

}  // namespace cw
