// platform_desktop.cpp — the desktop side of the platform seam (a development build against
// Debian's libsdl2-dev): saves are files under $XDG_DATA_HOME/callwise (or ~/.local/share),
// written to a temporary file and renamed, so a crash never leaves a torn save.
#include "app/platform.h"

#include <SDL.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/stat.h>

namespace cw {
namespace {

std::string data_dir() {
    if (const char* d = std::getenv("CALLWISE_DATA_DIR")) return d;
    if (const char* x = std::getenv("XDG_DATA_HOME")) return std::string(x) + "/callwise";
    if (const char* h = std::getenv("HOME")) return std::string(h) + "/.local/share/callwise";
    return "callwise-data";
}

void make_dirs(const std::string& path) {
    for (size_t i = 1; i <= path.size(); ++i)
        if (i == path.size() || path[i] == '/') ::mkdir(path.substr(0, i).c_str(), 0755);
}

bool write_atomic(const std::string& path, const std::string& bytes, std::string& err) {
    const std::string tmp = path + ".tmp";
    FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) { err = "cannot write " + tmp; return false; }
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size() && std::fflush(f) == 0;
    std::fclose(f);
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) { err = "cannot write " + path; return false; }
    return true;
}

class DesktopPlatform final : public Platform {
public:
    DesktopPlatform() : dir_(data_dir()) { make_dirs(dir_); }
    StorageKind storage_kind() const override { return StorageKind::Disk; }
    std::string storage_detail() const override { return dir_; }
    std::optional<std::string> read_slot(int slot) override {
        FILE* f = std::fopen((dir_ + "/slot" + std::to_string(slot) + ".save").c_str(), "rb");
        if (!f) return std::nullopt;
        std::string bytes;
        char buf[65536];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
        std::fclose(f);
        return bytes;
    }
    void write_slot(int slot, uint64_t generation, const std::string& bytes) override {
        std::string err;
        const bool ok = write_atomic(dir_ + "/slot" + std::to_string(slot) + ".save", bytes, err);
        notify_saved(generation, ok, err);
    }
    void keep_aside(const std::string& bytes, const std::string&) override {
        std::string err;
        write_atomic(dir_ + "/unreadable-" + std::to_string(static_cast<long long>(wall_ms())) + ".save", bytes, err);
    }
    void download(const std::string& filename, const std::string&, const std::string& bytes) override {
        std::string err;
        const std::string path = dir_ + "/" + filename;
        if (write_atomic(path, bytes, err)) std::printf("exported %s\n", path.c_str());
    }
    // No native file dialog in SDL 2.26: the desktop build takes files dropped on the window
    // (SDL_DROPFILE, handled in main.cpp).
    void pick_file(const std::string&, const std::string&) override {
        std::printf("drop the file onto the Callwise window to open it\n");
    }
    void set_clipboard(const std::string& text) override { SDL_SetClipboardText(text.c_str()); }
    std::string clipboard() override {
        char* t = SDL_GetClipboardText();
        std::string s = t ? t : "";
        SDL_free(t);
        return s;
    }
    void text_input(bool active, float x, float y, float h) override {
        if (!active) return;
        SDL_Rect r{static_cast<int>(x), static_cast<int>(y), 1, static_cast<int>(h)};
        SDL_SetTextInputRect(&r);
    }
    void first_frame_drawn() override {}
    double now_ms() const override {
        using namespace std::chrono;
        return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
    }
    double wall_ms() const override {
        using namespace std::chrono;
        return static_cast<double>(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
    }
    std::string build_id() const override { return "desktop"; }

private:
    std::string dir_;
};

}  // namespace

Platform& platform() {
    static DesktopPlatform p;
    return p;
}

}  // namespace cw
