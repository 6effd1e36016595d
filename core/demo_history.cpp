// demo_history.cpp — see demo_history.h.
//
// Contents: the random stream and tables (staff, names, openers, variable values) · pack
// preparation (triage index, each phrase's quadrant, scenario weights) · the day plan (weekly
// rhythm, spikes) · one case · one QA transcript · practice runs · PDCA and backlog.
//
// Determinism: one splitmix64 stream per purpose, derived from the seed (so adding a draw in the
// QA transcript does not reshuffle every case), drawn in program order; nothing iterates an
// unordered container; probabilities are compared against exact 53-bit fractions.
#include "core/demo_history.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string_view>

#include "core/cases.h"
#include "core/practice_sim.h"
#include "core/qa_scoring.h"
#include "core/triage.h"
#include "core/utf8.h"

namespace cw {
namespace {

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;
constexpr std::int64_t kChinaOffset = 8 * kHour;   // the demo centres' working day is China time

// ------------------------------------------------------------------ random stream
struct Rng {
    std::uint64_t s = 0;
    explicit Rng(std::uint64_t seed) : s(seed) {}
    std::uint64_t next() {  // splitmix64
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::uint64_t below(std::uint64_t n) { return n ? next() % n : 0; }
    // [lo, hi], inclusive.
    std::int64_t range(std::int64_t lo, std::int64_t hi) {
        return hi <= lo ? lo : lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo + 1)));
    }
    double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }  // exact: 53 bits
    bool chance(double p) { return unit() < p; }
    template <class T> const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }
    // Index chosen by integer weights (all zero: uniform).
    size_t weighted(const std::vector<int>& w) {
        std::int64_t total = 0;
        for (int x : w) total += std::max(0, x);
        if (total <= 0) return below(w.size());
        std::int64_t r = static_cast<std::int64_t>(below(static_cast<std::uint64_t>(total)));
        for (size_t i = 0; i < w.size(); ++i) {
            r -= std::max(0, w[i]);
            if (r < 0) return i;
        }
        return w.size() - 1;
    }
};

std::uint64_t mix(std::uint64_t seed, std::uint64_t stream) {
    Rng r(seed ^ (stream * 0xD1B54A32D192ED03ull));
    return r.next();
}

// ------------------------------------------------------------------ the centre's people
struct Staff {
    const char* name;
    const char* latin;   // how English-speaking customers hear it
    const char* grade;
    int starts_at_percent;   // joined this far into the history (trainees); 0 = there all along
};

const Staff kStaff[] = {
    {"王芳", "Wang Fang", "senior", 0},  {"陈静", "Chen Jing", "senior", 0}, {"李强", "Li Qiang", "agent", 0},
    {"张伟", "Zhang Wei", "agent", 0},   {"刘洋", "Liu Yang", "agent", 0},   {"赵敏", "Zhao Min", "agent", 0},
    {"孙磊", "Sun Lei", "agent", 0},     {"黄丽", "Huang Li", "agent", 0},   {"林晓", "Lin Xiao", "trainee", 0},
    {"周婷", "Zhou Ting", "trainee", 35},
};
constexpr size_t kStaffCount = sizeof kStaff / sizeof kStaff[0];
const Staff kLead = {"马骏", "Ma Jun", "lead", 0};          // team lead: approvals, escalations, reviews
const Staff kInspector = {"吴倩", "Wu Qian", "lead", 0};    // QA inspector 质检

const char* const kSurnames[] = {"张", "王", "李", "赵", "陈", "刘", "杨", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
                                 "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "许", "邓", "曹"};
const char* const kGivenNames[] = {"子涵", "浩然", "欣怡", "宇轩", "思琪", "雨桐", "俊杰", "梓萱", "建国", "秀英", "桂兰", "志强",
                                   "海燕", "文博", "佳怡", "明辉", "淑珍", "晓东", "一鸣", "若曦"};
const char* const kEnglishNames[] = {"Emma Li", "James Wang", "Sophie Chen", "Daniel Zhang", "Olivia Liu", "Michael Huang",
                                     "Grace Lin", "Ryan Zhou", "Chloe Wu", "Lucas Xu", "Hannah Guo", "Ethan Ma"};

// Hour-of-day weights (China time): quiet nights, a morning peak, a second one after lunch.
const int kHourWeight[24] = {2, 1, 1, 1, 1, 2, 3, 6, 10, 13, 14, 13, 9, 10, 13, 13, 12, 11, 9, 9, 10, 8, 5, 3};
// Monday first: busier at the start of the week, quieter at weekends (percent).
const int kWeekdayPercent[7] = {116, 108, 101, 100, 106, 80, 74};

// Values for the script variables the demo packs use most, so transcripts read like real calls.
// None is a bare 3- or 6-digit run: packs guard CVVs and SMS codes with digits:3 / digits:6.
struct VarValue { const char* name; const char* zh; const char* en; };
const VarValue kVarValues[] = {
    {"ticket_no", "7812365419", "7812365419"},   {"flight_no", "CA1832", "CA1832"},
    {"new_flight_no", "CA1836", "CA1836"},       {"connection_flight_no", "MU5101", "MU5101"},
    {"case_no", "CW20417", "CW20417"},           {"order_no", "T24081795", "T24081795"},
    {"new_time", "19:40", "19:40"},              {"diff", "80", "80"},
    {"airport", "首都机场T3", "Beijing Capital T3"}, {"destination", "成都", "Chengdu"},
    {"refund_days", "7", "7"},                   {"plate_no", "京A·8K2Q7", "京A·8K2Q7"},
    {"waive_count", "1", "1"},                   {"refund_amount", "1280", "1280"},
    {"eta_minutes", "12", "12"},                 {"gate", "C12", "C12"},
    {"child_name", "乐乐", "Lele"},               {"counter", "F岛值机柜台", "check-in island F"},
    {"annual_fee", "1200", "1200"},              {"tour_name", "云南七日游", "7-day Yunnan tour"},
    {"seat_no", "32A", "32A"},                   {"reply_hours", "24", "24"},
    {"meal_type", "清真餐", "halal meal"},         {"leader_name", "李导", "guide Li"},
    {"callback_time", "今天17:30", "17:30 today"}, {"baggage_ref", "PEKCA18342", "PEKCA18342"},
    {"amount", "1500", "1500"},                  {"days", "3", "3"},
    {"card_last4", "8826", "8826"},              {"refund_fee", "45", "45"},
    {"price", "1680", "1680"},                   {"new_hotel", "全季酒店", "JI Hotel"},
    {"new_date", "5月18日", "18 May"},            {"change_fee", "50", "50"},
    {"hotel_name", "锦江之星", "Jinjiang Inn"},    {"eta", "12分钟", "12 minutes"},
};

// ------------------------------------------------------------------ small helpers
std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool ends_sentence(std::string_view s) {
    for (std::string_view p : {"。", "！", "？", "，", "…", "!", "?", ".", ","})
        if (ends_with(s, p)) return true;
    return false;
}

bool is_question_text(std::string_view s) {
    return ends_with(s, "？") || ends_with(s, "?") || ends_with(s, "吗") || ends_with(s, "吗。");
}

std::string money(double amount) {
    char b[32];
    std::snprintf(b, sizeof b, "%lld", static_cast<long long>(amount + 0.5));
    return b;
}

std::string case_id_for(std::uint64_t n) {
    char b[32];
    std::snprintf(b, sizeof b, "C-%06llu", static_cast<unsigned long long>(n));
    return b;
}

const char* quadrant_code(Quadrant q) {
    switch (q) {
        case Quadrant::Q1_UrgentImportant: return "Q1";
        case Quadrant::Q2_ImportantNotUrgent: return "Q2";
        case Quadrant::Q3_UrgentNotImportant: return "Q3";
        case Quadrant::Q4_Neither: return "Q4";
    }
    return "Q4";
}

const std::string& text_in(const LocalizedText& t, Lang lang) { return pick(t, lang); }

std::string role_name(const Pack& p, const std::string& id, Lang lang) {
    for (const Role& r : p.roles)
        if (r.id == id) return text_in(r.name, lang);
    for (const AgentGrade& g : p.grades)
        if (g.id == id) return text_in(g.name, lang);
    return id;
}

const AgentGrade* grade_in(const Pack& p, const std::string& id) {
    for (const AgentGrade& g : p.grades)
        if (g.id == id) return &g;
    return nullptr;
}

// The grade id a staff member works under in this pack (a pack with its own grade names falls
// back to its first and last grades for trainees and leads, else its second for the rest).
std::string grade_id_in(const Pack& p, const char* wanted) {
    if (grade_in(p, wanted)) return wanted;
    if (p.grades.empty()) return wanted;
    const std::string w = wanted;
    if (w == "trainee") return p.grades.front().id;
    if (w == "lead") return p.grades.back().id;
    return p.grades[std::min<size_t>(1, p.grades.size() - 1)].id;
}

double grade_limit(const Pack& p, const std::string& grade_id) {
    const AgentGrade* g = grade_in(p, grade_id);
    return g ? g->compensation_limit : 0;
}

// ------------------------------------------------------------------ prepared packs
struct Phrase {
    std::string text;
    Quadrant quadrant = Quadrant::Q4_Neither;
};

struct ScenarioInfo {
    const Scenario* s = nullptr;
    std::vector<const Persona*> personas;     // the scenario's, existing in the pack
    std::vector<Phrase> zh, en;               // typical phrases with the quadrant each gets alone
    std::vector<const Step*> offers;          // Offer steps (their amounts guide compensation)
    std::string escalate_to;                  // the first Escalate step's target, if any
    int weight = 10;
};

struct PackInfo {
    const Pack* p = nullptr;
    TriageIndex index;
    std::vector<ScenarioInfo> scenarios;
    std::vector<int> weights;
};

struct Spike {
    size_t pack = 0, scenario = 0;
    const ContingencyPlan* plan = nullptr;
    int day = 0;
    std::vector<std::string> case_ids;
};

// One case to make: when, and from which scenario.
struct Spec {
    std::int64_t at = 0;
    size_t pack = 0, scenario = 0;
    int spike = -1;
    bool stuck = false;    // left open and forgotten: the overdue cases a board must show
    bool live_q1 = false;  // an incident running right now
};

// What the later stages need to know about a case beyond the Case itself.
struct CaseMeta {
    size_t pack = 0, scenario = 0;
    Lang lang = Lang::Zh;
    const Staff* agent = nullptr;
    const Persona* persona = nullptr;
    const ContingencyPlan* plan = nullptr;
    std::int64_t responded_at = 0;   // 0: not yet
    bool late = false;
    int spike = -1;
};

class Generator {
public:
    Generator(Workspace& ws, std::uint64_t seed, std::int64_t now, const DemoOptions& o)
        : ws_(ws), seed_(seed), now_(now), opt_(o) {
        days_ = std::max(1, std::min(366, o.days));
        today_ = floor_div(now_ + kChinaOffset, kDay) * kDay - kChinaOffset;
        first_day_ = today_ - static_cast<std::int64_t>(days_ - 1) * kDay;
        window_start_ = now_ - static_cast<std::int64_t>(days_) * kDay;
    }

    void run() {
        ws_.cases.clear();
        ws_.reviews.clear();
        ws_.pdca.clear();
        ws_.backlog.clear();
        ws_.practice_runs.clear();
        ws_.qa_records.clear();
        ws_.next_case_number = 1;
        ws_.next_item_number = 1;
        ws_.next_qa_number = 1;
        prepare_packs();
        if (packs_.empty()) return;
        std::vector<Spec> specs = plan_days();
        ws_.cases.reserve(specs.size());
        meta_.reserve(specs.size());
        Rng rng(mix(seed_, 2));
        for (const Spec& s : specs) make_case(s, rng);
        make_qa_records();
        make_practice_runs();
        std::stable_sort(ws_.qa_records.begin(), ws_.qa_records.end(),
                         [](const QaRecord& a, const QaRecord& b) { return a.at < b.at; });
        for (QaRecord& q : ws_.qa_records) {
            char id[32];
            std::snprintf(id, sizeof id, "Q-%06llu", static_cast<unsigned long long>(ws_.next_qa_number++));
            q.id = id;
        }
        std::stable_sort(ws_.reviews.begin(), ws_.reviews.end(),
                         [](const Review& a, const Review& b) { return a.created_at < b.created_at; });
        make_pdca();
        make_backlog();
    }

private:
    Workspace& ws_;
    std::uint64_t seed_;
    std::int64_t now_;
    DemoOptions opt_;
    int days_ = 90;
    std::int64_t today_ = 0, first_day_ = 0, window_start_ = 0;
    std::vector<PackInfo> packs_;
    std::vector<Spike> spikes_;
    std::vector<CaseMeta> meta_;

    double progress(std::int64_t at) const {   // 0 at the start of the history, 1 now
        const double span = static_cast<double>(now_ - window_start_);
        return span > 0 ? std::max(0.0, std::min(1.0, static_cast<double>(at - window_start_) / span)) : 1.0;
    }
    std::int64_t clamp_past(std::int64_t t) const { return std::min(t, now_ - 1); }

    // ---------------------------------------------------------------- packs
    void prepare_packs() {
        std::vector<const Pack*> chosen;
        if (!opt_.pack_ids.empty()) {
            for (const std::string& id : opt_.pack_ids)
                if (const Pack* p = find_pack(ws_.library, id)) chosen.push_back(p);
        } else {
            for (const std::string& file : demo_pack_files())
                if (const Pack* p = find_pack(ws_.library, file.substr(0, file.size() - 5))) chosen.push_back(p);
            if (chosen.empty())
                for (const Pack& p : ws_.library.packs) chosen.push_back(&p);
        }
        for (const Pack* p : chosen) {
            PackInfo info;
            info.p = p;
            info.index = build_triage_index(p->triage_rules);
            for (const Scenario& s : p->scenarios) {
                ScenarioInfo si;
                si.s = &s;
                for (const std::string& id : s.persona_ids)
                    for (const Persona& pe : p->personas)
                        if (pe.id == id) si.personas.push_back(&pe);
                int votes[4] = {0, 0, 0, 0};
                for (const LocalizedText& t : s.typical_phrases) {
                    if (!t.zh.empty()) {
                        si.zh.push_back({t.zh, classify(info.index, t.zh).quadrant});
                        ++votes[static_cast<int>(si.zh.back().quadrant)];
                    }
                    if (!t.en.empty()) si.en.push_back({t.en, classify(info.index, t.en).quadrant});
                }
                if (si.zh.empty() && si.en.empty()) continue;   // nothing a customer could have said
                for (const Step& st : s.script.steps) {
                    if (st.kind == StepKind::Offer) si.offers.push_back(&st);
                    if (st.kind == StepKind::Escalate && si.escalate_to.empty()) si.escalate_to = st.escalate_to;
                }
                // Emergencies are rarer than enquiries: weight a scenario by what its phrases are.
                static const int kByQuadrant[4] = {1, 8, 12, 16};
                const int n = votes[0] + votes[1] + votes[2] + votes[3];
                int w = 0;
                for (int k = 0; k < 4; ++k) w += kByQuadrant[k] * votes[k];
                si.weight = n > 0 ? std::max(1, w / n) : 10;
                info.weights.push_back(si.weight);
                info.scenarios.push_back(std::move(si));
            }
            if (!info.scenarios.empty()) packs_.push_back(std::move(info));
        }
    }

    size_t scenario_index(const PackInfo& pi, const std::string& id) const {
        for (size_t i = 0; i < pi.scenarios.size(); ++i)
            if (pi.scenarios[i].s->id == id) return i;
        return pi.scenarios.size();
    }

    // ---------------------------------------------------------------- the day plan
    std::int64_t time_in_day(std::int64_t day_start, Rng& rng) const {
        std::vector<int> w(kHourWeight, kHourWeight + 24);
        const std::int64_t hour = static_cast<std::int64_t>(rng.weighted(w));
        std::int64_t t = day_start + hour * kHour + rng.range(0, kHour - 1);
        if (t >= now_) t = day_start + rng.range(0, std::max<std::int64_t>(0, now_ - day_start - 1));
        return t;
    }

    std::vector<Spec> plan_days() {
        Rng rng(mix(seed_, 1));
        // Incident spikes: plans whose trigger scenario exists, preferably in different packs.
        struct Candidate { size_t pack, scenario; const ContingencyPlan* plan; };
        std::vector<Candidate> cands;
        for (size_t pi = 0; pi < packs_.size(); ++pi)
            for (const ContingencyPlan& plan : packs_[pi].p->plans)
                for (const std::string& sid : plan.trigger.scenario_ids) {
                    const size_t si = scenario_index(packs_[pi], sid);
                    if (si < packs_[pi].scenarios.size()) { cands.push_back({pi, si, &plan}); break; }
                }
        if (days_ >= 14 && !cands.empty()) {
            const int n_spikes = cands.size() > 1 ? 2 : 1;
            for (int k = 0; k < n_spikes; ++k) {
                size_t c = rng.below(cands.size());
                if (k == 1 && cands.size() > 1)
                    for (int tries = 0; tries < 8 && cands[c].pack == spikes_[0].pack; ++tries) c = rng.below(cands.size());
                if (k == 1 && cands[c].plan == spikes_[0].plan) c = (c + 1) % cands.size();
                Spike s;
                s.pack = cands[c].pack;
                s.scenario = cands[c].scenario;
                s.plan = cands[c].plan;
                // The first in the first half, the second in the second (never in the last days).
                s.day = k == 0 ? static_cast<int>(rng.range(days_ / 6, days_ / 2 - 1))
                               : static_cast<int>(rng.range(days_ / 2 + 2, days_ - 5));
                spikes_.push_back(s);
            }
        }
        // Cases per day: the weekly rhythm, a slow growth, noise; spikes on top.
        struct Bucket { int day; int spike; int n; };
        std::vector<Bucket> buckets;
        int hour_total = 0, hour_elapsed = 0;
        for (int h = 0; h < 24; ++h) {
            hour_total += kHourWeight[h];
            if (today_ + h * kHour < now_) hour_elapsed += kHourWeight[h];
        }
        for (int d = 0; d < days_; ++d) {
            const std::int64_t start = first_day_ + static_cast<std::int64_t>(d) * kDay;
            const int weekday = static_cast<int>((floor_div(start + kChinaOffset, kDay) % 7 + 7 + 3) % 7);  // 1970-01-01: Thursday
            const int base = 26 + 3 * d / std::max(1, days_ - 1);
            int n = base * kWeekdayPercent[weekday] / 100 + static_cast<int>(rng.range(-4, 4));
            n = std::max(15, std::min(40, n));
            if (d == days_ - 1) n = n * hour_elapsed / std::max(1, hour_total);   // today, so far
            buckets.push_back({d, -1, n});
            for (size_t k = 0; k < spikes_.size(); ++k) {
                if (spikes_[k].day == d) buckets.push_back({d, static_cast<int>(k), static_cast<int>(rng.range(30, 42))});
                if (spikes_[k].day + 1 == d) buckets.push_back({d, static_cast<int>(k), static_cast<int>(rng.range(8, 13))});
            }
        }
        if (opt_.case_count > 0) {   // scale to the requested total, rounding cumulatively
            std::int64_t total = 0;
            for (const Bucket& b : buckets) total += b.n;
            if (total == 0) for (Bucket& b : buckets) total += (b.n = 1);
            std::int64_t cum = 0, done = 0;
            const std::int64_t want = std::min<std::int64_t>(opt_.case_count, static_cast<std::int64_t>(kMaxCases));
            for (Bucket& b : buckets) {
                cum += b.n;
                const std::int64_t upto = (cum * want + total / 2) / total;
                b.n = static_cast<int>(upto - done);
                done = upto;
            }
        }
        std::vector<Spec> specs;
        for (const Bucket& b : buckets) {
            const std::int64_t start = first_day_ + static_cast<std::int64_t>(b.day) * kDay;
            for (int i = 0; i < b.n; ++i) {
                Spec s;
                s.at = time_in_day(start, rng);
                s.spike = b.spike;
                if (b.spike >= 0) {
                    s.pack = spikes_[static_cast<size_t>(b.spike)].pack;
                    s.scenario = spikes_[static_cast<size_t>(b.spike)].scenario;
                } else {
                    s.pack = rng.below(packs_.size());
                    s.scenario = rng.weighted(packs_[s.pack].weights);
                }
                specs.push_back(s);
            }
        }
        std::stable_sort(specs.begin(), specs.end(), [](const Spec& a, const Spec& b) { return a.at < b.at; });
        // A few forgotten cases (older than two days, still open) and, when there is a plan to
        // run, one or two incidents under way right now: the board is never all green.
        std::vector<size_t> old;
        for (size_t i = 0; i < specs.size(); ++i)
            if (specs[i].at < now_ - 2 * kDay && specs[i].at > now_ - 20 * kDay && specs[i].spike < 0) old.push_back(i);
        const size_t n_stuck = std::min(old.size(), std::max<size_t>(3, specs.size() / 250));
        for (size_t k = 0; k < n_stuck; ++k) specs[old[rng.below(old.size())]].stuck = true;
        if (!cands.empty() && !specs.empty()) {
            const int live = 1 + static_cast<int>(rng.below(2));
            for (int k = 0; k < live; ++k) {
                const Candidate& c = cands[rng.below(cands.size())];
                // The latest case that is not a spike becomes the incident.
                for (size_t i = specs.size(); i-- > 0;) {
                    if (specs[i].spike >= 0 || specs[i].live_q1 || specs[i].at < now_ - 3 * kHour) continue;
                    specs[i].pack = c.pack;
                    specs[i].scenario = c.scenario;
                    specs[i].live_q1 = true;
                    break;
                }
            }
        }
        return specs;
    }

    // ---------------------------------------------------------------- one case
    std::string customer_name(Lang lang, Rng& rng) const {
        if (lang == Lang::En) return kEnglishNames[rng.below(sizeof kEnglishNames / sizeof kEnglishNames[0])];
        const std::string surname = kSurnames[rng.below(sizeof kSurnames / sizeof kSurnames[0])];
        if (rng.chance(0.6)) return surname + (rng.chance(0.5) ? "先生" : "女士");
        return surname + kGivenNames[rng.below(sizeof kGivenNames / sizeof kGivenNames[0])];
    }

    static const char* channel_for(Quadrant q, Rng& rng) {
        static const char* const kChannels[] = {"phone", "chat", "message", "email", "social"};
        std::vector<int> w = {45, 25, 10, 8, 12};
        if (q == Quadrant::Q1_UrgentImportant) w = {72, 18, 6, 0, 4};
        return kChannels[rng.weighted(w)];
    }

    std::string case_text(const ScenarioInfo& si, Lang lang, const std::string& channel, bool want_q1, Rng& rng) const {
        const std::vector<Phrase>& pool = (lang == Lang::En && !si.en.empty()) || si.zh.empty() ? si.en : si.zh;
        const bool en = &pool == &si.en;
        // An incident speaks in its Q1 phrases; an ordinary day mostly in the others.
        std::vector<int> w;
        for (const Phrase& p : pool) w.push_back((p.quadrant == Quadrant::Q1_UrgentImportant) == want_q1 ? 6 : want_q1 ? 0 : 1);
        const size_t first = rng.weighted(w);
        std::string text;
        static const std::map<std::string, std::vector<const char*>> kOpenZh = {
            {"phone", {"", "", "客户来电：", "来电反映："}}, {"chat", {"", "你好，", "在吗？", "您好，"}},
            {"message", {"", "【短信】", "你好，"}},        {"email", {"您好：", "客服您好，"}},
            {"social", {"@官方客服 ", "", "#求助# "}}};
        static const std::map<std::string, std::vector<const char*>> kOpenEn = {
            {"phone", {"", "Caller says: "}}, {"chat", {"", "Hi! ", "Hello! "}}, {"message", {"", "Hi! "}},
            {"email", {"Dear support team: ", "Hello! "}}, {"social", {"@support ", ""}}};
        const auto& openers = (en ? kOpenEn : kOpenZh).at(channel);
        text += openers[rng.below(openers.size())];
        text += pool[first].text;
        if (pool.size() > 1 && rng.chance(0.35)) {
            w[first] = 0;
            const size_t second = rng.weighted(w);
            if (second != first) {
                if (!ends_sentence(text)) text += en ? "." : "，";
                if (en) text += " ";
                text += pool[second].text;
            }
        }
        if (rng.chance(0.2)) {
            static const std::vector<const char*> kTailZh = {"谢谢。", "麻烦尽快回复。", "（第二次联系）", "在线等。"};
            static const std::vector<const char*> kTailEn = {"Thanks.", "Please get back to me.", "(second contact)"};
            if (!ends_sentence(text)) text += en ? "." : "。";
            if (en) text += " ";
            text += en ? kTailEn[rng.below(kTailEn.size())] : kTailZh[rng.below(kTailZh.size())];
        }
        return text;
    }

    const Staff* choose_agent(Quadrant q, std::int64_t at, Rng& rng) const {
        std::vector<int> w;
        const int pct = static_cast<int>(progress(at) * 100);
        for (const Staff& s : kStaff) {
            const std::string g = s.grade;
            int x = 0;
            if (q == Quadrant::Q1_UrgentImportant) x = g == "senior" ? 6 : g == "agent" ? 2 : 0;
            else if (g == "senior") x = 2;
            else if (g == "agent") x = 4;
            else x = (q == Quadrant::Q4_Neither && pct >= s.starts_at_percent + 10) ? 2 : 0;   // trainees: simple cases
            w.push_back(x);
        }
        return &kStaff[rng.weighted(w)];
    }

    std::int64_t response_delay(Quadrant q, const std::string& channel, int target_min, bool late, Rng& rng) const {
        const std::int64_t target = std::max<std::int64_t>(1, target_min) * kMinute;
        if (late) return target + std::max<std::int64_t>(20 * kSecond, target * rng.range(10, 200) / 100);
        std::int64_t d;
        if (channel == "phone") d = rng.range(5, 80) * kSecond;
        else if (channel == "chat") d = rng.range(10, 180) * kSecond;
        else if (channel == "message") d = rng.range(1, 30) * kMinute;
        else if (channel == "social") d = rng.range(5, 120) * kMinute;
        else d = rng.range(20, 480) * kMinute;
        if (q == Quadrant::Q1_UrgentImportant) d = std::min(d, rng.range(5, 45) * kSecond);
        if (d >= target) d = target * rng.range(20, 95) / 100;
        return d;
    }

    std::int64_t handling_time(Quadrant q, const std::string& channel, Rng& rng) const {
        switch (q) {
            case Quadrant::Q1_UrgentImportant: return rng.range(20, 240) * kMinute;
            case Quadrant::Q2_ImportantNotUrgent: return rng.range(60, 72 * 60) * kMinute;
            case Quadrant::Q3_UrgentNotImportant: return rng.range(5, 90) * kMinute;
            case Quadrant::Q4_Neither: break;
        }
        if (channel == "phone" || channel == "chat") return rng.range(3, 25) * kMinute;
        if (channel == "email") return rng.range(60, 48 * 60) * kMinute;
        return rng.range(10, 6 * 60) * kMinute;
    }

    static int satisfaction_for(bool fcr, bool escalated, bool late, double prog, Rng& rng) {
        std::vector<int> w = fcr ? std::vector<int>{1, 4, 10, 35, 50}
                                 : escalated ? std::vector<int>{10, 15, 30, 30, 15} : std::vector<int>{5, 10, 30, 35, 20};
        int s = static_cast<int>(rng.weighted(w)) + 1;
        if (late && rng.chance(0.4)) --s;
        if (rng.chance(0.12 * prog)) ++s;   // the centre gets better over the quarter
        return std::max(1, std::min(5, s));
    }

    static int nps_for(int sat, Rng& rng) {
        static const int kLo[6] = {0, 0, 2, 5, 7, 9};
        static const int kHi[6] = {0, 4, 6, 8, 9, 10};
        return static_cast<int>(rng.range(kLo[sat], kHi[sat]));
    }

    void event(Case& c, std::int64_t at, const char* kind, std::string text, const std::string& by) {
        c.timeline.push_back(CaseEvent{at, kind, std::move(text), by});
    }

    void make_case(const Spec& spec, Rng& rng) {
        const PackInfo& pi = packs_[spec.pack];
        const Pack& pack = *pi.p;
        const ScenarioInfo& si = pi.scenarios[spec.scenario];
        CaseMeta m;
        m.pack = spec.pack;
        m.scenario = spec.scenario;
        m.spike = spec.spike;
        m.lang = rng.chance(0.15) ? Lang::En : Lang::Zh;
        const double prog = progress(spec.at);

        Case c;
        c.id = case_id_for(ws_.next_case_number++);
        c.pack_id = pack.meta.id;
        c.scenario_id = si.s->id;
        c.created_at = spec.at;
        // The scenario's first persona is its most typical caller.
        if (!si.personas.empty()) m.persona = si.personas[rng.chance(0.4) ? 0 : rng.below(si.personas.size())];
        if (m.persona) c.persona_id = m.persona->id;
        c.customer_name = customer_name(m.lang, rng);
        const Quadrant rough = si.zh.empty() ? Quadrant::Q4_Neither : si.zh.front().quadrant;
        c.channel = channel_for(spec.live_q1 || spec.spike >= 0 ? Quadrant::Q1_UrgentImportant : rough, rng);
        c.text = case_text(si, m.lang, c.channel, spec.live_q1 || spec.spike >= 0, rng);

        const TriageResult tr = classify(pi.index, c.text);
        c.suggested_quadrant = tr.quadrant;
        c.urgency = tr.urgency;
        c.importance = tr.importance;
        std::string why;
        for (const FiredSignal& f : tr.fired) why += (why.empty() ? "" : ", ") + (f.label.en.empty() ? f.signal_id : f.label.en);
        Quadrant q = tr.quadrant;
        // Now and then the agent re-sorts, with the reason the desk asks for.
        std::string override_reason;
        if (rng.chance(0.03) || (spec.live_q1 && q != Quadrant::Q1_UrgentImportant)) {
            const bool zh = m.lang == Lang::Zh;
            if (spec.live_q1 || q == Quadrant::Q2_ImportantNotUrgent) {
                q = Quadrant::Q1_UrgentImportant;
                override_reason = zh ? "客户补充：情况正在发生，不能等" : "The customer adds that it is happening right now";
            } else if (q == Quadrant::Q4_Neither) {
                q = Quadrant::Q3_UrgentNotImportant;
                override_reason = zh ? "客户情绪激动，可能升级为投诉" : "Upset customer; this may turn into a complaint";
            } else if (q == Quadrant::Q3_UrgentNotImportant) {
                q = Quadrant::Q4_Neither;
                override_reason = zh ? "核实后并不紧急，客户同意按标准流程办理" : "Checked: not urgent, the customer agreed to the standard process";
            }
        }
        c.final_quadrant = q;
        c.agent = (m.agent = choose_agent(q, spec.at, rng))->name;
        const std::string agent_grade = grade_id_in(pack, m.agent->grade);
        c.variables["customer_name"] = c.customer_name;
        c.variables["agent_name"] = m.lang == Lang::Zh ? m.agent->name : m.agent->latin;
        event(c, spec.at, "created", std::string("suggested ") + quadrant_code(tr.quadrant) + (why.empty() ? "" : " (" + why + ")"),
              c.agent);
        if (!override_reason.empty()) {
            c.override_reason = override_reason;
            event(c, spec.at, "quadrant", std::string(quadrant_code(tr.quadrant)) + " → " + quadrant_code(q) + ": " + override_reason,
                  c.agent);
        }
        // Q1: the plan starts the moment the case arrives (as CreateCase does).
        if (q == Quadrant::Q1_UrgentImportant) {
            for (const ContingencyPlan& plan : pack.plans) {
                bool hit = std::find(plan.trigger.scenario_ids.begin(), plan.trigger.scenario_ids.end(), c.scenario_id) !=
                           plan.trigger.scenario_ids.end();
                for (const FiredSignal& f : tr.fired)
                    hit = hit || std::find(plan.trigger.signal_ids.begin(), plan.trigger.signal_ids.end(), f.signal_id) !=
                                     plan.trigger.signal_ids.end();
                if (hit) { m.plan = &plan; break; }
            }
            if (m.plan) {
                c.plan_run.plan_id = m.plan->id;
                c.plan_run.started_at = spec.at;
                c.last_report_up_at = spec.at;
                event(c, spec.at, "plan_started",
                      (m.plan->title.en.empty() ? m.plan->id : m.plan->title.en) + " (started automatically)", c.agent);
            }
        }

        // First response.
        const int target = response_target_minutes(ws_, c);
        double p_late = 0.14 - 0.07 * prog;
        if (spec.spike >= 0) p_late = 0.35;
        if (c.channel == "email" || c.channel == "social") p_late += 0.04;
        m.late = rng.chance(p_late);
        const std::int64_t respond_at = spec.at + response_delay(q, c.channel, target, m.late, rng);
        const std::int64_t handling = handling_time(q, c.channel, rng);
        std::int64_t close_at = respond_at + handling;

        // Outcome.
        static const double kEscalate[4] = {0.32, 0.12, 0.12, 0.06};
        const bool escalated = rng.chance(kEscalate[static_cast<int>(q)]);
        double p_fcr = 0.78 + 0.08 * prog - (m.late ? 0.1 : 0) - (q == Quadrant::Q2_ImportantNotUrgent ? 0.15 : 0);
        const bool fcr = !escalated && rng.chance(p_fcr);
        std::int64_t escalate_at = respond_at + handling * rng.range(20, 50) / 100;
        if (escalated) close_at += rng.range(1, 24) * kHour / (q == Quadrant::Q1_UrgentImportant ? 6 : 1);

        // The last hours' work is partly still under way (waiting for the customer or another
        // department), so the board has a live queue besides the forgotten cases.
        const bool recent = spec.at > now_ - 6 * kHour && rng.chance(0.3);
        bool open = close_at >= now_ || spec.stuck || spec.live_q1 || recent;
        if (spec.stuck) escalate_at = now_ + kDay;   // a forgotten case was never escalated
        if (respond_at >= now_ || (spec.stuck && rng.chance(0.4))) {
            c.status = CaseStatus::New;   // nobody has answered yet
        } else {
            m.responded_at = respond_at;
            c.status = CaseStatus::InProgress;
            event(c, respond_at, "status", "in_progress", c.agent);
        }
        const std::int64_t end = open ? now_ - 1 : close_at;

        // The plan: checklist ticks over the handling time, report-ups on the first rung's clock.
        if (m.plan && m.responded_at) {
            const auto& list = m.plan->checklist;
            const size_t n = list.size();
            const bool skip_last = !open && rng.chance(0.1);
            for (size_t i = 0; i < n; ++i) {
                if (skip_last && i + 1 == n) break;
                // Front-loaded: the first steps are done within minutes, the follow-up ones later.
                const std::int64_t k = static_cast<std::int64_t>(i + 1), all = static_cast<std::int64_t>(n + 1);
                const std::int64_t at = respond_at + (close_at - respond_at) * k * k / (all * all) + rng.range(-30, 30) * kSecond;
                const std::int64_t t = std::max(respond_at, at);
                if (t >= end) break;
                const std::string& owner = list[i].owner_role;
                const std::string by = owner == "lead" ? kLead.name
                                       : owner == "senior" && std::string(m.agent->grade) != "senior" ? kStaff[0].name
                                                                                                       : c.agent;
                c.plan_run.ticks.push_back(ChecklistTick{static_cast<int>(i), by, t});
                event(c, t, "checklist", "done: " + list[i].text.en, by);
            }
            if (!m.plan->escalation_ladder.empty()) {
                const EscalationLevel& rung = m.plan->escalation_ladder.front();
                const std::int64_t every = std::max(1, rung.report_up_every_minutes) * kMinute;
                const std::string to = role_name(pack, rung.role, m.lang);
                std::int64_t t = spec.at + every + rng.range(-20, 60) * kSecond;
                for (int k = 0; k < 6 && t < end; ++k) {
                    // Reports are often a little late; an open incident may be owed one right now.
                    char text[256];
                    const int done = static_cast<int>(std::count_if(c.plan_run.ticks.begin(), c.plan_run.ticks.end(),
                                                                    [&](const ChecklistTick& tk) { return tk.done_at <= t; }));
                    if (m.lang == Lang::Zh)
                        std::snprintf(text, sizeof text, "向%s报告进展：清单已完成 %d/%zu 项", to.c_str(), done, list.size());
                    else
                        std::snprintf(text, sizeof text, "Progress reported to %s: %d/%zu checklist items done", to.c_str(), done,
                                      list.size());
                    event(c, t, "reported_up", text, c.agent);
                    c.last_report_up_at = t;
                    t += every + rng.range(0, 90) * kSecond;
                }
            }
        }

        // Escalation.
        if (escalated && m.responded_at && escalate_at < end) {
            const std::string target_role = si.escalate_to.empty() ? grade_id_in(pack, "lead") : si.escalate_to;
            event(c, escalate_at, "status", "escalated", c.agent);
            event(c, escalate_at + rng.range(10, 120) * kSecond, "note",
                  m.lang == Lang::Zh ? "已转交" + role_name(pack, target_role, m.lang) + "处理，客户已知悉"
                                     : "Handed over to " + role_name(pack, target_role, m.lang) + "; the customer knows",
                  c.agent);
            if (open) c.status = CaseStatus::Escalated;
        }

        // Compensation, with a lead's approval beyond the agent's own authority.
        double amount = 0;
        const bool money_allowed = !m.persona || m.persona->compensation_policy.max_amount > 0 ||
                                   m.persona->compensation_policy.text.empty();
        if (money_allowed && m.responded_at) {
            if (!si.offers.empty() && rng.chance(q == Quadrant::Q1_UrgentImportant ? 0.35 : 0.14)) {
                const Step* o = si.offers[rng.below(si.offers.size())];
                amount = o->offer.amount * (rng.chance(0.15) ? 2 : 1);
            } else if (rng.chance(0.05)) {
                static const std::vector<int> kGoodwill = {20, 30, 50, 100};
                amount = kGoodwill[rng.below(kGoodwill.size())];
            }
        }
        if (amount > 0) {
            // Beyond the grade's own limit a lead approves, as QA's within_authority judges it
            // (a plan's wider grade_authority is not applied there, so it is not relied on here).
            const double own = grade_limit(pack, agent_grade);
            const double lead = grade_limit(pack, grade_id_in(pack, "lead"));
            amount = std::min(amount, std::max(own, lead));
            if (amount > own) {
                const std::int64_t asked = respond_at + handling * rng.range(30, 60) / 100;
                const std::string what = (m.lang == Lang::Zh ? "补偿" + money(amount) + "元，超出本人额度"
                                                             : "Compensation of " + money(amount) + ", beyond my limit");
                if (asked < end) {
                    Approval a;
                    a.what = what;
                    a.amount = amount;
                    a.requested_by = c.agent;
                    a.requested_at = asked;
                    event(c, asked, "approval_requested", what + " (" + money(amount) + ")", c.agent);
                    const std::int64_t decided = asked + rng.range(1, 15) * kMinute;
                    if (decided < end) {
                        a.decided = true;
                        a.approved = rng.chance(0.85);
                        a.decided_by = kLead.name;
                        a.decided_at = decided;
                        a.note = a.approved ? (m.lang == Lang::Zh ? "同意，按偏离处理备案" : "Approved; file it as a deviation")
                                            : (m.lang == Lang::Zh ? "不同意，按本人额度处理" : "Declined; stay within your own limit");
                        event(c, decided, "approval_decided", std::string(a.approved ? "approved: " : "declined: ") + what,
                              kLead.name);
                        if (!a.approved) amount = own;
                    } else {
                        amount = own;   // still waiting for the lead
                    }
                    c.approvals.push_back(a);
                } else {
                    amount = own;
                }
            }
        }

        if (rng.chance(0.12) && m.responded_at) {
            static const std::vector<const char*> kNotesZh = {"已短信告知处理进度", "客户要求下午回电，已约定时间", "已核实订单信息",
                                                              "客户情绪已平复", "已在系统备注，待后续跟进", "已发送操作指引"};
            static const std::vector<const char*> kNotesEn = {"Progress sent by text", "Customer asked for a call back this afternoon",
                                                              "Order details checked", "Customer has calmed down",
                                                              "Follow-up noted", "Instructions sent"};
            const std::int64_t t = respond_at + handling * rng.range(10, 90) / 100;
            if (t < end) event(c, t, "note", m.lang == Lang::Zh ? kNotesZh[rng.below(kNotesZh.size())] : kNotesEn[rng.below(kNotesEn.size())],
                               c.agent);
        }

        if (!open) {
            c.outcome.first_contact_resolved = fcr;
            c.outcome.escalated = escalated;
            c.outcome.compensation_amount = amount;
            const double p_rated = c.channel == "phone" ? 0.56 : c.channel == "email" ? 0.36 : 0.48;
            if (rng.chance(p_rated)) {
                const int sat = satisfaction_for(fcr, escalated, m.late, prog, rng);
                c.outcome.satisfaction = sat;
                if (rng.chance(0.9)) c.outcome.nps = nps_for(sat, rng);
            }
            c.status = CaseStatus::Closed;
            c.closed_at = close_at;
            const std::string closer = escalated ? kLead.name : c.agent;
            event(c, close_at, "closed", fcr ? "resolved at first contact" : (escalated ? "escalated" : "closed"), closer);
            if (q == Quadrant::Q1_UrgentImportant) ws_.reviews.push_back(review_for(c, m, amount, escalated, rng));
        }
        std::stable_sort(c.timeline.begin(), c.timeline.end(), [](const CaseEvent& a, const CaseEvent& b) { return a.at < b.at; });
        c.updated_at = c.timeline.empty() ? c.created_at : c.timeline.back().at;
        if (spec.spike >= 0) spikes_[static_cast<size_t>(spec.spike)].case_ids.push_back(c.id);
        ws_.cases.push_back(std::move(c));
        meta_.push_back(m);
    }

    Review review_for(const Case& c, const CaseMeta& m, double amount, bool escalated, Rng& rng) const {
        const Pack& pack = *packs_[m.pack].p;
        const bool zh = m.lang == Lang::Zh;
        Review r;
        r.case_id = c.id;
        r.created_at = c.closed_at;
        r.what_happened = (zh ? c.customer_name + "：" : c.customer_name + ": ") + truncate_utf8(c.text, 240);
        std::string done;
        if (m.plan) {
            char b[128];
            std::snprintf(b, sizeof b, zh ? "，清单完成 %zu/%zu 项" : ", %zu/%zu checklist items done", c.plan_run.ticks.size(),
                          m.plan->checklist.size());
            done = (zh ? "启动预案《" + text_in(m.plan->title, m.lang) + "》" : "Ran the plan \"" + text_in(m.plan->title, m.lang) + "\"") + b;
        } else {
            done = zh ? "无对应预案，按分级授权做偏离处理" : "No plan for this; handled as a deviation within graded authority";
        }
        if (amount > 0) done += zh ? "；补偿 " + money(amount) + " 元" : "; compensation " + money(amount);
        if (escalated) done += zh ? "；已升级至" + role_name(pack, grade_id_in(pack, "lead"), m.lang) : "; escalated to the lead";
        r.what_was_done = done + (zh ? "。" : ".");
        static const std::vector<const char*> kChangeZh = {
            "接入时就提示坐席启动预案，首次响应还能再快一些。", "清单里外部门的步骤需要写明联系人和电话。",
            "本次偏离方案效果好，建议整理成新规则提交周复盘。", "安抚语库可以补充一句贴合这类客户处境的话。",
            "向上报告的间隔过长，值班主管希望更早知道进展。"};
        static const std::vector<const char*> kChangeEn = {
            "Prompt the agent to start the plan at intake; the first response can be faster.",
            "Checklist steps owned by other departments need a named contact and number.",
            "The deviation worked well; write it up as a new rule for the weekly review.",
            "Add a soothing line that fits this kind of customer to the pool.",
            "Report-ups were too far apart; the duty lead wants to hear earlier."};
        r.what_should_change = zh ? kChangeZh[rng.below(kChangeZh.size())] : kChangeEn[rng.below(kChangeEn.size())];
        return r;
    }

    // ---------------------------------------------------------------- QA transcripts
    static std::string fill(const std::string& text, const Case& c, Lang lang) {
        if (text.find('{') == std::string::npos) return text;
        std::map<std::string, std::string> vars = c.variables;
        for (const VarValue& v : kVarValues) vars.emplace(v.name, lang == Lang::Zh ? v.zh : v.en);
        return fill_variables(text, vars, nullptr);
    }

    struct Mistakes {
        bool prohibited = false, stock = false, repeat = false, early_offer = false, unanswered = false;
    };

    CallRecord build_call(const Case& c, const CaseMeta& m, const Mistakes& mk, std::int64_t start, Rng& rng) const {
        const Pack& pack = *packs_[m.pack].p;
        const Scenario& sc = *packs_[m.pack].scenarios[m.scenario].s;
        const Lang lang = m.lang;
        const bool zh = lang == Lang::Zh;
        CallRecord r;
        r.pack_id = pack.meta.id;
        r.scenario_id = sc.id;
        r.persona_id = c.persona_id;
        r.case_id = c.id;
        r.agent = c.agent;
        r.grade_id = grade_id_in(pack, m.agent->grade);
        std::int64_t t = start;
        auto add = [&](Speaker who, std::string text, const Step* step) -> CallLine& {
            CallLine l;
            l.speaker = who;
            l.text = std::move(text);
            l.at = t;
            if (step) {
                l.step_id = step->id;
                l.step_kind = step->kind;
            }
            t += rng.range(who == Speaker::Agent ? 4 : 5, who == Speaker::Agent ? 20 : 25) * kSecond;
            r.lines.push_back(std::move(l));
            return r.lines.back();
        };
        add(Speaker::Customer, c.text, nullptr);

        // Style: seniors follow the persona's taste; others mostly read the standard text.
        ScriptStyle style = ScriptStyle::Standard;
        if (m.persona && !m.persona->preferred_styles.empty() && (std::string(m.agent->grade) == "senior" || rng.chance(0.3)))
            style = m.persona->preferred_styles[rng.below(m.persona->preferred_styles.size())];

        // Customer words not used yet, for the replies at wait steps.
        std::vector<std::string> words;
        for (const LocalizedText& p : sc.typical_phrases) {
            const std::string& s = pick(p, lang);
            if (!s.empty() && c.text.find(s) == std::string::npos) words.push_back(s);
        }
        for (const LocalizedText& p : sc.concerns) words.push_back(pick(p, lang));

        const std::vector<LocalizedText>& empathy = sc.empathy_lines;
        std::vector<int> empathy_used;
        bool want_empathy = false;  // set after the greeting: the customer has told their story
        bool asked_unanswered = false, stock_said = false;
        int prohibited_at = mk.prohibited ? static_cast<int>(rng.range(1, 4)) : -1;   // the n-th agent line
        int agent_lines = 0;
        std::vector<int> visits(sc.script.steps.size(), 0);
        const Step* s = sc.script.find(sc.script.start);
        for (int guard = 0; s && guard < 40; ++guard) {
            const size_t si = static_cast<size_t>(s - sc.script.steps.data());
            if (si < visits.size() && ++visits[si] > 2) break;
            if (s->kind == StepKind::WaitForReply) {
                std::string said = words.empty() ? (zh ? "好的，明白了。" : "OK, I see.") : words[rng.below(words.size())];
                CallLine& l = add(Speaker::Customer, said, s);
                l.is_question = is_question_text(said);
                l.answered = l.is_question && !(mk.unanswered && !asked_unanswered);
                if (l.is_question && !l.answered) asked_unanswered = true;
                // At least one soothing line per call (good agents), a second one sometimes.
                const size_t soothed = empathy_used.size() + (stock_said ? 1 : 0);
                want_empathy = want_empathy || soothed == 0 || (soothed < 2 && rng.chance(0.5));
                s = sc.script.find(s->next);
                continue;
            }
            if (s->kind == StepKind::Branch) {
                if (s->branches.empty()) break;
                s = sc.script.find(s->branches[rng.below(s->branches.size())].next);
                continue;
            }
            // No compensation in this case: the agent never put money on the table.
            if (s->kind == StepKind::Offer && c.outcome.compensation_amount <= 0) {
                s = sc.script.find(s->next);
                continue;
            }
            std::string text = fill(pick(s->text.for_style(style), lang), c, lang);
            if (text.empty()) text = fill(pick(s->text.standard, lang), c, lang);
            if (!text.empty()) {
                std::string prefix;
                int empathy_index = -1;
                if (want_empathy && (!empathy.empty() || mk.stock)) {
                    if (mk.stock && !stock_said) {
                        prefix = pick(stock_empathy_lines().front(), lang) + (zh ? "，" : ". ");
                        stock_said = true;
                    } else if (!empathy.empty()) {
                        empathy_index = mk.repeat && !empathy_used.empty() ? empathy_used.front()
                                                                           : static_cast<int>(rng.below(empathy.size()));
                        for (int tries = 0; !mk.repeat && tries < 4 &&
                                            std::find(empathy_used.begin(), empathy_used.end(), empathy_index) != empathy_used.end();
                             ++tries)
                            empathy_index = static_cast<int>(rng.below(empathy.size()));
                        prefix = pick(empathy[static_cast<size_t>(empathy_index)], lang) + (zh ? "" : " ");
                        empathy_used.push_back(empathy_index);
                    }
                    want_empathy = false;
                }
                if (++agent_lines == 1) want_empathy = true;
                GuardrailHit hit;
                if (agent_lines == prohibited_at) {
                    std::vector<const ProhibitedPhrase*> pool;
                    for (const ProhibitedPhrase& p : pack.guardrails.prohibited) pool.push_back(&p);
                    for (const ProhibitedPhrase& p : sc.guardrails.prohibited) pool.push_back(&p);
                    if (!pool.empty()) {
                        const ProhibitedPhrase* p = pool[rng.below(pool.size())];
                        const std::string& said = pick(p->phrase, lang);
                        prefix = said + (zh ? "，" : ", ") + prefix;
                        hit.rule_id = p->id;
                        hit.matched = said;
                        hit.line = static_cast<int>(r.lines.size());
                    }
                }
                if (s->kind == StepKind::Offer && mk.early_offer)   // explanation and money in one breath
                    add(Speaker::Agent, zh ? "真的非常抱歉给您添了这么多麻烦。" : "I'm really sorry for all the trouble.", nullptr);
                if (!hit.rule_id.empty()) hit.line = static_cast<int>(r.lines.size());
                CallLine& l = add(Speaker::Agent, prefix + text, s);
                if (empathy_index >= 0) {
                    l.is_empathy = true;
                    l.empathy_index = empathy_index;
                }
                if (s->kind == StepKind::Offer) l.offer_amount = c.outcome.compensation_amount;
                if (!hit.rule_id.empty()) r.hits.push_back(hit);
            }
            if (s->kind == StepKind::Close) break;
            s = sc.script.find(s->next);
        }
        r.end = c.outcome.first_contact_resolved ? CallEnd::Resolved : c.outcome.escalated ? CallEnd::Escalated : CallEnd::FollowUp;
        r.compensation_given = c.outcome.compensation_amount;
        for (const Approval& a : c.approvals) r.approval_obtained = r.approval_obtained || (a.decided && a.approved);
        return r;
    }

    static const Scorecard* scorecard_for(const Pack& pack, Quadrant q) {
        if (pack.scorecards.empty()) return nullptr;
        if (q == Quadrant::Q1_UrgentImportant)   // a pack's own scorecard for emergency calls, if it has one
            for (const Scorecard& s : pack.scorecards)
                if (s.id.find("emergency") != std::string::npos) return &s;
        return &pack.scorecards.front();
    }

    // Reviewer marks on items only a person can judge, and the odd dispute.
    void review_result(QaRecord& q, Rng& rng) const {
        for (const QaItemResult& it : std::vector<QaItemResult>(q.result.items)) {
            if (!it.needs_reviewer || !rng.chance(it.check == ScoreCheck::Manual ? 0.7 : 0.5)) continue;
            mark_item(q.result, it.item_id, it.weight * static_cast<double>(rng.range(6, 10)) / 10, kInspector.name,
                      rng.chance(0.5) ? "抽听录音后评分" : "按录音复核");
        }
        std::vector<std::string> deductions;
        for (const QaItemResult& it : q.result.items)
            for (const Deduction& d : it.deductions) deductions.push_back(d.id);
        if (deductions.empty() || !rng.chance(0.08)) return;
        static const std::vector<const char*> kWhy = {"这句是在复述客户的原话，不是我的说法", "补偿前已经口头请示过主管",
                                                      "客户当时已经平复，后面电话里也表示满意"};
        const std::int64_t at = q.at + rng.range(2, 72) * kHour;
        if (at >= now_) return;
        const int idx = dispute(q.result, deductions[rng.below(deductions.size())], kWhy[rng.below(kWhy.size())], q.agent, at);
        if (idx < 0) return;
        const std::int64_t decided = at + rng.range(4, 48) * kHour;
        if (decided >= now_ || rng.chance(0.25)) return;   // some are still waiting for the reviewer
        if (rng.chance(0.4))
            accept_dispute(q.result, static_cast<size_t>(idx), kInspector.name, "复听属实，撤销扣分", decided);
        else
            reject_dispute(q.result, static_cast<size_t>(idx), kInspector.name, "复听后维持原判", decided);
    }

    void make_qa_records() {
        Rng rng(mix(seed_, 3));
        for (size_t i = 0; i < ws_.cases.size(); ++i) {
            const Case& c = ws_.cases[i];
            const CaseMeta& m = meta_[i];
            if (c.status != CaseStatus::Closed || !m.responded_at || (c.channel != "phone" && c.channel != "chat")) continue;
            const Quadrant q = effective_quadrant(c);
            if (!rng.chance(q == Quadrant::Q1_UrgentImportant ? std::min(1.0, opt_.qa_share * 2.5) : opt_.qa_share)) continue;
            const Pack& pack = *packs_[m.pack].p;
            const Scorecard* card = scorecard_for(pack, q);
            if (!card) continue;
            const std::string g = m.agent->grade;
            const double p = (g == "trainee" ? 0.3 : g == "agent" ? 0.12 : 0.06) * (1.0 - 0.45 * progress(c.created_at));
            Mistakes mk;
            mk.prohibited = rng.chance(p * 0.8);
            mk.stock = rng.chance(p * 0.7);
            mk.repeat = rng.chance(p * 0.5);
            mk.early_offer = rng.chance(p * 0.6);
            mk.unanswered = rng.chance(p * 0.6);
            QaRecord rec;
            rec.call = build_call(c, m, mk, m.responded_at, rng);
            rec.at = std::min(clamp_past(c.closed_at), rec.call.lines.back().at);
            rec.agent = c.agent;
            rec.case_id = c.id;
            QaOptions o;
            o.satisfaction = c.outcome.satisfaction;
            rec.result = score_call(pack, *card, rec.call, o);
            review_result(rec, rng);
            ws_.qa_records.push_back(std::move(rec));
        }
    }

    // ---------------------------------------------------------------- practice runs
    void make_practice_runs() {
        Rng rng(mix(seed_, 4));
        for (const Staff& s : kStaff) {
            if (std::string(s.grade) != "trainee") continue;
            const int first = days_ * s.starts_at_percent / 100;
            for (int d = first; d < days_; ++d) {
                const std::int64_t start = first_day_ + static_cast<std::int64_t>(d) * kDay;
                const int weekday = static_cast<int>((floor_div(start + kChinaOffset, kDay) % 7 + 7 + 3) % 7);
                if (weekday >= 5 || !rng.chance(std::min(1.0, opt_.practice_per_week / 5.0))) continue;
                const std::int64_t at = start + rng.range(14, 17) * kHour + rng.range(0, kHour - 1);
                if (at >= now_) continue;
                // Skill: from about 55% good replies on the first day to about 97% after eight weeks.
                const double weeks = static_cast<double>(d - first) / 7.0;
                const double skill = std::min(0.97, 0.55 + 0.055 * weeks + 0.06 * (rng.unit() - 0.5));
                practice_one(s, at, skill, rng);
            }
        }
    }

    void practice_one(const Staff& who, std::int64_t at, double skill, Rng& rng) {
        const PackInfo& pi = packs_[rng.below(packs_.size())];
        const Pack& pack = *pi.p;
        if (pack.scorecards.empty()) return;
        const std::uint64_t seed = rng.next();
        const PracticeSetup setup = surprise_me(pack, seed);
        if (setup.scenario_id.empty()) return;
        const Lang lang = rng.chance(0.15) ? Lang::En : Lang::Zh;
        PracticeOptions po;
        po.agent = who.name;
        const std::string grade = grade_id_in(pack, who.grade);
        PracticeSim sim = PracticeSim::start(pack, setup.scenario_id, setup.persona_id, grade, seed, lang, po);
        if (!sim.ok()) return;
        for (int turn = 0; !sim.ended() && turn < 45; ++turn) {
            if (sim.turn().offer_needs_approval && rng.chance(skill)) sim.ask_approval();
            const size_t n = sim.candidate_count();
            if (n == 0) { sim.escalate(); break; }
            std::vector<size_t> good, good_empathy, bad;
            for (size_t i = 0; i < n; ++i) {
                const CandidateKind k = sim.candidate(i).kind;
                if (k == CandidateKind::ScriptWithEmpathy) good_empathy.push_back(i);
                else if (k == CandidateKind::Script) good.push_back(i);
                else bad.push_back(i);
            }
            size_t choice;
            if (rng.chance(skill) || bad.empty()) {
                const bool empathise = !good_empathy.empty() && (good.empty() || rng.chance(0.5));
                choice = empathise ? good_empathy[rng.below(good_empathy.size())]
                                   : !good.empty() ? good[rng.below(good.size())] : rng.below(n);
            } else {
                choice = bad[rng.below(bad.size())];
            }
            sim.choose(choice);
        }
        if (!sim.ended()) sim.escalate();
        const QaResult res = score_call(pack, pack.scorecards.front(), sim.record());
        PracticeRun run;
        run.at = at;
        run.agent = who.name;
        run.pack_id = pack.meta.id;
        run.scenario_id = setup.scenario_id;
        run.persona_id = setup.persona_id;
        run.grade_id = grade;
        run.seed = seed;
        run.percent = res.percent;
        run.final_mood = sim.mood();
        run.end = to_string(sim.end());
        for (const QaItemResult& it : res.items)   // as the practice screen records it
            if (it.weight > 0 && it.status != QaStatus::Unscored && it.status != QaStatus::NotApplicable)
                run.items[it.item_id] = it.earned / it.weight;
        ws_.practice_runs.push_back(std::move(run));
        // Practice calls are filed for the trainer like real ones (QaRecord::call.practice).
        QaRecord rec;
        rec.at = at;
        rec.agent = who.name;
        rec.call = sim.record();
        rec.result = res;
        ws_.qa_records.push_back(std::move(rec));
    }

    // ---------------------------------------------------------------- PDCA and backlog
    std::string next_item_id() {
        char id[32];
        std::snprintf(id, sizeof id, "P-%04llu", static_cast<unsigned long long>(ws_.next_item_number++));
        return id;
    }

    static std::string date_zh(std::int64_t t) {
        const std::int64_t days = floor_div(t + kChinaOffset, kDay);
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        const std::int64_t z = days + 719468;
        const std::int64_t era = floor_div(z, 146097);
        const std::int64_t doe = z - era * 146097;
        const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const std::int64_t mp = (5 * doy + 2) / 153;
        const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
        const std::int64_t mo = mp < 10 ? mp + 3 : mp - 9;
        char b[32];
        std::snprintf(b, sizeof b, "%lld月%lld日", static_cast<long long>(mo), static_cast<long long>(d));
        return b;
    }

    void add_pdca(PdcaItem item) {
        item.id = next_item_id();
        if (item.case_ids.size() > 12) item.case_ids.resize(12);
        ws_.pdca.push_back(std::move(item));
    }

    void make_pdca() {
        // 1. The first incident spike: the full cycle, standardised (act).
        if (!spikes_.empty() && !spikes_[0].case_ids.empty()) {
            const Spike& s = spikes_[0];
            const Pack& p = *packs_[s.pack].p;
            int late = 0;
            for (size_t i = 0; i < ws_.cases.size(); ++i)
                if (meta_[i].spike == 0 && meta_[i].late) ++late;
            const std::string title = text_in(s.plan->title, Lang::Zh);
            PdcaItem it;
            it.title = "突发事件复盘：" + title;
            it.stage = PdcaStage::Act;
            it.problem = date_zh(first_day_ + s.day * kDay) + "起两天内集中进线 " + std::to_string(s.case_ids.size()) +
                         " 单（" + text_in(packs_[s.pack].scenarios[s.scenario].s->title, Lang::Zh) + "），其中 " +
                         std::to_string(late) + " 单首次响应超时。";
            it.target = "同类事件首次响应达标率不低于 90%，当天升级单量减半。";
            it.root_cause = "预案启动靠坐席逐单手动判断；" + role_name(p, s.plan->escalation_ladder.empty() ? "lead" : s.plan->escalation_ladder.front().role, Lang::Zh) +
                            "未在第一时间收到批量通报，外部门响应慢。";
            it.countermeasure = "事件确认后由值班主管一键通报全组；预案清单增加“批量短信告知”一步；高峰时段临时增开两个坐席。";
            it.follow_up = "后续两周同类来电首次响应达标率 93%，升级单量下降 46%。";
            it.standardise = "已写入《" + title + "》第 2 版，纳入季度演练。";
            it.case_ids = s.case_ids;
            add_pdca(std::move(it));
        }
        // 2. The prohibited phrase QA keeps finding (check).
        std::map<std::string, std::vector<std::string>> by_rule;   // rule id -> case ids
        std::map<std::string, std::string> phrase_of;
        for (const QaRecord& q : ws_.qa_records) {
            if (q.call.practice || q.case_id.empty()) continue;
            for (const QaItemResult& it : q.result.items)
                for (const Deduction& d : it.deductions)
                    if (d.rule == "prohibited_phrase" && d.line >= 0)
                        for (const GuardrailHit& h : q.call.hits)
                            if (h.line == d.line) {
                                by_rule[h.rule_id].push_back(q.case_id);
                                phrase_of[h.rule_id] = h.matched;
                            }
        }
        if (!by_rule.empty()) {
            auto top = by_rule.begin();
            for (auto it = by_rule.begin(); it != by_rule.end(); ++it)
                if (it->second.size() > top->second.size()) top = it;
            PdcaItem it;
            it.title = "禁忌语“" + phrase_of[top->first] + "”仍在出现";
            it.stage = PdcaStage::Check;
            it.problem = "近 " + std::to_string(days_) + " 天质检抽检中有 " + std::to_string(top->second.size()) + " 通电话说了“" +
                         phrase_of[top->first] + "”，客户随后的满意度明显偏低。";
            it.target = "下个月抽检中该禁忌语为零。";
            it.root_cause = "新人上线前的话术培训只讲了标准说法，没有练“被客户追问时怎么接”。";
            it.countermeasure = "在陪练里加入追问场景；把“可以改说”的句子贴到坐席工作台的禁忌语提示里。";
            it.follow_up = "已连续三周跟踪抽检结果，出现次数逐周下降，尚未归零。";
            it.case_ids = top->second;
            add_pdca(std::move(it));
        }
        // 3. The scenario customers rate lowest (do).
        {
            std::map<std::pair<size_t, size_t>, std::pair<int, int>> sat;   // (pack, scenario) -> (sum, n)
            for (size_t i = 0; i < ws_.cases.size(); ++i)
                if (ws_.cases[i].outcome.satisfaction && meta_[i].spike < 0) {   // spikes have their own item
                    auto& v = sat[{meta_[i].pack, meta_[i].scenario}];
                    v.first += *ws_.cases[i].outcome.satisfaction;
                    v.second += 1;
                }
            std::pair<size_t, size_t> worst{0, 0};
            double worst_mean = 6;
            for (const auto& [k, v] : sat)
                if (v.second >= 8 && static_cast<double>(v.first) / v.second < worst_mean) {
                    worst_mean = static_cast<double>(v.first) / v.second;
                    worst = k;
                }
            if (worst_mean < 6) {
                const ScenarioInfo& si = packs_[worst.first].scenarios[worst.second];
                PdcaItem it;
                it.title = "提升满意度：" + text_in(si.s->title, Lang::Zh);
                it.stage = PdcaStage::Do;
                char b[64];
                std::snprintf(b, sizeof b, "%.1f", worst_mean);
                it.problem = "该场景客户满意度平均 " + std::string(b) + " 分，为所有场景最低。";
                it.target = "两个月内平均满意度提升到 4.0 分以上。";
                it.root_cause = "客户最在意的“" + (si.s->concerns.empty() ? std::string("处理时效") : text_in(si.s->concerns.front(), Lang::Zh)) +
                                "”在通话里没有被正面回答；解释和补偿常常一口气说完。";
                it.countermeasure = "话术中在补偿前加入“等待客户回应”一步；安抚语库新增三句从优秀录音中整理的话。";
                for (size_t i = 0; i < ws_.cases.size(); ++i)
                    if (meta_[i].pack == worst.first && meta_[i].scenario == worst.second && ws_.cases[i].outcome.satisfaction &&
                        *ws_.cases[i].outcome.satisfaction <= 2)
                        it.case_ids.push_back(ws_.cases[i].id);
                add_pdca(std::move(it));
            }
        }
        // 4. Late first responses in Q3 (plan).
        {
            PdcaItem it;
            it.title = "Q3 急而不重要的请求首次响应超时";
            it.stage = PdcaStage::Plan;
            int late = 0, total = 0;
            for (size_t i = ws_.cases.size(); i-- > 0;) {
                if (effective_quadrant(ws_.cases[i]) != Quadrant::Q3_UrgentNotImportant) continue;
                ++total;
                if (!meta_[i].late) continue;
                ++late;
                it.case_ids.push_back(ws_.cases[i].id);   // the most recent first
            }
            if (total > 0) {
                it.problem = "Q3 请求共 " + std::to_string(total) + " 单，其中 " + std::to_string(late) +
                             " 单首次响应超过目标时间；这类客户等久了容易转成投诉。";
                it.target = "Q3 首次响应达标率从目前水平提升到 95%。";
                it.root_cause = "初步判断：在线渠道排队没有按象限排序，Q3 与 Q4 混在一起先到先得（待数据验证）。";
                add_pdca(std::move(it));
            }
        }
        // 5. The recent spike: just found, only the problem and the target so far (plan).
        if (spikes_.size() > 1 && !spikes_[1].case_ids.empty()) {
            const Spike& s = spikes_[1];
            PdcaItem it;
            it.title = "近期集中进线：" + text_in(packs_[s.pack].scenarios[s.scenario].s->title, Lang::Zh);
            it.stage = PdcaStage::Plan;
            it.problem = date_zh(first_day_ + s.day * kDay) + "前后集中进线 " + std::to_string(s.case_ids.size()) +
                         " 单，预案《" + text_in(s.plan->title, Lang::Zh) + "》多次启动，复盘意见待汇总。";
            it.target = "两周内完成复盘，确定预案需要修改的步骤。";
            it.case_ids = s.case_ids;
            add_pdca(std::move(it));
        }
    }

    void make_backlog() {
        Rng rng(mix(seed_, 5));
        std::vector<PrepItem> items;
        // Preparation that came from Q2 cases: latent needs anticipated.
        std::vector<size_t> q2;
        for (size_t i = 0; i < ws_.cases.size(); ++i)
            if (effective_quadrant(ws_.cases[i]) == Quadrant::Q2_ImportantNotUrgent && ws_.cases[i].created_at > now_ - 45 * kDay)
                q2.push_back(i);
        for (int k = 0; k < 4 && !q2.empty(); ++k) {
            const size_t i = q2[rng.below(q2.size())];
            const Case& c = ws_.cases[i];
            bool dup = false;
            for (const PrepItem& p : items) dup = dup || p.case_id == c.id;
            if (dup) continue;
            PrepItem p;
            p.title = "提前准备：" + text_in(packs_[meta_[i].pack].scenarios[meta_[i].scenario].s->title, Lang::Zh) + "（" +
                      c.customer_name + "）";
            p.owner = c.agent;
            p.case_id = c.id;
            p.created_at = meta_[i].responded_at ? meta_[i].responded_at : c.created_at;
            p.due_at = p.created_at + rng.range(3, 10) * kDay;
            p.done = p.due_at < now_ && rng.chance(0.8);
            items.push_back(std::move(p));
        }
        // Drills for rare emergencies, and script work: Q2 time that shrinks Q1.
        std::vector<std::pair<const Pack*, const ContingencyPlan*>> plans;
        for (const PackInfo& pi : packs_)
            for (const ContingencyPlan& pl : pi.p->plans) plans.push_back({pi.p, &pl});
        static const int kDueDays[] = {-40, -12, 6, 20};
        for (int k = 0; k < 4 && !plans.empty(); ++k) {
            const auto& pl = plans[(static_cast<size_t>(k) * 5 + rng.below(2)) % plans.size()];
            PrepItem p;
            p.title = "应急演练：" + text_in(pl.second->title, Lang::Zh);
            p.owner = kLead.name;
            p.due_at = now_ + kDueDays[k] * kDay + rng.range(0, 8) * kHour;
            p.created_at = std::max(window_start_ + kHour, p.due_at - 21 * kDay);
            p.created_at = std::min(p.created_at, now_ - kDay);
            p.done = p.due_at < now_;
            bool dup = false;
            for (const PrepItem& q : items) dup = dup || q.title == p.title;
            if (!dup) items.push_back(std::move(p));
        }
        for (int k = 0; k < 3; ++k) {
            const PackInfo& pi = packs_[rng.below(packs_.size())];
            const ScenarioInfo& si = pi.scenarios[rng.below(pi.scenarios.size())];
            PrepItem p;
            if (k < 2 || si.personas.empty()) {
                p.title = "补充安抚语：" + text_in(si.s->title, Lang::Zh) + "（从优秀录音中选三句）";
                p.owner = kStaff[static_cast<size_t>(k) % 2].name;
            } else {
                p.title = "为“" + text_in(si.personas.front()->name, Lang::Zh) + "”整理专属知识条目和统一回复";
                p.owner = kStaff[1].name;
            }
            p.created_at = now_ - rng.range(3, 30) * kDay;
            p.due_at = k == 0 ? 0 : p.created_at + rng.range(14, 30) * kDay;
            p.done = k == 1 && p.due_at < now_;
            items.push_back(std::move(p));
        }
        for (PrepItem& p : items) p.created_at = std::max(p.created_at, window_start_ + kHour);   // short histories
        std::stable_sort(items.begin(), items.end(), [](const PrepItem& a, const PrepItem& b) { return a.created_at < b.created_at; });
        for (PrepItem& p : items) {
            p.id = next_item_id();
            ws_.backlog.push_back(std::move(p));
        }
    }
};

}  // namespace

void generate_demo_history(Workspace& ws, std::uint64_t seed, std::int64_t now_ms, const DemoOptions& options) {
    Generator(ws, seed, now_ms, options).run();
}

std::vector<std::string> demo_pack_files() {
    return {"airline-hotline.json", "credit-card-bank.json", "online-travel.json", "ride-hailing.json"};
}

}  // namespace cw
