// cases.cpp — see cases.h.
#include "core/cases.h"

#include <algorithm>
#include <cstdio>

#include "core/command.h"
#include "core/pack.h"
#include "core/text_normalize.h"
#include "core/utf8.h"

namespace cw {
namespace {

CommandResult changed() { return command_done(true); }

Case* find_case_mut(Workspace& ws, const std::string& id) {
    for (Case& c : ws.cases)
        if (c.id == id) return &c;
    return nullptr;
}

std::string clean_text(const std::string& s, size_t max) { return truncate_utf8(sanitize_utf8(s), max); }

void event(Case& c, std::int64_t at, const char* kind, std::string text, const std::string& by) {
    c.timeline.push_back(CaseEvent{at, kind, std::move(text), by});
    c.updated_at = std::max(c.updated_at, at);
}

const char* quadrant_code(Quadrant q) {
    switch (q) {
        case Quadrant::Q1_UrgentImportant: return "Q1";
        case Quadrant::Q2_ImportantNotUrgent: return "Q2";
        case Quadrant::Q3_UrgentNotImportant: return "Q3";
        case Quadrant::Q4_Neither: return "Q4";
    }
    return "Q4";
}

Pack* pack_mut(Workspace& ws, const std::string& id) {
    for (Pack& p : ws.library.packs)
        if (p.meta.id == id) return &p;
    return nullptr;
}

const Pack* pack_of(const Workspace& ws, const Case& c) {
    if (!c.pack_id.empty())
        if (const Pack* p = find_pack(ws.library, c.pack_id)) return p;
    return ws.library.packs.empty() ? nullptr : &ws.library.packs.front();
}

void start_plan(Case& c, const ContingencyPlan& plan, std::int64_t at, const std::string& by, const std::string& why) {
    c.plan_run = PlanRun{};
    c.plan_run.plan_id = plan.id;
    c.plan_run.started_at = at;
    c.last_report_up_at = at;
    event(c, at, "plan_started", plan.title.en.empty() ? plan.id + why : plan.title.en + why, by);
}

}  // namespace

// ------------------------------------------------------------------------ look-ups
namespace {
// Compiled triage indexes by library revision and pack: logging a case classifies its text
// against a pack's rules, and compiling them costs more than classifying (~3 ms in wasm).
// `key` names the rule set: a pack id, or "" for every pack together.
TriageIndex cached_index(const Library& lib, const std::string& key, const std::vector<const TriageRules*>& rules) {
    struct Entry { std::uint64_t revision; std::string key; TriageIndex index; };
    static std::vector<Entry> cache;   // a handful of packs; bounded below
    if (lib.revision != 0)
        for (const Entry& e : cache)
            if (e.revision == lib.revision && e.key == key) return e.index;   // shares the compiled data
    TriageIndex index = rules.empty() ? TriageIndex{} : build_triage_index(rules);
    if (lib.revision == 0) return index;
    if (cache.size() >= 32) cache.erase(cache.begin());
    cache.push_back(Entry{lib.revision, key, index});
    return index;
}
TriageIndex cached_pack_index(const Library& lib, const Pack& p) {
    return cached_index(lib, p.meta.id, {&p.triage_rules});
}
}  // namespace

TriageIndex triage_index_for(const Workspace& ws, const std::string& pack_id) {
    if (!pack_id.empty())
        if (const Pack* p = find_pack(ws.library, pack_id)) return cached_pack_index(ws.library, *p);
    std::vector<const TriageRules*> rules;
    for (const Pack& p : ws.library.packs) rules.push_back(&p.triage_rules);
    return cached_index(ws.library, "", rules);
}

std::vector<const Scenario*> scenarios_of(const Workspace& ws, const std::string& pack_id) {
    std::vector<const Scenario*> out;
    for (const Pack& p : ws.library.packs)
        if (pack_id.empty() || p.meta.id == pack_id)
            for (const Scenario& s : p.scenarios) out.push_back(&s);
    return out;
}

const Case* find_case(const Workspace& ws, const std::string& id) {
    for (const Case& c : ws.cases)
        if (c.id == id) return &c;
    return nullptr;
}

Quadrant effective_quadrant(const Case& c) { return c.final_quadrant.value_or(c.suggested_quadrant); }

bool is_open(const Case& c) { return c.status != CaseStatus::Resolved && c.status != CaseStatus::Closed; }

int response_target_minutes(const Workspace& ws, const Case& c) {
    ResponseTargets t;
    t.q1 = 1; t.q2 = 240; t.q3 = 15; t.q4 = 1440;
    if (const Pack* p = pack_of(ws, c)) t = p->triage_rules.response_target_minutes;
    switch (effective_quadrant(c)) {
        case Quadrant::Q1_UrgentImportant: return static_cast<int>(t.q1);
        case Quadrant::Q2_ImportantNotUrgent: return static_cast<int>(t.q2);
        case Quadrant::Q3_UrgentNotImportant: return static_cast<int>(t.q3);
        case Quadrant::Q4_Neither: return static_cast<int>(t.q4);
    }
    return 1440;
}

std::int64_t due_at(const Workspace& ws, const Case& c) {
    return c.created_at + static_cast<std::int64_t>(response_target_minutes(ws, c)) * 60000;
}

const ContingencyPlan* matching_plan(const Workspace& ws, const Case& c, std::string* pack_id) {
    // Which signals fire on the text, per pack: a plan triggers on its own pack's signals.
    for (const Pack& p : ws.library.packs) {
        if (!c.pack_id.empty() && p.meta.id != c.pack_id) continue;
        std::vector<std::string> fired;
        if (!p.triage_rules.signals.empty()) {
            const TriageResult tr = classify(cached_pack_index(ws.library, p), c.text);
            for (const auto& f : tr.fired) fired.push_back(f.signal_id);
        }
        for (const ContingencyPlan& plan : p.plans) {
            bool hit = !c.scenario_id.empty() &&
                       std::find(plan.trigger.scenario_ids.begin(), plan.trigger.scenario_ids.end(), c.scenario_id) !=
                           plan.trigger.scenario_ids.end();
            for (const auto& s : plan.trigger.signal_ids)
                hit = hit || std::find(fired.begin(), fired.end(), s) != fired.end();
            if (hit) {
                if (pack_id) *pack_id = p.meta.id;
                return &plan;
            }
        }
    }
    return nullptr;
}

const ContingencyPlan* plan_of(const Workspace& ws, const Case& c) {
    if (c.plan_run.plan_id.empty()) return nullptr;
    for (const Pack& p : ws.library.packs) {
        if (!c.pack_id.empty() && p.meta.id != c.pack_id) continue;
        for (const ContingencyPlan& plan : p.plans)
            if (plan.id == c.plan_run.plan_id) return &plan;
    }
    return nullptr;
}

Authority authority_for(const Workspace& ws, const Case& c, const std::string& grade_id) {
    Authority a;
    if (const Pack* p = pack_of(ws, c)) {
        for (const AgentGrade& g : p->grades)
            if (g.id == grade_id) {
                a.known_grade = true;
                a.may_deviate = g.may_deviate_from_script;
                a.may_skip_steps = g.may_skip_steps;
                a.compensation_limit = g.compensation_limit;
                a.sees_full_script = g.sees_full_script;
            }
    }
    if (const ContingencyPlan* plan = plan_of(ws, c)) {
        for (const GradeAuthority& ga : plan->grade_authority)
            if (ga.grade_id == grade_id) {
                a.from_plan = true;
                a.may_deviate = ga.may_deviate;
                a.compensation_limit = ga.compensation_limit;
            }
    }
    return a;
}

std::vector<ReportReminder> report_reminders(const Workspace& ws, const Case& c, std::int64_t now) {
    std::vector<ReportReminder> out;
    const ContingencyPlan* plan = plan_of(ws, c);
    if (!plan || !is_open(c)) return out;
    const std::int64_t since = std::max(c.last_report_up_at, c.plan_run.started_at);
    for (const EscalationLevel& lvl : plan->escalation_ladder) {
        ReportReminder r;
        r.role = lvl.role;
        r.every_minutes = static_cast<int>(lvl.report_up_every_minutes);
        // 0 = report once, at the start.
        r.next_at = since + static_cast<std::int64_t>(std::max(0, lvl.report_up_every_minutes)) * 60000;
        r.overdue = now >= r.next_at;
        out.push_back(r);
    }
    return out;
}

Board build_board(const Workspace& ws, const BoardFilter& f) {
    Board b;
    const std::string needle = normalize_for_match(f.text);
    struct Key { double priority; std::int64_t due; int index; };
    std::array<std::vector<Key>, 4> keys;
    for (int i = 0; i < static_cast<int>(ws.cases.size()); ++i) {
        const Case& c = ws.cases[i];
        const bool open = is_open(c);
        if (f.status < 0 ? !open : static_cast<int>(c.status) != f.status) continue;
        const int q = static_cast<int>(effective_quadrant(c));
        if (open) ++b.counts[q];
        if (!f.persona_id.empty() && c.persona_id != f.persona_id) continue;
        if (!f.channel.empty() && c.channel != f.channel) continue;
        if (!f.agent.empty() && c.agent != f.agent) continue;
        if (!needle.empty() && !contains(normalize_for_match(c.text), needle) &&
            !contains(normalize_for_match(c.customer_name), needle) && !contains(normalize_for_match(c.id), needle))
            continue;
        keys[q].push_back({c.urgency + c.importance, due_at(ws, c), i});
    }
    for (int q = 0; q < 4; ++q) {
        std::sort(keys[q].begin(), keys[q].end(), [](const Key& a, const Key& b) {
            if (a.priority != b.priority) return a.priority > b.priority;
            if (a.due != b.due) return a.due < b.due;
            return a.index < b.index;
        });
        b.queues[q].reserve(keys[q].size());
        for (const Key& k : keys[q]) b.queues[q].push_back(k.index);
    }
    return b;
}

// ------------------------------------------------------------------------ commands
CommandResult apply_case(Workspace& ws, const cmd::CreateCase& in) {
    if (!is_valid_utf8(in.text) && sanitize_utf8(in.text).empty()) return command_failed("case: the text is not valid UTF-8");
    const std::string text = clean_text(in.text, kMaxCaseTextBytes);
    bool blank = true;
    for (char ch : text)
        if (!std::isspace(static_cast<unsigned char>(ch))) blank = false;
    if (blank) return command_failed("case: describe the request (the text is empty)");
    // A save holds at most 100,000 entries per list (core/json_guard.h); past that it could not
    // be read back, so the desk refuses before, with what to do.
    if (ws.cases.size() >= kMaxCases)
        return command_failed("case: the workspace holds " + std::to_string(kMaxCases) + " cases; export it and archive closed cases first");
    if (!in.pack_id.empty() && !find_pack(ws.library, in.pack_id))
        return command_failed("case: no pack with id \"" + in.pack_id + "\"");
    Case c;
    char id[32];
    std::snprintf(id, sizeof id, "C-%06llu", static_cast<unsigned long long>(ws.next_case_number));
    c.id = id;
    c.text = text;
    c.channel = clean_text(in.channel, 32);
    c.customer_name = clean_text(in.customer_name, 200);
    c.persona_id = in.persona_id;
    c.pack_id = in.pack_id;
    c.scenario_id = in.scenario_id;
    c.created_at = c.updated_at = in.at;
    c.agent = in.by;
    const TriageResult tr = classify(triage_index_for(ws, in.pack_id), text);
    c.suggested_quadrant = tr.quadrant;
    c.urgency = tr.urgency;
    c.importance = tr.importance;
    std::string why;
    for (const auto& f : tr.fired) why += (why.empty() ? "" : ", ") + (f.label.en.empty() ? f.signal_id : f.label.en);
    event(c, in.at, "created",
          std::string("suggested ") + quadrant_code(tr.quadrant) + (why.empty() ? "" : " (" + why + ")"), in.by);
    if (in.quadrant && *in.quadrant != tr.quadrant) {
        const std::string reason = clean_text(in.override_reason, 2000);
        if (reason.empty())
            return command_failed(std::string("case: choosing ") + quadrant_code(*in.quadrant) + " over the suggested " +
                        quadrant_code(tr.quadrant) + " needs a reason");
        c.final_quadrant = in.quadrant;
        c.override_reason = reason;
        event(c, in.at, "quadrant",
              std::string(quadrant_code(tr.quadrant)) + " → " + quadrant_code(*in.quadrant) + ": " + reason, in.by);
    } else {
        c.final_quadrant = tr.quadrant;
    }
    // Q1 with a plan: the plan starts the moment the case (or its warning signs) arrives.
    if (effective_quadrant(c) == Quadrant::Q1_UrgentImportant) {
        std::string plan_pack;
        if (const ContingencyPlan* plan = matching_plan(ws, c, &plan_pack)) {
            if (c.pack_id.empty()) c.pack_id = plan_pack;
            start_plan(c, *plan, in.at, in.by, " (started automatically)");
        }
    }
    ws.cases.push_back(std::move(c));
    ++ws.next_case_number;
    CommandResult r = changed();
    r.id = id;
    return r;
}

CommandResult apply_case(Workspace& ws, const cmd::MoveCase& in) {
    Case* c = find_case_mut(ws, in.case_id);
    if (!c) return command_failed("case: no case with id \"" + in.case_id + "\"");
    const std::string reason = clean_text(in.reason, 2000);
    if (reason.empty()) return command_failed("case " + in.case_id + ": moving it to another quadrant needs a reason");
    const Quadrant from = effective_quadrant(*c);
    if (from == in.quadrant) return command_failed("case " + in.case_id + ": it is already in " + quadrant_code(from));
    c->final_quadrant = in.quadrant;
    c->override_reason = reason;
    event(*c, in.at, "quadrant", std::string(quadrant_code(from)) + " → " + quadrant_code(in.quadrant) + ": " + reason, in.by);
    if (in.quadrant == Quadrant::Q1_UrgentImportant && c->plan_run.plan_id.empty()) {
        if (const ContingencyPlan* plan = matching_plan(ws, *c)) start_plan(*c, *plan, in.at, in.by, " (moved to Q1)");
    }
    return changed();
}

CommandResult apply_case(Workspace& ws, const cmd::SetCaseStatus& in) {
    Case* c = find_case_mut(ws, in.case_id);
    if (!c) return command_failed("case: no case with id \"" + in.case_id + "\"");
    if (in.status == CaseStatus::Closed || in.status == CaseStatus::Resolved)
        return command_failed("case " + in.case_id + ": use close_case to close it (it records the outcome)");
    if (c->status == in.status) {
        CommandResult r;
        r.ok = true;
        return r;
    }
    c->status = in.status;
    event(*c, in.at, "status", to_string(in.status), in.by);
    return changed();
}

CommandResult apply_case(Workspace& ws, const cmd::StartPlan& in) {
    Case* c = find_case_mut(ws, in.case_id);
    if (!c) return command_failed("case: no case with id \"" + in.case_id + "\"");
    for (const Pack& p : ws.library.packs) {
        if (!in.pack_id.empty() && p.meta.id != in.pack_id) continue;
        for (const ContingencyPlan& plan : p.plans)
            if (plan.id == in.plan_id) {
                if (c->pack_id.empty()) c->pack_id = p.meta.id;
                start_plan(*c, plan, in.at, in.by, "");
                return changed();
            }
    }
    return command_failed("case " + in.case_id + ": no plan with id \"" + in.plan_id + "\"");
}

CommandResult apply_case(Workspace& ws, const cmd::TickChecklist& in) {
    Case* c = find_case_mut(ws, in.case_id);
    if (!c) return command_failed("case: no case with id \"" + in.case_id + "\"");
    const ContingencyPlan* plan = plan_of(ws, *c);
    if (!plan) return command_failed("case " + in.case_id + ": no plan is running");
    if (in.item < 0 || in.item >= static_cast<int>(plan->checklist.size()))
        return command_failed("case " + in.case_id + ": the plan has no checklist item " + std::to_string(in.item));
    auto& ticks = c->plan_run.ticks;
    auto it = std::find_if(ticks.begin(), ticks.end(), [&](const ChecklistTick& t) { return t.item == in.item; });
    const std::string& label = plan->checklist[static_cast<size_t>(in.item)].text.en;
    if (it != ticks.end()) {
        ticks.erase(it);
        event(*c, in.at, "checklist", "undone: " + label, in.by);
    } else {
        ticks.push_back(ChecklistTick{in.item, in.by, in.at});
        event(*c, in.at, "checklist", "done: " + label, in.by);
    }
    if (c->status == CaseStatus::New) c->status = CaseStatus::InProgress;
    return changed();
}

CommandResult apply_case(Workspace& ws, const cmd::ReportUp& in) {
    Case* c = find_case_mut(ws, in.case_id);
    if (!c) return command_failed("case: no case with id \"" + in.case_id + "\"");
    c->last_report_up_at = in.at;
    event(*c, in.at, "reported_up", clean_text(in.text, kMaxCaseNoteBytes), in.by);
    return changed();
}

CommandResult apply_case(Workspace& ws, const cmd::RequestApproval& in) {
    Case* c = find_case_mut(ws, in.case_id);
    if (!c) return command_failed("case: no case with id \"" + in.case_id + "\"");
    const std::string what = clean_text(in.what, 2000);
    if (what.empty()) return command_failed("case " + in.case_id + ": say what needs approval");
    if (!(in.amount >= 0) || in.amount > 1e9) return command_failed("case " + in.case_id + ": the amount must be between 0 and 1,000,000,000");
    Approval a;
    a.what = what;
    a.amount = in.amount;
    a.requested_by = in.by;
    a.requested_at = in.at;
    c->approvals.push_back(a);
    event(*c, in.at, "approval_requested", what + (in.amount > 0 ? " (" + std::to_string(static_cast<long long>(in.amount)) + ")" : ""), in.by);
    return changed();
}

CommandResult apply_case(Workspace& ws, const cmd::DecideApproval& in) {
    Case* c = find_case_mut(ws, in.case_id);
    if (!c) return command_failed("case: no case with id \"" + in.case_id + "\"");
    if (in.index < 0 || in.index >= static_cast<int>(c->approvals.size()))
        return command_failed("case " + in.case_id + ": no approval request " + std::to_string(in.index));
    Approval& a = c->approvals[static_cast<size_t>(in.index)];
    if (a.decided) return command_failed("case " + in.case_id + ": that request was already decided");
    a.decided = true;
    a.approved = in.approved;
    a.decided_by = in.by;
    a.decided_at = in.at;
    a.note = clean_text(in.note, 2000);
    event(*c, in.at, "approval_decided", std::string(in.approved ? "approved: " : "declined: ") + a.what, in.by);
    return changed();
}

CommandResult apply_case(Workspace& ws, const cmd::AddCaseNote& in) {
    Case* c = find_case_mut(ws, in.case_id);
    if (!c) return command_failed("case: no case with id \"" + in.case_id + "\"");
    const std::string text = clean_text(in.text, kMaxCaseNoteBytes);
    if (text.empty()) return command_failed("case " + in.case_id + ": the note is empty");
    event(*c, in.at, "note", text, in.by);
    return changed();
}

CommandResult apply_case(Workspace& ws, const cmd::CloseCase& in) {
    Case* c = find_case_mut(ws, in.case_id);
    if (!c) return command_failed("case: no case with id \"" + in.case_id + "\"");
    if (!is_open(*c)) return command_failed("case " + in.case_id + ": it is already closed");
    const bool q1 = effective_quadrant(*c) == Quadrant::Q1_UrgentImportant;
    Review rv;
    rv.case_id = c->id;
    rv.what_happened = clean_text(in.what_happened, kMaxCaseNoteBytes);
    rv.what_was_done = clean_text(in.what_was_done, kMaxCaseNoteBytes);
    rv.what_should_change = clean_text(in.what_should_change, kMaxCaseNoteBytes);
    rv.created_at = in.at;
    // A Q1 case is closed with a review: that is how the plan library grows (PDCA).
    if (q1 && (rv.what_happened.empty() || rv.what_was_done.empty() || rv.what_should_change.empty()))
        return command_failed("case " + in.case_id + ": a Q1 case is closed with a review (what happened, what was done, what should change)");
    if (!(in.compensation_amount >= 0) || in.compensation_amount > 1e9)
        return command_failed("case " + in.case_id + ": compensation must be between 0 and 1,000,000,000");
    if (in.satisfaction && (*in.satisfaction < 1 || *in.satisfaction > 5))
        return command_failed("case " + in.case_id + ": satisfaction is 1 to 5");
    if (in.nps && (*in.nps < 0 || *in.nps > 10)) return command_failed("case " + in.case_id + ": NPS is 0 to 10");
    c->outcome.first_contact_resolved = in.first_contact_resolved;
    c->outcome.escalated = in.escalated;
    c->outcome.compensation_amount = in.compensation_amount;
    c->outcome.satisfaction = in.satisfaction;
    c->outcome.nps = in.nps;
    c->status = CaseStatus::Closed;
    c->closed_at = in.at;
    event(*c, in.at, "closed", in.first_contact_resolved ? "resolved at first contact" : (in.escalated ? "escalated" : "closed"), in.by);
    if (!rv.what_happened.empty() || !rv.what_was_done.empty() || !rv.what_should_change.empty())
        ws.reviews.push_back(std::move(rv));
    return changed();
}

CommandResult apply_case(Workspace& ws, const cmd::PlanFromReview& in) {
    const Case* c = find_case(ws, in.case_id);
    if (!c) return command_failed("case: no case with id \"" + in.case_id + "\"");
    const Pack* src = pack_of(ws, *c);
    if (!src) return command_failed("case " + in.case_id + ": add a content pack first: plans live in packs");
    std::vector<ChecklistItem> items;
    for (const std::string& line : in.checklist) {
        const std::string t = clean_text(line, 2000);
        if (t.empty()) continue;
        ChecklistItem it;
        it.text.en = t;   // written in one language by the reviewer; a consultant translates later
        it.text.zh = t;
        it.owner_role = "agent";
        items.push_back(it);
    }
    if (items.empty()) return command_failed("case " + in.case_id + ": the review gives no checklist items for the plan");
    Pack updated = *src;   // all-or-nothing: change a copy, validate, then swap in
    if (in.plan_id.empty()) {
        const std::string title = clean_text(in.title, 200);
        if (title.empty()) return command_failed("case " + in.case_id + ": a new plan needs a title");
        ContingencyPlan plan;
        plan.id = "review-" + c->id;
        for (char& ch : plan.id) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        for (const ContingencyPlan& p : updated.plans)
            if (p.id == plan.id) return command_failed("case " + in.case_id + ": a plan from this review already exists (" + plan.id + ")");
        plan.title.en = plan.title.zh = title;
        if (!c->scenario_id.empty()) plan.trigger.scenario_ids.push_back(c->scenario_id);
        const TriageResult tr = classify(build_triage_index(updated.triage_rules), c->text);
        for (const auto& f : tr.fired)
            if (!f.builtin) plan.trigger.signal_ids.push_back(f.signal_id);
        if (plan.trigger.scenario_ids.empty() && plan.trigger.signal_ids.empty())
            return command_failed("case " + in.case_id + ": nothing in the case could trigger a new plan (no scenario, no signal)");
        plan.checklist = items;
        for (const AgentGrade& g : updated.grades)
            if (g.id == "lead") plan.escalation_ladder.push_back(EscalationLevel{"lead", 10});
        updated.plans.push_back(plan);
    } else {
        auto it = std::find_if(updated.plans.begin(), updated.plans.end(), [&](const ContingencyPlan& p) { return p.id == in.plan_id; });
        if (it == updated.plans.end()) return command_failed("case " + in.case_id + ": no plan with id \"" + in.plan_id + "\" in pack " + updated.meta.id);
        it->checklist.insert(it->checklist.end(), items.begin(), items.end());
    }
    for (const ValidationIssue& is : validate_pack(updated))
        if (is.is_error()) return command_failed("case " + in.case_id + ": the amended pack would not validate: " + is.describe());
    const std::string pack_id = updated.meta.id;
    *pack_mut(ws, pack_id) = std::move(updated);
    touch_library(ws.library);
    if (Case* cm = find_case_mut(ws, in.case_id))
        event(*cm, in.at, "note", in.plan_id.empty() ? "review turned into a new plan" : "review amended plan " + in.plan_id, in.by);
    return changed();
}

CommandResult apply_case(Workspace& ws, const cmd::AddPrepItem& in) {
    const std::string title = clean_text(in.title, 500);
    if (title.empty()) return command_failed("backlog: the item needs a title");
    PrepItem p;
    char id[32];
    std::snprintf(id, sizeof id, "P-%04llu", static_cast<unsigned long long>(ws.next_item_number++));
    p.id = id;
    p.title = title;
    p.owner = clean_text(in.owner, 200);
    p.due_at = in.due_at;
    p.case_id = in.case_id;
    p.created_at = in.at;
    ws.backlog.push_back(p);
    CommandResult r = changed();
    r.id = id;
    return r;
}

CommandResult apply_case(Workspace& ws, const cmd::SetPrepDone& in) {
    for (PrepItem& p : ws.backlog)
        if (p.id == in.id) {
            if (p.done == in.done) {
                CommandResult r;
                r.ok = true;
                return r;
            }
            p.done = in.done;
            return changed();
        }
    return command_failed("backlog: no item with id \"" + in.id + "\"");
}

}  // namespace cw
