// i18n.h — the translation table for every string the UI shows (en, zh-CN).
// Content (scripts, personas) is bilingual in the packs themselves; this table is for the
// application's own words. A missing key shows as the key itself, so it is seen, not hidden.
#pragma once
#include <cstddef>
#include <string_view>
#include "core/lang.h"

namespace cw {

struct I18nEntry {
    const char* key;
    const char* en;
    const char* zh;
};

const char* tr(Lang lang, std::string_view key);

// The whole table, for tests (every key has both languages) and the font subset builder.
const I18nEntry* i18n_table(size_t* count);

}  // namespace cw
