// pack.cpp — see pack.h.
//
// Contents
//   1. load_pack_json / save_pack_json
//   2. validate_pack: a Validator walks the pack once in document order, collecting issues
//      whose paths match the JSON (so "scenarios[3]" is the fourth scenario in the file)
//   3. script rules: references, reachability, loops without a pause, wait-before-offer,
//      guardrail phrases inside script text
//
// core/json_config.h first (the build also force-includes it): every translation unit must see
// RapidJSON configured the same way.
#include "core/json_config.h"

#include <cereal/archives/json.hpp>

#include "core/pack.h"

#include <rapidjson/encodedstream.h>
#include <rapidjson/memorystream.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "core/disclosure_pattern.h"
#include "core/utf8.h"

namespace cw {

std::string ValidationIssue::describe() const {
    std::string s = is_error() ? "error: " : "warning: ";
    if (!path.empty()) s += path + ": ";
    return s + message;
}

bool has_errors(const std::vector<ValidationIssue>& issues) { return count_errors(issues) > 0; }

size_t count_errors(const std::vector<ValidationIssue>& issues) {
    size_t n = 0;
    for (const auto& i : issues) n += i.is_error() ? 1 : 0;
    return n;
}

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '-' || c == '_' || c == '.';
        if (!ok) return false;
    }
    return true;
}

// ============================================================================ 1. load / save
PackLoadResult load_pack_json(std::string_view text, const JsonBounds& bounds) {
    PackLoadResult r;
    const JsonCheck check = check_json(text, bounds);
    if (!check.ok) {
        r.error = check.describe();
        return r;
    }
    const std::string_view body = strip_utf8_bom(text);

    // The same document cereal will read: the LoadTrace looks fields up in it first, for exact
    // types and paths. Iterative parse: the guard bounded the depth, but keep the stack flat.
    rapidjson::Document dom;
    rapidjson::MemoryStream bytes(body.data(), body.size());
    rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> in(bytes);
    dom.ParseStream<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag |
                    rapidjson::kParseFullPrecisionFlag>(in);
    if (dom.HasParseError()) {  // the guard accepted it, so this is out of memory or a bug
        r.error = "the pack could not be parsed";
        return r;
    }
    if (!dom.IsObject()) {
        r.error = "the pack must be a JSON object { ... } at the top level";
        return r;
    }

    LoadTrace trace(&dom);
    try {
        std::istringstream stream{std::string(body)};
        cereal::JSONInputArchive ar(stream);
        serialize(ar, r.pack);
        trace.finish();
    } catch (const std::exception& e) {
        const std::string where = trace.where();
        r.error = (where.empty() ? std::string() : where + ": ") + describe_load_error(e);
        r.pack = Pack{};
        return r;
    }
    for (const LoadNotice& n : trace.notices())
        r.warnings.push_back(ValidationIssue{ValidationIssue::Severity::Warning, n.path, "unknown_field", n.message});
    r.ok = true;
    return r;
}

std::string save_pack_json(const Pack& pack) {
    std::ostringstream out;
    {
        // Shortest round-tripping form for doubles; 2-space indentation.
        cereal::JSONOutputArchive::Options options(
            rapidjson::Writer<rapidjson::StringBuffer>::kDefaultMaxDecimalPlaces,
            cereal::JSONOutputArchive::Options::IndentChar::space, 2);
        cereal::JSONOutputArchive ar(out, options);
        serialize(ar, const_cast<Pack&>(pack));  // saving does not modify
    }
    std::string s = out.str();
    s += '\n';
    return s;
}

// ============================================================================ 2. validation
namespace {

using Severity = ValidationIssue::Severity;

std::string q(std::string_view s) { return "\"" + std::string(s) + "\""; }
std::string idx(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }
std::string dot(const std::string& path, const char* name) { return path.empty() ? name : path + "." + name; }

bool is_pause(StepKind k) { return k == StepKind::WaitForReply || k == StepKind::Branch; }
bool needs_text(StepKind k) { return k != StepKind::WaitForReply && k != StepKind::Branch; }

// Guardrails active in one scenario: the pack's plus the scenario's own.
struct ActiveGuardrails {
    std::vector<const ProhibitedPhrase*> prohibited;
    std::vector<const NeverDisclose*> never_disclose;
};

class Validator {
public:
    explicit Validator(const Pack& p) : p_(p) {
        bool zh = false, en = false;
        for (const auto& l : p.meta.languages) {
            zh = zh || l == "zh-CN";
            en = en || l == "en";
        }
        bilingual_ = zh && en;
        for (const auto& g : p.grades) roles_.insert(g.id);
        for (const auto& r : p.roles) roles_.insert(r.id);
        for (const auto& x : p.personas) personas_.insert(x.id);
        for (const auto& x : p.scenarios) scenarios_.insert(x.id);
        for (const auto& x : p.triage_rules.signals) signals_.insert(x.id);
        for (const auto& x : p.grades) grades_.insert(x.id);
    }

    std::vector<ValidationIssue> run() {
        if (p_.schema_version != Pack::kSchemaVersion)
            error("schema_version", "schema_version",
                  "this Callwise reads schema_version " + std::to_string(Pack::kSchemaVersion) + ", not " +
                      std::to_string(p_.schema_version));
        meta();
        roles();
        personas();
        guardrails("guardrails", p_.guardrails, pack_guardrail_ids_);
        scenarios();
        triage();
        plans();
        grades();
        scorecards();
        return std::move(out_);
    }

private:
    const Pack& p_;
    bool bilingual_ = false;
    std::set<std::string> roles_, personas_, scenarios_, signals_, grades_;
    std::map<std::string, std::string> pack_guardrail_ids_;  // id -> path of first use
    std::vector<ValidationIssue> out_;

    void error(std::string path, std::string code, std::string msg) {
        out_.push_back(ValidationIssue{Severity::Error, std::move(path), std::move(code), std::move(msg)});
    }
    void warn(std::string path, std::string code, std::string msg) {
        out_.push_back(ValidationIssue{Severity::Warning, std::move(path), std::move(code), std::move(msg)});
    }

    // ---- primitives
    void str(const std::string& path, const std::string& s) {
        if (!is_valid_utf8(s)) error(path, "invalid_utf8", "invalid UTF-8 (save the text as UTF-8)");
    }

    void text(const std::string& path, const LocalizedText& t, bool required) {
        str(dot(path, "zh"), t.zh);
        str(dot(path, "en"), t.en);
        if (t.empty()) {
            if (required) error(path, "empty_text", "required text is empty in both languages (zh and en)");
            return;
        }
        if (bilingual_ && (t.zh.empty() || t.en.empty()))
            warn(dot(path, t.zh.empty() ? "zh" : "en"), "missing_translation",
                 std::string("no ") + (t.zh.empty() ? "Chinese" : "English") + " text, but the pack lists both languages");
    }

    void text_list(const std::string& path, const std::vector<LocalizedText>& list) {
        for (size_t i = 0; i < list.size(); ++i) text(idx(path, i), list[i], true);
    }

    void id(const std::string& path, const std::string& v) {
        if (v.empty()) { error(path, "empty_id", "the id is empty"); return; }
        if (!is_valid_id(v))
            error(path, "bad_id", "id " + q(v) + " must be 1-64 ASCII letters, digits, '-', '_' or '.'");
    }

    // Records `v` in `seen`; reports a second use with the path of the first.
    void unique(const std::string& path, const std::string& v, std::map<std::string, std::string>& seen,
                const char* what) {
        if (v.empty()) return;
        auto ins = seen.emplace(v, path);
        if (!ins.second)
            error(path, "duplicate_id", std::string("duplicate ") + what + " id " + q(v) + " (also at " + ins.first->second + ")");
    }

    void ref(const std::string& path, const std::string& v, const std::set<std::string>& known, const char* what) {
        if (v.empty()) { error(path, "empty_ref", std::string("empty ") + what + " id"); return; }
        if (!known.count(v)) error(path, "dangling_ref", std::string("no ") + what + " with id " + q(v) + " in this pack");
    }

    void role(const std::string& path, const std::string& v, bool required) {
        if (v.empty()) {
            if (required) error(path, "empty_ref", "empty role; use a grade id or a role id from roles");
            return;
        }
        if (!roles_.count(v))
            error(path, "dangling_ref", "no role or grade with id " + q(v) + " (declare it in roles, or use a grade id)");
    }

    void amount(const std::string& path, double v) {
        if (!std::isfinite(v)) error(path, "bad_number", "must be a finite number");
        else if (v < 0) error(path, "negative", "must not be negative");
    }

    void currency(const std::string& path, const std::string& c, double amount_value) {
        if (c.empty()) {
            if (amount_value > 0) error(path, "missing_currency", "an amount needs a currency, e.g. \"CNY\"");
            return;
        }
        const bool ok = c.size() == 3 && std::all_of(c.begin(), c.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
        if (!ok) error(path, "bad_currency", "currency " + q(c) + " must be an ISO 4217 code such as \"CNY\" or \"USD\"");
    }

    // ---- sections
    void meta() {
        const PackMeta& m = p_.meta;
        id("meta.id", m.id);
        text("meta.name", m.name, true);
        str("meta.industry", m.industry);
        str("meta.author", m.author);
        text("meta.description", m.description, false);
        std::set<std::string> langs;
        for (size_t i = 0; i < m.languages.size(); ++i) {
            const std::string path = idx("meta.languages", i);
            if (m.languages[i] != "zh-CN" && m.languages[i] != "en")
                error(path, "bad_language", "language " + q(m.languages[i]) + " is not supported; use \"zh-CN\" or \"en\"");
            else if (!langs.insert(m.languages[i]).second)
                warn(path, "duplicate_language", "language " + q(m.languages[i]) + " is listed twice");
        }
        if (!m.version.empty() && !is_semver(m.version))
            warn("meta.version", "bad_version", "version " + q(m.version) + " should be MAJOR.MINOR.PATCH, e.g. \"1.2.0\"");
        str("meta.version", m.version);
    }

    static bool is_semver(const std::string& v) {
        int parts = 0;
        size_t digits = 0;
        for (char c : v) {
            if (c >= '0' && c <= '9') { ++digits; continue; }
            if (c != '.' || digits == 0) return false;
            ++parts;
            digits = 0;
        }
        return parts == 2 && digits > 0;
    }

    void roles() {
        std::map<std::string, std::string> seen;
        for (size_t i = 0; i < p_.roles.size(); ++i) {
            const std::string path = idx("roles", i);
            const Role& r = p_.roles[i];
            id(dot(path, "id"), r.id);
            unique(dot(path, "id"), r.id, seen, "role");
            text(dot(path, "name"), r.name, true);
        }
    }

    void personas() {
        std::map<std::string, std::string> seen;
        for (size_t i = 0; i < p_.personas.size(); ++i) {
            const std::string path = idx("personas", i);
            const Persona& x = p_.personas[i];
            id(dot(path, "id"), x.id);
            unique(dot(path, "id"), x.id, seen, "persona");
            text(dot(path, "name"), x.name, true);
            text(dot(path, "segment"), x.segment, false);
            for (auto [name, year] : {std::pair<const char*, int>{"birth_year_from", x.birth_year_from},
                                      std::pair<const char*, int>{"birth_year_to", x.birth_year_to}})
                if (year != 0 && (year < 1900 || year > 2100))
                    error(dot(path, name), "bad_year", "year " + std::to_string(year) + " is outside 1900-2100 (0 means unknown)");
            if (x.birth_year_from != 0 && x.birth_year_to != 0 && x.birth_year_from > x.birth_year_to)
                error(dot(path, "birth_year_to"), "bad_year", "birth_year_to " + std::to_string(x.birth_year_to) +
                                                                  " is before birth_year_from " + std::to_string(x.birth_year_from));
            text_list(dot(path, "tags"), x.tags);
            text_list(dot(path, "material_needs"), x.material_needs);
            text_list(dot(path, "emotional_needs"), x.emotional_needs);
            std::set<ScriptStyle> styles;
            for (size_t k = 0; k < x.preferred_styles.size(); ++k)
                if (!styles.insert(x.preferred_styles[k]).second)
                    warn(idx(dot(path, "preferred_styles"), k), "duplicate_style",
                         std::string("style ") + q(to_string(x.preferred_styles[k])) + " is listed twice");
            text_list(dot(path, "avoid"), x.avoid);
            text_list(dot(path, "dialects"), x.dialects);
            text(dot(path, "notes"), x.notes, false);
            for (size_t k = 0; k < x.knowledge.size(); ++k) {
                const std::string kp = idx(dot(path, "knowledge"), k);
                text(dot(kp, "title"), x.knowledge[k].title, true);
                text(dot(kp, "text"), x.knowledge[k].text, true);
            }
            const std::string cp = dot(path, "compensation_policy");
            text(dot(cp, "text"), x.compensation_policy.text, false);
            amount(dot(cp, "max_amount"), x.compensation_policy.max_amount);
            currency(dot(cp, "currency"), x.compensation_policy.currency, x.compensation_policy.max_amount);
        }
    }

    void guardrails(const std::string& path, const Guardrails& g, std::map<std::string, std::string>& seen) {
        for (size_t i = 0; i < g.prohibited.size(); ++i) {
            const std::string gp = idx(dot(path, "prohibited"), i);
            const ProhibitedPhrase& x = g.prohibited[i];
            id(dot(gp, "id"), x.id);
            unique(dot(gp, "id"), x.id, seen, "guardrail");
            text(dot(gp, "phrase"), x.phrase, true);
            text(dot(gp, "why"), x.why, false);
            text(dot(gp, "instead"), x.instead, false);
        }
        for (size_t i = 0; i < g.never_disclose.size(); ++i) {
            const std::string gp = idx(dot(path, "never_disclose"), i);
            const NeverDisclose& x = g.never_disclose[i];
            id(dot(gp, "id"), x.id);
            unique(dot(gp, "id"), x.id, seen, "guardrail");
            text(dot(gp, "label"), x.label, true);
            text(dot(gp, "why"), x.why, false);
            if (x.patterns.empty())
                error(dot(gp, "patterns"), "no_patterns", "a never-disclose rule needs at least one pattern");
            for (size_t k = 0; k < x.patterns.size(); ++k) {
                const std::string pp = idx(dot(gp, "patterns"), k);
                str(pp, x.patterns[k]);
                if (x.kind == DisclosureKind::Phrase) {
                    if (x.patterns[k].empty()) error(pp, "empty_text", "the phrase is empty");
                    continue;
                }
                std::string why;
                if (!parse_disclosure_pattern(x.patterns[k], &why)) error(pp, "bad_pattern", why);
            }
        }
    }

    void scenarios() {
        std::map<std::string, std::string> seen;
        for (size_t i = 0; i < p_.scenarios.size(); ++i) {
            const std::string path = idx("scenarios", i);
            const Scenario& s = p_.scenarios[i];
            id(dot(path, "id"), s.id);
            unique(dot(path, "id"), s.id, seen, "scenario");
            text(dot(path, "title"), s.title, true);
            str(dot(path, "industry"), s.industry);
            text(dot(path, "situation"), s.situation, false);
            text_list(dot(path, "reasons"), s.reasons);
            text_list(dot(path, "concerns"), s.concerns);
            text_list(dot(path, "typical_phrases"), s.typical_phrases);
            if (s.typical_phrases.empty())
                warn(dot(path, "typical_phrases"), "no_typical_phrases",
                     "no typical phrases: search and triage cannot recognise this scenario from what customers say");
            for (size_t k = 0; k < s.persona_ids.size(); ++k)
                ref(idx(dot(path, "persona_ids"), k), s.persona_ids[k], personas_, "persona");
            text_list(dot(path, "empathy_lines"), s.empathy_lines);
            if (s.empathy_lines.size() < 2)
                warn(dot(path, "empathy_lines"), "few_empathy_lines",
                     "fewer than 2 empathy lines: one line used for everything wears out (DOMAIN.md section 3)");
            std::map<std::string, std::string> guard_ids = pack_guardrail_ids_;
            guardrails(dot(path, "guardrails"), s.guardrails, guard_ids);

            ActiveGuardrails active;
            for (const auto& g : {&p_.guardrails, &s.guardrails}) {
                for (const auto& x : g->prohibited) active.prohibited.push_back(&x);
                for (const auto& x : g->never_disclose) active.never_disclose.push_back(&x);
            }
            for (size_t k = 0; k < s.empathy_lines.size(); ++k)
                forbidden_words(idx(dot(path, "empathy_lines"), k), s.empathy_lines[k], active);
            script(dot(path, "script"), s.script, active);
        }
    }

    // ---- 3. script rules
    void script(const std::string& path, const Script& sc, const ActiveGuardrails& active) {
        const std::string steps_path = dot(path, "steps");
        if (sc.steps.empty()) {
            if (!sc.start.empty()) error(dot(path, "start"), "dangling_ref", "no step with id " + q(sc.start) + " (the script has no steps)");
            else warn(path, "no_script", "this scenario has no script");
            return;
        }
        std::map<std::string, size_t> index;  // step id -> position
        std::map<std::string, std::string> seen;
        for (size_t i = 0; i < sc.steps.size(); ++i) {
            const std::string sp = idx(steps_path, i);
            id(dot(sp, "id"), sc.steps[i].id);
            unique(dot(sp, "id"), sc.steps[i].id, seen, "step");
            index.emplace(sc.steps[i].id, i);
        }
        auto step_ref = [&](const std::string& p, const std::string& target) {
            if (target.empty()) { error(p, "empty_ref", "empty step id"); return; }
            if (!index.count(target)) error(p, "dangling_ref", "no step with id " + q(target) + " in this script");
        };

        for (size_t i = 0; i < sc.steps.size(); ++i) step(idx(steps_path, i), sc.steps[i], step_ref, active);

        if (sc.start.empty()) {
            error(dot(path, "start"), "empty_ref", "the script has steps but no start step id");
            return;
        }
        if (!index.count(sc.start)) {
            error(dot(path, "start"), "dangling_ref", "no step with id " + q(sc.start) + " in this script");
            return;
        }
        graph_rules(steps_path, sc, index);
    }

    template <class StepRef>
    void step(const std::string& sp, const Step& st, StepRef& step_ref, const ActiveGuardrails& active) {
        const std::string kind = to_string(st.kind);
        // text
        const std::string tp = dot(sp, "text");
        if (st.text.variants.count(ScriptStyle::Standard))
            error(tp, "bad_style", "\"standard\" is the main text, not a variant");
        text(dot(tp, "standard"), st.text.standard, false);
        if (needs_text(st.kind) && st.text.standard.empty())
            error(dot(tp, "standard"), "empty_text", "a " + kind + " step needs its standard text (zh and/or en)");
        for (const auto& kv : st.text.variants) {
            // An empty variant would show the agent a blank line in that style: say so.
            if (kv.second.empty())
                error(dot(tp, to_string(kv.first)), "empty_variant",
                      std::string("the ") + to_string(kv.first) + " variant has no text; write it or remove the variant");
            else
                text(dot(tp, to_string(kv.first)), kv.second, false);
        }
        text(dot(sp, "key_point"), st.key_point, false);
        forbidden_words(dot(tp, "standard"), st.text.standard, active);
        for (const auto& kv : st.text.variants) forbidden_words(dot(tp, to_string(kv.first)), kv.second, active);

        // next
        const std::string np = dot(sp, "next");
        if (st.kind == StepKind::Branch || st.kind == StepKind::Close) {
            if (!st.next.empty())
                warn(np, "ignored_field", "a " + kind + " step does not use next (it is ignored)");
        } else if (st.next.empty()) {
            warn(np, "dead_end", "no next step: the call ends here; add next or make this a close step");
        } else {
            step_ref(np, st.next);
        }

        // branches
        const std::string bp = dot(sp, "branches");
        if (st.kind == StepKind::Branch) {
            if (st.branches.empty()) error(bp, "no_branches", "a branch step needs at least one branch");
            for (size_t k = 0; k < st.branches.size(); ++k) {
                const std::string p = idx(bp, k);
                text(dot(p, "when"), st.branches[k].when, true);
                for (size_t w = 0; w < st.branches[k].keywords.size(); ++w)
                    str(idx(dot(p, "keywords"), w), st.branches[k].keywords[w]);
                step_ref(dot(p, "next"), st.branches[k].next);
            }
        } else if (!st.branches.empty()) {
            warn(bp, "ignored_field", "only branch steps use branches (ignored on a " + kind + " step)");
        }

        // offer
        const std::string op = dot(sp, "offer");
        const bool has_offer = !st.offer.kind.empty() || st.offer.amount != 0 || !st.offer.currency.empty();
        if (st.kind == StepKind::Offer) {
            text(dot(op, "kind"), st.offer.kind, false);
            amount(dot(op, "amount"), st.offer.amount);
            currency(dot(op, "currency"), st.offer.currency, st.offer.amount);
        } else if (has_offer) {
            warn(op, "ignored_field", "only offer steps use offer (ignored on a " + kind + " step)");
        }

        // escalate_to
        const std::string ep = dot(sp, "escalate_to");
        if (st.kind == StepKind::Escalate) role(ep, st.escalate_to, true);
        else if (!st.escalate_to.empty())
            warn(ep, "ignored_field", "only escalate steps use escalate_to (ignored on a " + kind + " step)");
    }

    // Reachability, loops that never pause, and wait-before-offer. References were checked.
    void graph_rules(const std::string& steps_path, const Script& sc, const std::map<std::string, size_t>& index) {
        const size_t n = sc.steps.size();
        auto target = [&](const std::string& sid) -> long {
            auto it = index.find(sid);
            return it == index.end() ? -1 : static_cast<long>(it->second);
        };
        // Edges the runtime follows.
        std::vector<std::vector<size_t>> out(n);
        for (size_t i = 0; i < n; ++i) {
            const Step& st = sc.steps[i];
            if (st.kind == StepKind::Branch) {
                for (const auto& b : st.branches)
                    if (long t = target(b.next); t >= 0) out[i].push_back(static_cast<size_t>(t));
            } else if (st.kind != StepKind::Close) {
                if (long t = target(st.next); t >= 0) out[i].push_back(static_cast<size_t>(t));
            }
        }

        // Reachable from start (iterative: scripts are data, not trusted to be shallow).
        const size_t start = static_cast<size_t>(target(sc.start));
        std::vector<char> reached(n, 0);
        std::vector<size_t> todo{start};
        reached[start] = 1;
        while (!todo.empty()) {
            const size_t s = todo.back();
            todo.pop_back();
            for (size_t t : out[s])
                if (!reached[t]) { reached[t] = 1; todo.push_back(t); }
        }
        for (size_t i = 0; i < n; ++i)
            if (!reached[i])
                error(idx(steps_path, i), "unreachable_step",
                      "step " + q(sc.steps[i].id) + " cannot be reached from the start step " + q(sc.start) +
                          " (check the next of the step that should lead here)");

        // Loops without a pause: among non-pause steps each has at most one edge, so follow the
        // chain; meeting a step already on the current chain is a cycle.
        std::vector<int> state(n, 0);  // 0 new, 1 on the current chain, 2 done
        for (size_t i = 0; i < n; ++i) {
            std::vector<size_t> chain;
            size_t s = i;
            bool cycle = false;
            while (!is_pause(sc.steps[s].kind) && state[s] != 2) {
                if (state[s] == 1) { cycle = true; break; }
                state[s] = 1;
                chain.push_back(s);
                if (out[s].empty()) break;
                s = out[s][0];
            }
            if (cycle) {
                std::string loop;
                auto from = std::find(chain.begin(), chain.end(), s);
                for (auto it = from; it != chain.end(); ++it) loop += q(sc.steps[*it].id) + " -> ";
                loop += q(sc.steps[s].id);
                error(dot(idx(steps_path, chain.back()), "next"), "loop_without_pause",
                      "the loop " + loop + " never waits for the customer; put a wait or branch step in it");
            }
            for (size_t c : chain) state[c] = 2;
        }

        // Wait before you offer: every way into an offer step comes from a wait or branch step.
        for (size_t i = 0; i < n; ++i) {
            if (sc.steps[i].kind != StepKind::Offer || !reached[i]) continue;
            std::string why;
            if (i == start) why = "the script starts with it";
            for (size_t s = 0; s < n && why.empty(); ++s) {
                if (!reached[s] || is_pause(sc.steps[s].kind)) continue;
                for (size_t t : out[s])
                    if (t == i) {
                        why = "it directly follows the " + std::string(to_string(sc.steps[s].kind)) + " step " + q(sc.steps[s].id);
                        break;
                    }
            }
            if (!why.empty())
                warn(idx(steps_path, i), "offer_without_wait",
                     "offer step " + q(sc.steps[i].id) + " can be reached without waiting for the customer's reply (" + why +
                         "); put a wait step before it, so explanation, apology and compensation are not one breath");
        }
    }

    // Script and empathy text must not say what the guardrails forbid.
    void forbidden_words(const std::string& path, const LocalizedText& t, const ActiveGuardrails& active) {
        for (const std::string* side : {&t.zh, &t.en}) {
            if (side->empty()) continue;
            for (const ProhibitedPhrase* pp : active.prohibited)
                for (const std::string* phrase : {&pp->phrase.zh, &pp->phrase.en})
                    if (find_phrase(*side, *phrase) != std::string_view::npos)
                        error(path, "says_prohibited", "contains the prohibited phrase " + q(*phrase) + " (guardrail " + q(pp->id) + ")");
            for (const NeverDisclose* nd : active.never_disclose) {
                for (const std::string& pat : nd->patterns) {
                    if (nd->kind == DisclosureKind::Phrase) {
                        if (find_phrase(*side, pat) != std::string_view::npos)
                            error(path, "says_undisclosable", "contains " + q(pat) + ", which may never be disclosed (guardrail " + q(nd->id) + ")");
                        continue;
                    }
                    auto parsed = parse_disclosure_pattern(pat, nullptr);
                    if (parsed && !find_disclosures(*parsed, *side).empty())
                        warn(path, "says_undisclosable", "matches the never-disclose pattern " + q(pat) + " (guardrail " + q(nd->id) + ")");
                }
            }
        }
    }

    void triage() {
        const TriageRules& t = p_.triage_rules;
        std::map<std::string, std::string> seen;
        for (size_t i = 0; i < t.signals.size(); ++i) {
            const std::string path = idx("triage_rules.signals", i);
            const TriageSignal& s = t.signals[i];
            id(dot(path, "id"), s.id);
            unique(dot(path, "id"), s.id, seen, "signal");
            text(dot(path, "label"), s.label, true);
            if (s.phrases.empty()) error(dot(path, "phrases"), "no_phrases", "a signal needs at least one phrase to recognise");
            for (size_t k = 0; k < s.phrases.size(); ++k) {
                // The two sides need not be translations; one is enough.
                const std::string pp = idx(dot(path, "phrases"), k);
                str(dot(pp, "zh"), s.phrases[k].zh);
                str(dot(pp, "en"), s.phrases[k].en);
                if (s.phrases[k].empty()) error(pp, "empty_text", "the phrase is empty in both languages");
            }
            for (auto [name, w] : {std::pair<const char*, double>{"weight_urgency", s.weight_urgency},
                                   std::pair<const char*, double>{"weight_importance", s.weight_importance}})
                if (!std::isfinite(w)) error(dot(path, name), "bad_number", "must be a finite number");
        }
        if (!std::isfinite(t.thresholds.urgency)) error("triage_rules.thresholds.urgency", "bad_number", "must be a finite number");
        if (!std::isfinite(t.thresholds.importance)) error("triage_rules.thresholds.importance", "bad_number", "must be a finite number");
        const ResponseTargets& r = t.response_target_minutes;
        for (auto [name, v] : {std::pair<const char*, int>{"q1", r.q1}, {"q2", r.q2}, {"q3", r.q3}, {"q4", r.q4}})
            if (v < 0) error(dot("triage_rules.response_target_minutes", name), "negative", "must not be negative");
    }

    void plans() {
        std::map<std::string, std::string> seen;
        for (size_t i = 0; i < p_.plans.size(); ++i) {
            const std::string path = idx("plans", i);
            const ContingencyPlan& pl = p_.plans[i];
            id(dot(path, "id"), pl.id);
            unique(dot(path, "id"), pl.id, seen, "plan");
            text(dot(path, "title"), pl.title, true);
            for (size_t k = 0; k < pl.trigger.scenario_ids.size(); ++k)
                ref(idx(dot(path, "trigger.scenario_ids"), k), pl.trigger.scenario_ids[k], scenarios_, "scenario");
            for (size_t k = 0; k < pl.trigger.signal_ids.size(); ++k)
                ref(idx(dot(path, "trigger.signal_ids"), k), pl.trigger.signal_ids[k], signals_, "signal");
            if (pl.checklist.empty()) warn(dot(path, "checklist"), "empty_checklist", "the plan has no checklist");
            for (size_t k = 0; k < pl.checklist.size(); ++k) {
                const std::string cp = idx(dot(path, "checklist"), k);
                text(dot(cp, "text"), pl.checklist[k].text, true);
                role(dot(cp, "owner_role"), pl.checklist[k].owner_role, false);
            }
            for (size_t k = 0; k < pl.escalation_ladder.size(); ++k) {
                const std::string lp = idx(dot(path, "escalation_ladder"), k);
                role(dot(lp, "role"), pl.escalation_ladder[k].role, true);
                if (pl.escalation_ladder[k].report_up_every_minutes < 0)
                    error(dot(lp, "report_up_every_minutes"), "negative", "must not be negative (0 = report once)");
            }
            std::map<std::string, std::string> granted;
            for (size_t k = 0; k < pl.grade_authority.size(); ++k) {
                const std::string gp = idx(dot(path, "grade_authority"), k);
                const GradeAuthority& ga = pl.grade_authority[k];
                ref(dot(gp, "grade_id"), ga.grade_id, grades_, "grade");
                unique(dot(gp, "grade_id"), ga.grade_id, granted, "grade_authority grade");
                amount(dot(gp, "compensation_limit"), ga.compensation_limit);
            }
        }
    }

    void grades() {
        std::map<std::string, std::string> seen;
        for (size_t i = 0; i < p_.grades.size(); ++i) {
            const std::string path = idx("grades", i);
            const AgentGrade& g = p_.grades[i];
            id(dot(path, "id"), g.id);
            unique(dot(path, "id"), g.id, seen, "grade");
            text(dot(path, "name"), g.name, true);
            amount(dot(path, "compensation_limit"), g.compensation_limit);
        }
    }

    void scorecards() {
        std::map<std::string, std::string> seen;
        for (size_t i = 0; i < p_.scorecards.size(); ++i) {
            const std::string path = idx("scorecards", i);
            const Scorecard& sc = p_.scorecards[i];
            id(dot(path, "id"), sc.id);
            unique(dot(path, "id"), sc.id, seen, "scorecard");
            text(dot(path, "name"), sc.name, true);
            std::map<std::string, std::string> items;
            double total = 0;
            for (size_t k = 0; k < sc.items.size(); ++k) {
                const std::string ip = idx(dot(path, "items"), k);
                const ScorecardItem& it = sc.items[k];
                id(dot(ip, "id"), it.id);
                unique(dot(ip, "id"), it.id, items, "scorecard item");
                text(dot(ip, "label"), it.label, true);
                text(dot(ip, "why"), it.why, false);
                amount(dot(ip, "weight"), it.weight);
                if (std::isfinite(it.weight)) total += it.weight;
            }
            if (sc.items.empty()) warn(dot(path, "items"), "empty_scorecard", "the scorecard has no items");
            else if (total <= 0) warn(dot(path, "items"), "zero_weights", "the item weights add up to 0");
        }
    }
};

}  // namespace

std::vector<ValidationIssue> validate_pack(const Pack& pack) { return Validator(pack).run(); }

}  // namespace cw
