// report_html_test.cpp — the consultant's summary report (issue #7): carries the figures, is
// well-formed (tags balance, one <html>, SVG charts), self-contained (no links, no script),
// escapes hostile text, and speaks both languages.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/dashboard.h"
#include "core/report_html.h"

using namespace cw;

namespace {

constexpr std::int64_t kMin = 60000;
constexpr std::int64_t kDay = 24 * 60 * kMin;
constexpr std::int64_t T0 = 1709510400000;   // 2024-03-04 00:00 UTC
const std::string kHostile = "<script>alert('x')</script>";

size_t count_of(const std::string& hay, const std::string& needle) {
    size_t n = 0;
    for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + needle.size())) ++n;
    return n;
}

// Every opened element is closed in order (void and self-closed elements aside). Returns the
// first problem, or "" when the tags balance.
std::string tag_problem(const std::string& html) {
    static const std::vector<std::string> kVoid = {"meta", "br", "hr", "img", "link", "input"};
    std::vector<std::string> open;
    size_t i = 0;
    while ((i = html.find('<', i)) != std::string::npos) {
        const size_t end = html.find('>', i);
        if (end == std::string::npos) return "unterminated tag at " + std::to_string(i);
        std::string tag = html.substr(i + 1, end - i - 1);
        i = end + 1;
        if (tag.empty()) return "empty tag";
        if (tag[0] == '!') continue;   // doctype
        const bool closing = tag[0] == '/';
        const bool self_closed = tag.back() == '/';
        std::string name = tag.substr(closing ? 1 : 0);
        name = name.substr(0, name.find_first_of(" \n/"));
        if (closing) {
            if (open.empty() || open.back() != name) return "</" + name + "> closes " + (open.empty() ? "nothing" : open.back());
            open.pop_back();
        } else if (!self_closed && std::find(kVoid.begin(), kVoid.end(), name) == kVoid.end()) {
            open.push_back(name);
        }
    }
    return open.empty() ? "" : "left open: " + open.back();
}

Workspace report_workspace() {
    Workspace ws;
    ws.settings.centre_name = kHostile + " 东区 & Co";
    Pack p;
    p.meta.id = "p1";
    p.triage_rules.response_target_minutes = {1, 240, 15, 1440};
    p.guardrails.prohibited.push_back({"pp-calm", {"你冷静一点", "Calm down"}, {}, {}});
    Scenario s;
    s.id = "s1";
    s.title = {"航班<延误>", "Flight <delayed>"};
    p.scenarios.push_back(s);
    Persona g;
    g.id = "gz";
    g.name = {"Z世代", "Generation Z"};
    p.personas.push_back(g);
    ws.library.packs.push_back(p);

    auto add = [&](std::int64_t created, Quadrant q, CaseStatus st, const char* first_kind, std::int64_t after) {
        Case c;
        c.id = "C-" + std::to_string(ws.cases.size() + 1);
        c.text = kHostile;
        c.channel = "phone";
        c.agent = "<b>Eve</b>";
        c.pack_id = "p1";
        c.persona_id = "gz";
        c.scenario_id = "s1";
        c.created_at = created;
        c.suggested_quadrant = q;
        c.status = st;
        c.timeline.push_back({created, "created", kHostile, c.agent});
        if (first_kind) c.timeline.push_back({created + after, first_kind, kHostile, c.agent});
        ws.cases.push_back(c);
        return &ws.cases.back();
    };
    Case* a = add(T0 + 3600000, Quadrant::Q1_UrgentImportant, CaseStatus::Closed, "plan_started", 30000);
    a->outcome.first_contact_resolved = true;
    a->outcome.nps = 10;
    a->outcome.satisfaction = 5;
    a->outcome.compensation_amount = 100;
    Case* b = add(T0 + kDay, Quadrant::Q2_ImportantNotUrgent, CaseStatus::Closed, "status", 10 * kMin);
    b->outcome.nps = 8;
    b->outcome.satisfaction = 3;
    b->outcome.escalated = true;
    add(T0 + 2 * kDay, Quadrant::Q3_UrgentNotImportant, CaseStatus::New, nullptr, 0);
    add(T0 + 8 * kDay, Quadrant::Q4_Neither, CaseStatus::InProgress, "note", 5 * kMin);

    QaRecord r;
    r.at = T0 + kDay;
    r.agent = "<b>Eve</b>";
    r.call.pack_id = "p1";
    r.call.persona_id = "gz";
    r.call.hits.push_back({"pp-calm", true, "冷静", 0});
    r.call.hits.push_back({"pp-calm", true, "冷静", 1});
    ws.qa_records.push_back(r);

    for (int i = 0; i < 3; ++i) {
        PracticeRun run;
        run.at = T0 + i * kDay;
        run.agent = "<b>Eve</b>";
        run.percent = 50 + 10 * i;
        ws.practice_runs.push_back(run);
    }
    PracticeRun bob;
    bob.at = T0 + 4 * kDay;
    bob.agent = "Bob";
    bob.percent = 77;
    ws.practice_runs.push_back(bob);

    PdcaItem item;
    item.id = "P-0001";
    item.title = "<script>bad()</script> Q3 callbacks";
    item.stage = PdcaStage::Check;
    item.problem = "slow callbacks";
    item.target = "< 15 min";
    item.case_ids = {"C-3"};
    ws.pdca.push_back(item);
    return ws;
}

DashboardFilter report_period() {
    DashboardFilter f;
    f.from_ms = T0;
    f.to_ms = T0 + 14 * kDay;
    f.now_ms = T0 + 10 * kDay;
    return f;
}

void check_self_contained(const std::string& html) {
    INFO(tag_problem(html));
    CHECK(tag_problem(html).empty());
    CHECK(count_of(html, "<html") == 1);
    CHECK(count_of(html, "</html>") == 1);
    CHECK(count_of(html, "<svg") == count_of(html, "</svg>"));
    CHECK(html.find("http") == std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("javascript") == std::string::npos);
    CHECK(html.find("src=") == std::string::npos);
    CHECK(html.find("href=") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
}

}  // namespace

TEST_CASE("Report: the English report carries the figures and the charts") {
    const Workspace ws = report_workspace();
    const DashboardFilter f = report_period();
    const DashboardFigures d = compute_dashboard(ws, f);
    REQUIRE(d.cases == 4);
    const std::string html = summary_report_html(ws, d, f, Lang::En, T0 + 10 * kDay + 90 * kMin);
    check_self_contained(html);
    CHECK(count_of(html, "<svg") == 4);   // mix, heat map, attainment, trends
    CHECK(html.find("lang=\"en\"") != std::string::npos);
    CHECK(html.find("Summary report") != std::string::npos);
    CHECK(html.find("2024-03-04 – 2024-03-17") != std::string::npos);   // `to` is exclusive
    CHECK(html.find("First-contact resolution") != std::string::npos);
    CHECK(html.find("<b>50.0%</b>") != std::string::npos);     // FCR 1 of 2
    CHECK(html.find("1 of 2 closed cases") != std::string::npos);
    CHECK(html.find("<b>+50.0</b>") != std::string::npos);     // NPS: a 10 and an 8
    CHECK(html.find("<b>4.00</b>") != std::string::npos);      // satisfaction
    CHECK(html.find("<b>100.00</b>") != std::string::npos);    // compensation
    CHECK(html.find("25.0% of cases") != std::string::npos);   // escalations: 1 of 4
    CHECK(html.find("Q1 Urgent and important") != std::string::npos);
    CHECK(html.find("Q4 Neither urgent nor important") != std::string::npos);
    CHECK(html.find("Calm down") != std::string::npos);
    CHECK(html.find("Calm down <span class=\"muted\">pp-calm</span></td><td>Prohibited phrase</td>"
                    "<td class=\"muted\">p1</td><td>2</td>") !=
          std::string::npos);
    CHECK(html.find("Flight &lt;delayed&gt;") != std::string::npos);
    CHECK(html.find("Generation Z") != std::string::npos);
    CHECK(html.find("Bob") != std::string::npos);
    CHECK(html.find("<polyline") != std::string::npos);         // Eve's three runs
    CHECK(html.find("slow callbacks") != std::string::npos);
    CHECK(html.find(">Check<") != std::string::npos);
    CHECK(html.find("&lt; 15 min") != std::string::npos);
    CHECK(html.find("Exported by Callwise on 2024-03-14 01:30 UTC") != std::string::npos);
    // Heat map: each quadrant's count; the open Q3 and Q4 cases are overdue.
    CHECK(count_of(html, "class=\"heat-count\"") == 4);
    CHECK(count_of(html, "Overdue 1<") == 2);   // Q3 and Q4
    CHECK(html.find("Overdue 2") != std::string::npos);   // the headline
    CHECK(html.find("100.0% (1 of 1 within target)") != std::string::npos);   // Q1 and Q2 met
}

TEST_CASE("Report: hostile text from people is escaped everywhere") {
    const Workspace ws = report_workspace();
    DashboardFilter f = report_period();
    f.agent = "<b>Eve</b>";
    f.channel = "<i>x</i>";
    const std::string html = summary_report_html(ws, compute_dashboard(ws, f), f, Lang::En, T0);
    check_self_contained(html);
    CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; 东区 &amp; Co") != std::string::npos);
    CHECK(html.find("&lt;script&gt;bad()&lt;/script&gt; Q3 callbacks") != std::string::npos);
    CHECK(html.find("&lt;b&gt;Eve&lt;/b&gt;") != std::string::npos);
    CHECK(html.find("&lt;i&gt;x&lt;/i&gt;") != std::string::npos);
    CHECK(html.find("<b>Eve</b>") == std::string::npos);
    CHECK(html.find("<i>") == std::string::npos);
}

TEST_CASE("Report: the Chinese report uses the centre's terms") {
    const Workspace ws = report_workspace();
    DashboardFilter f = report_period();
    f.persona_id = "gz";
    const std::string html = summary_report_html(ws, compute_dashboard(ws, f), f, Lang::Zh, T0 + 10 * kDay);
    check_self_contained(html);
    CHECK(html.find("lang=\"zh-CN\"") != std::string::npos);
    for (const char* term : {"总结报告", "四象限", "重要且紧急", "重要不紧急", "紧急不重要", "不紧急不重要", "首次解决率", "升级",
                             "补偿", "满意度", "净推荐值", "禁忌语", "质检", "你冷静一点", "航班&lt;延误&gt;", "Z世代", "检查",
                             "关联工单", "改进项", "已超时", "已结工单 2 件中 1 件", "由 Callwise 导出于 2024-03-14 00:00（UTC）"}) {
        INFO(term);
        CHECK(html.find(term) != std::string::npos);
    }
    CHECK(html.find("First-contact resolution") == std::string::npos);
    CHECK(html.find("Summary report") == std::string::npos);
    CHECK(html.find("客户画像: Z世代") != std::string::npos);   // the filter, by its name
}

TEST_CASE("Report: an empty workspace gives a complete report with nothing to show") {
    const Workspace ws;
    for (Lang lang : {Lang::En, Lang::Zh}) {
        const std::string html = summary_report_html(ws, compute_dashboard(ws, {}), {}, lang, 0);
        check_self_contained(html);
        CHECK(html.find(lang == Lang::En ? "None recorded in this period." : "本期无记录。") != std::string::npos);
        CHECK(html.find(lang == Lang::En ? "all records" : "全部记录") != std::string::npos);
        CHECK(count_of(html, "<svg") == 2);   // the heat map and attainment bars, at zero
    }
}

TEST_CASE("Report: the period names open ends by the cases in them") {
    const Workspace ws = report_workspace();
    DashboardFilter f;
    f.now_ms = T0 + 10 * kDay;
    std::string html = summary_report_html(ws, compute_dashboard(ws, f), f, Lang::En, T0);
    CHECK(html.find("2024-03-04 – 2024-03-12") != std::string::npos);   // first and last case
    f.from_ms = T0 + 20 * kDay;   // nothing after it
    html = summary_report_html(ws, compute_dashboard(ws, f), f, Lang::En, T0);
    CHECK(html.find("2024-03-24 –  <span") != std::string::npos);   // open-ended
    CHECK(html.find("1970") == std::string::npos);
}

TEST_CASE("Report: dates are UTC calendar days") {
    CHECK(report_date(0) == "1970-01-01");
    CHECK(report_date(-1) == "1969-12-31");
    CHECK(report_date(T0) == "2024-03-04");
    CHECK(report_date(T0 - 1) == "2024-03-03");
    CHECK(report_date(1709164800000) == "2024-02-29");
    CHECK(report_date(951782400000) == "2000-02-29");
}
