// ui_qa.cpp — see ui_qa.h.
#include "app/ui_qa.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <map>
#include <string>

#include "app/store.h"
#include "app/ui.h"
#include "app/ui_theme.h"
#include "app/ui_tracking.h"

namespace cw {

int qa_open_disputes(const QaRecord& record) {
    int n = 0;
    for (const Dispute& d : record.result.disputes) n += d.status == DisputeStatus::Open;
    return n;
}

namespace {
// What is being typed per deduction / item, kept between frames (keyed by record and id).
std::map<std::string, std::string>& drafts() {
    static std::map<std::string, std::string> m;
    return m;
}
std::map<std::string, float>& marks() {
    static std::map<std::string, float> m;
    return m;
}
const ImVec4 kPass(0.5f, 0.85f, 0.55f, 1), kFail(1, 0.5f, 0.45f, 1), kPartial(0.95f, 0.8f, 0.45f, 1);

const char* dispute_status_key(DisputeStatus s) {
    switch (s) {
        case DisputeStatus::Open: return "qa.dispute.open";
        case DisputeStatus::Accepted: return "qa.dispute.accepted";
        case DisputeStatus::Rejected: return "qa.dispute.rejected";
    }
    return "qa.dispute.open";
}
}  // namespace

void draw_qa_result(const QaRecord& rec, bool reviewer) {
    const Lang lang = store().ws().settings.language;
    const QaResult& qa = rec.result;
    ImGui::PushID(rec.id.c_str());
    ImGui::SetWindowFontScale(1.3f);
    ImGui::Text("%s %.0f / %.0f  (%.0f%%)", T("qa.score"), qa.score, qa.max_score, qa.percent);
    ImGui::SetWindowFontScale(1.0f);
    ui_track("qa.score");
    if (qa.unscored > 0) {
        ImGui::SameLine();
        ImGui::TextColored(kPartial, "· %d %s", qa.unscored, T("qa.unscored_n"));
    }
    for (const QaItemResult& it : qa.items) {
        ImGui::PushID(it.item_id.c_str());
        const ImVec4 col = it.status == QaStatus::Pass ? kPass : it.status == QaStatus::Fail ? kFail : kPartial;
        if (it.status == QaStatus::Unscored) ImGui::TextColored(col, "  —  / %-4.0f", it.weight);
        else ImGui::TextColored(col, "%4.1f / %-4.0f", it.earned, it.weight);
        ImGui::SameLine();
        ImGui::TextUnformatted(pick(it.label, lang).c_str());
        if (it.needs_reviewer) { ImGui::SameLine(); ImGui::TextDisabled("(%s)", T("qa.reviewer")); }
        ImGui::Indent();
        ImGui::PushTextWrapPos(0);
        if (!pick(it.note, lang).empty()) ImGui::TextDisabled("%s", pick(it.note, lang).c_str());
        if (it.reviewer_points) ImGui::TextDisabled("%s %s: %.1f · %s", T("qa.marked_by"), it.reviewer.c_str(), *it.reviewer_points, it.reviewer_note.c_str());
        // A reviewer scores what no rule can judge.
        if (reviewer && it.needs_reviewer) {
            const std::string key = rec.id + "/" + it.item_id;
            float& pts = marks().try_emplace(key, static_cast<float>(it.reviewer_points.value_or(it.weight))).first->second;
            ImGui::SetNextItemWidth(200);
            ImGui::SliderFloat("##pts", &pts, 0.0f, static_cast<float>(it.weight), "%.1f");
            ui_track("qa.mark.points");
            ImGui::SameLine();
            std::string& note = drafts()[key + "#mark"];
            ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
            ImGui::InputTextWithHint("##mark-note", T("qa.mark.note"), &note);
            ImGui::SameLine();
            if (ImGui::SmallButton(L("qa.mark", "mark").c_str())) {
                store().dispatch(cmd::MarkQaItem{rec.id, it.item_id, pts, note, 0, {}});
                note.clear();
            }
            ui_track("qa.mark");
        }
        for (const Deduction& d : it.deductions) {
            ImGui::PushID(d.id.c_str());
            ImGui::TextColored(d.waived ? kPass : kFail, d.waived ? "(−%.1f)" : "−%.1f", d.points);
            ImGui::SameLine();
            ImGui::TextUnformatted(pick(d.explanation, lang).c_str());
            if (!d.line_text.empty()) ImGui::TextDisabled("  “%s”", d.line_text.c_str());
            int dispute_index = -1;
            for (size_t i = 0; i < qa.disputes.size(); ++i)
                if (qa.disputes[i].deduction_id == d.id) dispute_index = static_cast<int>(i);
            if (dispute_index >= 0) {
                const Dispute& ds = qa.disputes[static_cast<size_t>(dispute_index)];
                ImGui::TextColored(ds.status == DisputeStatus::Accepted ? kPass : ds.status == DisputeStatus::Rejected ? kFail : kPartial,
                                   "%s · %s: %s", T(dispute_status_key(ds.status)), ds.by.c_str(), ds.comment.c_str());
                if (ds.status != DisputeStatus::Open && !ds.reviewer.empty())
                    ImGui::TextDisabled("%s %s: %s", T("qa.decided_by"), ds.reviewer.c_str(), ds.reviewer_note.c_str());
                if (reviewer && ds.status == DisputeStatus::Open) {
                    std::string& note = drafts()[rec.id + "/" + d.id + "#decide"];
                    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.45f);
                    ImGui::InputTextWithHint("##decide-note", T("qa.decide.note"), &note);
                    ImGui::SameLine();
                    if (ImGui::SmallButton(L("qa.accept", "accept").c_str())) {
                        store().dispatch(cmd::DecideDispute{rec.id, dispute_index, true, note, 0, {}});
                        note.clear();
                    }
                    ui_track("qa.accept");
                    ImGui::SameLine();
                    if (ImGui::SmallButton(L("qa.reject", "reject").c_str())) {
                        store().dispatch(cmd::DecideDispute{rec.id, dispute_index, false, note, 0, {}});
                        note.clear();
                    }
                    ui_track("qa.reject");
                }
            }
            // Anyone may dispute a deduction that has no open or accepted dispute.
            const bool can_dispute = dispute_index < 0 || qa.disputes[static_cast<size_t>(dispute_index)].status == DisputeStatus::Rejected;
            if (can_dispute && !d.waived) {
                std::string& comment = drafts()[rec.id + "/" + d.id];
                ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
                ImGui::InputTextWithHint("##dispute", T("qa.dispute.hint"), &comment);
                ui_track("qa.dispute.comment");
                ImGui::SameLine();
                ImGui::BeginDisabled(comment.empty());
                if (ImGui::SmallButton(L("qa.dispute", "dispute").c_str())) {
                    store().dispatch(cmd::DisputeDeduction{rec.id, d.id, comment, 0, {}});
                    comment.clear();
                }
                ImGui::EndDisabled();
                ui_track("qa.dispute");
            }
            ImGui::PopID();
        }
        ImGui::PopTextWrapPos();
        ImGui::Unindent();
        ImGui::PopID();
    }
    ImGui::PopID();
}

}  // namespace cw
