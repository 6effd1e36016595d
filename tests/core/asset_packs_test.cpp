// asset_packs_test.cpp — every pack shipped in assets/packs/ loads, validates with no errors and
// round-trips byte-stable. Demo packs are written by hand from docs/pack-format.md: when one
// fails, the messages below say which file and what to fix.
#include <catch2/catch.hpp>

#include <dirent.h>  // POSIX; works natively and under emscripten's NODERAWFS

#include <algorithm>
#include <string>
#include <vector>

#include "core/pack.h"
#include "pack_test_support.h"

using namespace cw;

namespace {

std::vector<std::string> pack_files() {
    const std::string dir = std::string(CALLWISE_ASSETS_DIR) + "/packs";
    std::vector<std::string> files;
    if (DIR* d = opendir(dir.c_str())) {
        while (dirent* e = readdir(d)) {
            const std::string name = e->d_name;
            if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0) files.push_back(dir + "/" + name);
        }
        closedir(d);
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("Every pack in assets/packs loads, validates without errors and round-trips byte-stable") {
    const std::vector<std::string> files = pack_files();
    REQUIRE_FALSE(files.empty());  // at least sample-mini.json
    for (const std::string& file : files) {
        INFO("pack file: " << file);
        PackLoadResult r = load_pack_json(cw_test::read_text_file(file));
        INFO("load error: " << r.error);
        REQUIRE(r.ok);

        std::string warnings;
        for (const auto& w : r.warnings) warnings += w.describe() + "\n";
        std::string errors;
        for (const auto& i : validate_pack(r.pack)) (i.is_error() ? errors : warnings) += i.describe() + "\n";
        if (!warnings.empty()) WARN(file << ":\n" << warnings);  // shown, not failing
        INFO("validation errors:\n" << errors);
        CHECK(errors.empty());

        const std::string first = save_pack_json(r.pack);
        PackLoadResult again = load_pack_json(first);
        INFO("reload error: " << again.error);
        REQUIRE(again.ok);
        CHECK(save_pack_json(again.pack) == first);
    }
}
