// library.cpp — see library.h.
#include "core/library.h"

namespace cw {

namespace {

Pack* find_pack_mut(Library& lib, std::string_view pack_id) {
    for (Pack& p : lib.packs)
        if (p.meta.id == pack_id) return &p;
    return nullptr;
}

template <class T, class List>
Found<T> find_in(const Library& lib, std::string_view id, std::string_view pack_id, List Pack::*list) {
    for (const Pack& p : lib.packs) {
        if (!pack_id.empty() && p.meta.id != pack_id) continue;
        for (const T& item : p.*list)
            if (item.id == id) return Found<T>{&p, &item};
    }
    return {};
}

std::string pack_label(const Pack& p) {
    std::string s = "\"" + p.meta.id + "\"";
    if (!p.meta.version.empty()) s += " (version " + p.meta.version + ")";
    return s;
}

}  // namespace

ImportResult import_pack(Library& lib, Pack pack, ImportMode mode) {
    ImportResult r;
    r.issues = validate_pack(pack);
    if (const size_t errors = count_errors(r.issues)) {
        // Lead with the first error: it is usually the one to fix first.
        for (const auto& i : r.issues)
            if (i.is_error()) {
                r.error = "the pack has " + std::to_string(errors) + (errors == 1 ? " error" : " errors") +
                          "; the first: " + (i.path.empty() ? "" : i.path + ": ") + i.message;
                break;
            }
        return r;
    }
    Pack* existing = find_pack_mut(lib, pack.meta.id);
    switch (mode) {
        case ImportMode::AddAlongside:
            if (existing) {
                r.error = "a pack with id " + pack_label(*existing) +
                          " is already in the workspace; replace it, or give the new pack another meta.id";
                return r;
            }
            lib.packs.push_back(std::move(pack));
            break;
        case ImportMode::ReplaceSameId:
            if (!existing) {
                r.error = "there is no pack with id \"" + pack.meta.id + "\" to replace; add it instead";
                return r;
            }
            *existing = std::move(pack);  // keeps its place in the list
            break;
    }
    touch_library(lib);
    r.ok = true;
    return r;
}

void touch_library(Library& lib) {
    static std::uint64_t next = 0;   // the core is single-threaded (one wasm thread, one test thread)
    lib.revision = ++next;
}

ImportResult import_pack_json(Library& lib, std::string_view json, ImportMode mode) {
    PackLoadResult loaded = load_pack_json(json);
    if (!loaded.ok) {
        ImportResult r;
        r.error = "the pack could not be read: " + loaded.error;
        return r;
    }
    ImportResult r = import_pack(lib, std::move(loaded.pack), mode);
    r.issues.insert(r.issues.begin(), loaded.warnings.begin(), loaded.warnings.end());
    return r;
}

bool remove_pack(Library& lib, std::string_view pack_id) {
    for (auto it = lib.packs.begin(); it != lib.packs.end(); ++it)
        if (it->meta.id == pack_id) {
            lib.packs.erase(it);
            touch_library(lib);
            return true;
        }
    return false;
}

const Pack* find_pack(const Library& lib, std::string_view pack_id) {
    for (const Pack& p : lib.packs)
        if (p.meta.id == pack_id) return &p;
    return nullptr;
}

Found<Persona> find_persona(const Library& lib, std::string_view id, std::string_view pack_id) {
    return find_in<Persona>(lib, id, pack_id, &Pack::personas);
}
Found<Scenario> find_scenario(const Library& lib, std::string_view id, std::string_view pack_id) {
    return find_in<Scenario>(lib, id, pack_id, &Pack::scenarios);
}
Found<ContingencyPlan> find_plan(const Library& lib, std::string_view id, std::string_view pack_id) {
    return find_in<ContingencyPlan>(lib, id, pack_id, &Pack::plans);
}
Found<AgentGrade> find_grade(const Library& lib, std::string_view id, std::string_view pack_id) {
    return find_in<AgentGrade>(lib, id, pack_id, &Pack::grades);
}

std::vector<ExportedPack> export_workspace_packs(const Library& lib) {
    std::vector<ExportedPack> out;
    out.reserve(lib.packs.size());
    for (const Pack& p : lib.packs) out.push_back(ExportedPack{p.meta.id, p.meta.id + ".json", save_pack_json(p)});
    return out;
}

}  // namespace cw
