// persona_match.h — "which persona is this caller?" (DOMAIN.md §4; issue 6): from a few facts
// about a caller — birth year or age, channel, what they said, tags the agent picked — suggest
// the matching personas of a pack, ranked, each with its reasons in both languages
// ("born 1998: within Generation Z 1995–2009", "said '群里' (ask in the group chat): ...").
//
// Owns: the evidence rules and their weights below.
// Must never: read a clock (the caller gives the current year with an age), change the pack,
// throw or stall on any text (only the first kPersonaMaxScanBytes are read), or decide: it
// suggests, the agent confirms.
//
// Evidence (each a PersonaReason; a persona's score is the sum, and only personas scoring > 0
// are returned):
//   BirthYear      +3 born within the persona's range; +1 within 2 years of it; -3 further out
//                  (an age counts as born current_year - age - 1 .. current_year - age).
//   Tag            +2 a tag the agent picked equals one of the persona's tags (either language);
//                  +1.5 the caller's words share a good part of a tag: Chinese, the longest
//                  common run of 2+ CJK characters covering at least half the tag ("群里" of
//                  "群里提问"); English, at least half of the tag's content words (4+ letters)
//                  with 5+ letters matched in all ("group chat" of "Ask in the group chat").
//   Dialect        +2 the caller names one of the persona's dialects ("粤语", "Cantonese",
//                  "广东话"), or uses words typical of it ("唔该", "啥子", "侬", "咋整").
//   TypicalPhrase  +1.5 / n  the caller's words are a typical phrase of a scenario linked to the
//                  persona (core/triage.h suggest_scenarios), shared among that scenario's n personas.
//   Channel        +0.5 the persona's tags, segment or needs mention the caller's channel
//                  ("chat", "群", "电话"), not negated ("不用打电话", "without a phone call").
// Ties keep the pack's order.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "core/model.h"

namespace cw {

constexpr size_t kPersonaMaxScanBytes = 20000;

constexpr double kPersonaBornWithin = 3.0;
constexpr double kPersonaBornNear = 1.0;
constexpr int kPersonaNearYears = 2;
constexpr double kPersonaBornOutside = -3.0;
constexpr double kPersonaTagPicked = 2.0;
constexpr double kPersonaTagSaid = 1.5;
constexpr double kPersonaDialect = 2.0;
constexpr double kPersonaTypicalPhrase = 1.5;
constexpr double kPersonaChannel = 0.5;

struct CallerFacts {
    int birth_year = 0;            // 0 = unknown
    int age = 0;                   // 0 = unknown; used when birth_year is unknown
    int current_year = 0;          // needed with an age: core never reads a clock
    std::string channel;           // "phone" "chat" "message" "email" "social" (Case::channel)
    std::string text;              // what they said or wrote, as typed
    std::vector<std::string> tags; // tags the agent picked (either language, e.g. "个性", "Convenience")
};

enum class PersonaReasonKind { BirthYear, Tag, Dialect, TypicalPhrase, Channel };
const char* to_string(PersonaReasonKind k);  // "birth_year" "tag" "dialect" "typical_phrase" "channel"

struct PersonaReason {
    PersonaReasonKind kind = PersonaReasonKind::Tag;
    double weight = 0;         // what it added to the score (negative: evidence against)
    std::string matched;       // the caller's words or fact that matched, e.g. "群里", "1998"
    LocalizedText text;        // the reason, e.g. "born 1998: within Generation Z 1995–2009"
};

struct PersonaMatch {
    const Persona* persona = nullptr;  // points into the pack passed to match_personas
    double score = 0;
    std::vector<PersonaReason> reasons;  // strongest first
};

// Personas of `pack` that fit the caller, best first, at most `max`.
std::vector<PersonaMatch> match_personas(const Pack& pack, const CallerFacts& facts, size_t max = 3);

}  // namespace cw
