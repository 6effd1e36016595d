// save_format.cpp — see save_format.h.
#include "core/save_format.h"

#include <array>
#include <cstdio>
#include <cstring>

namespace cw {
namespace {
constexpr std::string_view kMagic = "CALLWISE-SAVE 1\n";

std::array<uint32_t, 256> make_crc_table() {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; ++i) {
        uint32_t c = i;
        for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        t[i] = c;
    }
    return t;
}

bool parse_u64(std::string_view s, uint64_t& out, int base) {
    if (s.empty() || s.size() > 20) return false;
    uint64_t v = 0;
    for (char ch : s) {
        int d;
        if (ch >= '0' && ch <= '9') d = ch - '0';
        else if (base == 16 && ch >= 'a' && ch <= 'f') d = ch - 'a' + 10;
        else return false;
        if (d >= base) return false;
        const uint64_t next = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
        if (next / static_cast<uint64_t>(base) != v) return false;  // overflow
        v = next;
    }
    out = v;
    return true;
}

// Reads "key=value" for `key` from a space-separated header line.
bool header_field(std::string_view line, std::string_view key, std::string_view& value) {
    size_t pos = 0;
    while (pos < line.size()) {
        size_t end = line.find(' ', pos);
        if (end == std::string_view::npos) end = line.size();
        const std::string_view field = line.substr(pos, end - pos);
        if (field.size() > key.size() && field.substr(0, key.size()) == key && field[key.size()] == '=') {
            value = field.substr(key.size() + 1);
            return true;
        }
        pos = end + 1;
    }
    return false;
}
}  // namespace

uint32_t crc32(std::string_view data) {
    static const std::array<uint32_t, 256> table = make_crc_table();
    uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : data) c = table[(c ^ b) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

std::string encode_save(std::string_view payload, uint64_t generation) {
    char header[96];
    std::snprintf(header, sizeof header, "gen=%llu len=%llu crc=%08x\n",
                  static_cast<unsigned long long>(generation),
                  static_cast<unsigned long long>(payload.size()), crc32(payload));
    std::string out;
    out.reserve(kMagic.size() + std::strlen(header) + payload.size());
    out.append(kMagic);
    out.append(header);
    out.append(payload);
    return out;
}

DecodedSave decode_save(std::string_view bytes) {
    DecodedSave d;
    if (bytes.empty()) { d.error = "the saved file is empty"; return d; }
    if (bytes.size() > kMaxSaveBytes) { d.error = "the saved file is larger than 128 MiB"; return d; }
    if (bytes.substr(0, kMagic.size()) != kMagic) {
        d.error = "not a Callwise save (unknown header)";
        return d;
    }
    const std::string_view rest = bytes.substr(kMagic.size());
    const size_t nl = rest.find('\n');
    if (nl == std::string_view::npos || nl > 200) { d.error = "the save header is cut off"; return d; }
    const std::string_view line = rest.substr(0, nl);
    std::string_view gen_s, len_s, crc_s;
    uint64_t gen = 0, len = 0, crc = 0;
    if (!header_field(line, "gen", gen_s) || !header_field(line, "len", len_s) ||
        !header_field(line, "crc", crc_s) || !parse_u64(gen_s, gen, 10) ||
        !parse_u64(len_s, len, 10) || !parse_u64(crc_s, crc, 16)) {
        d.error = "the save header is damaged";
        return d;
    }
    d.generation = gen;
    const std::string_view payload = rest.substr(nl + 1);
    if (payload.size() < len) {
        d.error = "the save is truncated (" + std::to_string(payload.size()) + " of " +
                  std::to_string(len) + " bytes)";
        return d;
    }
    if (payload.size() > len) { d.error = "the save has trailing bytes after its content"; return d; }
    if (crc32(payload) != crc) { d.error = "the save's checksum does not match (damaged content)"; return d; }
    d.ok = true;
    d.payload = std::string(payload);
    return d;
}

Recovery recover_workspace(const std::optional<std::string>& slot0,
                           const std::optional<std::string>& slot1) {
    struct Candidate { int slot; uint64_t gen; WorkspaceLoad load; };
    std::vector<Candidate> good;
    Recovery r;
    uint64_t newest_claimed = 0;
    const std::optional<std::string>* slots[2] = {&slot0, &slot1};
    for (int i = 0; i < 2; ++i) {
        if (!slots[i]->has_value()) continue;
        const std::string& bytes = **slots[i];
        DecodedSave d = decode_save(bytes);
        if (d.generation > newest_claimed) newest_claimed = d.generation;
        if (!d.ok) { r.problems.push_back({i, d.error, bytes}); continue; }
        WorkspaceLoad load = workspace_from_json(d.payload);
        if (!load.ok) { r.problems.push_back({i, load.error, bytes}); continue; }
        good.push_back({i, d.generation, std::move(load)});
    }
    const Candidate* best = nullptr;
    for (const auto& c : good)
        if (!best || c.gen > best->gen) best = &c;
    if (best) {
        r.workspace = best->load.workspace;
        r.from_save = true;
        r.slot = best->slot;
        r.generation = best->gen;
        r.loaded_schema = best->load.loaded_schema;
        r.lost_newer = newest_claimed > best->gen;
    } else {
        r.lost_newer = !r.problems.empty();
    }
    return r;
}

}  // namespace cw
