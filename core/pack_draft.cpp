// pack_draft.cpp — the studio's drafts: per-entity edits with undo/redo, and publishing.
#include "core/pack_draft.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <sstream>

#include "core/cereal_helpers.h"
#include "core/command.h"
#include "core/command_fields.h"
#include "core/json_guard.h"
#include "core/library.h"
#include "core/pack.h"
#include "core/utf8.h"
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

namespace cw {

// ------------------------------------------------------------------ entity JSON
namespace {

template <class T>
std::string entity_to_json(const T& v) {
    std::ostringstream out;
    {
        cereal::JSONOutputArchive ar(out, cereal::JSONOutputArchive::Options::NoIndent());
        serialize(ar, const_cast<T&>(v));  // saving does not modify
    }
    std::string s = out.str();
    // Layout newlines only: JSON strings escape their own.
    s.erase(std::remove(s.begin(), s.end(), '\n'), s.end());
    return s;
}

template <class T>
bool entity_from_json(const std::string& json, T& out, std::string& error, const char* what) {
    JsonBounds bounds;
    bounds.max_bytes = kMaxEntityJsonBytes;
    const JsonCheck check = check_json(json, bounds);
    if (!check.ok) { error = std::string(what) + ": " + check.describe(); return false; }
    rapidjson::Document dom;
    dom.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag>(json.data(), json.size());
    if (dom.HasParseError() || !dom.IsObject()) { error = std::string(what) + ": must be a JSON object"; return false; }
    LoadTrace trace(&dom);
    try {
        std::istringstream stream{json};
        cereal::JSONInputArchive ar(stream);
        T v{};
        serialize(ar, v);
        trace.finish();
        out = std::move(v);
    } catch (const std::exception& e) {
        const std::string where = trace.where();
        error = std::string(what) + ": " + (where.empty() ? std::string() : where + ": ") + describe_load_error(e);
        return false;
    }
    return true;
}

}  // namespace

std::string scenario_to_json(const Scenario& s) { return entity_to_json(s); }
std::string persona_to_json(const Persona& p) { return entity_to_json(p); }
bool scenario_from_json(const std::string& json, Scenario& out, std::string& error) {
    return entity_from_json(json, out, error, "scenario");
}
bool persona_from_json(const std::string& json, Persona& out, std::string& error) {
    return entity_from_json(json, out, error, "persona");
}

const PackDraft* find_draft(const std::vector<PackDraft>& drafts, const std::string& pack_id) {
    for (const PackDraft& d : drafts)
        if (d.pack.meta.id == pack_id) return &d;
    return nullptr;
}

template <class Archive> void serialize(Archive& ar, DraftEdit& e) {
    ar(cereal::make_nvp("kind", e.kind), cereal::make_nvp("index", e.index),
       cereal::make_nvp("before", e.before), cereal::make_nvp("after", e.after));
}
template <class Archive> void serialize(Archive& ar, PackDraft& d) {
    ar(cereal::make_nvp("pack", d.pack), cereal::make_nvp("is_new", d.is_new),
       cereal::make_nvp("undo", d.undo), cereal::make_nvp("redo", d.redo),
       cereal::make_nvp("revision", d.revision));
}
template void serialize<cereal::JSONInputArchive>(cereal::JSONInputArchive&, DraftEdit&);
template void serialize<cereal::JSONOutputArchive>(cereal::JSONOutputArchive&, DraftEdit&);
template void serialize<cereal::JSONInputArchive>(cereal::JSONInputArchive&, PackDraft&);
template void serialize<cereal::JSONOutputArchive>(cereal::JSONOutputArchive&, PackDraft&);

// ------------------------------------------------------------------ applying edits
namespace {


PackDraft* draft_mut(Workspace& ws, const std::string& pack_id) {
    for (PackDraft& d : ws.drafts)
        if (d.pack.meta.id == pack_id) return &d;
    return nullptr;
}

std::string no_draft(const std::string& pack_id) {
    return "studio: pack \"" + pack_id + "\" is not open in the studio (open it first)";
}

// The list an entity kind lives in, by name; nullptr for the single-valued kinds.
template <class T> std::vector<T>& list_of(Pack& p);
template <> std::vector<Scenario>& list_of<Scenario>(Pack& p) { return p.scenarios; }
template <> std::vector<Persona>& list_of<Persona>(Pack& p) { return p.personas; }

template <class T> const char* kind_name();
template <> const char* kind_name<Scenario>() { return "scenario"; }
template <> const char* kind_name<Persona>() { return "persona"; }

// Puts one side of an edit (`json` at `index`; empty = absent) into the pack.
// before/after of a list edit describe the same slot: replace, insert or erase there.
void set_slot(Pack& p, const DraftEdit& e, const std::string& from, const std::string& to) {
    std::string err;
    auto apply_list = [&](auto& list, auto parse) {
        using T = typename std::decay_t<decltype(list)>::value_type;
        const size_t i = static_cast<size_t>(e.index);
        if (from.empty() && !to.empty()) {               // insert
            T v{};
            if (parse(to, v, err)) list.insert(list.begin() + static_cast<std::ptrdiff_t>(std::min(i, list.size())), std::move(v));
        } else if (!from.empty() && to.empty()) {        // erase
            if (i < list.size()) list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
        } else if (i < list.size()) {                    // replace
            T v{};
            if (parse(to, v, err)) list[i] = std::move(v);
        }
    };
    if (e.kind == "scenario") apply_list(p.scenarios, scenario_from_json);
    else if (e.kind == "persona") apply_list(p.personas, persona_from_json);
    else if (e.kind == "guardrails") {
        Guardrails g;
        if (entity_from_json(to, g, err, "guardrails")) p.guardrails = std::move(g);
    } else if (e.kind == "meta") {
        PackMeta m;
        if (entity_from_json(to, m, err, "meta")) p.meta = std::move(m);
    }
}

// Records and applies one edit; a no-op edit changes nothing and is not recorded.
CommandResult commit(PackDraft& d, DraftEdit e) {
    if (e.before == e.after) return command_done(false);
    if (e.after.size() > kMaxEntityJsonBytes)
        return command_failed("studio: this " + e.kind + " is larger than 512 KiB; split it or shorten its texts");
    set_slot(d.pack, e, e.before, e.after);
    d.redo.clear();
    d.undo.push_back(std::move(e));
    if (d.undo.size() > kMaxDraftHistory) d.undo.erase(d.undo.begin());
    ++d.revision;
    return command_done(true);
}

std::string check_texts(const std::string& json) {
    if (!is_valid_utf8(json)) return "text is not valid UTF-8";
    return {};
}

template <class T>
CommandResult put_entity(Workspace& ws, const std::string& pack_id, const std::string& original_id, const T& value) {
    PackDraft* d = draft_mut(ws, pack_id);
    if (!d) return command_failed(no_draft(pack_id));
    const char* kind = kind_name<T>();
    if (!is_valid_id(value.id))
        return command_failed(std::string("studio: the ") + kind + " id \"" + value.id +
                    "\" must be 1-64 letters, digits, '-', '_' or '.'");
    auto& list = list_of<T>(d->pack);
    int at = -1;
    for (size_t i = 0; i < list.size(); ++i) {
        if (!original_id.empty() && list[i].id == original_id) at = static_cast<int>(i);
        else if (list[i].id == value.id)
            return command_failed(std::string("studio: another ") + kind + " already has the id \"" + value.id + "\"");
    }
    if (!original_id.empty() && at < 0)
        return command_failed(std::string("studio: no ") + kind + " \"" + original_id + "\" in this draft (it may have been removed)");
    DraftEdit e;
    e.kind = kind;
    e.after = entity_to_json(value);
    if (std::string bad = check_texts(e.after); !bad.empty()) return command_failed(std::string("studio: ") + kind + ": " + bad);
    if (at >= 0) {
        e.index = at;
        e.before = entity_to_json(list[static_cast<size_t>(at)]);
    } else {
        e.index = static_cast<int>(list.size());
    }
    CommandResult r = commit(*d, std::move(e));
    r.id = value.id;
    return r;
}

template <class T>
CommandResult remove_entity(Workspace& ws, const std::string& pack_id, const std::string& id) {
    PackDraft* d = draft_mut(ws, pack_id);
    if (!d) return command_failed(no_draft(pack_id));
    auto& list = list_of<T>(d->pack);
    for (size_t i = 0; i < list.size(); ++i) {
        if (list[i].id != id) continue;
        DraftEdit e;
        e.kind = kind_name<T>();
        e.index = static_cast<int>(i);
        e.before = entity_to_json(list[i]);
        return commit(*d, std::move(e));
    }
    return command_failed(std::string("studio: no ") + kind_name<T>() + " \"" + id + "\" in this draft");
}

}  // namespace

CommandResult apply_studio(Workspace& ws, const cmd::StudioOpenPack& c) {
    if (find_draft(ws.drafts, c.pack_id)) return command_done(false);   // already open: keep its edits
    const Pack* p = find_pack(ws.library, c.pack_id);
    if (!p) return command_failed("studio: no pack \"" + c.pack_id + "\" in the library");
    if (ws.drafts.size() >= kMaxDrafts)
        return command_failed("studio: 16 packs are open already; publish or discard one first");
    PackDraft d;
    d.pack = *p;
    ws.drafts.push_back(std::move(d));
    return command_done(true);
}

CommandResult apply_studio(Workspace& ws, const cmd::StudioNewPack& c) {
    if (!is_valid_id(c.pack_id)) return command_failed("studio: the pack id must be 1-64 letters, digits, '-', '_' or '.'");
    if (find_pack(ws.library, c.pack_id) || find_draft(ws.drafts, c.pack_id))
        return command_failed("studio: a pack with the id \"" + c.pack_id + "\" exists already; choose another id");
    if (ws.drafts.size() >= kMaxDrafts)
        return command_failed("studio: 16 packs are open already; publish or discard one first");
    if (!is_valid_utf8(c.name.zh) || !is_valid_utf8(c.name.en) || !is_valid_utf8(c.industry))
        return command_failed("studio: text is not valid UTF-8");
    PackDraft d;
    d.is_new = true;
    d.pack.meta.id = c.pack_id;
    d.pack.meta.name = c.name;
    d.pack.meta.industry = c.industry;
    d.pack.meta.languages = {"zh-CN", "en"};
    d.pack.meta.version = "0.1.0";
    // A new centre starts with the four grades DOMAIN.md §5 describes: the assistant, practice
    // and QA all read them, so a pack without grades is not usable.
    auto grade = [](const char* id, const char* zh, const char* en, bool deviate, double limit, bool full) {
        AgentGrade g;
        g.id = id;
        g.name = {zh, en};
        g.may_deviate_from_script = deviate;
        g.may_skip_steps = deviate;
        g.compensation_limit = limit;
        g.sees_full_script = full;
        return g;
    };
    d.pack.grades = {grade("trainee", "实习生", "Trainee", false, 0, true),
                     grade("agent", "客服专员", "Agent", false, 50, true),
                     grade("senior", "资深客服", "Senior agent", true, 200, false),
                     grade("lead", "组长", "Team lead", true, 1000, false)};
    d.pack.triage_rules.response_target_minutes = {5, 240, 30, 1440};
    ws.drafts.push_back(std::move(d));
    CommandResult r = command_done(true);
    r.id = c.pack_id;
    return r;
}

CommandResult apply_studio(Workspace& ws, const cmd::StudioPutScenario& c) {
    return put_entity(ws, c.pack_id, c.original_id, c.scenario);
}
CommandResult apply_studio(Workspace& ws, const cmd::StudioRemoveScenario& c) {
    return remove_entity<Scenario>(ws, c.pack_id, c.scenario_id);
}
CommandResult apply_studio(Workspace& ws, const cmd::StudioPutPersona& c) {
    return put_entity(ws, c.pack_id, c.original_id, c.persona);
}
CommandResult apply_studio(Workspace& ws, const cmd::StudioRemovePersona& c) {
    return remove_entity<Persona>(ws, c.pack_id, c.persona_id);
}

CommandResult apply_studio(Workspace& ws, const cmd::StudioPutGuardrails& c) {
    PackDraft* d = draft_mut(ws, c.pack_id);
    if (!d) return command_failed(no_draft(c.pack_id));
    DraftEdit e;
    e.kind = "guardrails";
    e.before = entity_to_json(d->pack.guardrails);
    e.after = entity_to_json(c.guardrails);
    if (std::string bad = check_texts(e.after); !bad.empty()) return command_failed("studio: guardrails: " + bad);
    return commit(*d, std::move(e));
}

CommandResult apply_studio(Workspace& ws, const cmd::StudioPutMeta& c) {
    PackDraft* d = draft_mut(ws, c.pack_id);
    if (!d) return command_failed(no_draft(c.pack_id));
    if (c.meta.id != d->pack.meta.id)
        return command_failed("studio: a pack's id cannot change in the studio; export it and import it under a new id");
    DraftEdit e;
    e.kind = "meta";
    e.before = entity_to_json(d->pack.meta);
    e.after = entity_to_json(c.meta);
    if (std::string bad = check_texts(e.after); !bad.empty()) return command_failed("studio: pack details: " + bad);
    return commit(*d, std::move(e));
}

CommandResult apply_studio(Workspace& ws, const cmd::StudioUndo& c) {
    PackDraft* d = draft_mut(ws, c.pack_id);
    if (!d) return command_failed(no_draft(c.pack_id));
    if (d->undo.empty()) return command_done(false);
    DraftEdit e = std::move(d->undo.back());
    d->undo.pop_back();
    set_slot(d->pack, e, e.after, e.before);
    d->redo.push_back(std::move(e));
    ++d->revision;
    return command_done(true);
}

CommandResult apply_studio(Workspace& ws, const cmd::StudioRedo& c) {
    PackDraft* d = draft_mut(ws, c.pack_id);
    if (!d) return command_failed(no_draft(c.pack_id));
    if (d->redo.empty()) return command_done(false);
    DraftEdit e = std::move(d->redo.back());
    d->redo.pop_back();
    set_slot(d->pack, e, e.before, e.after);
    d->undo.push_back(std::move(e));
    ++d->revision;
    return command_done(true);
}

CommandResult apply_studio(Workspace& ws, const cmd::StudioPublish& c) {
    PackDraft* d = draft_mut(ws, c.pack_id);
    if (!d) return command_failed(no_draft(c.pack_id));
    const bool exists = find_pack(ws.library, c.pack_id) != nullptr;
    ImportResult ir = import_pack(ws.library, d->pack, exists ? ImportMode::ReplaceSameId : ImportMode::AddAlongside);
    if (!ir.ok) {
        CommandResult r = command_failed("studio: not published — " + ir.error);
        for (const ValidationIssue& is : ir.issues)
            if (is.is_error() && r.details.size() < 200) r.details.push_back(is.describe());
        return r;
    }
    // Published: the library holds it now; the draft (and its history) is done.
    for (size_t i = 0; i < ws.drafts.size(); ++i)
        if (ws.drafts[i].pack.meta.id == c.pack_id) {
            ws.drafts.erase(ws.drafts.begin() + static_cast<std::ptrdiff_t>(i));
            break;
        }
    CommandResult r = command_done(true);
    r.id = c.pack_id;
    return r;
}

CommandResult apply_studio(Workspace& ws, const cmd::StudioDiscard& c) {
    for (size_t i = 0; i < ws.drafts.size(); ++i)
        if (ws.drafts[i].pack.meta.id == c.pack_id) {
            ws.drafts.erase(ws.drafts.begin() + static_cast<std::ptrdiff_t>(i));
            return command_done(true);
        }
    return command_failed(no_draft(c.pack_id));
}

// ------------------------------------------------------------------ JSON form
namespace {
// The JSON text of one member (an entity given as an object in the command).
bool member_json(const rapidjson::Value& doc, const char* key, std::string& out, std::string& err) {
    auto it = doc.FindMember(key);
    if (it == doc.MemberEnd() || !it->value.IsObject()) {
        err = std::string("field \"") + key + "\" must be a JSON object";
        return false;
    }
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    it->value.Accept(w);
    out.assign(buf.GetString(), buf.GetSize());
    return true;
}
}  // namespace

bool studio_command_from_json(const std::string& type, const rapidjson::Value& doc, Command& out, std::string& err) {
    if (type.rfind("studio_", 0) != 0) return false;
    Fields f{doc, {}};
    std::string pack_id;
    f.str("pack_id", pack_id, true);
    if (type == "studio_open_pack") {
        out = cmd::StudioOpenPack{pack_id};
    } else if (type == "studio_new_pack") {
        cmd::StudioNewPack c;
        c.pack_id = pack_id;
        f.str("industry", c.industry); f.str("name_zh", c.name.zh); f.str("name_en", c.name.en);
        out = c;
    } else if (type == "studio_put_scenario" || type == "studio_put_persona") {
        std::string original, json;
        f.str("original_id", original);
        const bool scenario = type == "studio_put_scenario";
        if (f.ok() && member_json(doc, scenario ? "scenario" : "persona", json, f.err)) {
            if (scenario) {
                cmd::StudioPutScenario c{pack_id, original, {}};
                if (scenario_from_json(json, c.scenario, f.err)) out = c;
            } else {
                cmd::StudioPutPersona c{pack_id, original, {}};
                if (persona_from_json(json, c.persona, f.err)) out = c;
            }
        }
    } else if (type == "studio_remove_scenario") {
        cmd::StudioRemoveScenario c{pack_id, {}};
        f.str("scenario_id", c.scenario_id, true);
        out = c;
    } else if (type == "studio_remove_persona") {
        cmd::StudioRemovePersona c{pack_id, {}};
        f.str("persona_id", c.persona_id, true);
        out = c;
    } else if (type == "studio_undo") {
        out = cmd::StudioUndo{pack_id};
    } else if (type == "studio_redo") {
        out = cmd::StudioRedo{pack_id};
    } else if (type == "studio_publish") {
        out = cmd::StudioPublish{pack_id};
    } else if (type == "studio_discard") {
        out = cmd::StudioDiscard{pack_id};
    } else {
        return false;   // studio_put_guardrails / studio_put_meta: from the app only for now
    }
    err = f.err;
    return true;
}

}  // namespace cw
