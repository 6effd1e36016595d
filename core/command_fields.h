// command_fields.h — reading the fields of one JSON command (the automation API's form of a
// Command). Shared by command.cpp and the domain files that parse their own commands
// (cases, qa_record, pdca, pack_draft), so every command reports a bad field the same way.
// Include only from .cpp files (pulls in rapidjson).
#pragma once
#include <rapidjson/document.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/command.h"
#include "core/model.h"

namespace cw {

using Value = rapidjson::Value;

inline bool get_string(const Value& o, const char* key, std::string& out, std::string& err) {
    auto it = o.FindMember(key);
    if (it == o.MemberEnd()) { err = std::string("missing field \"") + key + "\""; return false; }
    if (!it->value.IsString()) { err = std::string("field \"") + key + "\" must be a string"; return false; }
    out.assign(it->value.GetString(), it->value.GetStringLength());
    return true;
}

inline bool get_bool(const Value& o, const char* key, bool& out, std::string& err) {
    auto it = o.FindMember(key);
    if (it == o.MemberEnd()) { err = std::string("missing field \"") + key + "\""; return false; }
    if (!it->value.IsBool()) { err = std::string("field \"") + key + "\" must be true or false"; return false; }
    out = it->value.GetBool();
    return true;
}

// Reads the fields of one JSON command; the first problem wins and names the field.
struct Fields {
    const Value& o;
    std::string err;
    bool ok() const { return err.empty(); }
    const Value* find(const char* key) {
        auto it = o.FindMember(key);
        return it == o.MemberEnd() || it->value.IsNull() ? nullptr : &it->value;
    }
    void str(const char* key, std::string& out, bool required = false) {
        if (!ok()) return;
        const Value* v = find(key);
        if (!v) { if (required) err = std::string("missing field \"") + key + "\""; return; }
        if (!v->IsString()) { err = std::string("field \"") + key + "\" must be a string"; return; }
        out.assign(v->GetString(), v->GetStringLength());
    }
    void num(const char* key, double& out) {
        if (!ok()) return;
        if (const Value* v = find(key)) {
            if (!v->IsNumber()) { err = std::string("field \"") + key + "\" must be a number"; return; }
            out = v->GetDouble();
        }
    }
    void i64(const char* key, std::int64_t& out) {
        double d = static_cast<double>(out);
        num(key, d);
        out = static_cast<std::int64_t>(d);
    }
    void integer(const char* key, int& out, bool required = false) {
        if (!ok()) return;
        const Value* v = find(key);
        if (!v) { if (required) err = std::string("missing field \"") + key + "\""; return; }
        if (!v->IsInt()) { err = std::string("field \"") + key + "\" must be a whole number"; return; }
        out = v->GetInt();
    }
    void opt_int(const char* key, std::optional<int>& out) {
        if (!ok() || !find(key)) return;
        int v = 0;
        integer(key, v);
        out = v;
    }
    void boolean(const char* key, bool& out) {
        if (!ok()) return;
        if (const Value* v = find(key)) {
            if (!v->IsBool()) { err = std::string("field \"") + key + "\" must be true or false"; return; }
            out = v->GetBool();
        }
    }
    void quadrant(const char* key, Quadrant& out, bool required) {
        std::string s;
        str(key, s, required);
        if (!ok() || s.empty()) return;
        if (auto q = quadrant_from_string(s)) out = *q;
        else err = "field \"" + std::string(key) + "\": \"" + s + "\" is not one of q1, q2, q3, q4";
    }
    void strings(const char* key, std::vector<std::string>& out) {
        if (!ok()) return;
        const Value* v = find(key);
        if (!v) return;
        if (!v->IsArray()) { err = std::string("field \"") + key + "\" must be a list of strings"; return; }
        for (const auto& e : v->GetArray()) {
            if (!e.IsString()) { err = std::string("field \"") + key + "\" must be a list of strings"; return; }
            out.emplace_back(e.GetString(), e.GetStringLength());
        }
    }
    // `at` and `by` are optional in JSON: the store stamps them.
    template <class C> void stamp_fields(C& c) {
        i64("at", c.at);
        str("by", c.by);
    }
};

// Each domain parses its own commands from JSON: true if `type` is one of them (then `err` says
// what is wrong, or is empty and `out` holds the command).
bool qa_command_from_json(const std::string& type, const rapidjson::Value& doc, Command& out, std::string& err);
bool pdca_command_from_json(const std::string& type, const rapidjson::Value& doc, Command& out, std::string& err);
bool studio_command_from_json(const std::string& type, const rapidjson::Value& doc, Command& out, std::string& err);

}  // namespace cw
