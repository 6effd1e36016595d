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

#include <fstream>
#include <sstream>

#include "core/command.h"
#include "core/save_format.h"

namespace {
std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

TEST_CASE("A schema-1 save from the foundation migrates to the current schema with nothing lost") {
    const std::string bytes = read_text(CALLWISE_TESTS_DIR "/fixtures/workspace-v1.save");
    REQUIRE(!bytes.empty());
    Recovery r = recover_workspace(bytes, std::nullopt);
    REQUIRE(r.from_save);
    CHECK(r.loaded_schema == 1);
    const Settings& s = r.workspace.settings;
    CHECK(s.language == Lang::Zh);
    CHECK(s.agent_name == "李娜");
    CHECK(s.centre_name == "东方航空服务热线");
    CHECK(s.grade_id == "senior");
    CHECK(s.notes == "MU5101 改签\n回电 138****0000");
    CHECK(r.workspace.library.packs.empty());
    CHECK(r.workspace.cases.empty());
    // Saved again, it is a current-schema workspace that reads back the same.
    const std::string again = workspace_to_json(r.workspace);
    CHECK(again.find("\"schema_version\": 3,\"settings\"") != std::string::npos);   // compact: no line breaks
    CHECK(workspace_to_json(r.workspace, true).find("\"schema_version\": 3") != std::string::npos);
    WorkspaceLoad l = workspace_from_json(again);
    REQUIRE(l.ok);
    CHECK(l.loaded_schema == Workspace::kSchemaVersion);
    CHECK(workspace_to_json(l.workspace) == again);
}

TEST_CASE("A workspace with packs and cases round-trips byte-stable") {
    Workspace ws;
    const std::string pack = read_text(CALLWISE_ASSETS_DIR "/packs/sample-mini.json");
    CommandResult imported = apply(ws, cmd::ImportPack{pack, ImportMode::AddAlongside});
    INFO(imported.error);
    REQUIRE(imported.ok);
    Case c;
    c.id = "C-000001";
    c.text = "航班 MU5101 还有40分钟起飞，我还在安检排队！";
    c.channel = "phone";
    c.final_quadrant = Quadrant::Q1_UrgentImportant;
    c.variables["flight_no"] = "MU5101";
    ws.cases.push_back(c);
    ws.next_case_number = 2;
    const std::string json = workspace_to_json(ws);
    WorkspaceLoad l = workspace_from_json(json);
    INFO(l.error);
    REQUIRE(l.ok);
    REQUIRE(l.workspace.library.packs.size() == 1);
    REQUIRE(l.workspace.cases.size() == 1);
    CHECK(l.workspace.cases[0].text == c.text);
    CHECK(l.workspace.cases[0].final_quadrant == Quadrant::Q1_UrgentImportant);
    CHECK(l.workspace.next_case_number == 2);
    CHECK(workspace_to_json(l.workspace) == json);
}

TEST_CASE("A save edited to hold a broken pack is refused with the pack's path") {
    Workspace ws;
    REQUIRE(apply(ws, cmd::ImportPack{read_text(CALLWISE_ASSETS_DIR "/packs/sample-mini.json"), ImportMode::AddAlongside}).ok);
    std::string json = workspace_to_json(ws);
    // Point the script's start at a step that does not exist.
    const std::string key = "\"start\": \"";
    const size_t at = json.find(key);
    REQUIRE(at != std::string::npos);
    json.insert(at + key.size(), "nowhere-");
    WorkspaceLoad l = workspace_from_json(json);
    CHECK_FALSE(l.ok);
    CHECK(l.error.find("packs[0].scenarios[0].script.start") != std::string::npos);
}

TEST_CASE("Importing through a command is all-or-nothing and explains itself") {
    Workspace ws;
    const std::string pack = read_text(CALLWISE_ASSETS_DIR "/packs/sample-mini.json");
    REQUIRE(apply(ws, cmd::ImportPack{pack, ImportMode::AddAlongside}).ok);
    const std::string before = workspace_to_json(ws);
    CommandResult again = apply(ws, cmd::ImportPack{pack, ImportMode::AddAlongside});
    CHECK_FALSE(again.ok);
    CHECK_FALSE(again.error.empty());
    CHECK(workspace_to_json(ws) == before);
    CommandResult broken = apply(ws, cmd::ImportPack{"{\"schema_version\": 1, \"meta\": {", ImportMode::AddAlongside});
    CHECK_FALSE(broken.ok);
    CHECK(broken.error.find("line 1") != std::string::npos);
    CHECK(workspace_to_json(ws) == before);
    CHECK(apply(ws, cmd::ImportPack{pack, ImportMode::ReplaceSameId}).ok);
    const std::string id = ws.library.packs.at(0).meta.id;
    CHECK(apply(ws, cmd::RemovePack{id}).ok);
    CHECK(ws.library.packs.empty());
    CHECK_FALSE(apply(ws, cmd::RemovePack{id}).ok);
}
