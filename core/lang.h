// lang.h — the two languages Callwise speaks: English and Simplified Chinese.
// Used by the UI translation table (i18n) and by bilingual content (model).
#pragma once
#include <optional>
#include <string_view>

namespace cw {

enum class Lang { En, Zh };

// "en" / "zh-CN" (BCP 47 tags, as used in saves, packs and the automation API).
inline const char* to_string(Lang l) { return l == Lang::Zh ? "zh-CN" : "en"; }

// Accepts "en", "zh-CN" and the common spellings "zh", "zh-Hans", "zh_CN".
inline std::optional<Lang> lang_from_string(std::string_view s) {
    if (s == "en" || s == "en-US" || s == "en-GB") return Lang::En;
    if (s == "zh-CN" || s == "zh" || s == "zh-Hans" || s == "zh_CN") return Lang::Zh;
    return std::nullopt;
}

}  // namespace cw
