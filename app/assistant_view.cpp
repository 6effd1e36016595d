// assistant_view.cpp — see assistant_view.h.
#include "app/assistant_view.h"

#include "app/platform.h"
#include "app/store.h"
#include "core/cases.h"

namespace cw {
namespace {
struct Cache {
    std::uint64_t index_rev = ~0ull;
    ScenarioIndex index;
    std::string searched;
    std::uint64_t searched_rev = ~0ull;
    std::string checked;
    const void* checked_session = nullptr;
};
Cache& cache() {
    static Cache c;
    return c;
}
}  // namespace

AssistantState& assistant() {
    static AssistantState s;
    return s;
}

void assistant_search_refresh() {
    Cache& c = cache();
    AssistantState& a = assistant();
    if (c.index_rev != store().revision()) {
        // The index points into the workspace's packs: rebuilt after any change.
        std::vector<const Pack*> packs;
        for (const Pack& p : store().ws().library.packs) packs.push_back(&p);
        c.index = build_scenario_index(packs);
        c.index_rev = store().revision();
        c.searched_rev = ~0ull;
    }
    if (c.searched_rev == c.index_rev && c.searched == a.query) return;
    a.results = a.query.empty() ? std::vector<ScenarioSearchResult>{} : c.index.search(a.query, 12);
    c.searched = a.query;
    c.searched_rev = c.index_rev;
}

void assistant_check_reply() {
    Cache& c = cache();
    AssistantState& a = assistant();
    if (c.checked == a.reply && c.checked_session == &a.session && a.started) return;
    a.report = a.started ? a.session.guardrails().check(a.reply) : GuardrailReport{};
    c.checked = a.reply;
    c.checked_session = &a.session;
}

bool assistant_start(const std::string& pack_id, const std::string& scenario_id, const std::string& persona_id,
                     const std::string& case_id) {
    AssistantState& a = assistant();
    const Workspace& ws = store().ws();
    Found<Scenario> sc = find_scenario(ws.library, scenario_id, pack_id);
    if (!sc) {
        a.message = "no scenario \"" + scenario_id + "\"";
        return false;
    }
    CallSetup setup;
    setup.persona_id = persona_id;
    setup.grade_id = ws.settings.grade_id;
    setup.agent = ws.settings.agent_name;
    setup.case_id = case_id;
    setup.lang = ws.settings.language;
    setup.clock = [] { return static_cast<std::int64_t>(platform().wall_ms()); };
    if (const Case* c = find_case(ws, case_id)) {
        setup.variables = c->variables;
        if (!c->customer_name.empty()) setup.variables["customer_name"] = c->customer_name;
        if (setup.persona_id.empty()) setup.persona_id = c->persona_id;
    }
    a.session = CallSession{};
    ActionResult r = a.session.start(*sc.pack, *sc.item, setup);
    a.pack_id = sc.pack->meta.id;
    a.scenario_id = scenario_id;
    a.persona_id = setup.persona_id;
    a.case_id = case_id;
    a.started = true;
    a.reply.clear();
    a.customer_said.clear();
    a.ended_as.clear();
    a.qa.reset();
    a.qa_record_id.clear();
    a.message = r.ok() ? "" : r.message;
    cache().checked_session = nullptr;
    return r.ok();
}

}  // namespace cw
