// ui_practice.cpp — practice calls for trainees: a simulated customer (core/practice_sim.h)
// whose mood reacts and explains itself, candidate replies or free typing, the QA scorecard
// at the end with explained deductions that can be disputed (core/qa_scoring.h), and the
// trainee's progress (scores over time, weakest items, what to practise next).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>

#include "app/platform.h"
#include "app/store.h"
#include "app/ui.h"
#include "app/ui_qa.h"
#include "app/ui_theme.h"
#include "app/ui_tracking.h"
#include "app/practice_view.h"

namespace cw {

PracticeState& practice() {
    static PracticeState s;
    return s;
}

bool practice_start(const std::string& pack_id, const std::string& scenario_id, const std::string& persona_id,
                    std::uint64_t seed) {
    PracticeState& p = practice();
    const Workspace& ws = store().ws();
    const Pack* pack = find_pack(ws.library, pack_id);
    if (!pack) { p.message = "no pack \"" + pack_id + "\""; return false; }
    std::string sc = scenario_id, pe = persona_id;
    if (sc.empty()) {   // surprise me
        PracticeSetup s = surprise_me(*pack, seed);
        sc = s.scenario_id;
        pe = s.persona_id;
    }
    p.sim = std::make_unique<PracticeSim>(PracticeSim::start(*pack, sc, pe, ws.settings.grade_id, seed, ws.settings.language));
    if (!p.sim->ok()) { p.message = p.sim->error(); p.sim.reset(); return false; }
    p.pack_id = pack_id;
    p.scenario_id = sc;
    p.persona_id = pe;
    p.seed = seed;
    p.recorded = false;
    p.qa_record_id.clear();
    p.qa.reset();
    p.own.clear();
    p.message.clear();
    return true;
}

void practice_finish_if_ended() {
    PracticeState& p = practice();
    if (!p.sim || !p.sim->ended() || p.recorded) return;
    const Workspace& ws = store().ws();
    const Pack* pack = find_pack(ws.library, p.pack_id);
    if (!pack || pack->scorecards.empty()) { p.recorded = true; return; }
    p.qa = std::make_unique<QaResult>(score_call(*pack, pack->scorecards.front(), p.sim->record()));
    PracticeRun run;
    run.at = static_cast<std::int64_t>(platform().wall_ms());
    run.agent = ws.settings.agent_name;
    run.pack_id = p.pack_id;
    run.scenario_id = p.scenario_id;
    run.persona_id = p.persona_id;
    run.grade_id = ws.settings.grade_id;
    run.seed = p.seed;
    run.percent = p.qa->percent;
    run.final_mood = p.sim->mood();
    run.end = to_string(p.sim->end());
    for (const QaItemResult& it : p.qa->items)
        if (it.weight > 0 && it.status != QaStatus::Unscored && it.status != QaStatus::NotApplicable)
            run.items[it.item_id] = it.earned / it.weight;
    store().dispatch(cmd::RecordPracticeRun{run});
    // Filed for review too: disputes and reviewer marks live on the record, not on this screen.
    QaRecord rec;
    rec.at = run.at;
    rec.agent = run.agent;
    rec.call = p.sim->record();
    rec.call.agent = run.agent;
    rec.call.grade_id = run.grade_id;
    rec.result = *p.qa;
    const CommandResult filed = store().dispatch(cmd::FileQaRecord{std::move(rec), 0, {}});
    p.qa_record_id = filed.ok ? filed.id : std::string();
    p.recorded = true;
}

namespace {

void mood_bar(double mood) {
    const float f = static_cast<float>(std::clamp(mood, 0.0, 100.0) / 100.0);
    const ImVec4 col = f < 0.3f ? ImVec4(0.85f, 0.35f, 0.3f, 1) : f < 0.6f ? ImVec4(0.9f, 0.7f, 0.3f, 1) : ImVec4(0.4f, 0.8f, 0.45f, 1);
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, col);
    char label[32];
    std::snprintf(label, sizeof label, "%.0f / 100", mood);
    ImGui::ProgressBar(f, ImVec2(-1, 0), label);
    ImGui::PopStyleColor();
}

void setup_panel() {
    PracticeState& p = practice();
    const Workspace& ws = store().ws();
    const Lang lang = ws.settings.language;
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", T("practice.intro"));
    ImGui::PopTextWrapPos();
    static std::string pack_id, scenario_id, persona_id;
    if (pack_id.empty() || !find_pack(ws.library, pack_id)) pack_id = ws.library.packs.front().meta.id;
    const Pack* pack = find_pack(ws.library, pack_id);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (ImGui::BeginCombo(L("triage.pack", "pr-pack").c_str(), pick(pack->meta.name, lang).c_str())) {
        for (const Pack& pk : ws.library.packs)
            if (ImGui::Selectable(pick(pk.meta.name, lang).c_str(), &pk == pack)) { pack_id = pk.meta.id; scenario_id.clear(); persona_id.clear(); }
        ImGui::EndCombo();
    }
    const Scenario* sc = nullptr;
    for (const Scenario& s : pack->scenarios)
        if (s.id == scenario_id) sc = &s;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (ImGui::BeginCombo(L("practice.scenario", "pr-sc").c_str(), sc ? pick(sc->title, lang).c_str() : T("practice.surprise"))) {
        if (ImGui::Selectable(T("practice.surprise"), !sc)) scenario_id.clear();
        for (const Scenario& s : pack->scenarios)
            if (ImGui::Selectable(pick(s.title, lang).c_str(), &s == sc)) scenario_id = s.id;
        ImGui::EndCombo();
    }
    const Persona* pe = nullptr;
    for (const Persona& x : pack->personas)
        if (x.id == persona_id) pe = &x;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (ImGui::BeginCombo(L("assist.persona", "pr-pe").c_str(), pe ? pick(pe->name, lang).c_str() : T("practice.surprise"))) {
        if (ImGui::Selectable(T("practice.surprise"), !pe)) persona_id.clear();
        for (const Persona& x : pack->personas)
            if (ImGui::Selectable(pick(x.name, lang).c_str(), &x == pe)) persona_id = x.id;
        ImGui::EndCombo();
    }
    if (ImGui::Button(L("practice.start", "pr-start").c_str())) {
        const std::uint64_t seed = static_cast<std::uint64_t>(platform().wall_ms());
        std::string pid = persona_id;
        if (!scenario_id.empty() && pid.empty()) {   // a scenario but no persona: the seed picks one
            PracticeSetup s = surprise_me(*pack, seed);
            for (const Scenario& x : pack->scenarios)
                if (x.id == scenario_id && !x.persona_ids.empty()) pid = x.persona_ids[seed % x.persona_ids.size()];
            if (pid.empty()) pid = s.persona_id;
        }
        practice_start(pack_id, scenario_id, pid, seed);
    }
    ui_track("practice.start");
}

void call_panel() {
    PracticeState& p = practice();
    PracticeSim& sim = *p.sim;
    const Lang lang = store().ws().settings.language;
    const PracticeTurn& turn = sim.turn();
    ImGui::TextDisabled("%s", T("practice.mood"));
    mood_bar(sim.mood());
    ui_track("practice.mood");
    if (!sim.mood_log().empty()) {
        const MoodChange& m = sim.mood_log().back();
        ImGui::TextColored(m.after >= m.before ? ImVec4(0.5f, 0.85f, 0.55f, 1) : ImVec4(1, 0.55f, 0.45f, 1), "%+.0f", m.after - m.before);
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(pick(m.reason, lang).c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::BeginChild("##pr-transcript", ImVec2(0, ImGui::GetContentRegionAvail().y * 0.45f), true);
    for (const CallLine& l : sim.record().lines) {
        const bool customer = l.speaker == Speaker::Customer;
        ImGui::TextColored(customer ? ImVec4(1, 0.85f, 0.6f, 1) : ImVec4(0.75f, 0.88f, 1, 1), "%s",
                           T(customer ? "practice.customer" : "practice.you"));
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(l.text.c_str());
        ImGui::PopTextWrapPos();
    }
    if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 4) ImGui::SetScrollHereY(1.0f);
    ImGui::EndChild();
    if (sim.ended()) return;
    for (const std::string& note : turn.system_notes) ImGui::TextDisabled("%s", note.c_str());
    if (!pick(turn.key_point, lang).empty()) ImGui::TextDisabled("%s: %s", T("practice.key_point"), pick(turn.key_point, lang).c_str());
    ImGui::TextUnformatted(T("practice.choose"));
    for (size_t i = 0; i < turn.candidates.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushTextWrapPos(0);
        if (ImGui::Selectable(turn.candidates[i].c_str(), false)) sim.choose(i);
        ImGui::PopTextWrapPos();
        if (i == 0) ui_track("practice.candidate0");
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.65f);
    const bool enter = ImGui::InputTextWithHint("##pr-own", T("practice.own"), &p.own, ImGuiInputTextFlags_EnterReturnsTrue);
    ui_track("practice.own");
    ImGui::SameLine();
    if ((ImGui::Button(L("practice.send", "pr-send").c_str()) || enter) && !p.own.empty()) {
        sim.say(p.own);
        p.own.clear();
    }
    ImGui::SameLine();
    if (ImGui::Button(L("practice.approval", "pr-approval").c_str())) sim.ask_approval();
    ImGui::SameLine();
    if (ImGui::Button(L("practice.escalate", "pr-escalate").c_str())) sim.escalate();
}

void qa_panel() {
    PracticeState& p = practice();
    const Lang lang = store().ws().settings.language;
    ImGui::TextColored(ImVec4(0.55f, 0.78f, 1, 1), "%s: %s", T("practice.ended"), pick(p.sim->end_reason(), lang).c_str());
    if (!p.qa) return;
    section(T("qa.title"));
    // The filed record is the truth once it exists (a reviewer may have decided since).
    for (const QaRecord& r : store().ws().qa_records)
        if (r.id == p.qa_record_id) {
            draw_qa_result(r, false);
            ImGui::TextDisabled("%s %s", T("practice.filed"), r.id.c_str());
            if (ImGui::Button(L("practice.replay", "pr-replay").c_str())) practice_start(p.pack_id, p.scenario_id, p.persona_id, p.seed);
            ImGui::SameLine();
            if (ImGui::Button(L("practice.again", "pr-again").c_str())) p.sim.reset();
            return;
        }
    QaResult& qa = *p.qa;
    ImGui::SetWindowFontScale(1.3f);
    ImGui::Text("%s %.0f / %.0f  (%.0f%%)", T("qa.score"), qa.score, qa.max_score, qa.percent);
    ImGui::SetWindowFontScale(1.0f);
    ui_track("qa.score");
    static std::string comment;
    for (const QaItemResult& it : qa.items) {
        ImGui::PushID(it.item_id.c_str());
        const ImVec4 col = it.status == QaStatus::Pass ? ImVec4(0.5f, 0.85f, 0.55f, 1)
                         : it.status == QaStatus::Fail ? ImVec4(1, 0.5f, 0.45f, 1) : ImVec4(0.95f, 0.8f, 0.45f, 1);
        ImGui::TextColored(col, "%4.1f / %-4.0f", it.earned, it.weight);
        ImGui::SameLine();
        ImGui::TextUnformatted(pick(it.label, lang).c_str());
        if (it.needs_reviewer) { ImGui::SameLine(); ImGui::TextDisabled("(%s)", T("qa.reviewer")); }
        ImGui::Indent();
        ImGui::PushTextWrapPos(0);
        if (!pick(it.note, lang).empty()) ImGui::TextDisabled("%s", pick(it.note, lang).c_str());
        for (const Deduction& d : it.deductions) {
            ImGui::PushID(d.id.c_str());
            ImGui::TextColored(ImVec4(1, 0.6f, 0.5f, 1), "−%.1f", d.points);
            ImGui::SameLine();
            ImGui::TextUnformatted(pick(d.explanation, lang).c_str());
            bool disputed = false;
            for (const Dispute& ds : qa.disputes)
                if (ds.deduction_id == d.id) disputed = true;
            if (disputed) {
                ImGui::TextDisabled("(%s)", T("qa.disputed"));
            } else {
                ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
                ImGui::InputTextWithHint("##dispute", T("qa.dispute.hint"), &comment);
                ImGui::SameLine();
                if (ImGui::SmallButton(L("qa.dispute", "dispute").c_str()) && !comment.empty()) {
                    dispute(qa, d.id, comment, store().ws().settings.agent_name, static_cast<std::int64_t>(platform().wall_ms()));
                    comment.clear();
                }
            }
            ImGui::PopID();
        }
        ImGui::PopTextWrapPos();
        ImGui::Unindent();
        ImGui::PopID();
    }
    if (ImGui::Button(L("practice.replay", "pr-replay").c_str())) practice_start(p.pack_id, p.scenario_id, p.persona_id, p.seed);
    ImGui::SameLine();
    if (ImGui::Button(L("practice.again", "pr-again").c_str())) p.sim.reset();
}

void progress_panel() {
    const Workspace& ws = store().ws();
    const Lang lang = ws.settings.language;
    section(T("progress.title"));
    std::vector<const PracticeRun*> runs;
    for (const PracticeRun& r : ws.practice_runs)
        if (r.agent == ws.settings.agent_name) runs.push_back(&r);
    if (runs.empty()) { ImGui::TextDisabled("%s", T("progress.none")); return; }
    // Scores over time: the last 60 runs as a line.
    std::vector<float> scores;
    for (size_t i = runs.size() > 60 ? runs.size() - 60 : 0; i < runs.size(); ++i) scores.push_back(static_cast<float>(runs[i]->percent));
    ImGui::PlotLines("##scores", scores.data(), static_cast<int>(scores.size()), 0, nullptr, 0.0f, 100.0f,
                     ImVec2(-1, ImGui::GetTextLineHeight() * 4));
    ui_track("progress.chart");
    // Weakest items: the lowest average share earned.
    std::map<std::string, std::pair<double, int>> sums;
    for (const PracticeRun* r : runs)
        for (const auto& [id, share] : r->items) { sums[id].first += share; ++sums[id].second; }
    std::vector<std::pair<double, std::string>> avg;
    for (const auto& [id, s] : sums) avg.push_back({s.first / s.second, id});
    std::sort(avg.begin(), avg.end());
    ImGui::TextDisabled("%s", T("progress.weakest"));
    for (size_t i = 0; i < avg.size() && i < 3; ++i) {
        std::string label = avg[i].second;
        for (const Pack& p : ws.library.packs)
            for (const Scorecard& c : p.scorecards)
                for (const ScorecardItem& it : c.items)
                    if (it.id == avg[i].second) label = pick(it.label, lang);
        ImGui::BulletText("%s  %.0f%%", label.c_str(), avg[i].first * 100);
    }
    // Suggested next: the scenario of this pack practised least (never first).
    const Pack* pack = find_pack(ws.library, runs.back()->pack_id);
    if (pack && !pack->scenarios.empty()) {
        const Scenario* best = nullptr;
        int best_n = 1 << 30;
        for (const Scenario& s : pack->scenarios) {
            int n = 0;
            for (const PracticeRun* r : runs) n += r->scenario_id == s.id;
            if (n < best_n) { best_n = n; best = &s; }
        }
        ImGui::TextDisabled("%s:", T("progress.next"));
        ImGui::SameLine();
        ImGui::TextUnformatted(pick(best->title, lang).c_str());
    }
}

}  // namespace

void draw_practice() {
    PracticeState& p = practice();
    const Workspace& ws = store().ws();
    if (ws.library.packs.empty()) {
        ImGui::TextColored(ImVec4(1, 0.8f, 0.4f, 1), "%s", T("triage.need_pack"));
        return;
    }
    practice_finish_if_ended();
    ImGui::BeginChild("##pr-main", ImVec2(ImGui::GetContentRegionAvail().x * 0.62f, 0), false);
    if (!p.message.empty()) ImGui::TextColored(ImVec4(1, 0.6f, 0.45f, 1), "%s", p.message.c_str());
    if (!p.sim) setup_panel();
    else {
        call_panel();
        if (p.sim->ended()) qa_panel();
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##pr-side", ImVec2(0, 0), true);
    progress_panel();
    ImGui::EndChild();
}

}  // namespace cw
