// command_test.cpp — workspace commands, as structs and as the automation API's JSON.
#include <catch2/catch.hpp>

#include "core/command.h"

using namespace cw;

TEST_CASE("Commands change settings and say whether anything changed") {
    Workspace ws;
    CHECK(apply(ws, cmd::SetLanguage{Lang::Zh}).changed);
    CHECK(ws.settings.language == Lang::Zh);
    CHECK_FALSE(apply(ws, cmd::SetLanguage{Lang::Zh}).changed);
    CHECK(apply(ws, cmd::SetAgentName{"李娜"}).changed);
    CHECK(ws.settings.agent_name == "李娜");
    CHECK(apply(ws, cmd::SetLargeText{true}).changed);
}

TEST_CASE("Bad values are refused with a message and change nothing") {
    Workspace ws;
    CommandResult r = apply(ws, cmd::SetGrade{"boss"});
    CHECK_FALSE(r.ok);
    CHECK(r.error.find("\"boss\" is not one of trainee, agent, senior, lead") != std::string::npos);
    CHECK(ws.settings.grade_id == "agent");
    r = apply(ws, cmd::SetAgentName{std::string("ab\xff\xfe", 4)});
    CHECK_FALSE(r.ok);
    CHECK(r.error.find("UTF-8") != std::string::npos);
    CHECK(ws.settings.agent_name.empty());
}

TEST_CASE("Very long names are cut at a character boundary") {
    Workspace ws;
    std::string huge;
    for (int i = 0; i < 1000; ++i) huge += "张";   // 3 bytes each
    REQUIRE(apply(ws, cmd::SetAgentName{huge}).ok);
    CHECK(ws.settings.agent_name.size() <= kMaxNameBytes);
    CHECK(ws.settings.agent_name.size() % 3 == 0);
}

TEST_CASE("JSON commands parse into the same structs") {
    CommandParse p = command_from_json(R"({"type":"set_language","language":"zh-CN"})");
    REQUIRE(p.ok);
    REQUIRE(std::holds_alternative<cmd::SetLanguage>(p.command));
    CHECK(std::get<cmd::SetLanguage>(p.command).language == Lang::Zh);
    CHECK(command_name(p.command) == "set_language");
    p = command_from_json(R"({"type":"set_large_text","on":true})");
    REQUIRE(p.ok);
    CHECK(std::get<cmd::SetLargeText>(p.command).on);
}

TEST_CASE("Broken JSON commands give a message naming the problem") {
    struct Row { const char* json; const char* expect; };
    const Row rows[] = {
        {"", "not valid JSON"},
        {"[1,2]", "must be a JSON object"},
        {R"({"language":"en"})", "missing field \"type\""},
        {R"({"type":"launch_rocket"})", "unknown type \"launch_rocket\""},
        {R"({"type":"set_language","language":"fr"})", "\"fr\" is not one of en, zh-CN"},
        {R"({"type":"set_agent_name","name":42})", "\"name\" must be a string"},
        {R"({"type":"set_large_text","on":"yes"})", "must be true or false"},
        {R"({"type":"set_agent_name","name":NaN})", "not valid JSON"},
    };
    for (const auto& row : rows) {
        INFO(row.json);
        CommandParse p = command_from_json(row.json);
        CHECK_FALSE(p.ok);
        CHECK(p.error.find(row.expect) != std::string::npos);
    }
}

TEST_CASE("Deeply nested JSON is refused without overflowing the stack") {
    std::string deep(200000, '[');
    CommandParse p = command_from_json(deep);
    CHECK_FALSE(p.ok);
}

TEST_CASE("Notes keep long multi-line text up to their bound") {
    Workspace ws;
    std::string text;
    for (int i = 0; i < 5000; ++i) text += "第" + std::to_string(i) + "行 😀\n";
    REQUIRE(apply(ws, cmd::SetNotes{text}).ok);
    CHECK(ws.settings.notes.size() <= kMaxNotesBytes);
    CHECK(ws.settings.notes.substr(0, 20) == text.substr(0, 20));
    CommandParse p = command_from_json(R"({"type":"set_notes","text":"a\nb"})");
    REQUIRE(p.ok);
    CHECK(std::get<cmd::SetNotes>(p.command).text == "a\nb");
}
