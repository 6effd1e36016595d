// ui_case.cpp — one case, in its own window: what the customer said and why the quadrant,
// moving it (with a reason), the contingency plan's checklist and report-up reminders,
// graded authority and a lead's approval, quadrant-specific guidance (Q2 backlog, Q3
// deceptive-urgency cues, Q4 standard script), the timeline, and closing with a review that
// can become a plan.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

#include "app/assistant_view.h"
#include "app/platform.h"
#include "app/store.h"
#include "app/triage_view.h"
#include "app/ui.h"
#include "app/ui_theme.h"
#include "app/ui_tracking.h"

namespace cw {
namespace {

// Form fields of the open case window; reset when another case opens.
struct CaseForm {
    std::string case_id;
    int move_to = 0;
    std::string move_reason, report_text, approval_what, note, prep_title, prep_owner;
    double approval_amount = 0;
    int prep_days = 7;
    bool fcr = true, escalated = false;
    double compensation = 0;
    int satisfaction = 0;
    std::string happened, done, change;
    int plan_mode = 0;   // 0 new, 1 amend
    std::string plan_title, plan_items, plan_amend_id, message;
    // The Q3 cues, classified once per case and workspace change, not every frame.
    std::uint64_t cues_rev = ~0ull;
    std::vector<FiredSignal> cues;
    std::uint64_t match_rev = ~0ull;     // likewise the plan that would match
    std::string match_plan_id;
};
CaseForm& form() {
    static CaseForm f;
    return f;
}

std::string role_name(const Workspace& ws, const Case& c, const std::string& role) {
    const Lang lang = ws.settings.language;
    for (const Pack& p : ws.library.packs) {
        if (!c.pack_id.empty() && p.meta.id != c.pack_id) continue;
        for (const Role& r : p.roles)
            if (r.id == role) return pick(r.name, lang);
        for (const AgentGrade& g : p.grades)
            if (g.id == role) return pick(g.name, lang);
    }
    return role;
}

void show_result(const CommandResult& r) { form().message = r.ok ? std::string() : r.error; }

void plan_section(const Workspace& ws, const Case& c, std::int64_t now) {
    const Lang lang = ws.settings.language;
    const ContingencyPlan* plan = plan_of(ws, c);
    section(T("case.plan"));
    if (!plan) {
        CaseForm& f = form();
        if (f.match_rev != store().revision()) {
            const ContingencyPlan* m = matching_plan(ws, c);
            f.match_plan_id = m ? m->id : "";
            f.match_rev = store().revision();
        }
        const ContingencyPlan* match = nullptr;
        for (const Pack& p : ws.library.packs)
            for (const ContingencyPlan& pl : p.plans)
                if (!match && pl.id == f.match_plan_id && (c.pack_id.empty() || p.meta.id == c.pack_id)) match = &pl;
        if (match) {
            ImGui::TextUnformatted(pick(match->title, lang).c_str());
            ImGui::SameLine();
            if (ImGui::SmallButton(L("case.plan.start", "plan-start").c_str()))
                show_result(store().dispatch(cmd::StartPlan{c.id, match->id, c.pack_id, 0, {}}));
        } else if (effective_quadrant(c) == Quadrant::Q1_UrgentImportant) {
            ImGui::TextWrapped("%s", T("case.plan.none"));
        }
        return;
    }
    ImGui::TextColored(ImVec4(1, 0.75f, 0.6f, 1), "%s", pick(plan->title, lang).c_str());
    ui_track("case.plan");
    for (size_t i = 0; i < plan->checklist.size(); ++i) {
        const ChecklistItem& item = plan->checklist[i];
        const ChecklistTick* tick = nullptr;
        for (const auto& t : c.plan_run.ticks)
            if (t.item == static_cast<int>(i)) tick = &t;
        bool done = tick != nullptr;
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Checkbox("##tick", &done) && is_open(c))
            show_result(store().dispatch(cmd::TickChecklist{c.id, static_cast<int>(i), 0, {}}));
        if (i == 0) ui_track("case.plan.item0");
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(pick(item.text, lang).c_str());
        ImGui::PopTextWrapPos();
        ImGui::TextDisabled("    %s: %s%s%s", T("case.plan.owner"), role_name(ws, c, item.owner_role).c_str(),
                            tick ? " · ✓ " : "", tick ? (tick->done_by + " " + format_time(tick->done_at)).c_str() : "");
        ImGui::PopID();
    }
    if (!plan->escalation_ladder.empty()) {
        ImGui::TextDisabled("%s", T("case.ladder"));
        for (const ReportReminder& r : report_reminders(ws, c, now)) {
            char every[48];
            if (r.every_minutes > 0) std::snprintf(every, sizeof every, T("case.report_every"), r.every_minutes);
            else std::snprintf(every, sizeof every, "%s", T("case.report_once"));
            ImGui::BulletText("%s · %s", role_name(ws, c, r.role).c_str(), every);
            ImGui::SameLine();
            if (r.overdue) ImGui::TextColored(ImVec4(1, 0.4f, 0.35f, 1), "%s", T("case.report_overdue"));
            else ImGui::TextDisabled("%s %s", T("case.report_due"), format_time(r.next_at).c_str());
        }
        if (is_open(c)) {
            CaseForm& f = form();
            ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.7f);
            ImGui::InputTextWithHint("##report", T("case.report.hint"), &f.report_text);
            ImGui::SameLine();
            if (ImGui::Button(L("case.report.do", "report").c_str())) {
                CommandResult r = store().dispatch(cmd::ReportUp{c.id, f.report_text, 0, {}});
                show_result(r);
                if (r.ok) f.report_text.clear();
            }
            ui_track("case.report");
        }
    }
}

void authority_section(const Workspace& ws, const Case& c) {
    CaseForm& f = form();
    const std::string& grade = ws.settings.grade_id;
    const Authority a = authority_for(ws, c, grade);
    section(T("case.authority"));
    const std::string grade_key = "grade." + grade;
    ImGui::Text("%s: %s", T("case.authority.grade"), T(grade_key.c_str()));
    ImGui::BulletText("%s", T(a.may_deviate ? "case.authority.deviate" : "case.authority.no_deviate"));
    ImGui::BulletText(T("case.authority.limit"), a.compensation_limit);
    if (a.from_plan) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", T("case.authority.from_plan"));
    }
    for (size_t i = 0; i < c.approvals.size(); ++i) {
        const Approval& ap = c.approvals[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::BulletText("%s%s", ap.what.c_str(), ap.amount > 0 ? (" · " + std::to_string(static_cast<long long>(ap.amount))).c_str() : "");
        ImGui::SameLine();
        if (ap.decided) {
            ImGui::TextDisabled("%s %s", T(ap.approved ? "case.approval.approved" : "case.approval.declined"), ap.decided_by.c_str());
        } else if (grade == "lead") {
            if (ImGui::SmallButton(L("case.approval.approve", "ap-yes").c_str()))
                show_result(store().dispatch(cmd::DecideApproval{c.id, static_cast<int>(i), true, "", 0, {}}));
            ImGui::SameLine();
            if (ImGui::SmallButton(L("case.approval.decline", "ap-no").c_str()))
                show_result(store().dispatch(cmd::DecideApproval{c.id, static_cast<int>(i), false, "", 0, {}}));
        } else {
            ImGui::TextColored(ImVec4(1, 0.8f, 0.4f, 1), "%s", T("case.approval.pending"));
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("case.approval.lead_only"));
        }
        ImGui::PopID();
    }
    if (!is_open(c)) return;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
    ImGui::InputTextWithHint("##ap-what", T("case.approval.what"), &f.approval_what);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    ImGui::InputDouble(L("case.approval.amount", "ap-amount").c_str(), &f.approval_amount, 0, 0, "%.0f");
    if (f.approval_amount < 0) f.approval_amount = 0;
    const bool within = f.approval_amount <= a.compensation_limit && a.may_deviate;
    if (within && f.approval_amount > 0) ImGui::TextDisabled("%s", T("case.approval.within"));
    if (ImGui::Button(L("case.approval.request", "ap-request").c_str())) {
        CommandResult r = store().dispatch(cmd::RequestApproval{c.id, f.approval_what, f.approval_amount, 0, {}});
        show_result(r);
        if (r.ok) { f.approval_what.clear(); f.approval_amount = 0; }
    }
    ui_track("case.approval.request");
}

void quadrant_guidance(const Workspace& ws, const Case& c) {
    CaseForm& f = form();
    const Lang lang = ws.settings.language;
    const Quadrant q = effective_quadrant(c);
    if (q == Quadrant::Q3_UrgentNotImportant) {
        section(T("case.q3.title"));
        ImGui::TextWrapped("%s", T("case.q3.text"));
        if (f.cues_rev != store().revision()) {
            f.cues = classify(triage_index_for(ws, c.pack_id), c.text).fired;
            f.cues_rev = store().revision();
        }
        bool any = false;
        for (const FiredSignal& s : f.cues)
            if (s.urgency > 0) {
                if (!any) ImGui::TextDisabled("%s:", T("case.q3.cues"));
                any = true;
                ImGui::BulletText("“%s” — %s", s.matched.c_str(), pick(s.label, lang).c_str());
            }
        // The scenario's own soothing lines are the pack's guidance for this customer.
        if (Found<Scenario> sc = find_scenario(ws.library, c.scenario_id, c.pack_id))
            for (const LocalizedText& line : sc.item->empathy_lines) ImGui::BulletText("%s", pick(line, lang).c_str());
    } else if (q == Quadrant::Q2_ImportantNotUrgent && is_open(c)) {
        section(T("case.q2.title"));
        ImGui::TextWrapped("%s", T("case.q2.text"));
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
        ImGui::InputTextWithHint("##prep-title", T("case.q2.item"), &f.prep_title);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
        ImGui::InputTextWithHint("##prep-owner", T("case.q2.owner"), &f.prep_owner);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
        ImGui::InputInt(L("case.q2.days", "prep-days").c_str(), &f.prep_days);
        f.prep_days = std::max(0, std::min(f.prep_days, 3650));
        if (ImGui::Button(L("case.q2.add", "prep-add").c_str())) {
            const std::int64_t due = static_cast<std::int64_t>(platform().wall_ms()) + static_cast<std::int64_t>(f.prep_days) * 86400000;
            CommandResult r = store().dispatch(cmd::AddPrepItem{f.prep_title, f.prep_owner, c.id, due, 0, {}});
            show_result(r);
            if (r.ok) f.prep_title.clear();
        }
    } else if (q == Quadrant::Q4_Neither) {
        section(T("case.q4.title"));
        Found<Scenario> sc = find_scenario(ws.library, c.scenario_id, c.pack_id);
        if (!sc) {
            ImGui::TextDisabled("%s", T("case.q4.no_scenario"));
            return;
        }
        ImGui::TextDisabled("%s: %s", T("case.q4.script"), pick(sc.item->title, lang).c_str());
        for (const Step& s : sc.item->script.steps) {
            const std::string text = pick(s.text.standard, lang);
            if (text.empty()) continue;
            std::vector<std::string> missing;
            ImGui::BulletText("%s", fill_variables(text, c.variables, &missing).c_str());
        }
    }
}

void close_section(const Workspace& ws, const Case& c) {
    CaseForm& f = form();
    const Lang lang = ws.settings.language;
    const bool q1 = effective_quadrant(c) == Quadrant::Q1_UrgentImportant;
    if (is_open(c)) {
        section(T("case.close"));
        ImGui::Checkbox(L("case.close.fcr", "close-fcr").c_str(), &f.fcr);
        ImGui::SameLine();
        ImGui::Checkbox(L("case.close.escalated", "close-esc").c_str(), &f.escalated);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
        ImGui::InputDouble(L("case.close.compensation", "close-comp").c_str(), &f.compensation, 0, 0, "%.0f");
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
        ImGui::SliderInt(L("case.close.satisfaction", "close-sat").c_str(), &f.satisfaction, 0, 5);
        if (q1) ImGui::TextColored(ImVec4(1, 0.8f, 0.5f, 1), "%s", T("case.review.required"));
        ImGui::TextDisabled("%s", T("case.review"));
        ImGui::InputTextWithHint("##rv-1", T("case.review.happened"), &f.happened);
        ui_track("case.review.happened");
        ImGui::InputTextWithHint("##rv-2", T("case.review.done"), &f.done);
        ImGui::InputTextWithHint("##rv-3", T("case.review.change"), &f.change);
        if (ImGui::Button(L("case.close.do", "close-do").c_str())) {
            cmd::CloseCase cc;
            cc.case_id = c.id;
            cc.first_contact_resolved = f.fcr;
            cc.escalated = f.escalated;
            cc.compensation_amount = f.compensation;
            if (f.satisfaction > 0) cc.satisfaction = f.satisfaction;
            cc.what_happened = f.happened;
            cc.what_was_done = f.done;
            cc.what_should_change = f.change;
            show_result(store().dispatch(cc));
            if (f.plan_items.empty()) f.plan_items = f.change;
        }
        ui_track("case.close");
        return;
    }
    // Closed: a review can grow the plan library (PDCA).
    bool reviewed = false;
    for (const Review& r : ws.reviews)
        if (r.case_id == c.id) reviewed = true;
    if (!reviewed || ws.library.packs.empty()) return;
    section(T("case.to_plan"));
    ImGui::RadioButton(L("case.to_plan.new", "tp-new").c_str(), &f.plan_mode, 0);
    ImGui::SameLine();
    ImGui::RadioButton(L("case.to_plan.amend", "tp-amend").c_str(), &f.plan_mode, 1);
    if (f.plan_mode == 0) {
        ImGui::InputTextWithHint("##tp-title", T("case.to_plan.title"), &f.plan_title);
    } else {
        const ContingencyPlan* current = nullptr;
        std::vector<const ContingencyPlan*> plans;
        for (const Pack& p : ws.library.packs)
            if (p.meta.id == c.pack_id || c.pack_id.empty())
                for (const ContingencyPlan& pl : p.plans) {
                    plans.push_back(&pl);
                    if (pl.id == f.plan_amend_id) current = &pl;
                }
        if (ImGui::BeginCombo("##tp-plan", current ? pick(current->title, lang).c_str() : "—")) {
            for (const ContingencyPlan* pl : plans)
                if (ImGui::Selectable(pick(pl->title, lang).c_str(), pl == current)) f.plan_amend_id = pl->id;
            ImGui::EndCombo();
        }
    }
    ImGui::InputTextMultiline("##tp-items", &f.plan_items, ImVec2(-1, ImGui::GetTextLineHeight() * 4));
    ImGui::TextDisabled("%s", T("case.to_plan.items"));
    if (ImGui::Button(L("case.to_plan.do", "tp-do").c_str())) {
        cmd::PlanFromReview pr;
        pr.case_id = c.id;
        pr.plan_id = f.plan_mode == 1 ? f.plan_amend_id : "";
        pr.title = f.plan_title;
        size_t start = 0;
        while (start <= f.plan_items.size()) {
            const size_t nl = f.plan_items.find('\n', start);
            pr.checklist.push_back(f.plan_items.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
        CommandResult r = store().dispatch(pr);
        f.message = r.ok ? T("case.to_plan.done") : r.error;
    }
}

}  // namespace

void draw_case_window() {
    std::string& id = open_case_id();
    if (id.empty()) return;
    const Workspace& ws = store().ws();
    const Case* c = find_case(ws, id);
    if (!c) { id.clear(); return; }
    CaseForm& f = form();
    if (f.case_id != id) {
        f = CaseForm{};
        f.case_id = id;
        f.move_to = static_cast<int>(effective_quadrant(*c));
    }
    const Lang lang = ws.settings.language;
    const std::int64_t now = static_cast<std::int64_t>(platform().wall_ms());
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.30f, vp->WorkPos.y + 40), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x * 0.62f, vp->WorkSize.y * 0.85f), ImGuiCond_FirstUseEver);
    bool open = true;
    const std::string title = std::string(T("case.title")) + " " + c->id + "###case-window";
    if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse)) {
        ui_track("case.window");
        quadrant_chip(static_cast<int>(effective_quadrant(*c)));
        ImGui::SameLine();
        const std::string status_key = std::string("status.") + to_string(c->status);
        ImGui::Text("%s · %s %s · %s", T(status_key.c_str()), T("case.created"), format_time(c->created_at).c_str(), c->agent.c_str());
        const std::int64_t left = due_at(ws, *c) - now;
        if (is_open(*c)) {
            ImGui::SameLine();
            char when[48];
            std::snprintf(when, sizeof when, left < 0 ? T("triage.overdue") : T("triage.left"), format_duration(left).c_str());
            ImGui::TextColored(left < 0 ? ImVec4(1, 0.45f, 0.4f, 1) : ImVec4(0.7f, 0.85f, 1, 1), "%s", when);
        }
        if (!c->customer_name.empty() || !c->persona_id.empty()) {
            Found<Persona> pe = find_persona(ws.library, c->persona_id, c->pack_id);
            ImGui::TextDisabled("%s · %s · %s", c->customer_name.c_str(), T(("channel." + c->channel).c_str()),
                                pe ? pick(pe.item->name, lang).c_str() : (c->persona_id.empty() ? "" : T("case.missing_persona")));
        }
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(c->text.c_str(), c->text.c_str() + std::min<size_t>(c->text.size(), 4000));
        ImGui::PopTextWrapPos();
        if (!c->override_reason.empty()) ImGui::TextDisabled("%s: %s", T("triage.override_reason"), c->override_reason.c_str());
        if (Found<Scenario> sc = find_scenario(ws.library, c->scenario_id, c->pack_id)) {
            ImGui::TextDisabled("%s: %s", T("case.scenario"), pick(sc.item->title, lang).c_str());
            ImGui::SameLine();
            if (ImGui::SmallButton(L("assist.from_case", "case-assist").c_str()) &&
                assistant_start(sc.pack->meta.id, c->scenario_id, c->persona_id, c->id))
                ui_state().screen = Screen::Assistant;
            ui_track("case.assistant");
        }

        if (is_open(*c)) {
            // Move between quadrants, with a reason (kept for later analysis).
            ImGui::TextUnformatted(T("case.move"));
            for (int q = 0; q < 4; ++q) {
                ImGui::SameLine();
                char lbl[16];
                std::snprintf(lbl, sizeof lbl, "Q%d###move-q%d", q + 1, q);
                ImGui::RadioButton(lbl, &f.move_to, q);
            }
            if (f.move_to != static_cast<int>(effective_quadrant(*c))) {
                ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.7f);
                ImGui::InputTextWithHint("##move-reason", T("case.move_reason"), &f.move_reason);
                ImGui::SameLine();
                if (ImGui::Button(L("case.move.do", "move-do").c_str())) {
                    CommandResult r = store().dispatch(cmd::MoveCase{c->id, static_cast<Quadrant>(f.move_to), f.move_reason, 0, {}});
                    show_result(r);
                    if (r.ok) f.move_reason.clear();
                }
            }
        }
        if (!f.message.empty()) ImGui::TextColored(ImVec4(1, 0.55f, 0.45f, 1), "%s", f.message.c_str());
        c = find_case(ws, id);   // a command above may have changed it
        if (c) {
            plan_section(ws, *c, now);
            quadrant_guidance(ws, *c);
            authority_section(ws, *c);
            section(T("case.timeline"));
            for (const CaseEvent& e : c->timeline)
                ImGui::BulletText("%s  %s  %s%s%s", format_time(e.at).c_str(), e.kind.c_str(), e.text.c_str(),
                                  e.by.empty() ? "" : " · ", e.by.c_str());
            if (is_open(*c)) {
                ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.7f);
                ImGui::InputTextWithHint("##note", T("case.note.hint"), &f.note);
                ImGui::SameLine();
                if (ImGui::Button(L("case.note.add", "note-add").c_str())) {
                    CommandResult r = store().dispatch(cmd::AddCaseNote{c->id, f.note, 0, {}});
                    show_result(r);
                    if (r.ok) f.note.clear();
                }
            }
            close_section(ws, *c);
        }
    }
    ImGui::End();
    if (!open) id.clear();
}

}  // namespace cw
