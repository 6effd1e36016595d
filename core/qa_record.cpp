// qa_record.cpp — see qa_record.h.
//
// Contents
//   1. enum names (Speaker, CallEnd, QaStatus, DisputeStatus; StepKind/ScoreCheck reuse model.h)
//   2. field helpers: the req/opt/always style of model.cpp, with a LoadTrace path in errors
//   3. serialize functions and their instantiations for cereal's JSON archives
//   4. applying the QA commands
//   5. the commands' JSON form
//
// Why our own field helpers: model.cpp keeps its helpers private, and these records hold types
// model.cpp does not know (uint64 seeds, optional doubles, ints whose default is -1). They
// follow the same rules: optional fields are omitted when they hold their default and load as
// the default when absent; errors name the place ("call.lines[2].speaker: ...").
#include "core/json_config.h"

#include "core/qa_record.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <type_traits>

#include "core/cereal_helpers.h"
#include "core/command.h"
#include "core/command_fields.h"
#include "core/utf8.h"

namespace cw {

// ============================================================================ 1. enum names
namespace {

template <class E> struct EnumInfo;
template <> struct EnumInfo<Speaker> { static constexpr int count = 3; static constexpr const char* what = "speaker"; };
template <> struct EnumInfo<CallEnd> { static constexpr int count = 5; static constexpr const char* what = "call end"; };
template <> struct EnumInfo<StepKind> { static constexpr int count = 7; static constexpr const char* what = "step kind"; };
template <> struct EnumInfo<ScoreCheck> { static constexpr int count = 8; static constexpr const char* what = "check"; };
template <> struct EnumInfo<QaStatus> { static constexpr int count = 5; static constexpr const char* what = "QA status"; };
template <> struct EnumInfo<DisputeStatus> { static constexpr int count = 3; static constexpr const char* what = "dispute status"; };

// to_string() is the one spelling; parsing walks it, so the two cannot drift apart.
template <class E> std::optional<E> enum_from(std::string_view s) {
    for (int i = 0; i < EnumInfo<E>::count; ++i)
        if (s == to_string(static_cast<E>(i))) return static_cast<E>(i);
    return std::nullopt;
}

template <class E> std::string enum_choices() {
    std::string out;
    for (int i = 0; i < EnumInfo<E>::count; ++i) {
        if (!out.empty()) out += ", ";
        out += '"';
        out += to_string(static_cast<E>(i));
        out += '"';
    }
    return out;
}

struct QaLoadError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

template <class E> E parse_enum(const std::string& s) {
    if (auto e = enum_from<E>(s)) return *e;
    throw QaLoadError("unknown " + std::string(EnumInfo<E>::what) + " \"" + truncate_utf8(s, 40) +
                      "\"; expected one of " + enum_choices<E>());
}

}  // namespace

std::optional<Speaker> speaker_from_string(std::string_view s) { return enum_from<Speaker>(s); }
std::optional<CallEnd> call_end_from_string(std::string_view s) { return enum_from<CallEnd>(s); }
std::optional<QaStatus> qa_status_from_string(std::string_view s) { return enum_from<QaStatus>(s); }
std::optional<DisputeStatus> dispute_status_from_string(std::string_view s) { return enum_from<DisputeStatus>(s); }

bool is_practice(const QaRecord& r) { return r.call.practice || r.result.practice; }

const QaRecord* find_qa_record(const std::vector<QaRecord>& records, std::string_view id) {
    for (const QaRecord& r : records)
        if (r.id == id) return &r;
    return nullptr;
}

// ============================================================================ 2. field helpers
namespace {
using JIn = cereal::JSONInputArchive;
using JOut = cereal::JSONOutputArchive;

enum class Presence { Required, Optional, Always };

template <class T> struct is_vector : std::false_type {};
template <class T> struct is_vector<std::vector<T>> : std::true_type {};
template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};

// Omitted on save when it holds its default (structs other than LocalizedText are always written).
template <class T> bool is_empty(const T& v, const T& dflt) {
    if constexpr (std::is_arithmetic<T>::value || std::is_enum<T>::value) return v == dflt;
    else if constexpr (std::is_same<T, std::string>::value || is_vector<T>::value || std::is_same<T, LocalizedText>::value)
        return v.empty();
    else if constexpr (is_optional<T>::value) return !v.has_value();
    else return false;
}

// ---- saving
template <class T> void write_value(JOut& ar, const char* name, const T& v) {
    if constexpr (std::is_enum<T>::value) {
        ar(cereal::make_nvp(name, std::string(to_string(v))));
    } else if constexpr (is_vector<T>::value) {
        ar.setNextName(name);
        ar.startNode();
        ar.makeArray();
        for (const auto& e : v) ar(const_cast<typename T::value_type&>(e));
        ar.finishNode();
    } else if constexpr (is_optional<T>::value) {
        if (v) write_value(ar, name, *v);
    } else {
        ar(cereal::make_nvp(name, const_cast<T&>(v)));
    }
}

// ---- loading
// Like model.cpp's AutoTrace: the outermost field installs a trace so nested failures can say
// where they are; whoever owns it turns the failure into "path: what".
class OwnTrace {
public:
    OwnTrace() {
        if (!LoadTrace::current()) own_.emplace();
    }
    bool owns() const { return own_.has_value(); }
    LoadTrace& trace() { return own_ ? *own_ : *LoadTrace::current(); }

private:
    std::optional<LoadTrace> own_;
};

const rapidjson::Value* node_of(const LoadTrace::Frame& f) { return static_cast<const rapidjson::Value*>(f.node); }

bool is_not_found(const cereal::Exception& e, const char* name) {
    return std::string(e.what()) == std::string("JSON Parsing failed - provided NVP (") + name + ") not found";
}

template <class T> void read_value(JIn& ar, const char* name, T& v) {
    if constexpr (std::is_enum<T>::value) {
        std::string s;
        ar(cereal::make_nvp(name, s));
        v = parse_enum<T>(s);
    } else if constexpr (is_vector<T>::value) {
        LoadTrace* t = LoadTrace::current();
        cereal::size_type n = 0;
        try {
            ar.setNextName(name);
            ar.startNode();
            ar.loadSize(n);
        } catch (const cereal::Exception&) {
            throw;   // "not found": an absent optional list
        } catch (const std::runtime_error&) {
            throw QaLoadError("expected a list [ ]");   // RapidJSON's wording would name the wrong type
        }
        v.clear();
        v.resize(static_cast<size_t>(n));
        const rapidjson::Value* list = node_of(t->frames.back());
        for (size_t i = 0; i < v.size(); ++i) {
            LoadTrace::Frame f;
            f.name = "[" + std::to_string(i) + "]";
            if (list && list->IsArray() && i < list->Size()) f.node = &(*list)[static_cast<rapidjson::SizeType>(i)];
            t->frames.push_back(std::move(f));
            ar(v[i]);
            t->frames.pop_back();  // left in place on a throw: the path names the element
        }
        ar.finishNode();
    } else if constexpr (is_optional<T>::value) {
        typename T::value_type inner{};
        read_value(ar, name, inner);
        v = std::move(inner);
    } else {
        ar(cereal::make_nvp(name, v));
    }
}

template <class T> void load_field(JIn& ar, const char* name, T& v, Presence presence) {
    OwnTrace own;
    LoadTrace& t = own.trace();
    const size_t depth = t.frames.size();
    t.frames.back().known.emplace_back(name);
    LoadTrace::Frame f;
    f.name = name;
    // With the document at hand (a workspace load), look the field up instead of letting cereal
    // throw for an absent one: exceptions are slow in wasm, and a record omits most defaults.
    if (const rapidjson::Value* parent = node_of(t.frames.back()); parent && parent->IsObject()) {
        auto m = parent->FindMember(name);
        if (m == parent->MemberEnd()) {
            if (presence != Presence::Required) return;
            t.frames.push_back(std::move(f));
            if (own.owns()) throw QaLoadError(t.where() + ": missing (this field is required)");
            throw QaLoadError("missing (this field is required)");
        }
        f.node = &m->value;
    }
    t.frames.push_back(std::move(f));
    try {
        read_value(ar, name, v);
    } catch (const cereal::Exception& e) {
        // An absent optional field: cereal's "not found" for this very name, before anything
        // deeper was entered (a deeper frame would still be on the stack).
        if (presence != Presence::Required && t.frames.size() == depth + 1 && is_not_found(e, name)) {
            t.frames.resize(depth);
            return;
        }
        if (own.owns()) throw QaLoadError(t.where() + ": " + describe_load_error(e));
        throw;
    } catch (const std::exception& e) {  // a bad enum name, or a RapidJSON assertion (wrong type)
        if (own.owns()) throw QaLoadError(t.where() + ": " + describe_load_error(e));
        throw;
    }
    t.frames.resize(depth);
}

template <class Ar, class T> void field(Ar& ar, const char* name, T& v, Presence p, const T& dflt) {
    if constexpr (Ar::is_loading::value) {
        load_field(ar, name, v, p);
    } else {
        if (p == Presence::Optional && is_empty(v, dflt)) return;
        write_value(ar, name, v);
    }
}
template <class Ar, class T> void req(Ar& ar, const char* name, T& v) { field(ar, name, v, Presence::Required, T{}); }
template <class Ar, class T> void always(Ar& ar, const char* name, T& v) { field(ar, name, v, Presence::Always, T{}); }
// `dflt` is the struct's own default (e.g. -1 for "no line"), so omitting it loses nothing.
template <class Ar, class T> void opt(Ar& ar, const char* name, T& v, const T& dflt = T{}) {
    field(ar, name, v, Presence::Optional, dflt);
}

}  // namespace

// ============================================================================ 3. serialize
template <class Ar> void serialize(Ar& ar, CallLine& v) {
    always(ar, "speaker", v.speaker);
    opt(ar, "text", v.text);
    opt(ar, "at", v.at);
    opt(ar, "step_id", v.step_id);
    opt(ar, "step_kind", v.step_kind, StepKind::Say);
    opt(ar, "is_empathy", v.is_empathy);
    opt(ar, "empathy_index", v.empathy_index, -1);
    opt(ar, "is_question", v.is_question);
    opt(ar, "answered", v.answered);
    opt(ar, "offer_amount", v.offer_amount);
    opt(ar, "deviated", v.deviated);
}

template <class Ar> void serialize(Ar& ar, GuardrailHit& v) {
    req(ar, "rule_id", v.rule_id);
    opt(ar, "prohibited", v.prohibited, true);
    opt(ar, "matched", v.matched);
    opt(ar, "line", v.line, -1);
}

template <class Ar> void serialize(Ar& ar, CallRecord& v) {
    opt(ar, "pack_id", v.pack_id);
    opt(ar, "scenario_id", v.scenario_id);
    opt(ar, "persona_id", v.persona_id);
    opt(ar, "case_id", v.case_id);
    opt(ar, "agent", v.agent);
    opt(ar, "grade_id", v.grade_id);
    opt(ar, "practice", v.practice);
    opt(ar, "seed", v.seed);
    opt(ar, "lines", v.lines);
    opt(ar, "hits", v.hits);
    always(ar, "end", v.end);
    opt(ar, "compensation_given", v.compensation_given);
    opt(ar, "approval_obtained", v.approval_obtained);
    opt(ar, "final_mood", v.final_mood);
}

template <class Ar> void serialize(Ar& ar, Deduction& v) {
    req(ar, "id", v.id);
    opt(ar, "item_id", v.item_id);
    always(ar, "check", v.check);
    opt(ar, "rule", v.rule);
    opt(ar, "line", v.line, -1);
    opt(ar, "line_text", v.line_text);
    always(ar, "points", v.points);
    opt(ar, "explanation", v.explanation);
    opt(ar, "waived", v.waived);
}

template <class Ar> void serialize(Ar& ar, Dispute& v) {
    req(ar, "deduction_id", v.deduction_id);
    opt(ar, "comment", v.comment);
    opt(ar, "by", v.by);
    opt(ar, "at", v.at);
    always(ar, "status", v.status);
    opt(ar, "reviewer", v.reviewer);
    opt(ar, "reviewer_note", v.reviewer_note);
    opt(ar, "decided_at", v.decided_at);
}

template <class Ar> void serialize(Ar& ar, QaItemResult& v) {
    req(ar, "item_id", v.item_id);
    opt(ar, "label", v.label);
    always(ar, "check", v.check);
    always(ar, "weight", v.weight);
    always(ar, "earned", v.earned);
    always(ar, "status", v.status);
    opt(ar, "deductions", v.deductions);
    opt(ar, "note", v.note);
    opt(ar, "needs_reviewer", v.needs_reviewer);
    opt(ar, "reviewer_points", v.reviewer_points);
    opt(ar, "reviewer", v.reviewer);
    opt(ar, "reviewer_note", v.reviewer_note);
}

template <class Ar> void serialize(Ar& ar, QaResult& v) {
    opt(ar, "scorecard_id", v.scorecard_id);
    opt(ar, "practice", v.practice);
    always(ar, "score", v.score);
    always(ar, "max_score", v.max_score);
    always(ar, "percent", v.percent);
    opt(ar, "unscored", v.unscored);
    opt(ar, "items", v.items);
    opt(ar, "disputes", v.disputes);
}

namespace {
template <class Ar> void record_fields(Ar& ar, QaRecord& v) {
    req(ar, "id", v.id);
    opt(ar, "at", v.at);
    opt(ar, "agent", v.agent);
    opt(ar, "case_id", v.case_id);
    always(ar, "call", v.call);
    always(ar, "result", v.result);
}
}  // namespace

template <class Ar> void serialize(Ar& ar, QaRecord& v) {
    if constexpr (Ar::is_loading::value) {
        // Loaded as one of many in a save: say which record, as well as where in it.
        if (LoadTrace* t = LoadTrace::current()) {
            // Inside the workspace's trace: name the record and the place within it.
            const std::string prefix = t->where();
            const size_t depth = t->frames.size();
            try {
                record_fields(ar, v);
            } catch (const std::exception& e) {
                std::string where = t->where();
                where = where.size() > prefix.size() ? where.substr(prefix.size() + (prefix.empty() ? 0 : 1)) : std::string();
                t->frames.resize(depth);
                throw QaLoadError("qa record" + (v.id.empty() ? std::string() : " " + v.id) + ": " +
                                  (where.empty() ? std::string() : where + ": ") + describe_load_error(e));
            }
            return;
        }
        try {
            record_fields(ar, v);
        } catch (const std::exception& e) {
            throw QaLoadError("qa record" + (v.id.empty() ? std::string() : " " + v.id) + ": " + describe_load_error(e));
        }
    } else {
        record_fields(ar, v);
    }
}

#define CW_INSTANTIATE(T)                                                             \
    template void serialize<cereal::JSONInputArchive>(cereal::JSONInputArchive&, T&); \
    template void serialize<cereal::JSONOutputArchive>(cereal::JSONOutputArchive&, T&);
CW_INSTANTIATE(CallLine)
CW_INSTANTIATE(GuardrailHit)
CW_INSTANTIATE(CallRecord)
CW_INSTANTIATE(Deduction)
CW_INSTANTIATE(Dispute)
CW_INSTANTIATE(QaItemResult)
CW_INSTANTIATE(QaResult)
CW_INSTANTIATE(QaRecord)
#undef CW_INSTANTIATE

// ============================================================================ 4. commands
namespace {


QaRecord* find_mut(Workspace& ws, const std::string& id) {
    for (QaRecord& r : ws.qa_records)
        if (r.id == id) return &r;
    return nullptr;
}

bool blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char ch) { return std::isspace(static_cast<unsigned char>(ch)); });
}

// Text a person typed: refused if ill-formed (we would save what we cannot read back), cut to
// kMaxQaTextBytes at a character boundary.
bool typed_text(const std::string& in, const std::string& where, const char* what, std::string& out, std::string& err) {
    if (!is_valid_utf8(in)) {
        err = where + what + " is not valid UTF-8";
        return false;
    }
    out = truncate_utf8(in, kMaxQaTextBytes);
    return true;
}

// A filed record is the app's own data (a call as heard, scored): one bad byte from speech or a
// paste should not lose the call, so it is repaired rather than refused.
void clean(std::string& s, size_t max = kMaxQaLineBytes) {
    if (!is_valid_utf8(s)) s = sanitize_utf8(s);
    if (s.size() > max) s = truncate_utf8(s, max);
}
void clean(LocalizedText& t) {
    clean(t.zh);
    clean(t.en);
}

// The save writes no NaN/infinity (it could not read them back), so such a record is refused
// with the field named. Returns the first bad field, or "".
std::string non_finite_field(const QaRecord& r) {
    auto bad = [](double d) { return !std::isfinite(d); };
    for (size_t i = 0; i < r.call.lines.size(); ++i)
        if (bad(r.call.lines[i].offer_amount)) return "call.lines[" + std::to_string(i) + "].offer_amount";
    if (bad(r.call.compensation_given)) return "call.compensation_given";
    if (r.call.final_mood && bad(*r.call.final_mood)) return "call.final_mood";
    if (bad(r.result.score)) return "result.score";
    if (bad(r.result.max_score)) return "result.max_score";
    if (bad(r.result.percent)) return "result.percent";
    for (size_t i = 0; i < r.result.items.size(); ++i) {
        const QaItemResult& it = r.result.items[i];
        const std::string p = "result.items[" + std::to_string(i) + "].";
        if (bad(it.weight)) return p + "weight";
        if (bad(it.earned)) return p + "earned";
        if (it.reviewer_points && bad(*it.reviewer_points)) return p + "reviewer_points";
        for (size_t k = 0; k < it.deductions.size(); ++k)
            if (bad(it.deductions[k].points)) return p + "deductions[" + std::to_string(k) + "].points";
    }
    return "";
}

void clean_record(QaRecord& r) {
    clean(r.agent, 200);
    clean(r.case_id, 200);
    CallRecord& c = r.call;
    for (std::string* s : {&c.pack_id, &c.scenario_id, &c.persona_id, &c.case_id, &c.agent, &c.grade_id}) clean(*s, 200);
    for (CallLine& l : c.lines) {
        clean(l.text);
        clean(l.step_id, 200);
    }
    for (GuardrailHit& h : c.hits) {
        clean(h.rule_id, 200);
        clean(h.matched);
    }
    QaResult& q = r.result;
    clean(q.scorecard_id, 200);
    for (QaItemResult& it : q.items) {
        clean(it.item_id, 200);
        clean(it.label);
        clean(it.note);
        clean(it.reviewer, 200);
        clean(it.reviewer_note, kMaxQaTextBytes);
        for (Deduction& d : it.deductions) {
            clean(d.id, 200);
            clean(d.item_id, 200);
            clean(d.rule, 200);
            clean(d.line_text);
            clean(d.explanation);
        }
    }
    for (Dispute& d : q.disputes) {
        clean(d.deduction_id, 200);
        clean(d.comment, kMaxQaTextBytes);
        clean(d.by, 200);
        clean(d.reviewer, 200);
        clean(d.reviewer_note, kMaxQaTextBytes);
    }
}

// "(its deductions: no-taboo#0, fcr#0)" — so the person sees what they could have meant.
std::string deduction_hint(const QaResult& r) {
    std::string ids;
    size_t n = 0;
    for (const QaItemResult& it : r.items)
        for (const Deduction& d : it.deductions) {
            if (n++ < 10) ids += (ids.empty() ? "" : ", ") + d.id;
        }
    if (n == 0) return " (the record has no deductions)";
    if (n > 10) ids += ", …";
    return " (its deductions: " + ids + ")";
}

}  // namespace

CommandResult apply_qa(Workspace& ws, const cmd::FileQaRecord& c) {
    QaRecord rec = c.record;
    if (rec.call.lines.size() > kMaxQaLines)
        return command_failed("qa: the call has " + std::to_string(rec.call.lines.size()) + " lines; at most " +
                    std::to_string(kMaxQaLines) + " can be filed");
    if (rec.call.hits.size() > kMaxQaLines || rec.result.items.size() > 1000 || rec.result.disputes.size() > kMaxQaDisputes)
        return command_failed("qa: the record is too large to file (too many guardrail hits, scorecard items or disputes)");
    for (const QaItemResult& it : rec.result.items)
        if (it.deductions.size() > kMaxQaLines) return command_failed("qa: item " + it.item_id + " has too many deductions to file");
    const std::string bad = non_finite_field(rec);
    if (!bad.empty()) return command_failed("qa: the record's " + bad + " is not a finite number; it cannot be saved");
    clean_record(rec);
    if (rec.at == 0) rec.at = c.at;
    if (rec.agent.empty()) rec.agent = rec.call.agent.empty() ? c.by : rec.call.agent;
    if (rec.case_id.empty()) rec.case_id = rec.call.case_id;

    // Bounded list: the oldest practice call (earliest `at`, filing order on a tie) gives way,
    // then the oldest real call whose review is finished (no open dispute, nothing unscored);
    // a call still waiting for a reviewer is never dropped.
    if (ws.qa_records.size() >= kMaxQaRecords) {
        auto oldest = ws.qa_records.end();
        for (auto it = ws.qa_records.begin(); it != ws.qa_records.end(); ++it)
            if (is_practice(*it) && (oldest == ws.qa_records.end() || it->at < oldest->at)) oldest = it;
        auto reviewed = [](const QaRecord& r) {
            if (r.result.unscored > 0) return false;
            for (const Dispute& d : r.result.disputes)
                if (d.status == DisputeStatus::Open) return false;
            return true;
        };
        if (oldest == ws.qa_records.end())
            for (auto it = ws.qa_records.begin(); it != ws.qa_records.end(); ++it)
                if (reviewed(*it) && (oldest == ws.qa_records.end() || it->at < oldest->at)) oldest = it;
        if (oldest == ws.qa_records.end())
            return command_failed("qa: the workspace holds " + std::to_string(kMaxQaRecords) +
                        " scored calls still waiting for a reviewer; decide their disputes and marks before filing more");
        ws.qa_records.erase(oldest);
    }
    // A hand-edited save may hold a counter behind its ids: skip taken ones, never reuse.
    char id[32];
    do {
        std::snprintf(id, sizeof id, "Q-%06llu", static_cast<unsigned long long>(ws.next_qa_number++));
    } while (find_qa_record(ws.qa_records, id));
    rec.id = id;
    ws.qa_records.push_back(std::move(rec));
    CommandResult r = command_done(true);
    r.id = id;
    return r;
}

CommandResult apply_qa(Workspace& ws, const cmd::DisputeDeduction& c) {
    QaRecord* rec = find_mut(ws, c.record_id);
    if (!rec) return command_failed("qa: no QA record with id \"" + c.record_id + "\"");
    const std::string where = "qa " + rec->id + ": ";
    std::string comment, err;
    if (!typed_text(c.comment, where, "the comment", comment, err)) return command_failed(err);
    if (blank(comment)) return command_failed(where + "say why you dispute the deduction (the comment is empty)");
    QaResult& res = rec->result;
    if (!res.find_deduction(c.deduction_id))
        return command_failed(where + "no deduction with id \"" + c.deduction_id + "\"" + deduction_hint(res));
    for (size_t i = 0; i < res.disputes.size(); ++i) {
        const Dispute& d = res.disputes[i];
        if (d.deduction_id != c.deduction_id) continue;
        if (d.status == DisputeStatus::Open)
            return command_failed(where + "deduction " + c.deduction_id + " already has an open dispute (number " +
                        std::to_string(i) + "), waiting for a reviewer");
        if (d.status == DisputeStatus::Accepted)
            return command_failed(where + "deduction " + c.deduction_id + " was already waived (dispute " + std::to_string(i) + " accepted)");
    }
    if (res.disputes.size() >= kMaxQaDisputes)
        return command_failed(where + "the record already has " + std::to_string(kMaxQaDisputes) + " disputes; ask a reviewer to decide");
    const int k = dispute(res, c.deduction_id, comment, c.by, c.at);
    if (k < 0) return command_failed(where + "deduction " + c.deduction_id + " cannot be disputed");
    CommandResult r = command_done(true);
    r.id = std::to_string(k);   // the dispute's index, for decide_dispute
    return r;
}

CommandResult apply_qa(Workspace& ws, const cmd::DecideDispute& c) {
    QaRecord* rec = find_mut(ws, c.record_id);
    if (!rec) return command_failed("qa: no QA record with id \"" + c.record_id + "\"");
    const std::string where = "qa " + rec->id + ": ";
    QaResult& res = rec->result;
    if (c.index < 0 || static_cast<size_t>(c.index) >= res.disputes.size())
        return command_failed(where + "no dispute number " + std::to_string(c.index) + " (the record has " +
                    std::to_string(res.disputes.size()) + ")");
    const Dispute& d = res.disputes[static_cast<size_t>(c.index)];
    if (d.status != DisputeStatus::Open)
        return command_failed(where + "dispute " + std::to_string(c.index) + " was already " + to_string(d.status) +
                    (d.reviewer.empty() ? std::string() : " by " + d.reviewer));
    std::string note, err;
    if (!typed_text(c.note, where, "the note", note, err)) return command_failed(err);
    const size_t i = static_cast<size_t>(c.index);
    const bool ok = c.accept ? accept_dispute(res, i, c.by, note, c.at) : reject_dispute(res, i, c.by, note, c.at);
    if (!ok) return command_failed(where + "dispute " + std::to_string(c.index) + " could not be decided");
    return command_done(true);
}

CommandResult apply_qa(Workspace& ws, const cmd::MarkQaItem& c) {
    QaRecord* rec = find_mut(ws, c.record_id);
    if (!rec) return command_failed("qa: no QA record with id \"" + c.record_id + "\"");
    const std::string where = "qa " + rec->id + ": ";
    if (!std::isfinite(c.points)) return command_failed(where + "the points must be a number");
    if (c.points < 0) return command_failed(where + "the points cannot be negative");
    const QaItemResult* item = rec->result.find_item(c.item_id);
    if (!item) return command_failed(where + "no scorecard item with id \"" + c.item_id + "\"");
    if (!item->needs_reviewer)
        return command_failed(where + "item " + c.item_id + " is scored automatically; dispute its deductions instead");
    std::string note, err;
    if (!typed_text(c.note, where, "the note", note, err)) return command_failed(err);
    const double clamped = std::min(item->weight, c.points);
    if (item->reviewer_points == clamped && item->reviewer == c.by && item->reviewer_note == note) return command_done(false);
    if (!mark_item(rec->result, c.item_id, c.points, c.by, note))
        return command_failed(where + "item " + c.item_id + " could not be marked");
    return command_done(true);
}

// ============================================================================ 5. JSON form
bool qa_command_from_json(const std::string& type, const rapidjson::Value& doc, Command& out, std::string& err) {
    Fields f{doc, {}};
    if (type == "file_qa_record") {
        // The record is the app's own scoring of a call it heard; a script must not forge one.
        err = "file_qa_record can only be sent by the app";
        return true;
    } else if (type == "dispute_deduction") {
        cmd::DisputeDeduction c;
        f.str("record_id", c.record_id, true);
        f.str("deduction_id", c.deduction_id, true);
        f.str("comment", c.comment, true);
        f.stamp_fields(c);
        out = c;
    } else if (type == "decide_dispute") {
        cmd::DecideDispute c;
        f.str("record_id", c.record_id, true);
        f.integer("index", c.index, true);
        if (f.ok() && !f.find("accept")) f.err = "missing field \"accept\" (true accepts, false rejects)";
        f.boolean("accept", c.accept);
        f.str("note", c.note);
        f.stamp_fields(c);
        out = c;
    } else if (type == "mark_qa_item") {
        cmd::MarkQaItem c;
        f.str("record_id", c.record_id, true);
        f.str("item_id", c.item_id, true);
        if (f.ok() && !f.find("points")) f.err = "missing field \"points\"";
        f.num("points", c.points);
        f.str("note", c.note);
        f.stamp_fields(c);
        out = c;
    } else {
        return false;
    }
    err = f.err;
    return true;
}

void load_qa_records(cereal::JSONInputArchive& ar, const char* name, std::vector<QaRecord>& records) {
    load_field(ar, name, records, Presence::Optional);
}

}  // namespace cw
