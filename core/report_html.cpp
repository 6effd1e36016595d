// report_html.cpp — see report_html.h.
// The charts are plain SVG shapes with <title> tooltips: they print, open offline and need no
// script. Every text from people or packs goes through html_escape (or esc() below).
#include "core/report_html.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "core/html_doc.h"
#include "core/library.h"

namespace cw {

namespace {

// ------------------------------------------------------------------ the report's own words
enum S {
    sTitle, sCentre, sPeriod, sAllRecords, sUtcNote, sFilter, sChannel, sAgent, sPersona, sExported,
    sHeadline, sCases, sFcr, sOfClosed, sEscalations, sOfCases, sCompensation, sCompCount, sNps, sNpsDetail,
    sSatisfaction, sSatDetail, sAttainment, sAttainmentAll, sOverdue, sOpen, sNotRecorded,
    sMix, sMixNote, sHeat, sHeatNote, sUrgent, sNotUrgent, sImportant, sNotImportant,
    sQ1, sQ2, sQ3, sQ4, sMetOf, sPending, sNoTarget,
    sTrends, sTrendsNote, sRuns, sFirst5, sLast5, sChange,
    sGuardrails, sRule, sKind, sProhibited, sNeverDisclose, sCount, sQaCalls,
    sTopScenarios, sTopPersonas, sScenario, sPack,
    sQuadrant, sAllQuadrants, sItem, sPdca, sStage, sProblem, sTarget, sLinkedCases, sPlan, sDo, sCheck, sAct,
    sNone, sCount_
};

struct Words { const char* en; const char* zh; };
constexpr Words kWords[] = {
    {"Summary report", "总结报告"},
    {"Centre", "呼叫中心"},
    {"Period", "统计周期"},
    {"all records", "全部记录"},
    {"Dates are in UTC.", "日期为 UTC 时间。"},
    {"Filter", "筛选"},
    {"Channel", "渠道"},
    {"Agent", "坐席"},
    {"Persona", "客户画像"},
    {"Exported by Callwise on %s UTC", "由 Callwise 导出于 %s（UTC）"},
    {"Headline figures", "关键指标"},
    {"Cases", "工单数"},
    {"First-contact resolution", "首次解决率"},
    {"%d of %d closed cases", "已结工单 %2$d 件中 %1$d 件"},
    {"Escalations", "升级"},
    {"%.1f%% of cases", "占工单 %.1f%%"},
    {"Compensation given", "补偿"},
    {"%d cases", "%d 件工单"},
    {"NPS", "净推荐值"},
    {"%d answers: %d promoters, %d detractors", "%d 份回答：推荐者 %d，贬损者 %d"},
    {"Satisfaction", "满意度"},
    {"mean of %d ratings (1-5)", "%d 个评分的平均值（1-5）"},
    {"Response-target attainment per quadrant", "各象限响应时限达成率"},
    {"Within response target", "响应时限达成率"},
    {"Overdue", "已超时"},
    {"Open", "未结"},
    {"not recorded", "无记录"},
    {"Four-quadrant mix over time", "四象限分布趋势"},
    {"Cases per period of %d days, by quadrant.", "每 %d 天的工单数，按象限分列。"},
    {"Four-quadrant heat map", "四象限热力图"},
    {"Cases in the period per quadrant; open and overdue cases as of the export.",
     "本期各象限工单数；未结与已超时工单以导出时为准。"},
    {"Urgent", "紧急"},
    {"Not urgent", "不紧急"},
    {"Important", "重要"},
    {"Not important", "不重要"},
    {"Q1 Urgent and important", "第一象限 重要且紧急"},
    {"Q2 Important, not urgent", "第二象限 重要不紧急"},
    {"Q3 Urgent, not important", "第三象限 紧急不重要"},
    {"Q4 Neither urgent nor important", "第四象限 不紧急不重要"},
    {"%d of %d within target", "%2$d 件中 %1$d 件在时限内"},
    {"%d awaiting a first response", "%d 件待首次响应"},
    {"no response target", "无响应时限"},
    {"Trainee score trends (practice QA)", "新人陪练质检得分趋势"},
    {"QA score (0-100) of practice calls in time order; many runs are averaged in groups, and the chart shows the %d trainees with the most runs.",
     "陪练通话的质检得分（0-100），按时间排列；次数多时按组取平均，图中显示练习次数最多的 %d 位新人。"},
    {"Runs", "次数"},
    {"Mean of first 5", "前 5 次平均"},
    {"Mean of last 5", "最近 5 次平均"},
    {"Change", "变化"},
    {"Guardrail hits by phrase", "禁忌语与保密信息触发次数"},
    {"Rule", "规则"},
    {"Kind", "类型"},
    {"Prohibited phrase", "禁忌语"},
    {"Never disclose", "禁止透露信息"},
    {"Count", "次数"},
    {"%d QA-scored calls in the period.", "本期质检通话 %d 通。"},
    {"Top scenarios", "高频场景"},
    {"Top personas", "主要客户画像"},
    {"Scenario", "场景"},
    {"Pack", "内容包"},
    {"Quadrant", "象限"},
    {"All quadrants", "全部象限"},
    {"Item", "改进项"},
    {"Improvement cycles (PDCA)", "持续改进（PDCA）"},
    {"Stage", "阶段"},
    {"Problem", "问题"},
    {"Target", "目标"},
    {"Linked cases", "关联工单"},
    {"Plan", "计划"},
    {"Do", "执行"},
    {"Check", "检查"},
    {"Act", "处理"},
    {"None recorded in this period.", "本期无记录。"},
};
static_assert(sizeof(kWords) / sizeof(kWords[0]) == sCount_, "one entry per word");

struct Writer {
    Lang lang;
    std::string out;

    const char* w(S s) const { return lang == Lang::Zh ? kWords[s].zh : kWords[s].en; }
    void raw(std::string_view s) { out += s; }
    void text(std::string_view s) { out += html_escape(s); }
    void word(S s) { out += html_escape(w(s)); }
    // printf with the table's format (positional arguments allowed: word order differs by language).
    template <class... A> std::string fmt(S s, A... args) const {
        char buf[512];
        std::snprintf(buf, sizeof buf, w(s), args...);
        return buf;
    }
    const std::string& pick_text(const LocalizedText& t) const { return pick(t, lang); }
};

const char* const kQuadColour[4] = {"#b42318", "#175cd3", "#b54708", "#667085"};
const char* const kLineColour[8] = {"#175cd3", "#b42318", "#027a48", "#b54708", "#6941c6", "#0e7090", "#c11574", "#475467"};

std::string num(double v, int decimals = 1) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}
std::string pct(double share) { return num(share * 100.0) + "%"; }

// Civil date from days since 1970-01-01 (H. Hinnant's algorithm): no clock, no time zone.
void civil(std::int64_t days, int& y, unsigned& m, unsigned& d) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::string date_time(std::int64_t ms) {
    const std::int64_t days = floor_div(ms, 86400000);
    const std::int64_t in_day = ms - days * 86400000;
    int y; unsigned m, d;
    civil(days, y, m, d);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d", y, m, d, static_cast<int>(in_day / 3600000),
                  static_cast<int>(in_day / 60000 % 60));
    return buf;
}

std::string short_date(std::int64_t ms) { return report_date(ms).substr(5); }   // "MM-DD"

S quad_word(int q) { return static_cast<S>(sQ1 + q); }

// A y-axis top that reads well: 1, 2, 5 × 10^k at or above `v`.
double nice_max(double v) {
    if (v <= 1) return 1;
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * p >= v) return m * p;
    return 10 * p;
}

void figure(Writer& wr, S label, const std::string& value, const std::string& detail) {
    wr.raw("<div class=\"figure\"><span class=\"muted\">");
    wr.word(label);
    wr.raw("</span><b>");
    wr.text(value);
    wr.raw("</b><span class=\"muted\">");
    wr.text(detail);
    wr.raw("</span></div>\n");
}

void none(Writer& wr) {
    wr.raw("<p class=\"muted\">");
    wr.word(sNone);
    wr.raw("</p>\n");
}

void legend_quadrants(Writer& wr) {
    wr.raw("<p>");
    for (int q = 0; q < 4; ++q) {
        wr.raw("<span class=\"tag\"><span style=\"color:");
        wr.raw(kQuadColour[q]);
        wr.raw("\">&#9632;</span> ");
        wr.word(quad_word(q));
        wr.raw("</span>");
    }
    wr.raw("</p>\n");
}

// ------------------------------------------------------------------ charts
void mix_chart(Writer& wr, const DashboardFigures& f) {
    wr.raw("<h2>");
    wr.word(sMix);
    wr.raw("</h2>\n<p class=\"muted\">");
    wr.text(wr.fmt(sMixNote, f.bucket_days));
    wr.raw("</p>\n");
    if (f.mix.empty() || f.cases == 0) return none(wr);
    const int W = 720, H = 260, L = 44, R = 8, T = 10, B = 34;
    const double pw = W - L - R, ph = H - T - B;
    int top = 0;
    for (const MixBucket& b : f.mix) top = std::max(top, b.total());
    const double ymax = nice_max(top);
    const size_t n = f.mix.size();
    const double bw = pw / static_cast<double>(n);
    wr.raw("<svg class=\"chart mix\" viewBox=\"0 0 " + std::to_string(W) + " " + std::to_string(H) +
           "\" width=\"" + std::to_string(W) + "\" height=\"" + std::to_string(H) + "\" role=\"img\">\n");
    // Axis and grid.
    for (int i = 0; i <= 4; ++i) {
        const double y = T + ph - ph * i / 4.0;
        wr.raw("<line x1=\"" + num(L) + "\" x2=\"" + num(W - R) + "\" y1=\"" + num(y) + "\" y2=\"" + num(y) +
               "\" stroke=\"#dde3ee\"/>");
        wr.raw("<text x=\"" + num(L - 6) + "\" y=\"" + num(y + 4) + "\" text-anchor=\"end\" font-size=\"11\">" +
               num(ymax * i / 4.0, ymax >= 4 ? 0 : 1) + "</text>\n");
    }
    const size_t label_every = (n + 7) / 8;
    for (size_t i = 0; i < n; ++i) {
        const MixBucket& b = f.mix[i];
        const double x = L + bw * static_cast<double>(i) + bw * 0.1;
        double y = T + ph;
        for (int q = 0; q < 4; ++q) {
            if (b.counts[q] == 0) continue;
            const double h = ph * b.counts[q] / ymax;
            y -= h;
            wr.raw("<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(bw * 0.8) + "\" height=\"" +
                   num(h) + "\" fill=\"" + kQuadColour[q] + "\"><title>");
            wr.text(report_date(b.start_ms) + " · " + wr.w(quad_word(q)) + ": " + std::to_string(b.counts[q]));
            wr.raw("</title></rect>\n");
        }
        if (i % label_every == 0)
            wr.raw("<text x=\"" + num(L + bw * (static_cast<double>(i) + 0.5)) + "\" y=\"" + num(H - B + 16) +
                   "\" text-anchor=\"middle\" font-size=\"11\">" + short_date(b.start_ms) + "</text>\n");
    }
    wr.raw("</svg>\n");
    legend_quadrants(wr);
}

void heat_map(Writer& wr, const DashboardFigures& f) {
    wr.raw("<h2>");
    wr.word(sHeat);
    wr.raw("</h2>\n<p class=\"muted\">");
    wr.word(sHeatNote);
    wr.raw("</p>\n");
    // Layout as the triage board: columns urgent | not urgent, rows important | not important.
    const int W = 520, H = 340, L = 90, T = 30, cellw = 210, cellh = 150;
    const int col[4] = {0, 1, 0, 1}, row[4] = {0, 0, 1, 1};
    int top = 1;
    for (const HeatCell& c : f.heat) top = std::max(top, c.cases);
    wr.raw("<svg class=\"chart heat\" viewBox=\"0 0 " + std::to_string(W) + " " + std::to_string(H) + "\" width=\"" +
           std::to_string(W) + "\" height=\"" + std::to_string(H) + "\" role=\"img\">\n");
    wr.raw("<text x=\"" + std::to_string(L + cellw / 2) + "\" y=\"20\" text-anchor=\"middle\" font-size=\"13\">");
    wr.word(sUrgent);
    wr.raw("</text><text x=\"" + std::to_string(L + cellw + cellw / 2) + "\" y=\"20\" text-anchor=\"middle\" font-size=\"13\">");
    wr.word(sNotUrgent);
    wr.raw("</text>\n<text x=\"" + std::to_string(L - 8) + "\" y=\"" + std::to_string(T + cellh / 2) +
           "\" text-anchor=\"end\" font-size=\"13\">");
    wr.word(sImportant);
    wr.raw("</text><text x=\"" + std::to_string(L - 8) + "\" y=\"" + std::to_string(T + cellh + cellh / 2) +
           "\" text-anchor=\"end\" font-size=\"13\">");
    wr.word(sNotImportant);
    wr.raw("</text>\n");
    for (int q = 0; q < 4; ++q) {
        const HeatCell& c = f.heat[q];
        const int x = L + col[q] * cellw, y = T + row[q] * cellh;
        const double heat = static_cast<double>(c.cases) / top;   // 0..1: white to the quadrant colour
        wr.raw("<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" + std::to_string(cellw - 4) +
               "\" height=\"" + std::to_string(cellh - 4) + "\" rx=\"6\" fill=\"" + kQuadColour[q] + "\" fill-opacity=\"" +
               num(0.08 + 0.37 * heat, 2) + "\" stroke=\"" + kQuadColour[q] + "\"><title>");
        wr.word(quad_word(q));
        wr.raw("</title></rect>\n");
        wr.raw("<text x=\"" + std::to_string(x + 10) + "\" y=\"" + std::to_string(y + 22) + "\" font-size=\"13\">");
        wr.word(quad_word(q));
        wr.raw("</text>\n<text class=\"heat-count\" x=\"" + std::to_string(x + 10) + "\" y=\"" + std::to_string(y + 70) +
               "\" font-size=\"36\" font-weight=\"bold\">" + std::to_string(c.cases) + "</text>\n");
        wr.raw("<text x=\"" + std::to_string(x + 10) + "\" y=\"" + std::to_string(y + 100) + "\" font-size=\"12\">");
        wr.text(std::string(wr.w(sOpen)) + " " + std::to_string(c.open));
        wr.raw("</text>\n<text x=\"" + std::to_string(x + 10) + "\" y=\"" + std::to_string(y + 120) +
               "\" font-size=\"12\"" + (c.overdue > 0 ? " fill=\"#b42318\" font-weight=\"bold\"" : "") + ">");
        wr.text(std::string(wr.w(sOverdue)) + " " + std::to_string(c.overdue));
        wr.raw("</text>\n");
    }
    wr.raw("</svg>\n");
}

void attainment_chart(Writer& wr, const DashboardFigures& f) {
    wr.raw("<h2>");
    wr.word(sAttainment);
    wr.raw("</h2>\n");
    const int W = 720, L = 250, R = 150, rowh = 34, H = 4 * rowh + 10;
    const double pw = W - L - R;
    wr.raw("<svg class=\"chart attainment\" viewBox=\"0 0 " + std::to_string(W) + " " + std::to_string(H) +
           "\" width=\"" + std::to_string(W) + "\" height=\"" + std::to_string(H) + "\" role=\"img\">\n");
    for (int q = 0; q < 4; ++q) {
        const Attainment& a = f.attainment[q];
        const int y = 5 + q * rowh;
        wr.raw("<text x=\"" + std::to_string(L - 8) + "\" y=\"" + std::to_string(y + 19) +
               "\" text-anchor=\"end\" font-size=\"12\">");
        wr.word(quad_word(q));
        wr.raw("</text>\n<rect x=\"" + std::to_string(L) + "\" y=\"" + std::to_string(y + 4) + "\" width=\"" + num(pw) +
               "\" height=\"22\" fill=\"#f3f6fb\"/>");
        if (a.total > 0)
            wr.raw("<rect x=\"" + std::to_string(L) + "\" y=\"" + std::to_string(y + 4) + "\" width=\"" +
                   num(pw * a.share) + "\" height=\"22\" fill=\"" + kQuadColour[q] + "\"/>");
        wr.raw("\n<text x=\"" + num(L + pw + 8) + "\" y=\"" + std::to_string(y + 19) + "\" font-size=\"12\">");
        wr.text(a.total > 0 ? pct(a.share) : std::string("–"));
        wr.raw("</text>\n");
    }
    wr.raw("</svg>\n<table>\n<tr><th>");
    wr.word(sQuadrant);
    wr.raw("</th><th>");
    wr.word(sAttainmentAll);
    wr.raw("</th><th></th></tr>\n");
    for (int q = 0; q < 5; ++q) {
        const Attainment& a = q < 4 ? f.attainment[q] : f.attainment_all;
        wr.raw("<tr><td>");
        if (q < 4) wr.word(quad_word(q));
        else wr.word(sAllQuadrants);
        wr.raw("</td><td>");
        wr.text(a.total > 0 ? pct(a.share) + " (" + wr.fmt(sMetOf, a.met, a.total) + ")" : std::string(wr.w(sNoTarget)));
        wr.raw("</td><td class=\"muted\">");
        if (a.pending > 0) wr.text(wr.fmt(sPending, a.pending));
        wr.raw("</td></tr>\n");
    }
    wr.raw("</table>\n");
}

// At most `max` points: means of consecutive runs (time and score), so a long history keeps its shape.
std::vector<ScorePoint> grouped(const std::vector<ScorePoint>& pts, size_t max) {
    if (pts.size() <= max) return pts;
    std::vector<ScorePoint> out;
    out.reserve(max);
    for (size_t g = 0; g < max; ++g) {
        const size_t from = pts.size() * g / max, to = pts.size() * (g + 1) / max;
        double at = 0, pc = 0;
        for (size_t i = from; i < to; ++i) at += static_cast<double>(pts[i].at - pts[from].at), pc += pts[i].percent;
        const double n = static_cast<double>(to - from);
        out.push_back({pts[from].at + static_cast<std::int64_t>(at / n), pc / n});
    }
    return out;
}

void trend_chart(Writer& wr, const DashboardFigures& f) {
    constexpr size_t kMaxLines = 8, kMaxPoints = 40;
    wr.raw("<h2>");
    wr.word(sTrends);
    wr.raw("</h2>\n<p class=\"muted\">");
    wr.text(wr.fmt(sTrendsNote, kMaxLines));
    wr.raw("</p>\n");
    if (f.trends.empty()) return none(wr);
    // The chart stays readable: the trainees with the most runs, each line at most kMaxPoints
    // (means of consecutive runs); the table below lists everyone exactly.
    std::vector<size_t> charted(f.trends.size());
    for (size_t i = 0; i < charted.size(); ++i) charted[i] = i;
    std::stable_sort(charted.begin(), charted.end(), [&](size_t a, size_t b) {
        return f.trends[a].points.size() > f.trends[b].points.size();
    });
    if (charted.size() > kMaxLines) charted.resize(kMaxLines);
    std::sort(charted.begin(), charted.end());
    std::int64_t t0 = 0, t1 = 0;
    bool first = true;
    for (size_t ti : charted)
        for (const ScorePoint& p : f.trends[ti].points) {
            if (first || p.at < t0) t0 = p.at;
            if (first || p.at > t1) t1 = p.at;
            first = false;
        }
    const int W = 720, H = 260, L = 44, R = 12, T = 10, B = 34;
    const double pw = W - L - R, ph = H - T - B;
    const double span = t1 > t0 ? static_cast<double>(t1 - t0) : 1.0;
    auto px = [&](std::int64_t at) { return t1 > t0 ? L + pw * static_cast<double>(at - t0) / span : L + pw / 2; };
    auto py = [&](double percent) { return T + ph - ph * std::clamp(percent, 0.0, 100.0) / 100.0; };
    wr.raw("<svg class=\"chart trends\" viewBox=\"0 0 " + std::to_string(W) + " " + std::to_string(H) + "\" width=\"" +
           std::to_string(W) + "\" height=\"" + std::to_string(H) + "\" role=\"img\">\n");
    for (int i = 0; i <= 4; ++i) {
        const double y = py(25.0 * i);
        wr.raw("<line x1=\"" + num(L) + "\" x2=\"" + num(W - R) + "\" y1=\"" + num(y) + "\" y2=\"" + num(y) +
               "\" stroke=\"#dde3ee\"/><text x=\"" + num(L - 6) + "\" y=\"" + num(y + 4) +
               "\" text-anchor=\"end\" font-size=\"11\">" + std::to_string(25 * i) + "</text>\n");
    }
    wr.raw("<text x=\"" + num(L) + "\" y=\"" + num(H - B + 16) + "\" font-size=\"11\">" + report_date(t0) + "</text>");
    if (t1 > t0)
        wr.raw("<text x=\"" + num(W - R) + "\" y=\"" + num(H - B + 16) + "\" text-anchor=\"end\" font-size=\"11\">" +
               report_date(t1) + "</text>");
    wr.raw("\n");
    std::vector<const char*> colour_of(f.trends.size(), nullptr);
    for (size_t li = 0; li < charted.size(); ++li) {
        const TraineeTrend& t = f.trends[charted[li]];
        const char* colour = colour_of[charted[li]] = kLineColour[li % 8];
        const std::vector<ScorePoint> line = grouped(t.points, kMaxPoints);
        std::string pts;
        for (const ScorePoint& p : line) pts += num(px(p.at)) + "," + num(py(p.percent)) + " ";
        if (line.size() > 1)
            wr.raw("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"" + std::string(colour) + "\" points=\"" + pts +
                   "\"><title>" + html_escape(t.agent) + "</title></polyline>\n");
        for (const ScorePoint& p : line)
            wr.raw("<circle cx=\"" + num(px(p.at)) + "\" cy=\"" + num(py(p.percent)) + "\" r=\"3\" fill=\"" + colour +
                   "\"><title>" + html_escape(t.agent + " · " + report_date(p.at) + " · " + num(p.percent)) +
                   "</title></circle>\n");
    }
    wr.raw("</svg>\n<table>\n<tr><th>");
    wr.word(sAgent);
    wr.raw("</th><th>");
    wr.word(sRuns);
    wr.raw("</th><th>");
    wr.word(sFirst5);
    wr.raw("</th><th>");
    wr.word(sLast5);
    wr.raw("</th><th>");
    wr.word(sChange);
    wr.raw("</th></tr>\n");
    for (size_t i = 0; i < f.trends.size(); ++i) {
        const TraineeTrend& t = f.trends[i];
        const double change = t.last_mean - t.first_mean;
        wr.raw("<tr><td>");
        if (colour_of[i]) wr.raw("<span style=\"color:" + std::string(colour_of[i]) + "\">&#9632;</span> ");
        wr.text(t.agent);
        wr.raw("</td><td>" + std::to_string(t.points.size()) + "</td><td>" + num(t.first_mean) + "</td><td>" +
               num(t.last_mean) + "</td><td>" + (change > 0 ? "+" : "") + num(change) + "</td></tr>\n");
    }
    wr.raw("</table>\n");
}

// ------------------------------------------------------------------ tables
void guardrail_table(Writer& wr, const DashboardFigures& f) {
    wr.raw("<h2>");
    wr.word(sGuardrails);
    wr.raw("</h2>\n<p class=\"muted\">");
    wr.text(wr.fmt(sQaCalls, f.qa_records));
    wr.raw("</p>\n");
    if (f.guardrail_hits.empty()) return none(wr);
    wr.raw("<table>\n<tr><th>");
    wr.word(sRule);
    wr.raw("</th><th>");
    wr.word(sKind);
    wr.raw("</th><th>");
    wr.word(sPack);
    wr.raw("</th><th>");
    wr.word(sCount);
    wr.raw("</th></tr>\n");
    for (const GuardrailHitCount& g : f.guardrail_hits) {
        wr.raw("<tr><td>");
        if (!g.label.empty()) {
            wr.text(wr.pick_text(g.label));
            wr.raw(" <span class=\"muted\">");
            wr.text(g.rule_id);
            wr.raw("</span>");
        } else {
            wr.text(g.rule_id);
        }
        wr.raw("</td><td>");
        wr.word(g.prohibited ? sProhibited : sNeverDisclose);
        wr.raw("</td><td class=\"muted\">");
        wr.text(g.pack_id);
        wr.raw("</td><td>" + std::to_string(g.count) + "</td></tr>\n");
    }
    wr.raw("</table>\n");
}

void ranked_table(Writer& wr, S title, S first_col, const std::vector<RankedItem>& items) {
    wr.raw("<h2>");
    wr.word(title);
    wr.raw("</h2>\n");
    if (items.empty()) return none(wr);
    wr.raw("<table>\n<tr><th>");
    wr.word(first_col);
    wr.raw("</th><th>");
    wr.word(sPack);
    wr.raw("</th><th>");
    wr.word(sCases);
    wr.raw("</th></tr>\n");
    for (const RankedItem& r : items) {
        wr.raw("<tr><td>");
        wr.text(r.label.empty() ? r.id : wr.pick_text(r.label));
        wr.raw("</td><td class=\"muted\">");
        wr.text(r.pack_id);
        wr.raw("</td><td>" + std::to_string(r.count) + "</td></tr>\n");
    }
    wr.raw("</table>\n");
}

void pdca_table(Writer& wr, const Workspace& ws) {
    wr.raw("<h2>");
    wr.word(sPdca);
    wr.raw("</h2>\n");
    if (ws.pdca.empty()) return none(wr);
    wr.raw("<table>\n<tr><th>");
    wr.word(sItem);
    wr.raw("</th><th>");
    wr.word(sStage);
    wr.raw("</th><th>");
    wr.word(sProblem);
    wr.raw("</th><th>");
    wr.word(sTarget);
    wr.raw("</th><th>");
    wr.word(sLinkedCases);
    wr.raw("</th></tr>\n");
    for (const PdcaItem& p : ws.pdca) {
        wr.raw("<tr><td>");
        wr.text(p.title.empty() ? p.id : p.title);
        wr.raw("</td><td class=\"pdca-" + std::string(to_string(p.stage)) + "\">");
        wr.word(static_cast<S>(sPlan + static_cast<int>(p.stage)));
        wr.raw("</td><td>");
        wr.text(p.problem);
        wr.raw("</td><td>");
        wr.text(p.target);
        wr.raw("</td><td>" + std::to_string(p.case_ids.size()) + "</td></tr>\n");
    }
    wr.raw("</table>\n");
}

}  // namespace

std::string report_date(std::int64_t unix_ms) { return date_time(unix_ms).substr(0, 10); }

std::string summary_report_html(const Workspace& ws, const DashboardFigures& f, const DashboardFilter& filter,
                                Lang lang, std::int64_t now_ms) {
    Writer wr{lang, {}};
    wr.out.reserve(64 * 1024);
    const std::string& centre = ws.settings.centre_name;
    wr.raw(html_page_start(centre.empty() ? std::string(wr.w(sTitle)) : centre + " · " + wr.w(sTitle), lang));

    // Title, centre, period, filter.
    wr.raw("<h1>");
    wr.word(sTitle);
    wr.raw("</h1>\n");
    if (!centre.empty()) {
        wr.raw("<p class=\"centre\"><b>");
        wr.word(sCentre);
        wr.raw(":</b> ");
        wr.text(centre);
        wr.raw("</p>\n");
    }
    {
        // An open end shows the first / last case in it; `to` is exclusive, so its day is the one before.
        const bool has_from = filter.from_ms != 0 || f.cases > 0, has_to = filter.to_ms != 0 || f.cases > 0;
        const std::int64_t from = filter.from_ms != 0 ? filter.from_ms : f.first_case_ms;
        const std::int64_t to = filter.to_ms != 0 ? filter.to_ms - 1 : f.last_case_ms;
        wr.raw("<p class=\"period\"><b>");
        wr.word(sPeriod);
        wr.raw(":</b> ");
        if (!has_from && !has_to) wr.word(sAllRecords);
        else wr.text((has_from ? report_date(from) : std::string()) + " – " + (has_to ? report_date(to) : std::string()));
        wr.raw(" <span class=\"muted\">");
        wr.word(sUtcNote);
        wr.raw("</span></p>\n");
    }
    if (!filter.channel.empty() || !filter.agent.empty() || !filter.persona_id.empty()) {
        wr.raw("<p class=\"filter\"><b>");
        wr.word(sFilter);
        wr.raw(":</b> ");
        auto tag = [&](S label, const std::string& value) {
            if (value.empty()) return;
            wr.raw("<span class=\"tag\">");
            wr.word(label);
            wr.raw(": ");
            wr.text(value);
            wr.raw("</span>");
        };
        std::string persona = filter.persona_id;
        for (const NamedId& p : f.personas)
            if (p.id == filter.persona_id && !p.label.empty()) persona = pick(p.label, lang);
        tag(sChannel, filter.channel);
        tag(sAgent, filter.agent);
        tag(sPersona, persona);
        wr.raw("</p>\n");
    }

    // Headline figures.
    wr.raw("<h2>");
    wr.word(sHeadline);
    wr.raw("</h2>\n<div class=\"figures\">\n");
    const std::string dash = "–";
    figure(wr, sCases, std::to_string(f.cases), std::string(wr.w(sOverdue)) + " " + std::to_string(f.overdue_total));
    figure(wr, sFcr, f.closed > 0 ? pct(f.fcr_share) : dash,
           f.closed > 0 ? wr.fmt(sOfClosed, f.first_contact_resolved, f.closed) : wr.w(sNotRecorded));
    figure(wr, sEscalations, std::to_string(f.escalated), wr.fmt(sOfCases, f.escalation_share * 100.0));
    figure(wr, sCompensation, num(f.compensation_total, 2), wr.fmt(sCompCount, f.compensated));
    figure(wr, sNps, f.nps_count > 0 ? (f.nps > 0 ? "+" : "") + num(f.nps) : dash,
           f.nps_count > 0 ? wr.fmt(sNpsDetail, f.nps_count, f.promoters, f.detractors) : wr.w(sNotRecorded));
    figure(wr, sSatisfaction, f.satisfaction_count > 0 ? num(f.satisfaction_mean, 2) : dash,
           f.satisfaction_count > 0 ? wr.fmt(sSatDetail, f.satisfaction_count) : wr.w(sNotRecorded));
    figure(wr, sAttainmentAll, f.attainment_all.total > 0 ? pct(f.attainment_all.share) : dash,
           f.attainment_all.total > 0 ? wr.fmt(sMetOf, f.attainment_all.met, f.attainment_all.total)
                                      : wr.w(sNoTarget));
    wr.raw("</div>\n");

    mix_chart(wr, f);
    heat_map(wr, f);
    attainment_chart(wr, f);
    trend_chart(wr, f);
    guardrail_table(wr, f);
    ranked_table(wr, sTopScenarios, sScenario, f.top_scenarios);
    ranked_table(wr, sTopPersonas, sPersona, f.top_personas);
    pdca_table(wr, ws);

    wr.raw(html_page_end(wr.fmt(sExported, date_time(now_ms).c_str())));
    return std::move(wr.out);
}

}  // namespace cw
