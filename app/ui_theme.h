// ui_theme.h — Callwise's look: a calm dark theme with the quadrant colours as accents.
#pragma once
#include <string>
namespace cw {
void apply_theme();
// The quadrant colours used everywhere (board, chips, home): Q1 red, Q2 blue, Q3 amber, Q4 green.
unsigned int quadrant_colour(int quadrant);   // ImU32
void quadrant_chip(int quadrant);             // a coloured label "Q1 Urgent + important"
void section(const char* title);              // a titled separator (1.86 has no SeparatorText)
// Local date/time of a unix-ms timestamp: "11-23 14:05", "2026-11-30".
std::string format_time(long long unix_ms);
std::string format_date(long long unix_ms);
}
