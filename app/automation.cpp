// automation.cpp — see automation.h.
#include "app/automation.h"

#include <imgui.h>
#include <imgui_internal.h>   // ImTextCharFromUtf8
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cstdio>

#include "app/demo_mode.h"
#include "app/fonts.h"
#include "app/assistant_view.h"
#include "app/pack_actions.h"
#include "app/practice_view.h"
#include "app/triage_view.h"
#include "core/cases.h"
#include "app/platform.h"
#include "app/store.h"
#include "app/text_queue.h"
#include "app/ui.h"
#include "app/ui_tracking.h"
#include "core/command.h"
#include "core/i18n.h"

namespace cw {

FrameStats& frame_stats() {
    static FrameStats s;
    return s;
}

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

std::string result_json(bool ok, bool changed, const std::string& error,
                        const std::vector<std::string>& details = {}, const std::string& id = {}) {
    rapidjson::StringBuffer sb;
    Writer w(sb);
    w.StartObject();
    w.Key("ok"); w.Bool(ok);
    w.Key("changed"); w.Bool(changed);
    if (!ok) { w.Key("error"); w.String(error.c_str()); }
    if (!id.empty()) { w.Key("id"); w.String(id.c_str()); }
    if (!details.empty()) {
        w.Key("details");
        w.StartArray();
        for (const auto& d : details) w.String(d.c_str());
        w.EndArray();
    }
    w.EndObject();
    return sb.GetString();
}

const char* storage_kind_name(StorageKind k) {
    switch (k) {
        case StorageKind::IndexedDb: return "indexeddb";
        case StorageKind::Memory: return "memory";
        case StorageKind::ReadOnly: return "read_only";
        case StorageKind::Disk: return "disk";
    }
    return "unknown";
}

std::string query_settings() {
    const Settings& s = store().ws().settings;
    rapidjson::StringBuffer sb;
    Writer w(sb);
    w.StartObject();
    w.Key("language"); w.String(to_string(s.language));
    w.Key("agent_name"); w.String(s.agent_name.c_str());
    w.Key("centre_name"); w.String(s.centre_name.c_str());
    w.Key("grade_id"); w.String(s.grade_id.c_str());
    w.Key("large_text"); w.Bool(s.large_text);
    w.Key("notes"); w.String(s.notes.c_str(), static_cast<rapidjson::SizeType>(s.notes.size()));
    w.EndObject();
    return sb.GetString();
}

std::string query_storage() {
    Store& s = store();
    rapidjson::StringBuffer sb;
    Writer w(sb);
    w.StartObject();
    w.Key("kind"); w.String(storage_kind_name(platform().storage_kind()));
    w.Key("detail"); w.String(platform().storage_detail().c_str());
    w.Key("state"); w.String(to_string(s.save_state()));
    w.Key("error"); w.String(s.save_error().c_str());
    w.Key("saved_generation"); w.Uint64(s.saved_generation());
    w.Key("revision"); w.Uint64(s.revision());
    w.Key("recovered_from_save"); w.Bool(s.recovery_from_save());
    w.Key("load_ms"); w.Double(s.load_ms());
    w.Key("problems");
    w.StartArray();
    for (const auto& p : s.recovery_problems()) {
        w.StartObject();
        w.Key("slot"); w.Int(p.slot);
        w.Key("reason"); w.String(p.reason.c_str());
        w.Key("bytes"); w.Uint64(p.bytes.size());
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return sb.GetString();
}

std::string query_ui() {
    const ImGuiIO& io = ImGui::GetIO();
    const FontInfo& f = font_info();
    rapidjson::StringBuffer sb;
    Writer w(sb);
    w.StartObject();
    w.Key("screen"); w.String(to_string(ui_state().screen));
    w.Key("frames"); w.Uint64(frame_stats().frames);
    w.Key("drawn_frames"); w.Uint64(frame_stats().drawn);
    w.Key("last_frame_cpu_ms"); w.Double(frame_stats().last_frame_cpu_ms);
    w.Key("want_text_input"); w.Bool(io.WantTextInput);
    w.Key("text_events"); w.Uint64(delivered_text_events());
    w.Key("display"); w.StartArray(); w.Double(io.DisplaySize.x); w.Double(io.DisplaySize.y); w.EndArray();
    w.Key("framebuffer_scale"); w.Double(io.DisplayFramebufferScale.x);
    w.Key("font"); w.StartObject();
    w.Key("dpr"); w.Double(f.dpr);
    w.Key("base_px"); w.Double(f.base_px);
    w.Key("raster_px"); w.Double(f.raster_px);
    w.Key("atlas_w"); w.Int(f.atlas_w);
    w.Key("atlas_h"); w.Int(f.atlas_h);
    w.Key("glyphs"); w.Int(f.glyphs);
    w.Key("cjk"); w.Bool(f.cjk);
    w.Key("error"); w.String(f.error.c_str());
    w.EndObject();
    const std::string widgets = ui_tracked_json();
    w.Key("widgets"); w.RawValue(widgets.c_str(), widgets.size(), rapidjson::kObjectType);
    w.EndObject();
    return sb.GetString();
}

std::string query_packs() {
    rapidjson::StringBuffer sb;
    Writer w(sb);
    w.StartObject();
    w.Key("packs");
    w.StartArray();
    for (const Pack& p : store().ws().library.packs) {
        w.StartObject();
        w.Key("id"); w.String(p.meta.id.c_str());
        w.Key("name_en"); w.String(p.meta.name.en.c_str());
        w.Key("name_zh"); w.String(p.meta.name.zh.c_str());
        w.Key("industry"); w.String(p.meta.industry.c_str());
        w.Key("version"); w.String(p.meta.version.c_str());
        w.Key("scenarios"); w.Uint64(p.scenarios.size());
        w.Key("personas"); w.Uint64(p.personas.size());
        w.Key("plans"); w.Uint64(p.plans.size());
        w.EndObject();
    }
    w.EndArray();
    const PackActionOutcome& o = pack_outcome();
    w.Key("last_outcome");
    w.StartObject();
    w.Key("shown"); w.Bool(o.shown);
    w.Key("ok"); w.Bool(o.ok);
    w.Key("title"); w.String(o.title.c_str());
    w.Key("details"); w.StartArray();
    for (const auto& d : o.details) w.String(d.c_str());
    w.EndArray();
    w.EndObject();
    w.Key("pending_replace"); w.Bool(pack_pending_replace().active);
    w.Key("builtin"); w.StartArray();
    for (const auto& f : builtin_pack_files()) w.String(f.c_str());
    w.EndArray();
    w.EndObject();
    return sb.GetString();
}

void write_fired(Writer& w, const std::vector<FiredSignal>& fired) {
    w.StartArray();
    for (const FiredSignal& f : fired) {
        w.StartObject();
        w.Key("id"); w.String(f.signal_id.c_str());
        w.Key("label"); w.String(f.label.en.c_str());
        w.Key("matched"); w.String(f.matched.c_str());
        w.Key("urgency"); w.Double(f.urgency);
        w.Key("importance"); w.Double(f.importance);
        w.EndObject();
    }
    w.EndArray();
}

// The board as the screen shows it: per quadrant, open count and the ordered case ids.
std::string query_board() {
    const Board& b = current_board();
    const Workspace& ws = store().ws();
    rapidjson::StringBuffer sb;
    Writer w(sb);
    w.StartObject();
    static const char* kNames[4] = {"q1", "q2", "q3", "q4"};
    for (int q = 0; q < 4; ++q) {
        w.Key(kNames[q]);
        w.StartObject();
        w.Key("open"); w.Int(b.counts[q]);
        w.Key("ids"); w.StartArray();
        for (size_t i = 0; i < b.queues[q].size() && i < 200; ++i) w.String(ws.cases[static_cast<size_t>(b.queues[q][i])].id.c_str());
        w.EndArray();
        w.EndObject();
    }
    w.Key("open_case"); w.String(open_case_id().c_str());
    w.Key("backlog"); w.Uint64(ws.backlog.size());
    w.EndObject();
    return sb.GetString();
}

// One case with what the desk derives from it (plan, reminders, authority, explanation).
std::string query_case(const std::string& id) {
    const Workspace& ws = store().ws();
    const Case* c = find_case(ws, id);
    if (!c) return result_json(false, false, "query case: no case with id \"" + id + "\"");
    const std::int64_t now = static_cast<std::int64_t>(platform().wall_ms());
    rapidjson::StringBuffer sb;
    Writer w(sb);
    w.StartObject();
    w.Key("id"); w.String(c->id.c_str());
    w.Key("quadrant"); w.String(to_string(effective_quadrant(*c)));
    w.Key("suggested"); w.String(to_string(c->suggested_quadrant));
    w.Key("status"); w.String(to_string(c->status));
    w.Key("override_reason"); w.String(c->override_reason.c_str());
    w.Key("due_in_ms"); w.Int64(due_at(ws, *c) - now);
    w.Key("plan"); w.String(c->plan_run.plan_id.c_str());
    w.Key("ticks"); w.Uint64(c->plan_run.ticks.size());
    w.Key("reminders"); w.StartArray();
    for (const ReportReminder& r : report_reminders(ws, *c, now)) {
        w.StartObject();
        w.Key("role"); w.String(r.role.c_str());
        w.Key("overdue"); w.Bool(r.overdue);
        w.Key("next_at"); w.Int64(r.next_at);
        w.EndObject();
    }
    w.EndArray();
    const Authority a = authority_for(ws, *c, ws.settings.grade_id);
    w.Key("authority"); w.StartObject();
    w.Key("may_deviate"); w.Bool(a.may_deviate);
    w.Key("compensation_limit"); w.Double(a.compensation_limit);
    w.Key("from_plan"); w.Bool(a.from_plan);
    w.EndObject();
    w.Key("approvals"); w.StartArray();
    for (const Approval& ap : c->approvals) {
        w.StartObject();
        w.Key("what"); w.String(ap.what.c_str());
        w.Key("decided"); w.Bool(ap.decided);
        w.Key("approved"); w.Bool(ap.approved);
        w.Key("decided_by"); w.String(ap.decided_by.c_str());
        w.EndObject();
    }
    w.EndArray();
    w.Key("timeline"); w.StartArray();
    for (const CaseEvent& e : c->timeline) {
        w.StartObject();
        w.Key("kind"); w.String(e.kind.c_str());
        w.Key("text"); w.String(e.text.c_str());
        w.Key("by"); w.String(e.by.c_str());
        w.EndObject();
    }
    w.EndArray();
    w.Key("fired");
    write_fired(w, classify(triage_index_for(ws, c->pack_id), c->text).fired);
    w.EndObject();
    return sb.GetString();
}

// The intake panel's live suggestion (what the agent sees while typing).
std::string query_intake() {
    intake_refresh();
    const IntakeState& in = intake();
    rapidjson::StringBuffer sb;
    Writer w(sb);
    w.StartObject();
    w.Key("text"); w.String(in.text.c_str());
    w.Key("quadrant"); w.String(to_string(in.result.quadrant));
    w.Key("urgency"); w.Double(in.result.urgency);
    w.Key("importance"); w.Double(in.result.importance);
    w.Key("fired"); write_fired(w, in.result.fired);
    w.Key("scenarios"); w.StartArray();
    for (const ScenarioMatch& m : in.scenarios) w.String(m.scenario->id.c_str());
    w.EndArray();
    w.Key("last_logged"); w.String(in.last_logged.c_str());
    w.Key("error"); w.String(in.error.c_str());
    w.EndObject();
    return sb.GetString();
}

// CPU time per drawn frame over the last frames: median and 95th percentile.
std::string query_frames() {
    const FrameStats& s = frame_stats();
    std::vector<double> v(s.cpu_ms, s.cpu_ms + s.ring_count);
    std::sort(v.begin(), v.end());
    auto at = [&](double q) { return v.empty() ? 0.0 : v[std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size())))]; };
    char buf[160];
    std::snprintf(buf, sizeof buf, "{\"count\":%d,\"median_ms\":%.3f,\"p95_ms\":%.3f,\"max_ms\":%.3f,\"pending\":%d}",
                  s.ring_count, at(0.5), at(0.95), v.empty() ? 0.0 : v.back(), s.force_frames);
    return buf;
}

// The practice call as the trainee sees it, and the QA result when it has ended.
std::string query_practice() {
    PracticeState& p = practice();
    const Lang lang = store().ws().settings.language;
    rapidjson::StringBuffer sb;
    Writer w(sb);
    w.StartObject();
    w.Key("running"); w.Bool(p.sim && !p.sim->ended());
    w.Key("ended"); w.Bool(p.sim && p.sim->ended());
    w.Key("runs"); w.Uint64(store().ws().practice_runs.size());
    if (p.sim) {
        w.Key("scenario"); w.String(p.scenario_id.c_str());
        w.Key("persona"); w.String(p.persona_id.c_str());
        w.Key("mood"); w.Double(p.sim->mood());
        w.Key("customer_line"); w.String(p.sim->turn().customer_line.c_str());
        w.Key("candidates"); w.StartArray();
        for (size_t i = 0; i < p.sim->turn().candidates.size(); ++i) {
            w.StartObject();
            w.Key("text"); w.String(p.sim->turn().candidates[i].c_str());
            w.Key("kind"); w.String(to_string(p.sim->candidate(i).kind));
            w.EndObject();
        }
        w.EndArray();
        w.Key("mood_log"); w.StartArray();
        for (const MoodChange& m : p.sim->mood_log()) {
            w.StartObject();
            w.Key("rule"); w.String(to_string(m.rule));
            w.Key("delta"); w.Double(m.after - m.before);
            w.Key("reason"); w.String(pick(m.reason, lang).c_str());
            w.EndObject();
        }
        w.EndArray();
        w.Key("end"); w.String(to_string(p.sim->end()));
    }
    if (p.qa) {
        w.Key("qa"); w.StartObject();
        w.Key("percent"); w.Double(p.qa->percent);
        w.Key("deductions"); w.StartArray();
        for (const QaItemResult& it : p.qa->items)
            for (const Deduction& d : it.deductions) {
                w.StartObject();
                w.Key("item"); w.String(it.item_id.c_str());
                w.Key("rule"); w.String(d.rule.c_str());
                w.Key("line"); w.Int(d.line);
                w.Key("explanation"); w.String(pick(d.explanation, lang).c_str());
                w.EndObject();
            }
        w.EndArray();
        w.EndObject();
    }
    w.EndObject();
    return sb.GetString();
}

// The call assistant as the agent sees it.
std::string query_assistant() {
    AssistantState& a = assistant();
    assistant_search_refresh();
    assistant_check_reply();
    const Lang lang = store().ws().settings.language;
    rapidjson::StringBuffer sb;
    Writer w(sb);
    w.StartObject();
    w.Key("query"); w.String(a.query.c_str());
    w.Key("results"); w.StartArray();
    for (const ScenarioSearchResult& r : a.results) w.String(r.scenario->id.c_str());
    w.EndArray();
    w.Key("started"); w.Bool(a.started);
    w.Key("scenario"); w.String(a.scenario_id.c_str());
    w.Key("persona"); w.String(a.persona_id.c_str());
    w.Key("state"); w.String(to_string(a.session.state()));
    if (a.started) {
        const StepView v = a.session.current();
        w.Key("step"); w.String(v.step_id.c_str());
        w.Key("kind"); w.String(to_string(v.kind));
        w.Key("style"); w.String(to_string(v.style));
        w.Key("full_text"); w.Bool(v.full_text);
        w.Key("text"); w.String(pick(v.text, lang).c_str());
        w.Key("key_point"); w.String(pick(v.key_point, lang).c_str());
        w.Key("awaiting_reply"); w.Bool(v.awaiting_reply);
        w.Key("needs_approval"); w.Bool(v.needs_approval);
        w.Key("missing"); w.StartArray();
        for (const auto& m : v.missing_variables) w.String(m.c_str());
        w.EndArray();
        w.Key("next"); w.Uint64(v.next.size());
        w.Key("proposed_empathy"); w.Int(a.session.proposed_empathy());
    }
    w.Key("reply_clean"); w.Bool(a.report.clean());
    w.Key("hits"); w.StartArray();
    for (const GuardrailMatch& m : a.report.hits) {
        w.StartObject();
        w.Key("rule"); w.String(m.rule_id.c_str());
        w.Key("kind"); w.String(to_string(m.kind));
        w.Key("matched"); w.String(m.matched.c_str());
        w.Key("instead"); w.String(pick(m.instead, lang).c_str());
        w.EndObject();
    }
    w.EndArray();
    w.Key("lines"); w.Uint64(a.session.record().lines.size());
    w.Key("warnings"); w.StartArray();
    for (const SessionWarning& sw : a.session.warnings()) w.String(sw.code.c_str());
    w.EndArray();
    w.Key("message"); w.String(a.message.c_str());
    w.Key("ended"); w.String(a.ended_as.c_str());
    if (a.qa) { w.Key("qa_percent"); w.Double(a.qa->percent); }
    w.EndObject();
    return sb.GetString();
}

// View commands: they change what is shown, not the workspace.
std::string dispatch_ui(const rapidjson::Document& doc, const std::string& type) {
    if (type == "ui.navigate") {
        auto it = doc.FindMember("screen");
        Screen sc;
        if (it == doc.MemberEnd() || !it->value.IsString() || !screen_from_string(it->value.GetString(), sc))
            return result_json(false, false, "command ui.navigate: \"screen\" must be one of home, triage, assistant, practice, review, dashboard, improve, studio, packs, settings");
        const bool changed = ui_state().screen != sc;
        ui_state().screen = sc;
        return result_json(true, changed, "");
    }
    if (type == "ui.redraw") {   // draw N frames even when idle (frame-time benchmarks)
        auto n = doc.FindMember("frames");
        frame_stats().force_frames = (n != doc.MemberEnd() && n->value.IsInt()) ? std::max(0, std::min(n->value.GetInt(), 10000)) : 60;
        frame_stats().ring_count = 0;
        frame_stats().ring_next = 0;
        return result_json(true, false, "");
    }
    if (type == "ui.demo_enter") {   // the consultant demo, in its own workspace
        auto reset = doc.FindMember("reset");
        const std::string err = demo_enter(reset != doc.MemberEnd() && reset->value.IsBool() && reset->value.GetBool());
        return result_json(err.empty(), err.empty(), err);
    }
    if (type == "ui.demo_leave") {
        const bool was = demo_active();
        demo_leave();
        return result_json(true, was, "");
    }
    if (type == "ui.tour_start") { tour_start(); return result_json(true, true, ""); }
    if (type == "ui.export_report") { dashboard_export_report(); return result_json(true, false, ""); }
    if (type == "ui.export_scripts" || type == "ui.export_processes" || type == "ui.studio_open") {
        auto id = doc.FindMember("pack_id");
        if (id == doc.MemberEnd() || !id->value.IsString())
            return result_json(false, false, "command " + type + ": \"pack_id\" must be a string");
        const std::string pack_id = id->value.GetString();
        if (type == "ui.studio_open") {
            if (!find_draft(store().ws().drafts, pack_id))
                return result_json(false, false, "command ui.studio_open: no draft of \"" + pack_id + "\" (send studio_open_pack first)");
            studio_open(pack_id);
            ui_state().screen = Screen::Studio;
            return result_json(true, true, "");
        }
        if (!find_pack(store().ws().library, pack_id)) return result_json(false, false, "command " + type + ": no such pack");
        if (type == "ui.export_scripts") pack_export_scripts_html(pack_id);
        else pack_export_processes_html(pack_id);
        return result_json(true, false, "");
    }
    if (type == "ui.assistant_start") {   // as if the agent picked this scenario
        auto str = [&](const char* k) {
            auto it = doc.FindMember(k);
            return it != doc.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString()) : std::string();
        };
        ui_state().screen = Screen::Assistant;
        const bool ok = assistant_start(str("pack_id"), str("scenario_id"), str("persona_id"), str("case_id"));
        return result_json(ok, ok, assistant().message);
    }
    if (type == "ui.practice_start") {   // seed fixed for replayable runs
        auto str = [&](const char* k) {
            auto it = doc.FindMember(k);
            return it != doc.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString()) : std::string();
        };
        auto seed = doc.FindMember("seed");
        ui_state().screen = Screen::Practice;
        const bool ok = practice_start(str("pack_id"), str("scenario_id"), str("persona_id"),
                                       seed != doc.MemberEnd() && seed->value.IsUint64() ? seed->value.GetUint64() : 1);
        return result_json(ok, ok, practice().message);
    }
    if (type == "ui.practice_choose" || type == "ui.practice_say" || type == "ui.practice_escalate") {
        PracticeState& p = practice();
        if (!p.sim || p.sim->ended()) return result_json(false, false, "command " + type + ": no practice call is running");
        bool ok = false;
        if (type == "ui.practice_choose") {
            auto i = doc.FindMember("index");
            if (i != doc.MemberEnd() && i->value.IsUint() && i->value.GetUint() < p.sim->turn().candidates.size())
                ok = p.sim->choose(i->value.GetUint());
        } else if (type == "ui.practice_say") {
            auto t = doc.FindMember("text");
            if (t != doc.MemberEnd() && t->value.IsString()) ok = p.sim->say(t->value.GetString());
        } else {
            ok = p.sim->escalate();
        }
        practice_finish_if_ended();
        return result_json(ok, ok, ok ? "" : "command " + type + ": not accepted");
    }
    if (type == "ui.open_case") {
        auto id = doc.FindMember("case_id");
        if (id == doc.MemberEnd() || !id->value.IsString() || !find_case(store().ws(), id->value.GetString()))
            return result_json(false, false, "command ui.open_case: no such \"case_id\"");
        open_case_id() = id->value.GetString();
        return result_json(true, true, "");
    }
    if (type == "ui.confirm_replace") {
        auto yes = doc.FindMember("yes");
        if (!pack_pending_replace().active) return result_json(false, false, "command ui.confirm_replace: no replace is waiting");
        pack_confirm_replace(yes != doc.MemberEnd() && yes->value.IsBool() && yes->value.GetBool());
        return result_json(pack_outcome().ok, true, pack_outcome().title);
    }
    if (type == "ui.export_pack") {   // the Export button: a download of the canonical JSON
        auto id = doc.FindMember("pack_id");
        if (id == doc.MemberEnd() || !id->value.IsString() || !find_pack(store().ws().library, id->value.GetString()))
            return result_json(false, false, "command ui.export_pack: no such \"pack_id\"");
        pack_export(id->value.GetString());
        return result_json(true, false, "");
    }
    if (type == "ui.add_demo_packs") {
        const int added = pack_add_builtin();
        return result_json(pack_outcome().ok, added > 0, pack_outcome().ok ? "" : pack_outcome().details.front());
    }
    if (type == "ui.open_file") {   // as if the user picked or dropped this file
        auto name = doc.FindMember("name");
        auto text = doc.FindMember("text");
        if (name == doc.MemberEnd() || !name->value.IsString() || text == doc.MemberEnd() || !text->value.IsString())
            return result_json(false, false, "command ui.open_file: needs \"name\" and \"text\" strings");
        Platform::OpenedFile f{name->value.GetString(), std::string(text->value.GetString(), text->value.GetStringLength()), "drop", ""};
        platform().notify_file(f);
        return result_json(true, true, "");
    }
    return result_json(false, false, "command: unknown type \"" + type + "\"");
}

}  // namespace

// How many characters of `text` the UI font cannot draw (they would show as '?').
static std::string query_glyphs(std::string_view text) {
    const ImFont* f = ImGui::GetIO().Fonts->Fonts.Size ? ImGui::GetIO().Fonts->Fonts[0] : nullptr;
    int missing = 0, total = 0;
    const char* p = text.data();
    const char* end = text.data() + text.size();
    while (p < end) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        p += n;
        ++total;
        if (!f || !f->FindGlyphNoFallback(static_cast<ImWchar>(c))) ++missing;
    }
    return "{\"chars\":" + std::to_string(total) + ",\"missing\":" + std::to_string(missing) + "}";
}

std::string automation_dispatch(std::string_view json) {
    frame_stats().wake = true;
    // Peek at the type: "ui.*" are view commands, the rest are workspace commands.
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
    if (!doc.HasParseError() && doc.IsObject()) {
        auto t = doc.FindMember("type");
        if (t != doc.MemberEnd() && t->value.IsString()) {
            const std::string type = t->value.GetString();
            if (type.rfind("ui.", 0) == 0) return dispatch_ui(doc, type);
        }
    }
    CommandParse p = command_from_json(json);
    if (!p.ok) return result_json(false, false, p.error);
    CommandResult r = store().dispatch(p.command);
    return result_json(r.ok, r.changed, r.error, r.details, r.id);
}

std::string automation_query(std::string_view what) {
    if (what == "settings") return query_settings();
    if (what == "storage") return query_storage();
    if (what == "ui") return query_ui();
    if (what == "workspace") return workspace_to_json(store().ws());
    if (what == "packs") return query_packs();
    if (what == "board") return query_board();
    if (what.rfind("case:", 0) == 0) return query_case(std::string(what.substr(5)));
    if (what == "intake") return query_intake();
    if (what == "frames") return query_frames();
    if (what == "assistant") return query_assistant();
    if (what == "practice") return query_practice();
    if (what == "dashboard") return dashboard_summary_json();
    if (what == "demo") {
        return std::string("{\"active\":") + (demo_active() ? "true" : "false") + ",\"build_ms\":" +
               std::to_string(demo_build_ms()) + ",\"tour_step\":" + std::to_string(tour_step()) +
               ",\"studio\":\"" + studio_open_pack_id() + "\"}";
    }
    if (what == "glyphs:ui") {   // every UI string, both languages: none may draw as a box
        size_t n = 0;
        const I18nEntry* t = i18n_table(&n);
        std::string all;
        for (size_t i = 0; i < n; ++i) (all += t[i].en) += t[i].zh;
        return query_glyphs(all);
    }
    if (what.rfind("glyphs:", 0) == 0) return query_glyphs(what.substr(7));
    if (what == "commands")
        return R"(["set_language","set_agent_name","set_centre_name","set_grade","set_large_text","set_notes","set_ui_layout","import_pack","remove_pack","ui.navigate","ui.add_demo_packs","ui.open_file","ui.confirm_replace","ui.export_pack","ui.open_case","ui.redraw","ui.assistant_start","ui.practice_start","ui.practice_choose","ui.practice_say","ui.practice_escalate","create_case","move_case","set_case_status","start_plan","tick_checklist","report_up","request_approval","decide_approval","add_case_note","close_case","plan_from_review","add_prep_item","set_prep_done"])";
    return result_json(false, false,
                       "query: unknown \"" + std::string(what) + "\" (one of settings, storage, ui, workspace, commands)");
}

}  // namespace cw
