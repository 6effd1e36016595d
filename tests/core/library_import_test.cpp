// library_import_test.cpp — importing packs is all-or-nothing; replace-by-id keeps the pack's
// place; lookups across packs; export.
#include <catch2/catch.hpp>

#include "core/library.h"
#include "pack_test_support.h"

using namespace cw;
using cw_test::replace_once;
using cw_test::sample_pack_text;

namespace {

Pack sample_pack() {
    PackLoadResult r = load_pack_json(sample_pack_text());
    REQUIRE(r.ok);
    return r.pack;
}

// Everything the library holds, as bytes: equal snapshots mean nothing changed.
std::string snapshot(const Library& lib) {
    std::string s;
    for (const auto& e : export_workspace_packs(lib)) s += e.file_name + "\n" + e.json;
    return s;
}

Pack other_pack(const std::string& id) {
    Pack p = sample_pack();
    p.meta.id = id;
    p.meta.name = {"另一个包", "Another pack"};
    return p;
}

}  // namespace

TEST_CASE("A valid pack is added to an empty library") {
    Library lib;
    ImportResult r = import_pack(lib, sample_pack(), ImportMode::AddAlongside);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.issues.empty());
    REQUIRE(lib.packs.size() == 1);
    CHECK(find_pack(lib, "sample-mini") != nullptr);
}

TEST_CASE("Adding a pack whose id is already in the library fails and changes nothing") {
    Library lib;
    REQUIRE(import_pack(lib, sample_pack(), ImportMode::AddAlongside).ok);
    const std::string before = snapshot(lib);
    Pack again = sample_pack();
    again.meta.name.en = "Changed";
    ImportResult r = import_pack(lib, again, ImportMode::AddAlongside);
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.error, Catch::Contains("a pack with id \"sample-mini\" (version 1.0.0) is already in the workspace") &&
                            Catch::Contains("replace it"));
    CHECK(snapshot(lib) == before);
}

TEST_CASE("A pack with a validation error is refused and the library is unchanged") {
    Library lib;
    REQUIRE(import_pack(lib, other_pack("first"), ImportMode::AddAlongside).ok);
    const std::string before = snapshot(lib);

    Pack broken = sample_pack();
    broken.scenarios[0].script.steps[3].next = "refund-offer";
    broken.personas[1].id = "gen_z";
    ImportResult add = import_pack(lib, broken, ImportMode::AddAlongside);
    CHECK_FALSE(add.ok);
    CHECK_THAT(add.error, Catch::StartsWith("the pack has ") && Catch::Contains(" errors; the first: personas[1].id: duplicate persona id"));
    CHECK(has_errors(add.issues));
    CHECK(snapshot(lib) == before);

    // Replacing with a broken version of an existing pack leaves the old one in place.
    Pack broken_first = other_pack("first");
    broken_first.grades.clear();  // plans and steps now name grades that do not exist
    ImportResult replace = import_pack(lib, broken_first, ImportMode::ReplaceSameId);
    CHECK_FALSE(replace.ok);
    CHECK_THAT(replace.error, Catch::StartsWith("the pack has 7 errors; the first: "));
    std::string all;
    for (const auto& i : replace.issues) all += i.describe() + "\n";
    CHECK_THAT(all, Catch::Contains("error: plans[0].grade_authority[0].grade_id: no grade with id \"agent\" in this pack"));
    CHECK(snapshot(lib) == before);
}

TEST_CASE("Unreadable pack JSON is refused and the library is unchanged") {
    Library lib;
    REQUIRE(import_pack(lib, sample_pack(), ImportMode::AddAlongside).ok);
    const std::string before = snapshot(lib);
    ImportResult r = import_pack_json(lib, "{\"schema_version\": 1,", ImportMode::ReplaceSameId);
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.error, Catch::StartsWith("the pack could not be read: line 1, column"));
    CHECK(snapshot(lib) == before);
}

TEST_CASE("Replacing a pack by id swaps its content and keeps its place") {
    Library lib;
    REQUIRE(import_pack(lib, other_pack("a"), ImportMode::AddAlongside).ok);
    REQUIRE(import_pack(lib, sample_pack(), ImportMode::AddAlongside).ok);
    REQUIRE(import_pack(lib, other_pack("z"), ImportMode::AddAlongside).ok);

    const std::string updated = replace_once(
        replace_once(sample_pack_text(), "\"version\": \"1.0.0\"", "\"version\": \"1.1.0\""),
        "\"title\": {\"zh\": \"航班延误\", \"en\": \"Flight delayed\"}",
        "\"title\": {\"zh\": \"航班延误(新版)\", \"en\": \"Flight delayed (new)\"}");
    ImportResult r = import_pack_json(lib, updated, ImportMode::ReplaceSameId);
    INFO(r.error);
    REQUIRE(r.ok);
    REQUIRE(lib.packs.size() == 3);
    CHECK(lib.packs[0].meta.id == "a");
    CHECK(lib.packs[1].meta.id == "sample-mini");
    CHECK(lib.packs[1].meta.version == "1.1.0");
    CHECK(lib.packs[2].meta.id == "z");
    CHECK(find_scenario(lib, "flight-delay", "sample-mini").item->title.en == "Flight delayed (new)");
}

TEST_CASE("Replacing a pack that is not in the library fails") {
    Library lib;
    ImportResult r = import_pack(lib, sample_pack(), ImportMode::ReplaceSameId);
    CHECK_FALSE(r.ok);
    CHECK(r.error == "there is no pack with id \"sample-mini\" to replace; add it instead");
    CHECK(lib.packs.empty());
}

TEST_CASE("Warnings do not block an import and come back to the caller") {
    Library lib;
    const std::string json = replace_once(sample_pack_text(), "\"next\": \"listen\"", "\"next\": \"listen\", \"colour\": \"red\"");
    ImportResult r = import_pack_json(lib, json, ImportMode::AddAlongside);
    REQUIRE(r.ok);
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].describe() == "warning: scenarios[0].script.steps[0].colour: unknown field (ignored)");
}

TEST_CASE("Lookups find entities across packs, first pack first, or in the named pack") {
    Library lib;
    REQUIRE(import_pack(lib, sample_pack(), ImportMode::AddAlongside).ok);
    Pack second = other_pack("second");
    second.scenarios[0].title.en = "Delay in the second pack";
    REQUIRE(import_pack(lib, second, ImportMode::AddAlongside).ok);

    const auto any = find_scenario(lib, "flight-delay");
    REQUIRE(any);
    CHECK(any.pack->meta.id == "sample-mini");
    const auto exact = find_scenario(lib, "flight-delay", "second");
    REQUIRE(exact);
    CHECK(exact.item->title.en == "Delay in the second pack");
    CHECK(find_persona(lib, "elderly_group").item->name.en == "Elderly people travelling together");
    CHECK(find_plan(lib, "missed-flight-plan", "second").pack->meta.id == "second");
    CHECK(find_grade(lib, "senior").item->compensation_limit == 200);
    CHECK_FALSE(find_scenario(lib, "nope"));
    CHECK_FALSE(find_scenario(lib, "flight-delay", "no-such-pack"));
}

TEST_CASE("Removing a pack takes it and its entities out of the library") {
    Library lib;
    REQUIRE(import_pack(lib, sample_pack(), ImportMode::AddAlongside).ok);
    CHECK(remove_pack(lib, "sample-mini"));
    CHECK(lib.packs.empty());
    CHECK_FALSE(find_persona(lib, "gen_z"));
    CHECK_FALSE(remove_pack(lib, "sample-mini"));
}

TEST_CASE("Exported packs load back into an equal library") {
    Library lib;
    REQUIRE(import_pack(lib, sample_pack(), ImportMode::AddAlongside).ok);
    REQUIRE(import_pack(lib, other_pack("second"), ImportMode::AddAlongside).ok);
    const auto exported = export_workspace_packs(lib);
    REQUIRE(exported.size() == 2);
    CHECK(exported[0].file_name == "sample-mini.json");
    CHECK(exported[1].pack_id == "second");
    Library copy;
    for (const auto& e : exported) REQUIRE(import_pack_json(copy, e.json, ImportMode::AddAlongside).ok);
    CHECK(snapshot(copy) == snapshot(lib));
}
