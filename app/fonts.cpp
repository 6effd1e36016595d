// fonts.cpp — see fonts.h.
#include "app/fonts.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <cmath>
#include <cstdio>
#include <vector>

namespace cw {
namespace {

FontInfo g_info;
bool g_built = false;
bool g_large = false;
ImVector<ImWchar> g_ranges;

std::string read_file(const std::string& path) {
    std::string out;
    if (FILE* f = std::fopen(path.c_str(), "rb")) {
        char buf[16384];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
        std::fclose(f);
    }
    return out;
}

// Glyph ranges from chars.txt, written next to the font by scripts/make_font_subset.py:
// exactly the characters the subset holds.
void build_ranges(const std::string& chars) {
    ImFontGlyphRangesBuilder b;
    b.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());
    b.AddText(chars.c_str(), chars.c_str() + chars.size());
    g_ranges.clear();
    b.BuildRanges(&g_ranges);
}

bool build_atlas(const std::string& font_path, float raster_px) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->TexDesiredWidth = kMaxAtlasSide;
    ImFontConfig cfg;
    cfg.OversampleH = 1;   // CJK at 1x: 2x would double the atlas for little gain
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    ImFont* f = nullptr;
    if (!g_ranges.empty())
        f = io.Fonts->AddFontFromFileTTF(font_path.c_str(), raster_px, &cfg, g_ranges.Data);
    if (!f) {
        ImFontConfig def;
        def.SizePixels = std::round(13.0f * raster_px / 17.0f);
        io.Fonts->AddFontDefault(&def);
    }
    io.Fonts->Build();
    return f != nullptr;
}

}  // namespace

const FontInfo& font_info() { return g_info; }

bool fonts_update(const std::string& font_dir, float dpr, bool large_text) {
    if (dpr < 1.0f) dpr = 1.0f;
    if (dpr > 3.0f) dpr = 3.0f;
    if (g_built && std::fabs(dpr - g_info.dpr) < 0.01f && large_text == g_large) return false;

    if (g_ranges.empty()) {
        const std::string chars = read_file(font_dir + "/chars.txt");
        if (!chars.empty()) build_ranges(chars);
        else g_info.error = "chars.txt missing in " + font_dir;
    }
    const std::string font_path = font_dir + "/callwise-ui.ttf";
    const float base = large_text ? 24.0f : 17.0f;
    float raster = base * dpr;
    bool cjk = build_atlas(font_path, raster);
    ImGuiIO& io = ImGui::GetIO();
    // Too many glyphs at a high DPR: shrink the raster size until the atlas fits the cap.
    for (int tries = 0; tries < 4 && (io.Fonts->TexHeight > kMaxAtlasSide || io.Fonts->TexWidth > kMaxAtlasSide); ++tries) {
        const float area = static_cast<float>(io.Fonts->TexWidth) * static_cast<float>(io.Fonts->TexHeight);
        raster = std::floor(raster * std::sqrt(static_cast<float>(kMaxAtlasSide) * kMaxAtlasSide / area) * 0.97f);
        cjk = build_atlas(font_path, raster);
    }
    io.FontGlobalScale = base / raster;   // logical size stays `base`; pixels are sharp
    g_info.dpr = dpr;
    g_info.base_px = base;
    g_info.raster_px = raster;
    g_info.atlas_w = io.Fonts->TexWidth;
    g_info.atlas_h = io.Fonts->TexHeight;
    g_info.glyphs = io.Fonts->Fonts.Size > 0 ? io.Fonts->Fonts[0]->Glyphs.Size : 0;
    g_info.cjk = cjk;
    if (!cjk && g_info.error.empty()) g_info.error = "UI font missing: " + font_path;
    if (g_built) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    g_built = true;
    g_large = large_text;
    return true;
}

}  // namespace cw
