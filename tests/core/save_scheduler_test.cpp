// save_scheduler_test.cpp — when saves happen and what the user is told.
#include <catch2/catch.hpp>

#include "core/save_scheduler.h"

using namespace cw;

TEST_CASE("A burst of changes becomes one save after the debounce") {
    SaveScheduler s;
    s.start(0, true, false);
    s.changed(0);
    s.changed(100);
    CHECK_FALSE(s.tick(200).has_value());
    CHECK(s.state() == SaveState::Pending);
    auto due = s.tick(400);
    REQUIRE(due);
    CHECK(due->generation == 1);
    CHECK(due->slot == 1);
    CHECK(s.state() == SaveState::Saving);
    s.finished(1, true, "", 450);
    CHECK(s.state() == SaveState::Saved);
    CHECK(s.saved_generation() == 1);
}

TEST_CASE("Only one save is in flight; a change during it is saved right after") {
    SaveScheduler s;
    s.start(10, true, false);
    s.changed(0);
    auto first = s.tick(1000);
    REQUIRE(first);
    s.changed(1100);
    CHECK_FALSE(s.tick(2000).has_value());   // still in flight
    s.finished(first->generation, true, "", 2100);
    CHECK(s.state() == SaveState::Pending);
    auto second = s.tick(2200);
    REQUIRE(second);
    CHECK(second->generation == first->generation + 1);
    CHECK(second->slot != first->slot);
}

TEST_CASE("Hiding the tab flushes without waiting for the debounce") {
    SaveScheduler s;
    s.start(0, true, false);
    s.changed(0);
    CHECK(s.tick(1, /*flush=*/true).has_value());
}

TEST_CASE("A failed save is reported, keeps the data dirty and retries into the same slot") {
    SaveScheduler s;
    s.start(4, true, false);
    s.changed(0);
    auto due = s.tick(500);
    REQUIRE(due);
    s.finished(due->generation, false, "the browser storage is full", 600);
    CHECK(s.state() == SaveState::Failed);
    CHECK(s.last_error() == "the browser storage is full");
    CHECK(s.dirty());
    CHECK_FALSE(s.tick(700).has_value());           // waits before retrying
    auto retry = s.tick(600 + 5001);
    REQUIRE(retry);
    CHECK(retry->slot == due->slot);                 // the other slot keeps the last good save
    s.finished(retry->generation, true, "", 6000);
    CHECK(s.state() == SaveState::Saved);
}

TEST_CASE("A save that never answers times out as a failure") {
    SaveScheduler s;
    s.start(0, true, false);
    s.changed(0);
    auto due = s.tick(300);
    REQUIRE(due);
    CHECK_FALSE(s.tick(5000).has_value());
    CHECK(s.state() == SaveState::Saving);
    s.tick(10301);
    CHECK(s.state() == SaveState::Failed);
    CHECK(s.last_error().find("did not answer") != std::string::npos);
    s.finished(due->generation, true, "", 11000);   // a late answer is ignored
    CHECK(s.state() == SaveState::Failed);
}

TEST_CASE("Without storage nothing is written and the state says so") {
    SaveScheduler memory;
    memory.start(0, false, false);
    memory.changed(0);
    CHECK_FALSE(memory.tick(10000).has_value());
    CHECK(memory.state() == SaveState::MemoryOnly);
    SaveScheduler reader;
    reader.start(3, true, true);
    reader.changed(0);
    CHECK_FALSE(reader.tick(10000).has_value());
    CHECK(reader.state() == SaveState::ReadOnly);
}

TEST_CASE("Slow serialisation spaces saves out, up to a cap") {
    SaveScheduler s;
    s.start(0, true, false);
    CHECK(s.debounce_ms() == 250);
    s.observe_serialise_ms(300);
    CHECK(s.debounce_ms() == 1200);
    s.changed(0);
    CHECK_FALSE(s.tick(1000).has_value());
    CHECK(s.tick(1201).has_value());
    s.observe_serialise_ms(100000);
    CHECK(s.debounce_ms() == 5000);
    s.observe_serialise_ms(1);
    CHECK(s.debounce_ms() == 250);
}
