// ui_tracking.cpp — see ui_tracking.h.
#include "app/ui_tracking.h"

#include <imgui.h>

#include <cstdio>
#include <map>

namespace cw {
namespace {
struct Rect { float x, y, w, h; };
std::map<std::string, Rect> g_rects;
}  // namespace

void ui_tracking_new_frame() { g_rects.clear(); }

void ui_track(const char* name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    g_rects[name] = {a.x, a.y, b.x - a.x, b.y - a.y};
}

std::string ui_tracked_json() {
    std::string out = "{";
    char buf[160];
    bool first = true;
    for (const auto& [name, r] : g_rects) {
        std::snprintf(buf, sizeof buf, "%s\"%s\":[%.1f,%.1f,%.1f,%.1f]", first ? "" : ",", name.c_str(),
                      r.x, r.y, r.w, r.h);
        out += buf;
        first = false;
    }
    return out + "}";
}

}  // namespace cw
