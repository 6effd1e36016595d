// triage.cpp — see triage.h. Layout: built-in lexicons, the automaton, building the index,
// time expressions, classify(), scenario suggestion.
#include "core/triage.h"

#include "core/phrase_matcher.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <unordered_map>

#include "core/text_normalize.h"

namespace cw {

// ================================================================== built-in lexicons
// Written in normalised form (lower case, half-width). They are generic on purpose: a word
// belongs here only if it means the same thing in every industry a pack may cover. Pack
// phrases stay the primary source; these catch what a pack forgot.
namespace {

// A person may be in danger now (the safety fallback). Deliberately absent, because they
// mislead in ordinary requests: "危险" (危险品 = dangerous goods), "没反应" (the app is
// unresponsive), "afraid" ("I'm afraid I can't..."), "accident" ("by accident"), "crash"
// (the app crashed), "emergency" (said of anything; an insistence word instead).
const char* const kSafetyWords[] = {
    "救命", "救救我", "报警", "警察", "民警", "公安", "派出所", "流血", "出血", "受伤", "受了伤", "受了点伤",
    "晕倒", "昏倒", "昏迷", "晕过去", "不省人事", "没有意识", "没有呼吸", "叫不醒", "胸口疼", "胸口痛", "胸痛",
    "呼吸困难", "喘不上气", "心脏病", "车祸", "撞车", "被撞", "被抢", "抢劫", "被打", "打人", "绑架", "劫持",
    "威胁我", "害怕", "好怕", "不让我下车", "不让下车", "锁了车门", "骚扰我", "猥亵", "醉驾", "酒驾", "喝醉",
    "着火", "起火", "火灾", "爆炸", "塌方", "泥石流", "地震", "溺水", "落水", "自杀", "轻生", "跳楼", "救护车",
    "急救", "有危险", "很危险", "跟踪我",
    "help me!", "call the police", "police", "bleeding", "injured", "injury", "hurt", "unconscious",
    "collapsed", "passed out", "fainted", "unresponsive", "s not responding", "not breathing", "chest pain",
    "can't breathe", "cannot breathe", "heart attack", "seizure", "car accident", "an accident",
    "traffic accident", "crashed into", "robbed", "mugged", "attacked", "assaulted", "kidnap", "abducted",
    "threatening me", "threatened me", "scared", "frightened", "terrified", "panicking",
    "won't let me out", "won't let me get out", "locked the doors", "harassing me", "drunk", "on fire",
    "explosion", "landslide", "earthquake", "drowning", "suicide", "ambulance", "in danger", "unsafe",
};

// The customer insists it is urgent (urgent to them — not yet important).
const char* const kInsistenceWords[] = {
    "紧急", "急急急", "很急", "非常急", "特别急", "急死", "着急", "急用", "十万火急", "快快",
    "urgent", "emergency", "hurry", "!!", "?!", "!?",
};

// Health is at stake (importance, no urgency by itself): a fallback like the safety words.
const char* const kHealthWords[] = {
    "手术", "住院", "医院", "病危", "急诊", "化疗", "透析", "重症",
    "surgery", "hospital", "hospitalised", "hospitalized", "chemotherapy", "dialysis", "critically ill",
    "intensive care",
};

// People stranded far from home, without shelter or a way on (importance; a fallback).
const char* const kStrandedWords[] = {
    "滞留", "被困", "困在", "没地方住", "无处可去", "回不了家", "回不去", "睡大街", "露宿",
    "拒绝入境", "不让入境", "被遣返", "遣返", "没别的酒店", "附近酒店都满", "其他酒店都满",
    "stranded", "nowhere to sleep", "nowhere to stay", "no place to stay", "stuck at the airport", "can't get home",
    "refused entry", "denied entry", "turned away at the border", "deported", "no other hotel",
    "hotels are all full", "all the hotels are full", "every hotel is full",
};

// Money leaving the customer's account, or a card at risk (importance; a fallback).
const char* const kMoneyAtRiskWords[] = {
    "盗刷", "被刷了", "冻结", "挂失", "止付", "被转走", "转走了", "骗走", "不是我刷的",
    "unauthorised", "unauthorized", "freeze my card", "block my card", "cancel my card", "stolen card",
    "someone is using my card", "drained", "fraudulent",
};

// Someone feels unwell now (a symptom, not a place or a treatment): health at stake and sooner
// rather than later. Calmly told symptoms are the ones a queue overlooks ("她说现在有点头晕").
// Deliberately absent: "不舒服" / "uncomfortable" (said of seats and of service), "sick" ("sick
// of this"), "pain" ("a pain to use"), "rash" as a verb-free noun in reviews is kept ("起疹子").
const char* const kSymptomWords[] = {
    "头晕", "头好晕", "眩晕", "发烧", "高烧", "发高烧", "呕吐", "吐了好几次", "一直吐", "腹泻", "拉肚子",
    "抽搐", "低血糖", "血糖低", "心慌", "心悸", "心跳很快", "喘不过气", "气喘", "哮喘发作", "发抖", "浑身发冷",
    "肿起来", "起疹子", "过敏反应", "脸色发白", "嘴唇发紫", "说不出话", "站不稳", "意识模糊", "剧痛", "疼得厉害",
    "dizzy", "dizziness", "light-headed", "lightheaded", "fever", "vomiting", "throwing up", "diarrhoea",
    "diarrhea", "low blood sugar", "hypo", "palpitations", "short of breath", "shortness of breath",
    "wheezing", "asthma attack", "shaking", "swelling up", "swollen", "allergic reaction", "very pale",
    "slurring", "confused and", "severe pain",
};

// A condition or a medicine a person depends on: health at stake (with kHealthWords).
// Not the conditions themselves ("糖尿病", "diabetic"): "is there a diabetic meal?" is an enquiry.
const char* const kDependencyWords[] = {
    "胰岛素", "降压药", "救心丸", "急救药", "硝酸甘油", "肾上腺素笔",
    "insulin", "inhaler", "epipen", "heart medication", "heart pills", "blood pressure medication", "nitroglycerin",
};

// People in someone's care: children and parents (kVulnerableWords are counted too). Only
// scored together with a loss of contact (see kOutOfContactWords): "my daughter" is no risk, "my
// daughter's phone is off" may be.
const char* const kDependentWords[] = {
    "孩子", "小孩", "儿子", "女儿", "闺女", "宝宝", "未成年", "学生", "我妈", "我爸", "妈妈", "爸爸", "父亲", "母亲",
    "老爸", "老妈", "爸妈", "父母",
    "daughter", "son", "kid", "kids", "child", "children", "teenager", "teen", "year-old", "years old",
    "my mum", "my mom", "my mother", "my dad", "my father", "my parents",
};

// Contact with a person is lost: unreachable, phone off, not moving.
const char* const kOutOfContactWords[] = {
    "联系不上", "联系不到", "打不通", "关机", "失联", "不接电话", "没人接", "不回消息", "不回微信", "没回消息",
    "找不到人", "一直没动", "没有动过", "一动不动", "不见了", "走丢", "走失",
    "phone is off", "phone's off", "phone off", "phone is dead", "phone died", "can't reach", "cannot reach",
    "can't get hold of", "can't get through to", "not answering", "isn't answering", "doesn't answer",
    "not picking up", "no answer", "hasn't moved", "hasnt moved", "has not moved", "stopped moving",
    "not moving", "lost contact", "went missing", "is missing", "no idea where",
};

// Said of the service rather than of a person ("你们客服电话打不通", "the driver isn't answering"):
// a contact-loss phrase after one of these in its clause is a complaint, not a missing person.
const char* const kServiceSideWords[] = {
    "客服", "热线", "人工", "你们", "司机", "师傅", "导游", "领队", "酒店", "商家", "前台", "骑手",
    "hotline", "customer service", "your", "you guys", "driver", "the hotel", "guide", "agent", "courier",
};

// An amount of money: a currency after a number ("4000元", "300 dollars") or before one ("£4,000",
// "¥500"); ref says which side the number is on (kAmountAfter: "元" after the number).
constexpr uint32_t kAmountAfter = 0, kAmountBefore = 1, kAmountEither = 2;
struct Currency { const char* word; uint32_t side; };
const Currency kCurrencies[] = {
    {"元", kAmountAfter}, {"块", kAmountAfter}, {"块钱", kAmountAfter}, {"美元", kAmountAfter},
    {"英镑", kAmountAfter}, {"欧元", kAmountAfter}, {"港币", kAmountAfter}, {"日元", kAmountAfter},
    {"万元", kAmountAfter}, {"yuan", kAmountAfter}, {"dollars", kAmountAfter}, {"dollar", kAmountAfter},
    {"bucks", kAmountAfter}, {"pounds", kAmountAfter}, {"quid", kAmountAfter}, {"euros", kAmountAfter},
    {"£", kAmountBefore}, {"$", kAmountBefore}, {"¥", kAmountBefore}, {"￥", kAmountBefore}, {"€", kAmountBefore},
    {"rmb", kAmountEither}, {"usd", kAmountEither}, {"gbp", kAmountEither}, {"eur", kAmountEither},
    {"hkd", kAmountEither},
};

// Money gone without explanation ("少了", "disappeared"): scored with an amount and the
// customer's own holdings in one sentence ("余额少了4000元", "£500 is missing from my account"),
// because "the price is $50 lower" or "退款少了50" are other stories.
const char* const kMoneyGoneWords[] = {
    "少了", "不见了", "没了", "被扣", "扣走", "划走", "被划", "不翼而飞", "莫名其妙", "对不上",
    "missing", "lower", "less than", "disappeared", "gone", "vanished", "taken out", "taken from",
    "withdrawn", "debited", "deducted", "down by", "short by",
};

// The customer's own money: an account, a balance, a card's funds.
const char* const kHoldingsWords[] = {
    "余额", "账户", "帐户", "卡里", "卡上", "账上", "帐上", "存款", "积蓄", "钱包里", "零钱",
    "balance", "account", "savings", "my card", "wallet", "funds",
};

// Travel and identity documents, and the name written on a ticket or in a booking.
const char* const kDocumentWords[] = {
    "护照", "签证", "证件", "身份证", "通行证", "居留", "驾照", "驾驶证", "名字", "姓名", "拼音",
    "passport", "visa", "id card", "identity card", "residence permit", "driving licence", "driver's license",
    "my name",
};

// What goes wrong with a document: expiry, a mistake, a refusal, a loss. Scored with a document
// word in the same sentence ("护照下个月过期", "refused visa on arrival", "名字拼错了"): the trip or
// the stay depends on it. Alone they are ordinary ("优惠券过期", "wrong seat").
const char* const kDocumentProblemWords[] = {
    "过期", "到期", "拼错", "写错", "有误", "不一致", "对不上", "被拒", "拒签", "拒绝", "不让入境", "丢了",
    "丢失", "被偷", "被扣", "被没收",
    "expire", "expires", "expired", "expiring", "misspelled", "misspelt", "spelled wrong", "spelt wrong",
    "typo", "wrong", "doesn't match", "does not match", "mismatch", "refused", "rejected", "denied", "lost",
    "stolen", "confiscated",
};

// The customer was promised an answer and heard nothing, or has called again and again: the
// matter has become important to them (a complaint in the making, DOMAIN.md §1 Q3's warning).
const char* const kNoFollowUpWords[] = {
    "没人回复", "没有人回复", "没人联系我", "没有人联系我", "没人回电", "一直没回复", "没有回音", "石沉大海",
    "杳无音信", "每次都说", "说会处理", "一直拖", "打过两次", "打了两次", "打过三次", "打了三次", "打过好几次",
    "打了好几次", "第二次打", "第三次打",
    "nobody has contacted me", "no one has contacted me", "nobody contacted me", "no one contacted me",
    "nobody got back to me", "no one got back to me", "nobody has got back", "no one has got back",
    "nobody has replied", "no one has replied", "still no reply", "still no response", "still haven't heard",
    "haven't heard back", "never heard back", "heard nothing", "no one called back", "nobody called back",
    "called twice", "called three times", "called several times", "my second call", "my third call",
    "third time calling", "keep being told",
};

// A departure that can be missed. With a deadline within kDepartureMinutes it is DOMAIN.md's
// "a passenger about to miss a flight": the trip is at stake, so it is important too.
const char* const kDepartureWords[] = {
    "登机", "起飞", "值机", "航班", "飞机", "高铁", "火车", "动车", "安检", "开船",
    "boarding", "board", "boards", "flight", "plane", "take off", "takes off", "check-in", "check in",
    "train", "departs", "departure", "ferry",
};

// People who need special care (DOMAIN.md §4). Not scored by itself — packs weigh their own
// vulnerable groups — but planning ahead for one of them is DOMAIN.md §1's Q2 archetype
// ("anticipating latent needs"): see kBuiltinPlanningForVulnerable.
const char* const kVulnerableWords[] = {
    "老人", "老年", "年迈", "奶奶", "爷爷", "外婆", "外公", "姥姥", "姥爷", "轮椅", "孕妇", "怀孕", "婴儿",
    "残疾", "盲人", "听障", "视障", "痴呆", "失智", "不会用手机", "过敏", "行动不便", "腿脚不好",
    "第一次坐飞机", "第一次出国", "无人陪伴",
    "elderly", "grandmother", "grandfather", "grandma", "grandpa", "wheelchair", "pregnant", "infant",
    "disabled", "disability", "blind", "deaf", "dementia", "allergy", "allergic", "for the first time",
    "first trip abroad", "unaccompanied", "reduced mobility", "can't walk",
};

// "Now": a deadline of zero minutes.
const char* const kNowWords[] = {
    "马上", "立刻", "立即", "赶紧", "赶快", "快点", "尽快", "火速", "现在就",
    "right now", "right away", "immediately", "asap", "as soon as possible", "straight away", "at once", "now!",
};

// A part of today, with the minutes it roughly leaves (the order of magnitude is what counts).
// Plain "今天"/"today" is not one: "今天天气怎么样" sets no deadline.
struct DayPart { const char* word; int minutes; };
const DayPart kDayParts[] = {
    {"今晚", 360}, {"今天晚上", 360}, {"今夜", 360}, {"今天下午", 240}, {"今天中午", 180}, {"今天之内", 600},
    {"今天内", 600}, {"今天必须", 600}, {"tonight", 360}, {"this evening", 360}, {"this afternoon", 240},
    {"by today", 600}, {"by the end of today", 600}, {"by end of day", 600}, {"by the end of the day", 600},
};

// Units a number can carry, in minutes per unit.
struct Unit { const char* word; int minutes; };
const Unit kUnits[] = {
    {"分钟", 1}, {"分鐘", 1}, {"刻钟", 15}, {"小时", 60}, {"小時", 60}, {"钟头", 60}, {"鐘頭", 60},
    {"天", 1440}, {"周", 10080}, {"星期", 10080}, {"个月", 43200},
    {"minute", 1}, {"min", 1}, {"hour", 60}, {"hr", 60}, {"day", 1440}, {"week", 10080}, {"month", 43200},
};

// The customer says it can wait.
const char* const kCalmWords[] = {
    "不着急", "不急", "不用急", "不赶时间", "不紧急", "不是很急", "不太急", "没那么急", "不是急事", "慢慢来",
    "有空再", "有空的时候", "有空帮", "方便的时候", "不用马上", "不用太急", "不必着急", "不用着急",
    "no rush", "no hurry", "not urgent", "not in a hurry", "no need to hurry", "no need to rush",
    "whenever you", "when you get a chance", "when you have time", "at your convenience", "take your time",
    "just checking", "just wondering", "just curious",
};

// A horizon about a week or more ahead.
const char* const kFarHorizonWords[] = {
    "下个月", "下月", "明年", "下半年", "下学期", "下周", "下星期", "下礼拜", "年底",
    "next month", "next year", "next week", "next semester", "next term", "later this year",
    "next monday", "next tuesday", "next wednesday", "next thursday", "next friday", "next saturday", "next sunday",
    "in january", "in february", "in march", "in april", "in may", "in june", "in july", "in august",
    "in september", "in october", "in november", "in december", "for january", "for february", "for march",
    "for april", "for june", "for july", "for august", "for september", "for october", "for november",
    "for december", "in spring", "in summer", "in autumn", "in winter", "for spring", "for summer",
    "for autumn", "for winter",
};

// The matter happened a while ago.
const char* const kPastWords[] = {
    "上个月", "上月", "上周", "上星期", "上礼拜", "去年", "前几天", "前阵子",
    "last week", "last month", "last year", "last monday", "last tuesday", "last wednesday",
    "last thursday", "last friday", "last saturday", "last sunday",
};

// Chinese negations that may stand right before a phrase ("不紧急", "没有受伤"), longest first
// is not needed: any one ending right at the phrase negates it.
const char* const kZhNegations[] = {
    "不", "没", "没有", "不是", "并非", "无", "未", "别", "不用", "不太", "不算", "不怎么", "没那么",
    "不那么", "不会", "不需要",
};

// English words that, right before a phrase, negate it ("not urgent", "isn't urgent").
const char* const kEnNegations[] = {"not", "no", "never", "without", "nobody", "nothing", "none"};
// Words that may stand between a negation and the phrase ("not very urgent", "not an emergency").
const char* const kEnBridges[] = {"very", "too", "that", "so", "really", "a", "an", "the", "be", "been",
                                  "is", "was", "are", "were", "particularly", "exactly"};

// Trailing characters a phrase does not need to match ("航班延误了" ~ "航班延误"). Not "吗": a
// question is another phrase ("是真的吗" is not "是真的").
const char* const kTrailingParticles[] = {"了", "呢", "啊", "吧", "呀", "。", "、", "…"};

// Words that, shortly before a phrase, make it about prevention rather than an event ("防止被骗",
// "protect him from scams"): the phrase keeps its importance, not its urgency.
const char* const kZhPrevention[] = {"防止", "避免", "以防", "预防", "防范", "提防", "小心", "防骗"};
const char* const kEnPrevention[] = {"protect", "protecting", "prevent", "preventing", "avoid", "avoiding",
                                     "against", "guard"};

enum class Cue : uint8_t {
    Signal, Safety, Health, Stranded, MoneyAtRisk, Insistence, Now, DayPart, Unit, Calm, FarHorizon, PastEvent,
    Departure, Vulnerable, Symptom, Dependent, OutOfContact, Amount, MoneyGone, Holdings, Document,
    DocumentProblem, NoFollowUp
};

inline bool is_ascii_alnum(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool is_ascii_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool ends_with(std::string_view s, std::string_view t) {
    return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}
inline bool starts_with(std::string_view s, std::string_view t) {
    return s.size() >= t.size() && s.compare(0, t.size(), t) == 0;
}

size_t count_code_points(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// `s` without trailing particles and ASCII punctuation/space, as long as something remains.
std::string_view core_form(std::string_view s) {
    for (bool changed = true; changed;) {
        changed = false;
        while (s.size() > 1 && (s.back() == '?' || s.back() == '!' || s.back() == '.' || s.back() == ',' ||
                                s.back() == '~' || s.back() == ' ')) {
            s.remove_suffix(1);
            changed = true;
        }
        for (const char* p : kTrailingParticles) {
            const size_t n = std::strlen(p);
            if (s.size() >= n + 6 && ends_with(s, p)) {  // keep two CJK characters: "取消了" ~ "取消"
                s.remove_suffix(n);
                changed = true;
            }
        }
    }
    return s;
}

// Cut to at most `max` bytes at a code point boundary (a view; no copy).
std::string_view cap_text(std::string_view text, size_t max, bool* truncated) {
    *truncated = text.size() > max;
    if (!*truncated) return text;
    size_t end = max;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

}  // namespace

// ================================================================== the automaton
namespace detail {

struct Needle {
    uint32_t len = 0;
    Cue cue = Cue::Signal;
    uint32_t ref = 0;          // signal index (Signal), minutes (Now, DayPart), minutes per unit (Unit)
    bool word_start = false;   // begins with an ASCII letter/digit: must start a word
    bool word_end = false;     // ends with an ASCII letter/digit: must end a word (inflections allowed)
};

struct SignalInfo {
    std::string id;
    LocalizedText label;
    SignalKind kind = SignalKind::Phrase;
    double weight_urgency = 0;
    double weight_importance = 0;
};

struct TriageData {
    std::vector<SignalInfo> signals;
    std::vector<Needle> needles;
    PhraseMatcher automaton;   // every needle, pack and built-in
    TriageThresholds thresholds;
    ResponseTargets targets;
    size_t phrase_count = 0;
    bool builtin = true;
};

}  // namespace detail

using detail::Needle;
using detail::SignalInfo;
using detail::TriageData;

// ================================================================== building the index
namespace {

class IndexBuilder {
public:
    explicit IndexBuilder(TriageData& d) : d_(d) {}

    // Adds `text` (normalised and reduced to its core form) as a needle; duplicates of the same
    // (cue, ref) are dropped so a signal's zh and en sides that normalise alike count once.
    bool add(std::string_view text, Cue cue, uint32_t ref) {
        normalize_for_match(text, scratch_);
        std::string_view core = cue == Cue::Signal ? core_form(scratch_) : std::string_view(scratch_);
        if (core.empty()) return false;
        std::string key(core);
        key.push_back('\0');
        key.push_back(static_cast<char>(cue));
        key.append(reinterpret_cast<const char*>(&ref), sizeof ref);
        if (!seen_.emplace(std::move(key), true).second) return false;
        Needle n;
        n.len = static_cast<uint32_t>(core.size());
        n.cue = cue;
        n.ref = ref;
        n.word_start = is_ascii_alnum(static_cast<unsigned char>(core.front()));
        n.word_end = is_ascii_alnum(static_cast<unsigned char>(core.back()));
        d_.needles.push_back(n);
        patterns_.emplace_back(core);
        return true;
    }

    void finish() { d_.automaton.build(patterns_); }

private:
    TriageData& d_;
    std::string scratch_;
    std::vector<std::string> patterns_;
    std::unordered_map<std::string, bool> seen_;
};

}  // namespace

// Built once and shared: a default index costs nothing to make (views default-construct them).
TriageIndex::TriageIndex() {
    static const std::shared_ptr<const TriageData> builtins_only =
        build_triage_index(std::vector<const TriageRules*>{}).d_;
    d_ = builtins_only;
}

const TriageThresholds& TriageIndex::thresholds() const { return d_->thresholds; }
const ResponseTargets& TriageIndex::response_targets() const { return d_->targets; }
size_t TriageIndex::signal_count() const { return d_->signals.size(); }
size_t TriageIndex::phrase_count() const { return d_->phrase_count; }

TriageIndex build_triage_index(const TriageRules& rules, const TriageOptions& options) {
    return build_triage_index(std::vector<const TriageRules*>{&rules}, options);
}

TriageIndex build_triage_index(const std::vector<const TriageRules*>& rules, const TriageOptions& options) {
    auto d = std::make_shared<TriageData>();
    d->builtin = options.builtin_cues;
    IndexBuilder b(*d);
    bool first = true;
    std::unordered_map<std::string, uint32_t> by_id;
    for (const TriageRules* r : rules) {
        if (!r) continue;
        if (first) {
            d->thresholds = r->thresholds;
            d->targets = r->response_target_minutes;
            first = false;
        }
        for (const TriageSignal& s : r->signals) {
            auto [it, inserted] = by_id.emplace(s.id, static_cast<uint32_t>(d->signals.size()));
            if (inserted) d->signals.push_back({s.id, s.label, s.kind, s.weight_urgency, s.weight_importance});
            for (const LocalizedText& p : s.phrases) {
                d->phrase_count += b.add(p.zh, Cue::Signal, it->second);
                d->phrase_count += b.add(p.en, Cue::Signal, it->second);
            }
        }
    }
    // Built-in cues go into the same automaton, so they cost no extra pass over the text.
    if (d->builtin) {
        for (const char* w : kSafetyWords) b.add(w, Cue::Safety, 0);
        for (const char* w : kHealthWords) b.add(w, Cue::Health, 0);
        for (const char* w : kDependencyWords) b.add(w, Cue::Health, 0);
        for (const char* w : kSymptomWords) b.add(w, Cue::Symptom, 0);
        for (const char* w : kDependentWords) b.add(w, Cue::Dependent, 0);
        for (const char* w : kOutOfContactWords) b.add(w, Cue::OutOfContact, 0);
        for (const Currency& c : kCurrencies) b.add(c.word, Cue::Amount, c.side);
        for (const char* w : kMoneyGoneWords) b.add(w, Cue::MoneyGone, 0);
        for (const char* w : kHoldingsWords) b.add(w, Cue::Holdings, 0);
        for (const char* w : kDocumentWords) b.add(w, Cue::Document, 0);
        for (const char* w : kDocumentProblemWords) b.add(w, Cue::DocumentProblem, 0);
        for (const char* w : kNoFollowUpWords) b.add(w, Cue::NoFollowUp, 0);
        for (const char* w : kStrandedWords) b.add(w, Cue::Stranded, 0);
        for (const char* w : kMoneyAtRiskWords) b.add(w, Cue::MoneyAtRisk, 0);
        for (const char* w : kDepartureWords) b.add(w, Cue::Departure, 0);
        for (const char* w : kVulnerableWords) b.add(w, Cue::Vulnerable, 0);
        for (const char* w : kInsistenceWords) b.add(w, Cue::Insistence, 0);
        for (const char* w : kNowWords) b.add(w, Cue::Now, 0);
        for (const DayPart& p : kDayParts) b.add(p.word, Cue::DayPart, static_cast<uint32_t>(p.minutes));
        for (const Unit& u : kUnits) b.add(u.word, Cue::Unit, static_cast<uint32_t>(u.minutes));
        for (const char* w : kCalmWords) b.add(w, Cue::Calm, 0);
        for (const char* w : kFarHorizonWords) b.add(w, Cue::FarHorizon, 0);
        for (const char* w : kPastWords) b.add(w, Cue::PastEvent, 0);
    }
    b.finish();
    return TriageIndex(std::move(d));
}

Quadrant quadrant_for(double urgency, double importance, const TriageThresholds& t) {
    const bool urgent = urgency >= t.urgency;
    const bool important = importance >= t.importance;
    if (urgent && important) return Quadrant::Q1_UrgentImportant;
    if (important) return Quadrant::Q2_ImportantNotUrgent;
    if (urgent) return Quadrant::Q3_UrgentNotImportant;
    return Quadrant::Q4_Neither;
}

// ================================================================== matching helpers
namespace {

struct Hit {
    uint32_t needle;
    uint32_t start;  // in the normalised text
    uint32_t end;
};

// Needles this short (bytes) must end a word; longer ones may continue ("complain" matches
// "complaint", "refund" matches "refundable"), because a long prefix rarely starts an unrelated word.
constexpr uint32_t kShortWord = 4;

// English word boundary after a short match: the next letters, if any, must be a common
// inflection ("hurt" matches "hurts", "card" matches "cards"; "now" does not match "nowhere",
// "fee" does not match "feel").
bool word_end_ok(std::string_view norm, size_t end) {
    size_t e = end;
    while (e < norm.size() && is_ascii_alnum(static_cast<unsigned char>(norm[e]))) ++e;
    const std::string_view tail = norm.substr(end, e - end);
    if (tail.empty()) return true;
    static const char* const kInflections[] = {"s", "es", "ed", "d", "ing", "ly", "er", "ers"};
    for (const char* f : kInflections)
        if (tail == f) return true;
    return false;
}

bool word_start_ok(std::string_view norm, size_t start, bool digits_allowed) {
    if (start == 0) return true;
    const unsigned char p = static_cast<unsigned char>(norm[start - 1]);
    if (digits_allowed && is_ascii_digit(p)) return true;  // "40min", "2hours"
    return !is_ascii_alnum(p);
}

// The ASCII word ending right before `pos` (skipping one space), and where it starts.
std::string_view word_before(std::string_view norm, size_t pos, size_t* word_start) {
    size_t e = pos;
    if (e > 0 && norm[e - 1] == ' ') --e;
    size_t b = e;
    while (b > 0) {
        const unsigned char c = static_cast<unsigned char>(norm[b - 1]);
        if (is_ascii_alnum(c) || c == '\'' || c == '-' || c == '.') --b;
        else break;
    }
    if (word_start) *word_start = b;
    return norm.substr(b, e - b);
}

// The ASCII word starting right after `pos` (skipping one space).
std::string_view word_after(std::string_view norm, size_t pos, size_t* word_end) {
    size_t b = pos;
    if (b < norm.size() && norm[b] == ' ') ++b;
    size_t e = b;
    while (e < norm.size() && (is_ascii_alnum(static_cast<unsigned char>(norm[e])) || norm[e] == '\'')) ++e;
    if (word_end) *word_end = e;
    return norm.substr(b, e - b);
}

template <size_t N>
bool one_of(std::string_view w, const char* const (&list)[N]) {
    for (const char* x : list)
        if (w == x) return true;
    return false;
}

// Negation denies a danger or a hurry ("没有受伤", "not urgent"), but for money, a regulator or
// a plain topic a missing thing is usually the complaint itself ("还没有退款", "no refund yet"):
// only safety and time-pressure signals (and the built-in cues) can be negated.
bool negatable(SignalKind kind) { return kind == SignalKind::Safety || kind == SignalKind::TimePressure; }

// Is the phrase at norm[start..) negated by what stands right before it?
bool negated_before(std::string_view norm, size_t start, const Needle& n, std::string_view phrase) {
    if (start == 0) return false;
    if (n.word_start) {  // English: the previous word, or the one before a bridge word
        size_t ws = 0;
        std::string_view w = word_before(norm, start, &ws);
        for (int hop = 0; hop < 2 && !w.empty(); ++hop) {
            if (one_of(w, kEnNegations) || ends_with(w, "n't")) return true;
            if (!one_of(w, kEnBridges)) return false;
            w = word_before(norm, ws, &ws);
        }
        return false;
    }
    // Chinese: a negation ending right at the phrase, unless the phrase itself starts with one
    // (a pack phrase "不让下车" is already the negative form).
    for (const char* neg : kZhNegations)
        if (starts_with(phrase, neg)) return false;
    const std::string_view before = norm.substr(0, start);
    for (const char* neg : kZhNegations)
        if (ends_with(before, neg)) return true;
    return false;
}

// ------------------------------------------------------------------ numbers
int zh_digit(std::string_view ch) {
    static const char* const kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    for (int k = 0; k < 10; ++k)
        if (ch == kDigits[k]) return k;
    if (ch == "两") return 2;
    if (ch == "几") return 3;  // "几分钟" / "几十分钟": a few; 3 is the usual reading
    return -1;
}

// The code point ending right before byte `pos` of a UTF-8 string.
std::string_view cp_before(std::string_view s, size_t pos) {
    if (pos == 0) return {};
    size_t b = pos - 1;
    while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
    return s.substr(b, pos - b);
}

// A Chinese or Arabic number ending right before `pos` ("四十", "一个半", "两个", "45", "几十",
// "半个"); on success sets *value (in units) and *begin. Handles the measure word 个 and 多
// ("一个多小时": a bit more than one, counted as one) and 半 (a half).
bool zh_number_before(std::string_view norm, size_t pos, double* value, size_t* begin) {
    size_t p = pos;
    if (p > 0 && norm[p - 1] == ' ') --p;  // "40 分钟"
    // Arabic digits.
    size_t d = p;
    while (d > 0 && is_ascii_digit(static_cast<unsigned char>(norm[d - 1]))) --d;
    if (d < p && p - d <= 6) {
        double v = 0;
        for (size_t k = d; k < p; ++k) v = v * 10 + (norm[k] - '0');
        *value = v;
        *begin = d;
        return true;
    }
    // Chinese numerals, read backwards over at most 8 code points.
    bool half = false;
    std::vector<std::string_view> chars;  // in reverse order
    size_t q = p;
    for (int k = 0; k < 8; ++k) {
        const std::string_view ch = cp_before(norm, q);
        if (ch.empty()) break;
        if (ch == "个" || ch == "多") { q -= ch.size(); continue; }
        if (ch == "半") {
            if (half || !chars.empty()) break;  // "半" only as the last element ("一个半", "半个")
            half = true;
            q -= ch.size();
            continue;
        }
        if (zh_digit(ch) < 0 && ch != "十" && ch != "百") break;
        chars.push_back(ch);
        q -= ch.size();
    }
    if (chars.empty() && !half) return false;
    double total = 0, cur = 0;
    for (auto it = chars.rbegin(); it != chars.rend(); ++it) {
        if (*it == "十") { total += (cur == 0 ? 1 : cur) * 10; cur = 0; }
        else if (*it == "百") { total += (cur == 0 ? 1 : cur) * 100; cur = 0; }
        else cur = zh_digit(*it);
    }
    total += cur;
    if (half) total += 0.5;
    // Leading 个/多 skipped above must not stand alone ("个小时" without a number).
    while (q < p && (starts_with(norm.substr(q), "个") || starts_with(norm.substr(q), "多"))) q += 3;
    if (total <= 0) return false;
    *value = total;
    *begin = q;
    return true;
}

double en_word_number(std::string_view w) {
    struct N { const char* w; double v; };
    static const N kWords[] = {
        {"a", 1}, {"an", 1}, {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6},
        {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"fifteen", 15},
        {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50}, {"sixty", 60}, {"ninety", 90},
        {"few", 3}, {"several", 3}, {"couple", 2}, {"half", 0.5}, {"next", 1}, {"the", 1},
    };
    for (const N& n : kWords)
        if (w == n.w) return n.v;
    // Arabic, possibly with a decimal point ("1.5").
    if (!w.empty() && is_ascii_digit(static_cast<unsigned char>(w[0]))) {
        double v = 0, scale = 0;
        for (char c : w) {
            if (c == '.' && scale == 0) { scale = 1; continue; }
            if (!is_ascii_digit(static_cast<unsigned char>(c))) return -1;
            if (scale > 0) { scale /= 10; v += (c - '0') * scale; }
            else v = v * 10 + (c - '0');
            if (v > 1e6) return -1;
        }
        return v;
    }
    // "forty-five", "twenty-five".
    const size_t dash = w.find('-');
    if (dash != std::string_view::npos) {
        const double a = en_word_number(w.substr(0, dash)), b = en_word_number(w.substr(dash + 1));
        if (a >= 20 && b >= 1 && b < 10) return a + b;
    }
    return -1;
}

// An English number before `pos` ("40", "forty-five", "an", "half an", "a few", "a couple of",
// "the next"); sets *value and *begin.
// *article: the count was only "a"/"an"/"the"/"next" ("wait a minute", "the minute you know"):
// a deadline only with a future marker ("in an hour", "within the hour").
bool en_number_before(std::string_view norm, size_t pos, double* value, size_t* begin, bool* article) {
    size_t ws = 0;
    std::string_view w = word_before(norm, pos, &ws);
    if (w.empty()) {  // "40min": digits glued to the unit
        size_t d = pos;
        while (d > 0 && is_ascii_digit(static_cast<unsigned char>(norm[d - 1]))) --d;
        if (d == pos) return false;
        w = norm.substr(d, pos - d);
        ws = d;
    }
    if (w == "of") {  // "a couple of hours"
        size_t ws2 = 0;
        const std::string_view w2 = word_before(norm, ws, &ws2);
        if (w2 != "couple") return false;
        w = w2;
        ws = ws2;
    }
    double v = en_word_number(w);
    if (v < 0) return false;
    size_t ws2 = 0;
    const std::string_view prev = word_before(norm, ws, &ws2);
    if ((w == "an" || w == "a") && prev == "half") { v = 0.5; ws = ws2; }          // "half an hour"
    else if ((w == "few" || w == "couple") && prev == "a") ws = ws2;            // "a few hours"
    else if (w == "next" && prev == "the") ws = ws2;                            // "the next hour"
    *value = v;
    *begin = ws;
    *article = (w == "a" || w == "an" || w == "the" || w == "next") && v == 1;
    return true;
}

// ------------------------------------------------------------------ time expressions
enum class TimeSense { Future, Bare, Elapsed };

struct TimeExpr {
    size_t begin = 0, end = 0;  // in the normalised text, including markers
    int minutes = 0;
    TimeSense sense = TimeSense::Bare;
    bool ago = false;           // elapsed and said as "ago"/"前": the event is in the past
};

// Reads the number and the markers around a unit found at norm[start, end).
bool parse_time_at(std::string_view norm, size_t start, size_t end, int unit_minutes, bool english, TimeExpr* out) {
    double value = 0;
    size_t begin = start;
    bool article = false;
    if (english) {
        if (!en_number_before(norm, start, &value, &begin, &article)) return false;
        // Past the unit's inflection ("hours").
        while (end < norm.size() && is_ascii_alpha(static_cast<unsigned char>(norm[end]))) ++end;
        if (starts_with(norm.substr(end), " and a half")) { value += 0.5; end += 11; }
    } else {
        if (!zh_number_before(norm, start, &value, &begin)) return false;
    }
    TimeExpr t;
    t.minutes = static_cast<int>(std::min(value * unit_minutes, 1e8));
    t.begin = begin;
    t.end = end;
    if (english) {
        // Nearest word first: "for the next 2 hours" is future ("next"), "waited for 40 minutes" elapsed.
        static const char* const kFuture[] = {"in", "within", "next", "under", "than", "only", "just", "another"};
        static const char* const kElapsed[] = {"for", "waited", "waiting", "been", "delayed", "late", "spent",
                                               "took", "over", "last", "past", "by"};
        size_t ws = begin;
        for (int k = 0; k < 3; ++k) {
            const std::string_view w = word_before(norm, ws, &ws);
            if (w.empty()) break;
            if (one_of(w, kFuture)) { t.sense = TimeSense::Future; t.begin = ws; break; }
            if (one_of(w, kElapsed)) { t.sense = TimeSense::Elapsed; break; }
        }
        size_t we = end;
        const std::string_view after = word_after(norm, end, &we);
        if (after == "ago") { t.sense = TimeSense::Elapsed; t.ago = true; t.end = we; }
        else if (after == "late" || after == "behind" || after == "already") t.sense = TimeSense::Elapsed;
        else if (t.sense != TimeSense::Elapsed &&
                 (after == "left" || after == "to" || after == "before" || after == "remaining" ||
                  starts_with(norm.substr(end), " from now"))) {
            t.sense = TimeSense::Future;
            t.end = we;
        }
        if (article && t.sense == TimeSense::Bare) return false;
    } else {
        static const char* const kFutureBefore[] = {"还有", "还剩", "只剩", "只有", "不到", "再过", "剩", "过"};
        static const char* const kElapsedBefore[] = {"了", "等", "已经", "迟到", "延误", "晚点", "晚了", "耽误"};
        static const char* const kFutureAfter[] = {"以后", "之后", "以内", "之内", "后", "内", "就", "左右就"};
        static const char* const kElapsedAfter[] = {"以前", "之前", "前", "了"};
        std::string_view before = norm.substr(0, begin);
        while (!before.empty() && before.back() == ' ') before.remove_suffix(1);  // "还有 20 分钟"
        std::string_view after = norm.substr(end);
        if (!after.empty() && after.front() == ' ') after.remove_prefix(1);
        const size_t after_at = static_cast<size_t>(after.data() - norm.data());
        for (const char* m : kFutureBefore)
            if (ends_with(before, m)) { t.sense = TimeSense::Future; t.begin = before.size() - std::strlen(m); break; }
        bool elapsed_before = false;
        if (t.sense != TimeSense::Future) {
            // Within the last few characters ("已经迟到五分钟", "等了半小时").
            const std::string_view window = before.substr(before.size() > 12 ? before.size() - 12 : 0);
            for (const char* m : kElapsedBefore)
                if (ends_with(before, m) || (std::strlen(m) > 3 && window.find(m) != std::string_view::npos))
                    elapsed_before = true;
        }
        bool matched_after = false;
        for (const char* m : kFutureAfter)
            if (starts_with(after, m)) {
                if (!elapsed_before) t.sense = TimeSense::Future;
                t.end = after_at + std::strlen(m);
                matched_after = true;
                break;
            }
        if (!matched_after)
            for (const char* m : kElapsedAfter)
                if (starts_with(after, m) && t.sense != TimeSense::Future) {
                    t.sense = TimeSense::Elapsed;
                    t.ago = std::strcmp(m, "了") != 0;
                    t.end = after_at + std::strlen(m);
                    break;
                }
        if (elapsed_before && t.sense != TimeSense::Future) t.sense = TimeSense::Elapsed;
    }
    *out = t;
    return true;
}

double deadline_weight(int minutes) {
    if (minutes <= kDeadlineNearMinutes) return kBuiltinDeadlineNear;
    if (minutes <= kDeadlineTodayMinutes) return kBuiltinDeadlineToday;
    return 0;
}

LocalizedText cue_label(Cue cue) {
    switch (cue) {
        case Cue::Safety: return {"安全风险(通用词)", "Safety risk (generic words)"};
        case Cue::Health: return {"涉及健康(通用词)", "Health at stake (generic words)"};
        case Cue::Stranded: return {"滞留在外(通用词)", "Stranded (generic words)"};
        case Cue::MoneyAtRisk: return {"资金风险(通用词)", "Money at risk (generic words)"};
        case Cue::Insistence: return {"客户强调紧急", "Customer insists it is urgent"};
        case Cue::Now:
        case Cue::DayPart:
        case Cue::Unit: return {"临近的时限", "Near deadline"};
        case Cue::Calm: return {"客户表示不急", "Customer says it can wait"};
        case Cue::FarHorizon: return {"时间还早", "A week or more ahead"};
        case Cue::PastEvent: return {"已过去的事", "Happened a while ago"};
        case Cue::Departure: return {"即将误机/误车", "About to miss a departure"};
        case Cue::Vulnerable: return {"为特殊人群提前准备", "Planning ahead for someone who needs special care"};
        case Cue::Symptom: return {"身体不适(通用词)", "Feeling unwell now (generic words)"};
        case Cue::Dependent:
        case Cue::OutOfContact: return {"被照顾的人失联", "Someone in the caller's care cannot be reached"};
        case Cue::Amount:
        case Cue::Holdings:
        case Cue::MoneyGone: return {"账户资金不明减少", "Money gone from the account, amount stated"};
        case Cue::Document:
        case Cue::DocumentProblem: return {"证件出了问题", "A travel or identity document has a problem"};
        case Cue::NoFollowUp: return {"多次联系无果", "Promised a reply, heard nothing / called again and again"};
        case Cue::Signal: break;
    }
    return {};
}

const char* cue_id(Cue cue) {
    switch (cue) {
        case Cue::Safety: return kCueSafety;
        case Cue::Health: return kCueHealth;
        case Cue::Stranded: return kCueStranded;
        case Cue::MoneyAtRisk: return kCueMoneyAtRisk;
        case Cue::Insistence: return kCueInsistence;
        case Cue::Now:
        case Cue::DayPart:
        case Cue::Unit: return kCueDeadline;
        case Cue::Calm: return kCueCalm;
        case Cue::FarHorizon: return kCueFarHorizon;
        case Cue::PastEvent: return kCuePastEvent;
        case Cue::Departure: return kCueDepartureAtStake;
        case Cue::Vulnerable: return kCuePlanningForVulnerable;
        case Cue::Symptom: return kCueSymptom;
        case Cue::Dependent:
        case Cue::OutOfContact: return kCueOutOfContact;
        case Cue::Amount:
        case Cue::Holdings:
        case Cue::MoneyGone: return kCueMoneyGone;
        case Cue::Document:
        case Cue::DocumentProblem: return kCueDocumentProblem;
        case Cue::NoFollowUp: return kCueNoFollowUp;
        case Cue::Signal: break;
    }
    return "";
}

// Is the phrase at norm[start..) said about prevention ("防止被骗", "protect him from scams")?
// Looks back a few words within the same clause.
bool prevention_before(std::string_view norm, size_t start) {
    // The clause: back to the last clause mark, at most 24 bytes (8 CJK characters).
    const size_t limit = start > 24 ? start - 24 : 0;
    size_t b = start;
    while (b > limit) {
        const std::string_view ch = cp_before(norm, b);
        if (ch == "," || ch == "." || ch == "!" || ch == "?" || ch == ";" || ch == "。" || ch == "、") break;
        b -= ch.size();
    }
    const std::string_view clause = norm.substr(b, start - b);
    for (const char* w : kZhPrevention)
        if (clause.find(w) != std::string_view::npos) return true;
    size_t ws = start;
    for (int k = 0; k < 5; ++k) {  // "protect my father from a scam"
        const std::string_view w = word_before(norm, ws, &ws);
        if (w.empty()) break;
        if (one_of(w, kEnPrevention)) return true;
        if (ws > 0 && (norm[ws - 1] == ',' || norm[ws - 1] == '.')) break;
    }
    return clause.find("in case ") != std::string_view::npos;
}

// Per-thread scratch space, so a classification allocates only for what it returns.
struct Span { uint32_t start = 0, end = 0, signal = 0; };
struct Scratch {
    std::string norm;
    std::vector<uint32_t> offsets;
    std::vector<Hit> hits;
    std::vector<Span> pack_spans;       // words a pack signal fired on
    std::vector<uint8_t> signal_state;  // 0 = not seen, 1 = fired, 2 = only negated so far
};

Scratch& scratch() {
    thread_local Scratch s;
    return s;
}

// The original text for norm[a, b).
std::string original_span(std::string_view text, const std::vector<uint32_t>& offsets, size_t a, size_t b) {
    const uint32_t from = offsets[a], to = offsets[b];
    std::string_view s = text.substr(from, to - from);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.remove_suffix(1);
    return std::string(s);
}

// ------------------------------------------------------------------ cues read from two words
// Are norm[a1, b1) and norm[a2, b2) in one sentence, at most kCueSentenceBytes apart end to end?
// A sentence ends at . ! ? ; 。 (a "." between digits, "4.5", does not end one).
bool same_sentence(std::string_view norm, size_t a1, size_t b1, size_t a2, size_t b2) {
    const size_t from = std::min(b1, b2), to = std::max(a1, a2);  // the gap between the two
    if (std::max(b1, b2) - std::min(a1, a2) > kCueSentenceBytes) return false;
    for (size_t i = from; i < to; ++i) {
        const char c = norm[i];
        if (c == '!' || c == '?' || c == ';') return false;
        if (c == '.' && !(i > 0 && i + 1 < norm.size() && is_ascii_digit(static_cast<unsigned char>(norm[i - 1])) &&
                          is_ascii_digit(static_cast<unsigned char>(norm[i + 1]))))
            return false;
        if (norm.compare(i, 3, "。") == 0) return false;
    }
    return true;
}

// Is the currency word at norm[start, end) written with a number ("4000元", "三百多块", "£4,000",
// "500 rmb")? `side` is its kAmount* ref. On success widens [*begin, *finish) to the number.
bool amount_at(std::string_view norm, size_t start, size_t end, uint32_t side, size_t* begin, size_t* finish) {
    const auto digit_or_sep = [&](size_t i) {
        const unsigned char c = static_cast<unsigned char>(norm[i]);
        return is_ascii_digit(c) || c == ',' || c == '.';
    };
    const auto number_before = [&] {
        size_t p = start;
        if (p > 0 && norm[p - 1] == ' ') --p;
        if (p > 0 && is_ascii_digit(static_cast<unsigned char>(norm[p - 1]))) {
            while (p > 0 && digit_or_sep(p - 1)) --p;
            *begin = p;
            return true;
        }
        static const char* const kZhNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
                                                  "百", "千", "万", "两", "几", "零", "多", "余"};
        bool any = false;
        for (int k = 0; k < 8; ++k) {  // "三百多", "八千多": at most 8 characters
            const std::string_view ch = cp_before(norm, p);
            if (std::find_if(std::begin(kZhNumerals), std::end(kZhNumerals),
                             [&](const char* z) { return ch == z; }) == std::end(kZhNumerals))
                break;
            p -= ch.size();
            any = true;
        }
        if (any) *begin = p;
        return any;
    };
    const auto number_after = [&] {
        size_t p = end;
        if (p < norm.size() && norm[p] == ' ') ++p;
        if (p >= norm.size() || !is_ascii_digit(static_cast<unsigned char>(norm[p]))) return false;
        while (p < norm.size() && digit_or_sep(p)) ++p;
        while (p > end && (norm[p - 1] == ',' || norm[p - 1] == '.')) --p;  // "£40." ends the sentence
        *finish = p;
        return true;
    };
    *begin = start;
    *finish = end;
    if (side == kAmountAfter) return number_before();
    if (side == kAmountBefore) return number_after();
    return number_before() || number_after();
}

// Is a contact-loss phrase at `start` said of the service ("你们客服电话打不通", "the driver isn't
// answering") rather than of a person? Looks back within its clause, as prevention_before does.
bool said_of_service(std::string_view norm, size_t start) {
    const size_t limit = start > 30 ? start - 30 : 0;
    size_t b = start;
    while (b > limit) {
        const std::string_view ch = cp_before(norm, b);
        if (ch == "," || ch == "." || ch == "!" || ch == "?" || ch == ";" || ch == "。" || ch == "、") break;
        b -= ch.size();
    }
    std::string_view clause = norm.substr(b, start - b);
    // Only the words after the nearest person: "I can't reach him" is about him even after "your car".
    static const char* const kPersons[] = {"我", "她", "他", "i", "she", "he", "her", "his", "him", "they", "we"};
    for (const char* p : kPersons) {
        const std::string_view w(p);
        for (size_t at = clause.rfind(w); at != std::string_view::npos; at = at ? clause.rfind(w, at - 1) : std::string_view::npos) {
            const bool ascii = is_ascii_alpha(static_cast<unsigned char>(w[0]));
            const size_t after = at + w.size();
            if (ascii && ((at > 0 && is_ascii_alnum(static_cast<unsigned char>(clause[at - 1]))) ||
                          (after < clause.size() && is_ascii_alnum(static_cast<unsigned char>(clause[after])))))
                continue;  // inside a word ("this", "the")
            clause.remove_prefix(after);
            break;
        }
    }
    for (const char* w : kServiceSideWords)
        if (clause.find(w) != std::string_view::npos) return true;
    return false;
}

struct PairedCue {
    bool found = false;
    size_t start = 0, end = 0;  // in the normalised text: both words when close, else the trigger
};
struct PairedCues {
    PairedCue contact;   // a person in care + a loss of contact
    PairedCue money;     // an amount + money gone + the customer's holdings
    PairedCue document;  // a document + a problem with it
};

// Cues that need two (or three) words in one sentence; each found on its trigger word (the loss
// of contact, the money gone, the document problem), the first trigger that has its partners.
// A trigger must not be negated ("手机没关机", "nothing is missing", "passport hasn't expired");
// money gone and document problems must not be on words a pack signal that adds importance fired
// on (the pack has spoken about them). The cue shows both words when they are close.
template <typename CoveredImportant>
PairedCues pair_cues(const TriageData& d, std::string_view norm, const std::vector<Hit>& hits,
                     const CoveredImportant& covered_important) {
    PairedCues out;
    bool any_contact = false, any_money = false, any_document = false;
    for (const Hit& h : hits) {
        const Cue c = d.needles[h.needle].cue;
        any_contact |= c == Cue::OutOfContact;
        any_money |= c == Cue::MoneyGone;
        any_document |= c == Cue::DocumentProblem;
    }
    if (!any_contact && !any_money && !any_document) return out;
    const auto negated = [&](const Hit& h) {
        const Needle& n = d.needles[h.needle];
        return negated_before(norm, h.start, n, norm.substr(h.start, n.len));
    };
    const auto partner = [&](const Hit& t, auto accept) -> const Hit* {
        for (const Hit& p : hits)
            if (&p != &t && accept(p) && same_sentence(norm, t.start, t.end, p.start, p.end)) return &p;
        return nullptr;
    };
    const auto set = [](PairedCue& pc, const Hit& t, const Hit* p) {
        pc.found = true;
        pc.start = t.start;
        pc.end = t.end;
        constexpr size_t kShowBoth = 48;  // bytes: show both words ("女儿手机关机", "£4,000 lower") when this close
        if (p && std::max(t.end, p->end) - std::min(t.start, p->start) <= kShowBoth) {
            pc.start = std::min(t.start, p->start);
            pc.end = std::max(t.end, p->end);
        }
    };
    for (const Hit& t : hits) {
        const Cue c = d.needles[t.needle].cue;
        if (c == Cue::OutOfContact && !out.contact.found && !negated(t) && !said_of_service(norm, t.start)) {
            const Hit* p = partner(t, [&](const Hit& x) {
                const Cue k = d.needles[x.needle].cue;
                return (k == Cue::Dependent || k == Cue::Vulnerable) && !negated(x);
            });
            if (p) set(out.contact, t, p);
        } else if (c == Cue::MoneyGone && !out.money.found && !negated(t) && !covered_important(t.start, t.end)) {
            Hit amount{0, 0, 0};  // the currency widened to its number
            const Hit* currency = partner(t, [&](const Hit& x) {
                const Needle& n = d.needles[x.needle];
                size_t b = 0, e = 0;
                if (n.cue != Cue::Amount || !amount_at(norm, x.start, x.end, n.ref, &b, &e)) return false;
                amount = {x.needle, static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
                return true;
            });
            const Hit* holdings =
                currency ? partner(t, [&](const Hit& x) { return d.needles[x.needle].cue == Cue::Holdings; }) : nullptr;
            if (currency && holdings) set(out.money, t, &amount);
        } else if (c == Cue::DocumentProblem && !out.document.found && !negated(t) &&
                   !covered_important(t.start, t.end)) {
            const Hit* p = partner(t, [&](const Hit& x) { return d.needles[x.needle].cue == Cue::Document; });
            if (p) set(out.document, t, p);
        }
    }
    return out;
}

// The core of classify(), also used by find_deadlines() (with a built-ins-only index).
TriageResult run(const TriageData& d, std::string_view input) {
    TriageResult r;
    const std::string_view text = cap_text(input, kTriageMaxScanBytes, &r.truncated);
    Scratch& sc = scratch();
    normalize_for_match(text, sc.norm, &sc.offsets);
    const std::string_view norm = sc.norm;

    // 1. Every needle occurrence that respects word boundaries, in text order; at one start the
    //    longest first (so "今天晚上" wins over "今天").
    sc.hits.clear();
    d.automaton.scan(norm, [&](uint32_t p, size_t end) {
        const Needle& n = d.needles[p];
        const size_t start = end - n.len;
        if (n.word_start && !word_start_ok(norm, start, n.cue == Cue::Unit || n.cue == Cue::Amount)) return true;
        if (n.word_end && n.len <= kShortWord && !word_end_ok(norm, end)) return true;
        sc.hits.push_back({p, static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
        return true;
    });
    std::sort(sc.hits.begin(), sc.hits.end(), [](const Hit& a, const Hit& b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    const auto make_fired = [&](size_t a, size_t b) {
        FiredSignal f;
        f.matched = original_span(text, sc.offsets, a, b);
        f.position = sc.offsets[a];
        return f;
    };

    // 2. Pack signals: each fires once, on its first match that is not negated.
    sc.pack_spans.clear();
    sc.signal_state.assign(d.signals.size(), 0);
    for (const Hit& h : sc.hits) {
        const Needle& n = d.needles[h.needle];
        if (n.cue != Cue::Signal) continue;
        uint8_t& st = sc.signal_state[n.ref];
        const SignalInfo& s = d.signals[n.ref];
        if (negatable(s.kind) && negated_before(norm, h.start, n, norm.substr(h.start, n.len))) {
            if (st == 0) {
                FiredSignal f = make_fired(h.start, h.end);
                f.signal_id = s.id;
                f.label = s.label;
                f.kind = s.kind;
                r.negated.push_back(std::move(f));
                st = 2;
            }
            continue;
        }
        sc.pack_spans.push_back({h.start, h.end, n.ref});
        if (st == 1) continue;
        if (st == 2)  // fires after all on a later match: drop its "negated" entry
            r.negated.erase(std::remove_if(r.negated.begin(), r.negated.end(),
                                           [&](const FiredSignal& x) { return x.signal_id == s.id; }),
                            r.negated.end());
        st = 1;
        FiredSignal f = make_fired(h.start, h.end);
        f.signal_id = s.id;
        f.label = s.label;
        f.kind = s.kind;
        f.prevention = prevention_before(norm, h.start);
        f.urgency = f.prevention ? std::min(0.0, s.weight_urgency) : s.weight_urgency;
        f.importance = s.weight_importance;
        r.fired.push_back(std::move(f));
    }

    // 3. Built-in cues: the first occurrence of each that is not negated and not on words a pack
    //    signal with the same meaning already fired on (the pack has spoken about those words;
    //    never count them twice). "The same meaning": for time pressure a pack time_pressure
    //    signal that adds urgency; for calm/horizon/past one that takes urgency off; for the
    //    importance fallbacks (health, stranded, money) one that adds importance. A pack signal
    //    with another meaning on the same words (a "long wait" signal on "两个小时" in
    //    "两个小时后的航班") does not silence the built-in reading.
    enum class Meaning { Urgent, Calm, Important };
    const auto covered_as = [&](size_t a, size_t b, Meaning m) {
        for (const Span& s : sc.pack_spans) {
            if (!(s.start < b && a < s.end)) continue;
            const SignalInfo& sig = d.signals[s.signal];
            if (m == Meaning::Urgent && sig.kind == SignalKind::TimePressure && sig.weight_urgency > 0) return true;
            if (m == Meaning::Calm && sig.weight_urgency < 0) return true;
            if (m == Meaning::Important && sig.weight_importance > 0) return true;
        }
        return false;
    };
    const auto covered_as_important = [&](size_t a, size_t b) { return covered_as(a, b, Meaning::Important); };
    const auto inside_calm = [&](const Hit& h) {
        for (const Hit& c : sc.hits)
            if (d.needles[c.needle].cue == Cue::Calm && c.start <= h.start && h.end <= c.end) return true;
        return false;
    };
    const double tu = d.thresholds.urgency > 0 ? d.thresholds.urgency : 1.0;
    const double ti = d.thresholds.importance > 0 ? d.thresholds.importance : 1.0;

    const Hit *safety = nullptr, *health = nullptr, *stranded = nullptr, *money = nullptr, *insist = nullptr,
              *calm = nullptr, *far = nullptr, *past = nullptr, *departure = nullptr, *vulnerable = nullptr,
              *symptom = nullptr, *no_follow_up = nullptr;
    bool far_seen = false;        // a far horizon anywhere, even on pack words (for planning)
    Span far_num, past_num;
    bool has_far_num = false, has_past_num = false;
    size_t time_end = 0;          // end of the last time expression (no nested ones)
    int best_deadline = -1;       // strongest deadline not on pack words, index into r.deadlines
    double best_time = 0;
    int soonest_numeric = -1;     // minutes of the soonest numeric deadline ("40分钟后"), for departures

    for (const Hit& h : sc.hits) {
        const Needle& n = d.needles[h.needle];
        const std::string_view phrase = norm.substr(h.start, n.len);
        const auto fresh = [&](Meaning m) {
            return !covered_as(h.start, h.end, m) && !negated_before(norm, h.start, n, phrase);
        };
        switch (n.cue) {
            case Cue::Signal: break;
            case Cue::Safety: if (!safety && fresh(Meaning::Important)) safety = &h; break;
            case Cue::Health: if (!health && fresh(Meaning::Important)) health = &h; break;
            case Cue::Stranded: if (!stranded && fresh(Meaning::Important)) stranded = &h; break;
            case Cue::MoneyAtRisk: if (!money && fresh(Meaning::Important)) money = &h; break;
            case Cue::Insistence: if (!insist && !inside_calm(h) && fresh(Meaning::Urgent)) insist = &h; break;
            case Cue::Departure: if (!departure && !negated_before(norm, h.start, n, phrase)) departure = &h; break;
            case Cue::Vulnerable: if (!vulnerable && !negated_before(norm, h.start, n, phrase)) vulnerable = &h; break;
            case Cue::Symptom: if (!symptom && fresh(Meaning::Important)) symptom = &h; break;
            case Cue::NoFollowUp: if (!no_follow_up && fresh(Meaning::Important)) no_follow_up = &h; break;
            // Read in pairs after this loop (pair_cues below).
            case Cue::Dependent: case Cue::OutOfContact: case Cue::Amount: case Cue::MoneyGone: case Cue::Holdings:
            case Cue::Document: case Cue::DocumentProblem: break;
            case Cue::Calm: if (!calm && !covered_as(h.start, h.end, Meaning::Calm)) calm = &h; break;
            case Cue::FarHorizon:
                far_seen = true;
                if (!far && !covered_as(h.start, h.end, Meaning::Calm)) far = &h;
                break;
            case Cue::PastEvent: if (!past && !covered_as(h.start, h.end, Meaning::Calm)) past = &h; break;
            case Cue::Now:
            case Cue::DayPart:
            case Cue::Unit: {
                if (r.deadlines.size() >= kMaxDeadlineCues || h.start < time_end || inside_calm(h)) break;
                TimeExpr t;
                if (n.cue == Cue::Unit) {
                    if (!parse_time_at(norm, h.start, h.end, static_cast<int>(n.ref), n.word_start, &t)) break;
                } else {
                    if (negated_before(norm, h.start, n, phrase)) break;
                    t.begin = h.start;
                    t.end = h.end;
                    t.minutes = static_cast<int>(n.ref);
                    t.sense = n.cue == Cue::Now ? TimeSense::Bare : TimeSense::Future;
                }
                time_end = t.end;
                if (t.sense == TimeSense::Elapsed) {
                    if (t.ago && t.minutes >= 24 * 60 && !has_past_num) {  // "两个月前", "two months ago"
                        has_past_num = true;
                        past_num = {static_cast<uint32_t>(t.begin), static_cast<uint32_t>(t.end), 0};
                    }
                    break;
                }
                const double w = deadline_weight(t.minutes);
                if (w == 0 && t.sense != TimeSense::Future) break;  // "三天两夜" is no deadline
                DeadlineCue c;
                c.matched = original_span(text, sc.offsets, t.begin, t.end);
                c.position = sc.offsets[t.begin];
                c.minutes = t.minutes;
                c.explicit_future = t.sense == TimeSense::Future;
                c.urgency = w * tu;
                if (t.minutes >= kFarHorizonMinutes && c.explicit_future && !has_far_num) {
                    has_far_num = true;
                    far_num = {static_cast<uint32_t>(t.begin), static_cast<uint32_t>(t.end), 0};
                }
                if (n.cue == Cue::Unit && (soonest_numeric < 0 || t.minutes < soonest_numeric))
                    soonest_numeric = t.minutes;
                if (w > best_time && !covered_as(t.begin, t.end, Meaning::Urgent)) {
                    best_time = w;
                    best_deadline = static_cast<int>(r.deadlines.size());
                }
                r.deadlines.push_back(std::move(c));
                break;
            }
        }
    }

    if (d.builtin) {
        const auto add = [&](FiredSignal f, Cue cue, SignalKind kind, double urgency, double importance) {
            f.signal_id = cue_id(cue);
            f.label = cue_label(cue);
            f.kind = kind;
            f.urgency = urgency;
            f.importance = importance;
            f.builtin = true;
            r.fired.push_back(std::move(f));
        };
        // Time pressure: the strongest of the deadlines and the insistence (a deadline wins a
        // tie: it says more).
        const double insist_weight = insist ? kBuiltinInsistence : 0.0;
        if (best_deadline >= 0 && best_time >= insist_weight) {
            const DeadlineCue& c = r.deadlines[best_deadline];
            FiredSignal f;
            f.matched = c.matched;
            f.position = c.position;
            add(std::move(f), Cue::Unit, SignalKind::TimePressure, c.urgency, 0);
        } else if (insist) {
            add(make_fired(insist->start, insist->end), Cue::Insistence, SignalKind::TimePressure,
                kBuiltinInsistence * tu, 0);
        }
        // About to miss a departure: a departure word and a numeric deadline within the hour.
        if (departure && soonest_numeric >= 0 && soonest_numeric <= kDepartureMinutes)
            add(make_fired(departure->start, departure->end), Cue::Departure, SignalKind::TimePressure, 0,
                kBuiltinDepartureAtStake * ti);
        // Safety fallback, only when no pack safety signal fired.
        bool pack_safety = false;
        for (const FiredSignal& f : r.fired) pack_safety |= (!f.builtin && f.kind == SignalKind::Safety);
        if (safety && !pack_safety) {
            FiredSignal f = make_fired(safety->start, safety->end);
            f.prevention = prevention_before(norm, safety->start);
            const double u = f.prevention ? 0.0 : kBuiltinSafetyUrgency * tu;
            add(std::move(f), Cue::Safety, SignalKind::Safety, u, kBuiltinSafetyImportance * ti);
        }
        if (health) add(make_fired(health->start, health->end), Cue::Health, SignalKind::Safety, 0,
                        kBuiltinHealth * ti);
        if (stranded) add(make_fired(stranded->start, stranded->end), Cue::Stranded, SignalKind::Phrase, 0,
                          kBuiltinStranded * ti);
        if (money) add(make_fired(money->start, money->end), Cue::MoneyAtRisk, SignalKind::Money, 0,
                       kBuiltinMoneyAtRisk * ti);
        // Feeling unwell now: health at stake, and sooner rather than later (not when said about
        // prevention: "防止低血糖").
        if (symptom) {
            FiredSignal f = make_fired(symptom->start, symptom->end);
            f.prevention = prevention_before(norm, symptom->start);
            const double u = f.prevention ? 0.0 : kBuiltinSymptomUrgency * tu;
            add(std::move(f), Cue::Symptom, SignalKind::Safety, u, kBuiltinSymptomImportance * ti);
        }
        // Cues read from two words in one sentence (see pair_cues).
        const PairedCues pc = pair_cues(d, norm, sc.hits, covered_as_important);
        // Someone in the caller's care cannot be reached: a possible danger, counted like the
        // safety fallback (not when a safety signal already fired).
        const bool out_of_contact = pc.contact.found && !safety && !pack_safety;
        if (out_of_contact)
            add(make_fired(pc.contact.start, pc.contact.end), Cue::OutOfContact, SignalKind::Safety,
                kBuiltinOutOfContact * tu, kBuiltinOutOfContact * ti);
        // An amount gone from the customer's own account: money is leaving now.
        if (pc.money.found)
            add(make_fired(pc.money.start, pc.money.end), Cue::MoneyGone, SignalKind::Money, kBuiltinMoneyGone * tu,
                kBuiltinMoneyGone * ti);
        if (pc.document.found)
            add(make_fired(pc.document.start, pc.document.end), Cue::DocumentProblem, SignalKind::Phrase, 0,
                kBuiltinDocumentProblem * ti);
        if (no_follow_up)
            add(make_fired(no_follow_up->start, no_follow_up->end), Cue::NoFollowUp, SignalKind::Phrase, 0,
                kBuiltinNoFollowUp * ti);
        // Planning ahead for someone who needs special care.
        if (vulnerable && (far_seen || has_far_num))
            add(make_fired(vulnerable->start, vulnerable->end), Cue::Vulnerable, SignalKind::Phrase, 0,
                kBuiltinPlanningForVulnerable * ti);
        // Calm, far horizon and past event lower urgency, together by at most kBuiltinCalmMax,
        // and never when safety is involved (or someone in the caller's care is out of contact).
        if (!safety && !pack_safety && !out_of_contact) {
            double budget = kBuiltinCalmMax * tu;  // negative: how much may still be taken off
            const auto lower = [&](Cue cue, double weight, size_t a, size_t b) {
                const double take = std::max(weight * tu, budget);
                if (take >= 0) return;
                budget -= take;
                add(make_fired(a, b), cue, SignalKind::TimePressure, take, 0);
            };
            if (calm) lower(Cue::Calm, kBuiltinCalm, calm->start, calm->end);
            if (far) lower(Cue::FarHorizon, kBuiltinFarHorizon, far->start, far->end);
            else if (has_far_num && !covered_as(far_num.start, far_num.end, Meaning::Calm))
                lower(Cue::FarHorizon, kBuiltinFarHorizon, far_num.start, far_num.end);
            if (past) lower(Cue::PastEvent, kBuiltinPastEvent, past->start, past->end);
            else if (has_past_num && !covered_as(past_num.start, past_num.end, Meaning::Calm))
                lower(Cue::PastEvent, kBuiltinPastEvent, past_num.start, past_num.end);
        }
    }

    for (const FiredSignal& f : r.fired) {
        r.urgency += f.urgency;
        r.importance += f.importance;
    }
    std::stable_sort(r.fired.begin(), r.fired.end(),
                     [](const FiredSignal& a, const FiredSignal& b) { return a.position < b.position; });
    r.quadrant = quadrant_for(r.urgency, r.importance, d.thresholds);
    return r;
}

}  // namespace

TriageResult classify(const TriageIndex& index, std::string_view text) { return run(*index.d_, text); }

std::vector<DeadlineCue> find_deadlines(std::string_view text) {
    // Built-ins only, thresholds 1/1: the urgencies are the kBuiltin* fractions themselves.
    return classify(TriageIndex(), text).deadlines;
}

// ================================================================== scenario suggestion
namespace {

// Which 3-byte windows occur in the text (hashed into 64K bits): a needle with a window the
// text lacks cannot match. A CJK character is one window, so this rejects nearly every phrase
// of a large library without a substring search (pairs of bytes would not: CJK shares lead bytes).
struct WindowSet {
    std::array<uint64_t, 1024> bits{};
    static uint32_t key(const char* p) {
        const uint32_t v = (static_cast<uint32_t>(static_cast<unsigned char>(p[0])) << 16) |
                           (static_cast<uint32_t>(static_cast<unsigned char>(p[1])) << 8) |
                           static_cast<unsigned char>(p[2]);
        return (v * 2654435761u) >> 16;
    }
    void fill(std::string_view s) {
        bits.fill(0);
        for (size_t i = 0; i + 2 < s.size(); ++i) {
            const uint32_t k = key(s.data() + i);
            bits[k >> 6] |= uint64_t{1} << (k & 63);
        }
    }
    bool has(const char* window) const {
        const uint32_t k = key(window);
        return (bits[k >> 6] >> (k & 63)) & 1;
    }
};

// Could `phrase` (as written in a pack, not normalised) still match? Walks its code points as
// normalize_for_match() would fold them and checks every 3-byte window against the text's,
// without allocating. Conservative: whitespace breaks the windows (it may become a space or
// nothing), and trailing characters core_form() may strip are not checked. Most phrases of a
// large library fail on their first character, so only the few left are normalised and searched.
bool phrase_may_match(std::string_view phrase, const WindowSet& windows) {
    const auto strippable = [](const NormalizedCodePoint& c) {
        if (c.space) return true;
        switch (c.folded) {
            case '?': case '!': case '.': case ',': case '~':
            case 0x4E86: case 0x5462: case 0x554A: case 0x5427: case 0x5440:  // 了 呢 啊 吧 呀
            case 0x3002: case 0x3001: case 0x2026:                            // 。 、 …
                return true;
            default: return false;
        }
    };
    char win[3] = {0, 0, 0};
    int have = 0;
    const auto feed = [&](const NormalizedCodePoint& c) {
        if (c.space) { have = 0; return true; }
        char bytes[4];
        int len = 0;
        const uint32_t cp = c.folded;
        if (cp < 0x80) {
            bytes[len++] = static_cast<char>(cp);
        } else if (cp < 0x800) {
            bytes[len++] = static_cast<char>(0xC0 | (cp >> 6));
            bytes[len++] = static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            bytes[len++] = static_cast<char>(0xE0 | (cp >> 12));
            bytes[len++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            bytes[len++] = static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            bytes[len++] = static_cast<char>(0xF0 | (cp >> 18));
            bytes[len++] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            bytes[len++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            bytes[len++] = static_cast<char>(0x80 | (cp & 0x3F));
        }
        for (int b = 0; b < len; ++b) {
            win[0] = win[1];
            win[1] = win[2];
            win[2] = bytes[b];
            if (++have >= 3 && !windows.has(win)) return false;
        }
        return true;
    };
    // Strippable characters are held back until something non-strippable follows them, so a
    // trailing run ("了！") is never checked.
    constexpr size_t kHold = 8;
    NormalizedCodePoint held[kHold];
    size_t n_held = 0;
    for (size_t i = 0; i < phrase.size();) {
        const NormalizedCodePoint c = normalized_code_point_at(phrase, i);
        i += c.length;
        if (strippable(c)) {
            if (n_held == kHold) return true;  // an odd phrase: let the full check decide
            held[n_held++] = c;
            continue;
        }
        for (size_t k = 0; k < n_held; ++k)
            if (!feed(held[k])) return false;
        n_held = 0;
        if (!feed(c)) return false;
    }
    return true;
}

struct SuggestScratch {
    std::string hay;
    std::string needle;
    WindowSet windows;
};

}  // namespace

std::vector<ScenarioMatch> suggest_scenarios(const std::vector<const Scenario*>& scenarios, std::string_view input,
                                             size_t max) {
    std::vector<ScenarioMatch> out;
    if (max == 0 || scenarios.empty()) return out;
    bool truncated = false;
    const std::string_view text = cap_text(input, kTriageMaxScanBytes, &truncated);
    thread_local SuggestScratch sc;
    normalize_for_match(text, sc.hay);
    if (sc.hay.empty()) return out;
    sc.windows.fill(sc.hay);

    for (const Scenario* s : scenarios) {
        if (!s) continue;
        double score = 0;
        std::vector<std::string> matched;
        for (const LocalizedText& p : s->typical_phrases) {
            for (const std::string* side : {&p.zh, &p.en}) {
                if (side->empty() || !phrase_may_match(*side, sc.windows)) continue;
                normalize_for_match(*side, sc.needle);
                const std::string_view needle = core_form(sc.needle);
                if (needle.size() < 2 || needle.size() > sc.hay.size()) continue;
                if (sc.hay.find(needle) == std::string::npos) continue;
                score += 1.0 + 0.1 * static_cast<double>(count_code_points(needle));
                matched.push_back(*side);
            }
        }
        if (score > 0) out.push_back({s, score, std::move(matched)});
    }
    std::stable_sort(out.begin(), out.end(), [](const ScenarioMatch& a, const ScenarioMatch& b) { return a.score > b.score; });
    if (out.size() > max) out.resize(max);
    return out;
}

}  // namespace cw
