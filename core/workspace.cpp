// workspace.cpp — JSON form of the workspace (cereal), with migration of older schema versions.
#include "core/workspace.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <sstream>

#include "core/cereal_helpers.h"
#include <cereal/types/string.hpp>

namespace cw {

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

std::string workspace_to_json(const Workspace& ws) {
    std::ostringstream out;
    {
        cereal::JSONOutputArchive ar(out, cereal::JSONOutputArchive::Options::Default());
        ar(cereal::make_nvp("schema_version", Workspace::kSchemaVersion),
           cereal::make_nvp("settings", ws.settings));
    }
    return out.str();
}

WorkspaceLoad workspace_from_json(std::string_view json) {
    WorkspaceLoad r;
    // Check the document first with an iterative, encoding-validating parse: cereal's own
    // parse would recurse on deep nesting and accept NaN.
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(
        json.data(), json.size());
    if (doc.HasParseError()) {
        r.error = std::string("the saved workspace is not valid JSON: ") +
                  rapidjson::GetParseError_En(doc.GetParseError()) + " (at byte " +
                  std::to_string(doc.GetErrorOffset()) + ")";
        return r;
    }
    if (!doc.IsObject()) { r.error = "the saved workspace is not a JSON object"; return r; }
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
    try {
        std::istringstream in{std::string(json)};
        cereal::JSONInputArchive ar(in);
        optional_field(ar, "settings", r.workspace.settings);
    } catch (const std::exception& e) {
        r.error = std::string("the saved workspace could not be read: ") + e.what();
        return r;
    }
    r.ok = true;
    return r;
}

}  // namespace cw
