// persona_match.cpp — see persona_match.h.
#include "core/persona_match.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/text_normalize.h"
#include "core/triage.h"
#include "core/utf8.h"

namespace cw {
namespace {

LocalizedText lt(std::string zh, std::string en) { return LocalizedText{std::move(zh), std::move(en)}; }


bool is_cjk(uint32_t cp) {
    return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x2FA1F);
}

// Two-character words too common in what callers say to tell one persona from another.
bool is_common_pair(std::string_view s) {
    static const char* const kCommon[] = {"我们", "你们", "他们", "一个", "一起", "自己", "没有", "什么", "可以", "这个",
                                          "那个", "就是", "不是", "知道", "怎么", "现在", "已经", "还是", "时间", "问题",
                                          "需要", "喜欢", "不要", "不想", "不会", "一下", "出行", "客服", "订单", "我的"};
    for (const char* c : kCommon)
        if (s == c) return true;
    return false;
}

// The longest run of 2+ CJK characters of `tag` found in `text` (both normalised), if it covers
// at least half the tag's characters; "" otherwise.
std::string cjk_overlap(const std::string& tag, const std::string& text) {
    std::vector<size_t> starts;  // byte offset of each code point of the tag, plus the end
    std::vector<bool> cjk;
    for (size_t i = 0; i < tag.size();) {
        uint32_t cp = 0;
        const size_t n = decode_utf8(tag, i, cp);
        starts.push_back(i);
        cjk.push_back(is_cjk(cp));
        i += n;
    }
    const size_t count = cjk.size();
    starts.push_back(tag.size());
    size_t cjk_count = 0;
    for (bool c : cjk) cjk_count += c;
    if (cjk_count < 2) return "";
    for (size_t len = count; len >= 2; --len) {
        if (len * 2 < cjk_count) break;  // shorter runs cover less than half the tag
        for (size_t s = 0; s + len <= count; ++s) {
            bool all = true;
            for (size_t k = s; k < s + len; ++k) all = all && cjk[k];
            if (!all) continue;
            const std::string piece = tag.substr(starts[s], starts[s + len] - starts[s]);
            if (len == 2 && is_common_pair(piece)) continue;
            if (text.find(piece) != std::string::npos) return piece;
        }
    }
    return "";
}

bool is_stop_word(std::string_view w) {
    static const char* const kStop[] = {"about", "after", "also", "been", "before", "being", "does", "from", "have",
                                        "here", "into", "just", "like", "more", "much", "need", "only", "over", "some",
                                        "than", "that", "their", "them", "then", "there", "they", "this", "very",
                                        "what", "when", "where", "which", "while", "will", "with", "would", "your"};
    for (const char* s : kStop)
        if (w == s) return true;
    return false;
}

std::vector<std::string> ascii_words(const std::string& norm, size_t min_len) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < norm.size()) {
        while (i < norm.size() && !(norm[i] >= 'a' && norm[i] <= 'z')) ++i;
        size_t j = i;
        while (j < norm.size() && ((norm[j] >= 'a' && norm[j] <= 'z') || norm[j] == '-')) ++j;
        if (j > i && j - i >= min_len) out.push_back(norm.substr(i, j - i));
        i = j;
    }
    return out;
}

// At least half of the tag's content words, 5+ letters in all, appear as words in `text`.
std::string english_overlap(const std::string& tag, const std::vector<std::string>& text_words) {
    std::vector<std::string> words;
    for (std::string& w : ascii_words(tag, 4))
        if (!is_stop_word(w)) words.push_back(std::move(w));
    if (words.empty()) return "";
    size_t matched = 0, letters = 0;
    std::string which;
    for (const std::string& w : words)
        if (std::find(text_words.begin(), text_words.end(), w) != text_words.end()) {
            ++matched;
            letters += w.size();
            which += (which.empty() ? "" : " ") + w;
        }
    if (matched * 2 < words.size() || letters < 5) return "";
    return which;
}

struct DialectInfo {
    std::vector<const char*> names;    // normalised: zh names, en names
    std::vector<const char*> markers;  // words typical of the dialect
};

const std::vector<DialectInfo>& dialect_table() {
    static const std::vector<DialectInfo> kTable = {
        {{"粤语", "广东话", "cantonese"}, {"唔该", "唔係", "唔好", "冇", "嘅", "咗", "佢", "乜嘢", "點解", "而家", "係咪"}},
        {{"四川话", "川话", "sichuanese", "sichuan dialect"}, {"啥子", "巴适", "要得", "莫得", "晓得不", "瓜娃子", "安逸得很"}},
        {{"上海话", "沪语", "shanghainese"}, {"阿拉", "侬", "伐啦", "啥物事", "交关"}},
        {{"东北话", "northeastern mandarin", "northeastern"}, {"咋整", "嘎哈", "唠嗑", "老铁", "整啥", "贼拉", "埋汰", "磕碜"}},
        {{"河南话", "henanese", "henan dialect"}, {"中不中", "得劲", "弄啥嘞", "恁"}},
        {{"闽南话", "闽南语", "台语", "hokkien", "minnan"}, {"歹势", "拍谢", "甲意"}},
    };
    return kTable;
}

struct ChannelWords {
    const char* channel;
    std::vector<const char*> words;  // normalised
};

const std::vector<ChannelWords>& channel_table() {
    static const std::vector<ChannelWords> kTable = {
        {"phone", {"电话", "phone", "call"}},
        {"chat", {"聊天", "在线", "线上", "对话框", "chat", "online"}},
        {"message", {"消息", "短信", "微信", "群", "message", "sms", "wechat", "group chat"}},
        {"email", {"邮件", "邮箱", "email", "e-mail"}},
        {"social", {"社交", "微博", "小红书", "笔记", "短视频", "朋友圈", "social", "post", "video"}},
    };
    return kTable;
}

// `w` in `norm`; an ASCII word must stand alone ("call" is not in "recall" or "callback").
size_t find_word(const std::string& norm, std::string_view w) {
    const bool ascii = !w.empty() && static_cast<unsigned char>(w[0]) < 0x80;
    for (size_t at = norm.find(w); at != std::string::npos; at = norm.find(w, at + 1)) {
        if (!ascii) return at;
        const bool left = at == 0 || !(norm[at - 1] >= 'a' && norm[at - 1] <= 'z');
        const size_t end = at + w.size();
        const bool right = end >= norm.size() || !(norm[end] >= 'a' && norm[end] <= 'z') ||
                           (norm[end] == 's' && (end + 1 >= norm.size() || !(norm[end + 1] >= 'a' && norm[end + 1] <= 'z')));
        if (left && right) return at;
    }
    return std::string::npos;
}

// A negation earlier in the same clause: "不想打电话", "without a phone call".
bool negated_before(const std::string& norm, size_t at) {
    size_t from = at > 24 ? at - 24 : 0;
    for (const char* stop : {",", "，", "。", ".", ";", "；", "、"}) {
        const size_t p = norm.rfind(stop, at);
        if (p != std::string::npos && p >= from && p < at) from = p + std::string_view(stop).size();
    }
    while (from < at && (static_cast<unsigned char>(norm[from]) & 0xC0) == 0x80) ++from;  // code point boundary
    const std::string before = norm.substr(from, at - from);
    for (const char* n : {"不用", "不想", "无需", "没有", "不必", "不", "without", "no ", "not "})
        if (before.find(n) != std::string::npos) return true;
    return false;
}

std::string year_range(const Persona& p, Lang lang) {
    const bool zh = lang == Lang::Zh;
    if (p.birth_year_from > 0 && p.birth_year_to > 0)
        return std::to_string(p.birth_year_from) + "–" + std::to_string(p.birth_year_to);
    if (p.birth_year_from > 0) return std::to_string(p.birth_year_from) + (zh ? " 年及以后" : " or later");
    return std::to_string(p.birth_year_to) + (zh ? " 年及以前" : " or earlier");
}

std::string short_quote(const std::string& s) {
    constexpr size_t kMax = 48;
    if (s.size() <= kMax) return s;
    return truncate_utf8(s, kMax) + "…";
}

}  // namespace

const char* to_string(PersonaReasonKind k) {
    switch (k) {
        case PersonaReasonKind::BirthYear: return "birth_year";
        case PersonaReasonKind::Tag: return "tag";
        case PersonaReasonKind::Dialect: return "dialect";
        case PersonaReasonKind::TypicalPhrase: return "typical_phrase";
        case PersonaReasonKind::Channel: return "channel";
    }
    return "tag";
}

std::vector<PersonaMatch> match_personas(const Pack& pack, const CallerFacts& facts, size_t max) {
    std::vector<PersonaMatch> all;
    const std::string raw = truncate_utf8(facts.text, kPersonaMaxScanBytes);
    const std::string text = normalize_for_match(raw);
    const std::vector<std::string> text_words = ascii_words(text, 4);

    // Birth years: a range, because an age says "born this year or last".
    int born_lo = 0, born_hi = 0;
    std::string born_zh, born_en;
    if (facts.birth_year >= 1900 && facts.birth_year <= 2100) {
        born_lo = born_hi = facts.birth_year;
        born_zh = std::to_string(facts.birth_year) + " 年出生";
        born_en = "born " + std::to_string(facts.birth_year);
    } else if (facts.age > 0 && facts.age < 130 && facts.current_year >= 1900) {
        born_hi = facts.current_year - facts.age;
        born_lo = born_hi - 1;
        born_zh = std::to_string(facts.age) + " 岁（" + std::to_string(born_lo) + "–" + std::to_string(born_hi) + " 年出生）";
        born_en = "age " + std::to_string(facts.age) + " (born " + std::to_string(born_lo) + "–" + std::to_string(born_hi) + ")";
    }

    // Scenarios whose typical phrases the caller used, once for all personas.
    std::vector<const Scenario*> scenarios;
    for (const Scenario& s : pack.scenarios) scenarios.push_back(&s);
    const std::vector<ScenarioMatch> said = text.empty() ? std::vector<ScenarioMatch>{}
                                                         : suggest_scenarios(scenarios, raw, scenarios.size());

    std::vector<std::string> picked;
    for (const std::string& t : facts.tags) {
        std::string n = normalize_for_match(t);
        if (!n.empty()) picked.push_back(std::move(n));
    }
    const ChannelWords* channel = nullptr;
    const std::string ch = normalize_for_match(facts.channel);
    for (const ChannelWords& c : channel_table())
        if (ch == c.channel) channel = &c;

    for (const Persona& p : pack.personas) {
        PersonaMatch m;
        m.persona = &p;
        const std::string name_zh = "“" + pick(p.name, Lang::Zh) + "”";
        const std::string name_en = pick(p.name, Lang::En);
        auto add = [&](PersonaReasonKind kind, double w, std::string matched, LocalizedText why) {
            m.reasons.push_back({kind, w, std::move(matched), std::move(why)});
            m.score += w;
        };

        // Birth year.
        if (born_hi > 0 && (p.birth_year_from > 0 || p.birth_year_to > 0)) {
            const int from = p.birth_year_from > 0 ? p.birth_year_from : 1900;
            const int to = p.birth_year_to > 0 ? p.birth_year_to : 2100;
            const int gap = born_hi < from ? from - born_hi : born_lo > to ? born_lo - to : 0;
            const std::string zh_range = year_range(p, Lang::Zh), en_range = year_range(p, Lang::En);
            const std::string year = born_lo == born_hi ? std::to_string(born_lo) : std::to_string(born_lo) + "-" + std::to_string(born_hi);
            if (gap == 0)
                add(PersonaReasonKind::BirthYear, kPersonaBornWithin, year,
                    lt(born_zh + "：在" + name_zh + "的 " + zh_range + " 区间内", born_en + ": within " + name_en + " " + en_range));
            else if (gap <= kPersonaNearYears)
                add(PersonaReasonKind::BirthYear, kPersonaBornNear, year,
                    lt(born_zh + "：接近" + name_zh + "的 " + zh_range + "（差 " + std::to_string(gap) + " 年）",
                       born_en + ": close to " + name_en + " " + en_range + " (" + std::to_string(gap) + " year" + (gap > 1 ? "s" : "") + " off)"));
            else
                add(PersonaReasonKind::BirthYear, kPersonaBornOutside, year,
                    lt(born_zh + "：不在" + name_zh + "的 " + zh_range + " 区间内", born_en + ": outside " + name_en + " " + en_range));
        }

        // Tags: picked by the agent, or in the caller's words.
        for (const LocalizedText& tag : p.tags) {
            const std::string tzh = normalize_for_match(tag.zh), ten = normalize_for_match(tag.en);
            const std::string shown = pick(tag, Lang::Zh) + (tag.en.empty() || tag.zh.empty() ? "" : " / " + tag.en);
            bool done = false;
            for (const std::string& pk : picked)
                if ((!tzh.empty() && pk == tzh) || (!ten.empty() && pk == ten)) {
                    add(PersonaReasonKind::Tag, kPersonaTagPicked, pk,
                        lt("标签“" + pick(tag, Lang::Zh) + "”：" + name_zh + "的标签", "tag '" + pick(tag, Lang::En) + "': a tag of " + name_en));
                    done = true;
                    break;
                }
            if (done || text.empty()) continue;
            std::string hit = tzh.empty() ? "" : cjk_overlap(tzh, text);
            if (hit.empty() && !ten.empty()) hit = english_overlap(ten, text_words);
            if (!hit.empty())
                add(PersonaReasonKind::Tag, kPersonaTagSaid, hit,
                    lt("说了“" + hit + "”（" + pick(tag, Lang::Zh) + "）：" + name_zh + "的特点",
                       "said '" + hit + "' (" + pick(tag, Lang::En) + "): " + name_en));
        }

        // Dialects: named, or heard in the words.
        for (const LocalizedText& d : p.dialects) {
            const std::string dzh = normalize_for_match(d.zh), den = normalize_for_match(d.en);
            const DialectInfo* info = nullptr;
            for (const DialectInfo& di : dialect_table())
                for (const char* n : di.names)
                    if ((!dzh.empty() && (dzh == n || dzh.find(n) != std::string::npos)) ||
                        (!den.empty() && (den == n || den.find(n) != std::string::npos)))
                        info = &di;
            std::string named, marker;
            std::vector<std::string> names = {dzh, den};
            if (info)
                for (const char* n : info->names) names.push_back(n);
            for (const std::string& n : names)
                if (!n.empty() && contains(text, n)) { named = n; break; }
            if (named.empty() && info)
                for (const char* mk : info->markers)
                    if (text.find(mk) != std::string::npos) { marker = mk; break; }
            if (!named.empty())
                add(PersonaReasonKind::Dialect, kPersonaDialect, named,
                    lt("提到“" + named + "”：" + name_zh + "常说" + pick(d, Lang::Zh),
                       "mentioned '" + named + "': " + name_en + " often speak " + pick(d, Lang::En)));
            else if (!marker.empty())
                add(PersonaReasonKind::Dialect, kPersonaDialect, marker,
                    lt("说了“" + marker + "”（" + pick(d, Lang::Zh) + "的说法）：" + name_zh + "常说" + pick(d, Lang::Zh),
                       "said '" + marker + "' (a " + pick(d, Lang::En) + " word): " + name_en + " often speak " + pick(d, Lang::En)));
            if (!named.empty() || !marker.empty()) break;  // one dialect is evidence enough
        }

        // Typical phrases of scenarios linked to this persona.
        for (const ScenarioMatch& sm : said) {
            const Scenario& s = *sm.scenario;
            if (std::find(s.persona_ids.begin(), s.persona_ids.end(), p.id) == s.persona_ids.end()) continue;
            const double w = kPersonaTypicalPhrase / static_cast<double>(s.persona_ids.size());
            const std::string phrase = sm.matched_phrases.empty() ? "" : sm.matched_phrases.front();
            add(PersonaReasonKind::TypicalPhrase, w, phrase,
                lt("说了“" + phrase + "”：场景“" + pick(s.title, Lang::Zh) + "”的典型说法，该场景面向" + name_zh,
                   "said '" + phrase + "': a typical phrase of '" + pick(s.title, Lang::En) + "', a scenario for " + name_en));
        }

        // Channel mentioned in what the persona needs.
        if (channel) {
            std::vector<const LocalizedText*> fields;
            for (const LocalizedText& t : p.tags) fields.push_back(&t);
            fields.push_back(&p.segment);
            for (const LocalizedText& t : p.material_needs) fields.push_back(&t);
            for (const LocalizedText& t : p.emotional_needs) fields.push_back(&t);
            bool found = false;
            for (const LocalizedText* f : fields) {
                for (const std::string* side : {&f->zh, &f->en}) {
                    const std::string n = normalize_for_match(*side);
                    for (const char* w : channel->words) {
                        const size_t at = find_word(n, w);
                        if (at == std::string::npos || negated_before(n, at)) continue;
                        add(PersonaReasonKind::Channel, kPersonaChannel, facts.channel,
                            lt("渠道 " + facts.channel + "：" + name_zh + "的画像提到“" + short_quote(pick(*f, Lang::Zh)) + "”",
                               "channel " + facts.channel + ": " + name_en + " profile mentions '" + short_quote(pick(*f, Lang::En)) + "'"));
                        found = true;
                        break;
                    }
                    if (found) break;
                }
                if (found) break;
            }
        }

        std::stable_sort(m.reasons.begin(), m.reasons.end(),
                         [](const PersonaReason& a, const PersonaReason& b) { return a.weight > b.weight; });
        if (m.score > 1e-9) all.push_back(std::move(m));
    }
    std::stable_sort(all.begin(), all.end(), [](const PersonaMatch& a, const PersonaMatch& b) { return a.score > b.score; });
    if (all.size() > max) all.resize(max);
    return all;
}

}  // namespace cw
