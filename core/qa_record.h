// qa_record.h — a scored call kept in the workspace for review: the call as it happened
// (CallRecord), its QA result with disputes and reviewer marks (QaResult), and who/when.
// Practice calls and real calls logged by the assistant are filed the same way; the reviewer's
// screen and the dashboard read them.
// Owns: QaRecord, the cereal form of CallRecord/QaResult, and applying the QA commands
// (core/qa_commands.h). Must never: touch UI/platform code or read a clock.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/call_record.h"
#include "core/qa_scoring.h"

namespace cw {

struct QaRecord {
    std::string id;               // "Q-000001", assigned when filed
    std::int64_t at = 0;          // unix ms, when the call ended
    std::string agent;            // who took the call
    std::string case_id;          // real calls: the case it belongs to
    CallRecord call;
    QaResult result;
};

// A scored call with its transcript is 5–20 KB in a save; 3,000 keep the workspace far below
// the 128 MiB a save may hold. The oldest practice records give way first (see qa_record.cpp).
constexpr size_t kMaxQaRecords = 3000;
constexpr size_t kMaxQaTextBytes = 4u * 1024u;     // a dispute's comment, a reviewer's note
constexpr size_t kMaxQaLineBytes = 16u * 1024u;    // one line of a filed call (longer is cut)
constexpr size_t kMaxQaLines = 5000;               // lines in one filed call
constexpr size_t kMaxQaDisputes = 200;             // disputes on one record (rejected ones may be re-filed)

// A practice call (simulated customer); these give way first when the list is full.
bool is_practice(const QaRecord& r);
const QaRecord* find_qa_record(const std::vector<QaRecord>& records, std::string_view id);

// The JSON names of the call/QA enums, back to the enum (nullopt if unknown). to_string() for
// each is in call_record.h / qa_scoring.h.
std::optional<Speaker> speaker_from_string(std::string_view s);
std::optional<CallEnd> call_end_from_string(std::string_view s);
std::optional<QaStatus> qa_status_from_string(std::string_view s);
std::optional<DisputeStatus> dispute_status_from_string(std::string_view s);

// Defined in qa_record.cpp for cereal's JSON archives. Optional fields are omitted when they
// hold their default; absent ones load as the default; an unknown enum name throws a message
// naming the field ("call.lines[2].speaker: unknown speaker \"robot\"; expected one of ...").
template <class Archive> void serialize(Archive&, CallLine&);
template <class Archive> void serialize(Archive&, GuardrailHit&);
template <class Archive> void serialize(Archive&, CallRecord&);
template <class Archive> void serialize(Archive&, Deduction&);
template <class Archive> void serialize(Archive&, Dispute&);
template <class Archive> void serialize(Archive&, QaItemResult&);
template <class Archive> void serialize(Archive&, QaResult&);
template <class Archive> void serialize(Archive&, QaRecord&);

}  // namespace cw
namespace cereal { class JSONInputArchive; }
namespace cw {
// The workspace's list of records (an optional member `name`). Inside a LoadTrace holding the
// parsed document, absent fields are looked up rather than thrown for (workspace.cpp).
void load_qa_records(cereal::JSONInputArchive& ar, const char* name, std::vector<QaRecord>& records);

}  // namespace cw
