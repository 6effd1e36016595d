// call_record.h — what happened in one call, as QA needs it: who said what, in which script
// step, what was offered, what the guardrails flagged, how it ended. The live call assistant
// (real calls) and practice calls (simulated customers) both produce one; the QA scorecards
// (core/qa_scoring.h) score either the same way (DOMAIN.md §6).
// Plain data; never reads a clock (times come from the caller).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

namespace cw {

enum class Speaker { Agent, Customer, System };

struct CallLine {
    Speaker speaker = Speaker::Agent;
    std::string text;             // what was said or sent, as said (one language)
    std::int64_t at = 0;          // unix ms (or ms since the call started, for practice)
    std::string step_id;          // the script step it belongs to, if any
    StepKind step_kind = StepKind::Say;
    bool is_empathy = false;      // one of the scenario's soothing lines
    int empathy_index = -1;       // which one (index into Scenario::empathy_lines)
    bool is_question = false;     // a customer line that asks something (needs an answer)
    bool answered = false;        // for customer questions: the agent addressed it
    double offer_amount = 0;      // > 0 when the line offers compensation
    bool deviated = false;        // the agent left the script (allowed by grade or approved)
};

struct GuardrailHit {             // a prohibited phrase or a never-disclose item the agent used
    std::string rule_id;
    bool prohibited = true;       // false: never-disclose
    std::string matched;
    int line = -1;                // index into CallRecord::lines
};

enum class CallEnd { Open, Resolved, FollowUp, Escalated, HungUp };

struct CallRecord {
    std::string pack_id, scenario_id, persona_id, case_id;
    std::string agent, grade_id;
    bool practice = false;
    std::uint64_t seed = 0;       // practice: the simulation's seed, for replay
    std::vector<CallLine> lines;
    std::vector<GuardrailHit> hits;
    CallEnd end = CallEnd::Open;
    double compensation_given = 0;
    bool approval_obtained = false;   // a lead approved going beyond the grade's limit
    std::optional<double> final_mood;  // practice: the simulated customer's mood at the end, 0..100
};

const char* to_string(Speaker s);   // "agent" "customer" "system"
const char* to_string(CallEnd e);   // "open" "resolved" "follow_up" "escalated" "hung_up"

}  // namespace cw
