// triage_test.cpp — the triage classifier (core/triage.h) and the matching normalisation
// (core/text_normalize.h): signals firing with their explanations, time expressions in Chinese
// and English, negation and prevention, built-in cues, several packs at once, scenario
// suggestion, and bad input. Rules here are built in code, so these tests do not move when the
// demo packs change (triage_accuracy_test.cpp measures those).
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "core/pack.h"
#include "core/text_normalize.h"
#include "core/triage.h"
#include "core/utf8.h"
#include "pack_test_support.h"

using namespace cw;

namespace {

TriageSignal signal(std::string id, SignalKind kind, double u, double i, std::vector<LocalizedText> phrases) {
    TriageSignal s;
    s.id = std::move(id);
    s.label = {s.id + "-zh", s.id + "-en"};
    s.kind = kind;
    s.weight_urgency = u;
    s.weight_importance = i;
    s.phrases = std::move(phrases);
    return s;
}

// A small pack-like rule set on the usual scale (thresholds 2/2).
TriageRules test_rules() {
    TriageRules r;
    r.thresholds = {2, 2};
    r.response_target_minutes = {1, 60, 10, 240};
    r.signals = {
        signal("sos", SignalKind::Safety, 3, 3, {{"不让我下车", "won't let me out"}, {"救命", "help me"}}),
        signal("refund", SignalKind::Money, 0, 2, {{"退款", "refund"}}),
        signal("urgent-words", SignalKind::TimePressure, 2, 0, {{"紧急", "urgent"}}),
        signal("scam", SignalKind::Money, 2, 2, {{"被骗", "scam"}}),
        signal("fee", SignalKind::Money, 0, 1, {{"", "fee"}}),
        signal("delay", SignalKind::Phrase, 1, 1, {{"航班延误了", "delayed"}}),
        signal("injury", SignalKind::Safety, 3, 3, {{"受伤", "injured"}}),
    };
    return r;
}

const FiredSignal* find_fired(const TriageResult& r, const std::string& id) {
    for (const FiredSignal& f : r.fired)
        if (f.signal_id == id) return &f;
    return nullptr;
}

std::string fired_ids(const TriageResult& r) {
    std::string s;
    for (const FiredSignal& f : r.fired) s += f.signal_id + "(" + f.matched + ") ";
    return s;
}

// The explanation adds up: what the fired signals say is exactly the score.
void check_explained(const TriageResult& r) {
    double u = 0, i = 0;
    for (const FiredSignal& f : r.fired) {
        u += f.urgency;
        i += f.importance;
    }
    CHECK(u == Approx(r.urgency));
    CHECK(i == Approx(r.importance));
}

}  // namespace

// ================================================================== normalisation
TEST_CASE("normalize_for_match folds width and case, collapses spaces, keeps CJK") {
    struct Row { const char* in; const char* out; };
    const Row rows[] = {
        {"ＵＲＧＥＮＴ！！", "urgent!!"},
        {"Ｉｎ ４０ Ｍｉｎｕｔｅｓ", "in 40 minutes"},
        {"Hello\t\n  World", "hello world"},
        {"  leading and trailing  ", "leading and trailing"},
        {"司机\u3000不让我下车", "司机不让我下车"},   // ideographic space between CJK: dropped
        {"司机 不让 我下车", "司机不让我下车"},       // Chinese is written without spaces
        {"航班 CA1234 延误", "航班 ca1234 延误"},     // a space next to ASCII is kept
        {"还有４０分钟", "还有40分钟"},
        {"won\u2019t let me out", "won't let me out"},
        {"emoji 😀 stays", "emoji 😀 stays"},
        {"Ünïcödé", "Ünïcödé"},                        // only ASCII is case-folded
        {"", ""},
        {"   ", ""},
    };
    for (const Row& row : rows) {
        INFO("input: " << row.in);
        const std::string n = normalize_for_match(row.in);
        CHECK(n == row.out);
        CHECK(is_normalized(n));
        CHECK(normalize_for_match(n) == n);  // idempotent
    }
    CHECK_FALSE(is_normalized("Upper"));
    CHECK_FALSE(is_normalized("two  spaces"));
    CHECK_FALSE(is_normalized(" lead"));
    CHECK_FALSE(is_normalized("全角！"));
    CHECK_FALSE(is_normalized("中 文"));
}

TEST_CASE("normalize_for_match turns ill-formed UTF-8 into U+FFFD and maps offsets back") {
    const std::string bad = std::string("ab\xC3") + "\xFF" + "c\xE4\xB8";
    const std::string n = normalize_for_match(bad);
    CHECK(is_valid_utf8(n));
    CHECK(n == "ab\xEF\xBF\xBD\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD");

    std::string out;
    std::vector<uint32_t> offsets;
    const std::string text = "ＡＢ  c";  // 3+3 bytes, two spaces, c
    normalize_for_match(text, out, &offsets);
    REQUIRE(out == "ab c");
    REQUIRE(offsets.size() == out.size() + 1);
    CHECK(offsets[0] == 0);  // 'a' came from text[0..3)
    CHECK(offsets[1] == 3);
    CHECK(offsets[2] == 6);  // the collapsed space starts at the first space
    CHECK(offsets[3] == 8);
    CHECK(offsets[4] == text.size());
}

TEST_CASE("contains works on normalised text and never matches an empty needle") {
    const std::string hay = normalize_for_match("我的航班ＣＡ１２３４延误了 Please HELP");
    CHECK(contains(hay, normalize_for_match("ca1234")));
    CHECK(contains(hay, normalize_for_match("please help")));
    CHECK(contains(hay, normalize_for_match("延误")));
    CHECK_FALSE(contains(hay, normalize_for_match("取消")));
    CHECK_FALSE(contains(hay, ""));
    CHECK_FALSE(contains("", "a"));
}

// ================================================================== pack signals
TEST_CASE("Pack signals fire once per text with what they matched and what they added") {
    const TriageIndex idx = build_triage_index(test_rules());
    CHECK(idx.signal_count() == 7);
    CHECK(idx.thresholds().urgency == 2);

    struct Row {
        const char* text;
        Quadrant quadrant;
        const char* signal;   // must fire
        const char* matched;  // ... on these words, as typed
    };
    const Row rows[] = {
        {"不好意思打扰一下，司机一直不让我下车", Quadrant::Q1_UrgentImportant, "sos", "不让我下车"},
        {"Please, the driver WON'T LET ME OUT", Quadrant::Q1_UrgentImportant, "sos", "WON'T LET ME OUT"},
        {"我想申请退款", Quadrant::Q2_ImportantNotUrgent, "refund", "退款"},
        {"Can I get a REFUND for last month?", Quadrant::Q2_ImportantNotUrgent, "refund", "REFUND"},
        {"ＵＲＧＥＮＴ: change my seat", Quadrant::Q3_UrgentNotImportant, "urgent-words", "ＵＲＧＥＮＴ"},
        {"赶不上了，航班延误了", Quadrant::Q4_Neither, "delay", "航班延误"},  // the phrase's core
        {"航班延误六个小时", Quadrant::Q4_Neither, "delay", "航班延误"},  // trailing 了 not required
    };
    for (const Row& row : rows) {
        INFO("text: " << row.text);
        const TriageResult r = classify(idx, row.text);
        INFO("fired: " << fired_ids(r));
        CHECK(r.quadrant == row.quadrant);
        const FiredSignal* f = find_fired(r, row.signal);
        REQUIRE(f != nullptr);
        CHECK(f->matched == row.matched);
        CHECK_FALSE(f->builtin);
        CHECK(std::string(row.text).substr(f->position, f->matched.size()) == f->matched);
        check_explained(r);
    }

    // Two phrases of one signal: it fires once, on the first.
    const TriageResult twice = classify(idx, "救命！司机不让我下车，help me");
    int sos = 0;
    for (const FiredSignal& f : twice.fired) sos += f.signal_id == "sos";
    CHECK(sos == 1);
    REQUIRE(find_fired(twice, "sos"));
    CHECK(find_fired(twice, "sos")->matched == "救命");
    CHECK(find_fired(twice, "sos")->urgency == 3);
    CHECK(find_fired(twice, "sos")->label.en == "sos-en");
}

TEST_CASE("English phrases respect word boundaries; long ones may be inflected") {
    const TriageIndex idx = build_triage_index(test_rules(), TriageOptions{false});
    CHECK(find_fired(classify(idx, "what is the fee?"), "fee"));
    CHECK(find_fired(classify(idx, "two fees"), "fee"));                    // short: inflection allowed
    CHECK_FALSE(find_fired(classify(idx, "I feel fine"), "fee"));          // short: no other continuation
    CHECK_FALSE(find_fired(classify(idx, "coffee please"), "fee"));        // must start a word
    CHECK(find_fired(classify(idx, "the refunds never came"), "refund"));
    CHECK(find_fired(classify(idx, "is it refundable"), "refund"));        // long: any continuation
    CHECK(find_fired(classify(idx, "my flight was delayed."), "delay"));
}

TEST_CASE("A negated phrase does not fire and is listed as negated") {
    const TriageIndex idx = build_triage_index(test_rules(), TriageOptions{false});
    struct Row { const char* text; const char* signal; };
    const Row rows[] = {
        {"这个不紧急", "urgent-words"},
        {"It's not urgent at all", "urgent-words"},
        {"this isn't urgent", "urgent-words"},
        {"not very urgent", "urgent-words"},
        {"我没有受伤，只是车门刮了", "injury"},
        {"nobody was hurt, I'm not injured", "injury"},
    };
    for (const Row& row : rows) {
        INFO("text: " << row.text);
        const TriageResult r = classify(idx, row.text);
        CHECK_FALSE(find_fired(r, row.signal));
        REQUIRE(r.negated.size() == 1);
        CHECK(r.negated[0].signal_id == row.signal);
        CHECK(r.urgency == 0);
    }
    // Negated once, then said plainly: it fires, and is no longer listed as negated.
    const TriageResult r = classify(idx, "不紧急……算了，其实很紧急");
    CHECK(find_fired(r, "urgent-words"));
    CHECK(r.negated.empty());
    // A pack phrase that is itself negative is not negated by its own 不.
    CHECK(find_fired(classify(idx, "司机不让我下车"), "sos"));
    // Money and topics are not negated: a missing refund is the complaint itself.
    CHECK(find_fired(classify(idx, "钱还没有退款到账"), "refund"));
    CHECK(find_fired(classify(idx, "still no refund after a month"), "refund"));
}

TEST_CASE("A phrase about prevention keeps its importance but adds no urgency") {
    const TriageIndex idx = build_triage_index(test_rules(), TriageOptions{false});
    for (const char* text : {"我爸年纪大了，怎么防止被骗？", "How do I protect my father from a scam?"}) {
        INFO(text);
        const TriageResult r = classify(idx, text);
        const FiredSignal* f = find_fired(r, "scam");
        REQUIRE(f);
        CHECK(f->prevention);
        CHECK(f->urgency == 0);
        CHECK(f->importance == 2);
        CHECK(r.quadrant == Quadrant::Q2_ImportantNotUrgent);
    }
    const TriageResult now = classify(idx, "我被骗了，刚转了钱");
    REQUIRE(find_fired(now, "scam"));
    CHECK_FALSE(find_fired(now, "scam")->prevention);
    CHECK(now.quadrant == Quadrant::Q1_UrgentImportant);
}

// ================================================================== time expressions
TEST_CASE("Deadlines in Chinese and English, with Chinese numerals") {
    struct Row { const char* text; int minutes; bool future; };
    const Row rows[] = {
        {"40分钟", 40, false},
        {"还有40分钟就停止登机", 40, true},
        {"四十分钟后", 40, true},
        {"四十五分钟以后", 45, true},
        {"一个小时后", 60, true},
        {"半小时", 30, false},
        {"半个小时之内", 30, true},
        {"两小时内", 120, true},
        {"一个半小时后起飞", 90, true},
        {"几十分钟", 30, false},
        {"十分钟内", 10, true},
        {"一刻钟后", 15, true},
        {"马上", 0, false},
        {"今晚十点前", 360, true},
        {"还有 20 分钟", 20, true},
        {"in 40 minutes", 40, true},
        {"within an hour", 60, true},
        {"within the hour", 60, true},
        {"in 2 hours", 120, true},
        {"half an hour", 30, false},
        {"an hour and a half from now", 90, true},
        {"in forty-five minutes", 45, true},
        {"boarding closes in 20 mins", 20, true},
        {"only 15 minutes left", 15, true},
        {"in the next 10 minutes", 10, true},
        {"leaves in 3 hrs", 180, true},
        {"tonight", 360, true},
        {"right now", 0, false},
        {"ＩＮ ４０ ＭＩＮＵＴＥＳ", 40, true},
    };
    for (const Row& row : rows) {
        INFO("text: " << row.text);
        const std::vector<DeadlineCue> d = find_deadlines(row.text);
        REQUIRE(d.size() == 1);
        CHECK(d[0].minutes == row.minutes);
        CHECK(d[0].explicit_future == row.future);
        CHECK_FALSE(d[0].matched.empty());
        CHECK(std::string(row.text).substr(d[0].position, d[0].matched.size()) == d[0].matched);
    }
}

TEST_CASE("Elapsed durations and idioms are not deadlines") {
    for (const char* text : {"飞机上等了一个小时了", "司机已经迟到五分钟了", "等了半小时", "延误了六个小时",
                             "两个小时前下的单", "40 minutes ago", "The bus is 20 minutes late", "I waited for an hour",
                             "wait a minute", "call me the minute you know", "三天两夜的行程", "the app is down",
                             "nowhere to go", "今天天气不错吗", "一个人"}) {
        INFO("text: " << text);
        CHECK(find_deadlines(text).empty());
    }
}

TEST_CASE("A near deadline makes a request urgent on its own; a far one and calm words lower urgency") {
    TriageRules rules = test_rules();
    const TriageIndex idx = build_triage_index(rules);
    struct Row { const char* text; Quadrant quadrant; const char* cue; };
    const Row rows[] = {
        {"我的车四十分钟后就要到了，能改下上车点吗", Quadrant::Q3_UrgentNotImportant, kCueDeadline},
        {"Can you change the pickup point? I need it in 40 minutes.", Quadrant::Q3_UrgentNotImportant, kCueDeadline},
        {"急急急！！！我想换个靠窗的座位", Quadrant::Q3_UrgentNotImportant, kCueInsistence},
        {"Where is the bus?!", Quadrant::Q3_UrgentNotImportant, kCueInsistence},
        {"航班还有30分钟就起飞了，我还在安检排队", Quadrant::Q1_UrgentImportant, kCueDepartureAtStake},
        {"不着急，有空帮我看看积分", Quadrant::Q4_Neither, kCueCalm},
        {"我下个月要去欧洲", Quadrant::Q4_Neither, kCueFarHorizon},
        {"上周的账单有点问题", Quadrant::Q4_Neither, kCuePastEvent},
        {"My grandmother uses a wheelchair and flies with you next month. What should we arrange?",
         Quadrant::Q2_ImportantNotUrgent, kCuePlanningForVulnerable},
        {"老人家下个月第一次坐飞机，需要准备什么？", Quadrant::Q2_ImportantNotUrgent, kCuePlanningForVulnerable},
    };
    for (const Row& row : rows) {
        INFO("text: " << row.text);
        const TriageResult r = classify(idx, row.text);
        INFO("fired: " << fired_ids(r));
        CHECK(r.quadrant == row.quadrant);
        const FiredSignal* f = find_fired(r, row.cue);
        REQUIRE(f);
        CHECK(f->builtin);
        check_explained(r);
    }
    // "URGENT!!! NOW!": several "now" cues count once.
    const TriageResult shout = classify(build_triage_index(TriageRules{}), "URGENT!!! Fix it NOW!! Right now!");
    CHECK(shout.urgency == Approx(kBuiltinDeadlineNear * 1.0));
    // Calm words cannot talk away a safety signal.
    const TriageResult calm_sos = classify(idx, "不着急哈，就是司机一直不让我下车");
    CHECK(calm_sos.quadrant == Quadrant::Q1_UrgentImportant);
    CHECK_FALSE(find_fired(calm_sos, kCueCalm));
}

TEST_CASE("Generic risk cues fire on what they mean and not on near-misses or negations") {
    // Built-ins only (thresholds 1/1): what the generic cues say without any pack.
    const TriageIndex idx;
    struct Row { const char* text; const char* cue; bool fires; };
    const Row rows[] = {
        // Feeling unwell now.
        {"她说现在有点头晕，这个情况怎么处理", kCueSymptom, true},
        {"My dad says he feels dizzy and short of breath", kCueSymptom, true},
        {"孩子一直在发烧，能不能改签", kCueSymptom, true},
        {"我不头晕，就是想问行李额", kCueSymptom, false},
        {"No fever, just asking about the baggage allowance", kCueSymptom, false},
        {"这个座位坐着不舒服", kCueSymptom, false},
        // Someone in the caller's care out of contact (both in one sentence).
        {"my daughter is 16 and now her phone is off", kCueOutOfContact, true},
        {"我儿子坐你们的车一个小时了，他电话一直打不通", kCueOutOfContact, true},
        {"我爸一个人坐飞机，落地两个小时了还联系不上他", kCueOutOfContact, true},
        {"My son took your car an hour ago and I can't reach him", kCueOutOfContact, true},
        {"我女儿的手机没关机，就是想问下行程怎么分享", kCueOutOfContact, false},   // negated
        {"我帮我妈叫的车，你们客服电话一直打不通", kCueOutOfContact, false},     // the hotline, not the person
        {"My son is in your car and the driver isn't answering", kCueOutOfContact, false},
        {"My phone is off most of the day, can you email me instead?", kCueOutOfContact, false},  // nobody in care
        {"My daughter flies next month. My phone is off at work, so email me.", kCueOutOfContact, false},  // two sentences
        // An amount gone from the customer's own account.
        {"My balance also looks about £4,000 lower than it was this morning", kCueMoneyGone, true},
        {"我卡里的余额少了3000元，我什么都没买", kCueMoneyGone, true},
        {"账户里莫名其妙少了三百多块", kCueMoneyGone, true},
        {"$500 is missing from my savings account", kCueMoneyGone, true},
        {"Nothing is missing from my account, I just want to check the $500 payment", kCueMoneyGone, false},
        {"余额没有少，只是想查一下3000元的账单", kCueMoneyGone, false},
        {"The price is now $50 lower on your website", kCueMoneyGone, false},   // not the customer's money
        {"退款少了50元，怎么回事", kCueMoneyGone, false},                          // no account: a refund dispute
        {"My account balance is lower than I expected", kCueMoneyGone, false},   // no amount
        // A document with a problem.
        {"We've been refused visa on arrival", kCueDocumentProblem, true},
        {"just noticed my passport expires in 4 months", kCueDocumentProblem, true},
        {"机票上我名字的拼音拼错了一个字母", kCueDocumentProblem, true},
        {"护照丢了，下周的团还能去吗", kCueDocumentProblem, true},
        {"请问中国护照去新加坡需要签证吗？", kCueDocumentProblem, false},
        {"我的护照没过期，但是想换新的", kCueDocumentProblem, false},
        {"My passport hasn't expired, I just want to update my address", kCueDocumentProblem, false},
        {"我的优惠券过期了", kCueDocumentProblem, false},
        {"I chose the wrong seat, can I change it?", kCueDocumentProblem, false},
        // Promised a reply, heard nothing; called again and again.
        {"three weeks later nobody has contacted me", kCueNoFollowUp, true},
        {"我打过两次电话了，每次都说会处理", kCueNoFollowUp, true},
        {"I've called three times and still no reply", kCueNoFollowUp, true},
        {"Someone contacted me yesterday, thanks", kCueNoFollowUp, false},
        {"我想第一次打电话问一下积分", kCueNoFollowUp, false},
        // Stranded: refused entry, nowhere else to sleep.
        {"I was refused entry at the border and they're sending me back", kCueStranded, true},
        {"周边也没别的酒店有房", kCueStranded, true},
        {"有没有别的酒店推荐？下个月去", kCueStranded, false},
        // Health: a medicine someone depends on; not the condition alone.
        {"胰岛素放在托运行李里了", kCueHealth, true},
        {"Is there a diabetic meal on the flight?", kCueHealth, false},
    };
    for (const Row& row : rows) {
        INFO("text: " << row.text << " cue: " << row.cue);
        const TriageResult r = classify(idx, row.text);
        INFO("fired: " << fired_ids(r));
        const FiredSignal* f = find_fired(r, row.cue);
        CHECK((f != nullptr) == row.fires);
        if (f) {
            CHECK(f->builtin);
            CHECK(std::string(row.text).substr(f->position, f->matched.size()) == f->matched);
            CHECK_FALSE(f->label.en.empty());
        }
        check_explained(r);
    }
    // What they add (thresholds 1/1): a danger is urgent and important; a document or an
    // ignored promise is important only; a symptom is important and half urgent.
    const TriageResult contact = classify(idx, "my daughter is 16 and now her phone is off");
    CHECK(contact.quadrant == Quadrant::Q1_UrgentImportant);
    const TriageResult money = classify(idx, "Sorry to bother you, my balance is £4,000 lower than this morning");
    CHECK(money.quadrant == Quadrant::Q1_UrgentImportant);
    CHECK(find_fired(money, kCueMoneyGone)->matched == "£4,000 lower");
    const TriageResult passport = classify(idx, "My passport expires in 4 months and we travel in 10 weeks");
    CHECK(passport.quadrant == Quadrant::Q2_ImportantNotUrgent);
    CHECK(classify(idx, "three weeks later nobody has contacted me").quadrant == Quadrant::Q2_ImportantNotUrgent);
    const TriageResult dizzy = classify(idx, "她说现在有点头晕");
    REQUIRE(find_fired(dizzy, kCueSymptom));
    CHECK(find_fired(dizzy, kCueSymptom)->urgency == Approx(kBuiltinSymptomUrgency));
    CHECK(dizzy.quadrant == Quadrant::Q2_ImportantNotUrgent);
    // A past loss is still important but no longer urgent; calm words cannot talk away a person
    // out of contact.
    CHECK(classify(idx, "上个月我卡里莫名其妙少了三百多块").quadrant == Quadrant::Q2_ImportantNotUrgent);
    const TriageResult calm_contact = classify(idx, "不着急，就是我女儿手机一直关机");
    CHECK(calm_contact.quadrant == Quadrant::Q1_UrgentImportant);
    CHECK_FALSE(find_fired(calm_contact, kCueCalm));
    // Said about prevention, a symptom keeps its importance but adds no urgency.
    const TriageResult prevent = classify(idx, "防止低血糖，飞机上能带零食吗");
    REQUIRE(find_fired(prevent, kCueSymptom));
    CHECK(find_fired(prevent, kCueSymptom)->urgency == 0);
    // A pack's own words are not counted twice: a pack signal adding importance on "拒签" silences
    // the document cue there.
    TriageRules own = test_rules();
    own.signals.push_back(signal("visa", SignalKind::Phrase, 0, 2, {{"拒签", "visa refused"}}));
    const TriageResult v = classify(build_triage_index(own), "签证被拒签了");
    CHECK(find_fired(v, "visa"));
    CHECK_FALSE(find_fired(v, kCueDocumentProblem));
}

TEST_CASE("Built-in weights scale with the thresholds and never double a pack's own words") {
    TriageRules big = test_rules();
    big.thresholds = {10, 10};
    const TriageResult r = classify(build_triage_index(big), "in 40 minutes");
    REQUIRE(find_fired(r, kCueDeadline));
    CHECK(find_fired(r, kCueDeadline)->urgency == Approx(10 * kBuiltinDeadlineNear));
    CHECK(r.quadrant == Quadrant::Q3_UrgentNotImportant);

    // A pack time_pressure signal on the same words: the built-in deadline stands aside.
    TriageRules own = test_rules();
    own.signals.push_back(signal("forty", SignalKind::TimePressure, 1, 0, {{"40分钟", "in 40 minutes"}}));
    const TriageResult o = classify(build_triage_index(own), "还有40分钟");
    CHECK(find_fired(o, "forty"));
    CHECK_FALSE(find_fired(o, kCueDeadline));
    CHECK(o.deadlines.size() == 1);  // still reported as a deadline
    // A pack signal with another meaning on those words does not silence the built-in reading.
    TriageRules wait = test_rules();
    wait.signals.push_back(signal("long-wait", SignalKind::Phrase, 1, 0, {{"两个小时", "two hours"}}));
    const TriageResult w = classify(build_triage_index(wait), "两个小时后的航班，能带充电宝吗");
    CHECK(find_fired(w, "long-wait"));
    CHECK(find_fired(w, kCueDeadline));
    CHECK(w.quadrant == Quadrant::Q3_UrgentNotImportant);

    // The safety fallback only when no pack safety signal fired.
    const TriageIndex idx = build_triage_index(test_rules());
    const TriageResult pack_sos = classify(idx, "救命，我朋友在流血");
    CHECK(find_fired(pack_sos, "sos"));
    CHECK_FALSE(find_fired(pack_sos, kCueSafety));
    const TriageResult fallback = classify(idx, "我朋友头上在流血");
    CHECK(find_fired(fallback, kCueSafety));
    CHECK(fallback.quadrant == Quadrant::Q1_UrgentImportant);
    CHECK_FALSE(find_fired(classify(idx, "没有受伤，只是车门刮了"), kCueSafety));

    // Built-ins off: pack signals only.
    const TriageResult off = classify(build_triage_index(test_rules(), TriageOptions{false}), "我朋友在流血，40分钟后");
    CHECK(off.fired.empty());
    CHECK(off.quadrant == Quadrant::Q4_Neither);
}

// ================================================================== several packs
TEST_CASE("An index over several packs merges signals by id and takes thresholds from the first") {
    TriageRules a;
    a.thresholds = {3, 3};
    a.response_target_minutes = {1, 120, 10, 1440};
    a.signals = {signal("police", SignalKind::Safety, 5, 5, {{"警察", "police"}}),
                 signal("delay", SignalKind::Phrase, 2, 1, {{"延误", "delayed"}})};
    TriageRules b;
    b.thresholds = {1, 1};
    b.signals = {signal("police", SignalKind::Safety, 1, 1, {{"派出所", "officer"}}),
                 signal("fraud", SignalKind::Money, 3, 4, {{"盗刷", "fraud"}})};

    const TriageIndex idx = build_triage_index(std::vector<const TriageRules*>{&a, nullptr, &b});
    CHECK(idx.signal_count() == 3);
    CHECK(idx.thresholds().urgency == 3);
    CHECK(idx.response_targets().q2 == 120);

    // b's phrase, a's weights; one "police" however many packs know it.
    const TriageResult r = classify(idx, "我是派出所的，警察同志也在，officer here");
    int police = 0;
    for (const FiredSignal& f : r.fired) police += f.signal_id == "police";
    CHECK(police == 1);
    REQUIRE(find_fired(r, "police"));
    CHECK(find_fired(r, "police")->urgency == 5);
    CHECK(find_fired(classify(idx, "my card: fraud"), "fraud"));

    const TriageIndex none = build_triage_index(std::vector<const TriageRules*>{});
    CHECK(none.signal_count() == 0);
    CHECK(none.thresholds().urgency == 1);
    CHECK(classify(none, "hello").quadrant == Quadrant::Q4_Neither);
}

TEST_CASE("The sample pack's rules classify its own example") {
    const PackLoadResult p = load_pack_json(cw_test::sample_pack_text());
    REQUIRE(p.ok);
    const TriageIndex idx = build_triage_index(p.pack.triage_rules);
    const TriageResult r = classify(idx, "还有二十分钟就停止值机了，我要赶不上飞机了！");
    CHECK(find_fired(r, "miss-flight"));
    CHECK(r.quadrant == Quadrant::Q1_UrgentImportant);
    check_explained(r);
}

TEST_CASE("quadrant_for follows the thresholds") {
    const TriageThresholds t{2, 3};
    CHECK(quadrant_for(2, 3, t) == Quadrant::Q1_UrgentImportant);
    CHECK(quadrant_for(1.9, 3, t) == Quadrant::Q2_ImportantNotUrgent);
    CHECK(quadrant_for(5, 2.9, t) == Quadrant::Q3_UrgentNotImportant);
    CHECK(quadrant_for(-1, -1, t) == Quadrant::Q4_Neither);
}

// ================================================================== scenario suggestion
TEST_CASE("Scenarios are suggested by their typical phrases, best first, with the phrases") {
    Scenario delay, missed, refund, empty;
    delay.id = "delay";
    delay.typical_phrases = {{"航班延误了", "my flight is delayed"}, {"什么时候起飞", "when will it take off"}};
    missed.id = "missed";
    missed.typical_phrases = {{"赶不上飞机了", "I'm going to miss my flight"}, {"停止值机", "check-in closes"}};
    refund.id = "refund";
    refund.typical_phrases = {{"我要退票", "I want a refund"}};
    empty.id = "empty";

    const std::vector<const Scenario*> all{&delay, nullptr, &missed, &refund, &empty};
    const auto m = suggest_scenarios(all, "航班延误六个小时，到底什么时候起飞？我要退票", 5);
    REQUIRE(m.size() == 2);
    CHECK(m[0].scenario == &delay);  // two phrases beat one
    CHECK(m[0].matched_phrases == std::vector<std::string>{"航班延误了", "什么时候起飞"});
    CHECK(m[1].scenario == &refund);
    CHECK(m[0].score > m[1].score);

    const auto en = suggest_scenarios(all, "CHECK-IN CLOSES in 20 minutes and I'm going to MISS my flight!!", 5);
    REQUIRE(en.size() == 1);
    CHECK(en[0].scenario == &missed);
    CHECK(en[0].matched_phrases.size() == 2);

    CHECK(suggest_scenarios(all, "航班延误了，我要退票", 1).size() == 1);   // max
    CHECK(suggest_scenarios(all, "航班延误了", 0).empty());
    CHECK(suggest_scenarios(all, "", 5).empty());
    CHECK(suggest_scenarios({}, "航班延误了", 5).empty());
    CHECK(suggest_scenarios(all, "hello there", 5).empty());
}

// ================================================================== bad input
TEST_CASE("Bad input never crashes and gives a sensible result") {
    const TriageIndex idx = build_triage_index(test_rules());
    std::vector<const Scenario*> none;

    SECTION("empty") {
        const TriageResult r = classify(idx, "");
        CHECK(r.quadrant == Quadrant::Q4_Neither);
        CHECK(r.fired.empty());
        CHECK_FALSE(r.truncated);
    }
    SECTION("100 KB: only the first kTriageMaxScanBytes are scanned, and it says so") {
        std::string big = "救命 ";
        while (big.size() < 100 * 1024) big += "blah blah 😀 中文 ";
        big += "refund";
        const TriageResult r = classify(idx, big);
        CHECK(r.truncated);
        CHECK(find_fired(r, "sos"));
        CHECK_FALSE(find_fired(r, "refund"));  // beyond the bound
        std::string hurry;
        while (hurry.size() < 50000) hurry += "马上40分钟后";
        CHECK(classify(idx, hurry).deadlines.size() == kMaxDeadlineCues);
        std::string cut(kTriageMaxScanBytes - 1, 'a');
        cut += "中";  // a code point straddling the bound is not split
        CHECK(classify(idx, cut).truncated);
    }
    SECTION("emoji and mixed scripts") {
        const TriageResult r = classify(idx, "😱😱 司机 won't let me out!!! 救命🙏 ไม่ Привет");
        CHECK(r.quadrant == Quadrant::Q1_UrgentImportant);
        for (const FiredSignal& f : r.fired) CHECK(is_valid_utf8(f.matched));
    }
    SECTION("ill-formed UTF-8 and random bytes") {
        const std::string bad = std::string("\xFF\xFE司机不让我下车\xC0\x80\xED\xA0\x80 in 40 minutes \xF4\x90");
        const TriageResult r = classify(idx, bad);
        CHECK(find_fired(r, "sos"));
        REQUIRE(r.deadlines.size() == 1);
        CHECK(r.deadlines[0].minutes == 40);
        std::mt19937 rng(4);
        std::uniform_int_distribution<int> byte(0, 255), len(0, 300);
        for (int k = 0; k < 2000; ++k) {
            std::string s(static_cast<size_t>(len(rng)), '\0');
            for (char& c : s) c = static_cast<char>(byte(rng));
            const TriageResult x = classify(idx, s);
            check_explained(x);
            for (const FiredSignal& f : x.fired) CHECK(f.position <= s.size());
            suggest_scenarios(none, s, 3);
        }
    }
}
