// save_scheduler.h — when to write the workspace, and what the user is told about it.
// A pure state machine: the app reports changes, ticks it every frame and hands the storage's
// answers back; it says when a save is due. One save in flight at a time (overlapping
// IndexedDB writes are not queued for us), changes during a save are written right after,
// a save that never answers is reported as failed after a timeout. Knows nothing of storage.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace cw {

enum class SaveState {
    Saved,        // everything is stored
    Pending,      // changed, waiting for the debounce
    Saving,       // a write is in flight
    Failed,       // the last write failed or timed out; retried on the next change or tick
    MemoryOnly,   // no storage: nothing will be saved
    ReadOnly,     // another tab owns the workspace
};

const char* to_string(SaveState s);

struct SaveDue {
    uint64_t generation;
    int slot;
};

class SaveScheduler {
public:
    struct Config {
        double debounce_ms = 250;     // coalesce bursts of typing into one write
        double timeout_ms = 10000;    // a write with no answer by then is reported failed
        double retry_ms = 5000;       // after a failure, try again this often
    };

    SaveScheduler() = default;
    explicit SaveScheduler(Config c) : cfg_(c), debounce_(c.debounce_ms) {}

    // generation: the generation of the state we started from (0 if none).
    void start(uint64_t generation, bool can_write, bool read_only);

    void changed(double now_ms);
    // Returns a save to perform now, if one is due. `flush` skips the debounce (tab hidden).
    std::optional<SaveDue> tick(double now_ms, bool flush = false);
    void finished(uint64_t generation, bool ok, const std::string& error, double now_ms);

    // Large workspaces take longer to serialise (on the UI thread): space saves out so that a
    // burst of edits costs one pause, not one per keystroke. The debounce becomes
    // max(configured, 4 x the last serialisation time), capped at 5 s.
    void observe_serialise_ms(double ms);
    double debounce_ms() const { return debounce_; }

    SaveState state() const { return state_; }
    const std::string& last_error() const { return last_error_; }
    uint64_t saved_generation() const { return saved_gen_; }
    bool dirty() const { return dirty_; }

private:
    Config cfg_;
    double debounce_ = Config{}.debounce_ms;
    SaveState state_ = SaveState::Saved;
    bool can_write_ = true;
    bool dirty_ = false;
    bool in_flight_ = false;
    uint64_t saved_gen_ = 0;      // newest generation known to be stored
    uint64_t next_gen_ = 1;       // generation the next write gets
    uint64_t flight_gen_ = 0;
    double changed_at_ = 0;
    double flight_started_ = 0;
    double failed_at_ = 0;
    std::string last_error_;
};

}  // namespace cw
