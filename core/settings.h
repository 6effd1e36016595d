// settings.h — the user's preferences kept in the workspace (language, who is working, display).
// Owns plain data only; never reads the platform (DPR, storage) — the app layer does that.
#pragma once
#include <string>
#include "core/lang.h"

namespace cw {

struct Settings {
    Lang language = Lang::En;
    std::string agent_name;       // shown on cases and reviews
    std::string centre_name;      // the call centre / client this workspace is for
    std::string grade_id = "agent";  // trainee / agent / senior / lead (authority by maturity)
    bool large_text = false;      // presenter-friendly size for demos
    std::string notes;            // the agent's scratch pad (numbers, names heard on a call)
    std::string ui_layout;        // Dear ImGui window layout (SaveIniSettingsToMemory), opaque here
};

// Bounds on user-entered settings text; longer input is cut at a UTF-8 boundary.
constexpr size_t kMaxNameBytes = 200;
constexpr size_t kMaxLayoutBytes = 64 * 1024;
constexpr size_t kMaxNotesBytes = 256 * 1024;

}  // namespace cw
