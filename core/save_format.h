// save_format.h — the envelope around a saved workspace, and choosing which save to start from.
// A save is: a magic line, a header line (generation, payload length, CRC-32), then the payload.
// Two slots alternate so that a save torn by a closed tab or a storage fault never costs more
// than the last change: on start we take the newest slot whose checksum and content hold.
// Never touches storage itself: the platform layer moves the bytes.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include "core/workspace.h"

namespace cw {

// Saves larger than this are refused on load, so the store never writes one (it reports the
// failure instead and keeps the previous save).
constexpr size_t kMaxSaveBytes = 128u * 1024u * 1024u;

uint32_t crc32(std::string_view data);

std::string encode_save(std::string_view payload, uint64_t generation);

struct DecodedSave {
    bool ok = false;
    uint64_t generation = 0;
    std::string payload;
    std::string error;
};
DecodedSave decode_save(std::string_view bytes);

// A slot that exists but could not be used: kept so the user can export it.
struct SaveProblem {
    int slot = 0;
    std::string reason;
    std::string bytes;
};

struct Recovery {
    Workspace workspace;               // the state to start from (empty if nothing usable)
    bool from_save = false;            // false: started empty
    int slot = -1;                     // slot used, if from_save
    uint64_t generation = 0;           // generation used (0 if empty)
    int loaded_schema = 0;
    std::vector<SaveProblem> problems; // unreadable slots, newest first
    bool lost_newer = false;           // an unreadable slot claimed to be newer than the one used
};

// slot0/slot1: the raw bytes of each slot, or nullopt if the slot has never been written.
Recovery recover_workspace(const std::optional<std::string>& slot0,
                           const std::optional<std::string>& slot1);

// The slot the next save goes to: never the one holding the state we started from.
inline int next_slot(uint64_t next_generation) { return static_cast<int>(next_generation % 2); }

}  // namespace cw
