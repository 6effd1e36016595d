// pack_test_support.h — shared by the pack tests: read asset files, edit JSON text in place.
#pragma once
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#ifndef CALLWISE_ASSETS_DIR
#error "CALLWISE_ASSETS_DIR must be defined (the build does it; by hand: -DCALLWISE_ASSETS_DIR='\"/path/to/assets\"')"
#endif

namespace cw_test {

inline std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    INFO("reading " << path);
    REQUIRE(in.good());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string sample_pack_text() {
    return read_text_file(std::string(CALLWISE_ASSETS_DIR) + "/packs/sample-mini.json");
}

// `text` with the one occurrence of `from` replaced; fails the test if `from` is not there
// exactly once (so a changed sample pack breaks loudly, not silently).
inline std::string replace_once(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    INFO("looking for: " << from);
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(from, at + 1) == std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace cw_test
