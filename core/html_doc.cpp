// html_doc.cpp — see html_doc.h.
#include "core/html_doc.h"

#include "core/utf8.h"

namespace cw {

std::string html_escape(std::string_view text) {
    const std::string clean = is_valid_utf8(text) ? std::string(text) : sanitize_utf8(text);
    std::string out;
    out.reserve(clean.size() + clean.size() / 8);
    for (char c : clean) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string html_page_start(std::string_view title, Lang lang) {
    std::string s = "<!doctype html>\n<html lang=\"";
    s += lang == Lang::Zh ? "zh-CN" : "en";
    s += "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    s += html_escape(title);
    // System fonts only: the file must render with no network.
    s += "</title>\n<style>\n"
         "body{font-family:system-ui,-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;"
         "color:#1d2330;background:#fff;margin:0;line-height:1.55}\n"
         "main{max-width:960px;margin:0 auto;padding:32px 24px 64px}\n"
         "h1{font-size:1.8em;margin:0 0 .2em}h2{margin-top:2em;border-bottom:2px solid #dde3ee;padding-bottom:.2em}\n"
         "h3{margin:1.4em 0 .4em}\n"
         "table{border-collapse:collapse;width:100%;margin:.6em 0}th,td{border:1px solid #dde3ee;padding:6px 8px;text-align:left;vertical-align:top}\n"
         "th{background:#f3f6fb}\n"
         ".muted{color:#667085}.tag{display:inline-block;background:#eef2f8;border-radius:4px;padding:0 6px;margin:0 4px 4px 0;font-size:.9em}\n"
         ".q1{color:#b42318}.q2{color:#175cd3}.q3{color:#b54708}.q4{color:#475467}\n"
         ".card{border:1px solid #dde3ee;border-radius:8px;padding:12px 16px;margin:12px 0}\n"
         ".figures{display:flex;flex-wrap:wrap;gap:12px}.figure{border:1px solid #dde3ee;border-radius:8px;padding:10px 14px;min-width:140px}\n"
         ".figure b{display:block;font-size:1.6em}\n"
         "svg{max-width:100%;height:auto}\n"
         "footer{margin-top:48px;color:#667085;font-size:.85em}\n"
         "@media print{main{padding:0}h2{break-after:avoid}.card{break-inside:avoid}}\n"
         "</style>\n</head>\n<body>\n<main>\n";
    return s;
}

std::string html_page_end(std::string_view footer) {
    return "<footer>" + html_escape(footer) + "</footer>\n</main>\n</body>\n</html>\n";
}

}  // namespace cw
