// triage_view.cpp — see triage_view.h.
#include "app/triage_view.h"

#include <cstdio>

#include "app/store.h"
#include "core/persona_match.h"

namespace cw {
namespace {

struct Cache {
    std::uint64_t index_rev = ~0ull;
    std::string index_pack;
    TriageIndex index;
    std::uint64_t intake_rev = ~0ull;
    std::string intake_text, intake_pack, intake_channel;
    std::uint64_t board_rev = ~0ull;
    std::string board_key;
    Board board;
};
Cache& cache() {
    static Cache c;
    return c;
}

const TriageIndex& index_for(const std::string& pack_id) {
    Cache& c = cache();
    if (c.index_rev != store().revision() || c.index_pack != pack_id) {
        c.index = triage_index_for(store().ws(), pack_id);
        c.index_rev = store().revision();
        c.index_pack = pack_id;
    }
    return c.index;
}

}  // namespace

IntakeState& intake() {
    static IntakeState s;
    return s;
}
BoardState& board_state() {
    static BoardState s;
    return s;
}
std::string& open_case_id() {
    static std::string id;
    return id;
}

void intake_refresh() {
    IntakeState& in = intake();
    Cache& c = cache();
    if (c.intake_rev == store().revision() && c.intake_text == in.text && c.intake_pack == in.pack_id &&
        c.intake_channel == in.channel)
        return;
    const TriageIndex& idx = index_for(in.pack_id);
    in.result = classify(idx, in.text);
    in.thresholds = idx.thresholds();
    in.scenarios = in.text.empty() ? std::vector<ScenarioMatch>{}
                                   : suggest_scenarios(scenarios_of(store().ws(), in.pack_id), in.text, 3);
    in.suggested_persona.clear();
    in.persona_reason = LocalizedText{};
    if (!in.text.empty()) {
        CallerFacts facts;
        facts.channel = in.channel;
        facts.text = in.text;
        double best = 0;
        for (const Pack& p : store().ws().library.packs) {
            if (!in.pack_id.empty() && p.meta.id != in.pack_id) continue;
            const std::vector<PersonaMatch> m = match_personas(p, facts, 1);
            if (!m.empty() && m[0].score > best) {
                best = m[0].score;
                in.suggested_persona = m[0].persona->id;
                if (!m[0].reasons.empty()) in.persona_reason = m[0].reasons[0].text;
            }
        }
    }
    c.intake_rev = store().revision();
    c.intake_text = in.text;
    c.intake_pack = in.pack_id;
    c.intake_channel = in.channel;
}

const Board& current_board() {
    Cache& c = cache();
    BoardState& b = board_state();
    b.filter.agent = b.only_mine ? store().ws().settings.agent_name : std::string();
    const std::string key = b.filter.text + '\x1f' + b.filter.channel + '\x1f' + b.filter.agent + '\x1f' +
                            b.filter.persona_id + '\x1f' + std::to_string(b.filter.status);
    if (c.board_rev != store().revision() || c.board_key != key) {
        c.board = build_board(store().ws(), b.filter);
        c.board_rev = store().revision();
        c.board_key = key;
    }
    return c.board;
}

std::string log_intake_case() {
    IntakeState& in = intake();
    cmd::CreateCase c;
    c.text = in.text;
    c.channel = in.channel;
    c.customer_name = in.customer;
    c.pack_id = in.pack_id;
    c.persona_id = in.persona_id;
    c.scenario_id = in.scenario_id;
    if (in.quadrant >= 0) c.quadrant = static_cast<Quadrant>(in.quadrant);
    c.override_reason = in.reason;
    CommandResult r = store().dispatch(c);
    if (!r.ok) {
        in.error = r.error;
        return "";
    }
    // Keep channel and pack (the agent's context); clear what belonged to this request.
    in.text.clear();
    in.customer.clear();
    in.persona_id.clear();
    in.scenario_id.clear();
    in.quadrant = -1;
    in.reason.clear();
    in.error.clear();
    in.last_logged = r.id;
    return r.id;
}

std::string format_duration(std::int64_t ms) {
    if (ms < 0) ms = -ms;
    const std::int64_t min = ms / 60000;
    char buf[32];
    if (min < 60) std::snprintf(buf, sizeof buf, "%lldm", static_cast<long long>(min));
    else if (min < 48 * 60) std::snprintf(buf, sizeof buf, "%lldh%02lldm", static_cast<long long>(min / 60), static_cast<long long>(min % 60));
    else std::snprintf(buf, sizeof buf, "%lldd", static_cast<long long>(min / 1440));
    return buf;
}

}  // namespace cw
