// pdca.cpp — see pdca.h.
#include "core/pdca.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iterator>
#include <optional>

#include "core/cases.h"
#include "core/command.h"
#include "core/command_fields.h"
#include "core/utf8.h"

namespace cw {
namespace {


PdcaItem* find_mut(Workspace& ws, const std::string& id) {
    for (PdcaItem& p : ws.pdca)
        if (p.id == id) return &p;
    return nullptr;
}

bool id_taken(const Workspace& ws, const std::string& id) {
    for (const PdcaItem& p : ws.pdca)
        if (p.id == id) return true;
    for (const PrepItem& p : ws.backlog)
        if (p.id == id) return true;
    return false;
}

bool blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char ch) { return std::isspace(static_cast<unsigned char>(ch)); });
}

// Typed text: refused if ill-formed (the save could not be read back), cut at a character
// boundary when longer than `max`.
bool text_field(const std::string& in, size_t max, const std::string& what, std::string& out, std::string& err) {
    if (!is_valid_utf8(in)) {
        err = what + " is not valid UTF-8";
        return false;
    }
    out = truncate_utf8(in, max);
    return true;
}

}  // namespace

// ------------------------------------------------------------------------ queries
std::vector<const PdcaItem*> pdca_items_in(const Workspace& ws, PdcaStage stage) {
    std::vector<const PdcaItem*> out;
    for (const PdcaItem& p : ws.pdca)
        if (p.stage == stage) out.push_back(&p);
    return out;
}

const PdcaItem* find_pdca_item(const Workspace& ws, std::string_view id) {
    for (const PdcaItem& p : ws.pdca)
        if (p.id == id) return &p;
    return nullptr;
}

bool is_pdca_source(std::string_view s) { return s == "hand" || s == "review" || s == "dashboard"; }

// ------------------------------------------------------------------------ commands
CommandResult apply_pdca(Workspace& ws, const cmd::AddPdcaItem& c) {
    std::string title, problem, err;
    if (!text_field(c.title, kMaxPdcaTitleBytes, "pdca: the title", title, err)) return command_failed(err);
    if (blank(title)) return command_failed("pdca: the item needs a title");
    if (!text_field(c.problem, kMaxPdcaTextBytes, "pdca: the problem", problem, err)) return command_failed(err);
    if (!is_pdca_source(c.source))
        return command_failed("pdca: source \"" + truncate_utf8(c.source, 40) + "\" is not one of hand, review, dashboard");
    if (ws.pdca.size() >= kMaxPdcaItems)
        return command_failed("pdca: the board holds " + std::to_string(kMaxPdcaItems) + " items; remove finished ones first");
    std::vector<std::string> cases;
    for (const std::string& id : c.case_ids) {
        if (!find_case(ws, id)) return command_failed("pdca: no case with id \"" + truncate_utf8(id, 40) + "\" to link");
        if (std::find(cases.begin(), cases.end(), id) == cases.end()) cases.push_back(id);  // once each
    }
    if (cases.size() > kMaxPdcaCases) return command_failed("pdca: at most " + std::to_string(kMaxPdcaCases) + " cases per item");
    PdcaItem p;
    char id[32];
    // The backlog's counter: backlog and board share the "P-" ids, so one never names two things.
    // A hand-edited save may hold a counter behind its ids: skip taken ones, never reuse.
    do {
        std::snprintf(id, sizeof id, "P-%04llu", static_cast<unsigned long long>(ws.next_item_number++));
    } while (id_taken(ws, id));
    p.id = id;
    p.title = title;
    p.problem = problem;
    p.source = c.source;
    p.case_ids = std::move(cases);
    p.created_at = p.updated_at = c.at;
    ws.pdca.push_back(std::move(p));
    CommandResult r = command_done(true);
    r.id = id;
    return r;
}

CommandResult apply_pdca(Workspace& ws, const cmd::UpdatePdcaItem& c) {
    PdcaItem* p = find_mut(ws, c.id);
    if (!p) return command_failed("pdca: no item with id \"" + c.id + "\"");
    const std::string where = "pdca " + p->id + ": ";
    struct Edit {
        const std::optional<std::string>& in;
        std::string& field;
        const char* what;
        size_t max;
    };
    const Edit edits[] = {
        {c.title, p->title, "the title", kMaxPdcaTitleBytes},
        {c.problem, p->problem, "the problem", kMaxPdcaTextBytes},
        {c.target, p->target, "the target", kMaxPdcaTextBytes},
        {c.root_cause, p->root_cause, "the root cause", kMaxPdcaTextBytes},
        {c.countermeasure, p->countermeasure, "the countermeasure", kMaxPdcaTextBytes},
        {c.follow_up, p->follow_up, "the follow-up", kMaxPdcaTextBytes},
        {c.standardise, p->standardise, "the standardisation", kMaxPdcaTextBytes},
        {c.owner, p->owner, "the owner", kMaxPdcaOwnerBytes},
    };
    // All or nothing: every set field is checked before any changes.
    std::string values[std::size(edits)];
    for (size_t i = 0; i < std::size(edits); ++i) {
        if (!edits[i].in) continue;
        std::string err;
        if (!text_field(*edits[i].in, edits[i].max, where + edits[i].what, values[i], err)) return command_failed(err);
    }
    if (c.title && blank(values[0])) return command_failed(where + "the title cannot be empty");
    bool changed = false;
    for (size_t i = 0; i < std::size(edits); ++i) {
        if (!edits[i].in || edits[i].field == values[i]) continue;
        edits[i].field = std::move(values[i]);
        changed = true;
    }
    if (changed) p->updated_at = std::max(p->updated_at, c.at);
    return command_done(changed);
}

CommandResult apply_pdca(Workspace& ws, const cmd::MovePdcaItem& c) {
    PdcaItem* p = find_mut(ws, c.id);
    if (!p) return command_failed("pdca: no item with id \"" + c.id + "\"");
    if (p->stage == c.stage) return command_done(false);
    p->history.push_back(PdcaMove{p->stage, c.stage, c.at, c.by});
    if (p->history.size() > kMaxPdcaHistory)
        p->history.erase(p->history.begin(), p->history.begin() + static_cast<long>(p->history.size() - kMaxPdcaHistory));
    p->stage = c.stage;
    p->updated_at = std::max(p->updated_at, c.at);
    return command_done(true);
}

CommandResult apply_pdca(Workspace& ws, const cmd::LinkPdcaCase& c) {
    PdcaItem* p = find_mut(ws, c.id);
    if (!p) return command_failed("pdca: no item with id \"" + c.id + "\"");
    const std::string where = "pdca " + p->id + ": ";
    auto it = std::find(p->case_ids.begin(), p->case_ids.end(), c.case_id);
    if (c.link) {
        if (!find_case(ws, c.case_id)) return command_failed(where + "no case with id \"" + c.case_id + "\" to link");
        if (it != p->case_ids.end()) return command_done(false);  // already linked: once is enough
        if (p->case_ids.size() >= kMaxPdcaCases)
            return command_failed(where + "at most " + std::to_string(kMaxPdcaCases) + " cases per item");
        p->case_ids.push_back(c.case_id);
    } else {
        if (it == p->case_ids.end()) return command_done(false);
        p->case_ids.erase(it);
    }
    p->updated_at = std::max(p->updated_at, c.at);
    return command_done(true);
}

CommandResult apply_pdca(Workspace& ws, const cmd::RemovePdcaItem& c) {
    auto it = std::find_if(ws.pdca.begin(), ws.pdca.end(), [&](const PdcaItem& p) { return p.id == c.id; });
    if (it == ws.pdca.end()) return command_failed("pdca: no item with id \"" + c.id + "\"");
    ws.pdca.erase(it);   // its id is not reused: next_item_number only grows
    return command_done(true);
}

// ------------------------------------------------------------------------ JSON form
bool pdca_command_from_json(const std::string& type, const rapidjson::Value& doc, Command& out, std::string& err) {
    Fields f{doc, {}};
    if (type == "add_pdca_item") {
        cmd::AddPdcaItem c;
        f.str("title", c.title, true);
        f.str("problem", c.problem);
        f.str("source", c.source);
        f.strings("case_ids", c.case_ids);
        f.stamp_fields(c);
        out = c;
    } else if (type == "update_pdca_item") {
        cmd::UpdatePdcaItem c;
        f.str("id", c.id, true);
        auto maybe = [&](const char* key, std::optional<std::string>& v) {
            if (!f.ok() || !f.find(key)) return;
            std::string s;
            f.str(key, s);
            v = std::move(s);
        };
        maybe("title", c.title);
        maybe("problem", c.problem);
        maybe("target", c.target);
        maybe("root_cause", c.root_cause);
        maybe("countermeasure", c.countermeasure);
        maybe("follow_up", c.follow_up);
        maybe("standardise", c.standardise);
        maybe("owner", c.owner);
        f.stamp_fields(c);
        out = c;
    } else if (type == "move_pdca_item") {
        cmd::MovePdcaItem c;
        std::string stage;
        f.str("id", c.id, true);
        f.str("stage", stage, true);
        if (f.ok()) {
            if (auto s = pdca_stage_from_string(stage)) c.stage = *s;
            else f.err = "field \"stage\": \"" + truncate_utf8(stage, 40) + "\" is not one of plan, do, check, act";
        }
        f.stamp_fields(c);
        out = c;
    } else if (type == "link_pdca_case") {
        cmd::LinkPdcaCase c;
        f.str("id", c.id, true);
        f.str("case_id", c.case_id, true);
        f.boolean("link", c.link);
        f.stamp_fields(c);
        out = c;
    } else if (type == "remove_pdca_item") {
        cmd::RemovePdcaItem c;
        f.str("id", c.id, true);
        f.stamp_fields(c);
        out = c;
    } else {
        return false;
    }
    err = f.err;
    return true;
}

}  // namespace cw
