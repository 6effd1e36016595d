// demo_mode.h — the consultant's demo (issue #7): one click loads the four industry packs and
// 90 days of generated history (core/demo_history.h) into a separate workspace; the user's own
// workspace is set aside untouched (app/store.h) and comes back on leaving.
#pragma once
#include <string>

namespace cw {

// Enters the demo (resuming the one left earlier in this tab, unless `reset`). Returns an
// error to show, or "" on success.
std::string demo_enter(bool reset = false);
void demo_leave();
bool demo_active();
double demo_build_ms();   // how long generating the last demo took

}  // namespace cw
