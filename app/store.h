// store.h — the one owner of the live Workspace in the app.
// Views read `ws()` and call `dispatch()`; the automation API calls the same `dispatch()`.
// Persists through the Platform after changes (debounced, off the frame path) and remembers
// what went wrong on start-up so the UI can tell the user.
#pragma once
#include <string>
#include <vector>

#include "app/platform.h"
#include "core/command.h"
#include "core/save_format.h"
#include "core/save_scheduler.h"

namespace cw {

class Store {
public:
    // Reads both slots, recovers the newest good state, keeps unreadable copies aside.
    void start(Platform& p);

    const Workspace& ws() const { return ws_; }
    CommandResult dispatch(const Command& c);

    // Every frame; `flush` when the tab is being hidden or closed.
    void tick(bool flush = false);

    SaveState save_state() const { return scheduler_.state(); }
    const std::string& save_error() const { return scheduler_.last_error(); }
    uint64_t saved_generation() const { return scheduler_.saved_generation(); }
    uint64_t revision() const { return revision_; }   // bumps on every change (views may cache)

    // Start-up recovery, for the banner.
    const std::vector<SaveProblem>& recovery_problems() const { return problems_; }
    bool recovery_from_save() const { return recovered_from_save_; }
    void dismiss_recovery() { problems_.clear(); }
    void export_problem(size_t index);

    double load_ms() const { return load_ms_; }   // reading + recovering the saved workspace

    // Whole workspace as a JSON download (the user's own backup).
    void export_workspace();

    // Consultant demo mode: `demo` becomes the live workspace; the user's own stays aside,
    // untouched, and is still what gets saved (pending changes included). The demo is never
    // written to storage. Leaving brings the user's workspace back as it was.
    void enter_demo(Workspace demo);
    Workspace leave_demo();   // returns the demo as it was left
    bool in_demo() const { return demo_; }

private:
    Platform* platform_ = nullptr;
    Workspace ws_;
    SaveScheduler scheduler_;
    uint64_t revision_ = 0;
    std::vector<SaveProblem> problems_;
    bool recovered_from_save_ = false;
    double load_ms_ = 0;
    bool demo_ = false;
    Workspace own_;   // the user's workspace while the demo is live
    const Workspace& saved_ws() const { return demo_ ? own_ : ws_; }
};

Store& store();

}  // namespace cw
