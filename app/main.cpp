// main.cpp — the app's life: init, frame, shutdown (sokol-style; no loop inversion tricks).
// Web: the browser calls frame() on each animation frame. Desktop: a plain loop calls it.
// The frame is skipped when nothing happened (an agent leaves the tab open all day).
#include <algorithm>
#include <vector>
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <cstdio>

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#include <emscripten.h>
#else
#include <SDL_opengl.h>
#endif

#include "app/automation.h"
#include "app/fonts.h"
#include "app/pack_actions.h"
#include "app/platform.h"
#include "app/store.h"
#include "app/text_queue.h"
#include "app/ui.h"
#include "app/ui_theme.h"

namespace cw {
namespace {

SDL_Window* g_window = nullptr;
SDL_GLContext g_gl = nullptr;
bool g_quit = false;
bool g_first_drawn = false;
int g_busy_frames = 0;          // frames still to draw after the last input
double g_last_draw_ms = 0;
double g_last_layout_save_ms = 0;
uint64_t g_seen_revision = ~0ull;
SaveState g_seen_save_state = SaveState::Saved;
float g_ime_x = 0, g_ime_y = 0;
#ifdef __EMSCRIPTEN__
const char* kFontDir = "/assets/fonts";
#else
const char* kFontDir = CALLWISE_DESKTOP_ASSETS "/fonts";
#endif

void ime_position(int x, int y) {
    g_ime_x = static_cast<float>(x);
    g_ime_y = static_cast<float>(y);
}

void set_clipboard(void*, const char* text) { platform().set_clipboard(text ? text : ""); }
const char* get_clipboard(void*) {
    static std::string text;
    text = platform().clipboard();
    return text.c_str();
}

// A file the user picked or dropped: content packs are JSON; say so for anything else.
void open_file(const Platform::OpenedFile& f) {
    ui_state().screen = Screen::Packs;
    frame_stats().wake = true;
    PackActionOutcome& o = pack_outcome();
    const bool json = f.name.size() > 5 && (f.name.compare(f.name.size() - 5, 5, ".json") == 0 ||
                                            f.name.compare(f.name.size() - 5, 5, ".JSON") == 0);
    if (!f.error.empty() || !json) {
        o = PackActionOutcome{};
        o.shown = true;
        o.title = std::string(T("packs.not_imported")) + " " + f.name + ": " +
                  (f.error.empty() ? std::string("Callwise opens content packs as .json files") : f.error);
        return;
    }
    pack_import_file(f.name, f.bytes);
}

bool init() {
    SDL_SetHint(SDL_HINT_IME_SHOW_UI, "1");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "SDL_Init failed: %s\n", SDL_GetError());
        return false;
    }
#ifdef __EMSCRIPTEN__
    const char* glsl = "#version 300 es";   // WebGL2 = GLES 3.0
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
    const char* glsl = "#version 130";
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#endif
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    g_window = SDL_CreateWindow("Callwise", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!g_window) {
        std::fprintf(stderr, "SDL_CreateWindow failed: %s\n", SDL_GetError());
        return false;
    }
    g_gl = SDL_GL_CreateContext(g_window);
    if (!g_gl) {
        std::fprintf(stderr, "OpenGL context failed: %s\n", SDL_GetError());
        return false;
    }
    SDL_GL_MakeCurrent(g_window, g_gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;   // the layout lives in the workspace (saved with it)
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    apply_theme();
    ImGui_ImplSDL2_InitForOpenGL(g_window, g_gl);
    ImGui_ImplOpenGL3_Init(glsl);
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;
    io.ImeSetInputScreenPosFn = ime_position;

    store().start(platform());
    platform().set_file_listener(open_file);
    const std::string& layout = store().ws().settings.ui_layout;
    if (!layout.empty()) ImGui::LoadIniSettingsFromMemory(layout.c_str(), layout.size());
#ifndef __EMSCRIPTEN__
    SDL_GL_SetSwapInterval(1);
#endif
    return true;
}

float device_pixel_ratio() {
    int ww = 0, wh = 0, dw = 0, dh = 0;
    SDL_GetWindowSize(g_window, &ww, &wh);
    SDL_GL_GetDrawableSize(g_window, &dw, &dh);
    return ww > 0 ? static_cast<float>(dw) / static_cast<float>(ww) : 1.0f;
}

// Dear ImGui 1.86 reads key state once per frame (no input queue): a key pressed and released
// between two frames would never be seen — a quick Backspace or Enter lost on a busy frame. So
// a release of a key pressed in this same frame, and everything after it, waits for the next frame.
std::vector<SDL_Event>& deferred_events() {
    static std::vector<SDL_Event> v;
    return v;
}

void frame() {
    const double start = platform().now_ms();
    ++frame_stats().frames;
    bool input = false;
    SDL_Event e;
    std::vector<SDL_Event> pending;
    pending.swap(deferred_events());
    std::vector<SDL_Scancode> pressed_now;
    size_t next_pending = 0;
    bool deferring = false;
    auto next_event = [&](SDL_Event& out) {
        if (next_pending < pending.size()) { out = pending[next_pending++]; return true; }
        return SDL_PollEvent(&out) != 0;
    };
    while (next_event(e)) {
        if (e.type == SDL_KEYUP && std::find(pressed_now.begin(), pressed_now.end(), e.key.keysym.scancode) != pressed_now.end())
            deferring = true;
        if (deferring && e.type != SDL_QUIT) {
            deferred_events().push_back(e);
            input = true;
            continue;
        }
        if (e.type == SDL_KEYDOWN) pressed_now.push_back(e.key.keysym.scancode);
        ImGui_ImplSDL2_ProcessEvent(&e);
        input = true;
        if (e.type == SDL_QUIT) g_quit = true;
#ifndef __EMSCRIPTEN__
        if (e.type == SDL_DROPFILE && e.drop.file) {   // desktop: files dropped on the window
            Platform::OpenedFile f;
            f.name = e.drop.file;
            f.purpose = "drop";
            if (FILE* in = std::fopen(e.drop.file, "rb")) {
                char buf[65536];
                size_t n;
                while ((n = std::fread(buf, 1, sizeof buf, in)) > 0 && f.bytes.size() < (64u << 20)) f.bytes.append(buf, n);
                std::fclose(in);
            } else {
                f.error = "the file could not be read";
            }
            SDL_free(e.drop.file);
            platform().notify_file(f);
        }
#endif
    }
    const size_t text_before = delivered_text_events();
    // IME commits and pastes, after SDL's key events (text_queue.h); held back while key events
    // wait for the next frame, so typed text never overtakes them.
    if (deferred_events().empty()) deliver_queued_text();
    input |= delivered_text_events() != text_before;
    if (frame_stats().wake) { input = true; frame_stats().wake = false; }
    if (frame_stats().force_frames > 0) { input = true; --frame_stats().force_frames; }
    if (input) g_busy_frames = 4;   // ImGui settles hover/active state over a few frames

    Store& s = store();
    const bool state_changed = s.revision() != g_seen_revision || s.save_state() != g_seen_save_state;
    const bool fonts_changed = fonts_update(kFontDir, device_pixel_ratio(), s.ws().settings.large_text);
    const ImGuiIO& io = ImGui::GetIO();
    const bool idle = g_first_drawn && g_busy_frames <= 0 && !state_changed && !fonts_changed &&
                      !io.WantTextInput && start - g_last_draw_ms < 1000.0;
    if (idle) {
        s.tick();
        return;
    }
    if (g_busy_frames > 0) --g_busy_frames;
    g_seen_revision = s.revision();
    g_seen_save_state = s.save_state();

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    if (ImGui::GetIO().DeltaTime <= 0.0f) ImGui::GetIO().DeltaTime = 1.0f / 60.0f;  // headless rAF can repeat timestamps
    ImGui::NewFrame();
    draw_ui();
    ImGui::Render();
    const ImGuiIO& io2 = ImGui::GetIO();
    glViewport(0, 0, static_cast<int>(io2.DisplaySize.x * io2.DisplayFramebufferScale.x),
               static_cast<int>(io2.DisplaySize.y * io2.DisplayFramebufferScale.y));
    glClearColor(0.114f, 0.149f, 0.188f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(g_window);

    platform().text_input(io2.WantTextInput, g_ime_x, g_ime_y, ImGui::GetFontSize());
    // Window layout changes are saved with the workspace, at most every 2 s.
    if (io2.WantSaveIniSettings && start - g_last_layout_save_ms > 2000.0) {
        size_t n = 0;
        const char* ini = ImGui::SaveIniSettingsToMemory(&n);
        s.dispatch(cmd::SetUiLayout{std::string(ini, n)});
        ImGui::GetIO().WantSaveIniSettings = false;
        g_last_layout_save_ms = start;
    }
    s.tick();
    ++frame_stats().drawn;
    g_last_draw_ms = start;
    frame_stats().record(platform().now_ms() - start);
    if (!g_first_drawn) {
        g_first_drawn = true;
        platform().first_frame_drawn();
    }
}

void shutdown() {
    store().tick(/*flush=*/true);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(g_gl);
    SDL_DestroyWindow(g_window);
    SDL_Quit();
}

}  // namespace
}  // namespace cw

int main(int, char**) {
    if (!cw::init()) return 1;
#ifdef __EMSCRIPTEN__
    // fps 0 = requestAnimationFrame; set before any swap-interval call (TOOLCHAIN.md #12).
    emscripten_set_main_loop(cw::frame, 0, true);
#else
    while (!cw::g_quit) {
        cw::frame();
        if (cw::frame_stats().drawn == 0 || cw::g_busy_frames <= 0) SDL_Delay(8);
    }
    cw::shutdown();
#endif
    return 0;
}
