// workspace_test.cpp — the workspace's JSON form: round trip, tolerance, refusal.
#include <catch2/catch.hpp>

#include "core/workspace.h"

using namespace cw;

TEST_CASE("A workspace round-trips through JSON byte-stable") {
    Workspace ws;
    ws.settings.language = Lang::Zh;
    ws.settings.agent_name = "王芳 \"Fang\" \\ 😀";
    ws.settings.centre_name = "Eastern hotline";
    ws.settings.grade_id = "senior";
    ws.settings.large_text = true;
    ws.settings.ui_layout = "[Window][x]\nPos=1,2\n";
    const std::string json = workspace_to_json(ws);
    WorkspaceLoad l = workspace_from_json(json);
    REQUIRE(l.ok);
    CHECK(l.workspace.settings.agent_name == ws.settings.agent_name);
    CHECK(l.workspace.settings.language == Lang::Zh);
    CHECK(l.workspace.settings.grade_id == "senior");
    CHECK(l.workspace.settings.large_text);
    CHECK(workspace_to_json(l.workspace) == json);
}

TEST_CASE("Missing settings fields take their defaults") {
    WorkspaceLoad l = workspace_from_json(R"({"schema_version":1,"settings":{"agent_name":"A"}})");
    REQUIRE(l.ok);
    CHECK(l.workspace.settings.agent_name == "A");
    CHECK(l.workspace.settings.grade_id == "agent");
    CHECK(l.workspace.settings.language == Lang::En);
}

TEST_CASE("Workspaces from a newer Callwise or without a version are refused, not guessed") {
    WorkspaceLoad l = workspace_from_json(R"({"schema_version":99,"settings":{}})");
    CHECK_FALSE(l.ok);
    CHECK(l.error.find("newer Callwise") != std::string::npos);
    CHECK(workspace_from_json(R"({"settings":{}})").error.find("no schema_version") != std::string::npos);
    CHECK_FALSE(workspace_from_json("{\"schema_version\":1,\"settings\":{\"agent_name\":\"\xff\"}}").ok);
    CHECK_FALSE(workspace_from_json(std::string(100000, '[')).ok);
}
