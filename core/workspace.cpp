// workspace.cpp — JSON form of the workspace (cereal), with migration of older schema versions.
#include "core/workspace.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <sstream>

#include "core/cereal_helpers.h"
#include "core/json_guard.h"
#include "core/pack.h"
#include "core/save_format.h"
#include <cereal/types/map.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

namespace cw {

template <class Archive>
void serialize(Archive& ar, PracticeRun& r) {
    ar(cereal::make_nvp("at", r.at), cereal::make_nvp("agent", r.agent), cereal::make_nvp("pack_id", r.pack_id),
       cereal::make_nvp("scenario_id", r.scenario_id), cereal::make_nvp("persona_id", r.persona_id),
       cereal::make_nvp("grade_id", r.grade_id), cereal::make_nvp("seed", r.seed), cereal::make_nvp("percent", r.percent),
       cereal::make_nvp("final_mood", r.final_mood), cereal::make_nvp("end", r.end), cereal::make_nvp("items", r.items));
}

template <class Archive>
void save(Archive& ar, const Settings& s) {
    ar(cereal::make_nvp("language", std::string(to_string(s.language))),
       cereal::make_nvp("agent_name", s.agent_name),
       cereal::make_nvp("centre_name", s.centre_name),
       cereal::make_nvp("grade_id", s.grade_id),
       cereal::make_nvp("large_text", s.large_text),
       cereal::make_nvp("notes", s.notes),
       cereal::make_nvp("ui_layout", s.ui_layout));
}

template <class Archive>
void load(Archive& ar, Settings& s) {
    std::string lang = to_string(s.language);
    optional_field(ar, "language", lang);
    s.language = lang_from_string(lang).value_or(Lang::En);
    optional_field(ar, "agent_name", s.agent_name);
    optional_field(ar, "centre_name", s.centre_name);
    optional_field(ar, "grade_id", s.grade_id);
    optional_field(ar, "large_text", s.large_text);
    optional_field(ar, "notes", s.notes);
    optional_field(ar, "ui_layout", s.ui_layout);
}

std::string workspace_to_json(const Workspace& ws, bool pretty) {
    std::ostringstream out;
    {
        cereal::JSONOutputArchive ar(out, pretty ? cereal::JSONOutputArchive::Options::Default()
                                                 : cereal::JSONOutputArchive::Options::NoIndent());
        ar(cereal::make_nvp("schema_version", Workspace::kSchemaVersion),
           cereal::make_nvp("settings", ws.settings),
           cereal::make_nvp("next_case_number", ws.next_case_number),
           cereal::make_nvp("packs", ws.library.packs),
           cereal::make_nvp("cases", ws.cases),
           cereal::make_nvp("reviews", ws.reviews),
           cereal::make_nvp("pdca", ws.pdca),
           cereal::make_nvp("backlog", ws.backlog),
           cereal::make_nvp("next_item_number", ws.next_item_number),
           cereal::make_nvp("practice_runs", ws.practice_runs),
           cereal::make_nvp("qa_records", ws.qa_records),
           cereal::make_nvp("next_qa_number", ws.next_qa_number),
           cereal::make_nvp("drafts", ws.drafts));
    }
    if (pretty) return out.str();
    // cereal's writer always breaks lines; JSON strings escape their newlines, so every raw
    // '\n' in the output is layout and can go.
    std::string s = out.str();
    s.erase(std::remove(s.begin(), s.end(), '\n'), s.end());
    return s;
}

WorkspaceLoad workspace_from_json(std::string_view json) {
    WorkspaceLoad r;
    // The guard first (size, depth, encoding, NaN, duplicate keys): cereal trusts its input.
    JsonBounds bounds;
    bounds.max_bytes = kMaxSaveBytes;
    bounds.max_string_bytes = 4u * 1024u * 1024u;
    const JsonCheck check = check_json(json, bounds);
    if (!check.ok) {
        r.error = "the saved workspace is not valid JSON: " + check.describe();
        return r;
    }
    rapidjson::Document doc;
    doc.Parse(json.data(), json.size());
    if (doc.HasParseError() || !doc.IsObject()) { r.error = "the saved workspace is not a JSON object"; return r; }
    auto sv = doc.FindMember("schema_version");
    if (sv == doc.MemberEnd() || !sv->value.IsInt()) {
        r.error = "the saved workspace has no schema_version";
        return r;
    }
    r.loaded_schema = sv->value.GetInt();
    if (r.loaded_schema > Workspace::kSchemaVersion) {
        r.error = "the workspace was saved by a newer Callwise (schema " +
                  std::to_string(r.loaded_schema) + ", this one reads up to " +
                  std::to_string(Workspace::kSchemaVersion) + ")";
        return r;
    }
    if (r.loaded_schema < 1) { r.error = "the saved workspace has an invalid schema_version"; return r; }
    const char* part = "settings";
    try {
        std::istringstream in{std::string(json)};
        cereal::JSONInputArchive ar(in);
        optional_field(ar, "settings", r.workspace.settings);
        // Schema 1 had settings only: the rest starts empty (that is the whole migration).
        if (r.loaded_schema >= 2) {
            part = "next_case_number";
            ar(cereal::make_nvp("next_case_number", r.workspace.next_case_number));
            // The model's lists read against the document (no exception per absent field). Only
            // around these: the other parts have their own field helpers or plain cereal.
            LoadTrace trace(&doc);
            part = "packs";
            load_member(ar, "packs", r.workspace.library.packs, true);
            part = "cases";
            load_member(ar, "cases", r.workspace.cases, true);
            part = "reviews";
            load_member(ar, "reviews", r.workspace.reviews, true);
            part = "pdca";
            load_member(ar, "pdca", r.workspace.pdca, true);
            part = "backlog";
            load_member(ar, "backlog", r.workspace.backlog, false);
            optional_field(ar, "next_item_number", r.workspace.next_item_number);
            part = "practice_runs";
            optional_field(ar, "practice_runs", r.workspace.practice_runs);
        }
        // Schema 3 added these; older saves simply have none.
        if (r.loaded_schema >= 3) {
            part = "qa_records";
            {
                LoadTrace trace(&doc);
                load_qa_records(ar, "qa_records", r.workspace.qa_records);
            }
            optional_field(ar, "next_qa_number", r.workspace.next_qa_number);
            part = "drafts";
            optional_field(ar, "drafts", r.workspace.drafts);
        }
    } catch (const std::exception& e) {
        r.error = std::string("the saved workspace could not be read (") + part + "): " + describe_load_error(e);
        r.workspace = Workspace{};
        return r;
    }
    for (size_t i = 0; i < r.workspace.library.packs.size(); ++i) {
        for (const ValidationIssue& is : validate_pack(r.workspace.library.packs[i])) {
            if (!is.is_error()) continue;
            r.error = "the saved workspace holds a broken pack: packs[" + std::to_string(i) + "]." + is.path + ": " + is.message;
            r.workspace = Workspace{};
            return r;
        }
    }
    touch_library(r.workspace.library);   // a fresh identity for the caches of compiled rules
    r.ok = true;
    return r;
}

}  // namespace cw
