// model.h — the domain entities of Callwise: what a content pack holds (personas, scenarios and
// their scripts, guardrails, triage rules, contingency plans, agent grades, scorecards) and what
// a workspace records while people work (cases, reviews, PDCA items). DOMAIN.md explains each.
//
// Owns: plain data, the string names of every enum (the JSON spelling), the {variable} helpers,
// and the declarations of the cereal functions (defined and instantiated for cereal's JSON
// archives in model.cpp, so this header stays free of cereal and rapidjson).
// Must never: include ImGui/SDL/emscripten or cereal/rapidjson, touch storage, or validate —
// validation with paths a consultant can fix is in pack.cpp.
//
// JSON spelling: snake_case keys; enums are lower-case strings; every human-facing text in
// content is bilingual, {"zh": "...", "en": "..."}. docs/pack-format.md is the reference —
// content writers work from it, so renaming a field here is a breaking change.
#pragma once
#include <cstdint>
#include <exception>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/lang.h"

namespace cw {

// ------------------------------------------------------------------ bilingual text
struct LocalizedText {
    std::string zh;
    std::string en;
    bool empty() const { return zh.empty() && en.empty(); }
    bool operator==(const LocalizedText& o) const { return zh == o.zh && en == o.en; }
    bool operator!=(const LocalizedText& o) const { return !(*this == o); }
};

// The text in `lang`, or in the other language when that one is empty (better than a blank).
const std::string& pick(const LocalizedText& t, Lang lang);

// ------------------------------------------------------------------ enums and their JSON names
// Each enum has to_string() (the JSON spelling) and *_from_string() (nullopt if unknown).

enum class ScriptStyle { Standard, Cute, Caring, StreetWise, Humorous };  // 标准 卖萌 贴心 江湖 搞笑
const char* to_string(ScriptStyle s);  // "standard" "cute" "caring" "streetwise" "humorous"
std::optional<ScriptStyle> script_style_from_string(std::string_view s);

enum class StepKind { Say, Ask, WaitForReply, Branch, Offer, Escalate, Close };
const char* to_string(StepKind k);  // "say" "ask" "wait" "branch" "offer" "escalate" "close"
std::optional<StepKind> step_kind_from_string(std::string_view s);

enum class DisclosureKind { Pattern, Phrase };
const char* to_string(DisclosureKind k);  // "pattern" "phrase"
std::optional<DisclosureKind> disclosure_kind_from_string(std::string_view s);

enum class SignalKind { Phrase, TimePressure, Safety, Money, Regulator };
const char* to_string(SignalKind k);  // "phrase" "time_pressure" "safety" "money" "regulator"
std::optional<SignalKind> signal_kind_from_string(std::string_view s);

enum class Quadrant { Q1_UrgentImportant, Q2_ImportantNotUrgent, Q3_UrgentNotImportant, Q4_Neither };
const char* to_string(Quadrant q);  // "q1" "q2" "q3" "q4"
std::optional<Quadrant> quadrant_from_string(std::string_view s);

enum class ScoreCheck {
    NoProhibitedPhrase, EmpathyVariety, WaitedBeforeCompensation, FirstContactResolution,
    QuestionsAnswered, WithinAuthority, CustomerFeeling, Manual
};
// "no_prohibited_phrase" "empathy_variety" "waited_before_compensation"
// "first_contact_resolution" "questions_answered" "within_authority" "customer_feeling" "manual"
const char* to_string(ScoreCheck c);
std::optional<ScoreCheck> score_check_from_string(std::string_view s);

enum class CaseStatus { New, InProgress, Escalated, Resolved, Closed };
const char* to_string(CaseStatus s);  // "new" "in_progress" "escalated" "resolved" "closed"
std::optional<CaseStatus> case_status_from_string(std::string_view s);

enum class PdcaStage { Plan, Do, Check, Act };
const char* to_string(PdcaStage s);  // "plan" "do" "check" "act"
std::optional<PdcaStage> pdca_stage_from_string(std::string_view s);

// ------------------------------------------------------------------ pack: roles
// Who can own a checklist item or receive an escalation. Grade ids (trainee/agent/senior/lead)
// are roles too; `roles` adds the others (duty manager, security desk...) with display names.
struct Role {
    std::string id;
    LocalizedText name;
};

// ------------------------------------------------------------------ pack: personas 客户画像
struct KnowledgeEntry {          // special-group knowledge: their own unified replies
    LocalizedText title;
    LocalizedText text;
};

struct CompensationPolicy {      // the group's own compensation plan
    LocalizedText text;
    double max_amount = 0;       // in `currency`; 0 = no money offered by policy
    std::string currency;        // ISO 4217, e.g. "CNY"
};

struct Persona {
    std::string id;
    LocalizedText name;
    LocalizedText segment;
    int birth_year_from = 0;     // 0 = unknown
    int birth_year_to = 0;       // 0 = unknown
    std::vector<LocalizedText> tags;
    std::vector<LocalizedText> material_needs;
    std::vector<LocalizedText> emotional_needs;
    std::vector<ScriptStyle> preferred_styles;
    std::vector<LocalizedText> avoid;      // things never to do with this group
    std::vector<LocalizedText> dialects;
    LocalizedText notes;
    std::vector<KnowledgeEntry> knowledge;
    CompensationPolicy compensation_policy;
};

// ------------------------------------------------------------------ pack: guardrails
struct ProhibitedPhrase {        // 禁忌语
    std::string id;
    LocalizedText phrase;
    LocalizedText why;
    LocalizedText instead;       // what to say instead
};

// Information that may never be disclosed. kind Phrase: `patterns` are literal phrases
// (case-insensitive), e.g. internal system names. kind Pattern: `patterns` use the small
// pattern language in core/disclosure_pattern.h ("card_number", "cn_id", "digits:6" ...).
struct NeverDisclose {
    std::string id;
    LocalizedText label;
    LocalizedText why;
    DisclosureKind kind = DisclosureKind::Phrase;
    std::vector<std::string> patterns;
};

struct Guardrails {
    std::vector<ProhibitedPhrase> prohibited;
    std::vector<NeverDisclose> never_disclose;
    bool empty() const { return prohibited.empty() && never_disclose.empty(); }
};

// ------------------------------------------------------------------ pack: scripts 话术
// The standard wording plus optional style variants. JSON: one object keyed by style name,
// {"standard": {"zh":..,"en":..}, "cute": {...}, "caring": {...}}.
struct StyledText {
    LocalizedText standard;
    std::map<ScriptStyle, LocalizedText> variants;  // never holds ScriptStyle::Standard
    // The variant for `style`, or the standard text when there is none.
    const LocalizedText& for_style(ScriptStyle style) const;
    bool empty() const;
};

struct Branch {                  // one possible customer answer at a Branch step
    LocalizedText when;          // label shown to the agent, e.g. "wants a refund"
    std::vector<std::string> keywords;  // words in the reply that suggest this branch (any language)
    std::string next;            // step id
};

struct Offer {                   // what an Offer step puts on the table
    LocalizedText kind;          // e.g. "meal voucher"
    double amount = 0;
    std::string currency;        // ISO 4217
};

// Say: agent speaks. Ask: agent asks a question (does not wait by itself).
// WaitForReply: stop and let the customer answer. Branch: continue by the customer's answer.
// Offer: retention / compensation. Escalate: hand to `escalate_to`. Close: end of the call.
struct Step {
    std::string id;
    StepKind kind = StepKind::Say;
    StyledText text;
    LocalizedText key_point;     // one line for senior agents who do not read the full script
    std::string next;            // following step id; empty for Close (and Branch, which uses branches)
    std::vector<Branch> branches;   // Branch steps only
    Offer offer;                 // Offer steps only
    std::string escalate_to;     // Escalate steps only: a role id or grade id
};

struct Script {
    std::string start;           // id of the first step
    std::vector<Step> steps;
    const Step* find(std::string_view step_id) const;
};

// ------------------------------------------------------------------ pack: scenarios 场景
struct Scenario {
    std::string id;
    LocalizedText title;
    std::string industry;        // "airline", "bank", "travel", "hotel", "ride_hailing", "telecom" ...
    LocalizedText situation;     // the customer's situation
    std::vector<LocalizedText> reasons;          // why they call
    std::vector<LocalizedText> concerns;         // what they care about
    std::vector<LocalizedText> typical_phrases;  // the words they use: drive search and triage
    std::vector<std::string> persona_ids;
    std::vector<LocalizedText> empathy_lines;    // pool of soothing lines, rotated
    Guardrails guardrails;       // in addition to the pack-wide ones
    Script script;
};

// ------------------------------------------------------------------ pack: triage 四象限
struct TriageSignal {
    std::string id;
    LocalizedText label;
    SignalKind kind = SignalKind::Phrase;
    std::vector<LocalizedText> phrases;  // either language may be empty per entry
    double weight_urgency = 0;
    double weight_importance = 0;
};

struct TriageThresholds {        // score >= threshold counts as urgent / important
    double urgency = 1;
    double importance = 1;
};

struct ResponseTargets {         // minutes until first response, per quadrant
    int q1 = 0;
    int q2 = 0;
    int q3 = 0;
    int q4 = 0;
    int for_quadrant(Quadrant q) const;
};

struct TriageRules {
    std::vector<TriageSignal> signals;
    TriageThresholds thresholds;
    ResponseTargets response_target_minutes;
};

// ------------------------------------------------------------------ pack: contingency plans 应急预案
struct PlanTrigger {
    std::vector<std::string> scenario_ids;
    std::vector<std::string> signal_ids;
};

struct ChecklistItem {
    LocalizedText text;
    std::string owner_role;      // role id or grade id
};

struct EscalationLevel {
    std::string role;            // role id or grade id
    int report_up_every_minutes = 0;  // 0 = report once
};

struct GradeAuthority {          // what each grade may do while this plan runs
    std::string grade_id;
    bool may_deviate = false;
    double compensation_limit = 0;
};

struct ContingencyPlan {
    std::string id;
    LocalizedText title;
    PlanTrigger trigger;
    std::vector<ChecklistItem> checklist;        // ordered
    std::vector<EscalationLevel> escalation_ladder;  // lowest level first
    std::vector<GradeAuthority> grade_authority;
};

// ------------------------------------------------------------------ pack: grades 分级授权
struct AgentGrade {
    std::string id;              // "trainee" "agent" "senior" "lead" (or the pack's own)
    LocalizedText name;
    bool may_deviate_from_script = false;
    bool may_skip_steps = false;
    double compensation_limit = 0;
    bool sees_full_script = true;  // false: key points only
};

// ------------------------------------------------------------------ pack: scorecards 质检
struct ScorecardItem {
    std::string id;
    LocalizedText label;
    double weight = 0;
    ScoreCheck check = ScoreCheck::Manual;
    LocalizedText why;           // why it matters to the customer: scorecards explain themselves
};

struct Scorecard {
    std::string id;
    LocalizedText name;
    std::vector<ScorecardItem> items;
};

// ------------------------------------------------------------------ the pack
struct PackMeta {
    std::string id;
    LocalizedText name;
    std::string industry;
    std::vector<std::string> languages;  // "zh-CN", "en"
    std::string author;
    std::string version;         // "1.2.0"
    LocalizedText description;
};

struct Pack {
    static constexpr int kSchemaVersion = 1;
    int schema_version = kSchemaVersion;
    PackMeta meta;
    std::vector<Role> roles;
    std::vector<Persona> personas;
    std::vector<Scenario> scenarios;
    Guardrails guardrails;
    TriageRules triage_rules;
    std::vector<ContingencyPlan> plans;
    std::vector<AgentGrade> grades;
    std::vector<Scorecard> scorecards;
};

// ------------------------------------------------------------------ workspace records
struct ChecklistTick {           // one done item of a running plan
    int item = 0;                // index into ContingencyPlan::checklist
    std::string done_by;
    std::int64_t done_at = 0;    // unix ms
};

struct PlanRun {
    std::string plan_id;         // empty: no plan running
    std::int64_t started_at = 0;
    std::vector<ChecklistTick> ticks;
};

struct CaseOutcome {
    bool first_contact_resolved = false;
    bool escalated = false;
    double compensation_amount = 0;
    std::optional<int> satisfaction;  // 1..5
    std::optional<int> nps;           // 0..10
};

// One line of a case's timeline: who did what when (created, moved, plan step done, reported
// up, approval asked/decided, closed). Kept for the review and for later analysis.
struct CaseEvent {
    std::int64_t at = 0;         // unix ms
    std::string kind;            // "created" "quadrant" "status" "plan_started" "checklist"
                                 // "reported_up" "approval_requested" "approval_decided" "note" "closed"
    std::string text;            // what happened, in the words of the person or the app
    std::string by;              // agent name
};

// Something beyond the agent's grade (a deviation, compensation over the limit): a lead's
// approval is asked and recorded (graded authority, DOMAIN.md §1 and §5).
struct Approval {
    std::string what;
    double amount = 0;
    std::string requested_by;
    std::int64_t requested_at = 0;
    bool decided = false;
    bool approved = false;
    std::string decided_by;
    std::int64_t decided_at = 0;
    std::string note;
};

// Q2 preparation work (process changes, drills) with an owner and a date.
struct PrepItem {
    std::string id;
    std::string title;
    std::string owner;
    std::int64_t due_at = 0;     // unix ms; 0 = no date
    bool done = false;
    std::string case_id;         // the case it came from, if any
    std::int64_t created_at = 0;
};

// A customer request being handled. Texts here are what people typed (one language).
struct Case {
    std::string id;
    std::string text;
    std::string channel;         // "phone" "chat" "message" "email" "social"
    std::string customer_name;
    std::string pack_id;         // the pack its scenario/persona come from (ids are pack-scoped)
    std::string persona_id;
    std::int64_t created_at = 0; // unix ms
    std::int64_t updated_at = 0;
    Quadrant suggested_quadrant = Quadrant::Q4_Neither;
    std::optional<Quadrant> final_quadrant;  // set when someone confirms or overrides
    std::string override_reason;
    CaseStatus status = CaseStatus::New;
    std::string scenario_id;
    PlanRun plan_run;
    std::string notes;
    CaseOutcome outcome;
    std::map<std::string, std::string> variables;  // {customer_name} etc. for script text
    double urgency = 0;          // triage scores at intake (the explanation is recomputed)
    double importance = 0;
    std::string agent;           // who took it
    std::int64_t closed_at = 0;
    std::int64_t last_report_up_at = 0;   // the plan's "report up" clock restarts here
    std::vector<CaseEvent> timeline;
    std::vector<Approval> approvals;
};

struct Review {                  // post-incident review, fed back into the plans
    std::string case_id;
    std::string what_happened;
    std::string what_was_done;
    std::string what_should_change;
    std::int64_t created_at = 0;
};

// One move of a PDCA item on the board (any stage to any stage: a failed check goes back to plan).
struct PdcaMove {
    PdcaStage from = PdcaStage::Plan;
    PdcaStage to = PdcaStage::Plan;
    std::int64_t at = 0;         // unix ms
    std::string by;
};

struct PdcaItem {
    std::string id;
    std::string title;
    PdcaStage stage = PdcaStage::Plan;
    std::string problem;
    std::string target;
    std::string root_cause;
    std::string countermeasure;
    std::string follow_up;
    std::string standardise;
    std::vector<std::string> case_ids;
    // Added with the PDCA board; absent in older saves (they load as empty).
    std::string owner;
    std::string source;          // "hand" "review" (a Q1 case review) "dashboard" (a finding)
    std::int64_t created_at = 0; // unix ms
    std::int64_t updated_at = 0;
    std::vector<PdcaMove> history;   // oldest first; bounded (core/pdca.h)
};

// ------------------------------------------------------------------ {variables} in script text
// A variable is {name} with name = [A-Za-z_][A-Za-z0-9_]*; other braces are plain text.
// Names in order of first appearance, each once.
std::vector<std::string> variables_in(const std::string& text);
// Replaces known variables; unknown ones stay visible as {name} and are listed in *missing
// (each once, if missing is not null).
std::string fill_variables(const std::string& text, const std::map<std::string, std::string>& values,
                           std::vector<std::string>* missing);

// ------------------------------------------------------------------ cereal
// Defined in model.cpp and instantiated for cereal::JSONInputArchive / JSONOutputArchive only.
// Enums are written as their strings; optional fields may be absent on load and are omitted on
// save when empty, so saves are small and byte-stable.
template <class Archive> void serialize(Archive&, LocalizedText&);
template <class Archive> void save(Archive&, const StyledText&);
template <class Archive> void load(Archive&, StyledText&);
template <class Archive> void serialize(Archive&, Role&);
template <class Archive> void serialize(Archive&, KnowledgeEntry&);
template <class Archive> void serialize(Archive&, CompensationPolicy&);
template <class Archive> void serialize(Archive&, Persona&);
template <class Archive> void serialize(Archive&, ProhibitedPhrase&);
template <class Archive> void serialize(Archive&, NeverDisclose&);
template <class Archive> void serialize(Archive&, Guardrails&);
template <class Archive> void serialize(Archive&, Branch&);
template <class Archive> void serialize(Archive&, Offer&);
template <class Archive> void serialize(Archive&, Step&);
template <class Archive> void serialize(Archive&, Script&);
template <class Archive> void serialize(Archive&, Scenario&);
template <class Archive> void serialize(Archive&, TriageSignal&);
template <class Archive> void serialize(Archive&, TriageThresholds&);
template <class Archive> void serialize(Archive&, ResponseTargets&);
template <class Archive> void serialize(Archive&, TriageRules&);
template <class Archive> void serialize(Archive&, PlanTrigger&);
template <class Archive> void serialize(Archive&, ChecklistItem&);
template <class Archive> void serialize(Archive&, EscalationLevel&);
template <class Archive> void serialize(Archive&, GradeAuthority&);
template <class Archive> void serialize(Archive&, ContingencyPlan&);
template <class Archive> void serialize(Archive&, AgentGrade&);
template <class Archive> void serialize(Archive&, ScorecardItem&);
template <class Archive> void serialize(Archive&, Scorecard&);
template <class Archive> void serialize(Archive&, PackMeta&);
template <class Archive> void serialize(Archive&, Pack&);
template <class Archive> void serialize(Archive&, ChecklistTick&);
template <class Archive> void serialize(Archive&, PlanRun&);
template <class Archive> void serialize(Archive&, CaseOutcome&);
template <class Archive> void serialize(Archive&, CaseEvent&);
template <class Archive> void serialize(Archive&, Approval&);
template <class Archive> void serialize(Archive&, PrepItem&);
template <class Archive> void serialize(Archive&, Case&);
template <class Archive> void serialize(Archive&, Review&);
template <class Archive> void serialize(Archive&, PdcaMove&);
template <class Archive> void serialize(Archive&, PdcaItem&);

// Where a cereal load of these types currently is, so a failure can name the place
// ("scenarios[3].script.steps[2].next"). Install one on the stack around a load; the serialize
// functions keep it current. Given the rapidjson document cereal reads (as `const
// rapidjson::Value*`, kept opaque so this header stays free of rapidjson), it also checks
// types before cereal does, skips absent optional fields without exceptions, and reports
// unknown keys (typos) as notices. Without one, loading still works; errors are less precise.
struct LoadNotice {
    std::string path;
    std::string message;
};

class LoadTrace {
public:
    explicit LoadTrace(const void* dom_root = nullptr);
    ~LoadTrace();
    LoadTrace(const LoadTrace&) = delete;
    LoadTrace& operator=(const LoadTrace&) = delete;

    std::string where() const;  // e.g. "scenarios[3].script.steps[2].next"; "" at the top
    // Call after the top-level object was read: reports its unknown keys.
    void finish();
    const std::vector<LoadNotice>& notices() const { return notices_; }

    // Used by model.cpp.
    struct Frame {
        std::string name;                 // "steps", or "[2]" for an array element
        const void* node = nullptr;       // const rapidjson::Value*, or null without a document
        std::vector<std::string> known;   // keys the loader asked for in this object
        bool check_unknown = false;       // report keys nobody asked for when the frame closes
    };
    static LoadTrace* current();
    std::vector<Frame> frames;
    void add_notice(std::string path, std::string message);

private:
    std::vector<LoadNotice> notices_;
    LoadTrace* previous_ = nullptr;
};

// What went wrong in a load, in words a consultant can act on ("expected text (a JSON string),
// found a number"); prefix it with LoadTrace::where() to name the place.
std::string describe_load_error(const std::exception& e);

}  // namespace cw
