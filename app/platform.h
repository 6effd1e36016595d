// platform.h — the seam between Callwise and where it runs (a browser tab or a desktop window).
// One interface, two sides: platform_web.cpp (IndexedDB, clipboard, downloads, IME via web/*.js)
// and platform_desktop.cpp (files, SDL clipboard). Views and the store never call the
// browser or the OS directly; they call this.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace cw {

enum class StorageKind {
    IndexedDb,   // browser storage; survives reload and restart
    Memory,      // storage unavailable (private mode): work lives until the tab closes
    ReadOnly,    // another tab holds the workspace; we must not write
    Disk,        // desktop build: files under the user's data folder
};

class Platform {
public:
    virtual ~Platform() = default;

    // ---- storage: two slots of opaque bytes (see core/save_format.h)
    virtual StorageKind storage_kind() const = 0;
    virtual std::string storage_detail() const = 0;   // why Memory/ReadOnly, or the location
    virtual std::optional<std::string> read_slot(int slot) = 0;
    // Asynchronous: completion arrives through the callback given to set_save_listener,
    // possibly in a later frame. Never blocks the frame on the storage itself.
    virtual void write_slot(int slot, uint64_t generation, const std::string& bytes) = 0;
    // Keep an unreadable save aside (not overwritten by later saves) so it can be exported.
    virtual void keep_aside(const std::string& bytes, const std::string& reason) = 0;
    using SaveListener = std::function<void(uint64_t generation, bool ok, const std::string& error)>;
    void set_save_listener(SaveListener l) { save_listener_ = std::move(l); }
    void notify_saved(uint64_t generation, bool ok, const std::string& error) {
        if (save_listener_) save_listener_(generation, ok, error);
    }

    // ---- files out and in
    virtual void download(const std::string& filename, const std::string& mime,
                          const std::string& bytes) = 0;
    // Opens the system file picker; the chosen file arrives later through the file listener,
    // with `purpose` echoed back. Files dropped on the window arrive with purpose "drop".
    virtual void pick_file(const std::string& purpose, const std::string& accept) = 0;
    struct OpenedFile {
        std::string name, bytes, purpose;
        std::string error;   // set when the file was refused before reading (too large...)
    };
    using FileListener = std::function<void(const OpenedFile&)>;
    void set_file_listener(FileListener l) { file_listener_ = std::move(l); }
    void notify_file(const OpenedFile& f) {
        if (file_listener_) file_listener_(f);
    }

    // ---- text: clipboard and IME (the caret position is in window coordinates)
    virtual void set_clipboard(const std::string& text) = 0;
    virtual std::string clipboard() = 0;
    virtual void text_input(bool active, float caret_x, float caret_y, float line_height) = 0;

    // ---- lifecycle and time
    virtual void first_frame_drawn() = 0;   // hide the loading screen
    virtual double now_ms() const = 0;      // monotonic milliseconds
    virtual double wall_ms() const = 0;     // Unix epoch milliseconds
    virtual std::string build_id() const = 0;

private:
    SaveListener save_listener_;
    FileListener file_listener_;
};

Platform& platform();

}  // namespace cw
