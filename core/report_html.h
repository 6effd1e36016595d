// report_html.h — the consultant's summary report (DOMAIN.md §7, issue #7): one self-contained
// HTML page with the centre name, the period, the headline figures, charts drawn as inline SVG
// (quadrant mix over time, trainee score trends, the 2x2 heat map, response-target attainment),
// tables (guardrail hits, top scenarios, top personas) and the PDCA items with their stage.
// Must never: link or load anything outside the file, run script, or emit user text unescaped.
// Dates are shown in UTC (core reads no clock and knows no time zone).
#pragma once
#include <cstdint>
#include <string>

#include "core/dashboard.h"
#include "core/lang.h"
#include "core/workspace.h"

namespace cw {

// `figures` as computed with `filter` (the filter names the period and what was narrowed).
std::string summary_report_html(const Workspace& ws, const DashboardFigures& figures, const DashboardFilter& filter,
                                Lang lang, std::int64_t now_ms);

// "YYYY-MM-DD" (UTC) of a unix-ms time; exposed for the tests and the UI's file name.
std::string report_date(std::int64_t unix_ms);

}  // namespace cw
