// ui_qa.h — one QA result on screen (practice end, the assistant's end of call, the reviewer):
// items with their explained deductions; the agent disputes a deduction, the reviewer accepts
// or rejects disputes and marks the items no rule can judge. Every action is a QA command on
// the filed record (core/qa_commands.h), so nothing is lost on reload.
#pragma once
#include "core/qa_record.h"

namespace cw {

void draw_qa_result(const QaRecord& record, bool reviewer);
// Open disputes and items waiting for a reviewer.
int qa_open_disputes(const QaRecord& record);

}  // namespace cw
