// pack_check.cpp — validate content packs from the command line, as the import would:
//   callwise_pack_check pack.json [more.json ...]
// Prints every error and warning with its path; exits 1 if any pack has errors or does not
// round-trip byte-stable. For consultants writing packs by hand, and for pack authors' CI.
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/pack.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s pack.json [more.json ...]\n", argv[0]);
        return 2;
    }
    int bad = 0;
    for (int i = 1; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        if (!in) { std::printf("%s: cannot open\n", argv[i]); ++bad; continue; }
        std::stringstream ss;
        ss << in.rdbuf();
        cw::PackLoadResult r = cw::load_pack_json(ss.str());
        if (!r.ok) { std::printf("%s: error: %s\n", argv[i], r.error.c_str()); ++bad; continue; }
        for (const auto& w : r.warnings) std::printf("%s: %s\n", argv[i], w.describe().c_str());
        const auto issues = cw::validate_pack(r.pack);
        for (const auto& is : issues) std::printf("%s: %s\n", argv[i], is.describe().c_str());
        const std::string once = cw::save_pack_json(r.pack);
        cw::PackLoadResult again = cw::load_pack_json(once);
        const bool stable = again.ok && cw::save_pack_json(again.pack) == once;
        if (!stable) std::printf("%s: error: does not round-trip byte-stable\n", argv[i]);
        const size_t errors = cw::count_errors(issues);
        std::printf("%s: %zu scenarios, %zu personas, %zu plans; %zu errors, %zu warnings%s\n", argv[i],
                    r.pack.scenarios.size(), r.pack.personas.size(), r.pack.plans.size(), errors,
                    issues.size() - errors + r.warnings.size(), stable ? "" : ", NOT round-trip stable");
        if (errors > 0 || !stable) ++bad;
    }
    return bad ? 1 : 0;
}
