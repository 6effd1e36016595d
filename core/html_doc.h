// html_doc.h — the frame of every HTML deliverable Callwise exports (scripts, processes, the
// summary report): escaping, one self-contained page with its own CSS (no network, no
// scripts), so the file opens correctly in any browser offline.
// Must never: emit anything from user text unescaped, or link to anything outside the file.
#pragma once
#include <string>
#include <string_view>

#include "core/lang.h"

namespace cw {

// Escapes & < > " ' for text and attribute values; ill-formed UTF-8 becomes U+FFFD.
std::string html_escape(std::string_view text);

// <!doctype html> ... <body><main>, with `title` escaped and lang="zh-CN"/"en".
std::string html_page_start(std::string_view title, Lang lang);
// </main></body></html>, with a footer line (escaped) such as "Exported by Callwise on ...".
std::string html_page_end(std::string_view footer);

}  // namespace cw
