// text_queue.cpp — see text_queue.h.
#include "app/text_queue.h"

#include <imgui.h>

#include <vector>

namespace cw {
namespace {
struct Pending { std::string text; bool paste; };
std::vector<Pending> g_pending;
size_t g_delivered = 0;
constexpr size_t kMaxPasteBytes = 1024 * 1024;   // a paste larger than 1 MiB is cut there
}  // namespace

void queue_text(std::string utf8, bool is_paste) {
    if (utf8.empty()) return;
    if (is_paste) {
        std::string clean;
        clean.reserve(utf8.size());
        for (char c : utf8)
            if (c != '\r') clean += c;
        if (clean.size() > kMaxPasteBytes) {
            size_t end = kMaxPasteBytes;
            while (end > 0 && (static_cast<unsigned char>(clean[end]) & 0xC0) == 0x80) --end;
            clean.resize(end);
        }
        utf8 = std::move(clean);
    }
    g_pending.push_back({std::move(utf8), is_paste});
}

void deliver_queued_text() {
    if (g_pending.empty()) return;
    ImGuiIO& io = ImGui::GetIO();
    for (const auto& p : g_pending) {
        if (p.paste) {
            // InputText ignores characters while Ctrl/Cmd is down (shortcut); the modifier
            // belongs to the paste gesture, so release it for this frame.
            io.KeyCtrl = false;
            io.KeySuper = false;
        }
        io.AddInputCharactersUTF8(p.text.c_str());
        ++g_delivered;
    }
    g_pending.clear();
}

size_t delivered_text_events() { return g_delivered; }

}  // namespace cw
