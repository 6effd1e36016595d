// store.cpp — see store.h.
#include "app/store.h"

namespace cw {

Store& store() {
    static Store s;
    return s;
}

void Store::start(Platform& p) {
    platform_ = &p;
    const StorageKind kind = p.storage_kind();
    std::optional<std::string> s0, s1;
    if (kind != StorageKind::Memory) {
        s0 = p.read_slot(0);
        s1 = p.read_slot(1);
    }
    const double t0 = p.now_ms();
    Recovery r = recover_workspace(s0, s1);
    load_ms_ = p.now_ms() - t0;
    ws_ = std::move(r.workspace);
    recovered_from_save_ = r.from_save;
    problems_ = std::move(r.problems);
    // Unreadable copies go aside before any new save can overwrite their slot.
    if (kind != StorageKind::ReadOnly)
        for (const auto& prob : problems_) p.keep_aside(prob.bytes, prob.reason);
    scheduler_.start(r.generation, kind == StorageKind::IndexedDb || kind == StorageKind::Disk,
                     kind == StorageKind::ReadOnly);
    p.set_save_listener([this](uint64_t gen, bool ok, const std::string& err) {
        scheduler_.finished(gen, ok, err, platform_->now_ms());
    });
}

CommandResult Store::dispatch(const Command& command) {
    Command c = command;
    if (platform_) stamp(c, static_cast<std::int64_t>(platform_->wall_ms()), ws_.settings.agent_name);
    CommandResult r = cw::apply(ws_, c);
    if (r.ok && r.changed) {
        ++revision_;
        // Demo edits are not the user's work: nothing to save.
        if (!demo_) scheduler_.changed(platform_ ? platform_->now_ms() : 0);
    }
    return r;
}

void Store::tick(bool flush) {
    if (!platform_) return;
    if (auto due = scheduler_.tick(platform_->now_ms(), flush)) {
        const double start = platform_->now_ms();
        std::string bytes = encode_save(workspace_to_json(saved_ws()), due->generation);
        scheduler_.observe_serialise_ms(platform_->now_ms() - start);
        if (bytes.size() > kMaxSaveBytes) {
            // Never write what could not be read back: the previous save stays, the user is told.
            scheduler_.finished(due->generation, false,
                                "the workspace is " + std::to_string(bytes.size() >> 20) +
                                    " MiB, over the 128 MiB a save may hold: export it, then remove packs or old cases",
                                platform_->now_ms());
            return;
        }
        platform_->write_slot(due->slot, due->generation, bytes);
    }
}

void Store::export_problem(size_t index) {
    if (!platform_ || index >= problems_.size()) return;
    platform_->download("callwise-unreadable-save-slot" + std::to_string(problems_[index].slot) + ".bin",
                        "application/octet-stream", problems_[index].bytes);
}

void Store::enter_demo(Workspace demo) {
    tick(/*flush=*/true);   // the user's pending edits go to storage before the switch
    if (!demo_) own_ = std::move(ws_);
    ws_ = std::move(demo);
    demo_ = true;
    ++revision_;
}

Workspace Store::leave_demo() {
    if (!demo_) return {};
    const Lang lang = ws_.settings.language;   // a presenter who switched language keeps it
    Workspace demo = std::move(ws_);
    ws_ = std::move(own_);
    own_ = Workspace{};
    demo_ = false;
    ++revision_;
    dispatch(cmd::SetLanguage{lang});
    return demo;
}

void Store::export_workspace() {
    if (platform_) platform_->download("callwise-workspace.json", "application/json", workspace_to_json(ws_, /*pretty=*/true));
}

}  // namespace cw
