// model.cpp — enum names, {variable} helpers and the cereal JSON form of every entity in
// model.h.
//
// Contents
//   1. enum name tables
//   2. small entity helpers (pick, for_style, variables)
//   3. LoadTrace: where a load is, and error messages that name the place
//   4. field helpers: required / optional fields, lists, enums, string maps
//   5. serialize functions, one per entity, in model.h order
//   6. explicit instantiations for cereal's JSON archives
//
// Why the field helpers instead of plain `ar(make_nvp(...))`: cereal alone cannot skip an
// absent field without throwing, says "IsString()" for a wrong type without saying where, and
// silently ignores misspelt keys. With a LoadTrace holding the document (pack.cpp installs one)
// every field is looked up in the DOM first, so an absent optional field costs nothing, a
// wrong type is reported with its path before cereal reads it, and unknown keys become notices.
// Without a document (e.g. a Case inside another module's save) the same helpers still track
// the path and fall back to catching cereal's "not found".
//
// core/json_config.h first (the build also force-includes it): one RapidJSON configuration,
// with assertions that throw, for every file.
#include "core/json_config.h"

#include <cereal/archives/json.hpp>

#include "core/model.h"
#include "core/cereal_helpers.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <type_traits>

namespace cw {

// ============================================================================ 1. enum names
namespace {

template <class E> struct EnumNames;
template <> struct EnumNames<ScriptStyle> {
    static constexpr const char* what = "style";
    static constexpr std::array<const char*, 5> names{"standard", "cute", "caring", "streetwise", "humorous"};
};
template <> struct EnumNames<StepKind> {
    static constexpr const char* what = "step kind";
    static constexpr std::array<const char*, 7> names{"say", "ask", "wait", "branch", "offer", "escalate", "close"};
};
template <> struct EnumNames<DisclosureKind> {
    static constexpr const char* what = "never-disclose kind";
    static constexpr std::array<const char*, 2> names{"pattern", "phrase"};
};
template <> struct EnumNames<SignalKind> {
    static constexpr const char* what = "signal kind";
    static constexpr std::array<const char*, 5> names{"phrase", "time_pressure", "safety", "money", "regulator"};
};
template <> struct EnumNames<Quadrant> {
    static constexpr const char* what = "quadrant";
    static constexpr std::array<const char*, 4> names{"q1", "q2", "q3", "q4"};
};
template <> struct EnumNames<ScoreCheck> {
    static constexpr const char* what = "check";
    static constexpr std::array<const char*, 8> names{
        "no_prohibited_phrase", "empathy_variety", "waited_before_compensation",
        "first_contact_resolution", "questions_answered", "within_authority",
        "customer_feeling", "manual"};
};
template <> struct EnumNames<CaseStatus> {
    static constexpr const char* what = "case status";
    static constexpr std::array<const char*, 5> names{"new", "in_progress", "escalated", "resolved", "closed"};
};
template <> struct EnumNames<PdcaStage> {
    static constexpr const char* what = "PDCA stage";
    static constexpr std::array<const char*, 4> names{"plan", "do", "check", "act"};
};

template <class E> const char* enum_name(E e) {
    const auto i = static_cast<size_t>(e);
    return i < EnumNames<E>::names.size() ? EnumNames<E>::names[i] : "?";
}

template <class E> std::optional<E> enum_from(std::string_view s) {
    for (size_t i = 0; i < EnumNames<E>::names.size(); ++i)
        if (s == EnumNames<E>::names[i]) return static_cast<E>(i);
    return std::nullopt;
}

template <class E> std::string enum_choices() {
    std::string out;
    for (const char* n : EnumNames<E>::names) {
        if (!out.empty()) out += ", ";
        out += '"';
        out += n;
        out += '"';
    }
    return out;
}

}  // namespace

const char* to_string(ScriptStyle v) { return enum_name(v); }
const char* to_string(StepKind v) { return enum_name(v); }
const char* to_string(DisclosureKind v) { return enum_name(v); }
const char* to_string(SignalKind v) { return enum_name(v); }
const char* to_string(Quadrant v) { return enum_name(v); }
const char* to_string(ScoreCheck v) { return enum_name(v); }
const char* to_string(CaseStatus v) { return enum_name(v); }
const char* to_string(PdcaStage v) { return enum_name(v); }
std::optional<ScriptStyle> script_style_from_string(std::string_view s) { return enum_from<ScriptStyle>(s); }
std::optional<StepKind> step_kind_from_string(std::string_view s) { return enum_from<StepKind>(s); }
std::optional<DisclosureKind> disclosure_kind_from_string(std::string_view s) { return enum_from<DisclosureKind>(s); }
std::optional<SignalKind> signal_kind_from_string(std::string_view s) { return enum_from<SignalKind>(s); }
std::optional<Quadrant> quadrant_from_string(std::string_view s) { return enum_from<Quadrant>(s); }
std::optional<ScoreCheck> score_check_from_string(std::string_view s) { return enum_from<ScoreCheck>(s); }
std::optional<CaseStatus> case_status_from_string(std::string_view s) { return enum_from<CaseStatus>(s); }
std::optional<PdcaStage> pdca_stage_from_string(std::string_view s) { return enum_from<PdcaStage>(s); }

// ============================================================================ 2. entity helpers
const std::string& pick(const LocalizedText& t, Lang lang) {
    const std::string& first = lang == Lang::Zh ? t.zh : t.en;
    const std::string& other = lang == Lang::Zh ? t.en : t.zh;
    return first.empty() ? other : first;
}

const LocalizedText& StyledText::for_style(ScriptStyle style) const {
    if (style == ScriptStyle::Standard) return standard;
    auto it = variants.find(style);
    return it == variants.end() || it->second.empty() ? standard : it->second;
}

bool StyledText::empty() const {
    if (!standard.empty()) return false;
    for (const auto& kv : variants)
        if (!kv.second.empty()) return false;
    return true;
}

const Step* Script::find(std::string_view step_id) const {
    for (const Step& s : steps)
        if (s.id == step_id) return &s;
    return nullptr;
}

int ResponseTargets::for_quadrant(Quadrant q) const {
    switch (q) {
        case Quadrant::Q1_UrgentImportant: return q1;
        case Quadrant::Q2_ImportantNotUrgent: return q2;
        case Quadrant::Q3_UrgentNotImportant: return q3;
        case Quadrant::Q4_Neither: return q4;
    }
    return q4;
}

namespace {
bool is_name_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }

// Length of the {name} starting at text[i] (including braces), or 0 if there is none.
size_t variable_at(const std::string& text, size_t i) {
    if (text[i] != '{' || i + 2 >= text.size() || !is_name_start(text[i + 1])) return 0;
    size_t j = i + 2;
    while (j < text.size() && is_name_char(text[j])) ++j;
    return j < text.size() && text[j] == '}' ? j + 1 - i : 0;
}

void add_once(std::vector<std::string>& list, std::string name) {
    for (const auto& n : list)
        if (n == name) return;
    list.push_back(std::move(name));
}
}  // namespace

std::vector<std::string> variables_in(const std::string& text) {
    std::vector<std::string> names;
    for (size_t i = 0; i < text.size(); ++i) {
        const size_t n = variable_at(text, i);
        if (n == 0) continue;
        add_once(names, text.substr(i + 1, n - 2));
        i += n - 1;
    }
    return names;
}

std::string fill_variables(const std::string& text, const std::map<std::string, std::string>& values,
                           std::vector<std::string>* missing) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const size_t n = variable_at(text, i);
        if (n == 0) {
            out += text[i];
            continue;
        }
        const std::string name = text.substr(i + 1, n - 2);
        auto it = values.find(name);
        if (it != values.end()) {
            out += it->second;
        } else {
            out.append(text, i, n);  // stays visible so the agent sees what to ask for
            if (missing) add_once(*missing, name);
        }
        i += n - 1;
    }
    return out;
}

// ============================================================================ 3. LoadTrace
namespace {
thread_local LoadTrace* g_trace = nullptr;
using Value = rapidjson::Value;

const Value* node_of(const LoadTrace::Frame& f) { return static_cast<const Value*>(f.node); }

const char* json_kind(const Value& v) {
    if (v.IsNull()) return "null";
    if (v.IsBool()) return "true/false";
    if (v.IsObject()) return "an object { }";
    if (v.IsArray()) return "a list [ ]";
    if (v.IsString()) return "text";
    if (v.IsInt() || v.IsInt64() || v.IsUint64()) return "a whole number";
    return "a number";
}

// Thrown by the helpers; the trace's path is prefixed where the error is reported.
struct FieldError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

[[noreturn]] void type_error(const char* expected, const Value& found) {
    std::string msg = std::string("expected ") + expected + ", found " + json_kind(found);
    if (found.IsString()) {
        std::string_view s(found.GetString(), found.GetStringLength());
        if (s.size() <= 40) msg += std::string(" \"") + std::string(s) + "\"";
    }
    throw FieldError(msg);
}

// Levenshtein distance, for "did you mean" on unknown keys (keys are short).
size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

std::string join_path(const std::vector<LoadTrace::Frame>& frames, size_t count) {
    std::string out;
    for (size_t i = 1; i < count && i < frames.size(); ++i) {
        const std::string& n = frames[i].name;
        if (!n.empty() && n[0] != '[' && !out.empty()) out += '.';
        out += n;
    }
    return out;
}
}  // namespace

namespace {
void report_unknown_keys(LoadTrace& t);
}

LoadTrace::LoadTrace(const void* dom_root) : previous_(g_trace) {
    Frame root;
    root.node = dom_root;
    root.check_unknown = dom_root && static_cast<const Value*>(dom_root)->IsObject();
    frames.push_back(std::move(root));
    g_trace = this;
}

LoadTrace::~LoadTrace() { g_trace = previous_; }

LoadTrace* LoadTrace::current() { return g_trace; }

std::string LoadTrace::where() const { return join_path(frames, frames.size()); }

void LoadTrace::finish() {
    frames.resize(1);
    report_unknown_keys(*this);
}

void LoadTrace::add_notice(std::string path, std::string message) {
    notices_.push_back(LoadNotice{std::move(path), std::move(message)});
}

namespace {
// Report keys of the innermost object nobody asked for (misspelt or misplaced fields).
void report_unknown_keys(LoadTrace& t) {
    const LoadTrace::Frame& f = t.frames.back();
    const Value* v = node_of(f);
    if (!f.check_unknown || !v || !v->IsObject()) return;
    for (auto m = v->MemberBegin(); m != v->MemberEnd(); ++m) {
        const std::string_view key(m->name.GetString(), m->name.GetStringLength());
        bool known = false;
        for (const auto& k : f.known)
            if (k == key) { known = true; break; }
        if (known) continue;
        std::string msg = "unknown field (ignored)";
        const std::string* best = nullptr;
        size_t best_d = 3;  // suggest only close matches
        for (const auto& k : f.known) {
            const size_t d = edit_distance(key, k);
            if (d < best_d) { best_d = d; best = &k; }
        }
        if (best) msg += "; did you mean \"" + *best + "\"?";
        std::string path = t.where();
        path += path.empty() ? "" : ".";
        path += std::string(key);
        t.add_notice(std::move(path), std::move(msg));
    }
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
}  // namespace

// Turn what cereal/rapidjson/the helpers threw into a message a consultant can act on.
std::string describe_load_error(const std::exception& e) {
    const std::string_view what = e.what();
    if (dynamic_cast<const FieldError*>(&e)) return std::string(what);
    // A failed RapidJSON assertion (a value of the wrong type), as core/json_config.h or, without
    // it, cereal words it.
    constexpr std::string_view kConfigAssert = "unexpected JSON value (";
    constexpr std::string_view kCerealAssert = "rapidjson internal assertion failure: ";
    const bool config_assert = starts_with(what, kConfigAssert);
    if (config_assert || starts_with(what, kCerealAssert)) {
        const std::string_view cond = what.substr(config_assert ? kConfigAssert.size() : kCerealAssert.size());
        if (cond.find("IsString") != std::string_view::npos) return "expected text (a JSON string)";
        if (cond.find("IsObject") != std::string_view::npos) return "expected an object { }";
        if (cond.find("IsArray") != std::string_view::npos) return "expected a list [ ]";
        if (cond.find("IsBool") != std::string_view::npos) return "expected true or false";
        if (cond.find("IsNumber") != std::string_view::npos) return "expected a number";
        if (cond.find("Int") != std::string_view::npos || cond.find("Uint") != std::string_view::npos)
            return "expected a whole number";
        if (cond.find("IsNull") != std::string_view::npos) return "expected null";
        return "unexpected JSON value (" + std::string(cond) + ")";
    }
    if (starts_with(what, "JSON Parsing failed - provided NVP")) return "missing (this field is required)";
    if (what == "No more objects in input") return "the list or object ended early";
    return std::string(what);
}

// ============================================================================ 4. field helpers
namespace {
using JIn = cereal::JSONInputArchive;
using JOut = cereal::JSONOutputArchive;

// Required: must be present; always written. Optional: may be absent; not written when empty.
// Always: may be absent; always written (bilingual sides, so translators see the gap).
enum class Presence { Required, Optional, Always };

template <class T> struct is_vector : std::false_type {};
template <class T> struct is_vector<std::vector<T>> : std::true_type {};
template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};
using StringMap = std::map<std::string, std::string>;

// ---- "is this value empty?" (optional fields are omitted on save when it is)
bool is_default(const std::string& v) { return v.empty(); }
bool is_default(bool v) { return !v; }
bool is_default(int v) { return v == 0; }
bool is_default(std::int64_t v) { return v == 0; }
bool is_default(double v) { return v == 0; }
bool is_default(const LocalizedText& v) { return v.empty(); }
bool is_default(const StyledText& v) { return v.standard.empty() && v.variants.empty(); }
bool is_default(const StringMap& v) { return v.empty(); }
bool is_default(const Guardrails& v) { return v.empty(); }
bool is_default(const Offer& v) { return v.kind.empty() && v.amount == 0 && v.currency.empty(); }
bool is_default(const CompensationPolicy& v) { return v.text.empty() && v.max_amount == 0 && v.currency.empty(); }
bool is_default(const Script& v) { return v.start.empty() && v.steps.empty(); }
bool is_default(const PlanTrigger& v) { return v.scenario_ids.empty() && v.signal_ids.empty(); }
bool is_default(const PlanRun& v) { return v.plan_id.empty() && v.started_at == 0 && v.ticks.empty(); }
bool is_default(const CaseOutcome& v) {
    return !v.first_contact_resolved && !v.escalated && v.compensation_amount == 0 && !v.satisfaction && !v.nps;
}
// Other structs are never "empty": an optional field of such a type is always written.
template <class T, std::enable_if_t<std::is_class<T>::value, int> = 0> bool is_default(const T&) { return false; }
template <class T> bool is_default(const std::vector<T>& v) { return v.empty(); }
template <class T> bool is_default(const std::optional<T>& v) { return !v.has_value(); }
template <class T, std::enable_if_t<std::is_enum<T>::value, int> = 0> bool is_default(T v) { return static_cast<int>(v) == 0; }

// ---- saving
template <class T> void write_element(JOut& ar, const T& v);

template <class T> void write_value(JOut& ar, const char* name, const T& v) {
    if constexpr (std::is_enum<T>::value) {
        ar(cereal::make_nvp(name, std::string(enum_name(v))));
    } else if constexpr (is_vector<T>::value) {
        ar.setNextName(name);
        ar.startNode();
        ar.makeArray();
        for (const auto& e : v) write_element(ar, e);
        ar.finishNode();
    } else if constexpr (is_optional<T>::value) {
        if (v) write_value(ar, name, *v);
    } else if constexpr (std::is_same<T, StringMap>::value) {
        ar.setNextName(name);
        ar.startNode();
        for (const auto& kv : v) ar(cereal::make_nvp(kv.first, kv.second));
        ar.finishNode();
    } else {
        ar(cereal::make_nvp(name, const_cast<T&>(v)));
    }
}

template <class T> void write_element(JOut& ar, const T& v) {
    if constexpr (std::is_enum<T>::value) ar(std::string(enum_name(v)));
    else ar(const_cast<T&>(v));
}

// ---- loading
// Checks the DOM node (when there is one) has the JSON type T needs, before cereal reads it.
template <class T> void check_type(const Value* v) {
    if (!v) return;
    if constexpr (std::is_same<T, std::string>::value || std::is_enum<T>::value) {
        if (!v->IsString()) type_error("text (a JSON string)", *v);
    } else if constexpr (std::is_same<T, bool>::value) {
        if (!v->IsBool()) type_error("true or false", *v);
    } else if constexpr (std::is_same<T, int>::value) {
        if (!v->IsInt())
            type_error(v->IsInt64() || v->IsUint64() ? "a whole number in range" : "a whole number", *v);
    } else if constexpr (std::is_same<T, std::int64_t>::value) {
        if (!v->IsInt64()) type_error("a whole number", *v);
    } else if constexpr (std::is_same<T, double>::value) {
        if (!v->IsNumber()) type_error("a number", *v);
    } else if constexpr (is_vector<T>::value) {
        if (!v->IsArray()) type_error("a list [ ]", *v);
    } else if constexpr (is_optional<T>::value) {
        check_type<typename T::value_type>(v);
    } else {
        if (!v->IsObject()) type_error("an object { }", *v);
    }
}

template <class E> E parse_enum(const std::string& s) {
    if (auto e = enum_from<E>(s)) return *e;
    throw FieldError("unknown " + std::string(EnumNames<E>::what) + " \"" + s + "\"; expected one of " +
                     enum_choices<E>());
}

template <class T> void read_element(JIn& ar, T& v);

// Reads the value of the current frame's field `name` (the frame is already pushed).
template <class T> void read_value(JIn& ar, const char* name, T& v) {
    LoadTrace* t = LoadTrace::current();
    const Value* node = t ? node_of(t->frames.back()) : nullptr;
    check_type<T>(node);
    if constexpr (std::is_enum<T>::value) {
        std::string s;
        ar(cereal::make_nvp(name, s));
        v = parse_enum<T>(s);
    } else if constexpr (is_vector<T>::value) {
        ar.setNextName(name);
        ar.startNode();
        cereal::size_type n = 0;
        ar.loadSize(n);
        v.clear();
        v.resize(static_cast<size_t>(n));
        for (size_t i = 0; i < v.size(); ++i) {
            if (t) {
                LoadTrace::Frame f;
                f.name = "[" + std::to_string(i) + "]";
                f.node = node ? &(*node)[static_cast<rapidjson::SizeType>(i)] : nullptr;
                f.check_unknown = std::is_class<typename T::value_type>::value &&
                                  !std::is_same<typename T::value_type, std::string>::value;
                t->frames.push_back(std::move(f));
            }
            read_element(ar, v[i]);
            if (t) {
                report_unknown_keys(*t);
                t->frames.pop_back();
            }
        }
        ar.finishNode();
    } else if constexpr (is_optional<T>::value) {
        typename T::value_type inner{};
        read_value(ar, name, inner);
        v = std::move(inner);
    } else if constexpr (std::is_same<T, StringMap>::value) {
        // An object used as a map: iterate its members in order.
        ar.setNextName(name);
        ar.startNode();
        v.clear();
        size_t i = 0;
        while (const char* key = ar.getNodeName()) {
            std::string k = key;
            if (t) {
                t->frames.back().known.push_back(k);
                LoadTrace::Frame f;
                f.name = k;
                f.node = node ? &(node->MemberBegin() + static_cast<long>(i))->value : nullptr;
                t->frames.push_back(std::move(f));
                check_type<std::string>(node_of(t->frames.back()));
            }
            std::string val;
            ar(val);
            v[k] = std::move(val);
            if (t) t->frames.pop_back();
            ++i;
        }
        ar.finishNode();
    } else {
        ar(cereal::make_nvp(name, v));
    }
}

template <class T> void read_element(JIn& ar, T& v) {
    LoadTrace* t = LoadTrace::current();
    check_type<T>(t ? node_of(t->frames.back()) : nullptr);
    if constexpr (std::is_enum<T>::value) {
        std::string s;
        ar(s);
        v = parse_enum<T>(s);
    } else {
        ar(v);
    }
}

bool is_not_found(const cereal::Exception& e, const char* name) {
    return std::string(e.what()) == std::string("JSON Parsing failed - provided NVP (") + name + ") not found";
}

// Without an installed trace (another module reading a Case, say) install one for the
// outermost field so nested failures still name their place, then put the path in the message.
class AutoTrace {
public:
    AutoTrace() {
        if (!LoadTrace::current()) own_.emplace();
    }
    bool owns() const { return own_.has_value(); }
    LoadTrace& trace() { return own_ ? *own_ : *LoadTrace::current(); }

private:
    std::optional<LoadTrace> own_;
};

template <class T> void load_field(JIn& ar, const char* name, T& v, Presence presence) {
    AutoTrace auto_trace;
    LoadTrace& t = auto_trace.trace();
    const size_t depth = t.frames.size();
    LoadTrace::Frame& parent = t.frames.back();
    parent.known.emplace_back(name);
    const Value* parent_node = node_of(parent);
    const Value* node = nullptr;
    if (parent_node && parent_node->IsObject()) {
        auto m = parent_node->FindMember(name);
        if (m != parent_node->MemberEnd()) node = &m->value;
    }
    LoadTrace::Frame f;
    f.name = name;
    f.node = node;
    f.check_unknown = !std::is_arithmetic<T>::value && !std::is_enum<T>::value &&
                      !std::is_same<T, std::string>::value && !is_vector<T>::value &&
                      !is_optional<T>::value && !std::is_same<T, StringMap>::value &&
                      !std::is_same<T, StyledText>::value;
    if (parent_node && !node) {
        if (presence != Presence::Required) return;  // absent optional field: keep the default
        t.frames.push_back(std::move(f));
        if (auto_trace.owns()) throw FieldError(t.where() + ": missing (this field is required)");
        throw FieldError("missing (this field is required)");
    }
    t.frames.push_back(std::move(f));
    try {
        read_value(ar, name, v);
    } catch (const cereal::Exception& e) {
        // Without a document, an absent optional field shows up as cereal's "not found" for
        // this very name, thrown before anything deeper was entered.
        if (presence != Presence::Required && !parent_node && t.frames.size() == depth + 1 &&
            is_not_found(e, name)) {
            t.frames.resize(depth);
            return;
        }
        if (auto_trace.owns()) throw FieldError(t.where() + ": " + describe_load_error(e));
        throw;
    } catch (const std::exception& e) {  // FieldError, or a RapidJSON assertion (wrong type)
        if (auto_trace.owns()) throw FieldError(t.where() + ": " + describe_load_error(e));
        throw;
    }
    report_unknown_keys(t);
    t.frames.resize(depth);
}

template <class T> void save_field(JOut& ar, const char* name, const T& v, Presence presence) {
    if (presence == Presence::Optional && is_default(v)) return;
    write_value(ar, name, v);
}

// One entry point for both directions so each serialize() below lists its fields once.
template <class Ar, class T> void field(Ar& ar, const char* name, T& v, Presence p) {
    if constexpr (Ar::is_loading::value) load_field(ar, name, v, p);
    else save_field(ar, name, v, p);
}
template <class Ar, class T> void req(Ar& ar, const char* name, T& v) { field(ar, name, v, Presence::Required); }
template <class Ar, class T> void opt(Ar& ar, const char* name, T& v) { field(ar, name, v, Presence::Optional); }
template <class Ar, class T> void always(Ar& ar, const char* name, T& v) { field(ar, name, v, Presence::Always); }

}  // namespace

// ============================================================================ 5. serialize
template <class Ar> void serialize(Ar& ar, LocalizedText& v) {
    always(ar, "zh", v.zh);
    always(ar, "en", v.en);
}

// {"standard": T, "cute": T, ...}: one object keyed by style name.
template <class Ar> void save(Ar& ar, const StyledText& v) {
    if (!v.standard.empty() || v.variants.empty())
        ar(cereal::make_nvp("standard", const_cast<LocalizedText&>(v.standard)));
    for (const auto& kv : v.variants) {
        if (kv.first == ScriptStyle::Standard) continue;  // validate_pack reports it
        ar(cereal::make_nvp(enum_name(kv.first), const_cast<LocalizedText&>(kv.second)));
    }
}

template <class Ar> void load(Ar& ar, StyledText& v) {
    v = StyledText{};
    LoadTrace* t = LoadTrace::current();
    const Value* node = t ? node_of(t->frames.back()) : nullptr;
    size_t i = 0;
    while (const char* key = ar.getNodeName()) {
        const std::string k = key;
        if (t) {
            t->frames.back().known.push_back(k);
            LoadTrace::Frame f;
            f.name = k;
            f.node = node ? &(node->MemberBegin() + static_cast<long>(i))->value : nullptr;
            f.check_unknown = true;
            t->frames.push_back(std::move(f));
            check_type<LocalizedText>(node_of(t->frames.back()));
        }
        const ScriptStyle style = parse_enum<ScriptStyle>(k);
        LocalizedText text;
        ar(text);
        if (style == ScriptStyle::Standard) v.standard = std::move(text);
        else v.variants[style] = std::move(text);
        if (t) {
            report_unknown_keys(*t);
            t->frames.pop_back();
        }
        ++i;
    }
}

template <class Ar> void serialize(Ar& ar, Role& v) {
    req(ar, "id", v.id);
    opt(ar, "name", v.name);
}

template <class Ar> void serialize(Ar& ar, KnowledgeEntry& v) {
    opt(ar, "title", v.title);
    opt(ar, "text", v.text);
}

template <class Ar> void serialize(Ar& ar, CompensationPolicy& v) {
    opt(ar, "text", v.text);
    opt(ar, "max_amount", v.max_amount);
    opt(ar, "currency", v.currency);
}

template <class Ar> void serialize(Ar& ar, Persona& v) {
    req(ar, "id", v.id);
    opt(ar, "name", v.name);
    opt(ar, "segment", v.segment);
    opt(ar, "birth_year_from", v.birth_year_from);
    opt(ar, "birth_year_to", v.birth_year_to);
    opt(ar, "tags", v.tags);
    opt(ar, "material_needs", v.material_needs);
    opt(ar, "emotional_needs", v.emotional_needs);
    opt(ar, "preferred_styles", v.preferred_styles);
    opt(ar, "avoid", v.avoid);
    opt(ar, "dialects", v.dialects);
    opt(ar, "notes", v.notes);
    opt(ar, "knowledge", v.knowledge);
    opt(ar, "compensation_policy", v.compensation_policy);
}

template <class Ar> void serialize(Ar& ar, ProhibitedPhrase& v) {
    req(ar, "id", v.id);
    opt(ar, "phrase", v.phrase);
    opt(ar, "why", v.why);
    opt(ar, "instead", v.instead);
}

template <class Ar> void serialize(Ar& ar, NeverDisclose& v) {
    req(ar, "id", v.id);
    opt(ar, "label", v.label);
    opt(ar, "why", v.why);
    req(ar, "kind", v.kind);
    opt(ar, "patterns", v.patterns);
}

template <class Ar> void serialize(Ar& ar, Guardrails& v) {
    opt(ar, "prohibited", v.prohibited);
    opt(ar, "never_disclose", v.never_disclose);
}

template <class Ar> void serialize(Ar& ar, Branch& v) {
    opt(ar, "when", v.when);
    opt(ar, "keywords", v.keywords);
    req(ar, "next", v.next);
}

template <class Ar> void serialize(Ar& ar, Offer& v) {
    opt(ar, "kind", v.kind);
    opt(ar, "amount", v.amount);
    opt(ar, "currency", v.currency);
}

template <class Ar> void serialize(Ar& ar, Step& v) {
    req(ar, "id", v.id);
    req(ar, "kind", v.kind);
    opt(ar, "text", v.text);
    opt(ar, "key_point", v.key_point);
    opt(ar, "next", v.next);
    opt(ar, "branches", v.branches);
    opt(ar, "offer", v.offer);
    opt(ar, "escalate_to", v.escalate_to);
}

template <class Ar> void serialize(Ar& ar, Script& v) {
    opt(ar, "start", v.start);
    opt(ar, "steps", v.steps);
}

template <class Ar> void serialize(Ar& ar, Scenario& v) {
    req(ar, "id", v.id);
    opt(ar, "title", v.title);
    opt(ar, "industry", v.industry);
    opt(ar, "situation", v.situation);
    opt(ar, "reasons", v.reasons);
    opt(ar, "concerns", v.concerns);
    opt(ar, "typical_phrases", v.typical_phrases);
    opt(ar, "persona_ids", v.persona_ids);
    opt(ar, "empathy_lines", v.empathy_lines);
    opt(ar, "guardrails", v.guardrails);
    opt(ar, "script", v.script);
}

template <class Ar> void serialize(Ar& ar, TriageSignal& v) {
    req(ar, "id", v.id);
    opt(ar, "label", v.label);
    always(ar, "kind", v.kind);
    opt(ar, "phrases", v.phrases);
    opt(ar, "weight_urgency", v.weight_urgency);
    opt(ar, "weight_importance", v.weight_importance);
}

template <class Ar> void serialize(Ar& ar, TriageThresholds& v) {
    always(ar, "urgency", v.urgency);
    always(ar, "importance", v.importance);
}

template <class Ar> void serialize(Ar& ar, ResponseTargets& v) {
    always(ar, "q1", v.q1);
    always(ar, "q2", v.q2);
    always(ar, "q3", v.q3);
    always(ar, "q4", v.q4);
}

template <class Ar> void serialize(Ar& ar, TriageRules& v) {
    opt(ar, "signals", v.signals);
    always(ar, "thresholds", v.thresholds);
    always(ar, "response_target_minutes", v.response_target_minutes);
}

template <class Ar> void serialize(Ar& ar, PlanTrigger& v) {
    opt(ar, "scenario_ids", v.scenario_ids);
    opt(ar, "signal_ids", v.signal_ids);
}

template <class Ar> void serialize(Ar& ar, ChecklistItem& v) {
    opt(ar, "text", v.text);
    opt(ar, "owner_role", v.owner_role);
}

template <class Ar> void serialize(Ar& ar, EscalationLevel& v) {
    req(ar, "role", v.role);
    always(ar, "report_up_every_minutes", v.report_up_every_minutes);
}

template <class Ar> void serialize(Ar& ar, GradeAuthority& v) {
    req(ar, "grade_id", v.grade_id);
    always(ar, "may_deviate", v.may_deviate);
    always(ar, "compensation_limit", v.compensation_limit);
}

template <class Ar> void serialize(Ar& ar, ContingencyPlan& v) {
    req(ar, "id", v.id);
    opt(ar, "title", v.title);
    opt(ar, "trigger", v.trigger);
    opt(ar, "checklist", v.checklist);
    opt(ar, "escalation_ladder", v.escalation_ladder);
    opt(ar, "grade_authority", v.grade_authority);
}

template <class Ar> void serialize(Ar& ar, AgentGrade& v) {
    req(ar, "id", v.id);
    opt(ar, "name", v.name);
    always(ar, "may_deviate_from_script", v.may_deviate_from_script);
    always(ar, "may_skip_steps", v.may_skip_steps);
    always(ar, "compensation_limit", v.compensation_limit);
    always(ar, "sees_full_script", v.sees_full_script);
}

template <class Ar> void serialize(Ar& ar, ScorecardItem& v) {
    req(ar, "id", v.id);
    opt(ar, "label", v.label);
    always(ar, "weight", v.weight);
    req(ar, "check", v.check);
    opt(ar, "why", v.why);
}

template <class Ar> void serialize(Ar& ar, Scorecard& v) {
    req(ar, "id", v.id);
    opt(ar, "name", v.name);
    opt(ar, "items", v.items);
}

template <class Ar> void serialize(Ar& ar, PackMeta& v) {
    req(ar, "id", v.id);
    opt(ar, "name", v.name);
    opt(ar, "industry", v.industry);
    opt(ar, "languages", v.languages);
    opt(ar, "author", v.author);
    opt(ar, "version", v.version);
    opt(ar, "description", v.description);
}

template <class Ar> void serialize(Ar& ar, Pack& v) {
    req(ar, "schema_version", v.schema_version);
    if constexpr (Ar::is_loading::value) {
        // Refuse before reading further: a newer schema may mean something else by a field.
        if (v.schema_version > Pack::kSchemaVersion || v.schema_version < 1)
            throw FieldError("schema_version " + std::to_string(v.schema_version) +
                             (v.schema_version > Pack::kSchemaVersion
                                  ? " is newer than this Callwise reads (up to " +
                                        std::to_string(Pack::kSchemaVersion) + "); update Callwise"
                                  : " is not valid (the first version is 1)"));
    }
    req(ar, "meta", v.meta);
    opt(ar, "roles", v.roles);
    opt(ar, "personas", v.personas);
    opt(ar, "scenarios", v.scenarios);
    opt(ar, "guardrails", v.guardrails);
    always(ar, "triage_rules", v.triage_rules);
    opt(ar, "plans", v.plans);
    opt(ar, "grades", v.grades);
    opt(ar, "scorecards", v.scorecards);
}

template <class Ar> void serialize(Ar& ar, ChecklistTick& v) {
    req(ar, "item", v.item);
    opt(ar, "done_by", v.done_by);
    opt(ar, "done_at", v.done_at);
}

template <class Ar> void serialize(Ar& ar, PlanRun& v) {
    req(ar, "plan_id", v.plan_id);
    opt(ar, "started_at", v.started_at);
    opt(ar, "ticks", v.ticks);
}

template <class Ar> void serialize(Ar& ar, CaseOutcome& v) {
    opt(ar, "first_contact_resolved", v.first_contact_resolved);
    opt(ar, "escalated", v.escalated);
    opt(ar, "compensation_amount", v.compensation_amount);
    opt(ar, "satisfaction", v.satisfaction);
    opt(ar, "nps", v.nps);
}

template <class Ar> void serialize(Ar& ar, Case& v) {
    req(ar, "id", v.id);
    opt(ar, "text", v.text);
    opt(ar, "channel", v.channel);
    opt(ar, "customer_name", v.customer_name);
    opt(ar, "pack_id", v.pack_id);
    opt(ar, "persona_id", v.persona_id);
    opt(ar, "created_at", v.created_at);
    opt(ar, "updated_at", v.updated_at);
    always(ar, "suggested_quadrant", v.suggested_quadrant);
    opt(ar, "final_quadrant", v.final_quadrant);
    opt(ar, "override_reason", v.override_reason);
    always(ar, "status", v.status);
    opt(ar, "scenario_id", v.scenario_id);
    opt(ar, "plan_run", v.plan_run);
    opt(ar, "notes", v.notes);
    opt(ar, "outcome", v.outcome);
    opt(ar, "variables", v.variables);
    opt(ar, "urgency", v.urgency);
    opt(ar, "importance", v.importance);
    opt(ar, "agent", v.agent);
    opt(ar, "closed_at", v.closed_at);
    opt(ar, "last_report_up_at", v.last_report_up_at);
    opt(ar, "timeline", v.timeline);
    opt(ar, "approvals", v.approvals);
}

template <class Ar> void serialize(Ar& ar, CaseEvent& v) {
    req(ar, "at", v.at);
    req(ar, "kind", v.kind);
    opt(ar, "text", v.text);
    opt(ar, "by", v.by);
}

template <class Ar> void serialize(Ar& ar, Approval& v) {
    req(ar, "what", v.what);
    opt(ar, "amount", v.amount);
    opt(ar, "requested_by", v.requested_by);
    opt(ar, "requested_at", v.requested_at);
    opt(ar, "decided", v.decided);
    opt(ar, "approved", v.approved);
    opt(ar, "decided_by", v.decided_by);
    opt(ar, "decided_at", v.decided_at);
    opt(ar, "note", v.note);
}

template <class Ar> void serialize(Ar& ar, PrepItem& v) {
    req(ar, "id", v.id);
    req(ar, "title", v.title);
    opt(ar, "owner", v.owner);
    opt(ar, "due_at", v.due_at);
    opt(ar, "done", v.done);
    opt(ar, "case_id", v.case_id);
    opt(ar, "created_at", v.created_at);
}

template <class Ar> void serialize(Ar& ar, Review& v) {
    req(ar, "case_id", v.case_id);
    opt(ar, "what_happened", v.what_happened);
    opt(ar, "what_was_done", v.what_was_done);
    opt(ar, "what_should_change", v.what_should_change);
    opt(ar, "created_at", v.created_at);
}

template <class Ar> void serialize(Ar& ar, PdcaMove& v) {
    req(ar, "from", v.from);
    req(ar, "to", v.to);
    opt(ar, "at", v.at);
    opt(ar, "by", v.by);
}

template <class Ar> void serialize(Ar& ar, PdcaItem& v) {
    req(ar, "id", v.id);
    opt(ar, "title", v.title);
    always(ar, "stage", v.stage);
    opt(ar, "problem", v.problem);
    opt(ar, "target", v.target);
    opt(ar, "root_cause", v.root_cause);
    opt(ar, "countermeasure", v.countermeasure);
    opt(ar, "follow_up", v.follow_up);
    opt(ar, "standardise", v.standardise);
    opt(ar, "case_ids", v.case_ids);
    opt(ar, "owner", v.owner);
    opt(ar, "source", v.source);
    opt(ar, "created_at", v.created_at);
    opt(ar, "updated_at", v.updated_at);
    opt(ar, "history", v.history);
}

// ============================================================================ 6. instantiations
#define CW_INSTANTIATE(T)                                                             \
    template void serialize<cereal::JSONInputArchive>(cereal::JSONInputArchive&, T&); \
    template void serialize<cereal::JSONOutputArchive>(cereal::JSONOutputArchive&, T&);
CW_INSTANTIATE(LocalizedText)
CW_INSTANTIATE(Role)
CW_INSTANTIATE(KnowledgeEntry)
CW_INSTANTIATE(CompensationPolicy)
CW_INSTANTIATE(Persona)
CW_INSTANTIATE(ProhibitedPhrase)
CW_INSTANTIATE(NeverDisclose)
CW_INSTANTIATE(Guardrails)
CW_INSTANTIATE(Branch)
CW_INSTANTIATE(Offer)
CW_INSTANTIATE(Step)
CW_INSTANTIATE(Script)
CW_INSTANTIATE(Scenario)
CW_INSTANTIATE(TriageSignal)
CW_INSTANTIATE(TriageThresholds)
CW_INSTANTIATE(ResponseTargets)
CW_INSTANTIATE(TriageRules)
CW_INSTANTIATE(PlanTrigger)
CW_INSTANTIATE(ChecklistItem)
CW_INSTANTIATE(EscalationLevel)
CW_INSTANTIATE(GradeAuthority)
CW_INSTANTIATE(ContingencyPlan)
CW_INSTANTIATE(AgentGrade)
CW_INSTANTIATE(ScorecardItem)
CW_INSTANTIATE(Scorecard)
CW_INSTANTIATE(PackMeta)
CW_INSTANTIATE(Pack)
CW_INSTANTIATE(ChecklistTick)
CW_INSTANTIATE(PlanRun)
CW_INSTANTIATE(CaseOutcome)
CW_INSTANTIATE(CaseEvent)
CW_INSTANTIATE(Approval)
CW_INSTANTIATE(PrepItem)
CW_INSTANTIATE(Case)
CW_INSTANTIATE(Review)
CW_INSTANTIATE(PdcaMove)
CW_INSTANTIATE(PdcaItem)
#undef CW_INSTANTIATE

template <class T> void load_member(cereal::JSONInputArchive& ar, const char* name, T& value, bool required) {
    load_field(ar, name, value, required ? Presence::Required : Presence::Optional);
}
template void load_member(cereal::JSONInputArchive&, const char*, std::vector<Pack>&, bool);
template void load_member(cereal::JSONInputArchive&, const char*, std::vector<Case>&, bool);
template void load_member(cereal::JSONInputArchive&, const char*, std::vector<Review>&, bool);
template void load_member(cereal::JSONInputArchive&, const char*, std::vector<PdcaItem>&, bool);
template void load_member(cereal::JSONInputArchive&, const char*, std::vector<PrepItem>&, bool);
template void save<cereal::JSONOutputArchive>(cereal::JSONOutputArchive&, const StyledText&);
template void load<cereal::JSONInputArchive>(cereal::JSONInputArchive&, StyledText&);

}  // namespace cw
