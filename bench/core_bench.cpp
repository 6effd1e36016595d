// core_bench.cpp — native timings of the core's heavy paths, each against its budget:
// a 5 MB pack loaded and saved, the workspace snapshot (4 demo packs + 10,000 cases) saved
// and loaded, the board built over 10,000 open cases. Not a test: prints PASS/OVER, never fails.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/cases.h"
#include "core/command.h"
#include "core/pack.h"
#include "core/save_format.h"

using namespace cw;
using Clock = std::chrono::steady_clock;

namespace {
std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

template <class F> double median_ms(int runs, F&& f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const auto a = Clock::now();
        f();
        t.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

void line(const char* what, double ms, double budget) {
    std::printf("%-62s %9.2f ms  (budget %g ms) %s\n", what, ms, budget, ms <= budget ? "PASS" : "OVER");
}
}  // namespace

int main() {
    const char* names[] = {"airline-hotline", "credit-card-bank", "online-travel", "ride-hailing"};
    Workspace ws;
    for (const char* n : names) {
        CommandResult r = apply(ws, cmd::ImportPack{read(std::string(CALLWISE_ASSETS_DIR) + "/packs/" + n + ".json"), ImportMode::AddAlongside});
        if (!r.ok) { std::printf("cannot load %s: %s\n", n, r.error.c_str()); return 1; }
    }
    // A 5 MB pack: the airline pack's scenarios repeated under new ids.
    Pack big = ws.library.packs[0];
    const std::vector<Scenario> base = big.scenarios;
    for (int i = 0; save_pack_json(big).size() < 5u * 1024u * 1024u; ++i)
        for (Scenario s : base) {
            s.id += "-copy" + std::to_string(i);
            big.scenarios.push_back(s);
        }
    const std::string big_json = save_pack_json(big);
    char what[160];
    std::snprintf(what, sizeof what, "pack load + validate, %.1f MB (%zu scenarios)", big_json.size() / 1048576.0, big.scenarios.size());
    line(what, median_ms(5, [&] { PackLoadResult r = load_pack_json(big_json); (void)validate_pack(r.pack); }), 1000);
    line("pack save (canonical JSON), same pack", median_ms(5, [&] { (void)save_pack_json(big); }), 1000);

    const std::string texts[] = {"航班还有40分钟起飞，我还在安检排队", "信用卡被盗刷了，还在扣钱", "想开一张上个月的发票",
                                 "下个月带父母第一次出国，需要准备什么", "The driver won't let me out of the car",
                                 "Can I change my seat?", "酒店降价了，我要马上退差价！！"};
    for (int i = 0; i < 10000; ++i) {
        cmd::CreateCase c;
        c.text = texts[i % 7] + std::string(" #") + std::to_string(i);
        c.channel = i % 2 ? "phone" : "chat";
        c.at = 1700000000000LL + i * 1000LL;
        c.by = "bench";
        apply(ws, c);
    }
    std::string snapshot;
    line("workspace snapshot save, 4 packs + 10,000 cases", median_ms(3, [&] { snapshot = encode_save(workspace_to_json(ws), 1); }), 500);
    std::snprintf(what, sizeof what, "workspace snapshot load + check, %.1f MB", snapshot.size() / 1048576.0);
    line(what, median_ms(3, [&] { Recovery r = recover_workspace(snapshot, std::nullopt); (void)r; }), 1000);
    line("board build (filter + sort), 10,000 open cases", median_ms(9, [&] { (void)build_board(ws, BoardFilter{}); }), 16.7);
    BoardFilter f;
    f.text = "发票";
    line("board build with a search filter, 10,000 open cases", median_ms(9, [&] { (void)build_board(ws, f); }), 16.7);
    return 0;
}
