// demo_mode.cpp — see demo_mode.h.
#include "app/demo_mode.h"

#include "app/pack_actions.h"
#include "app/platform.h"
#include "app/store.h"
#include "core/demo_history.h"
#include "core/library.h"

namespace cw {
namespace {
Workspace& kept_demo() {   // the demo as it was left, so entering again resumes it
    static Workspace w;
    return w;
}
bool& have_kept() {
    static bool b = false;
    return b;
}
double g_build_ms = 0;
constexpr std::uint64_t kDemoSeed = 20261123;   // one seed: every presenter sees the same centre
}  // namespace

bool demo_active() { return store().in_demo(); }
double demo_build_ms() { return g_build_ms; }

std::string demo_enter(bool reset) {
    const Settings own = store().in_demo() ? store().ws().settings : store().ws().settings;
    Workspace demo;
    if (have_kept() && !reset && !store().in_demo()) {
        demo = std::move(kept_demo());
        have_kept() = false;
    } else {
        const double t0 = platform().now_ms();
        demo.settings.language = own.language;
        demo.settings.agent_name = own.agent_name.empty() ? "王芳" : own.agent_name;
        demo.settings.grade_id = "lead";
        demo.settings.large_text = own.large_text;
        demo.settings.centre_name = own.language == Lang::Zh ? "星河客服中心（演示）" : "Xinghe Contact Centre (demo)";
        std::string error;
        for (const std::string& name : demo_pack_files()) {
            const std::string json = builtin_pack_text(name);
            if (json.empty()) { error += name + ": not found; "; continue; }
            ImportResult r = import_pack_json(demo.library, json, ImportMode::AddAlongside);
            if (!r.ok) error += name + ": " + r.error + "; ";
        }
        if (demo.library.packs.empty()) return "the demo packs could not be loaded: " + error;
        generate_demo_history(demo, kDemoSeed, static_cast<std::int64_t>(platform().wall_ms()));
        g_build_ms = platform().now_ms() - t0;
    }
    store().enter_demo(std::move(demo));
    return {};
}

void demo_leave() {
    if (!store().in_demo()) return;
    kept_demo() = store().leave_demo();
    have_kept() = true;
}

}  // namespace cw
