// text_queue.h — text that arrives from outside SDL (IME commits, pastes) waits here until the
// next frame, after SDL's own events are processed, so it reaches the focused ImGui field in
// order and is not dropped as a Ctrl-shortcut (the Ctrl of Ctrl+V is still held).
#pragma once
#include <string>

namespace cw {

void queue_text(std::string utf8, bool is_paste);
// Call between SDL event processing and ImGui::NewFrame().
void deliver_queued_text();
// Total characters delivered since start (for the automation API and tests).
size_t delivered_text_events();

}  // namespace cw
