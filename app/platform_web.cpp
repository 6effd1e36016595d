// platform_web.cpp — the browser side of the platform seam, in C++: thin calls into
// web/platform.js and web/text_input.js, and the C functions those scripts call back.
#include "app/platform.h"

#include <emscripten.h>
#include <cstdio>
#include <string>

#include "app/store.h"
#include "app/text_queue.h"
#include "app/automation.h"

// ---- calls into JavaScript (Module.* are defined in web/platform.js)
EM_JS(int, js_storage_kind, (), {
    var k = Module.cwStorage().kind;
    return k === "indexeddb" ? 0 : (k === "readonly" ? 2 : 1);
});
EM_JS(char*, js_storage_detail, (), {
    var s = Module.cwStorage().detail || "";
    var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});
EM_JS(void, js_save, (int slot, double generation, const char* data, int len), {
    Module.cwSave(slot, generation, HEAPU8.slice(data, data + len));
});
EM_JS(void, js_keep_aside, (const char* data, int len, const char* reason), {
    Module.cwKeepAside(HEAPU8.slice(data, data + len), UTF8ToString(reason));
});
EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int len), {
    Module.cwDownload(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(data, data + len));
});
EM_JS(void, js_pick_file, (const char* purpose, const char* accept), {
    CallwiseFiles.pick(UTF8ToString(purpose), UTF8ToString(accept));
});
EM_JS(void, js_set_clipboard, (const char* text), { Module.cwSetClipboard(UTF8ToString(text)); });
EM_JS(void, js_text_input, (int active, float x, float y, float h), {
    if (typeof CallwiseText !== "undefined") CallwiseText.state(!!active, x, y, h);
});
EM_JS(void, js_first_frame, (), { Module.cwFirstFrame(); });
EM_JS(double, js_wall_ms, (), { return Date.now(); });
EM_JS(char*, js_build_id, (), {
    var s = Module.cwBuildId();
    var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

namespace cw {
namespace {

std::string take_js_string(char* p) {
    std::string s = p ? p : "";
    free(p);
    return s;
}

class WebPlatform final : public Platform {
public:
    StorageKind storage_kind() const override {
        switch (js_storage_kind()) {
            case 0: return StorageKind::IndexedDb;
            case 2: return StorageKind::ReadOnly;
            default: return StorageKind::Memory;
        }
    }
    std::string storage_detail() const override { return take_js_string(js_storage_detail()); }
    std::optional<std::string> read_slot(int slot) override {
        // platform.js copied the IndexedDB slots into the in-memory FS before main().
        const std::string path = "/save/slot" + std::to_string(slot);
        FILE* f = std::fopen(path.c_str(), "rb");
        if (!f) return std::nullopt;
        std::string bytes;
        char buf[65536];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
        std::fclose(f);
        return bytes;
    }
    void write_slot(int slot, uint64_t generation, const std::string& bytes) override {
        js_save(slot, static_cast<double>(generation), bytes.data(), static_cast<int>(bytes.size()));
    }
    void keep_aside(const std::string& bytes, const std::string& reason) override {
        js_keep_aside(bytes.data(), static_cast<int>(bytes.size()), reason.c_str());
    }
    void download(const std::string& filename, const std::string& mime, const std::string& bytes) override {
        js_download(filename.c_str(), mime.c_str(), bytes.data(), static_cast<int>(bytes.size()));
    }
    void pick_file(const std::string& purpose, const std::string& accept) override {
        js_pick_file(purpose.c_str(), accept.c_str());
    }
    void set_clipboard(const std::string& text) override {
        clipboard_ = text;
        js_set_clipboard(text.c_str());
    }
    // Reading the system clipboard needs a permission prompt; real pastes arrive as `paste`
    // events (cw_paste). Inside the app, ImGui's own copy/paste uses the last copied text.
    std::string clipboard() override { return clipboard_; }
    void text_input(bool active, float x, float y, float h) override { js_text_input(active, x, y, h); }
    void first_frame_drawn() override { js_first_frame(); }
    double now_ms() const override { return emscripten_get_now(); }
    double wall_ms() const override { return js_wall_ms(); }
    std::string build_id() const override { return take_js_string(js_build_id()); }

private:
    std::string clipboard_;
};

}  // namespace

Platform& platform() {
    static WebPlatform p;
    return p;
}

}  // namespace cw

// ---- called from JavaScript
extern "C" {

EMSCRIPTEN_KEEPALIVE void cw_on_saved(double generation, int ok, const char* error) {
    cw::platform().notify_saved(static_cast<uint64_t>(generation), ok != 0, error ? error : "");
}

// Finished text from the IME or an on-screen keyboard: goes to the focused ImGui field.
EMSCRIPTEN_KEEPALIVE void cw_text_input(const char* utf8) {
    if (utf8) cw::queue_text(utf8, false);
}

// Pasted text (from the browser's `paste` event); ImGui drops '\n' in single-line fields.
EMSCRIPTEN_KEEPALIVE void cw_paste(const char* utf8) {
    if (utf8) cw::queue_text(utf8, true);
}

// A file from the picker or dropped on the page (web/files.js); bytes are copied here.
EMSCRIPTEN_KEEPALIVE void cw_file_opened(const char* name, const char* data, int len, const char* purpose,
                                         const char* error) {
    cw::Platform::OpenedFile f;
    f.name = name ? name : "";
    if (data && len > 0) f.bytes.assign(data, static_cast<size_t>(len));
    f.purpose = purpose ? purpose : "";
    f.error = error ? error : "";
    cw::platform().notify_file(f);
}

EMSCRIPTEN_KEEPALIVE void cw_visibility(int visible) {
    if (!visible) cw::store().tick(/*flush=*/true);
}

}  // extern "C"

// ---- window.callwise (web/automation.js). The returned text lives until the next call.
extern "C" {
EMSCRIPTEN_KEEPALIVE const char* cw_dispatch(const char* json) {
    static std::string out;
    out = cw::automation_dispatch(json ? json : "");
    return out.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* cw_query(const char* what) {
    static std::string out;
    out = cw::automation_query(what ? what : "");
    return out.c_str();
}
}  // extern "C"
