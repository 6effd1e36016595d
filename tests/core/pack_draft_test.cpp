// pack_draft_test.cpp — the studio's drafts (core/pack_draft.h): open, edit scenarios and
// personas, undo/redo every kind of edit, bad edits refused without losing the draft, invalid
// drafts not published (with the validation messages), drafts and history surviving a save.
#include <catch2/catch.hpp>

#include "core/command.h"
#include "core/pack.h"
#include "core/pack_draft.h"
#include "core/workspace.h"
#include "pack_test_support.h"

using namespace cw;

namespace {

Workspace with_sample_pack() {
    Workspace ws;
    REQUIRE(apply(ws, cmd::ImportPack{cw_test::sample_pack_text(), ImportMode::AddAlongside}).ok);
    return ws;
}

const std::string& sample_id(const Workspace& ws) { return ws.library.packs.front().meta.id; }

const PackDraft& draft(const Workspace& ws) {
    const PackDraft* d = find_draft(ws.drafts, sample_id(ws));
    REQUIRE(d != nullptr);
    return *d;
}

}  // namespace

TEST_CASE("studio: open a pack as a draft; the library is untouched until publish", "[studio]") {
    Workspace ws = with_sample_pack();
    const std::string id = sample_id(ws);
    CHECK(apply(ws, cmd::StudioOpenPack{id}).changed);
    CHECK_FALSE(apply(ws, cmd::StudioOpenPack{id}).changed);   // opening again keeps the edits
    CHECK_FALSE(apply(ws, cmd::StudioOpenPack{"nope"}).ok);

    Scenario s = draft(ws).pack.scenarios.front();
    const std::string original_title = s.title.en;
    s.title.en = "Edited title";
    auto r = apply(ws, cmd::StudioPutScenario{id, s.id, s});
    REQUIRE(r.ok);
    CHECK(draft(ws).pack.scenarios.front().title.en == "Edited title");
    CHECK(ws.library.packs.front().scenarios.front().title.en == original_title);

    REQUIRE(apply(ws, cmd::StudioPublish{id}).ok);
    CHECK(ws.library.packs.front().scenarios.front().title.en == "Edited title");
    CHECK(find_draft(ws.drafts, id) == nullptr);
}

TEST_CASE("studio: undo and redo every kind of edit, in order", "[studio]") {
    Workspace ws = with_sample_pack();
    const std::string id = sample_id(ws);
    REQUIRE(apply(ws, cmd::StudioOpenPack{id}).ok);
    const Pack before = draft(ws).pack;
    const std::string before_json = save_pack_json(before);

    // 1. edit a scenario, 2. add one, 3. remove a persona, 4. guardrails, 5. meta, 6. rename a scenario
    Scenario s = before.scenarios.front();
    s.situation.en = "changed";
    REQUIRE(apply(ws, cmd::StudioPutScenario{id, s.id, s}).changed);
    Scenario added = before.scenarios.front();
    added.id = "added-one";
    REQUIRE(apply(ws, cmd::StudioPutScenario{id, "", added}).changed);
    REQUIRE_FALSE(before.personas.empty());
    REQUIRE(apply(ws, cmd::StudioRemovePersona{id, before.personas.front().id}).changed);
    Guardrails g = before.guardrails;
    g.prohibited.push_back(ProhibitedPhrase{"new-rule", {"不知道", "no idea"}, {"推诿", "deflects"}, {"我帮您查", "let me check"}});
    REQUIRE(apply(ws, cmd::StudioPutGuardrails{id, g}).changed);
    PackMeta m = before.meta;
    m.version = "9.9.9";
    REQUIRE(apply(ws, cmd::StudioPutMeta{id, m}).changed);
    Scenario renamed = draft(ws).pack.scenarios.front();
    renamed.id = "renamed";
    REQUIRE(apply(ws, cmd::StudioPutScenario{id, s.id, renamed}).changed);

    CHECK(draft(ws).undo.size() == 6);
    CHECK(draft(ws).pack.scenarios.front().id == "renamed");
    CHECK(draft(ws).pack.scenarios.back().id == "added-one");
    CHECK(draft(ws).pack.personas.size() == before.personas.size() - 1);
    CHECK(draft(ws).pack.meta.version == "9.9.9");
    const std::string after_json = save_pack_json(draft(ws).pack);

    for (int i = 0; i < 6; ++i) REQUIRE(apply(ws, cmd::StudioUndo{id}).changed);
    CHECK_FALSE(apply(ws, cmd::StudioUndo{id}).changed);   // nothing left to undo
    CHECK(save_pack_json(draft(ws).pack) == before_json);   // byte for byte: personas back in place

    for (int i = 0; i < 6; ++i) REQUIRE(apply(ws, cmd::StudioRedo{id}).changed);
    CHECK_FALSE(apply(ws, cmd::StudioRedo{id}).changed);
    CHECK(save_pack_json(draft(ws).pack) == after_json);

    // A new edit after an undo drops the redo branch.
    REQUIRE(apply(ws, cmd::StudioUndo{id}).changed);
    CHECK(draft(ws).redo.size() == 1);
    m.version = "1.0.1";
    REQUIRE(apply(ws, cmd::StudioPutMeta{id, m}).changed);
    CHECK(draft(ws).redo.empty());
}

TEST_CASE("studio: bad edits are refused with a reason and the draft is kept", "[studio]") {
    Workspace ws = with_sample_pack();
    const std::string id = sample_id(ws);
    REQUIRE(apply(ws, cmd::StudioOpenPack{id}).ok);
    const std::string kept = save_pack_json(draft(ws).pack);
    Scenario s = draft(ws).pack.scenarios.front();

    SECTION("an id that another scenario has") {
        REQUIRE(draft(ws).pack.scenarios.size() >= 2);
        Scenario clash = s;
        clash.id = draft(ws).pack.scenarios[1].id;
        auto r = apply(ws, cmd::StudioPutScenario{id, s.id, clash});
        CHECK_FALSE(r.ok);
        CHECK(r.error.find("already has the id") != std::string::npos);
    }
    SECTION("a malformed id") {
        Scenario bad = s;
        bad.id = "has spaces";
        CHECK_FALSE(apply(ws, cmd::StudioPutScenario{id, s.id, bad}).ok);
    }
    SECTION("ill-formed UTF-8") {
        Scenario bad = s;
        bad.title.zh = std::string("\xff\xfe", 2);
        CHECK_FALSE(apply(ws, cmd::StudioPutScenario{id, s.id, bad}).ok);
    }
    SECTION("a scenario that no longer exists") {
        CHECK_FALSE(apply(ws, cmd::StudioPutScenario{id, "gone", s}).ok);
    }
    SECTION("more than 512 KiB in one scenario") {
        Scenario big = s;
        big.situation.en = std::string(600 * 1024, 'x');
        auto r = apply(ws, cmd::StudioPutScenario{id, s.id, big});
        CHECK_FALSE(r.ok);
        CHECK(r.error.find("512 KiB") != std::string::npos);
    }
    SECTION("the pack id through meta") {
        PackMeta m = draft(ws).pack.meta;
        m.id = "other";
        CHECK_FALSE(apply(ws, cmd::StudioPutMeta{id, m}).ok);
    }
    CHECK(save_pack_json(draft(ws).pack) == kept);
    CHECK(draft(ws).undo.empty());
}

TEST_CASE("studio: a draft with script errors is kept but not published", "[studio]") {
    // Each breakage with the validation code that must name it.
    using Break = void (*)(Scenario&);
    const std::pair<const char*, Break> cases[] = {
        {"dangling_ref", [](Scenario& s) {   // a dangling branch / next
             s.script.steps.front().next = "nowhere";
             if (!s.script.steps.front().branches.empty()) s.script.steps.front().branches.front().next = "nowhere";
         }},
        {"loop_without_pause", [](Scenario& s) {   // two say steps pointing at each other
             for (int k = 0; k < 2; ++k) {
                 s.script.steps[k].kind = StepKind::Say;
                 s.script.steps[k].branches.clear();
                 s.script.steps[k].next = s.script.steps[1 - k].id;
             }
             s.script.start = s.script.steps[0].id;
         }},
        {"empty_variant", [](Scenario& s) {
             s.script.steps.front().kind = StepKind::Say;
             s.script.steps.front().text.variants[ScriptStyle::Cute] = LocalizedText{};
         }},
    };
    for (const auto& [code, breakage] : cases) {
        INFO(code);
        Workspace ws = with_sample_pack();
        const std::string id = sample_id(ws);
        REQUIRE(apply(ws, cmd::StudioOpenPack{id}).ok);
        const std::string library_before = save_pack_json(ws.library.packs.front());
        Scenario s = draft(ws).pack.scenarios.front();
        REQUIRE(s.script.steps.size() >= 2);
        breakage(s);
        REQUIRE(apply(ws, cmd::StudioPutScenario{id, s.id, s}).ok);   // the edit itself is kept
        bool named = false;
        for (const ValidationIssue& is : validate_pack(draft(ws).pack))
            named |= is.is_error() && is.code == code && is.path.rfind("scenarios[0]", 0) == 0;
        CHECK(named);
        auto r = apply(ws, cmd::StudioPublish{id});
        CHECK_FALSE(r.ok);
        CHECK(r.error.find("not published") != std::string::npos);
        REQUIRE_FALSE(r.details.empty());
        CHECK(r.details.front().find("scenarios[0]") != std::string::npos);
        CHECK(save_pack_json(ws.library.packs.front()) == library_before);
        CHECK(find_draft(ws.drafts, id) != nullptr);
        // Undo repairs it; then it publishes.
        REQUIRE(apply(ws, cmd::StudioUndo{id}).changed);
        CHECK(apply(ws, cmd::StudioPublish{id}).ok);
    }
}

TEST_CASE("studio: a new pack starts usable and is added on publish", "[studio]") {
    Workspace ws;
    auto r = apply(ws, cmd::StudioNewPack{"my-centre", "telecom", {"我的中心", "My centre"}});
    REQUIRE(r.ok);
    CHECK_FALSE(apply(ws, cmd::StudioNewPack{"my-centre", "", {}}).ok);   // twice: refused
    CHECK_FALSE(apply(ws, cmd::StudioNewPack{"bad id", "", {}}).ok);
    const PackDraft* d = find_draft(ws.drafts, "my-centre");
    REQUIRE(d);
    CHECK(d->is_new);
    CHECK(d->pack.grades.size() == 4);
    CHECK_FALSE(has_errors(validate_pack(d->pack)));
    REQUIRE(apply(ws, cmd::StudioPublish{"my-centre"}).ok);
    REQUIRE(ws.library.packs.size() == 1);
    CHECK(ws.library.packs.front().meta.name.en == "My centre");
}

TEST_CASE("studio: drafts and their history survive a save and reload", "[studio]") {
    Workspace ws = with_sample_pack();
    const std::string id = sample_id(ws);
    REQUIRE(apply(ws, cmd::StudioOpenPack{id}).ok);
    Scenario s = draft(ws).pack.scenarios.front();
    s.title.zh = "改过的标题 🙂";
    REQUIRE(apply(ws, cmd::StudioPutScenario{id, s.id, s}).ok);
    // An invalid draft must load too: nothing typed is lost.
    s.script.start = "missing-step";
    REQUIRE(apply(ws, cmd::StudioPutScenario{id, s.id, s}).ok);

    WorkspaceLoad l = workspace_from_json(workspace_to_json(ws));
    REQUIRE(l.ok);
    const PackDraft* d = find_draft(l.workspace.drafts, id);
    REQUIRE(d);
    CHECK(d->pack.scenarios.front().title.zh == "改过的标题 🙂");
    CHECK(d->undo.size() == 2);
    REQUIRE(apply(l.workspace, cmd::StudioUndo{id}).changed);
    CHECK(find_draft(l.workspace.drafts, id)->pack.scenarios.front().script.start != "missing-step");
}

TEST_CASE("studio: the history is bounded", "[studio]") {
    Workspace ws = with_sample_pack();
    const std::string id = sample_id(ws);
    REQUIRE(apply(ws, cmd::StudioOpenPack{id}).ok);
    PackMeta m = draft(ws).pack.meta;
    for (size_t i = 0; i < kMaxDraftHistory + 20; ++i) {
        m.version = "1.0." + std::to_string(i);
        REQUIRE(apply(ws, cmd::StudioPutMeta{id, m}).ok);
    }
    CHECK(draft(ws).undo.size() == kMaxDraftHistory);
}

TEST_CASE("studio: commands from JSON", "[studio]") {
    Workspace ws = with_sample_pack();
    const std::string id = sample_id(ws);
    auto open = command_from_json(R"({"type":"studio_open_pack","pack_id":")" + id + "\"}");
    REQUIRE(open.ok);
    REQUIRE(cw::apply(ws, open.command).ok);
    const std::string sc = scenario_to_json(draft(ws).pack.scenarios.front());
    Scenario parsed;
    std::string err;
    REQUIRE(scenario_from_json(sc, parsed, err));
    CHECK(scenario_to_json(parsed) == sc);

    auto put = command_from_json(R"({"type":"studio_put_scenario","pack_id":")" + id +
                                 R"(","original_id":"","scenario":{"id":"from-json","title":{"zh":"新场景","en":"New"}}})");
    REQUIRE(put.ok);
    REQUIRE(cw::apply(ws, put.command).ok);
    CHECK(draft(ws).pack.scenarios.back().id == "from-json");

    auto bad = command_from_json(R"({"type":"studio_put_scenario","pack_id":"x","scenario":{"id":"a","title":5}})");
    CHECK_FALSE(bad.ok);
    CHECK(bad.error.find("title") != std::string::npos);
    CHECK_FALSE(command_from_json(R"({"type":"studio_undo"})").ok);   // pack_id required
    CHECK(command_from_json(R"({"type":"studio_undo","pack_id":"x"})").ok);
}
