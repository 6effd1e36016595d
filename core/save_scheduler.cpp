// save_scheduler.cpp — see save_scheduler.h.
#include "core/save_scheduler.h"

#include "core/save_format.h"

#include <algorithm>

namespace cw {

const char* to_string(SaveState s) {
    switch (s) {
        case SaveState::Saved: return "saved";
        case SaveState::Pending: return "pending";
        case SaveState::Saving: return "saving";
        case SaveState::Failed: return "failed";
        case SaveState::MemoryOnly: return "memory_only";
        case SaveState::ReadOnly: return "read_only";
    }
    return "unknown";
}

void SaveScheduler::start(uint64_t generation, bool can_write, bool read_only) {
    saved_gen_ = generation;
    next_gen_ = generation + 1;
    can_write_ = can_write && !read_only;
    dirty_ = false;
    in_flight_ = false;
    state_ = read_only ? SaveState::ReadOnly : (can_write ? SaveState::Saved : SaveState::MemoryOnly);
}

void SaveScheduler::observe_serialise_ms(double ms) {
    debounce_ = std::min(5000.0, std::max(cfg_.debounce_ms, 4.0 * ms));
}

void SaveScheduler::changed(double now_ms) {
    dirty_ = true;
    changed_at_ = now_ms;
    if (!can_write_) return;
    if (state_ == SaveState::Saved) state_ = SaveState::Pending;
}

std::optional<SaveDue> SaveScheduler::tick(double now_ms, bool flush) {
    if (!can_write_) return std::nullopt;
    if (in_flight_) {
        if (now_ms - flight_started_ > cfg_.timeout_ms) {
            // The storage never answered (IDB aborts can be silent): stop waiting, say so,
            // and let the next tick write again.
            in_flight_ = false;
            dirty_ = true;
            next_gen_ = flight_gen_;
            state_ = SaveState::Failed;
            failed_at_ = now_ms;
            last_error_ = "the browser's storage did not answer within " +
                          std::to_string(static_cast<int>(cfg_.timeout_ms / 1000)) + " s";
        }
        return std::nullopt;
    }
    if (!dirty_) return std::nullopt;
    if (state_ == SaveState::Failed && !flush && now_ms - failed_at_ < cfg_.retry_ms &&
        changed_at_ <= failed_at_)
        return std::nullopt;
    if (!flush && now_ms - changed_at_ < debounce_) return std::nullopt;
    in_flight_ = true;
    dirty_ = false;
    flight_gen_ = next_gen_++;
    flight_started_ = now_ms;
    if (state_ != SaveState::Failed) state_ = SaveState::Saving;
    return SaveDue{flight_gen_, next_slot(flight_gen_)};
}

void SaveScheduler::finished(uint64_t generation, bool ok, const std::string& error, double now_ms) {
    if (!in_flight_ || generation != flight_gen_) return;  // a late answer after a timeout
    in_flight_ = false;
    if (ok) {
        saved_gen_ = generation;
        last_error_.clear();
        state_ = dirty_ ? SaveState::Pending : SaveState::Saved;
    } else {
        dirty_ = true;   // the content still needs writing
        next_gen_ = generation;  // retry into the same slot: the other one keeps the last good save
        state_ = SaveState::Failed;
        failed_at_ = now_ms;
        last_error_ = error.empty() ? "the browser refused to store the workspace" : error;
    }
}

}  // namespace cw
