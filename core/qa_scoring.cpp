// qa_scoring.cpp — see qa_scoring.h.
#include "core/qa_scoring.h"
#include "core/utf8.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/text_normalize.h"

namespace cw {
namespace {

// ------------------------------------------------------------------ UTF-8 on normalised text

bool is_cjk(uint32_t cp) {
    return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F);
}

bool is_trailing_punct(uint32_t cp) {
    switch (cp) {
        case '.': case '!': case '?': case ',': case ';': case ':': case '~': case ' ':
        case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF0C: case 0x3001: case 0xFF1B: case 0xFF1A:
        case 0x2026: case 0xFF5E:
            return true;
        default:
            return false;
    }
}

// `norm` without trailing punctuation ("等了这么久，换谁都会着急。" matches a reply that goes
// on after "着急").
std::string trim_trailing_punct(std::string norm) {
    for (;;) {
        size_t start = norm.size();
        if (start == 0) break;
        do { --start; } while (start > 0 && (static_cast<unsigned char>(norm[start]) & 0xC0) == 0x80);
        uint32_t cp = 0;
        decode_utf8(norm, start, cp);
        if (!is_trailing_punct(cp)) break;
        norm.resize(start);
    }
    return norm;
}

std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) { h ^= c; h *= 1099511628211ull; }
    return h;
}

// English words too common to say anything about what a reply is about.
bool is_stop_word(std::string_view w) {
    static constexpr std::string_view kStop[] = {
        "about", "after", "again", "all", "also", "and", "any", "are", "been", "before", "being", "but",
        "can", "could", "did", "does", "for", "from", "get", "got", "had", "has", "have", "her", "here",
        "him", "his", "how", "i'm", "into", "its", "just", "let", "may", "might", "more", "much", "not",
        "now", "off", "one", "our", "out", "she", "should", "some", "than", "that", "the", "their",
        "them", "then", "there", "they", "this", "too", "very", "was", "were", "what", "when", "where",
        "which", "while", "who", "why", "will", "with", "would", "yes", "you", "your", "you're"};
    for (std::string_view s : kStop)
        if (w == s) return true;
    return false;
}

bool is_ascii_word_char(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

void append_ascii_token(std::string_view word, TextTokens& out) {
    bool has_letter = false;
    for (unsigned char c : word) has_letter |= (c >= 'a' && c <= 'z');
    if (has_letter ? (word.size() >= 3 && !is_stop_word(word)) : word.size() >= 2) out.push_back(fnv1a(word));
}

void sort_unique(TextTokens& t) {
    std::sort(t.begin(), t.end());
    t.erase(std::unique(t.begin(), t.end()), t.end());
}

std::string fmt_amount(double v) {
    char buf[32];
    if (std::fabs(v - std::round(v)) < 1e-9) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

// "“这不归我们管…”" — a line quoted in an explanation, cut at 60 bytes on a code point boundary.
std::string quote_line(const std::string& text) {
    constexpr size_t kMax = 60;
    if (text.size() <= kMax) return text;
    size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "…";
}

// ------------------------------------------------------------------ money in free text
int chinese_digit(uint32_t cp) {
    switch (cp) {
        case 0x96F6: return 0;  // 零
        case 0x4E00: return 1;  // 一
        case 0x4E8C: case 0x4E24: return 2;  // 二 两
        case 0x4E09: return 3;  // 三
        case 0x56DB: return 4;  // 四
        case 0x4E94: return 5;  // 五
        case 0x516D: return 6;  // 六
        case 0x4E03: return 7;  // 七
        case 0x516B: return 8;  // 八
        case 0x4E5D: return 9;  // 九
        default: return -1;
    }
}
int chinese_unit(uint32_t cp) {
    switch (cp) {
        case 0x5341: return 10;     // 十
        case 0x767E: return 100;    // 百
        case 0x5343: return 1000;   // 千
        case 0x4E07: return 10000;  // 万
        default: return 0;
    }
}

// Value of a run of Chinese numerals ("五十", "两百", "一千五百", "三万"); -1 if not a number.
double parse_chinese_number(const std::vector<uint32_t>& cps) {
    if (cps.empty()) return -1;
    double total = 0, section = 0, digit = -1;
    for (uint32_t cp : cps) {
        const int d = chinese_digit(cp);
        const int u = chinese_unit(cp);
        if (d >= 0) {
            digit = d;
        } else if (u == 10000) {
            section += digit < 0 ? 0 : digit;
            total += (section == 0 ? 1 : section) * 10000;
            section = 0;
            digit = -1;
        } else if (u > 0) {
            section += (digit < 0 ? 1 : digit) * u;
            digit = -1;
        } else {
            return -1;
        }
    }
    if (digit >= 0) section += digit;
    return total + section;
}

bool starts_with_at(std::string_view s, size_t at, std::string_view w) {
    return at <= s.size() && s.size() - at >= w.size() && s.compare(at, w.size(), w) == 0;
}

bool currency_after(std::string_view s, size_t at) {
    while (at < s.size() && s[at] == ' ') ++at;
    for (std::string_view w : {"元", "块", "cny", "rmb", "yuan", "kuai"})
        if (starts_with_at(s, at, w)) return true;
    return false;
}

bool currency_before(std::string_view s, size_t at) {
    while (at > 0 && s[at - 1] == ' ') --at;
    for (std::string_view w : {"¥", "￥", "cny", "rmb"})
        if (at >= w.size() && s.compare(at - w.size(), w.size(), w) == 0) return true;
    return false;
}

constexpr std::string_view kOfferWords[] = {
    "补偿", "赔偿", "赔付", "代金券", "优惠券", "抵用券", "餐券", "酒店券", "券", "积分", "里程", "红包",
    "返现", "免单", "关怀包", "compensat", "voucher", "coupon", "goodwill", "cashback", "on us",
    "on the house"};

// ------------------------------------------------------------------ scoring helpers
LocalizedText lt(std::string zh, std::string en) { return LocalizedText{std::move(zh), std::move(en)}; }

std::string line_no(int line) { return std::to_string(line + 1); }

struct ItemBuilder {
    QaItemResult& item;
    const CallRecord& record;
    const std::vector<PreparedText>& prepared;  // one per line of the record, normalised once
    void deduct(std::string rule, int line, double points, LocalizedText why) {
        Deduction d;
        d.id = item.item_id + "#" + std::to_string(item.deductions.size());
        d.item_id = item.item_id;
        d.check = item.check;
        d.rule = std::move(rule);
        d.line = line;
        if (line >= 0 && static_cast<size_t>(line) < record.lines.size()) d.line_text = record.lines[line].text;
        d.points = points;
        d.explanation = std::move(why);
        item.deductions.push_back(std::move(d));
    }
};

const Scenario* find_scenario(const Pack& pack, std::string_view id) {
    for (const Scenario& s : pack.scenarios)
        if (s.id == id) return &s;
    return nullptr;
}

// The empathy index of an agent line: the record's flag when set (the assistant or the
// simulator knew), else found in the text.
int line_empathy(const CallLine& l, const PreparedText& text, const CallRules& rules) {
    if (l.is_empathy && l.empathy_index >= 0) return l.empathy_index;
    return rules.empathy_index(text);
}

void score_no_prohibited(ItemBuilder& b, const CallRules& rules) {
    const CallRecord& r = b.record;
    struct Found { int line; std::string rule_id; bool prohibited; std::string matched; };
    std::vector<Found> found;
    auto add = [&](int line, const std::string& rule_id, bool prohibited, const std::string& matched) {
        for (const Found& f : found)
            if (f.line == line && f.rule_id == rule_id) return;
        found.push_back({line, rule_id, prohibited, matched});
    };
    // Recorded hits first (the assistant saw them live), then a fresh scan of the agent's lines.
    for (const GuardrailHit& h : r.hits) {
        const bool valid_line = h.line >= 0 && static_cast<size_t>(h.line) < r.lines.size();
        if (valid_line && r.lines[h.line].speaker != Speaker::Agent) continue;  // customers may say anything
        add(valid_line ? h.line : -1, h.rule_id, h.prohibited, h.matched);
    }
    for (size_t i = 0; i < r.lines.size(); ++i) {
        if (r.lines[i].speaker != Speaker::Agent) continue;
        for (const GuardrailHit& h : rules.scan(b.prepared[i], static_cast<int>(i)))
            add(h.line, h.rule_id, h.prohibited, h.matched);
    }
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& c) { return a.line < c.line; });
    for (const Found& f : found) {
        const std::string where_zh = f.line >= 0 ? "第" + line_no(f.line) + "句" : "通话中";
        const std::string where_en = f.line >= 0 ? "Line " + line_no(f.line) : "The call";
        if (f.prohibited) {
            const ProhibitedPhrase* p = rules.prohibited(f.rule_id);
            std::string zh = where_zh + "用了禁忌语“" + (p ? p->phrase.zh : f.matched) + "”（规则 " + f.rule_id + "）";
            std::string en = where_en + " uses the prohibited phrase '" + (p ? p->phrase.en : f.matched) + "' (rule " +
                             f.rule_id + ")";
            if (p && !p->why.empty()) {
                zh += "：" + trim_trailing_punct(pick(p->why, Lang::Zh));
                en += ": " + trim_trailing_punct(pick(p->why, Lang::En));
            }
            if (p && !p->instead.empty()) {
                zh += "。可以改说：" + pick(p->instead, Lang::Zh);
                en += ". Say instead: " + pick(p->instead, Lang::En);
            }
            b.deduct("prohibited_phrase", f.line, b.item.weight, lt(zh, en));
        } else {
            const NeverDisclose* n = rules.never_disclose(f.rule_id);
            std::string zh = where_zh + "透露了不可透露的信息“" + (n ? pick(n->label, Lang::Zh) : f.rule_id) + "”（规则 " +
                             f.rule_id + "，匹配“" + f.matched + "”）";
            std::string en = where_en + " discloses '" + (n ? pick(n->label, Lang::En) : f.rule_id) + "', which must never be disclosed (rule " +
                             f.rule_id + ", matched '" + f.matched + "')";
            if (n && !n->why.empty()) { zh += "：" + pick(n->why, Lang::Zh); en += ": " + pick(n->why, Lang::En); }
            b.deduct("never_disclose", f.line, b.item.weight, lt(zh, en));
        }
    }
    b.item.note = found.empty() ? lt("没有一句用到禁忌语或不可透露的信息。", "No line used a prohibited phrase or disclosed protected information.")
                                : lt("用到禁忌语或不可透露的信息：每处扣全部分值。", "Prohibited phrase or protected information used: each costs the full weight.");
}

void score_empathy(ItemBuilder& b, const CallRules& rules) {
    const CallRecord& r = b.record;
    std::vector<int> used_at(rules.empathy_lines().size(), -1);
    int stock_at = -1;
    bool any_empathy = false, customer_spoke = false;
    for (size_t i = 0; i < r.lines.size(); ++i) {
        const CallLine& l = r.lines[i];
        if (l.speaker == Speaker::Customer) customer_spoke = true;
        if (l.speaker != Speaker::Agent) continue;
        const int line = static_cast<int>(i);
        const int e = line_empathy(l, b.prepared[i], rules);
        if (e >= 0 && static_cast<size_t>(e) < used_at.size()) {
            any_empathy = true;
            if (used_at[e] >= 0) {
                const LocalizedText& el = rules.empathy_lines()[e];
                b.deduct("repeated_empathy", line, b.item.weight / 2,
                         lt("第" + line_no(line) + "句重复了第" + line_no(used_at[e]) + "句已经说过的安抚语“" + pick(el, Lang::Zh) +
                                "”：同一句说两遍，客户听出来是背稿。换一句贴合他处境的话。",
                            "Line " + line_no(line) + " repeats the soothing line already said in line " + line_no(used_at[e]) +
                                " ('" + pick(el, Lang::En) + "'): said twice, it sounds recited. Use another line that fits their situation."));
            } else {
                used_at[e] = line;
            }
        }
        if (rules.is_stock_empathy(b.prepared[i])) {
            any_empathy = true;
            if (stock_at >= 0) {
                b.deduct("repeated_empathy", line, b.item.weight / 2,
                         lt("第" + line_no(line) + "句又一次说了“我理解您的心情”（第" + line_no(stock_at) + "句已说过）：万能安抚语反复用，只会让客户更火大。",
                            "Line " + line_no(line) + " says 'I understand how you feel' again (already in line " + line_no(stock_at) +
                                "): the all-purpose line, repeated, makes customers angrier."));
            } else {
                b.deduct("stock_empathy", line, b.item.weight / 4,
                         lt("第" + line_no(line) + "句用了万能安抚语“我理解您的心情”：什么场合都用这一句会适得其反，请用本场景的安抚语，说出客户的具体处境。",
                            "Line " + line_no(line) + " uses the stock line 'I understand how you feel': used for everything, it backfires. "
                            "Use one of this scenario's soothing lines that names the customer's situation."));
                stock_at = line;
            }
        }
    }
    if (!any_empathy && customer_spoke) {
        b.deduct("no_empathy", -1, b.item.weight / 2,
                 lt("整通电话没有一句安抚语：客户说了自己的处境，却没有人回应他的感受。",
                    "No soothing line in the whole call: the customer told their story and nobody acknowledged how they felt."));
    }
    b.item.note = lt("检查安抚语是否轮换、是否避开万能句。", "Checks that soothing lines rotate and avoid the stock phrase.");
}

void score_waited(ItemBuilder& b) {
    const CallRecord& r = b.record;
    ListenTracker listen;
    int offers = 0;
    for (size_t i = 0; i < r.lines.size(); ++i) {
        const CallLine& l = r.lines[i];
        const bool heard = listen.on_line(l);
        if (!is_offer_line(l)) continue;
        ++offers;
        if (heard) continue;
        const int line = static_cast<int>(i);
        const std::string amount = l.offer_amount > 0 ? fmt_amount(l.offer_amount) : "";
        b.deduct("offer_before_reply", line, b.item.weight,
                 lt("第" + line_no(line) + "句" + (amount.empty() ? "提出补偿" : "提出 " + amount + " 的补偿") +
                        "，而客户在上一句之后还没有机会回应：解释、道歉和补偿不要一口气说完，先等客户回话。一上来就给钱会养出“上次给了XX”的职业投诉。",
                    "Line " + line_no(line) + " offers compensation" + (amount.empty() ? "" : " (" + amount + ")") +
                        " before the customer could reply to the previous line: don't deliver explanation, apology and "
                        "compensation in one breath; wait for the customer first. Money up front breeds 'you paid XX last time' complainers."));
    }
    b.item.note = offers == 0 ? lt("本通电话没有提出补偿。", "No compensation was offered in this call.")
                              : lt("每次补偿前都应先听客户回话。", "Every offer should come after the customer has been heard.");
}

void score_fcr(ItemBuilder& b) {
    const CallRecord& r = b.record;
    if (r.end == CallEnd::Resolved) {
        b.item.note = lt("本次来电已解决。", "Resolved on this contact.");
        return;
    }
    const int last = r.lines.empty() ? -1 : static_cast<int>(r.lines.size()) - 1;
    LocalizedText why;
    switch (r.end) {
        case CallEnd::FollowUp:
            why = lt("通话结束时问题没有解决、客户不满意，需要后续跟进：客户还得再来电。",
                     "The call ended without a resolution the customer accepted; it needs a follow-up, so the customer will have to call again.");
            break;
        case CallEnd::Escalated:
            why = lt("问题转交他人处理，本次来电没有解决。若转交后当场解决，可提出申诉。",
                     "Handed over to someone else: not resolved by this contact. If the handover resolved it on the spot, dispute this.");
            break;
        case CallEnd::HungUp:
            why = lt("客户挂断了电话，问题没有解决。", "The customer hung up; nothing was resolved.");
            break;
        default:
            why = lt("通话没有结束记录，无法算作一次解决。", "The call has no recorded end, so it cannot count as resolved.");
            break;
    }
    if (last >= 0) {
        why.zh = "结束于第" + line_no(last) + "句：" + why.zh;
        why.en = "Ended at line " + line_no(last) + ": " + why.en;
    }
    b.deduct("not_resolved", last, b.item.weight, why);
    b.item.note = lt("只有当场解决的来电算一次解决。", "Only a call resolved there and then counts as first-contact resolution.");
}

void score_questions(ItemBuilder& b) {
    const CallRecord& r = b.record;
    size_t asked = 0;
    for (const CallLine& l : r.lines) asked += (l.speaker == Speaker::Customer && l.is_question) ? 1 : 0;
    if (asked == 0) {
        b.item.note = lt("客户没有提出需要回答的问题。", "The customer asked no question that needed an answer.");
        return;
    }
    const double each = b.item.weight / static_cast<double>(asked);
    for (size_t i = 0; i < r.lines.size(); ++i) {
        const CallLine& l = r.lines[i];
        if (l.speaker != Speaker::Customer || !l.is_question || l.answered) continue;
        const int line = static_cast<int>(i);
        b.deduct("question_unanswered", line, each,
                 lt("第" + line_no(line) + "句客户问了“" + quote_line(l.text) + "”，直到通话结束都没有得到回答：漏答一个，客户就得再问一遍或再打一次。",
                    "Line " + line_no(line) + ": the customer asked '" + quote_line(l.text) +
                        "' and never got an answer; miss one and they have to ask again, or call again."));
    }
    b.item.note = lt("客户共提问 " + std::to_string(asked) + " 次，每个未答的问题扣相应的一份。",
                     "The customer asked " + std::to_string(asked) + " question(s); each one left unanswered costs its share.");
}

void score_authority(ItemBuilder& b, const Pack& pack) {
    const CallRecord& r = b.record;
    const std::optional<double> limit = compensation_limit(pack, r.grade_id);
    if (!limit) {
        b.item.status = QaStatus::NotApplicable;
        b.item.note = lt("通话没有记录坐席等级（或包里没有该等级），无法判断授权范围。",
                         "The call records no agent grade known to the pack, so authority cannot be judged.");
        return;
    }
    const std::string lim = fmt_amount(*limit);
    if (r.approval_obtained) {
        b.item.note = lt("超出授权的部分已获主管批准。", "Anything beyond the grade's limit was approved by a lead.");
        return;
    }
    double total = 0;
    for (size_t i = 0; i < r.lines.size(); ++i) {
        const CallLine& l = r.lines[i];
        if (l.speaker != Speaker::Agent || l.offer_amount <= 0) continue;
        total += l.offer_amount;
        if (total <= *limit + 1e-9) continue;
        const int line = static_cast<int>(i);
        b.deduct("over_authority", line, b.item.weight,
                 lt("第" + line_no(line) + "句提出 " + fmt_amount(l.offer_amount) + " 的补偿，使本通电话的补偿累计 " + fmt_amount(total) +
                        "，超过该等级的授权上限 " + lim + "，且没有主管批准：兑现不了的承诺比不承诺更伤客户，超出授权请先申请或升级。",
                    "Line " + line_no(line) + " offers " + fmt_amount(l.offer_amount) + ", bringing the call's compensation to " +
                        fmt_amount(total) + ", over the grade's limit of " + lim +
                        " without a lead's approval: a promise that can't be kept hurts more than none. Ask for approval or escalate."));
        break;  // one deduction: the line where the limit was crossed
    }
    if (r.compensation_given > *limit + 1e-9 && b.item.deductions.empty()) {
        // The record says more was given than its lines show (e.g. a real call logged the total only).
        b.deduct("over_authority", -1, b.item.weight,
                 lt("本通电话共给出补偿 " + fmt_amount(r.compensation_given) + "，超过该等级的授权上限 " + lim + "，且没有主管批准。",
                    "The call gave " + fmt_amount(r.compensation_given) + " in compensation, over the grade's limit of " + lim +
                        ", without a lead's approval."));
    }
    b.item.note = lt("该等级单通电话可自行决定的补偿上限为 " + lim + "。", "This grade may decide compensation up to " + lim + " per call on its own.");
}

void score_feeling(ItemBuilder& b, const QaOptions& o) {
    const CallRecord& r = b.record;
    int last_customer = -1;
    for (size_t i = 0; i < r.lines.size(); ++i)
        if (r.lines[i].speaker == Speaker::Customer) last_customer = static_cast<int>(i);
    const double w = b.item.weight;
    if (r.final_mood) {
        const double mood = std::max(0.0, std::min(100.0, *r.final_mood));
        const double target = o.satisfied_mood > 0 ? o.satisfied_mood : 70;
        const double earned = w * std::min(1.0, mood / target);
        const std::string m = fmt_amount(std::round(mood));
        b.item.note = lt("模拟客户最终情绪 " + m + "/100（" + fmt_amount(target) + " 及以上为满意）。",
                         "The simulated customer's final mood was " + m + "/100 (" + fmt_amount(target) + " or more is satisfied).");
        if (w - earned > 1e-9)
            b.deduct("customer_mood", last_customer, w - earned,
                     lt("以客户感受为准：模拟客户最终情绪只有 " + m + "/100，低于满意线 " + fmt_amount(target) + "，按比例扣分" +
                            (last_customer >= 0 ? "（客户的最后一句在第" + line_no(last_customer) + "句）" : "") + "。",
                        "By the customer's feeling: the simulated customer ended at " + m + "/100, below the satisfied mark of " +
                            fmt_amount(target) + "; points are taken in proportion" +
                            (last_customer >= 0 ? " (their last words are line " + line_no(last_customer) + ")" : "") + "."));
        return;
    }
    if (o.satisfaction) {
        const int s = std::max(1, std::min(5, *o.satisfaction));
        const double earned = w * (s - 1) / 4.0;
        b.item.note = lt("客户满意度评价 " + std::to_string(s) + "/5。", "The customer rated the call " + std::to_string(s) + "/5.");
        if (w - earned > 1e-9)
            b.deduct("customer_satisfaction", last_customer, w - earned,
                     lt("以客户感受为准：客户满意度评价为 " + std::to_string(s) + "/5，按比例扣分" +
                            (last_customer >= 0 ? "（客户的最后一句在第" + line_no(last_customer) + "句）" : "") + "。",
                        "By the customer's feeling: the customer rated the call " + std::to_string(s) + "/5; points are taken in proportion" +
                            (last_customer >= 0 ? " (their last words are line " + line_no(last_customer) + ")" : "") + "."));
        return;
    }
    b.item.needs_reviewer = true;
    b.item.note = lt("没有客户情绪或满意度记录，等待质检员判断。", "No mood or satisfaction recorded: waiting for a reviewer.");
}

TextTokens tokens_of_normalized(const std::string& norm);

}  // namespace

// ------------------------------------------------------------------ text matching
TextTokens content_tokens(std::string_view text) { return tokens_of_normalized(normalize_for_match(text)); }

PreparedText::PreparedText(std::string_view text) : raw(text), norm(normalize_for_match(text)), tokens(tokens_of_normalized(norm)) {}

namespace {

TextTokens tokens_of_normalized(const std::string& norm) {
    TextTokens out;
    size_t run_start = std::string::npos, prev_cp_start = 0;
    int run_len = 0;
    size_t ascii_start = std::string::npos;
    auto end_cjk_run = [&](size_t end) {
        if (run_len == 1) out.push_back(fnv1a(std::string_view(norm).substr(run_start, end - run_start)));
        run_start = std::string::npos;
        run_len = 0;
    };
    for (size_t i = 0; i <= norm.size();) {
        uint32_t cp = 0;
        size_t n = 1;
        if (i < norm.size()) n = decode_utf8(norm, i, cp);
        const bool at_end = i == norm.size();
        const bool cjk = !at_end && is_cjk(cp);
        const bool word = !at_end && cp < 0x80 && (is_ascii_word_char(static_cast<unsigned char>(cp)));
        if (!word && ascii_start != std::string::npos) {
            append_ascii_token(std::string_view(norm).substr(ascii_start, i - ascii_start), out);
            ascii_start = std::string::npos;
        }
        if (cjk) {
            if (run_start == std::string::npos) { run_start = i; run_len = 0; }
            else out.push_back(fnv1a(std::string_view(norm).substr(prev_cp_start, i + n - prev_cp_start)));
            prev_cp_start = i;
            ++run_len;
        } else if (run_start != std::string::npos) {
            end_cjk_run(i);
        }
        if (word && ascii_start == std::string::npos) ascii_start = i;
        if (at_end) break;
        i += n;
    }
    sort_unique(out);
    return out;
}

}  // namespace

size_t shared_tokens(const TextTokens& text, const TextTokens& reference) {
    size_t n = 0;
    auto a = text.begin();
    auto b = reference.begin();
    while (a != text.end() && b != reference.end()) {
        if (*a < *b) ++a;
        else if (*b < *a) ++b;
        else { ++n; ++a; ++b; }
    }
    return n;
}

double token_coverage(const TextTokens& text, const TextTokens& reference) {
    if (reference.empty()) return 0;
    return static_cast<double>(shared_tokens(text, reference)) / static_cast<double>(reference.size());
}

OfferMention find_offer(std::string_view text) { return find_offer(PreparedText(text)); }

OfferMention find_offer(const PreparedText& text) {
    OfferMention m;
    const std::string& s = text.norm;
    // Arabic-digit amounts.
    for (size_t i = 0; i < s.size();) {
        if (!(s[i] >= '0' && s[i] <= '9')) { ++i; continue; }
        size_t j = i;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
        if (j + 1 < s.size() && s[j] == '.' && s[j + 1] >= '0' && s[j + 1] <= '9') {
            ++j;
            while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
        }
        const bool digit_before = i > 0 && ((s[i - 1] >= '0' && s[i - 1] <= '9') || (s[i - 1] >= 'a' && s[i - 1] <= 'z'));
        if (!digit_before && (currency_after(s, j) || currency_before(s, i))) {
            const double v = std::strtod(s.substr(i, j - i).c_str(), nullptr);
            if (std::isfinite(v) && v > m.amount) { m.amount = v; m.found = true; m.matched = s.substr(i, j - i); }
        }
        i = j;
    }
    // Chinese-numeral amounts: "五十元", "两百块".
    for (size_t i = 0; i < s.size();) {
        uint32_t cp = 0;
        size_t n = decode_utf8(s, i, cp);
        if (chinese_digit(cp) < 0 && chinese_unit(cp) == 0) { i += n; continue; }
        std::vector<uint32_t> run;
        size_t j = i;
        while (j < s.size()) {
            uint32_t c2 = 0;
            const size_t n2 = decode_utf8(s, j, c2);
            if (chinese_digit(c2) < 0 && chinese_unit(c2) == 0) break;
            run.push_back(c2);
            j += n2;
        }
        if (currency_after(s, j)) {
            const double v = parse_chinese_number(run);
            if (v > m.amount) { m.amount = v; m.found = true; m.matched = s.substr(i, j - i); }
        }
        i = j;
    }
    if (!m.found) {
        for (std::string_view w : kOfferWords)
            if (s.find(w) != std::string::npos) { m.found = true; m.matched = std::string(w); break; }
    }
    return m;
}

// ------------------------------------------------------------------ CallRules
const std::vector<LocalizedText>& stock_empathy_lines() {
    static const std::vector<LocalizedText> kLines = {
        {"我理解您的心情", "I understand how you feel"},
    };
    return kLines;
}

CallRules::CallRules(const Pack& pack, const Scenario* scenario) {
    auto add_guardrails = [&](const Guardrails& g) {
        for (const ProhibitedPhrase& p : g.prohibited) {
            prohibited_.push_back(p);
            prohibited_norm_.push_back(trim_trailing_punct(normalize_for_match(p.phrase.zh)));
            prohibited_norm_.push_back(trim_trailing_punct(normalize_for_match(p.phrase.en)));
        }
        for (const NeverDisclose& n : g.never_disclose) never_.push_back(n);
    };
    add_guardrails(pack.guardrails);
    if (scenario) add_guardrails(scenario->guardrails);
    for (size_t i = 0; i < never_.size(); ++i) {
        for (const std::string& spec : never_[i].patterns) {
            Compiled c;
            c.item = i;
            if (never_[i].kind == DisclosureKind::Pattern) {
                std::optional<DisclosurePattern> p = parse_disclosure_pattern(spec, nullptr);
                if (!p) continue;  // validate_pack reports it; a bad pattern must not match everything
                c.pattern = true;
                c.p = *p;
            } else {
                c.pattern = false;
                c.phrase = normalize_for_match(spec);
                if (c.phrase.empty()) continue;
            }
            never_compiled_.push_back(std::move(c));
        }
    }
    if (scenario) {
        empathy_ = scenario->empathy_lines;
        for (const LocalizedText& e : empathy_) {
            empathy_norm_.push_back(trim_trailing_punct(normalize_for_match(e.zh)));
            empathy_norm_.push_back(trim_trailing_punct(normalize_for_match(e.en)));
            empathy_tokens_.push_back(content_tokens(e.zh));
            empathy_tokens_.push_back(content_tokens(e.en));
        }
    }
}

std::vector<GuardrailHit> CallRules::scan(std::string_view text, int line) const {
    if (prohibited_.empty() && never_compiled_.empty()) return {};
    return scan(PreparedText(text), line);
}

std::vector<GuardrailHit> CallRules::scan(const PreparedText& prepared, int line) const {
    std::vector<GuardrailHit> hits;
    const std::string_view text = prepared.raw;
    const std::string& norm = prepared.norm;
    for (size_t i = 0; i < prohibited_.size(); ++i) {
        for (int side = 0; side < 2; ++side) {
            const std::string& p = prohibited_norm_[2 * i + side];
            if (!contains(norm, p)) continue;
            hits.push_back({prohibited_[i].id, true, p, line});
            break;
        }
    }
    for (const Compiled& c : never_compiled_) {
        const std::string& id = never_[c.item].id;
        bool already = false;
        for (const GuardrailHit& h : hits) already |= (!h.prohibited && h.rule_id == id);
        if (already) continue;
        if (c.pattern) {
            const std::vector<TextSpan> spans = find_disclosures(c.p, text);
            if (!spans.empty())
                hits.push_back({id, false, std::string(text.substr(spans[0].begin, spans[0].end - spans[0].begin)), line});
        } else if (contains(norm, c.phrase)) {
            hits.push_back({id, false, c.phrase, line});
        }
    }
    return hits;
}

int CallRules::empathy_index(std::string_view text) const {
    if (empathy_.empty()) return -1;
    return empathy_index(PreparedText(text));
}

int CallRules::empathy_index(const PreparedText& text) const {
    const std::string& norm = text.norm;
    for (size_t i = 0; i < empathy_.size(); ++i)
        if (contains(norm, empathy_norm_[2 * i]) || contains(norm, empathy_norm_[2 * i + 1])) return static_cast<int>(i);
    // Typed from memory with a word changed: most of the line's tokens are there.
    const TextTokens& t = text.tokens;
    for (size_t i = 0; i < empathy_.size(); ++i)
        for (int side = 0; side < 2; ++side) {
            const TextTokens& ref = empathy_tokens_[2 * i + side];
            if (ref.size() >= 4 && token_coverage(t, ref) >= 0.8) return static_cast<int>(i);
        }
    return -1;
}

bool CallRules::is_stock_empathy(std::string_view text) const { return is_stock_empathy(PreparedText(text)); }

bool CallRules::is_stock_empathy(const PreparedText& text) const {
    // The core of the line, so "我非常理解您的心情" and "I totally understand how you feel" count.
    static constexpr std::string_view kCores[] = {"理解您的心情", "理解你的心情", "understand how you feel",
                                                  "understand your feeling"};
    for (std::string_view c : kCores)
        if (text.norm.find(c) != std::string::npos) return true;
    return false;
}

const ProhibitedPhrase* CallRules::prohibited(std::string_view id) const {
    for (const ProhibitedPhrase& p : prohibited_)
        if (p.id == id) return &p;
    return nullptr;
}

const NeverDisclose* CallRules::never_disclose(std::string_view id) const {
    for (const NeverDisclose& n : never_)
        if (n.id == id) return &n;
    return nullptr;
}

bool is_offer_line(const CallLine& line) {
    return line.speaker == Speaker::Agent && (line.offer_amount > 0 || line.step_kind == StepKind::Offer);
}

bool ListenTracker::on_line(const CallLine& line) {
    const bool before = heard;
    if (line.speaker == Speaker::Customer) {
        heard = agent_spoke;
    } else if (line.speaker == Speaker::Agent) {
        agent_spoke = true;
        heard = false;
    }
    return before;
}

std::optional<double> compensation_limit(const Pack& pack, std::string_view grade_id) {
    for (const AgentGrade& g : pack.grades)
        if (g.id == grade_id) return g.compensation_limit;
    return std::nullopt;
}

// ------------------------------------------------------------------ scoring
const char* to_string(QaStatus s) {
    switch (s) {
        case QaStatus::Pass: return "pass";
        case QaStatus::Partial: return "partial";
        case QaStatus::Fail: return "fail";
        case QaStatus::Unscored: return "unscored";
        case QaStatus::NotApplicable: return "not_applicable";
    }
    return "unscored";
}

const char* to_string(DisputeStatus s) {
    switch (s) {
        case DisputeStatus::Open: return "open";
        case DisputeStatus::Accepted: return "accepted";
        case DisputeStatus::Rejected: return "rejected";
    }
    return "open";
}

const QaItemResult* QaResult::find_item(std::string_view item_id) const {
    for (const QaItemResult& i : items)
        if (i.item_id == item_id) return &i;
    return nullptr;
}

const Deduction* QaResult::find_deduction(std::string_view deduction_id) const {
    for (const QaItemResult& i : items)
        for (const Deduction& d : i.deductions)
            if (d.id == deduction_id) return &d;
    return nullptr;
}

const Scorecard* find_scorecard(const Pack& pack, std::string_view scorecard_id) {
    for (const Scorecard& s : pack.scorecards)
        if (s.id == scorecard_id) return &s;
    return nullptr;
}

QaResult score_call(const Pack& pack, const Scorecard& card, const CallRecord& record, const QaOptions& options) {
    QaResult result;
    result.scorecard_id = card.id;
    result.practice = record.practice;
    const CallRules rules(pack, find_scenario(pack, record.scenario_id));
    std::vector<PreparedText> prepared;
    prepared.reserve(record.lines.size());
    for (const CallLine& l : record.lines)  // only agent lines are judged; others stay empty, indices match
        prepared.emplace_back(l.speaker == Speaker::Agent ? std::string_view(l.text) : std::string_view());
    for (const ScorecardItem& it : card.items) {
        QaItemResult item;
        item.item_id = it.id;
        item.label = it.label;
        item.check = it.check;
        item.weight = std::max(0.0, it.weight);
        item.status = QaStatus::Pass;  // recompute() settles it; NotApplicable set below sticks
        ItemBuilder b{item, record, prepared};
        switch (it.check) {
            case ScoreCheck::NoProhibitedPhrase: score_no_prohibited(b, rules); break;
            case ScoreCheck::EmpathyVariety: score_empathy(b, rules); break;
            case ScoreCheck::WaitedBeforeCompensation: score_waited(b); break;
            case ScoreCheck::FirstContactResolution: score_fcr(b); break;
            case ScoreCheck::QuestionsAnswered: score_questions(b); break;
            case ScoreCheck::WithinAuthority: score_authority(b, pack); break;
            case ScoreCheck::CustomerFeeling: score_feeling(b, options); break;
            case ScoreCheck::Manual:
                item.needs_reviewer = true;
                item.note = it.why.empty() ? lt("由质检员人工判断。", "Judged by the reviewer.") : it.why;
                break;
        }
        result.items.push_back(std::move(item));
    }
    recompute(result);
    return result;
}

void recompute(QaResult& r) {
    r.score = 0;
    r.max_score = 0;
    r.unscored = 0;
    for (QaItemResult& item : r.items) {
        if (item.status == QaStatus::NotApplicable) { item.earned = 0; continue; }
        if (item.needs_reviewer && !item.reviewer_points) {
            item.status = QaStatus::Unscored;
            item.earned = 0;
            ++r.unscored;
            continue;
        }
        if (item.reviewer_points) {
            item.earned = std::max(0.0, std::min(item.weight, *item.reviewer_points));
        } else {
            double lost = 0;
            for (const Deduction& d : item.deductions)
                if (!d.waived) lost += d.points;
            item.earned = std::max(0.0, item.weight - lost);
        }
        if (item.earned >= item.weight - 1e-9) item.status = QaStatus::Pass;
        else if (item.earned <= 1e-9) item.status = QaStatus::Fail;
        else item.status = QaStatus::Partial;
        r.score += item.earned;
        r.max_score += item.weight;
    }
    r.percent = r.max_score > 0 ? 100.0 * r.score / r.max_score : 0;
}

int dispute(QaResult& result, std::string_view deduction_id, std::string comment, std::string by, std::int64_t at) {
    if (!result.find_deduction(deduction_id)) return -1;
    for (const Dispute& d : result.disputes)
        if (d.deduction_id == deduction_id && d.status != DisputeStatus::Rejected) return -1;
    Dispute d;
    d.deduction_id = std::string(deduction_id);
    d.comment = std::move(comment);
    d.by = std::move(by);
    d.at = at;
    result.disputes.push_back(std::move(d));
    return static_cast<int>(result.disputes.size()) - 1;
}

bool accept_dispute(QaResult& result, size_t index, std::string reviewer, std::string note, std::int64_t at) {
    if (index >= result.disputes.size() || result.disputes[index].status != DisputeStatus::Open) return false;
    Dispute& d = result.disputes[index];
    for (QaItemResult& item : result.items)
        for (Deduction& ded : item.deductions)
            if (ded.id == d.deduction_id) ded.waived = true;
    d.status = DisputeStatus::Accepted;
    d.reviewer = std::move(reviewer);
    d.reviewer_note = std::move(note);
    d.decided_at = at;
    recompute(result);
    return true;
}

bool reject_dispute(QaResult& result, size_t index, std::string reviewer, std::string note, std::int64_t at) {
    if (index >= result.disputes.size() || result.disputes[index].status != DisputeStatus::Open) return false;
    Dispute& d = result.disputes[index];
    d.status = DisputeStatus::Rejected;
    d.reviewer = std::move(reviewer);
    d.reviewer_note = std::move(note);
    d.decided_at = at;
    return true;
}

bool mark_item(QaResult& result, std::string_view item_id, double points, std::string reviewer, std::string note) {
    for (QaItemResult& item : result.items) {
        if (item.item_id != item_id) continue;
        if (!item.needs_reviewer || !std::isfinite(points)) return false;
        item.reviewer_points = std::max(0.0, std::min(item.weight, points));
        item.reviewer = std::move(reviewer);
        item.reviewer_note = std::move(note);
        recompute(result);
        return true;
    }
    return false;
}

}  // namespace cw
