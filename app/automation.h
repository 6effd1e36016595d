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
    int force_frames = 0;                // draw this many frames even if idle (benchmarks)
    static constexpr int kRing = 240;
    double cpu_ms[kRing] = {};           // CPU time of the last drawn frames (ring buffer)
    int ring_next = 0, ring_count = 0;
    void record(double ms) {
        last_frame_cpu_ms = ms;
        cpu_ms[ring_next] = ms;
        ring_next = (ring_next + 1) % kRing;
        if (ring_count < kRing) ++ring_count;
    }
};
FrameStats& frame_stats();

}  // namespace cw
