// automation.h — the JSON door into the app (window.callwise on the web): the same commands
// the UI emits, plus a few view commands ("ui.navigate"), and read-only queries.
// Documented in docs/automation.md.
#pragma once
#include <string>
#include <string_view>

namespace cw {

std::string automation_dispatch(std::string_view json);
std::string automation_query(std::string_view what);

// Frame statistics the main loop reports, for queries and benchmarks.
struct FrameStats {
    unsigned long long frames = 0;       // main-loop iterations
    unsigned long long drawn = 0;        // frames actually drawn (idle ones are skipped)
    double last_frame_cpu_ms = 0;
    bool wake = false;                   // something outside the UI changed: draw next frame
};
FrameStats& frame_stats();

}  // namespace cw
