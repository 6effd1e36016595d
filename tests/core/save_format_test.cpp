// save_format_test.cpp — the save envelope and choosing which slot to start from.
#include <catch2/catch.hpp>

#include "core/save_format.h"

using namespace cw;

namespace {
std::string save_with(const char* agent, uint64_t gen) {
    Workspace ws;
    ws.settings.agent_name = agent;
    return encode_save(workspace_to_json(ws), gen);
}
}  // namespace

TEST_CASE("A save decodes back to its payload and generation") {
    const std::string bytes = encode_save("{\"x\":1}", 42);
    DecodedSave d = decode_save(bytes);
    REQUIRE(d.ok);
    CHECK(d.generation == 42);
    CHECK(d.payload == "{\"x\":1}");
}

TEST_CASE("CRC-32 matches the standard check value") {
    CHECK(crc32("123456789") == 0xCBF43926u);
}

TEST_CASE("Damaged saves are refused with a reason") {
    const std::string good = encode_save("{\"schema_version\":1}", 7);
    SECTION("empty") { CHECK(decode_save("").error == "the saved file is empty"); }
    SECTION("not ours") { CHECK(decode_save("hello").error.find("not a Callwise save") != std::string::npos); }
    SECTION("truncated, as by a closed tab") {
        DecodedSave d = decode_save(good.substr(0, good.size() - 3));
        CHECK_FALSE(d.ok);
        CHECK(d.error.find("truncated") != std::string::npos);
    }
    SECTION("one flipped byte in the content") {
        std::string bad = good;
        bad[bad.size() - 2] ^= 0x20;
        CHECK(decode_save(bad).error.find("checksum") != std::string::npos);
    }
    SECTION("trailing garbage") { CHECK(decode_save(good + "xx").error.find("trailing") != std::string::npos); }
    SECTION("header cut") { CHECK_FALSE(decode_save("CALLWISE-SAVE 1\ngen=1 len=").ok); }
    SECTION("header numbers that overflow") {
        CHECK_FALSE(decode_save("CALLWISE-SAVE 1\ngen=99999999999999999999999 len=2 crc=00000000\n{}").ok);
    }
}

TEST_CASE("Recovery takes the newest readable slot") {
    Recovery r = recover_workspace(save_with("old", 3), save_with("new", 4));
    REQUIRE(r.from_save);
    CHECK(r.workspace.settings.agent_name == "new");
    CHECK(r.slot == 1);
    CHECK(r.generation == 4);
    CHECK(r.problems.empty());
    CHECK_FALSE(r.lost_newer);
}

TEST_CASE("Recovery falls back to the previous save when the newest is corrupt, and keeps the bad copy") {
    std::string newest = save_with("new", 8);
    newest.resize(newest.size() / 2);   // torn write
    Recovery r = recover_workspace(newest, save_with("previous", 7));
    REQUIRE(r.from_save);
    CHECK(r.workspace.settings.agent_name == "previous");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].slot == 0);
    CHECK(r.problems[0].bytes == newest);
    CHECK(r.lost_newer);
}

TEST_CASE("Recovery starts empty, without crashing, when every slot is garbage") {
    Recovery r = recover_workspace(std::string("\x00\xff garbage", 10), std::string(5000, '{'));
    CHECK_FALSE(r.from_save);
    CHECK(r.workspace.settings.agent_name.empty());
    CHECK(r.problems.size() == 2);
}

TEST_CASE("A save whose checksum holds but whose JSON is broken is still refused") {
    Recovery r = recover_workspace(encode_save("{\"schema_version\":1,\"settings\":{\"agent_name\":5}}", 2), std::nullopt);
    CHECK_FALSE(r.from_save);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].reason.find("could not be read") != std::string::npos);
}

TEST_CASE("Nothing saved yet means an empty start with no problems") {
    Recovery r = recover_workspace(std::nullopt, std::nullopt);
    CHECK_FALSE(r.from_save);
    CHECK(r.problems.empty());
    CHECK(r.generation == 0);
}

TEST_CASE("The next save never goes into the slot we started from") {
    Recovery r = recover_workspace(std::nullopt, save_with("a", 5));
    CHECK(r.slot == 1);
    CHECK(next_slot(r.generation + 1) == 0);
}
