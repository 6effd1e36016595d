// command.cpp — validation and application of workspace commands, and their JSON form.
#include "core/command.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "core/utf8.h"

namespace cw {
namespace {

CommandResult fail(std::string msg) {
    CommandResult r;
    r.error = std::move(msg);
    return r;
}
CommandResult done(bool changed) {
    CommandResult r;
    r.ok = true;
    r.changed = changed;
    return r;
}

CommandResult set_text(std::string& field, const std::string& value, size_t max_bytes,
                       const char* what) {
    if (!is_valid_utf8(value)) return fail(std::string(what) + ": text is not valid UTF-8");
    std::string v = truncate_utf8(value, max_bytes);
    if (field == v) return done(false);
    field = std::move(v);
    return done(true);
}

bool known_grade(std::string_view g) {
    return g == "trainee" || g == "agent" || g == "senior" || g == "lead";
}

struct Applier {
    Workspace& ws;
    CommandResult operator()(const cmd::SetLanguage& c) {
        if (ws.settings.language == c.language) return done(false);
        ws.settings.language = c.language;
        return done(true);
    }
    CommandResult operator()(const cmd::SetAgentName& c) {
        return set_text(ws.settings.agent_name, c.name, kMaxNameBytes, "agent name");
    }
    CommandResult operator()(const cmd::SetCentreName& c) {
        return set_text(ws.settings.centre_name, c.name, kMaxNameBytes, "centre name");
    }
    CommandResult operator()(const cmd::SetGrade& c) {
        if (!known_grade(c.grade_id))
            return fail("grade: \"" + c.grade_id + "\" is not one of trainee, agent, senior, lead");
        if (ws.settings.grade_id == c.grade_id) return done(false);
        ws.settings.grade_id = c.grade_id;
        return done(true);
    }
    CommandResult operator()(const cmd::SetLargeText& c) {
        if (ws.settings.large_text == c.on) return done(false);
        ws.settings.large_text = c.on;
        return done(true);
    }
    CommandResult operator()(const cmd::SetNotes& c) {
        return set_text(ws.settings.notes, c.text, kMaxNotesBytes, "notes");
    }
    CommandResult operator()(const cmd::ImportPack& c) {
        ImportResult ir = import_pack_json(ws.library, c.json, c.mode);
        CommandResult r = ir.ok ? done(true) : fail(ir.error);
        // Errors first, then warnings; a consultant fixes from the top. Bounded: a pack with
        // thousands of findings still gives a readable list.
        for (int pass = 0; pass < 2; ++pass)
            for (const ValidationIssue& is : ir.issues)
                if (is.is_error() == (pass == 0) && r.details.size() < 200) r.details.push_back(is.describe());
        if (ir.issues.size() > r.details.size())
            r.details.push_back("… and " + std::to_string(ir.issues.size() - r.details.size()) + " more");
        return r;
    }
    CommandResult operator()(const cmd::RemovePack& c) {
        if (!remove_pack(ws.library, c.pack_id)) return fail("remove pack: no pack with id \"" + c.pack_id + "\"");
        return done(true);
    }
    CommandResult operator()(const cmd::SetUiLayout& c) {
        if (c.ini.size() > kMaxLayoutBytes) return fail("window layout: larger than 64 KiB");
        return set_text(ws.settings.ui_layout, c.ini, kMaxLayoutBytes, "window layout");
    }
};

using Value = rapidjson::Value;

bool get_string(const Value& o, const char* key, std::string& out, std::string& err) {
    auto it = o.FindMember(key);
    if (it == o.MemberEnd()) { err = std::string("missing field \"") + key + "\""; return false; }
    if (!it->value.IsString()) { err = std::string("field \"") + key + "\" must be a string"; return false; }
    out.assign(it->value.GetString(), it->value.GetStringLength());
    return true;
}

bool get_bool(const Value& o, const char* key, bool& out, std::string& err) {
    auto it = o.FindMember(key);
    if (it == o.MemberEnd()) { err = std::string("missing field \"") + key + "\""; return false; }
    if (!it->value.IsBool()) { err = std::string("field \"") + key + "\" must be true or false"; return false; }
    out = it->value.GetBool();
    return true;
}

}  // namespace

CommandResult apply(Workspace& ws, const Command& c) { return std::visit(Applier{ws}, c); }

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
    } else {
        r.error = "command: unknown type \"" + type + "\"";
        return r;
    }
    if (!ok) { r.error = where + err; return r; }
    r.ok = true;
    return r;
}

}  // namespace cw
