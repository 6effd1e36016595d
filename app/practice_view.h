// practice_view.h — the practice screen's state: the running simulation and its QA result.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "core/practice_sim.h"
#include "core/qa_scoring.h"

namespace cw {

struct PracticeState {
    std::unique_ptr<PracticeSim> sim;
    std::unique_ptr<QaResult> qa;
    std::string pack_id, scenario_id, persona_id, own, message;
    std::uint64_t seed = 0;
    bool recorded = false;   // the finished run is in the workspace's history
    std::string qa_record_id;   // the filed QA record (disputes go to it), once recorded
};

PracticeState& practice();
// scenario_id empty: "surprise me" (the seed picks scenario and persona).
bool practice_start(const std::string& pack_id, const std::string& scenario_id, const std::string& persona_id,
                    std::uint64_t seed);
void practice_finish_if_ended();   // scores and records a finished call, once

}  // namespace cw
