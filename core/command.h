// command.h — every change to the workspace is a Command (DESIGN.md: data flows one way).
// The UI builds these structs; the automation API builds them from JSON; both go through
// apply(). Never reads or writes storage, never touches the UI.
#pragma once
#include <string>
#include <string_view>
#include <variant>
#include "core/workspace.h"

namespace cw {

namespace cmd {
struct SetLanguage { Lang language = Lang::En; };
struct SetAgentName { std::string name; };
struct SetCentreName { std::string name; };
struct SetGrade { std::string grade_id; };
struct SetLargeText { bool on = false; };
struct SetNotes { std::string text; };
struct SetUiLayout { std::string ini; };   // window layout; saved, but not a user "edit"
}  // namespace cmd

using Command = std::variant<cmd::SetLanguage, cmd::SetAgentName, cmd::SetCentreName,
                             cmd::SetGrade, cmd::SetLargeText, cmd::SetNotes, cmd::SetUiLayout>;

struct CommandResult {
    bool ok = false;
    bool changed = false;   // false when the command was valid but changed nothing
    std::string error;      // a message a person can act on, when !ok
};

CommandResult apply(Workspace& ws, const Command& c);

// The JSON form, e.g. {"type":"set_language","language":"zh-CN"}.
struct CommandParse {
    bool ok = false;
    Command command;
    std::string error;
};
constexpr size_t kMaxCommandBytes = 4u * 1024u * 1024u;
CommandParse command_from_json(std::string_view json);
std::string command_name(const Command& c);

}  // namespace cw
