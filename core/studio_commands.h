// studio_commands.h — the script studio's commands (DOMAIN.md §3–§4, issue #5): a lead or
// consultant edits a *draft* of a pack — scenarios with their script graphs, personas, the
// pack-wide guardrails, the pack's name — with undo/redo, then publishes it into the library
// (validated, all-or-nothing). Plain data; applied in core/pack_draft.cpp.
#pragma once
#include <cstdint>
#include <string>

#include "core/model.h"

namespace cw::cmd {

struct StudioOpenPack { std::string pack_id; };       // a draft copy of a library pack
struct StudioNewPack { std::string pack_id, industry; LocalizedText name; };
// Replaces the scenario whose id was `original_id` (empty: adds a new one at the end).
struct StudioPutScenario { std::string pack_id, original_id; Scenario scenario; };
struct StudioRemoveScenario { std::string pack_id, scenario_id; };
struct StudioPutPersona { std::string pack_id, original_id; Persona persona; };
struct StudioRemovePersona { std::string pack_id, persona_id; };
struct StudioPutGuardrails { std::string pack_id; Guardrails guardrails; };   // pack-wide ones
struct StudioPutMeta { std::string pack_id; PackMeta meta; };                 // meta.id cannot change
struct StudioUndo { std::string pack_id; };
struct StudioRedo { std::string pack_id; };
// Validates the draft and puts it into the library (replacing the pack it came from); refused
// with the validation errors when there are any. The draft is kept until it publishes.
struct StudioPublish { std::string pack_id; };
struct StudioDiscard { std::string pack_id; };

}  // namespace cw::cmd

namespace cw {
struct Workspace;
struct CommandResult;
CommandResult apply_studio(Workspace& ws, const cmd::StudioOpenPack& c);
CommandResult apply_studio(Workspace& ws, const cmd::StudioNewPack& c);
CommandResult apply_studio(Workspace& ws, const cmd::StudioPutScenario& c);
CommandResult apply_studio(Workspace& ws, const cmd::StudioRemoveScenario& c);
CommandResult apply_studio(Workspace& ws, const cmd::StudioPutPersona& c);
CommandResult apply_studio(Workspace& ws, const cmd::StudioRemovePersona& c);
CommandResult apply_studio(Workspace& ws, const cmd::StudioPutGuardrails& c);
CommandResult apply_studio(Workspace& ws, const cmd::StudioPutMeta& c);
CommandResult apply_studio(Workspace& ws, const cmd::StudioUndo& c);
CommandResult apply_studio(Workspace& ws, const cmd::StudioRedo& c);
CommandResult apply_studio(Workspace& ws, const cmd::StudioPublish& c);
CommandResult apply_studio(Workspace& ws, const cmd::StudioDiscard& c);
}  // namespace cw
