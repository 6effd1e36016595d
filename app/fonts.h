// fonts.h — the UI font atlas: one CJK-capable font (a build-time subset of a Debian font),
// rasterised at size x devicePixelRatio for sharp text, kept at or under 2048x2048.
#pragma once
#include <string>

namespace cw {

struct FontInfo {
    float dpr = 1.0f;            // device pixel ratio the atlas was built for
    float base_px = 17.0f;       // logical font size
    float raster_px = 17.0f;     // pixels actually rasterised (base x dpr, maybe reduced to fit)
    int atlas_w = 0, atlas_h = 0;
    int glyphs = 0;
    bool cjk = false;            // false: the subset font was missing, ImGui's default is used
    std::string error;
};

constexpr int kMaxAtlasSide = 2048;

// Rebuilds the atlas if the DPR or text size changed. Call before ImGui::NewFrame().
// Returns true when it rebuilt (the GL texture is re-created too).
bool fonts_update(const std::string& font_dir, float dpr, bool large_text);
const FontInfo& font_info();

}  // namespace cw
