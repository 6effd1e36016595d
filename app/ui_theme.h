// ui_theme.h — Callwise's look: a calm dark theme with the quadrant colours as accents.
#pragma once
namespace cw {
void apply_theme();
}
