// command.cpp — validation and application of workspace commands, and their JSON form.
#include "core/command.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "core/cases.h"
#include "core/command_fields.h"

#include <type_traits>
#include "core/utf8.h"

namespace cw {
namespace {


CommandResult set_text(std::string& field, const std::string& value, size_t max_bytes,
                       const char* what) {
    if (!is_valid_utf8(value)) return command_failed(std::string(what) + ": text is not valid UTF-8");
    std::string v = truncate_utf8(value, max_bytes);
    if (field == v) return command_done(false);
    field = std::move(v);
    return command_done(true);
}

bool known_grade(std::string_view g) {
    return g == "trainee" || g == "agent" || g == "senior" || g == "lead";
}

struct Applier {
    Workspace& ws;
    CommandResult operator()(const cmd::SetLanguage& c) {
        if (ws.settings.language == c.language) return command_done(false);
        ws.settings.language = c.language;
        return command_done(true);
    }
    CommandResult operator()(const cmd::SetAgentName& c) {
        return set_text(ws.settings.agent_name, c.name, kMaxNameBytes, "agent name");
    }
    CommandResult operator()(const cmd::SetCentreName& c) {
        return set_text(ws.settings.centre_name, c.name, kMaxNameBytes, "centre name");
    }
    CommandResult operator()(const cmd::SetGrade& c) {
        if (!known_grade(c.grade_id))
            return command_failed("grade: \"" + c.grade_id + "\" is not one of trainee, agent, senior, lead");
        if (ws.settings.grade_id == c.grade_id) return command_done(false);
        ws.settings.grade_id = c.grade_id;
        return command_done(true);
    }
    CommandResult operator()(const cmd::SetLargeText& c) {
        if (ws.settings.large_text == c.on) return command_done(false);
        ws.settings.large_text = c.on;
        return command_done(true);
    }
    CommandResult operator()(const cmd::SetNotes& c) {
        return set_text(ws.settings.notes, c.text, kMaxNotesBytes, "notes");
    }
    CommandResult operator()(const cmd::ImportPack& c) {
        ImportResult ir = import_pack_json(ws.library, c.json, c.mode);
        CommandResult r = ir.ok ? command_done(true) : command_failed(ir.error);
        // Errors first, then warnings; a consultant fixes from the top. Bounded: a pack with
        // thousands of findings still gives a readable list.
        for (int pass = 0; pass < 2; ++pass)
            for (const ValidationIssue& is : ir.issues)
                if (is.is_error() == (pass == 0) && r.details.size() < 200) r.details.push_back(is.describe());
        if (ir.issues.size() > r.details.size())
            r.details.push_back("… and " + std::to_string(ir.issues.size() - r.details.size()) + " more");
        return r;
    }
    CommandResult operator()(const cmd::RecordPracticeRun& c) {
        if (!(c.run.percent >= 0 && c.run.percent <= 100)) return command_failed("practice run: the score must be 0 to 100");
        if (ws.practice_runs.size() >= 100000) return command_failed("practice run: the history is full (100,000 runs); export and trim it");
        ws.practice_runs.push_back(c.run);
        return command_done(true);
    }
    CommandResult operator()(const cmd::RemovePack& c) {
        if (!remove_pack(ws.library, c.pack_id)) return command_failed("remove pack: no pack with id \"" + c.pack_id + "\"");
        return command_done(true);
    }
    // Triage-desk commands live with their domain in cases.cpp.
    template <class C>
    auto operator()(const C& c) -> decltype(apply_case(ws, c)) { return apply_case(ws, c); }
    // QA review, the PDCA board and the studio live with their domains too.
    template <class C>
    auto operator()(const C& c) -> decltype(apply_qa(ws, c)) { return apply_qa(ws, c); }
    template <class C>
    auto operator()(const C& c) -> decltype(apply_pdca(ws, c)) { return apply_pdca(ws, c); }
    template <class C>
    auto operator()(const C& c) -> decltype(apply_studio(ws, c)) { return apply_studio(ws, c); }
    CommandResult operator()(const cmd::SetUiLayout& c) {
        if (c.ini.size() > kMaxLayoutBytes) return command_failed("window layout: larger than 64 KiB");
        return set_text(ws.settings.ui_layout, c.ini, kMaxLayoutBytes, "window layout");
    }
};

// Triage-desk commands from JSON. Returns false if `type` is not one of them.
bool case_command_from_json(const std::string& type, const Value& doc, Command& out, std::string& err) {
    Fields f{doc, {}};
    if (type == "create_case") {
        cmd::CreateCase c;
        f.str("text", c.text, true); f.str("channel", c.channel); f.str("customer_name", c.customer_name);
        f.str("persona_id", c.persona_id); f.str("pack_id", c.pack_id); f.str("scenario_id", c.scenario_id);
        Quadrant q = Quadrant::Q4_Neither;
        if (f.find("quadrant")) { f.quadrant("quadrant", q, false); c.quadrant = q; }
        f.str("override_reason", c.override_reason); f.stamp_fields(c);
        out = c;
    } else if (type == "move_case") {
        cmd::MoveCase c;
        f.str("case_id", c.case_id, true); f.quadrant("quadrant", c.quadrant, true); f.str("reason", c.reason, true);
        f.stamp_fields(c);
        out = c;
    } else if (type == "set_case_status") {
        cmd::SetCaseStatus c;
        std::string s;
        f.str("case_id", c.case_id, true); f.str("status", s, true); f.stamp_fields(c);
        if (f.ok()) {
            if (auto st = case_status_from_string(s)) c.status = *st;
            else f.err = "field \"status\": \"" + s + "\" is not one of new, in_progress, escalated";
        }
        out = c;
    } else if (type == "start_plan") {
        cmd::StartPlan c;
        f.str("case_id", c.case_id, true); f.str("plan_id", c.plan_id, true); f.str("pack_id", c.pack_id); f.stamp_fields(c);
        out = c;
    } else if (type == "tick_checklist") {
        cmd::TickChecklist c;
        f.str("case_id", c.case_id, true); f.integer("item", c.item, true); f.stamp_fields(c);
        out = c;
    } else if (type == "report_up") {
        cmd::ReportUp c;
        f.str("case_id", c.case_id, true); f.str("text", c.text); f.stamp_fields(c);
        out = c;
    } else if (type == "request_approval") {
        cmd::RequestApproval c;
        f.str("case_id", c.case_id, true); f.str("what", c.what, true); f.num("amount", c.amount); f.stamp_fields(c);
        out = c;
    } else if (type == "decide_approval") {
        cmd::DecideApproval c;
        f.str("case_id", c.case_id, true); f.integer("index", c.index, true); f.boolean("approved", c.approved);
        f.str("note", c.note); f.stamp_fields(c);
        out = c;
    } else if (type == "add_case_note") {
        cmd::AddCaseNote c;
        f.str("case_id", c.case_id, true); f.str("text", c.text, true); f.stamp_fields(c);
        out = c;
    } else if (type == "close_case") {
        cmd::CloseCase c;
        f.str("case_id", c.case_id, true); f.boolean("first_contact_resolved", c.first_contact_resolved);
        f.boolean("escalated", c.escalated); f.num("compensation_amount", c.compensation_amount);
        f.opt_int("satisfaction", c.satisfaction); f.opt_int("nps", c.nps);
        f.str("what_happened", c.what_happened); f.str("what_was_done", c.what_was_done);
        f.str("what_should_change", c.what_should_change); f.stamp_fields(c);
        out = c;
    } else if (type == "plan_from_review") {
        cmd::PlanFromReview c;
        f.str("case_id", c.case_id, true); f.str("plan_id", c.plan_id); f.str("title", c.title);
        f.strings("checklist", c.checklist); f.stamp_fields(c);
        out = c;
    } else if (type == "add_prep_item") {
        cmd::AddPrepItem c;
        f.str("title", c.title, true); f.str("owner", c.owner); f.str("case_id", c.case_id); f.i64("due_at", c.due_at);
        f.stamp_fields(c);
        out = c;
    } else if (type == "set_prep_done") {
        cmd::SetPrepDone c;
        f.str("id", c.id, true); f.boolean("done", c.done); f.stamp_fields(c);
        out = c;
    } else {
        return false;
    }
    err = f.err;
    return true;
}

}  // namespace

CommandResult apply(Workspace& ws, const Command& c) { return std::visit(Applier{ws}, c); }

namespace {
template <class T, class = void> struct has_stamp : std::false_type {};
template <class T> struct has_stamp<T, std::void_t<decltype(std::declval<T&>().at), decltype(std::declval<T&>().by)>>
    : std::true_type {};
}  // namespace

void stamp(Command& c, std::int64_t now_ms, const std::string& agent) {
    std::visit([&](auto& x) {
        if constexpr (has_stamp<std::decay_t<decltype(x)>>::value) {
            if (x.at == 0) x.at = now_ms;
            if (x.by.empty()) x.by = agent;
        }
    }, c);
}

std::string command_name(const Command& c) {
    struct Namer {
        const char* operator()(const cmd::SetLanguage&) const { return "set_language"; }
        const char* operator()(const cmd::SetAgentName&) const { return "set_agent_name"; }
        const char* operator()(const cmd::SetCentreName&) const { return "set_centre_name"; }
        const char* operator()(const cmd::SetGrade&) const { return "set_grade"; }
        const char* operator()(const cmd::SetLargeText&) const { return "set_large_text"; }
        const char* operator()(const cmd::SetNotes&) const { return "set_notes"; }
        const char* operator()(const cmd::SetUiLayout&) const { return "set_ui_layout"; }
        const char* operator()(const cmd::ImportPack&) const { return "import_pack"; }
        const char* operator()(const cmd::RemovePack&) const { return "remove_pack"; }
        const char* operator()(const cmd::RecordPracticeRun&) const { return "record_practice_run"; }
        const char* operator()(const cmd::CreateCase&) const { return "create_case"; }
        const char* operator()(const cmd::MoveCase&) const { return "move_case"; }
        const char* operator()(const cmd::SetCaseStatus&) const { return "set_case_status"; }
        const char* operator()(const cmd::StartPlan&) const { return "start_plan"; }
        const char* operator()(const cmd::TickChecklist&) const { return "tick_checklist"; }
        const char* operator()(const cmd::ReportUp&) const { return "report_up"; }
        const char* operator()(const cmd::RequestApproval&) const { return "request_approval"; }
        const char* operator()(const cmd::DecideApproval&) const { return "decide_approval"; }
        const char* operator()(const cmd::AddCaseNote&) const { return "add_case_note"; }
        const char* operator()(const cmd::CloseCase&) const { return "close_case"; }
        const char* operator()(const cmd::PlanFromReview&) const { return "plan_from_review"; }
        const char* operator()(const cmd::AddPrepItem&) const { return "add_prep_item"; }
        const char* operator()(const cmd::SetPrepDone&) const { return "set_prep_done"; }
        const char* operator()(const cmd::FileQaRecord&) const { return "file_qa_record"; }
        const char* operator()(const cmd::DisputeDeduction&) const { return "dispute_deduction"; }
        const char* operator()(const cmd::DecideDispute&) const { return "decide_dispute"; }
        const char* operator()(const cmd::MarkQaItem&) const { return "mark_qa_item"; }
        const char* operator()(const cmd::AddPdcaItem&) const { return "add_pdca_item"; }
        const char* operator()(const cmd::UpdatePdcaItem&) const { return "update_pdca_item"; }
        const char* operator()(const cmd::MovePdcaItem&) const { return "move_pdca_item"; }
        const char* operator()(const cmd::LinkPdcaCase&) const { return "link_pdca_case"; }
        const char* operator()(const cmd::RemovePdcaItem&) const { return "remove_pdca_item"; }
        const char* operator()(const cmd::StudioOpenPack&) const { return "studio_open_pack"; }
        const char* operator()(const cmd::StudioNewPack&) const { return "studio_new_pack"; }
        const char* operator()(const cmd::StudioPutScenario&) const { return "studio_put_scenario"; }
        const char* operator()(const cmd::StudioRemoveScenario&) const { return "studio_remove_scenario"; }
        const char* operator()(const cmd::StudioPutPersona&) const { return "studio_put_persona"; }
        const char* operator()(const cmd::StudioRemovePersona&) const { return "studio_remove_persona"; }
        const char* operator()(const cmd::StudioPutGuardrails&) const { return "studio_put_guardrails"; }
        const char* operator()(const cmd::StudioPutMeta&) const { return "studio_put_meta"; }
        const char* operator()(const cmd::StudioUndo&) const { return "studio_undo"; }
        const char* operator()(const cmd::StudioRedo&) const { return "studio_redo"; }
        const char* operator()(const cmd::StudioPublish&) const { return "studio_publish"; }
        const char* operator()(const cmd::StudioDiscard&) const { return "studio_discard"; }
    };
    return std::visit(Namer{}, c);
}

CommandParse command_from_json(std::string_view json) {
    CommandParse r;
    if (json.size() > kMaxCommandBytes) { r.error = "command: larger than 24 MiB"; return r; }
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(json.data(),
                                                                                        json.size());
    if (doc.HasParseError()) {
        r.error = std::string("command: not valid JSON: ") +
                  rapidjson::GetParseError_En(doc.GetParseError()) + " (at byte " +
                  std::to_string(doc.GetErrorOffset()) + ")";
        return r;
    }
    if (!doc.IsObject()) { r.error = "command: must be a JSON object with a \"type\""; return r; }
    std::string type, err;
    if (!get_string(doc, "type", type, err)) { r.error = "command: " + err; return r; }
    const std::string where = "command " + type + ": ";
    bool ok = false;
    if (type == "set_language") {
        std::string lang;
        if ((ok = get_string(doc, "language", lang, err))) {
            auto l = lang_from_string(lang);
            if (!l) { ok = false; err = "language \"" + lang + "\" is not one of en, zh-CN"; }
            else r.command = cmd::SetLanguage{*l};
        }
    } else if (type == "set_agent_name") {
        cmd::SetAgentName c;
        if ((ok = get_string(doc, "name", c.name, err))) r.command = c;
    } else if (type == "set_centre_name") {
        cmd::SetCentreName c;
        if ((ok = get_string(doc, "name", c.name, err))) r.command = c;
    } else if (type == "set_grade") {
        cmd::SetGrade c;
        if ((ok = get_string(doc, "grade_id", c.grade_id, err))) r.command = c;
    } else if (type == "set_large_text") {
        cmd::SetLargeText c;
        if ((ok = get_bool(doc, "on", c.on, err))) r.command = c;
    } else if (type == "set_notes") {
        cmd::SetNotes c;
        if ((ok = get_string(doc, "text", c.text, err))) r.command = c;
    } else if (type == "import_pack") {
        cmd::ImportPack c;
        std::string mode = "add";
        auto m = doc.FindMember("mode");
        if (m != doc.MemberEnd() && m->value.IsString()) mode = m->value.GetString();
        if (mode != "add" && mode != "replace") {
            ok = false;
            err = "mode \"" + mode + "\" is not one of add, replace";
        } else if ((ok = get_string(doc, "json", c.json, err))) {
            c.mode = mode == "replace" ? ImportMode::ReplaceSameId : ImportMode::AddAlongside;
            r.command = c;
        }
    } else if (type == "remove_pack") {
        cmd::RemovePack c;
        if ((ok = get_string(doc, "pack_id", c.pack_id, err))) r.command = c;
    } else if (type == "set_ui_layout") {
        cmd::SetUiLayout c;
        if ((ok = get_string(doc, "ini", c.ini, err))) r.command = c;
    } else if (case_command_from_json(type, doc, r.command, err) ||
               qa_command_from_json(type, doc, r.command, err) ||
               pdca_command_from_json(type, doc, r.command, err) ||
               studio_command_from_json(type, doc, r.command, err)) {
        ok = err.empty();
    } else {
        r.error = "command: unknown type \"" + type + "\"";
        return r;
    }
    if (!ok) { r.error = where + err; return r; }
    r.ok = true;
    return r;
}

}  // namespace cw
