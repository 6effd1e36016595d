// pack_actions.h — what the app does with content-pack files: import one the user picked or
// dropped (asking before it replaces a pack of the same id), add the built-in demo packs,
// export a pack. Keeps the outcome of the last action for the Packs screen to show.
#pragma once
#include <string>
#include <vector>

namespace cw {

struct PackActionOutcome {
    bool shown = false;
    bool ok = false;
    std::string title;                  // "Imported …" / "Not imported: …"
    std::vector<std::string> details;   // validation findings, one per line
};

struct PendingReplace {
    bool active = false;
    std::string file_name, pack_id, old_version, new_version, json;
};

void pack_import_file(const std::string& file_name, const std::string& bytes);
void pack_confirm_replace(bool yes);
// Imports every built-in pack not yet in the workspace; returns how many were added.
int pack_add_builtin();
std::vector<std::string> builtin_pack_files();
std::string builtin_pack_text(const std::string& file_name);   // "" if missing
// The two HTML deliverables of a pack (core/pack_html.h), downloaded in the current language.
void pack_export_scripts_html(const std::string& pack_id);
void pack_export_processes_html(const std::string& pack_id);
void pack_export(const std::string& pack_id);

PackActionOutcome& pack_outcome();
PendingReplace& pack_pending_replace();

}  // namespace cw
