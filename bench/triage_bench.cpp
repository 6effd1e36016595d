// triage_bench.cpp — native benchmark of the triage classifier (core/triage.h), issue 4:
// "classifying 100,000 cases natively takes under 1 second". A benchmark, not a test: timings
// depend on the machine, so nothing here fails a build; it prints PASS/OVER against the budget.
//
// What it does: loads the demo packs from <assets>/packs (every *.json there; the demo ones are
// what the budget is about), builds the triage index, then classifies 100,000 requests made by
// cycling tests/triage/labelled_requests.json with small variations (greetings, numbers,
// full-width letters, case, emoji), so texts are realistic (60-200 characters) and not
// identical. It also times suggest_scenarios() against 10,000 scenarios per call.
//
// Build (by hand, from the repository root; plain main, no test framework), one line:
//   g++ -std=c++17 -O2 -I. -include core/json_config.h -DCALLWISE_ASSETS_DIR='"assets"'
//       -DCALLWISE_TESTS_DIR='"tests"' bench/triage_bench.cpp
//       core/{triage,text_normalize,pack,model,json_guard,utf8,disclosure_pattern}.cpp -o triage_bench
// Run: ./triage_bench [assets_dir] [tests_dir]
#include <dirent.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "core/pack.h"
#include "core/triage.h"

#ifndef CALLWISE_ASSETS_DIR
#define CALLWISE_ASSETS_DIR "assets"
#endif
#ifndef CALLWISE_TESTS_DIR
#define CALLWISE_TESTS_DIR "tests"
#endif

using namespace cw;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kRequests = 100000;
constexpr double kBudgetMs = 1000;
constexpr int kScenarios = 10000;
constexpr int kSuggestCalls = 200;

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

std::vector<std::string> labelled_texts(const std::string& tests_dir) {
    std::vector<std::string> out;
    const std::string text = read_file(tests_dir + "/triage/labelled_requests.json");
    rapidjson::Document doc;
    doc.Parse(text.c_str(), text.size());
    if (!doc.HasParseError() && doc.IsObject() && doc.HasMember("requests") && doc["requests"].IsArray())
        for (const auto& r : doc["requests"].GetArray())
            if (r.IsObject() && r.HasMember("text") && r["text"].IsString()) out.emplace_back(r["text"].GetString());
    if (out.empty()) {  // still measure something without the labelled set
        out = {"不好意思打扰一下，司机一直不让我下车，说要绕路去他朋友那里，我有点害怕。",
               "My flight boards in 20 minutes and I'm still in the security queue, can you help?",
               "请问信用卡积分有效期是多久？", "URGENT!!! I need my invoice now!!"};
    }
    return out;
}

// A small, deterministic variation of a labelled text.
std::string vary(const std::string& base, int i) {
    static const char* const kPrefixes[] = {"", "你好，", "Hi, ", "您好 ", "hello! ", "喂，", "", "Excuse me, "};
    static const char* const kSuffixes[] = {"", " 谢谢", " thanks", "！！", " 🙏", "。麻烦了", "?", " ASAP"};
    std::string s = kPrefixes[i % 8];
    s += base;
    s += kSuffixes[(i / 8) % 8];
    if (i % 5 == 0) s += " 订单号" + std::to_string(100000 + i);
    if (i % 7 == 0) s += " ＣＡ" + std::to_string(i % 9999);  // full-width letters
    if (i % 11 == 0) std::transform(s.begin(), s.end(), s.begin(), [](char c) {
        return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    });
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string assets = argc > 1 ? argv[1] : CALLWISE_ASSETS_DIR;
    const std::string tests = argc > 2 ? argv[2] : CALLWISE_TESTS_DIR;

    // Packs.
    std::vector<Pack> packs;
    if (DIR* d = opendir((assets + "/packs").c_str())) {
        std::vector<std::string> files;
        while (dirent* e = readdir(d)) {
            const std::string name = e->d_name;
            if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0) files.push_back(name);
        }
        closedir(d);
        std::sort(files.begin(), files.end());
        for (const std::string& f : files) {
            PackLoadResult r = load_pack_json(read_file(assets + "/packs/" + f));
            if (r.ok) packs.push_back(std::move(r.pack));
            else std::printf("skipping %s: %s\n", f.c_str(), r.error.c_str());
        }
    }
    std::vector<const TriageRules*> rules;
    std::vector<const Scenario*> real_scenarios;
    size_t signals = 0;
    std::string names;
    for (const Pack& p : packs) {
        if (p.meta.id == "sample-mini") continue;  // the demo packs are what the budget is about
        rules.push_back(&p.triage_rules);
        signals += p.triage_rules.signals.size();
        names += p.meta.id + " ";
        for (const Scenario& s : p.scenarios) real_scenarios.push_back(&s);
    }
    if (rules.empty())
        for (const Pack& p : packs) rules.push_back(&p.triage_rules), names += p.meta.id + " ";
    std::printf("packs: %s(%zu signals)\n", names.c_str(), signals);

    // Index: all demo packs in one (the worst case: the most phrases per scan).
    auto t0 = Clock::now();
    const TriageIndex index = build_triage_index(rules);
    std::printf("index: %zu signals, %zu phrases, built in %.2f ms\n", index.signal_count(), index.phrase_count(),
                ms_since(t0));

    // Requests.
    const std::vector<std::string> base = labelled_texts(tests);
    std::vector<std::string> requests;
    requests.reserve(kRequests);
    size_t bytes = 0;
    for (int i = 0; i < kRequests; ++i) {
        requests.push_back(vary(base[static_cast<size_t>(i) % base.size()], i));
        bytes += requests.back().size();
    }
    std::printf("requests: %d, average %.0f bytes\n", kRequests, static_cast<double>(bytes) / kRequests);

    // Warm up (page in the automaton, first-touch allocations), then measure.
    for (int i = 0; i < 1000; ++i) classify(index, requests[static_cast<size_t>(i)]);
    int quadrants[4] = {0, 0, 0, 0};
    size_t fired = 0;
    t0 = Clock::now();
    for (const std::string& r : requests) {
        const TriageResult res = classify(index, r);
        ++quadrants[static_cast<int>(res.quadrant)];
        fired += res.fired.size();
    }
    const double ms = ms_since(t0);
    std::printf("triage: %d classifications in %.1f ms (budget %.0f ms) %s\n", kRequests, ms, kBudgetMs,
                ms < kBudgetMs ? "PASS" : "OVER");
    std::printf("  %.2f us per request; q1=%d q2=%d q3=%d q4=%d; %.2f signals fired per request\n",
                ms * 1000 / kRequests, quadrants[0], quadrants[1], quadrants[2], quadrants[3],
                static_cast<double>(fired) / kRequests);

    // Scenario suggestion against a large library: the packs' scenarios, cycled to 10,000 with
    // phrases made distinct (so nothing is deduplicated away by accident).
    std::vector<Scenario> library;
    library.reserve(kScenarios);
    for (int i = 0; i < kScenarios; ++i) {
        Scenario s;
        s.id = "s" + std::to_string(i);
        if (!real_scenarios.empty()) {
            const Scenario& src = *real_scenarios[static_cast<size_t>(i) % real_scenarios.size()];
            s.typical_phrases = src.typical_phrases;
            if (i >= static_cast<int>(real_scenarios.size()))
                for (LocalizedText& p : s.typical_phrases) {
                    if (!p.zh.empty()) p.zh += std::to_string(i % 97);
                    if (!p.en.empty()) p.en += " v" + std::to_string(i % 97);
                }
        } else {
            s.typical_phrases = {{"航班延误了" + std::to_string(i), "my flight is delayed " + std::to_string(i)}};
        }
        library.push_back(std::move(s));
    }
    std::vector<const Scenario*> lib;
    size_t phrases = 0;
    for (const Scenario& s : library) {
        lib.push_back(&s);
        phrases += s.typical_phrases.size();
    }
    // Each request carries one typical phrase of a real scenario, as a caller's words would, so
    // the matching path is timed too, not only the rejections.
    std::vector<std::string> asks;
    for (int i = 0; i < kSuggestCalls; ++i) {
        std::string a = requests[static_cast<size_t>(i * 37) % requests.size()];
        if (!real_scenarios.empty()) {
            const Scenario& src = *real_scenarios[static_cast<size_t>(i) % real_scenarios.size()];
            if (!src.typical_phrases.empty()) {
                const LocalizedText& p = src.typical_phrases[static_cast<size_t>(i) % src.typical_phrases.size()];
                a += " " + (i % 2 ? p.en : p.zh);
            }
        }
        asks.push_back(std::move(a));
    }
    suggest_scenarios(lib, asks[0], 5);  // warm up
    size_t matches = 0;
    t0 = Clock::now();
    for (const std::string& a : asks) matches += suggest_scenarios(lib, a, 5).size();
    const double sms = ms_since(t0);
    std::printf("suggest_scenarios: %d scenarios (%zu phrases), %.2f ms per call (%d calls, %.1f matches per call)\n",
                kScenarios, phrases, sms / kSuggestCalls, kSuggestCalls,
                static_cast<double>(matches) / kSuggestCalls);
    return 0;
}
