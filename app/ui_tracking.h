// ui_tracking.h — where named widgets were drawn this frame, for the automation API: tests
// and demo scripts click a field by name instead of guessing pixels.
#pragma once
#include <string>

namespace cw {

void ui_track(const char* name);    // records the last ImGui item's rectangle under `name`
void ui_tracking_new_frame();
std::string ui_tracked_json();      // {"name": [x, y, w, h], ...} in CSS pixels

}  // namespace cw
