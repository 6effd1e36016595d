// automation.cpp — see automation.h.
#include "app/automation.h"

#include <imgui.h>
#include <imgui_internal.h>   // ImTextCharFromUtf8
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "app/fonts.h"
#include "app/platform.h"
#include "app/store.h"
#include "app/text_queue.h"
#include "app/ui.h"
#include "app/ui_tracking.h"
#include "core/command.h"

namespace cw {

FrameStats& frame_stats() {
    static FrameStats s;
    return s;
}

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

std::string result_json(bool ok, bool changed, const std::string& error) {
    rapidjson::StringBuffer sb;
    Writer w(sb);
    w.StartObject();
    w.Key("ok"); w.Bool(ok);
    w.Key("changed"); w.Bool(changed);
    if (!ok) { w.Key("error"); w.String(error.c_str()); }
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

// View commands: they change what is shown, not the workspace.
std::string dispatch_ui(const rapidjson::Document& doc, const std::string& type) {
    if (type == "ui.navigate") {
        auto it = doc.FindMember("screen");
        Screen sc;
        if (it == doc.MemberEnd() || !it->value.IsString() || !screen_from_string(it->value.GetString(), sc))
            return result_json(false, false, "command ui.navigate: \"screen\" must be one of home, settings");
        const bool changed = ui_state().screen != sc;
        ui_state().screen = sc;
        return result_json(true, changed, "");
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
    return result_json(r.ok, r.changed, r.error);
}

std::string automation_query(std::string_view what) {
    if (what == "settings") return query_settings();
    if (what == "storage") return query_storage();
    if (what == "ui") return query_ui();
    if (what == "workspace") return workspace_to_json(store().ws());
    if (what.rfind("glyphs:", 0) == 0) return query_glyphs(what.substr(7));
    if (what == "commands")
        return R"(["set_language","set_agent_name","set_centre_name","set_grade","set_large_text","set_notes","set_ui_layout","ui.navigate"])";
    return result_json(false, false,
                       "query: unknown \"" + std::string(what) + "\" (one of settings, storage, ui, workspace, commands)");
}

}  // namespace cw
