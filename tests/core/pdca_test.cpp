// pdca_test.cpp — the PDCA improvement board (core/pdca.h): adding items (ids shared with the
// backlog), editing only what is given, moves in any direction with their history, linking the
// cases behind an item, removing; every refusal; the JSON form of the commands; the workspace
// save, including saves written before the board had owners, sources and history.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/command.h"
#include "core/pdca.h"
#include "core/utf8.h"
#include "core/workspace.h"

using namespace cw;

namespace {

Workspace with_cases() {
    Workspace ws;
    for (const char* id : {"C-000001", "C-000002", "C-000003"}) {
        Case c;
        c.id = id;
        c.text = "航班延误，乘客投诉到民航局";
        ws.cases.push_back(c);
    }
    ws.next_case_number = 4;
    return ws;
}

std::string add(Workspace& ws, const std::string& title, std::vector<std::string> cases = {}, const std::string& source = "hand",
                std::int64_t at = 1000) {
    cmd::AddPdcaItem c;
    c.title = title;
    c.problem = "Complaints to the regulator after delays";
    c.source = source;
    c.case_ids = std::move(cases);
    c.at = at;
    c.by = "Manager Zhao";
    const CommandResult r = cw::apply(ws, c);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.changed);
    return r.id;
}

const PdcaItem& item(const Workspace& ws, const std::string& id) {
    const PdcaItem* p = find_pdca_item(ws, id);
    REQUIRE(p);
    return *p;
}

CommandResult move(Workspace& ws, const std::string& id, PdcaStage to, std::int64_t at, const std::string& by = "Manager Zhao") {
    return cw::apply(ws, cmd::MovePdcaItem{id, to, at, by});
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("pdca: an item is added in plan with an id from the backlog's counter") {
    Workspace ws = with_cases();
    cmd::AddPrepItem prep;
    prep.title = "Drill: airport closure";
    REQUIRE(cw::apply(ws, prep).ok);   // takes P-0001

    const std::string id = add(ws, "Fewer regulator complaints", {"C-000002", "C-000001", "C-000002"}, "review", 5000);
    CHECK(id == "P-0002");
    CHECK(ws.next_item_number == 3);
    const PdcaItem& p = item(ws, id);
    CHECK(p.title == "Fewer regulator complaints");
    CHECK(p.problem == "Complaints to the regulator after delays");
    CHECK(p.stage == PdcaStage::Plan);
    CHECK(p.source == "review");
    CHECK(p.case_ids == std::vector<std::string>{"C-000002", "C-000001"});   // each once, in the order given
    CHECK(p.created_at == 5000);
    CHECK(p.updated_at == 5000);
    CHECK(p.history.empty());
    CHECK(p.owner.empty());

    CHECK(add(ws, "Second") == "P-0003");
    CHECK(item(ws, "P-0003").source == "hand");

    // A hand-edited save whose counter is behind its ids: taken ids are skipped, never reused.
    ws.next_item_number = 1;
    CHECK(add(ws, "Third") == "P-0004");
    CHECK(ws.next_item_number == 5);
}

TEST_CASE("pdca: adding refuses a missing title, an unknown source or case, and broken text") {
    Workspace ws = with_cases();
    struct Row {
        std::string title, problem, source;
        std::vector<std::string> cases;
        std::string error;
    };
    const Row rows[] = {
        {"", "", "hand", {}, "needs a title"},
        {" \t\n", "", "hand", {}, "needs a title"},
        {"ok", "", "gut feeling", {}, "source \"gut feeling\" is not one of hand, review, dashboard"},
        {"ok", "", "", {}, "is not one of hand, review, dashboard"},
        {"ok", "", "hand", {"C-000001", "C-999999"}, "no case with id \"C-999999\""},
        {"bad \xff", "", "hand", {}, "the title is not valid UTF-8"},
        {"ok", "bad \xc3", "hand", {}, "the problem is not valid UTF-8"},
    };
    for (const Row& row : rows) {
        cmd::AddPdcaItem c;
        c.title = row.title;
        c.problem = row.problem;
        c.source = row.source;
        c.case_ids = row.cases;
        const CommandResult r = cw::apply(ws, c);
        INFO(row.title << " / " << row.source);
        CHECK_FALSE(r.ok);
        INFO(r.error);
        CHECK(has(r.error, row.error));
    }
    CHECK(ws.pdca.empty());
    CHECK(ws.next_item_number == 1);   // a refusal uses no id

    // Long text is kept, cut at a character boundary.
    cmd::AddPdcaItem c;
    while (c.title.size() < kMaxPdcaTitleBytes + 5) c.title += "投诉";
    const CommandResult r = cw::apply(ws, c);
    REQUIRE(r.ok);
    CHECK(item(ws, r.id).title.size() <= kMaxPdcaTitleBytes);
    CHECK(is_valid_utf8(item(ws, r.id).title));
}

TEST_CASE("pdca: the board is bounded") {
    Workspace ws;
    ws.pdca.resize(kMaxPdcaItems);
    cmd::AddPdcaItem c;
    c.title = "one more";
    const CommandResult r = cw::apply(ws, c);
    CHECK_FALSE(r.ok);
    CHECK(has(r.error, std::to_string(kMaxPdcaItems)));
}

TEST_CASE("pdca: an update changes only the fields it sets") {
    Workspace ws = with_cases();
    const std::string id = add(ws, "Fewer regulator complaints");
    cmd::UpdatePdcaItem u;
    u.id = id;
    u.target = "-30% regulator complaints by Q3";
    u.root_cause = "Refunds after a delay take 10 days";
    u.owner = "Zhao";
    u.at = 2000;
    CommandResult r = cw::apply(ws, u);
    REQUIRE(r.ok);
    CHECK(r.changed);
    const PdcaItem& p = item(ws, id);
    CHECK(p.title == "Fewer regulator complaints");          // not set: unchanged
    CHECK(p.problem == "Complaints to the regulator after delays");
    CHECK(p.target == "-30% regulator complaints by Q3");
    CHECK(p.root_cause == "Refunds after a delay take 10 days");
    CHECK(p.owner == "Zhao");
    CHECK(p.updated_at == 2000);
    CHECK(p.created_at == 1000);

    // Every field can be set, and set to empty (all but the title).
    cmd::UpdatePdcaItem all;
    all.id = id;
    all.title = "Refunds within 48 hours";
    all.problem = "";
    all.countermeasure = "Frontline may refund up to 200 CNY on the call";
    all.follow_up = "Weekly complaint count";
    all.standardise = "Add to the delay plan";
    all.at = 3000;
    REQUIRE(cw::apply(ws, all).ok);
    CHECK(item(ws, id).title == "Refunds within 48 hours");
    CHECK(item(ws, id).problem.empty());
    CHECK(item(ws, id).countermeasure == "Frontline may refund up to 200 CNY on the call");
    CHECK(item(ws, id).follow_up == "Weekly complaint count");
    CHECK(item(ws, id).standardise == "Add to the delay plan");
    CHECK(item(ws, id).target == "-30% regulator complaints by Q3");

    // Nothing set, or the same values: valid, nothing changes.
    cmd::UpdatePdcaItem none;
    none.id = id;
    none.at = 4000;
    r = cw::apply(ws, none);
    CHECK(r.ok);
    CHECK_FALSE(r.changed);
    all.at = 5000;
    r = cw::apply(ws, all);
    CHECK(r.ok);
    CHECK_FALSE(r.changed);
    CHECK(item(ws, id).updated_at == 3000);
}

TEST_CASE("pdca: updates that make no sense are refused, and change nothing") {
    Workspace ws = with_cases();
    const std::string id = add(ws, "Fewer regulator complaints");
    cmd::UpdatePdcaItem u;
    u.id = "P-9999";
    u.title = "x";
    CommandResult r = cw::apply(ws, u);
    CHECK_FALSE(r.ok);
    CHECK(has(r.error, "no item with id \"P-9999\""));

    u.id = id;
    u.title = "  ";
    u.target = "valid";
    r = cw::apply(ws, u);
    CHECK_FALSE(r.ok);
    CHECK(has(r.error, "the title cannot be empty"));
    CHECK(item(ws, id).target.empty());   // all or nothing

    u.title.reset();
    u.root_cause = "bad \xff";
    r = cw::apply(ws, u);
    CHECK_FALSE(r.ok);
    CHECK(has(r.error, "the root cause is not valid UTF-8"));
    CHECK(item(ws, id).target.empty());

    // Long text is cut, not refused.
    cmd::UpdatePdcaItem longer;
    longer.id = id;
    longer.owner = std::string(kMaxPdcaOwnerBytes + 50, 'o');
    longer.countermeasure = std::string(kMaxPdcaTextBytes + 50, 'c');
    REQUIRE(cw::apply(ws, longer).ok);
    CHECK(item(ws, id).owner.size() == kMaxPdcaOwnerBytes);
    CHECK(item(ws, id).countermeasure.size() == kMaxPdcaTextBytes);
}

TEST_CASE("pdca: items move between any stages, and every move is kept") {
    Workspace ws = with_cases();
    const std::string a = add(ws, "A");
    const std::string b = add(ws, "B");
    CHECK(pdca_items_in(ws, PdcaStage::Plan).size() == 2);

    REQUIRE(move(ws, a, PdcaStage::Do, 2000).ok);
    REQUIRE(move(ws, a, PdcaStage::Check, 3000, "Lead Sun").ok);
    REQUIRE(move(ws, a, PdcaStage::Plan, 4000).ok);   // the check failed: back to plan
    REQUIRE(move(ws, a, PdcaStage::Act, 5000).ok);    // skipping stages is allowed too
    CommandResult r = move(ws, a, PdcaStage::Act, 6000);
    CHECK(r.ok);
    CHECK_FALSE(r.changed);   // already there: no history entry

    const PdcaItem& p = item(ws, a);
    CHECK(p.stage == PdcaStage::Act);
    CHECK(p.updated_at == 5000);
    REQUIRE(p.history.size() == 4);
    CHECK(p.history[0].from == PdcaStage::Plan);
    CHECK(p.history[0].to == PdcaStage::Do);
    CHECK(p.history[0].at == 2000);
    CHECK(p.history[0].by == "Manager Zhao");
    CHECK(p.history[1].to == PdcaStage::Check);
    CHECK(p.history[1].by == "Lead Sun");
    CHECK(p.history[2].from == PdcaStage::Check);
    CHECK(p.history[2].to == PdcaStage::Plan);
    CHECK(p.history[3].from == PdcaStage::Plan);
    CHECK(p.history[3].to == PdcaStage::Act);

    const auto plan = pdca_items_in(ws, PdcaStage::Plan);
    REQUIRE(plan.size() == 1);
    CHECK(plan[0]->id == b);
    REQUIRE(pdca_items_in(ws, PdcaStage::Act).size() == 1);
    CHECK(pdca_items_in(ws, PdcaStage::Do).empty());

    r = move(ws, "P-0404", PdcaStage::Do, 1);
    CHECK_FALSE(r.ok);
    CHECK(has(r.error, "no item with id \"P-0404\""));
}

TEST_CASE("pdca: the move history is bounded; the oldest moves give way") {
    Workspace ws = with_cases();
    const std::string id = add(ws, "A");
    for (size_t i = 0; i < kMaxPdcaHistory + 10; ++i)
        REQUIRE(move(ws, id, i % 2 == 0 ? PdcaStage::Do : PdcaStage::Plan, static_cast<std::int64_t>(i + 1)).ok);
    const PdcaItem& p = item(ws, id);
    CHECK(p.history.size() == kMaxPdcaHistory);
    CHECK(p.history.front().at == 11);
    CHECK(p.history.back().at == static_cast<std::int64_t>(kMaxPdcaHistory + 10));
}

TEST_CASE("pdca: cases are linked once and unlinked; unknown ones are refused") {
    Workspace ws = with_cases();
    const std::string id = add(ws, "A", {"C-000001"});
    CommandResult r = cw::apply(ws, cmd::LinkPdcaCase{id, "C-000003", true, 2000, "Zhao"});
    REQUIRE(r.ok);
    CHECK(r.changed);
    CHECK(item(ws, id).case_ids == std::vector<std::string>{"C-000001", "C-000003"});
    CHECK(item(ws, id).updated_at == 2000);

    r = cw::apply(ws, cmd::LinkPdcaCase{id, "C-000003", true, 3000, "Zhao"});
    CHECK(r.ok);
    CHECK_FALSE(r.changed);   // no duplicates
    CHECK(item(ws, id).case_ids.size() == 2);

    r = cw::apply(ws, cmd::LinkPdcaCase{id, "C-000404", true, 3000, "Zhao"});
    CHECK_FALSE(r.ok);
    CHECK(has(r.error, "no case with id \"C-000404\""));

    r = cw::apply(ws, cmd::LinkPdcaCase{"P-0404", "C-000001", true, 3000, "Zhao"});
    CHECK_FALSE(r.ok);
    CHECK(has(r.error, "no item with id \"P-0404\""));

    r = cw::apply(ws, cmd::LinkPdcaCase{id, "C-000001", false, 4000, "Zhao"});
    REQUIRE(r.ok);
    CHECK(r.changed);
    CHECK(item(ws, id).case_ids == std::vector<std::string>{"C-000003"});
    r = cw::apply(ws, cmd::LinkPdcaCase{id, "C-000001", false, 5000, "Zhao"});
    CHECK(r.ok);
    CHECK_FALSE(r.changed);
    CHECK(item(ws, id).updated_at == 4000);
}

TEST_CASE("pdca: an item is removed and its id is never reused") {
    Workspace ws = with_cases();
    const std::string a = add(ws, "A");
    const std::string b = add(ws, "B");
    CommandResult r = cw::apply(ws, cmd::RemovePdcaItem{a, 1, "Zhao"});
    REQUIRE(r.ok);
    CHECK(r.changed);
    CHECK_FALSE(find_pdca_item(ws, a));
    CHECK(find_pdca_item(ws, b));
    r = cw::apply(ws, cmd::RemovePdcaItem{a, 1, "Zhao"});
    CHECK_FALSE(r.ok);
    CHECK(has(r.error, "no item with id \"P-0001\""));
    CHECK(add(ws, "C") == "P-0003");
}

TEST_CASE("pdca: the board's commands parse from JSON") {
    Workspace ws = with_cases();
    CommandParse p = command_from_json(
        R"({"type":"add_pdca_item","title":"Fewer complaints","problem":"regulator","source":"dashboard","case_ids":["C-000001"]})");
    INFO(p.error);
    REQUIRE(p.ok);
    CHECK(command_name(p.command) == "add_pdca_item");
    stamp(p.command, 7000, "Zhao");
    CommandResult r = cw::apply(ws, p.command);
    REQUIRE(r.ok);
    const std::string id = r.id;
    CHECK(item(ws, id).source == "dashboard");
    CHECK(item(ws, id).created_at == 7000);
    CHECK(item(ws, id).case_ids.size() == 1);

    p = command_from_json(R"({"type":"add_pdca_item","title":"Defaults"})");
    REQUIRE(p.ok);
    CHECK(std::get<cmd::AddPdcaItem>(p.command).source == "hand");

    p = command_from_json(R"({"type":"update_pdca_item","id":")" + id + R"(","target":"-30%","owner":"Zhao","title":null})");
    REQUIRE(p.ok);
    const auto& u = std::get<cmd::UpdatePdcaItem>(p.command);
    CHECK(u.target == std::string("-30%"));
    CHECK(u.owner == std::string("Zhao"));
    CHECK_FALSE(u.title);   // null = not set
    CHECK_FALSE(u.problem);
    REQUIRE(cw::apply(ws, p.command).ok);
    CHECK(item(ws, id).target == "-30%");
    CHECK(item(ws, id).title == "Fewer complaints");

    p = command_from_json(R"({"type":"move_pdca_item","id":")" + id + R"(","stage":"check","at":8000,"by":"Sun"})");
    REQUIRE(p.ok);
    REQUIRE(cw::apply(ws, p.command).ok);
    REQUIRE(item(ws, id).history.size() == 1);
    CHECK(item(ws, id).history[0].by == "Sun");
    CHECK(item(ws, id).stage == PdcaStage::Check);

    p = command_from_json(R"({"type":"link_pdca_case","id":")" + id + R"(","case_id":"C-000002"})");
    REQUIRE(p.ok);
    CHECK(std::get<cmd::LinkPdcaCase>(p.command).link);   // link is the default
    REQUIRE(cw::apply(ws, p.command).ok);
    p = command_from_json(R"({"type":"link_pdca_case","id":")" + id + R"(","case_id":"C-000001","link":false})");
    REQUIRE(p.ok);
    REQUIRE(cw::apply(ws, p.command).ok);
    CHECK(item(ws, id).case_ids == std::vector<std::string>{"C-000002"});

    p = command_from_json(R"({"type":"remove_pdca_item","id":")" + id + R"("})");
    REQUIRE(p.ok);
    REQUIRE(cw::apply(ws, p.command).ok);
    CHECK(ws.pdca.empty());
}

TEST_CASE("pdca: bad JSON commands name the field") {
    struct Row {
        const char* json;
        const char* error;
    };
    const Row rows[] = {
        {R"({"type":"add_pdca_item","problem":"x"})", "missing field \"title\""},
        {R"({"type":"add_pdca_item","title":"x","case_ids":"C-000001"})", "field \"case_ids\" must be a list of strings"},
        {R"({"type":"add_pdca_item","title":"x","case_ids":[1]})", "field \"case_ids\" must be a list of strings"},
        {R"({"type":"update_pdca_item","title":"x"})", "missing field \"id\""},
        {R"({"type":"update_pdca_item","id":"P-0001","target":5})", "field \"target\" must be a string"},
        {R"({"type":"move_pdca_item","id":"P-0001"})", "missing field \"stage\""},
        {R"({"type":"move_pdca_item","id":"P-0001","stage":"done"})", "field \"stage\": \"done\" is not one of plan, do, check, act"},
        {R"({"type":"link_pdca_case","id":"P-0001"})", "missing field \"case_id\""},
        {R"({"type":"link_pdca_case","id":"P-0001","case_id":"C-1","link":"yes"})", "field \"link\" must be true or false"},
        {R"({"type":"remove_pdca_item"})", "missing field \"id\""},
    };
    for (const Row& row : rows) {
        const CommandParse p = command_from_json(row.json);
        INFO(row.json);
        CHECK_FALSE(p.ok);
        INFO(p.error);
        CHECK(has(p.error, row.error));
    }
}

TEST_CASE("pdca: items with owners, sources and history survive the workspace save") {
    Workspace ws = with_cases();
    const std::string id = add(ws, "Fewer regulator complaints", {"C-000001", "C-000002"}, "review", 1000);
    cmd::UpdatePdcaItem u;
    u.id = id;
    u.target = "-30%";
    u.root_cause = "slow refunds";
    u.countermeasure = "deviation authority";
    u.follow_up = "weekly";
    u.standardise = "new rule";
    u.owner = "赵经理";
    u.at = 1500;
    REQUIRE(cw::apply(ws, u).ok);
    REQUIRE(move(ws, id, PdcaStage::Do, 2000).ok);
    REQUIRE(move(ws, id, PdcaStage::Check, 3000, "Lead Sun").ok);
    add(ws, "Second");

    const std::string json = workspace_to_json(ws);
    CHECK(has(json, "\"history\""));
    CHECK(has(json, "\"from\": \"plan\""));
    const WorkspaceLoad l = workspace_from_json(json);
    INFO(l.error);
    REQUIRE(l.ok);
    CHECK(workspace_to_json(l.workspace) == json);
    const PdcaItem* p = find_pdca_item(l.workspace, id);
    REQUIRE(p);
    CHECK(p->stage == PdcaStage::Check);
    CHECK(p->owner == "赵经理");
    CHECK(p->source == "review");
    CHECK(p->created_at == 1000);
    CHECK(p->updated_at == 3000);
    CHECK(p->target == "-30%");
    CHECK(p->standardise == "new rule");
    CHECK(p->case_ids == std::vector<std::string>{"C-000001", "C-000002"});
    REQUIRE(p->history.size() == 2);
    CHECK(p->history[1].from == PdcaStage::Do);
    CHECK(p->history[1].to == PdcaStage::Check);
    CHECK(p->history[1].at == 3000);
    CHECK(p->history[1].by == "Lead Sun");
    CHECK(l.workspace.next_item_number == ws.next_item_number);

    // A fresh item leaves the new fields out: nothing to save.
    const std::string fresh = workspace_to_json(l.workspace);
    const size_t second = fresh.find("\"title\": \"Second\"");
    REQUIRE(second != std::string::npos);
    const std::string tail = fresh.substr(second, fresh.find('}', second) - second);
    CHECK_FALSE(has(tail, "owner"));
    CHECK_FALSE(has(tail, "history"));
}

TEST_CASE("pdca: a save written before the board had owners, sources and history still loads") {
    const char* old_save =
        R"({"schema_version":2,"settings":{},"next_case_number":2,"packs":[],)"
        R"("cases":[{"id":"C-000001","text":"delay","suggested_quadrant":"q1","status":"closed"}],"reviews":[],)"
        R"("pdca":[{"id":"P-0001","title":"Fewer regulator complaints","stage":"do","problem":"complaints",)"
        R"("target":"-30%","case_ids":["C-000001"]}],"backlog":[],"next_item_number":2})";
    const WorkspaceLoad l = workspace_from_json(old_save);
    INFO(l.error);
    REQUIRE(l.ok);
    CHECK(l.loaded_schema == 2);
    const PdcaItem* p = find_pdca_item(l.workspace, "P-0001");
    REQUIRE(p);
    CHECK(p->stage == PdcaStage::Do);
    CHECK(p->target == "-30%");
    CHECK(p->owner.empty());
    CHECK(p->source.empty());
    CHECK(p->created_at == 0);
    CHECK(p->history.empty());

    // And the loaded item works on the board.
    Workspace ws = l.workspace;
    REQUIRE(move(ws, "P-0001", PdcaStage::Check, 9000).ok);
    CHECK(item(ws, "P-0001").history.size() == 1);
    CHECK(add(ws, "Next") == "P-0002");
}
