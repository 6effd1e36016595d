// pack_actions.cpp — see pack_actions.h.
#include "app/pack_actions.h"

#include <dirent.h>

#include <algorithm>
#include <cstdio>

#include "app/platform.h"
#include "app/store.h"
#include "app/ui.h"
#include "core/pack.h"
#include "core/pack_html.h"

namespace cw {
namespace {

#ifdef __EMSCRIPTEN__
const char* kBuiltinDir = "/assets/packs";
#else
const char* kBuiltinDir = CALLWISE_SOURCE_ASSETS "/packs";
#endif

std::string read_file(const std::string& path) {
    std::string out;
    if (FILE* f = std::fopen(path.c_str(), "rb")) {
        char buf[65536];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
        std::fclose(f);
    }
    return out;
}

void report(const CommandResult& r, const std::string& file_name, const std::string& pack_name) {
    PackActionOutcome& o = pack_outcome();
    o.shown = true;
    o.ok = r.ok;
    o.title = r.ok ? std::string(T("packs.imported")) + " " + pack_name + " (" + file_name + ")"
                   : std::string(T("packs.not_imported")) + " " + file_name + ": " + r.error;
    o.details = r.details;
}

}  // namespace

PackActionOutcome& pack_outcome() {
    static PackActionOutcome o;
    return o;
}

PendingReplace& pack_pending_replace() {
    static PendingReplace p;
    return p;
}

void pack_import_file(const std::string& file_name, const std::string& bytes) {
    // Peek at the pack id first: a pack already in the workspace is replaced only when the
    // user says so (the import itself stays all-or-nothing in core).
    PackLoadResult peek = load_pack_json(bytes);
    if (peek.ok) {
        if (const Pack* existing = find_pack(store().ws().library, peek.pack.meta.id)) {
            PendingReplace& p = pack_pending_replace();
            p.active = true;
            p.file_name = file_name;
            p.pack_id = peek.pack.meta.id;
            p.old_version = existing->meta.version;
            p.new_version = peek.pack.meta.version;
            p.json = bytes;
            return;
        }
    }
    CommandResult r = store().dispatch(cmd::ImportPack{bytes, ImportMode::AddAlongside});
    report(r, file_name, peek.ok ? pick(peek.pack.meta.name, store().ws().settings.language) : "");
}

void pack_confirm_replace(bool yes) {
    PendingReplace& p = pack_pending_replace();
    if (!p.active) return;
    p.active = false;
    if (!yes) { p.json.clear(); return; }
    CommandResult r = store().dispatch(cmd::ImportPack{std::move(p.json), ImportMode::ReplaceSameId});
    const Pack* now = find_pack(store().ws().library, p.pack_id);
    report(r, p.file_name, now ? pick(now->meta.name, store().ws().settings.language) : p.pack_id);
}

std::vector<std::string> builtin_pack_files() {
    std::vector<std::string> files;
    if (DIR* d = opendir(kBuiltinDir)) {
        while (dirent* e = readdir(d)) {
            const std::string name = e->d_name;
            if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0) files.push_back(name);
        }
        closedir(d);
    }
    std::sort(files.begin(), files.end());
    return files;
}

int pack_add_builtin() {
    int added = 0;
    PackActionOutcome& o = pack_outcome();
    o = PackActionOutcome{};
    o.shown = true;
    o.ok = true;
    for (const std::string& name : builtin_pack_files()) {
        const std::string json = read_file(std::string(kBuiltinDir) + "/" + name);
        PackLoadResult peek = load_pack_json(json);
        if (peek.ok && find_pack(store().ws().library, peek.pack.meta.id)) continue;   // already there
        CommandResult r = store().dispatch(cmd::ImportPack{json, ImportMode::AddAlongside});
        if (r.ok) ++added;
        else { o.ok = false; o.details.push_back(name + ": " + r.error); }
    }
    o.title = std::string(T("packs.demo_added")) + " " + std::to_string(added);
    return added;
}

std::string builtin_pack_text(const std::string& file_name) {
    if (file_name.find('/') != std::string::npos) return {};
    return read_file(std::string(kBuiltinDir) + "/" + file_name);
}

void pack_export_scripts_html(const std::string& pack_id) {
    const Workspace& ws = store().ws();
    if (const Pack* p = find_pack(ws.library, pack_id))
        platform().download(pack_id + (ws.settings.language == Lang::Zh ? "-话术.html" : "-scripts.html"), "text/html;charset=utf-8",
                            scripts_html(*p, ws.settings.language, static_cast<std::int64_t>(platform().wall_ms())));
}

void pack_export_processes_html(const std::string& pack_id) {
    const Workspace& ws = store().ws();
    if (const Pack* p = find_pack(ws.library, pack_id))
        platform().download(pack_id + (ws.settings.language == Lang::Zh ? "-流程.html" : "-processes.html"), "text/html;charset=utf-8",
                            processes_html(*p, ws.settings.language, static_cast<std::int64_t>(platform().wall_ms())));
}

void pack_export(const std::string& pack_id) {
    if (const Pack* p = find_pack(store().ws().library, pack_id))
        platform().download(pack_id + ".json", "application/json", save_pack_json(*p));
}

}  // namespace cw
