// practice_bench.cpp — native benchmark of practice calls (core/practice_sim.h) and QA scoring
// (core/qa_scoring.h), issue 6. A benchmark, not a test: timings depend on the machine, so
// nothing here fails a build. It prints
//   practice simulation: N steps per second
//   qa scoring: N calls per second
// where a step is one trainee reply (a chosen candidate or a typed line, with everything the
// simulated customer does in response and the next turn's candidates), and a call is one
// CallRecord scored against its pack's first scorecard. Setting up a practice call
// (PracticeSim::start: copying the scenario, indexing every step text in both languages, the
// opening turn) is timed apart and printed on its own line: it happens once per call.
//
// What it does: loads the demo packs from <assets>/packs, then plays practice calls over every
// scenario x linked persona x {trainee, senior} x {zh, en}, with a seeded "trainee" that mostly
// picks candidates and sometimes types (repeated until kMinSteps steps), then scores the
// records those calls left, repeatedly (until kMinScored). All of it single-threaded.
//
// Build (by hand, from the repository root; plain main, no test framework), one line:
//   g++ -std=c++17 -O2 -I. -include core/json_config.h -DCALLWISE_ASSETS_DIR='"assets"'
//       bench/practice_bench.cpp core/{practice_sim,qa_scoring,triage,text_normalize,pack,model,
//       json_guard,utf8,disclosure_pattern,call_record}.cpp -o practice_bench
// Run: ./practice_bench [assets_dir]
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/pack.h"
#include "core/practice_sim.h"
#include "core/qa_scoring.h"

#ifndef CALLWISE_ASSETS_DIR
#define CALLWISE_ASSETS_DIR "assets"
#endif

using namespace cw;
using Clock = std::chrono::steady_clock;

namespace {

constexpr long kMinSteps = 200000;
constexpr long kMinScored = 200000;

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

std::uint64_t splitmix(std::uint64_t& s) {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

}  // namespace

int main(int argc, char** argv) {
    const std::string assets = argc > 1 ? argv[1] : CALLWISE_ASSETS_DIR;
    std::vector<Pack> packs;
    for (const char* name : {"airline-hotline", "credit-card-bank", "online-travel", "ride-hailing"}) {
        const PackLoadResult r = load_pack_json(read_file(assets + "/packs/" + name + ".json"));
        if (!r.ok) {
            std::fprintf(stderr, "cannot load %s: %s\n", name, r.error.c_str());
            return 1;
        }
        packs.push_back(r.pack);
    }
    const char* typed[] = {"好的，我马上帮您查", "OK, let me look into that for you", "补偿您 300 元", "我理解您的心情"};

    // ---------------------------------------------------------------- practice simulation
    std::uint64_t rng = 2024;
    long steps = 0, calls = 0;
    double start_s = 0, step_s = 0;
    std::vector<std::pair<size_t, CallRecord>> records;  // (pack index, record) for the QA part
    while (steps < kMinSteps) {
        for (size_t pi = 0; pi < packs.size(); ++pi) {
            const Pack& pack = packs[pi];
            for (const Scenario& sc : pack.scenarios)
                for (const std::string& persona : sc.persona_ids)
                    for (const char* grade : {"trainee", "senior"})
                        for (Lang lang : {Lang::Zh, Lang::En}) {
                            const Clock::time_point ts = Clock::now();
                            PracticeSim sim = PracticeSim::start(pack, sc.id, persona, grade, splitmix(rng), lang);
                            start_s += seconds_since(ts);
                            if (!sim.ok()) {
                                std::fprintf(stderr, "%s\n", sim.error().c_str());
                                return 1;
                            }
                            const Clock::time_point tr = Clock::now();
                            while (!sim.ended()) {
                                const std::uint64_t r = splitmix(rng);
                                if (r % 10 == 0) sim.say(typed[(r >> 8) % 4]);
                                else sim.choose((r >> 8) % sim.candidate_count());
                                ++steps;
                            }
                            step_s += seconds_since(tr);
                            ++calls;
                            if (records.size() < 5000) records.emplace_back(pi, sim.record());
                        }
        }
    }

    // ---------------------------------------------------------------- qa scoring
    long scored = 0;
    double checksum = 0;  // keeps the optimiser honest
    const Clock::time_point t1 = Clock::now();
    while (scored < kMinScored) {
        for (const auto& [pi, rec] : records) {
            const QaResult q = score_call(packs[pi], packs[pi].scorecards.at(0), rec);
            checksum += q.score;
            ++scored;
        }
    }
    const double qa_s = seconds_since(t1);

    std::printf("practice simulation: %.0f steps per second (%ld steps in %ld calls, %.2f s)\n", steps / step_s, steps, calls,
                step_s);
    std::printf("practice call setup: %.0f microseconds per call (%.0f calls per second, steps included: %.0f)\n",
                1e6 * start_s / calls, calls / (start_s + step_s), steps / (start_s + step_s));
    std::printf("qa scoring: %.0f calls per second (%ld records scored in %.2f s; checksum %.1f)\n", scored / qa_s, scored,
                qa_s, checksum / scored);
    return 0;
}
