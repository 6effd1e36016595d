// pack_html.cpp — see pack_html.h.
// Contents: the label table · small writers (escaping, anchors, lists, tables) · the scripts
// page (scenarios, pack-wide guardrails, personas) · the processes page (plans, grades, triage).
#include "core/pack_html.h"

#include <cstdio>
#include <string_view>
#include <vector>

#include "core/html_doc.h"

namespace cw {
namespace {

// ------------------------------------------------------------------ labels (en, zh)
struct Label {
    const char* key;
    const char* en;
    const char* zh;
};

const Label kLabels[] = {
    {"scripts", "Scripts", "话术手册"},
    {"processes", "Processes", "流程手册"},
    {"scripts_intro", "Every scenario with its script, the guardrails and the personas of this pack.",
     "本内容包的全部场景话术、禁忌与红线，以及客户画像。"},
    {"processes_intro", "Contingency plans, graded authority and the four-quadrant triage rules of this pack.",
     "本内容包的应急预案、分级授权与四象限分级规则。"},
    {"contents", "Contents", "目录"},
    {"industry", "Industry", "行业"},
    {"version", "Version", "版本"},
    {"author", "Author", "作者"},
    {"languages", "Languages", "语言"},
    {"scenarios", "Scenarios and scripts", "场景与话术"},
    {"situation", "The customer's situation", "客户处境"},
    {"reasons", "Why they call", "来电原因"},
    {"concerns", "What they care about", "客户关心什么"},
    {"typical_phrases", "What they typically say", "客户常用说法"},
    {"scenario_personas", "Who calls", "常见客户画像"},
    {"empathy", "Soothing lines (rotate them)", "安抚语（轮换使用）"},
    {"scenario_guardrails", "This scenario's guardrails", "本场景的禁忌与红线"},
    {"script", "Script", "话术流程"},
    {"starts_at", "Starts at", "起始步骤"},
    {"step", "Step", "步骤"},
    {"key_point", "Key point", "要点"},
    {"style", "Style", "风格"},
    {"text", "Wording", "话术"},
    {"branches", "Branches", "分支"},
    {"when", "When the customer…", "客户情况"},
    {"keywords", "Words that suggest it", "提示词"},
    {"goes_to", "Goes to", "转到"},
    {"next", "Next", "下一步"},
    {"end", "End of the call", "通话结束"},
    {"offer", "Offer", "补偿方案"},
    {"escalate_to", "Escalate to", "升级至"},
    {"guardrails", "Guardrails (pack-wide)", "禁忌与红线（全包通用）"},
    {"prohibited", "Prohibited phrases", "禁忌语"},
    {"phrase", "Phrase", "禁忌语"},
    {"why", "Why", "原因"},
    {"instead", "Say instead", "可以改说"},
    {"never_disclose", "Never disclose", "不可透露的信息"},
    {"item", "Item", "信息"},
    {"kind", "Kind", "类型"},
    {"patterns", "Patterns", "匹配规则"},
    {"kind_pattern", "pattern", "模式"},
    {"kind_phrase", "phrase", "词语"},
    {"personas", "Personas", "客户画像"},
    {"segment", "Segment", "人群"},
    {"birth_years", "Born", "出生年份"},
    {"tags", "Tags", "标签"},
    {"material_needs", "Material needs", "物质需求"},
    {"emotional_needs", "Emotional needs", "情感需求"},
    {"preferred_styles", "Preferred styles", "偏好的话术风格"},
    {"avoid", "Avoid", "避免"},
    {"dialects", "Dialects", "方言"},
    {"notes", "Notes", "备注"},
    {"knowledge", "Knowledge entries", "专属知识条目"},
    {"compensation_policy", "Compensation policy", "补偿政策"},
    {"max_amount", "At most", "上限"},
    {"no_money", "No money offered by policy", "政策上不提供金钱补偿"},
    {"none", "—", "—"},
    {"colon", ": ", "："},
    {"unknown", "unknown", "未知"},
    {"plans", "Contingency plans", "应急预案"},
    {"trigger", "Starts on", "触发条件"},
    {"trigger_scenarios", "Scenarios", "场景"},
    {"trigger_signals", "Warning signs", "预警信号"},
    {"checklist", "Checklist, in order", "处置清单（按顺序）"},
    {"owner", "Owner", "负责人"},
    {"ladder", "Escalation ladder", "升级路径"},
    {"level", "Level", "级别"},
    {"role", "Role", "角色"},
    {"report_up", "Reports up", "向上报告"},
    {"every_minutes", "every %s", "每 %s"},
    {"report_once", "once", "一次"},
    {"grade_authority", "Authority while this plan runs", "预案期间的授权"},
    {"grade", "Grade", "级别"},
    {"may_deviate", "May deviate", "可偏离处理"},
    {"compensation_limit", "Compensation limit", "补偿额度"},
    {"grades", "Graded authority", "分级授权"},
    {"grades_intro", "What an agent may decide alone depends on their grade.", "坐席能独立决定什么，取决于其级别。"},
    {"may_deviate_script", "May deviate from the script", "可偏离话术"},
    {"may_skip", "May skip steps", "可跳过步骤"},
    {"sees", "Sees", "可见内容"},
    {"full_script", "the full script", "完整话术"},
    {"key_points_only", "key points only", "仅要点"},
    {"yes", "yes", "是"},
    {"no", "no", "否"},
    {"triage", "Four-quadrant triage", "四象限需求分级"},
    {"triage_intro", "Urgency and importance are judged from the customer's point of view. A score at or above the threshold counts as urgent or important.",
     "紧急程度与重要程度从客户角度判断；得分达到阈值即视为“紧急”或“重要”。"},
    {"thresholds", "Thresholds", "阈值"},
    {"urgency", "Urgency", "紧急度"},
    {"importance", "Importance", "重要度"},
    {"targets", "Response targets", "首次响应时限"},
    {"quadrant", "Quadrant", "象限"},
    {"target", "First response within", "首次响应时限"},
    {"q1", "Q1 urgent and important", "Q1 紧急且重要"},
    {"q2", "Q2 important, not urgent", "Q2 重要不紧急"},
    {"q3", "Q3 urgent, not important", "Q3 紧急不重要"},
    {"q4", "Q4 neither", "Q4 不紧急不重要"},
    {"signals", "Signals", "信号"},
    {"signal", "Signal", "信号"},
    {"phrases", "Phrases", "关键词"},
    {"sig_phrase", "phrase", "关键词"},
    {"sig_time_pressure", "time pressure", "时间压力"},
    {"sig_safety", "safety", "人身安全"},
    {"sig_money", "money", "资金"},
    {"sig_regulator", "regulator", "监管"},
    {"roles", "Roles", "角色"},
    {"role_id", "Id", "编号"},
    {"name", "Name", "名称"},
    {"value", "Details", "内容"},
    {"minutes", "%d min", "%d 分钟"},
    {"hours", "%d h", "%d 小时"},
    {"days", "%d d", "%d 天"},
    {"footer", "Exported by Callwise on %s (UTC). Pack %s, version %s.", "由 Callwise 导出于 %s（UTC）。内容包 %s，版本 %s。"},
    {"step_say", "Say", "说"},
    {"step_ask", "Ask", "问"},
    {"step_wait", "Wait for the reply", "等待客户回应"},
    {"step_branch", "Branch", "分支"},
    {"step_offer", "Offer", "提出方案"},
    {"step_escalate", "Escalate", "升级"},
    {"step_close", "Close", "结束"},
    {"style_standard", "standard", "标准"},
    {"style_cute", "cute", "卖萌"},
    {"style_caring", "caring", "贴心"},
    {"style_streetwise", "street-wise", "江湖"},
    {"style_humorous", "humorous", "搞笑"},
};

const char* label(std::string_view key, Lang lang) {
    for (const Label& l : kLabels)
        if (key == l.key) return lang == Lang::Zh ? l.zh : l.en;
    return "";   // every key used below is in the table (pack_html_test checks both languages)
}

std::string fmt(const char* pattern, const std::string& a, const std::string& b = {}, const std::string& c = {}) {
    // Patterns hold only %s: substitute in order (no printf on user text).
    std::string out;
    const std::string* args[] = {&a, &b, &c};
    int n = 0;
    for (const char* p = pattern; *p; ++p) {
        if (p[0] == '%' && p[1] == 's' && n < 3) {
            out += *args[n++];
            ++p;
        } else {
            out += *p;
        }
    }
    return out;
}

// ------------------------------------------------------------------ writers
class Writer {
public:
    Writer(const Pack& pack, Lang lang) : pack_(pack), lang_(lang) {}
    std::string out;

    const char* L(std::string_view key) const { return label(key, lang_); }
    std::string esc(std::string_view s) const { return html_escape(s); }
    std::string t(const LocalizedText& s) const { return html_escape(pick(s, lang_)); }

    void raw(std::string_view s) { out += s; }
    void tag(const char* name, const std::string& escaped, const char* cls = nullptr) {
        out += "<";
        out += name;
        if (cls) { out += " class=\""; out += cls; out += "\""; }
        out += ">" + escaped + "</" + name + ">\n";
    }
    void heading(int level, const std::string& id, const std::string& escaped) {
        const std::string h = "h" + std::to_string(level);
        out += "<" + h + (id.empty() ? "" : " id=\"" + esc(id) + "\"") + ">" + escaped + "</" + h + ">\n";
    }
    void para_if(const LocalizedText& s) {
        if (!pick(s, lang_).empty()) tag("p", t(s));
    }
    void list(const std::vector<LocalizedText>& items) {
        std::vector<std::string> e;
        for (const LocalizedText& i : items)
            if (!pick(i, lang_).empty()) e.push_back(t(i));
        list_escaped(e);
    }
    void list_escaped(const std::vector<std::string>& items, bool ordered = false) {
        if (items.empty()) { tag("p", esc(L("none")), "muted"); return; }
        out += ordered ? "<ol>\n" : "<ul>\n";
        for (const std::string& i : items) out += "<li>" + i + "</li>\n";
        out += ordered ? "</ol>\n" : "</ul>\n";
    }
    void section(const char* key, const std::vector<LocalizedText>& items) {
        heading(4, "", esc(L(key)));
        list(items);
    }
    void table(const std::vector<std::string>& head_escaped, const std::vector<std::vector<std::string>>& rows) {
        out += "<table>\n<tr>";
        for (const std::string& h : head_escaped) out += "<th>" + h + "</th>";
        out += "</tr>\n";
        for (const auto& r : rows) {
            out += "<tr>";
            for (const std::string& c : r) out += "<td>" + c + "</td>";
            out += "</tr>\n";
        }
        out += "</table>\n";
    }
    std::string link(const std::string& anchor, const std::string& escaped) const {
        return "<a href=\"#" + esc(anchor) + "\">" + escaped + "</a>";
    }

    // Anchors: index + the id reduced to [a-z0-9_-], so they are unique and safe whatever a
    // pack's ids contain.
    static std::string anchor(const char* prefix, size_t index, const std::string& id) {
        std::string a = std::string(prefix) + "-" + std::to_string(index + 1);
        std::string clean;
        for (char ch : id) {
            const char c = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') clean += c;
        }
        if (!clean.empty()) a += "-" + clean.substr(0, 60);
        return a;
    }

    std::string yes_no(bool b) const { return esc(L(b ? "yes" : "no")); }
    // Already escaped items as tags, or "—".
    std::string tags(const std::vector<std::string>& escaped) const {
        std::string s;
        for (const std::string& x : escaped) s += "<span class=\"tag\">" + x + "</span>";
        return s.empty() ? esc(L("none")) : s;
    }

    std::string number(double v) const {
        char b[64];
        if (v == static_cast<double>(static_cast<long long>(v)) && v < 1e15 && v > -1e15)
            std::snprintf(b, sizeof b, "%lld", static_cast<long long>(v));
        else
            std::snprintf(b, sizeof b, "%.2f", v);
        return b;
    }
    std::string money(double v, const std::string& currency) const {
        return esc(number(v) + (currency.empty() ? "" : " " + currency));
    }
    // "90 min", "2 h", "1 d" (not escaped: digits and label text only).
    std::string duration(int minutes) const {
        char b[64];
        if (minutes > 0 && minutes % 1440 == 0) std::snprintf(b, sizeof b, L("days"), minutes / 1440);
        else if (minutes > 0 && minutes % 60 == 0) std::snprintf(b, sizeof b, L("hours"), minutes / 60);
        else std::snprintf(b, sizeof b, L("minutes"), minutes);
        return b;
    }

    std::string style_name(ScriptStyle s) const {
        switch (s) {
            case ScriptStyle::Standard: return L("style_standard");
            case ScriptStyle::Cute: return L("style_cute");
            case ScriptStyle::Caring: return L("style_caring");
            case ScriptStyle::StreetWise: return L("style_streetwise");
            case ScriptStyle::Humorous: return L("style_humorous");
        }
        return L("style_standard");
    }
    std::string step_kind_name(StepKind k) const {
        switch (k) {
            case StepKind::Say: return L("step_say");
            case StepKind::Ask: return L("step_ask");
            case StepKind::WaitForReply: return L("step_wait");
            case StepKind::Branch: return L("step_branch");
            case StepKind::Offer: return L("step_offer");
            case StepKind::Escalate: return L("step_escalate");
            case StepKind::Close: return L("step_close");
        }
        return L("step_say");
    }
    std::string signal_kind_name(SignalKind k) const {
        switch (k) {
            case SignalKind::Phrase: return L("sig_phrase");
            case SignalKind::TimePressure: return L("sig_time_pressure");
            case SignalKind::Safety: return L("sig_safety");
            case SignalKind::Money: return L("sig_money");
            case SignalKind::Regulator: return L("sig_regulator");
        }
        return L("sig_phrase");
    }

    // A role or grade id by its name in this pack (the id itself if the pack does not name it).
    std::string role(const std::string& id) const {
        for (const Role& r : pack_.roles)
            if (r.id == id && !pick(r.name, lang_).empty()) return t(r.name);
        for (const AgentGrade& g : pack_.grades)
            if (g.id == id && !pick(g.name, lang_).empty()) return t(g.name);
        return esc(id);
    }

    // The currency the pack's money is in, for grade limits (which carry none themselves).
    std::string currency() const {
        for (const Persona& p : pack_.personas)
            if (!p.compensation_policy.currency.empty()) return p.compensation_policy.currency;
        for (const Scenario& s : pack_.scenarios)
            for (const Step& st : s.script.steps)
                if (!st.offer.currency.empty()) return st.offer.currency;
        return "";
    }

    void header(const char* doc_key, const char* intro_key) {
        heading(1, "top", t(pack_.meta.name));
        tag("p", esc(L(doc_key)) + " · " + esc(L(intro_key)), "muted");
        para_if(pack_.meta.description);
        std::vector<std::string> facts;
        if (!pack_.meta.industry.empty()) facts.push_back(esc(L("industry")) + L("colon") + esc(pack_.meta.industry));
        if (!pack_.meta.version.empty()) facts.push_back(esc(L("version")) + L("colon") + esc(pack_.meta.version));
        if (!pack_.meta.author.empty()) facts.push_back(esc(L("author")) + L("colon") + esc(pack_.meta.author));
        if (!pack_.meta.languages.empty()) {
            std::string l;
            for (const std::string& x : pack_.meta.languages) l += (l.empty() ? "" : ", ") + x;
            facts.push_back(esc(L("languages")) + L("colon") + esc(l));
        }
        std::string line;
        for (const std::string& f : facts) line += (line.empty() ? "" : " · ") + f;
        if (!line.empty()) tag("p", line, "muted");
    }

    // Guardrail tables, shared by the pack-wide section and each scenario.
    void guardrails(const Guardrails& g, int level) {
        if (!g.prohibited.empty()) {
            heading(level, "", esc(L("prohibited")));
            std::vector<std::vector<std::string>> rows;
            for (const ProhibitedPhrase& p : g.prohibited) rows.push_back({"<b>" + t(p.phrase) + "</b>", t(p.why), t(p.instead)});
            table({esc(L("phrase")), esc(L("why")), esc(L("instead"))}, rows);
        }
        if (!g.never_disclose.empty()) {
            heading(level, "", esc(L("never_disclose")));
            std::vector<std::vector<std::string>> rows;
            for (const NeverDisclose& n : g.never_disclose) {
                std::string pats;
                for (const std::string& p : n.patterns) pats += "<span class=\"tag\">" + esc(p) + "</span>";
                rows.push_back({"<b>" + t(n.label) + "</b>", t(n.why),
                                esc(L(n.kind == DisclosureKind::Pattern ? "kind_pattern" : "kind_phrase")), pats});
            }
            table({esc(L("item")), esc(L("why")), esc(L("kind")), esc(L("patterns"))}, rows);
        }
        if (g.empty()) tag("p", esc(L("none")), "muted");
    }

    std::string footer(std::int64_t now_ms) const {
        // Civil date (UTC) from unix ms: core reads no clock and knows no time zone.
        const std::int64_t days = now_ms >= 0 ? now_ms / 86400000 : -((-now_ms + 86399999) / 86400000);
        const std::int64_t z = days + 719468;
        const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
        const std::int64_t doe = z - era * 146097;
        const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const std::int64_t mp = (5 * doy + 2) / 153;
        const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
        const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
        const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        char date[64];
        std::snprintf(date, sizeof date, "%04lld-%02lld-%02lld", static_cast<long long>(y), static_cast<long long>(m),
                      static_cast<long long>(d));
        return fmt(L("footer"), date, pack_.meta.id, pack_.meta.version.empty() ? "—" : pack_.meta.version);
    }

    const Pack& pack_;
    const Lang lang_;
};

// ------------------------------------------------------------------ the scripts page
void write_step(Writer& w, const Scenario& sc, size_t si, const Step& st, size_t index) {
    auto step_anchor = [&](const std::string& id) {
        for (size_t j = 0; j < sc.script.steps.size(); ++j)
            if (sc.script.steps[j].id == id) return Writer::anchor(("s" + std::to_string(si + 1) + "-step").c_str(), j, id);
        return std::string();
    };
    auto step_ref = [&](const std::string& id) {
        const std::string a = step_anchor(id);
        return a.empty() ? w.esc(id) : w.link(a, w.esc(id));
    };
    w.raw("<li class=\"card\" id=\"" + w.esc(step_anchor(st.id)) + "\">");
    w.raw("<b>" + w.esc(w.step_kind_name(st.kind)) + "</b> <span class=\"muted\">" + w.esc(w.L("step")) + " " +
          std::to_string(index + 1) + " · " + w.esc(st.id) + "</span>\n");
    if (!pick(st.key_point, w.lang_).empty()) w.tag("p", "<b>" + w.esc(w.L("key_point")) + w.L("colon") + "</b>" + w.t(st.key_point));
    if (!st.text.empty()) {
        std::vector<std::vector<std::string>> rows;
        if (!st.text.standard.empty()) rows.push_back({w.esc(w.style_name(ScriptStyle::Standard)), w.t(st.text.standard)});
        for (const auto& [style, text] : st.text.variants)
            if (style != ScriptStyle::Standard) rows.push_back({w.esc(w.style_name(style)), w.t(text)});
        w.table({w.esc(w.L("style")), w.esc(w.L("text"))}, rows);
    }
    if (st.kind == StepKind::Branch || !st.branches.empty()) {
        std::vector<std::vector<std::string>> rows;
        for (const Branch& b : st.branches) {
            std::string kw;
            for (const std::string& k : b.keywords) kw += "<span class=\"tag\">" + w.esc(k) + "</span>";
            rows.push_back({w.t(b.when), kw, step_ref(b.next)});
        }
        w.tag("p", "<b>" + w.esc(w.L("branches")) + "</b>");
        w.table({w.esc(w.L("when")), w.esc(w.L("keywords")), w.esc(w.L("goes_to"))}, rows);
    }
    if (st.kind == StepKind::Offer || st.offer.amount > 0 || !st.offer.kind.empty())
        w.tag("p", "<b>" + w.esc(w.L("offer")) + w.L("colon") + "</b>" + w.t(st.offer.kind) + " · " + w.money(st.offer.amount, st.offer.currency));
    if (!st.escalate_to.empty()) w.tag("p", "<b>" + w.esc(w.L("escalate_to")) + w.L("colon") + "</b>" + w.role(st.escalate_to));
    if (!st.next.empty()) w.tag("p", w.esc(w.L("next")) + " → " + step_ref(st.next), "muted");
    else if (st.kind == StepKind::Close) w.tag("p", w.esc(w.L("end")), "muted");
    w.raw("</li>\n");
}

void write_scenario(Writer& w, const Pack& pack, const Scenario& sc, size_t si) {
    w.raw("<section class=\"card\">\n");
    w.heading(3, Writer::anchor("scenario", si, sc.id), std::to_string(si + 1) + ". " + w.t(sc.title));
    if (!sc.industry.empty()) w.tag("p", w.esc(w.L("industry")) + w.L("colon") + w.esc(sc.industry), "muted");
    w.heading(4, "", w.esc(w.L("situation")));
    if (pick(sc.situation, w.lang_).empty()) w.tag("p", w.esc(w.L("none")), "muted");
    else w.para_if(sc.situation);
    w.section("reasons", sc.reasons);
    w.section("concerns", sc.concerns);
    w.section("typical_phrases", sc.typical_phrases);
    w.heading(4, "", w.esc(w.L("scenario_personas")));
    std::vector<std::string> personas;
    for (const std::string& id : sc.persona_ids) {
        std::string item = w.esc(id);
        for (size_t i = 0; i < pack.personas.size(); ++i)
            if (pack.personas[i].id == id) item = w.link(Writer::anchor("persona", i, id), w.t(pack.personas[i].name));
        personas.push_back(item);
    }
    w.list_escaped(personas);
    w.section("empathy", sc.empathy_lines);
    if (!sc.guardrails.empty()) {
        w.heading(4, "", w.esc(w.L("scenario_guardrails")));
        w.guardrails(sc.guardrails, 5);
    }
    w.heading(4, "", w.esc(w.L("script")));
    if (!sc.script.start.empty()) {
        std::string start = w.esc(sc.script.start);
        for (size_t j = 0; j < sc.script.steps.size(); ++j)
            if (sc.script.steps[j].id == sc.script.start)
                start = w.link(Writer::anchor(("s" + std::to_string(si + 1) + "-step").c_str(), j, sc.script.start), start);
        w.tag("p", w.esc(w.L("starts_at")) + w.L("colon") + start, "muted");
    }
    if (sc.script.steps.empty()) {
        w.tag("p", w.esc(w.L("none")), "muted");
    } else {
        w.raw("<ol>\n");
        for (size_t j = 0; j < sc.script.steps.size(); ++j) write_step(w, sc, si, sc.script.steps[j], j);
        w.raw("</ol>\n");
    }
    w.raw("</section>\n");
}

void write_persona(Writer& w, const Persona& p, size_t i) {
    w.raw("<section class=\"card\">\n");
    w.heading(3, Writer::anchor("persona", i, p.id), w.t(p.name));
    std::vector<std::vector<std::string>> rows;
    rows.push_back({w.esc(w.L("segment")), pick(p.segment, w.lang_).empty() ? w.esc(w.L("none")) : w.t(p.segment)});
    std::string born = w.esc(w.L("unknown"));
    if (p.birth_year_from > 0 || p.birth_year_to > 0)
        born = w.esc((p.birth_year_from > 0 ? std::to_string(p.birth_year_from) : std::string("?")) + "–" +
                     (p.birth_year_to > 0 ? std::to_string(p.birth_year_to) : std::string("?")));
    rows.push_back({w.esc(w.L("birth_years")), born});
    std::vector<std::string> tags, styles, dialects;
    for (const LocalizedText& t : p.tags)
        if (!pick(t, w.lang_).empty()) tags.push_back(w.t(t));
    for (ScriptStyle s : p.preferred_styles) styles.push_back(w.esc(w.style_name(s)));
    for (const LocalizedText& d : p.dialects)
        if (!pick(d, w.lang_).empty()) dialects.push_back(w.t(d));
    rows.push_back({w.esc(w.L("tags")), w.tags(tags)});
    rows.push_back({w.esc(w.L("preferred_styles")), w.tags(styles)});
    rows.push_back({w.esc(w.L("dialects")), w.tags(dialects)});
    w.table({w.esc(w.L("item")), w.esc(w.L("value"))}, rows);
    w.section("material_needs", p.material_needs);
    w.section("emotional_needs", p.emotional_needs);
    w.section("avoid", p.avoid);
    if (!pick(p.notes, w.lang_).empty()) {
        w.heading(4, "", w.esc(w.L("notes")));
        w.para_if(p.notes);
    }
    w.heading(4, "", w.esc(w.L("knowledge")));
    if (p.knowledge.empty()) w.tag("p", w.esc(w.L("none")), "muted");
    for (const KnowledgeEntry& k : p.knowledge) {
        w.tag("p", "<b>" + w.t(k.title) + "</b>");
        w.para_if(k.text);
    }
    w.heading(4, "", w.esc(w.L("compensation_policy")));
    w.para_if(p.compensation_policy.text);
    w.tag("p",
          p.compensation_policy.max_amount > 0
              ? w.esc(w.L("max_amount")) + w.L("colon") + w.money(p.compensation_policy.max_amount, p.compensation_policy.currency)
              : w.esc(w.L("no_money")),
          "muted");
    w.raw("</section>\n");
}

// ------------------------------------------------------------------ the processes page
const char* quadrant_key(Quadrant q) {
    switch (q) {
        case Quadrant::Q1_UrgentImportant: return "q1";
        case Quadrant::Q2_ImportantNotUrgent: return "q2";
        case Quadrant::Q3_UrgentNotImportant: return "q3";
        case Quadrant::Q4_Neither: return "q4";
    }
    return "q4";
}

void write_plan(Writer& w, const Pack& pack, const ContingencyPlan& plan, size_t i) {
    w.raw("<section class=\"card\">\n");
    w.heading(3, Writer::anchor("plan", i, plan.id), std::to_string(i + 1) + ". " + w.t(plan.title));
    w.heading(4, "", w.esc(w.L("trigger")));
    std::vector<std::string> scenarios, signals;
    for (const std::string& id : plan.trigger.scenario_ids) {
        std::string name = w.esc(id);
        for (const Scenario& s : pack.scenarios)
            if (s.id == id && !pick(s.title, w.lang_).empty()) name = w.t(s.title);
        scenarios.push_back(name);
    }
    for (const std::string& id : plan.trigger.signal_ids) {
        std::string name = w.esc(id);
        for (size_t k = 0; k < pack.triage_rules.signals.size(); ++k) {
            const TriageSignal& s = pack.triage_rules.signals[k];
            if (s.id == id) name = w.link(Writer::anchor("signal", k, id), pick(s.label, w.lang_).empty() ? w.esc(id) : w.t(s.label));
        }
        signals.push_back(name);
    }
    w.table({w.esc(w.L("trigger_scenarios")), w.esc(w.L("trigger_signals"))}, {{w.tags(scenarios), w.tags(signals)}});
    w.heading(4, "", w.esc(w.L("checklist")));
    std::vector<std::string> items;
    for (const ChecklistItem& c : plan.checklist)
        items.push_back(w.t(c.text) + " <span class=\"muted\">(" + w.esc(w.L("owner")) + w.L("colon") + w.role(c.owner_role) + ")</span>");
    w.list_escaped(items, true);
    w.heading(4, "", w.esc(w.L("ladder")));
    if (plan.escalation_ladder.empty()) {
        w.tag("p", w.esc(w.L("none")), "muted");
    } else {
        std::vector<std::vector<std::string>> rows;
        for (size_t k = 0; k < plan.escalation_ladder.size(); ++k) {
            const EscalationLevel& e = plan.escalation_ladder[k];
            rows.push_back({std::to_string(k + 1), w.role(e.role),
                            e.report_up_every_minutes > 0 ? w.esc(fmt(w.L("every_minutes"), w.duration(e.report_up_every_minutes)))
                                                          : w.esc(w.L("report_once"))});
        }
        w.table({w.esc(w.L("level")), w.esc(w.L("role")), w.esc(w.L("report_up"))}, rows);
    }
    w.heading(4, "", w.esc(w.L("grade_authority")));
    if (plan.grade_authority.empty()) {
        w.tag("p", w.esc(w.L("none")), "muted");
    } else {
        const std::string cur = w.currency();
        std::vector<std::vector<std::string>> rows;
        for (const GradeAuthority& g : plan.grade_authority)
            rows.push_back({w.role(g.grade_id), w.yes_no(g.may_deviate), w.money(g.compensation_limit, cur)});
        w.table({w.esc(w.L("grade")), w.esc(w.L("may_deviate")), w.esc(w.L("compensation_limit"))}, rows);
    }
    w.raw("</section>\n");
}

}  // namespace

std::string scripts_html(const Pack& pack, Lang lang, std::int64_t now_ms) {
    Writer w(pack, lang);
    const std::string name = pick(pack.meta.name, lang).empty() ? pack.meta.id : pick(pack.meta.name, lang);
    w.raw(html_page_start(name + " — " + w.L("scripts"), lang));
    w.header("scripts", "scripts_intro");

    // Contents.
    w.raw("<nav class=\"card\">\n");
    w.tag("p", "<b>" + w.esc(w.L("contents")) + "</b>");
    w.raw("<ol>\n<li>" + w.link("scenarios", w.esc(w.L("scenarios"))) + "\n<ol>\n");
    for (size_t i = 0; i < pack.scenarios.size(); ++i)
        w.raw("<li>" + w.link(Writer::anchor("scenario", i, pack.scenarios[i].id), w.t(pack.scenarios[i].title)) + "</li>\n");
    w.raw("</ol></li>\n<li>" + w.link("guardrails", w.esc(w.L("guardrails"))) + "</li>\n");
    w.raw("<li>" + w.link("personas", w.esc(w.L("personas"))) + "\n<ol>\n");
    for (size_t i = 0; i < pack.personas.size(); ++i)
        w.raw("<li>" + w.link(Writer::anchor("persona", i, pack.personas[i].id), w.t(pack.personas[i].name)) + "</li>\n");
    w.raw("</ol></li>\n</ol>\n</nav>\n");

    w.heading(2, "scenarios", w.esc(w.L("scenarios")));
    if (pack.scenarios.empty()) w.tag("p", w.esc(w.L("none")), "muted");
    for (size_t i = 0; i < pack.scenarios.size(); ++i) write_scenario(w, pack, pack.scenarios[i], i);

    w.heading(2, "guardrails", w.esc(w.L("guardrails")));
    w.guardrails(pack.guardrails, 3);

    w.heading(2, "personas", w.esc(w.L("personas")));
    if (pack.personas.empty()) w.tag("p", w.esc(w.L("none")), "muted");
    for (size_t i = 0; i < pack.personas.size(); ++i) write_persona(w, pack.personas[i], i);

    w.raw(html_page_end(w.footer(now_ms)));
    return std::move(w.out);
}

std::string processes_html(const Pack& pack, Lang lang, std::int64_t now_ms) {
    Writer w(pack, lang);
    const std::string name = pick(pack.meta.name, lang).empty() ? pack.meta.id : pick(pack.meta.name, lang);
    w.raw(html_page_start(name + " — " + w.L("processes"), lang));
    w.header("processes", "processes_intro");

    w.raw("<nav class=\"card\">\n");
    w.tag("p", "<b>" + w.esc(w.L("contents")) + "</b>");
    w.raw("<ol>\n<li>" + w.link("plans", w.esc(w.L("plans"))) + "\n<ol>\n");
    for (size_t i = 0; i < pack.plans.size(); ++i)
        w.raw("<li>" + w.link(Writer::anchor("plan", i, pack.plans[i].id), w.t(pack.plans[i].title)) + "</li>\n");
    w.raw("</ol></li>\n");
    w.raw("<li>" + w.link("grades", w.esc(w.L("grades"))) + "</li>\n");
    w.raw("<li>" + w.link("triage", w.esc(w.L("triage"))) + "\n<ol>\n<li>" + w.link("thresholds", w.esc(w.L("thresholds"))) +
          "</li>\n<li>" + w.link("targets", w.esc(w.L("targets"))) + "</li>\n<li>" + w.link("signals", w.esc(w.L("signals"))) +
          "</li>\n</ol></li>\n");
    w.raw("<li>" + w.link("roles", w.esc(w.L("roles"))) + "</li>\n</ol>\n</nav>\n");

    w.heading(2, "plans", w.esc(w.L("plans")));
    if (pack.plans.empty()) w.tag("p", w.esc(w.L("none")), "muted");
    for (size_t i = 0; i < pack.plans.size(); ++i) write_plan(w, pack, pack.plans[i], i);

    w.heading(2, "grades", w.esc(w.L("grades")));
    w.tag("p", w.esc(w.L("grades_intro")), "muted");
    if (pack.grades.empty()) {
        w.tag("p", w.esc(w.L("none")), "muted");
    } else {
        const std::string cur = w.currency();
        std::vector<std::vector<std::string>> rows;
        for (const AgentGrade& g : pack.grades)
            rows.push_back({"<b>" + (pick(g.name, lang).empty() ? w.esc(g.id) : w.t(g.name)) + "</b> <span class=\"muted\">" + w.esc(g.id) + "</span>",
                            w.yes_no(g.may_deviate_from_script), w.yes_no(g.may_skip_steps), w.money(g.compensation_limit, cur),
                            w.esc(w.L(g.sees_full_script ? "full_script" : "key_points_only"))});
        w.table({w.esc(w.L("grade")), w.esc(w.L("may_deviate_script")), w.esc(w.L("may_skip")), w.esc(w.L("compensation_limit")),
                 w.esc(w.L("sees"))},
                rows);
    }

    const TriageRules& tr = pack.triage_rules;
    w.heading(2, "triage", w.esc(w.L("triage")));
    w.tag("p", w.esc(w.L("triage_intro")), "muted");
    w.heading(3, "thresholds", w.esc(w.L("thresholds")));
    w.table({w.esc(w.L("urgency")), w.esc(w.L("importance"))},
            {{w.esc(w.number(tr.thresholds.urgency)), w.esc(w.number(tr.thresholds.importance))}});
    w.heading(3, "targets", w.esc(w.L("targets")));
    {
        std::vector<std::vector<std::string>> rows;
        for (Quadrant q : {Quadrant::Q1_UrgentImportant, Quadrant::Q2_ImportantNotUrgent, Quadrant::Q3_UrgentNotImportant,
                           Quadrant::Q4_Neither})
            rows.push_back({"<span class=\"" + std::string(quadrant_key(q)) + "\">" + w.esc(w.L(quadrant_key(q))) + "</span>",
                            w.esc(w.duration(tr.response_target_minutes.for_quadrant(q)))});
        w.table({w.esc(w.L("quadrant")), w.esc(w.L("target"))}, rows);
    }
    w.heading(3, "signals", w.esc(w.L("signals")));
    if (tr.signals.empty()) {
        w.tag("p", w.esc(w.L("none")), "muted");
    } else {
        std::vector<std::vector<std::string>> rows;
        for (size_t k = 0; k < tr.signals.size(); ++k) {
            const TriageSignal& s = tr.signals[k];
            std::string phrases;
            for (const LocalizedText& p : s.phrases)
                if (!pick(p, lang).empty()) phrases += "<span class=\"tag\">" + w.t(p) + "</span>";
            rows.push_back({"<span id=\"" + w.esc(Writer::anchor("signal", k, s.id)) + "\"><b>" +
                                (pick(s.label, lang).empty() ? w.esc(s.id) : w.t(s.label)) + "</b></span>",
                            w.esc(w.signal_kind_name(s.kind)), phrases.empty() ? w.esc(w.L("none")) : phrases,
                            w.esc(w.number(s.weight_urgency)), w.esc(w.number(s.weight_importance))});
        }
        w.table({w.esc(w.L("signal")), w.esc(w.L("kind")), w.esc(w.L("phrases")), w.esc(w.L("urgency")), w.esc(w.L("importance"))},
                rows);
    }

    w.heading(2, "roles", w.esc(w.L("roles")));
    {
        std::vector<std::vector<std::string>> rows;
        for (const AgentGrade& g : pack.grades) rows.push_back({w.esc(g.id), w.t(g.name)});
        for (const Role& r : pack.roles) rows.push_back({w.esc(r.id), w.t(r.name)});
        if (rows.empty()) w.tag("p", w.esc(w.L("none")), "muted");
        else w.table({w.esc(w.L("role_id")), w.esc(w.L("name"))}, rows);
    }

    w.raw(html_page_end(w.footer(now_ms)));
    return std::move(w.out);
}

}  // namespace cw
