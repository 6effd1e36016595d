// pack_html_test.cpp — the scripts and processes deliverables (core/pack_html.h): everything a
// consultant hands over is on the page (every scenario, every style variant, every plan step),
// in the chosen language, self-contained (no links out, no script), hostile pack text escaped,
// and the table of contents points at anchors that exist.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "core/demo_history.h"
#include "core/html_doc.h"
#include "core/pack.h"
#include "core/pack_html.h"
#include "pack_test_support.h"

using namespace cw;

namespace {

constexpr std::int64_t kExportedAt = 1764054000000LL;   // 2025-11-25 07:00 UTC

Pack load_demo_pack(const std::string& file) {
    PackLoadResult r = load_pack_json(cw_test::read_text_file(std::string(CALLWISE_ASSETS_DIR) + "/packs/" + file));
    INFO(file << ": " << r.error);
    REQUIRE(r.ok);
    return r.pack;
}

bool has(const std::string& html, const std::string& text) { return html.find(text) != std::string::npos; }

// The page shows `t` in `lang` (escaped as html_escape does).
bool shows(const std::string& html, const LocalizedText& t, Lang lang) {
    const std::string& s = pick(t, lang);
    return s.empty() || has(html, html_escape(s));
}

// Every in-page link (href="#x") has an element with id="x".
void check_anchors(const std::string& html) {
    std::set<std::string> ids;
    for (size_t at = html.find(" id=\""); at != std::string::npos; at = html.find(" id=\"", at + 1)) {
        const size_t from = at + 5;
        ids.insert(html.substr(from, html.find('"', from) - from));
    }
    size_t links = 0;
    for (size_t at = html.find("href=\""); at != std::string::npos; at = html.find("href=\"", at + 1)) {
        const size_t from = at + 6;
        const std::string target = html.substr(from, html.find('"', from) - from);
        INFO("link to " << target);
        REQUIRE_FALSE(target.empty());
        CHECK(target[0] == '#');   // nothing outside the page
        CHECK(ids.count(target.substr(1)) == 1);
        ++links;
    }
    CHECK(links > 0);
}

void check_self_contained(const std::string& html) {
    CHECK_FALSE(has(html, "http"));
    CHECK_FALSE(has(html, "<script"));
    CHECK_FALSE(has(html, "src="));
    CHECK_FALSE(has(html, "<link"));
    CHECK_FALSE(has(html, "url("));
    CHECK_FALSE(has(html, "@import"));
    CHECK_FALSE(has(html, "<th></th>"));   // no label missing from the table
    CHECK(html.rfind("<!doctype html>", 0) == 0);
    CHECK(has(html, "</html>"));
}

// A pack whose every text tries to break out of the page.
Pack hostile_pack() {
    const LocalizedText evil{"<script>alert('zh')</script>\"引号\"", "<script>alert(\"en\")</script> it's \"quoted\" & <b>bold</b>"};
    Pack p;
    p.meta.id = "evil\"><script>";
    p.meta.name = evil;
    p.meta.description = evil;
    p.meta.version = "1<2";
    p.roles.push_back(Role{"r\"><img", evil});
    AgentGrade g;
    g.id = "lead";
    g.name = evil;
    g.compensation_limit = 100;
    p.grades.push_back(g);
    Persona pe;
    pe.id = "p\" onmouseover=\"x";
    pe.name = evil;
    pe.segment = evil;
    pe.tags = {evil};
    pe.knowledge = {KnowledgeEntry{evil, evil}};
    pe.compensation_policy.text = evil;
    pe.compensation_policy.max_amount = 50;
    pe.compensation_policy.currency = "<CNY>";
    p.personas.push_back(pe);
    Scenario s;
    s.id = "s\"><script>x</script>";
    s.title = evil;
    s.situation = evil;
    s.reasons = {evil};
    s.typical_phrases = {evil};
    s.persona_ids = {pe.id, "missing\"<id>"};
    s.empathy_lines = {evil};
    s.guardrails.prohibited.push_back(ProhibitedPhrase{"x", evil, evil, evil});
    Step a;
    a.id = "a\"<>";
    a.kind = StepKind::Branch;
    a.text.standard = evil;
    a.text.variants[ScriptStyle::Cute] = evil;
    a.key_point = evil;
    a.branches.push_back(Branch{evil, {"<kw>"}, "b"});
    a.branches.push_back(Branch{evil, {"\"q\""}, "nowhere\"<"});
    Step b;
    b.id = "b";
    b.kind = StepKind::Offer;
    b.text.standard = evil;
    b.offer = Offer{evil, 20, "<CUR>"};
    b.escalate_to = "r\"><img";
    b.next = "a\"<>";
    s.script.start = a.id;
    s.script.steps = {a, b};
    p.scenarios.push_back(s);
    p.guardrails.never_disclose.push_back(NeverDisclose{"n", evil, evil, DisclosureKind::Phrase, {"<secret>"}});
    TriageSignal sig;
    sig.id = "sig\"<";
    sig.label = evil;
    sig.phrases = {evil};
    p.triage_rules.signals.push_back(sig);
    ContingencyPlan plan;
    plan.id = "plan\"<";
    plan.title = evil;
    plan.trigger.scenario_ids = {s.id, "ghost<"};
    plan.trigger.signal_ids = {sig.id};
    plan.checklist = {ChecklistItem{evil, "r\"><img"}};
    plan.escalation_ladder = {EscalationLevel{"<boss>", 5}};
    plan.grade_authority = {GradeAuthority{"lead", true, 10}};
    p.plans.push_back(plan);
    return p;
}

}  // namespace

TEST_CASE("Scripts page: every scenario, step and style variant of each demo pack is on it, in both languages") {
    for (const std::string& file : demo_pack_files()) {
        const Pack pack = load_demo_pack(file);
        for (Lang lang : {Lang::Zh, Lang::En}) {
            INFO(file << " " << to_string(lang));
            const std::string html = scripts_html(pack, lang, kExportedAt);
            check_self_contained(html);
            check_anchors(html);
            CHECK(has(html, lang == Lang::Zh ? "lang=\"zh-CN\"" : "lang=\"en\""));
            CHECK(shows(html, pack.meta.name, lang));
            size_t variants = 0;
            for (const Scenario& s : pack.scenarios) {
                INFO("scenario " << s.id);
                CHECK(shows(html, s.title, lang));
                CHECK(shows(html, s.situation, lang));
                for (const LocalizedText& t : s.typical_phrases) CHECK(shows(html, t, lang));
                for (const LocalizedText& t : s.empathy_lines) CHECK(shows(html, t, lang));
                for (const Step& st : s.script.steps) {
                    INFO("step " << st.id);
                    CHECK(shows(html, st.text.standard, lang));
                    CHECK(shows(html, st.key_point, lang));
                    for (const auto& [style, text] : st.text.variants) {
                        CHECK(shows(html, text, lang));
                        ++variants;
                    }
                    for (const Branch& b : st.branches) CHECK(shows(html, b.when, lang));
                    if (st.kind == StepKind::Offer) CHECK(shows(html, st.offer.kind, lang));
                }
                for (const ProhibitedPhrase& p : s.guardrails.prohibited) CHECK(shows(html, p.phrase, lang));
            }
            CHECK(variants > 0);
            for (const ProhibitedPhrase& p : pack.guardrails.prohibited) {
                CHECK(shows(html, p.phrase, lang));
                CHECK(shows(html, p.why, lang));
                CHECK(shows(html, p.instead, lang));
            }
            for (const NeverDisclose& n : pack.guardrails.never_disclose) CHECK(shows(html, n.label, lang));
            for (const Persona& p : pack.personas) {
                CHECK(shows(html, p.name, lang));
                CHECK(shows(html, p.segment, lang));
                for (const KnowledgeEntry& k : p.knowledge) CHECK(shows(html, k.text, lang));
                CHECK(shows(html, p.compensation_policy.text, lang));
            }
            // Style labels and section labels in the chosen language.
            if (lang == Lang::Zh) {
                CHECK(has(html, "标准"));
                CHECK(has(html, "禁忌语"));
                CHECK(has(html, "客户画像"));
                CHECK(has(html, "目录"));
                CHECK_FALSE(has(html, "Key point"));
            } else {
                CHECK(has(html, "standard"));
                CHECK(has(html, "Prohibited phrases"));
                CHECK(has(html, "Personas"));
                CHECK(has(html, "Contents"));
                CHECK_FALSE(has(html, "要点"));
            }
            CHECK(has(html, "2025-11-25"));
        }
    }
}

TEST_CASE("Scripts page: the five style labels are named 标准/卖萌/贴心/江湖/搞笑 and standard/cute/caring/street-wise/humorous") {
    Pack p;
    p.meta.id = "styles";
    Scenario s;
    s.id = "s";
    Step st;
    st.id = "one";
    st.kind = StepKind::Say;
    st.text.standard = {"标准句", "standard line"};
    st.text.variants[ScriptStyle::Cute] = {"卖萌句", "cute line"};
    st.text.variants[ScriptStyle::Caring] = {"贴心句", "caring line"};
    st.text.variants[ScriptStyle::StreetWise] = {"江湖句", "streetwise line"};
    st.text.variants[ScriptStyle::Humorous] = {"搞笑句", "humorous line"};
    s.script.start = "one";
    s.script.steps = {st};
    p.scenarios = {s};
    const std::string zh = scripts_html(p, Lang::Zh, kExportedAt);
    for (const char* l : {"<td>标准</td><td>标准句</td>", "<td>卖萌</td><td>卖萌句</td>", "<td>贴心</td><td>贴心句</td>",
                          "<td>江湖</td><td>江湖句</td>", "<td>搞笑</td><td>搞笑句</td>"})
        CHECK(has(zh, l));
    const std::string en = scripts_html(p, Lang::En, kExportedAt);
    for (const char* l : {"<td>standard</td><td>standard line</td>", "<td>cute</td><td>cute line</td>",
                          "<td>caring</td><td>caring line</td>", "<td>street-wise</td><td>streetwise line</td>",
                          "<td>humorous</td><td>humorous line</td>"})
        CHECK(has(en, l));
}

TEST_CASE("Processes page: every plan with its triggers, ordered checklist, ladder and authority; grades; triage rules") {
    for (const std::string& file : demo_pack_files()) {
        const Pack pack = load_demo_pack(file);
        for (Lang lang : {Lang::Zh, Lang::En}) {
            INFO(file << " " << to_string(lang));
            const std::string html = processes_html(pack, lang, kExportedAt);
            check_self_contained(html);
            check_anchors(html);
            for (const ContingencyPlan& plan : pack.plans) {
                INFO("plan " << plan.id);
                CHECK(shows(html, plan.title, lang));
                size_t last = 0;
                for (const ChecklistItem& c : plan.checklist) {   // in order
                    const size_t at = html.find(html_escape(pick(c.text, lang)));
                    REQUIRE(at != std::string::npos);
                    CHECK(at > last);
                    last = at;
                }
                for (const std::string& id : plan.trigger.scenario_ids)
                    for (const Scenario& s : pack.scenarios)
                        if (s.id == id) CHECK(shows(html, s.title, lang));
                for (const std::string& id : plan.trigger.signal_ids)
                    for (const TriageSignal& s : pack.triage_rules.signals)
                        if (s.id == id) CHECK(shows(html, s.label, lang));
                for (const EscalationLevel& e : plan.escalation_ladder)
                    for (const Role& r : pack.roles)
                        if (r.id == e.role) CHECK(shows(html, r.name, lang));
            }
            for (const AgentGrade& g : pack.grades) CHECK(shows(html, g.name, lang));
            for (const TriageSignal& s : pack.triage_rules.signals) CHECK(shows(html, s.label, lang));
            for (const Role& r : pack.roles) CHECK(shows(html, r.name, lang));
            if (lang == Lang::Zh) {
                CHECK(has(html, "应急预案"));
                CHECK(has(html, "分级授权"));
                CHECK(has(html, "Q1 紧急且重要"));
                CHECK(has(html, "首次响应时限"));
            } else {
                CHECK(has(html, "Contingency plans"));
                CHECK(has(html, "Graded authority"));
                CHECK(has(html, "Q1 urgent and important"));
                CHECK(has(html, "Response targets"));
            }
        }
    }
    // The airline pack's numbers, as the consultant would read them.
    const std::string en = processes_html(load_demo_pack("airline-hotline.json"), Lang::En, kExportedAt);
    CHECK(has(en, "Q1 urgent and important</span></td><td>1 min</td>"));
    CHECK(has(en, "Q2 important, not urgent</span></td><td>2 h</td>"));
    CHECK(has(en, "Q4 neither</span></td><td>1 d</td>"));
    CHECK(has(en, "every 5 min"));
    CHECK(has(en, "3000 CNY"));
    const std::string zh = processes_html(load_demo_pack("airline-hotline.json"), Lang::Zh, kExportedAt);
    CHECK(has(zh, "每 5 分钟"));
    CHECK(has(zh, "2 小时"));
}

TEST_CASE("Pack pages escape hostile pack text and ids: no script, no attribute break-out") {
    const Pack p = hostile_pack();
    for (Lang lang : {Lang::Zh, Lang::En}) {
        for (const std::string& html : {scripts_html(p, lang, kExportedAt), processes_html(p, lang, kExportedAt)}) {
            INFO(html.substr(0, 400));
            CHECK_FALSE(has(html, "<script"));
            CHECK_FALSE(has(html, "<img"));
            CHECK_FALSE(has(html, "<b>bold"));
            CHECK_FALSE(has(html, "<kw>"));
            CHECK_FALSE(has(html, "<secret>"));
            CHECK_FALSE(has(html, "<boss>"));
            CHECK_FALSE(has(html, "\" onmouseover"));
            CHECK_FALSE(has(html, "http"));
            CHECK(has(html, "&lt;script&gt;"));
            CHECK(has(html, lang == Lang::Zh ? "&quot;引号&quot;" : "it&#39;s &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;"));
            // Anchors stay well-formed whatever the ids hold.
            for (size_t at = html.find(" id=\""); at != std::string::npos; at = html.find(" id=\"", at + 1)) {
                const size_t end = html.find('"', at + 5);
                const std::string id = html.substr(at + 5, end - at - 5);
                for (char c : id) CHECK(((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'));
            }
            check_anchors(html);
        }
    }
}

TEST_CASE("Pack pages of an empty pack still make a complete page") {
    Pack p;
    p.meta.id = "empty";
    for (Lang lang : {Lang::Zh, Lang::En}) {
        const std::string s = scripts_html(p, lang, 0);
        const std::string pr = processes_html(p, lang, 0);
        check_self_contained(s);
        check_self_contained(pr);
        CHECK(has(s, "1970-01-01"));
        CHECK(has(s, "empty"));   // the id stands in for a missing name
    }
}
