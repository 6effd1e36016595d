// ui_dashboard.cpp — the manager's dashboard (issue #7, DOMAIN.md §2 and §7): pictures drawn
// with the ImGui draw list — the quadrant mix over time as stacked bars, the 2×2 heat map,
// response-target attainment, trainee score trends as lines — and the figures beside them.
// The figures come from core/dashboard.h, computed once per workspace change or filter change.
// A finding can become an improvement item on the PDCA board; the summary report downloads.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/platform.h"
#include "app/store.h"
#include "app/ui.h"
#include "app/ui_theme.h"
#include "app/ui_tracking.h"
#include "core/dashboard.h"
#include "core/report_html.h"

namespace cw {
namespace {

enum class Range { Days7, Days30, Days90, All };

struct DashView {
    Range range = Range::Days30;
    DashboardFilter filter;
    std::uint64_t revision = ~0ull;
    DashboardFilter computed_for;
    Range computed_range = Range::All;
    DashboardFigures figures;
    double compute_ms = 0;
    std::string message;
};
DashView& dv() {
    static DashView v;
    return v;
}

bool same(const DashboardFilter& a, const DashboardFilter& b) {
    return a.channel == b.channel && a.agent == b.agent && a.persona_id == b.persona_id;
}

constexpr std::int64_t kDay = 86400000;

// The figures for the current filter; recomputed when the workspace or the filter changed.
const DashboardFigures& figures() {
    DashView& v = dv();
    const std::int64_t now = static_cast<std::int64_t>(platform().wall_ms());
    if (v.revision == store().revision() && same(v.computed_for, v.filter) && v.computed_range == v.range)
        return v.figures;
    DashboardFilter f = v.filter;
    f.now_ms = now;
    const int days = v.range == Range::Days7 ? 7 : v.range == Range::Days30 ? 30 : v.range == Range::Days90 ? 90 : 0;
    // Whole days, so the buckets line up with the calendar the manager reads.
    f.to_ms = 0;
    f.from_ms = days ? (now / kDay + 1 - days) * kDay : 0;
    const double t0 = platform().now_ms();
    v.figures = compute_dashboard(store().ws(), f, days == 7 ? 1 : 7);
    v.compute_ms = platform().now_ms() - t0;
    v.filter.from_ms = f.from_ms;
    v.filter.now_ms = f.now_ms;
    v.computed_for = v.filter;
    v.computed_range = v.range;
    v.revision = store().revision();
    return v.figures;
}

const char* quadrant_short(int q) {
    static const char* k[4] = {"q.q1.short", "q.q2.short", "q.q3.short", "q.q4.short"};
    return T(k[std::clamp(q, 0, 3)]);
}

// ------------------------------------------------------------------ charts
void headline(const char* key, const std::string& value, const char* track = nullptr) {
    ImGui::BeginGroup();
    ImGui::TextDisabled("%s", T(key));
    ImGui::SetWindowFontScale(1.6f);
    ImGui::TextUnformatted(value.c_str());
    ImGui::SetWindowFontScale(1.0f);
    ImGui::EndGroup();
    if (track) ui_track(track);
}

std::string pct(double share) {
    char b[32];
    std::snprintf(b, sizeof b, "%.0f%%", share * 100);
    return b;
}

void stacked_mix(const DashboardFigures& f, float height) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 size(w, height);
    ImGui::InvisibleButton("##mix", size);
    ui_track("dash.mix");
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + height), IM_COL32(255, 255, 255, 8), 4);
    if (f.mix.empty()) return;
    int peak = 1;
    for (const MixBucket& b : f.mix) peak = std::max(peak, b.total());
    const float axis = 18;
    const float bw = (w - 8) / static_cast<float>(f.mix.size());
    int hovered = -1;
    for (size_t i = 0; i < f.mix.size(); ++i) {
        const MixBucket& b = f.mix[i];
        float y = p.y + height - axis;
        const float x0 = p.x + 4 + bw * static_cast<float>(i) + 1, x1 = x0 + std::max(1.0f, bw - 2);
        for (int q = 0; q < 4; ++q) {
            const float h = (height - axis - 6) * static_cast<float>(b.counts[q]) / static_cast<float>(peak);
            if (h <= 0) continue;
            dl->AddRectFilled(ImVec2(x0, y - h), ImVec2(x1, y), quadrant_colour(q));
            y -= h;
        }
        if (ImGui::IsItemHovered() && ImGui::GetIO().MousePos.x >= x0 && ImGui::GetIO().MousePos.x < x1 + 2) hovered = static_cast<int>(i);
    }
    // Dates at the two ends and the middle.
    const ImU32 grey = IM_COL32(160, 170, 185, 255);
    dl->AddText(ImVec2(p.x + 4, p.y + height - axis + 2), grey, format_date(f.mix.front().start_ms).c_str());
    const std::string last = format_date(f.mix.back().start_ms);
    dl->AddText(ImVec2(p.x + w - 4 - ImGui::CalcTextSize(last.c_str()).x, p.y + height - axis + 2), grey, last.c_str());
    char peak_s[32];
    std::snprintf(peak_s, sizeof peak_s, "%d", peak);
    dl->AddText(ImVec2(p.x + 6, p.y + 4), grey, peak_s);
    if (hovered >= 0) {
        const MixBucket& b = f.mix[static_cast<size_t>(hovered)];
        ImGui::BeginTooltip();
        ImGui::Text("%s – %s", format_date(b.start_ms).c_str(), format_date(b.end_ms - 1).c_str());
        for (int q = 0; q < 4; ++q) ImGui::Text("%s: %d", quadrant_short(q), b.counts[q]);
        ImGui::EndTooltip();
    }
}

void heat_map(const DashboardFigures& f, float side) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##heat", ImVec2(side, side));
    ui_track("dash.heat");
    int peak = 1;
    for (const HeatCell& c : f.heat) peak = std::max(peak, c.cases);
    // Layout as on the home screen: Q1 top right (urgent + important), Q2 top left,
    // Q3 bottom right, Q4 bottom left.
    const int at[4][2] = {{1, 0}, {0, 0}, {1, 1}, {0, 1}};
    const float cell = side / 2 - 3;
    for (int q = 0; q < 4; ++q) {
        const ImVec2 a(p.x + at[q][0] * (cell + 6), p.y + at[q][1] * (cell + 6));
        const ImVec2 b(a.x + cell, a.y + cell);
        const float t = 0.18f + 0.82f * static_cast<float>(f.heat[q].cases) / static_cast<float>(peak);
        ImVec4 c = ImGui::ColorConvertU32ToFloat4(quadrant_colour(q));
        c.w = t;
        dl->AddRectFilled(a, b, ImGui::ColorConvertFloat4ToU32(c), 6);
        char line[96];
        std::snprintf(line, sizeof line, "%d", f.heat[q].cases);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize() * 1.6f, ImVec2(a.x + 10, a.y + 8), IM_COL32_WHITE, line);
        dl->AddText(ImVec2(a.x + 10, a.y + 8 + ImGui::GetFontSize() * 1.8f), IM_COL32_WHITE, quadrant_short(q));
        if (f.heat[q].overdue) {
            std::snprintf(line, sizeof line, "%d %s", f.heat[q].overdue, T("dash.overdue"));
            dl->AddText(ImVec2(a.x + 10, b.y - ImGui::GetFontSize() - 8), IM_COL32(255, 225, 210, 255), line);
        } else if (f.heat[q].open) {
            std::snprintf(line, sizeof line, "%d %s", f.heat[q].open, T("dash.open"));
            dl->AddText(ImVec2(a.x + 10, b.y - ImGui::GetFontSize() - 8), IM_COL32(235, 240, 250, 255), line);
        }
    }
}

// One horizontal bar with its label and value.
void hbar(const std::string& label, double value, double max, const std::string& text, ImU32 colour) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = ImGui::GetContentRegionAvail().x;
    const float label_w = std::min(260.0f, w * 0.45f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::PushClipRect(p, ImVec2(p.x + label_w - 6, p.y + h + 4), true);
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopClipRect();
    const float text_w = std::max(60.0f, ImGui::CalcTextSize(text.c_str()).x + 12);
    const float bar_w = std::max(20.0f, w - label_w - text_w);
    // The label may be clipped: the whole of it on hover.
    if (ImGui::IsMouseHoveringRect(p, ImVec2(p.x + w, p.y + h + 2))) ImGui::SetTooltip("%s", label.c_str());
    const float fill = max > 0 ? static_cast<float>(value / max) * bar_w : 0;
    dl->AddRectFilled(ImVec2(p.x + label_w, p.y + 2), ImVec2(p.x + label_w + bar_w, p.y + h), IM_COL32(255, 255, 255, 14), 3);
    dl->AddRectFilled(ImVec2(p.x + label_w, p.y + 2), ImVec2(p.x + label_w + fill, p.y + h), colour, 3);
    dl->AddText(ImVec2(p.x + label_w + bar_w + 8, p.y), IM_COL32(220, 226, 235, 255), text.c_str());
}

void trend_lines(const DashboardFigures& f, float height) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::InvisibleButton("##trend", ImVec2(w, height));
    ui_track("dash.trend");
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + height), IM_COL32(255, 255, 255, 8), 4);
    std::int64_t t0 = 0, t1 = 0;
    for (const TraineeTrend& t : f.trends)
        for (const ScorePoint& s : t.points) {
            t0 = t0 ? std::min(t0, s.at) : s.at;
            t1 = std::max(t1, s.at);
        }
    if (!t0) return;
    const ImU32 grey = IM_COL32(120, 130, 145, 120);
    for (int g = 0; g <= 4; ++g) {   // 0, 25, 50, 75, 100 %
        const float y = p.y + 6 + (height - 12) * (1 - g / 4.0f);
        dl->AddLine(ImVec2(p.x, y), ImVec2(p.x + w, y), grey);
    }
    static const ImU32 kLine[] = {IM_COL32(110, 190, 255, 255), IM_COL32(255, 170, 90, 255), IM_COL32(140, 220, 140, 255),
                                  IM_COL32(230, 120, 200, 255), IM_COL32(250, 220, 100, 255), IM_COL32(170, 150, 255, 255)};
    const double span = std::max<double>(1, static_cast<double>(t1 - t0));
    float legend_x = p.x + 8;
    for (size_t i = 0; i < f.trends.size(); ++i) {
        const TraineeTrend& t = f.trends[i];
        const ImU32 c = kLine[i % 6];
        ImVec2 prev;
        for (size_t k = 0; k < t.points.size(); ++k) {
            const float x = p.x + 8 + (w - 16) * static_cast<float>((t.points[k].at - t0) / span);
            const float y = p.y + 6 + (height - 12) * static_cast<float>(1 - std::clamp(t.points[k].percent, 0.0, 100.0) / 100);
            if (k) dl->AddLine(prev, ImVec2(x, y), c, 2);
            dl->AddCircleFilled(ImVec2(x, y), 2.5f, c);
            prev = ImVec2(x, y);
        }
        char legend[160];
        std::snprintf(legend, sizeof legend, "%s %.0f→%.0f", t.agent.c_str(), t.first_mean, t.last_mean);
        dl->AddRectFilled(ImVec2(legend_x, p.y + height - 16), ImVec2(legend_x + 10, p.y + height - 6), c);
        dl->AddText(ImVec2(legend_x + 14, p.y + height - 20), IM_COL32(220, 226, 235, 255), legend);
        legend_x += 24 + ImGui::CalcTextSize(legend).x;
    }
}

// A small button at the start of a row; the row's bar follows on the same line.
void finding_button(const std::string& id, const std::string& title, const std::string& problem) {
    if (ImGui::SmallButton((std::string(T("dash.to_pdca")) + "##" + id).c_str())) {
        cmd::AddPdcaItem a;
        a.title = title;
        a.problem = problem;
        a.source = "dashboard";
        const CommandResult r = store().dispatch(a);
        dv().message = r.ok ? std::string(T("dash.to_pdca.done")) + " " + r.id : r.error;
    }
}

void filters(const DashboardFigures& f) {
    DashView& v = dv();
    const Lang lang = store().ws().settings.language;
    const char* ranges[] = {T("dash.range.7"), T("dash.range.30"), T("dash.range.90"), T("dash.range.all")};
    int r = static_cast<int>(v.range);
    ImGui::SetNextItemWidth(170);
    if (ImGui::Combo(L("dash.range", "dash-range").c_str(), &r, ranges, 4)) v.range = static_cast<Range>(r);
    ui_track("dash.range");
    auto combo = [&](const char* key, const char* id, std::string& value, const std::vector<std::pair<std::string, std::string>>& options) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(170);
        std::string shown = T("dash.all");
        for (const auto& o : options)
            if (o.first == value) shown = o.second;
        if (ImGui::BeginCombo(L(key, id).c_str(), shown.c_str())) {
            if (ImGui::Selectable(T("dash.all"), value.empty())) value.clear();
            for (const auto& o : options)
                if (ImGui::Selectable((o.second + "##" + o.first).c_str(), o.first == value)) value = o.first;
            ImGui::EndCombo();
        }
    };
    std::vector<std::pair<std::string, std::string>> channels, agents, personas;
    for (const std::string& c : f.channels) {
        const std::string key = "channel." + c;
        const char* t = T(key.c_str());
        channels.push_back({c, t == key ? c : std::string(t)});
    }
    for (const std::string& a : f.agents) agents.push_back({a, a});
    for (const NamedId& p : f.personas) personas.push_back({p.id, pick(p.label, lang).empty() ? p.id : pick(p.label, lang)});
    combo("dash.channel", "dash-channel", v.filter.channel, channels);
    combo("dash.agent", "dash-agent", v.filter.agent, agents);
    combo("dash.persona", "dash-persona", v.filter.persona_id, personas);
}

}  // namespace

void dashboard_export_report() {
    const DashboardFigures& f = figures();
    const Workspace& ws = store().ws();
    const std::int64_t now = static_cast<std::int64_t>(platform().wall_ms());
    const std::string html = summary_report_html(ws, f, dv().filter, ws.settings.language, now);
    platform().download("callwise-report-" + report_date(now) + ".html", "text/html;charset=utf-8", html);
}

std::string dashboard_summary_json() {
    const DashboardFigures& f = figures();
    char b[512];
    std::snprintf(b, sizeof b,
                  "{\"cases\":%d,\"closed\":%d,\"fcr\":%.4f,\"escalated\":%d,\"nps\":%.2f,\"nps_count\":%d,"
                  "\"qa_records\":%d,\"hits\":%zu,\"trends\":%zu,\"buckets\":%zu,\"overdue\":%d,\"compute_ms\":%.2f}",
                  f.cases, f.closed, f.fcr_share, f.escalated, f.nps, f.nps_count, f.qa_records, f.guardrail_hits.size(),
                  f.trends.size(), f.mix.size(), f.overdue_total, dv().compute_ms);
    return b;
}

void draw_dashboard() {
    DashView& v = dv();
    const Lang lang = store().ws().settings.language;
    const DashboardFigures& f = figures();
    ImGui::SetWindowFontScale(1.25f);
    ImGui::TextUnformatted(T("dash.title"));
    ImGui::SetWindowFontScale(1.0f);
    ImGui::SameLine(0, 24);
    if (ImGui::Button(L("dash.export_report", "dash-export").c_str())) dashboard_export_report();
    ui_track("dash.export_report");
    filters(f);
    if (!v.message.empty()) ImGui::TextColored(ImVec4(0.55f, 0.78f, 1, 1), "%s", v.message.c_str());
    if (f.cases == 0 && f.qa_records == 0 && f.trends.empty()) {
        ImGui::Spacing();
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", T("dash.empty"));
        ImGui::PopTextWrapPos();
        return;
    }
    ImGui::BeginChild("##dash-body", ImVec2(0, 0), false);
    // Headline figures.
    char b[64];
    headline("dash.cases", std::to_string(f.cases), "dash.cases");
    ImGui::SameLine(0, 36);
    headline("dash.fcr", f.closed ? pct(f.fcr_share) : "–");
    ImGui::SameLine(0, 36);
    headline("dash.attain", f.attainment_all.total ? pct(f.attainment_all.share) : "–");
    ImGui::SameLine(0, 36);
    headline("dash.escalated", std::to_string(f.escalated) + " (" + pct(f.escalation_share) + ")");
    ImGui::SameLine(0, 36);
    std::snprintf(b, sizeof b, "%d · %.0f", f.compensated, f.compensation_total);
    headline("dash.compensation", b);
    ImGui::SameLine(0, 36);
    std::snprintf(b, sizeof b, "%+.0f", f.nps);
    headline("dash.nps", f.nps_count ? std::string(b) : "–");
    ImGui::SameLine(0, 36);
    std::snprintf(b, sizeof b, "%.2f / 5", f.satisfaction_mean);
    headline("dash.satisfaction", f.satisfaction_count ? std::string(b) : "–");

    const float full = ImGui::GetContentRegionAvail().x;
    const float left = std::max(300.0f, full * 0.62f);
    ImGui::BeginChild("##dash-left", ImVec2(left, 0), false, ImGuiWindowFlags_NoScrollbar);
    section(T("dash.mix"));
    for (int q = 0; q < 4; ++q) {
        if (q) ImGui::SameLine();
        quadrant_chip(q);
    }
    stacked_mix(f, 200);
    section(T("dash.attain_by_q"));
    for (int q = 0; q < 4; ++q) {
        const Attainment& a = f.attainment[q];
        std::snprintf(b, sizeof b, "%d/%d %s", a.met, a.total, a.total ? pct(a.share).c_str() : "");
        ImGui::PushID(q);
        if (a.total >= 5 && a.share < 0.8) {
            char title[200];
            std::snprintf(title, sizeof title, "%s: %s %s", quadrant_short(q), T("dash.finding.attain"), pct(a.share).c_str());
            finding_button("att" + std::to_string(q), title, title);
            ImGui::SameLine();
        }
        hbar(quadrant_short(q), a.share, 1.0, b, quadrant_colour(q));
        ImGui::PopID();
    }
    section(T("dash.trends"));
    if (f.trends.empty()) ImGui::TextDisabled("%s", T("dash.no_trends"));
    else trend_lines(f, 170);
    section(T("dash.hits"));
    if (f.guardrail_hits.empty()) ImGui::TextDisabled("%s", T("dash.no_hits"));
    const int max_hits = f.guardrail_hits.empty() ? 1 : f.guardrail_hits.front().count;
    for (size_t i = 0; i < f.guardrail_hits.size() && i < 10; ++i) {
        const GuardrailHitCount& h = f.guardrail_hits[i];
        const std::string label = pick(h.label, lang).empty() ? h.rule_id : pick(h.label, lang);
        ImGui::PushID(static_cast<int>(i));
        char title[300];
        std::snprintf(title, sizeof title, "%s “%s” (%d)", T("dash.finding.hit"), label.c_str(), h.count);
        finding_button("hit" + h.rule_id + h.pack_id, title, title);
        ImGui::SameLine();
        hbar(label, h.count, max_hits, std::to_string(h.count), IM_COL32(235, 110, 90, 255));
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##dash-right", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
    section(T("dash.heat"));
    heat_map(f, std::min(ImGui::GetContentRegionAvail().x, 300.0f));
    section(T("dash.top_scenarios"));
    const int max_sc = f.top_scenarios.empty() ? 1 : f.top_scenarios.front().count;
    for (const RankedItem& r : f.top_scenarios)
        hbar(pick(r.label, lang).empty() ? r.id : pick(r.label, lang), r.count, max_sc, std::to_string(r.count), IM_COL32(100, 160, 240, 255));
    section(T("dash.top_personas"));
    const int max_pe = f.top_personas.empty() ? 1 : f.top_personas.front().count;
    for (const RankedItem& r : f.top_personas)
        hbar(pick(r.label, lang).empty() ? r.id : pick(r.label, lang), r.count, max_pe, std::to_string(r.count), IM_COL32(150, 120, 230, 255));
    ImGui::TextDisabled("%s %.1f ms", T("dash.computed_in"), v.compute_ms);
    ImGui::EndChild();
    ImGui::EndChild();
}

}  // namespace cw
