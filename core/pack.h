// pack.h — a content pack as JSON: load (guarded), save (canonical, byte-stable), validate
// (with paths a consultant can fix: `scenarios[3].script.steps[2].next: no step with id
// "refund-offer"`). The format is docs/pack-format.md.
// Must never: throw to the caller, trust the text before json_guard has checked it, or change a
// pack while validating it. Storage and the workspace's set of packs are elsewhere
// (platform layer; core/library.h).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/json_guard.h"
#include "core/model.h"

namespace cw {

struct ValidationIssue {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    std::string path;      // "scenarios[3].script.steps[2].next"; "" for the whole pack
    std::string code;      // stable key, e.g. "dangling_ref" (for translation and tests)
    std::string message;   // English, e.g. "no step with id \"refund-offer\" in this script"
    bool is_error() const { return severity == Severity::Error; }
    // "error: scenarios[3].script.steps[2].next: no step with id ..."
    std::string describe() const;
};

bool has_errors(const std::vector<ValidationIssue>& issues);
size_t count_errors(const std::vector<ValidationIssue>& issues);

struct PackLoadResult {
    bool ok = false;
    Pack pack;                              // meaningful only when ok
    std::string error;                      // when !ok: "line 3, column 7: ..." or "meta.id: ..."
    std::vector<ValidationIssue> warnings;  // readable but suspicious, e.g. unknown (misspelt) keys
};

// Checks the text with json_guard, then reads it with cereal. Does not validate references
// and rules: call validate_pack() for that (import_pack does both).
PackLoadResult load_pack_json(std::string_view text, const JsonBounds& bounds = JsonBounds{});

// Canonical JSON: 2-space indentation, fields in docs/pack-format.md order, empty optional
// fields left out, trailing newline. save(load(save(p))) == save(p), byte for byte.
std::string save_pack_json(const Pack& pack);

// Every problem found, errors and warnings, in pack order. See docs/pack-format.md.
std::vector<ValidationIssue> validate_pack(const Pack& pack);

// True if `id` is a well-formed id: 1-64 ASCII letters, digits, '-', '_', '.'.
bool is_valid_id(std::string_view id);

}  // namespace cw
