// practice_sim.cpp — see practice_sim.h.
//
// Determinism: every random choice draws from one splitmix64 stream seeded by the caller, in
// program order, and nothing iterates an unordered container. Change the order of draws and
// every pinned test run changes: that is what the pinned tests are for.
#include "core/practice_sim.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/text_normalize.h"
#include "core/utf8.h"

namespace cw {
namespace {

constexpr double kStepMatch = 0.35;        // token coverage that makes a typed reply "that step"
constexpr size_t kMaxReplyBytes = 2000;    // a reply longer than this is cut (a paste, not a reply)
constexpr int kQuestionTokensToAnswer = 2; // shared content tokens that address a question

LocalizedText lt(std::string zh, std::string en) { return LocalizedText{std::move(zh), std::move(en)}; }


size_t code_points(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

uint32_t last_code_point(std::string_view s) {
    if (s.empty()) return 0;
    size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    uint32_t cp = 0;
    decode_utf8(s, start, cp);
    return cp;
}

bool is_end_punct(uint32_t cp) {
    switch (cp) {
        case '.': case '!': case '?': case 0x3002: case 0xFF01: case 0xFF1F: case 0x2026: case '~': case 0xFF5E:
            return true;
        default:
            return cp >= 0x1F300;  // an emoji ends a message as well as a full stop
    }
}

bool is_any_punct(uint32_t cp) {
    return is_end_punct(cp) || cp == ',' || cp == ';' || cp == ':' || cp == 0xFF0C || cp == 0x3001 ||
           cp == 0xFF1B || cp == 0xFF1A || cp == ' ';
}

std::string strip_end_punct(std::string s) {
    while (!s.empty()) {
        const uint32_t cp = last_code_point(s);
        if (!is_any_punct(cp) || cp >= 0x1F300) break;
        size_t start = s.size() - 1;
        while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
        s.resize(start);
    }
    return s;
}

std::string strip_trailing_space(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
    return s;
}

std::string sentence(std::string s, Lang lang) {
    if (s.empty() || is_end_punct(last_code_point(s))) return s;
    return s + (lang == Lang::Zh ? "。" : ".");
}

// "My flight..." -> "my flight..." for an English clause inside a sentence; "I ..." stays.
std::string lower_first(std::string s) {
    if (s.size() >= 2 && s[0] >= 'A' && s[0] <= 'Z' && !(s[0] == 'I' && (s[1] == ' ' || s[1] == '\'')) &&
        !(s[1] >= 'A' && s[1] <= 'Z'))
        s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

std::string upper_first(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

// The first clause of a Chinese sentence when it is long: Gen Z types short.
std::string first_clause(const std::string& s, size_t max_cps) {
    if (code_points(s) <= max_cps) return s;
    for (const char* sep : {"，", ",", "；"}) {
        const size_t at = s.find(sep);
        if (at != std::string::npos && at > 0) return s.substr(0, at);
    }
    return s;
}

std::string fmt_amount(double v) {
    char buf[32];
    if (std::fabs(v - std::round(v)) < 1e-9) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

LocalizedText style_name(ScriptStyle s) {
    switch (s) {
        case ScriptStyle::Standard: return lt("标准", "standard");
        case ScriptStyle::Cute: return lt("卖萌", "cute");
        case ScriptStyle::Caring: return lt("贴心", "caring");
        case ScriptStyle::StreetWise: return lt("江湖", "street-wise");
        case ScriptStyle::Humorous: return lt("搞笑", "humorous");
    }
    return lt("标准", "standard");
}

bool is_agent_step(StepKind k) { return k != StepKind::WaitForReply && k != StepKind::Branch; }

bool contains_any(const std::string& norm, std::initializer_list<const char*> words) {
    for (const char* w : words)
        if (norm.find(w) != std::string::npos) return true;
    return false;
}

double question_probability(PersonaManner m) {
    switch (m) {
        case PersonaManner::Elderly: return 0.8;  // asks, and asks again
        case PersonaManner::GenZ: return 0.4;     // wants it done, not explained
        case PersonaManner::Brisk: return 0.5;
        case PersonaManner::Plain: return 0.5;
    }
    return 0.5;
}

LocalizedText manner_note(MoodRule rule, PersonaManner m) {
    if (rule == MoodRule::FreshEmpathy) {
        if (m == PersonaManner::Elderly) return lt("（银发客户最看重人情味）", " (older customers value the human touch most)");
        if (m == PersonaManner::GenZ) return lt("（Z世代更在意速度，安抚的分量轻一些）", " (Gen Z care more about speed; soothing counts for less)");
        if (m == PersonaManner::Brisk) return lt("（这位客户要的是结果，安抚的分量轻）", " (this customer wants results; soothing counts for little)");
    }
    if (rule == MoodRule::NoProgress) {
        if (m == PersonaManner::Elderly) return lt("（银发客户有耐心，影响较小）", " (older customers are patient; it costs less)");
        if (m == PersonaManner::GenZ) return lt("（Z世代要的是速度）", " (Gen Z want speed)");
        if (m == PersonaManner::Brisk) return lt("（时间就是钱）", " (time is money to them)");
    }
    return lt("", "");
}

}  // namespace

// ------------------------------------------------------------------ names and tables
const char* to_string(PersonaManner m) {
    switch (m) {
        case PersonaManner::Plain: return "plain";
        case PersonaManner::Elderly: return "elderly";
        case PersonaManner::GenZ: return "gen_z";
        case PersonaManner::Brisk: return "brisk";
    }
    return "plain";
}

PersonaManner manner_of(const Persona& p) {
    if (p.birth_year_to > 0 && p.birth_year_to <= 1965) return PersonaManner::Elderly;
    if (p.birth_year_from >= 1990) return PersonaManner::GenZ;
    std::string words = p.name.zh + " " + p.name.en + " " + p.segment.zh + " " + p.segment.en;
    for (const LocalizedText& t : p.tags) words += " " + t.zh + " " + t.en;
    const std::string n = normalize_for_match(words);
    if (contains_any(n, {"老年", "银发", "长者", "退休", "elderly", "senior", "older", "retire"})) return PersonaManner::Elderly;
    if (contains_any(n, {"z世代", "generation z", "gen z", "gen-z"})) return PersonaManner::GenZ;
    if (contains_any(n, {"时间就是钱", "时间敏感", "时间紧", "赶时间", "结果导向", "要结果", "time is money", "time-sensitive",
                         "in a hurry"}))
        return PersonaManner::Brisk;
    return PersonaManner::Plain;
}

const char* to_string(MoodRule r) {
    switch (r) {
        case MoodRule::FreshEmpathy: return "fresh_empathy";
        case MoodRule::RepeatedEmpathy: return "repeated_empathy";
        case MoodRule::StockEmpathy: return "stock_empathy";
        case MoodRule::ProhibitedPhrase: return "prohibited_phrase";
        case MoodRule::Disclosure: return "disclosure";
        case MoodRule::EarlyCompensation: return "early_compensation";
        case MoodRule::WithinAuthority: return "within_authority";
        case MoodRule::OverAuthority: return "over_authority";
        case MoodRule::QuestionAnswered: return "question_answered";
        case MoodRule::IgnoredQuestion: return "ignored_question";
        case MoodRule::StyleFit: return "style_fit";
        case MoodRule::StyleMismatch: return "style_mismatch";
        case MoodRule::NoProgress: return "no_progress";
        case MoodRule::EscalatedInTime: return "escalated_in_time";
        case MoodRule::EscalatedTooSoon: return "escalated_too_soon";
    }
    return "no_progress";
}

double mood_delta(MoodRule rule, PersonaManner m) {
    switch (rule) {
        case MoodRule::FreshEmpathy:
            return m == PersonaManner::Elderly ? 8 : m == PersonaManner::GenZ ? 4 : m == PersonaManner::Brisk ? 3 : 6;
        case MoodRule::RepeatedEmpathy: return -8;
        case MoodRule::StockEmpathy: return -3;
        case MoodRule::ProhibitedPhrase: return -25;
        case MoodRule::Disclosure: return -20;
        case MoodRule::EarlyCompensation: return -10;
        case MoodRule::WithinAuthority: return 8;
        case MoodRule::OverAuthority: return -12;
        case MoodRule::QuestionAnswered: return 4;
        case MoodRule::IgnoredQuestion: return -10;
        case MoodRule::StyleFit: return 2;
        case MoodRule::StyleMismatch: return -2;
        case MoodRule::NoProgress:
            return m == PersonaManner::Elderly ? -2 : (m == PersonaManner::GenZ || m == PersonaManner::Brisk) ? -6 : -4;
        case MoodRule::EscalatedInTime: return 3;
        case MoodRule::EscalatedTooSoon: return -5;
    }
    return 0;
}

const char* to_string(CandidateKind k) {
    switch (k) {
        case CandidateKind::Script: return "script";
        case CandidateKind::ScriptWithEmpathy: return "script_with_empathy";
        case CandidateKind::StockEmpathy: return "stock_empathy";
        case CandidateKind::RepeatedEmpathy: return "repeated_empathy";
        case CandidateKind::Prohibited: return "prohibited";
        case CandidateKind::EarlyCompensation: return "early_compensation";
        case CandidateKind::IgnoresQuestion: return "ignores_question";
    }
    return "script";
}

PracticeSetup surprise_me(const Pack& pack, std::uint64_t seed) {
    // Same generator as the simulation, its own stream: "surprise me" with seed s and a run
    // with seed s are both reproducible, independently.
    std::uint64_t state = seed ^ 0x5EED5EED5EED5EEDull;
    auto next = [&state]() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    };
    std::vector<const Scenario*> playable;
    for (const Scenario& s : pack.scenarios)
        if (!s.script.steps.empty() && s.script.find(s.script.start)) playable.push_back(&s);
    PracticeSetup out;
    if (playable.empty() || pack.personas.empty()) return out;
    const Scenario* sc = playable[next() % playable.size()];
    out.scenario_id = sc->id;
    std::vector<std::string> personas;
    for (const std::string& id : sc->persona_ids)
        for (const Persona& p : pack.personas)
            if (p.id == id) personas.push_back(id);
    if (personas.empty())
        for (const Persona& p : pack.personas) personas.push_back(p.id);
    out.persona_id = personas[next() % personas.size()];
    return out;
}

// ------------------------------------------------------------------ setup
PracticeSim PracticeSim::start(const Pack& pack, std::string_view scenario_id, std::string_view persona_id,
                               std::string_view grade_id, std::uint64_t seed, Lang lang, const PracticeOptions& options) {
    PracticeSim sim;
    const Scenario* sc = nullptr;
    for (const Scenario& s : pack.scenarios)
        if (s.id == scenario_id) sc = &s;
    const Persona* pe = nullptr;
    for (const Persona& p : pack.personas)
        if (p.id == persona_id) pe = &p;
    const AgentGrade* gr = nullptr;
    for (const AgentGrade& g : pack.grades)
        if (g.id == grade_id) gr = &g;
    if (!sc) sim.error_ = "no scenario with id \"" + std::string(scenario_id) + "\" in pack " + pack.meta.id;
    else if (!pe) sim.error_ = "no persona with id \"" + std::string(persona_id) + "\" in pack " + pack.meta.id;
    else if (!gr) sim.error_ = "no grade with id \"" + std::string(grade_id) + "\" in pack " + pack.meta.id;
    else if (sc->script.steps.empty() || !sc->script.find(sc->script.start))
        sim.error_ = "scenario \"" + sc->id + "\" has no script to practise";
    if (!sim.error_.empty()) {
        sim.ended_ = true;
        return sim;
    }
    sim.lang_ = lang;
    sim.options_ = options;
    if (sim.options_.max_candidates < 2) sim.options_.max_candidates = 2;
    if (sim.options_.max_agent_turns < 1) sim.options_.max_agent_turns = 1;
    sim.rng_ = seed;
    sim.record_.pack_id = pack.meta.id;
    sim.record_.scenario_id = sc->id;
    sim.record_.persona_id = pe->id;
    sim.record_.grade_id = gr->id;
    sim.record_.agent = options.agent;
    sim.record_.practice = true;
    sim.record_.seed = seed;
    sim.init(pack, *sc, *pe, *gr);
    sim.mood_ = sim.initial_mood_ = 45 + static_cast<double>(sim.random_below(11));
    sim.open_call();
    if (!sim.ended_) sim.build_turn();
    return sim;
}

void PracticeSim::init(const Pack& pack, const Scenario& sc, const Persona& p, const AgentGrade& g) {
    scenario_ = sc;
    persona_ = p;
    grade_ = g;
    for (const AgentGrade& other : pack.grades) max_grade_limit_ = std::max(max_grade_limit_, other.compensation_limit);
    rules_ = CallRules(pack, &sc);
    manner_ = manner_of(p);
    const auto& steps = scenario_.script.steps;
    branch_taken_.assign(steps.size(), 0);
    empathy_used_.assign(scenario_.empathy_lines.size(), false);
    phrase_used_.assign(scenario_.typical_phrases.size(), false);
    reason_used_.assign(scenario_.reasons.size(), false);
    concern_used_.assign(scenario_.concerns.size(), false);
    // Every text of every agent step, in the practice language first (what candidates show),
    // then the other one (a trainee may type either).
    for (int pass = 0; pass < 2; ++pass) {
        const Lang l = pass == 0 ? lang_ : (lang_ == Lang::Zh ? Lang::En : Lang::Zh);
        for (size_t i = 0; i < steps.size(); ++i) {
            if (!is_agent_step(steps[i].kind)) continue;
            auto add = [&](ScriptStyle style, const LocalizedText& t) {
                const std::string& side = l == Lang::Zh ? t.zh : t.en;
                if (side.empty()) return;
                StepText st;
                st.step = static_cast<int>(i);
                st.style = style;
                const Lang saved = lang_;
                lang_ = l;
                const std::string filled = fill(t);
                lang_ = saved;
                st.norm = strip_end_punct(normalize_for_match(filled));
                st.tokens = content_tokens(filled);
                step_texts_.push_back(std::move(st));
            };
            add(ScriptStyle::Standard, steps[i].text.standard);
            for (const auto& v : steps[i].text.variants) add(v.first, v.second);
        }
    }
    for (size_t t = 0; t < step_texts_.size(); ++t)
        for (std::uint64_t tok : step_texts_[t].tokens) token_index_.emplace_back(tok, static_cast<std::uint32_t>(t));
    std::sort(token_index_.begin(), token_index_.end());
}

// Script text with the variables filled in from the simulated customer's file: a practice call
// has no real case, so the demo packs' common variables get plausible sample values (a trainee
// should rehearse saying "flight CA1234", not "{flight_no}"). Unknown names stay visible as
// {name}, as they do in the live workbench.
std::string PracticeSim::fill(const LocalizedText& t) const {
    const std::string& text = pick(t, lang_);
    if (text.find('{') == std::string::npos) return text;  // most script lines have no variables
    const bool zh = lang_ == Lang::Zh;
    std::string customer;
    switch (manner_) {
        case PersonaManner::Elderly: customer = zh ? "王阿姨" : "Mrs Wang"; break;
        case PersonaManner::GenZ: customer = zh ? "小陈" : "Chen"; break;
        default: customer = zh ? "张先生" : "Mr Zhang"; break;
    }
    static const std::map<std::string, std::pair<const char*, const char*>> kSample = {
        {"flight_no", {"CA1234", "CA1234"}}, {"new_flight_no", {"CA1288", "CA1288"}},
        {"connection_flight_no", {"MU5101", "MU5101"}}, {"ticket_no", {"999-2345678901", "999-2345678901"}},
        {"case_no", {"C-2026-0412", "C-2026-0412"}}, {"order_no", {"TR20261123001", "TR20261123001"}},
        {"new_time", {"18:40", "18:40"}}, {"diff", {"200", "200"}}, {"amount", {"200", "200"}},
        {"airport", {"首都机场 T3", "Beijing Capital T3"}}, {"destination", {"三亚", "Sanya"}},
        {"refund_days", {"7", "7"}}, {"refund_amount", {"680", "680"}}, {"annual_fee", {"680", "680"}},
        {"plate_no", {"京A·12345", "Jing A·12345"}}, {"waive_count", {"1", "1"}}, {"eta_minutes", {"5", "5"}},
        {"gate", {"C12", "C12"}}, {"child_name", {"乐乐", "Lele"}}, {"counter", {"G 岛值机柜台", "check-in island G"}},
        {"tour_name", {"海南五日游", "Hainan 5-day tour"}}, {"seat_no", {"32A", "32A"}}, {"reply_hours", {"2", "2"}},
        {"meal_type", {"素食", "vegetarian"}}, {"leader_name", {"刘导", "Guide Liu"}},
        {"callback_time", {"今天 17:00 前", "before 17:00 today"}}, {"baggage_ref", {"PEK-CA-48213", "PEK-CA-48213"}},
        {"agent_id", {"8023", "8023"}},
        {"alt_hotel", {"如家精选（三亚湾店）", "Home Inn Select, Sanya Bay"}},
        {"alt_tour", {"海南四日游", "Hainan 4-day tour"}},
        {"apr", {"18.25%", "18.25%"}},
        {"card_last4", {"6688", "6688"}},
        {"case_summary", {"航班延误改签", "rebooking after a delay"}},
        {"change_fee", {"150", "150"}},
        {"day_temp", {"31℃", "31°C"}},
        {"departure_date", {"11月28日", "28 November"}},
        {"departure_time", {"08:15", "08:15"}},
        {"distance", {"12.6", "12.6"}},
        {"doc_name", {"身份证", "ID card"}},
        {"due_day", {"每月 5 日", "the 5th of each month"}},
        {"eta", {"15:20", "15:20"}},
        {"extra_km", {"3.2", "3.2"}},
        {"fee_rate", {"0.5%", "0.5%"}},
        {"flight_status", {"已延误 2 小时", "delayed by 2 hours"}},
        {"hotel_name", {"三亚湾假日酒店", "Sanya Bay Holiday Hotel"}},
        {"late_fee", {"50", "50"}},
        {"local_emergency_no", {"110", "110"}},
        {"meet_time", {"07:30", "07:30"}},
        {"month", {"11", "November"}},
        {"new_date", {"11月30日", "30 November"}},
        {"new_hotel", {"海景度假酒店", "Seaview Resort"}},
        {"new_item", {"新行李箱", "a new suitcase"}},
        {"night_temp", {"22℃", "22°C"}},
        {"official_sms", {"95588", "95588"}},
        {"original_item", {"原行李箱", "the original suitcase"}},
        {"outage_start", {"今天 09:00", "09:00 today"}},
        {"owner_name", {"张伟", "Zhang Wei"}},
        {"periods", {"12", "12"}},
        {"pickup_time", {"14:00", "14:00"}},
        {"price", {"399", "399"}},
        {"refund_date", {"12月3日", "3 December"}},
        {"refund_fee", {"80", "80"}},
        {"registered_name", {"张伟", "Zhang Wei"}},
        {"reply_time", {"今天 18:00 前", "before 18:00 today"}},
        {"review_days", {"3", "3"}},
        {"statement_day", {"每月 20 日", "the 20th of each month"}},
        {"tax_amount", {"120", "120"}},
        {"temp_limit", {"20000", "20000"}},
        {"trip_count", {"2", "2"}},
        {"used_count", {"1", "1"}},
        {"early_fee_rule", {"提前 30 天以上免收手续费", "no fee when cancelled 30 days or more ahead"}},
        {"toll_amount", {"25", "25"}},
        {"this_year_count", {"2", "2"}},
        {"days", {"3", "3"}}};
    std::map<std::string, std::string> vars = {{"customer_name", customer}, {"agent_name", zh ? "小李" : "Li"}};
    for (const auto& kv : kSample) vars.emplace(kv.first, zh ? kv.second.first : kv.second.second);
    return fill_variables(text, vars, nullptr);
}

std::string PracticeSim::step_text(int step, ScriptStyle style) const {
    return fill(scenario_.script.steps[step].text.for_style(style));
}

int PracticeSim::step_index(std::string_view id) const {
    const auto& steps = scenario_.script.steps;
    for (size_t i = 0; i < steps.size(); ++i)
        if (steps[i].id == id) return static_cast<int>(i);
    return -1;
}

std::uint64_t PracticeSim::next_random() {  // splitmix64
    std::uint64_t z = (rng_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

size_t PracticeSim::random_below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(next_random() % n); }

double PracticeSim::random_unit() { return static_cast<double>(next_random() >> 11) * (1.0 / 9007199254740992.0); }

// ------------------------------------------------------------------ the customer
namespace {

// An unused entry of `list` (starting at a random place), marked used; "" when all are used.
template <class Rng>
std::string take_unused(const std::vector<LocalizedText>& list, std::vector<bool>& used, Lang lang, Rng&& below) {
    if (list.empty()) return "";
    const size_t start = below(list.size());
    for (size_t k = 0; k < list.size(); ++k) {
        const size_t i = (start + k) % list.size();
        if (used[i] || pick(list[i], lang).empty()) continue;
        used[i] = true;
        return pick(list[i], lang);
    }
    return "";
}

// A concern ("会不会误了转机", "Missing a connection") as the question a customer would ask.
std::string concern_as_question(const std::string& concern, Lang lang) {
    std::string c = strip_end_punct(concern);
    if (c.empty()) return c;
    if (lang == Lang::Zh) {
        for (const char* w : {"吗", "会不会", "有没有", "能不能", "什么", "怎么", "多久", "几", "哪", "是否", "要不要", "呢"})
            if (c.find(w) != std::string::npos) return c;
        return "那" + c + "呢";
    }
    const std::string n = normalize_for_match(c);
    for (const char* w : {"what", "how", "when", "will", "can", "is ", "are ", "do ", "does", "should", "why", "where", "who"})
        if (n.rfind(w, 0) == 0) return upper_first(c);
    if (n.rfind("whether", 0) == 0 || n.rfind("if ", 0) == 0) return "Can you tell me " + lower_first(c);
    return "What about " + lower_first(c);
}

}  // namespace

void PracticeSim::open_call() {
    const int start = step_index(scenario_.script.start);
    const StepKind k = scenario_.script.steps[start].kind;
    if (k == StepKind::WaitForReply || k == StepKind::Branch) {
        resolve_to(scenario_.script.start, true);
    } else {
        std::string content = take_unused(scenario_.typical_phrases, phrase_used_, lang_, [this](size_t n) { return random_below(n); });
        if (content.empty()) content = pick(scenario_.situation, lang_);
        customer_says(styled_statement(content, true), false, "", StepKind::Say, "");
        expected_ = start;
    }
    if (expected_ < 0 && !ended_) finish_close();
}

// Walks from step `id` through the customer's turns (wait, branch) to the next agent step.
void PracticeSim::resolve_to(std::string id, bool opener) {
    const auto& steps = scenario_.script.steps;
    for (size_t guard = 0; guard <= steps.size(); ++guard) {
        const int i = step_index(id);
        if (i < 0) { expected_ = -1; return; }
        const Step& s = steps[i];
        if (s.kind == StepKind::WaitForReply) {
            // A wait right before a branch: the reply already carries the branch's words.
            const int nb = step_index(s.next);
            int branch = -1;
            if (nb >= 0 && steps[nb].kind == StepKind::Branch) branch = choose_branch(nb);
            if (!replied_) customer_reply(i, branch >= 0 ? nb : -1, opener);
            if (branch >= 0) {
                last_branch_step_ = nb;
                id = steps[nb].branches[branch].next;
                continue;
            }
            id = s.next;
            continue;
        }
        if (s.kind == StepKind::Branch) {
            if (s.branches.empty()) { expected_ = -1; return; }
            const int b = choose_branch(i);
            if (!replied_) customer_reply(i, i, opener);
            last_branch_step_ = i;
            id = s.branches[b].next;
            continue;
        }
        expected_ = i;
        return;
    }
    expected_ = -1;  // a loop of waits and branches only: nothing for the agent to say
}

int PracticeSim::choose_branch(int branch_step) {
    // A branch once chosen stays chosen until the customer's turn there comes again (a loop in
    // the script); then their situation moves on to a branch not taken yet.
    const Step& s = scenario_.script.steps[branch_step];
    const int n = static_cast<int>(s.branches.size());
    std::vector<int> open;
    const int mask = branch_taken_[branch_step];
    for (int b = 0; b < n && b < 30; ++b)
        if (!(mask & (1 << b))) open.push_back(b);
    int chosen;
    if (open.empty()) chosen = n - 1;
    else chosen = open[random_below(open.size())];
    if (chosen < 30) branch_taken_[branch_step] |= 1 << chosen;
    chosen_branch_[branch_step] = chosen;
    return chosen;
}

// Words of the customer that point to `branch` of `branch_step`: a scenario phrase, reason or
// concern containing one of the branch's keywords; else the branch's label, said plainly.
std::string PracticeSim::branch_hint(int branch_step, int branch) {
    const Step& step = scenario_.script.steps[branch_step];
    auto keys_of = [](const Branch& b) {
        std::vector<std::string> keys;
        for (const std::string& k : b.keywords) {
            std::string n = normalize_for_match(k);
            if (!n.empty()) keys.push_back(std::move(n));
        }
        return keys;
    };
    const std::vector<std::string> keys = keys_of(step.branches[branch]);
    std::vector<std::string> other_keys;
    for (size_t b = 0; b < step.branches.size(); ++b)
        if (static_cast<int>(b) != branch)
            for (std::string& k : keys_of(step.branches[b])) other_keys.push_back(std::move(k));
    auto has_any = [](const std::string& n, const std::vector<std::string>& ks) {
        for (const std::string& k : ks)
            if (contains(n, k)) return true;
        return false;
    };
    const std::vector<LocalizedText>* lists[] = {&scenario_.typical_phrases, &scenario_.reasons, &scenario_.concerns};
    std::vector<bool>* used[] = {&phrase_used_, &reason_used_, &concern_used_};
    // Best: an unused phrase naming this branch only ("我要退票"); then a used one; then the
    // branch's label said plainly; a phrase naming other branches too ("想退票或改签") would
    // leave the trainee guessing, so it comes last.
    auto find = [&](bool unused_only, bool exclusive) -> std::string {
        for (int li = 0; li < 3; ++li) {
            const auto& list = *lists[li];
            for (size_t i = 0; i < list.size(); ++i) {
                if (unused_only && (*used[li])[i]) continue;
                const std::string& text = pick(list[i], lang_);
                const std::string n = normalize_for_match(text);
                if (!has_any(n, keys) || (exclusive && has_any(n, other_keys))) continue;
                (*used[li])[i] = true;
                return text;
            }
        }
        return "";
    };
    std::string hint = find(true, true);
    if (hint.empty()) hint = find(false, true);
    if (!hint.empty()) return hint;
    const std::string when = pick(step.branches[branch].when, lang_);
    if (!when.empty())
        return lang_ == Lang::Zh ? "简单说就是：" + strip_end_punct(when) : "In short: " + lower_first(strip_end_punct(when));
    return find(false, false);
}

std::string PracticeSim::acceptance() const {
    const bool zh = lang_ == Lang::Zh;
    if (mood_ < 50) return zh ? "……先这样吧" : "…I suppose so";
    switch (manner_) {
        case PersonaManner::Elderly: return zh ? "好，听你的" : "All right, I'll go with what you say";
        case PersonaManner::GenZ: return zh ? "可以可以" : "ok sounds good";
        case PersonaManner::Brisk: return zh ? "行，就这么办" : "Fine, do it";
        case PersonaManner::Plain: return zh ? "好，就这么办" : "OK, let's do that";
    }
    return zh ? "好" : "OK";
}

std::string PracticeSim::customer_question() {
    std::string c = take_unused(scenario_.concerns, concern_used_, lang_, [this](size_t n) { return random_below(n); });
    return c.empty() ? c : concern_as_question(c, lang_);
}

std::string PracticeSim::styled_statement(std::string content, bool opener) const {
    const bool zh = lang_ == Lang::Zh;
    switch (manner_) {
        case PersonaManner::Elderly:
            if (zh) return (opener ? "喂，你好啊。" : "哦，好的好的。") + sentence(content, lang_) + (opener ? "你说慢一点啊。" : "");
            return (opener ? "Hello dear, " : "Oh, I see. ") + sentence(opener ? lower_first(content) : content, lang_) +
                   (opener ? " Please go slowly with me." : "");
        case PersonaManner::GenZ:
            if (zh) return (opener ? "在吗～" : "") + strip_end_punct(first_clause(content, 14)) + (opener ? " 🙏" : "");
            return (opener ? "hey, " : "") + lower_first(strip_end_punct(content)) + (opener ? " 🙏" : "");
        case PersonaManner::Brisk:
            if (zh) return sentence(content, lang_) + (opener ? "我时间紧，请直接说怎么处理。" : "");
            return sentence(content, lang_) + (opener ? " I'm short on time, so straight to the point please." : "");
        case PersonaManner::Plain:
            if (zh) return (opener ? "你好，" : "嗯，") + sentence(content, lang_);
            return (opener ? "Hi, " : "Well, ") + sentence(lower_first(content), lang_);
    }
    return content;
}

std::string PracticeSim::styled_question(const std::string& q, bool again) const {
    const bool zh = lang_ == Lang::Zh;
    switch (manner_) {
        case PersonaManner::Elderly:
            if (again) return zh ? "我再问一遍啊，刚才说的，" + q + "？" : " Let me ask again, dear, to be sure: " + lower_first(q) + "?";
            return zh ? "还有啊，" + q + "？" : " And one more thing, dear: " + lower_first(q) + "?";
        case PersonaManner::GenZ:
            return zh ? " " + q + "？？" : " " + lower_first(q) + "??";
        case PersonaManner::Brisk:
            return zh ? q + "？直接告诉我。" : " " + q + "? A straight answer, please.";
        case PersonaManner::Plain:
            return zh ? "还有，" + q + "？" : " Also, " + lower_first(q) + "?";
    }
    return q;
}

void PracticeSim::customer_reply(int step, int branch_step, bool opener) {
    const auto& steps = scenario_.script.steps;
    std::string content;
    if (branch_step >= 0) {
        const auto it = chosen_branch_.find(branch_step);
        if (it != chosen_branch_.end()) content = branch_hint(branch_step, it->second);
    }
    auto below = [this](size_t n) { return random_below(n); };
    if (content.empty() && last_agent_step_ >= 0 && steps[last_agent_step_].kind != StepKind::Ask &&
        !record_.lines.empty()) {
        // The agent proposed something and asked ("这样可以吗？"): the customer answers that.
        const std::string& last = record_.lines.back().text;
        const uint32_t cp = last_code_point(strip_trailing_space(last));
        if (cp == '?' || cp == 0xFF1F) content = acceptance();
    }
    if (content.empty()) content = take_unused(scenario_.typical_phrases, phrase_used_, lang_, below);
    if (content.empty()) content = take_unused(scenario_.reasons, reason_used_, lang_, below);
    if (content.empty()) content = lang_ == Lang::Zh ? "好的" : "Okay";
    std::string text = styled_statement(content, opener);
    // Their question: repeating an unanswered one comes first; else perhaps a new concern.
    std::string q = reaction_question_;
    const bool draw = random_unit() < question_probability(manner_);
    bool again = false;
    if (q.empty() && draw && !opener) {
        // Older customers ask again what was already answered: it is how they make sure.
        if (manner_ == PersonaManner::Elderly && !asked_.empty() && random_unit() < 0.35) {
            q = asked_[random_below(asked_.size())];
            again = true;
        } else {
            q = customer_question();
        }
    }
    if (!q.empty() && !again && reaction_question_.empty()) asked_.push_back(q);
    std::string prefix = reaction_;
    if (reaction_question_.empty()) {
        if (mood_ < 30) prefix += lang_ == Lang::Zh ? "我真的很着急。" : "I'm getting really frustrated. ";
        else if (mood_ >= 75 && manner_ != PersonaManner::Elderly)  // the elderly are warm already
            prefix += lang_ == Lang::Zh ? "嗯，好。" : "Right, good. ";
    }
    if (!reaction_question_.empty()) {
        text = prefix + text;  // the reaction already repeats the question
    } else {
        text = prefix + text + (q.empty() ? "" : styled_question(q, again));
    }
    reaction_.clear();
    reaction_question_.clear();
    customer_says(text, !q.empty(), steps[step].id, steps[step].kind, q);
}

void PracticeSim::customer_says(std::string text, bool question, const std::string& step_id, StepKind kind,
                                const std::string& question_text) {
    CallLine l;
    l.speaker = Speaker::Customer;
    l.text = std::move(text);
    l.at = clock_ms_;
    l.step_id = step_id;
    l.step_kind = kind;
    l.is_question = question;
    // Speaking time: older customers speak more slowly. Only for plausible timestamps.
    const double per_cp = manner_ == PersonaManner::Elderly ? 250 : 150;
    clock_ms_ += 1500 + static_cast<std::int64_t>(per_cp * code_points(l.text));
    listen_.on_line(l);
    record_.lines.push_back(l);
    const int index = static_cast<int>(record_.lines.size()) - 1;
    if (question) {
        pending_questions_.push_back(index);
        pending_question_text_ = question_text;
        pending_question_tokens_ = content_tokens(question_text);
    }
    if (!turn_.customer_line.empty()) turn_.customer_line += "\n";
    turn_.customer_line += record_.lines.back().text;
    replied_ = true;
}

void PracticeSim::system_note(std::string text) {
    CallLine l;
    l.speaker = Speaker::System;
    l.text = text;
    l.at = clock_ms_;
    listen_.on_line(l);
    record_.lines.push_back(std::move(l));
    turn_.system_notes.push_back(std::move(text));
}

void PracticeSim::finish(CallEnd end, LocalizedText reason, std::string last_words) {
    if (!last_words.empty()) customer_says(std::move(last_words), false, "", StepKind::Say, "");
    ended_ = true;
    record_.end = end;
    record_.final_mood = mood_;
    end_reason_ = std::move(reason);
    candidates_.clear();
    turn_.candidates.clear();
    turn_.expected_step_id.clear();
    turn_.key_point = LocalizedText{};
    turn_.offer_needs_approval = false;
    turn_.offer_amount = 0;
    turn_.customer_asked = false;
    turn_.number = agent_turns_;
}

void PracticeSim::finish_close() {
    const bool zh = lang_ == Lang::Zh;
    const std::string m = fmt_amount(std::round(mood_));
    const std::string t = fmt_amount(options_.satisfied_at);
    if (mood_ >= options_.satisfied_at) {
        std::string words;
        switch (manner_) {
            case PersonaManner::Elderly: words = zh ? "好好好，谢谢你啊，你真耐心。" : "Thank you, dear, you've been very patient."; break;
            case PersonaManner::GenZ: words = zh ? "好嘞 谢谢 👍" : "ok great thx 👍"; break;
            case PersonaManner::Brisk: words = zh ? "行，就这么办，谢谢。" : "Fine, that works. Thanks."; break;
            case PersonaManner::Plain: words = zh ? "好的，谢谢你。" : "OK, thank you."; break;
        }
        finish(CallEnd::Resolved,
               lt("结束语之后客户满意（情绪 " + m + " ≥ " + t + "）。", "The customer was satisfied after the close (mood " + m + " ≥ " + t + ")."),
               words);
    } else {
        finish(CallEnd::FollowUp,
               lt("结束语说完了，但客户并不满意（情绪 " + m + " < " + t + "）：需要跟进。",
                  "The script closed but the customer was not satisfied (mood " + m + " < " + t + "): a follow-up is needed."),
               zh ? "……行吧，就这样吧。" : "…Fine, I suppose.");
    }
}

// ------------------------------------------------------------------ the trainee
PracticeSim::Classification PracticeSim::classify(std::string_view raw) const {
    Classification k;
    if (!error_.empty()) return k;
    const std::string text = truncate_utf8(sanitize_utf8(raw), kMaxReplyBytes);
    const PreparedText prepared(text);  // normalised and tokenised once for every rule below
    k.hits = rules_.scan(prepared, -1);
    k.empathy_index = rules_.empathy_index(prepared);
    k.stock_empathy = rules_.is_stock_empathy(prepared);
    const std::string& norm = prepared.norm;
    const TextTokens& tokens = prepared.tokens;
    // Shared tokens per step text, through the index (tokens are unique on both sides).
    std::vector<std::uint32_t> shared(step_texts_.size(), 0);
    for (std::uint64_t tok : tokens) {
        auto it = std::lower_bound(token_index_.begin(), token_index_.end(), std::make_pair(tok, std::uint32_t{0}));
        for (; it != token_index_.end() && it->first == tok; ++it) ++shared[it->second];
    }
    double best = 0;
    int best_step = -1;
    ScriptStyle best_style = ScriptStyle::Standard;
    for (size_t t = 0; t < step_texts_.size(); ++t) {
        const StepText& st = step_texts_[t];
        const size_t n = st.tokens.size();
        double score = n == 0 ? 0 : static_cast<double>(shared[t]) / static_cast<double>(n);
        // The whole step text in the reply (a candidate, or the script typed out) is a full match;
        // only worth looking for when its tokens are all there (or it has hardly any).
        if ((shared[t] == n || n <= 2) && !st.norm.empty() && contains(norm, st.norm)) score = 1.0;
        // Ties go to the step the script expects: a line that fits both is the expected one.
        const bool better = score > best + 1e-9 ||
                            (std::fabs(score - best) <= 1e-9 && st.step == expected_ && best_step != expected_);
        if (better) {
            best = score;
            best_step = st.step;
            best_style = st.style;
        }
    }
    const auto& steps = scenario_.script.steps;
    if (best_step >= 0 && best >= kStepMatch) {
        k.step = best_step;
        k.step_id = steps[best_step].id;
        k.style = best_style;
    }
    const OfferMention said = find_offer(prepared);
    if (k.step >= 0 && steps[k.step].kind == StepKind::Offer) {
        k.offer = true;
        k.offer_amount = said.amount > 0 ? said.amount : steps[k.step].offer.amount;
    } else if (k.step >= 0) {
        // The script's own words are not an offer; money the trainee added to them is.
        if (said.amount > 0 && find_offer(pick(steps[k.step].text.standard, lang_)).amount <= 0) {
            k.offer = true;
            k.offer_amount = said.amount;
        }
    } else if (said.found) {
        k.offer = true;
        k.offer_amount = said.amount;
    }
    if (!pending_questions_.empty())
        k.answers = (k.step >= 0 && k.step == expected_) ||
                    shared_tokens(tokens, pending_question_tokens_) >= static_cast<size_t>(kQuestionTokensToAnswer);
    return k;
}

bool PracticeSim::choose(size_t i) {
    if (ended_ || i >= candidates_.size()) return false;
    const std::string text = candidates_[i].text;  // copy: apply() rebuilds the candidates
    return say(text);
}

bool PracticeSim::say(std::string_view raw) {
    if (ended_) return false;
    std::string text = truncate_utf8(sanitize_utf8(raw), kMaxReplyBytes);
    if (normalize_for_match(text).empty()) return false;
    const Classification k = classify(text);
    apply(k, std::move(text));
    return true;
}

void PracticeSim::change(MoodRule rule, int line, LocalizedText reason) {
    MoodChange c;
    c.line = line;
    c.rule = rule;
    c.before = mood_;
    mood_ = std::max(0.0, std::min(100.0, mood_ + mood_delta(rule, manner_)));
    c.after = mood_;
    const LocalizedText note = manner_note(rule, manner_);
    c.reason = lt(reason.zh + note.zh, reason.en + note.en);
    log_.push_back(std::move(c));
}

void PracticeSim::apply(const Classification& k, std::string text) {
    const auto& steps = scenario_.script.steps;
    const bool zh = lang_ == Lang::Zh;
    ++agent_turns_;
    turn_.customer_line.clear();
    turn_.system_notes.clear();
    replied_ = false;
    reaction_.clear();
    reaction_question_.clear();

    const bool heard = listen_.heard;
    CallLine l;
    l.speaker = Speaker::Agent;
    l.text = std::move(text);
    l.at = clock_ms_;
    clock_ms_ += 1000 + 100 * static_cast<std::int64_t>(code_points(l.text));
    if (k.step >= 0) {
        l.step_id = steps[k.step].id;
        l.step_kind = steps[k.step].kind;
    }
    last_agent_step_ = k.step;
    if (k.offer) l.step_kind = StepKind::Offer;
    l.is_empathy = k.empathy_index >= 0;
    l.empathy_index = k.empathy_index;
    l.offer_amount = k.offer ? k.offer_amount : 0;
    l.deviated = k.step != expected_;
    listen_.on_line(l);
    record_.lines.push_back(l);
    const int line = static_cast<int>(record_.lines.size()) - 1;
    const size_t log_before = log_.size();

    // Guardrails: the worst first, as the customer hears them.
    for (GuardrailHit h : k.hits) {
        h.line = line;
        record_.hits.push_back(h);
        if (h.prohibited) {
            const ProhibitedPhrase* p = rules_.prohibited(h.rule_id);
            const LocalizedText phrase = p ? p->phrase : lt(h.matched, h.matched);
            const LocalizedText why = p ? p->why : LocalizedText{};
            change(MoodRule::ProhibitedPhrase, line,
                   lt("说了禁忌语“" + pick(phrase, Lang::Zh) + "”" + (why.empty() ? "。" : "：" + pick(why, Lang::Zh)),
                      "Said the prohibited phrase '" + pick(phrase, Lang::En) + "'" + (why.empty() ? "." : ": " + pick(why, Lang::En))));
            reaction_ += zh ? "你这么说让人很不舒服。" : "That's not a nice thing to hear. ";
        } else {
            const NeverDisclose* n = rules_.never_disclose(h.rule_id);
            const LocalizedText label = n ? n->label : lt(h.rule_id, h.rule_id);
            change(MoodRule::Disclosure, line,
                   lt("透露了不可透露的信息（" + pick(label, Lang::Zh) + "）：客户会担心自己的信息也不安全。",
                      "Disclosed protected information (" + pick(label, Lang::En) + "): the customer wonders what else leaks."));
        }
    }
    // Empathy: fresh helps, repeated hurts, the stock line sounds canned.
    if (k.empathy_index >= 0 && static_cast<size_t>(k.empathy_index) < empathy_used_.size()) {
        const LocalizedText& e = scenario_.empathy_lines[k.empathy_index];
        if (empathy_used_[k.empathy_index]) {
            change(MoodRule::RepeatedEmpathy, line,
                   lt("同一句安抚语说了第二遍（“" + pick(e, Lang::Zh) + "”）：听起来像背稿。",
                      "The same soothing line twice ('" + pick(e, Lang::En) + "'): it sounds recited."));
            reaction_ += zh ? "这句话你刚才已经说过了。" : "You already said that. ";
        } else {
            empathy_used_[k.empathy_index] = true;
            change(MoodRule::FreshEmpathy, line,
                   lt("第一次用这句安抚语（“" + pick(e, Lang::Zh) + "”），说中了客户的处境：客户觉得被理解",
                      "A fresh soothing line ('" + pick(e, Lang::En) + "') that names their situation: the customer feels understood"));
        }
    }
    if (k.stock_empathy) {
        if (stock_used_) {
            change(MoodRule::RepeatedEmpathy, line,
                   lt("又说了一遍“我理解您的心情”：万能句反复用，客户更火大。",
                      "'I understand how you feel' again: the all-purpose line, repeated, makes the customer angrier."));
            reaction_ += zh ? "这句话你刚才已经说过了。" : "You already said that. ";
        } else {
            change(MoodRule::StockEmpathy, line,
                   lt("“我理解您的心情”是万能句，客户听出是套话。", "'I understand how you feel' is the all-purpose line; it sounds canned."));
        }
        stock_used_ = true;
    }
    // Compensation: after hearing the customer out, and within the trainee's authority.
    if (k.offer) {
        record_.compensation_given += k.offer_amount;
        const std::string amount = fmt_amount(k.offer_amount);
        const std::string limit = fmt_amount(grade_.compensation_limit);
        if (!heard) {
            change(MoodRule::EarlyCompensation, line,
                   lt("还没等客户回话就提补偿（" + amount + "）：像是在打发人，也会养出职业投诉。",
                      "Compensation (" + amount + ") before the customer could reply: it feels like being bought off, and it breeds professional complainers."));
            reaction_ += zh ? "我不是来要补偿的，你先听我把话说完。" : "I'm not calling for compensation — hear me out first. ";
        }
        const bool approved = approved_amount_ > 0 && k.offer_amount <= approved_amount_ + 1e-9;
        const bool within = k.offer_amount <= grade_.compensation_limit + 1e-9 || approved;
        if (!within) {
            change(MoodRule::OverAuthority, line,
                   lt("补偿 " + amount + " 超出你的授权上限 " + limit + "，且没有主管批准：这个承诺可能兑现不了。",
                      "An offer of " + amount + " is over your limit of " + limit + " without approval: the promise may not be kept."));
            system_note(zh ? "（系统提示：这笔补偿 " + amount + " 超出你的授权上限 " + limit + "，应先申请主管批准或升级。）"
                           : "(System: this offer of " + amount + " is over your limit of " + limit + "; ask a lead to approve it or escalate.)");
        } else if (heard) {
            change(MoodRule::WithinAuthority, line,
                   lt("听完诉求后，在授权范围内（上限 " + limit + (approved ? "，已获批准" : "") + "）给出了实在的解决办法（" + amount + "）。",
                      "A real solution (" + amount + ") within your authority (limit " + limit + (approved ? ", approved" : "") +
                          "), after hearing the customer out."));
        }
        if (approved) approved_amount_ = 0;  // an approval covers one offer
    }
    // The customer's question: answered, or ignored.
    if (!pending_questions_.empty()) {
        const std::string q = pending_question_text_;
        if (k.answers) {
            for (int qi : pending_questions_) record_.lines[qi].answered = true;
            pending_questions_.clear();
            change(MoodRule::QuestionAnswered, line, lt("回答了客户的问题（“" + q + "”）。", "Answered the customer's question ('" + q + "')."));
        } else {
            change(MoodRule::IgnoredQuestion, line,
                   lt("客户问的“" + q + "”没有得到回应。", "The customer's question ('" + q + "') was left unanswered."));
            reaction_question_ = q;
            reaction_ += zh ? "你还没回答我：" + q + "？" : "You haven't answered me: " + q + "? ";
        }
    }
    // Style: the persona's preferred styles (DOMAIN.md §3 style variants).
    if (k.step >= 0 && k.style != ScriptStyle::Standard && !persona_.preferred_styles.empty()) {
        const bool preferred = std::find(persona_.preferred_styles.begin(), persona_.preferred_styles.end(), k.style) !=
                               persona_.preferred_styles.end();
        const LocalizedText sn = style_name(k.style);
        if (preferred)
            change(MoodRule::StyleFit, line,
                   lt("“" + sn.zh + "”风格正合" + pick(persona_.name, Lang::Zh) + "的口味。",
                      "The " + sn.en + " style suits " + pick(persona_.name, Lang::En) + "."));
        else
            change(MoodRule::StyleMismatch, line,
                   lt("“" + sn.zh + "”风格不是" + pick(persona_.name, Lang::Zh) + "喜欢的说话方式。",
                      "The " + sn.en + " style is not how " + pick(persona_.name, Lang::En) + " like to be spoken to."));
    }
    // Nothing else said about this reply, and it moved nothing: the customer is waiting.
    if (k.step < 0 && log_.size() == log_before) {
        change(MoodRule::NoProgress, line, lt("这句话没有推进问题的解决", "Nothing moved forward"));
        reaction_question_ = zh ? "然后呢" : "So what now";
        switch (manner_) {
            case PersonaManner::Elderly: reaction_ += zh ? "那接下来怎么办呢？" : "So what happens next, dear? "; break;
            case PersonaManner::GenZ: reaction_ += zh ? "所以呢？？" : "so…?? "; break;
            case PersonaManner::Brisk: reaction_ += zh ? "说重点，怎么处理？" : "Get to the point: what are you doing about it? "; break;
            case PersonaManner::Plain: reaction_ += zh ? "然后呢？" : "And then? "; break;
        }
    }

    const std::string m = fmt_amount(std::round(mood_));
    if (mood_ <= options_.hang_up_at + 1e-9) {
        finish(CallEnd::HungUp,
               lt("客户情绪降到 " + m + "（≤ " + fmt_amount(options_.hang_up_at) + "），挂断了电话。",
                  "The customer's mood fell to " + m + " (≤ " + fmt_amount(options_.hang_up_at) + ") and they hung up."),
               zh ? "算了，跟你说不通，我要投诉！" : "Forget it. I'm going to complain.");
        return;
    }
    if (k.step >= 0) {
        const Step& s = steps[k.step];
        if (s.kind == StepKind::Close || s.next.empty()) {
            finish_close();
            return;
        }
        resolve_to(s.next, false);
        if (expected_ < 0) {
            if (!replied_ && !reaction_.empty()) customer_says(reaction_, false, "", StepKind::Say, "");
            finish_close();
            return;
        }
    }
    if (agent_turns_ >= options_.max_agent_turns) {
        finish(CallEnd::HungUp,
               lt("已经回复了 " + std::to_string(agent_turns_) + " 次还没有结果，客户失去耐心挂断了。",
                  "After " + std::to_string(agent_turns_) + " replies with no end in sight, the customer ran out of patience."),
               zh ? "我没时间再耗下去了，先这样吧。" : "I can't spend any longer on this. Goodbye.");
        return;
    }
    if (!replied_ && !reaction_.empty()) {
        // The customer interjects: a reaction, or their question again.
        std::string words = reaction_;
        while (!words.empty() && words.back() == ' ') words.pop_back();
        const std::string q = reaction_question_;
        reaction_.clear();
        reaction_question_.clear();
        customer_says(words, !q.empty(), "", StepKind::Say, q);
    }
    build_turn();
}

bool PracticeSim::ask_approval() {
    if (ended_ || expected_ < 0) return false;
    const Step& s = scenario_.script.steps[expected_];
    if (s.kind != StepKind::Offer) return false;
    const double amount = s.offer.amount;
    if (amount <= grade_.compensation_limit + 1e-9 || approved_amount_ >= amount - 1e-9) return false;
    const bool zh = lang_ == Lang::Zh;
    const std::string a = fmt_amount(amount);
    if (amount <= max_grade_limit_ + 1e-9) {
        approved_amount_ = amount;
        record_.approval_obtained = true;
        system_note(zh ? "（主管已批准这次 " + a + " 的补偿。）" : "(A lead approved compensation of " + a + " for this call.)");
        build_turn();
        return true;
    }
    system_note(zh ? "（主管未批准：" + a + " 超出所有等级的授权，请升级处理。）"
                   : "(Not approved: " + a + " is beyond every grade's limit; escalate instead.)");
    build_turn();
    return false;
}

bool PracticeSim::escalate() {
    if (ended_) return false;
    const auto& steps = scenario_.script.steps;
    const bool zh = lang_ == Lang::Zh;
    ++agent_turns_;
    turn_.customer_line.clear();
    turn_.system_notes.clear();
    const Step* s = expected_ >= 0 ? &steps[expected_] : nullptr;
    const bool script_escalates = s && s->kind == StepKind::Escalate;
    const bool beyond_limit = s && s->kind == StepKind::Offer && s->offer.amount > grade_.compensation_limit + 1e-9 &&
                              approved_amount_ < s->offer.amount - 1e-9;
    CallLine l;
    l.speaker = Speaker::Agent;
    l.at = clock_ms_;
    l.step_kind = StepKind::Escalate;
    if (script_escalates) {
        ScriptStyle style = ScriptStyle::Standard;
        for (ScriptStyle ps : persona_.preferred_styles)
            if (s->text.variants.count(ps)) { style = ps; break; }
        l.text = step_text(expected_, style);
        l.step_id = s->id;
    } else {
        l.text = zh ? "这个我请主管来跟进，他能直接做决定，请您稍等。" : "I'm bringing in my supervisor, who can decide this directly; one moment please.";
        l.deviated = true;
    }
    clock_ms_ += 1000 + 100 * static_cast<std::int64_t>(code_points(l.text));
    listen_.on_line(l);
    record_.lines.push_back(l);
    const int line = static_cast<int>(record_.lines.size()) - 1;
    if (script_escalates || beyond_limit)
        change(MoodRule::EscalatedInTime, line,
               script_escalates ? lt("按流程在该升级的时候升级，交给能处理的人。", "Escalated where the process says to: handed to someone who can act.")
                                : lt("需要的补偿超出你的授权，及时升级给能做决定的人。",
                                     "What's needed is beyond your authority: escalated in time to someone who can decide."));
    else
        change(MoodRule::EscalatedTooSoon, line,
               lt("还没尝试解决就把客户转走了：客户得从头再说一遍。", "Passed the customer on without trying to help: they will have to tell it all again."));
    finish(CallEnd::Escalated, lt("坐席升级处理，通话转交。", "The trainee escalated; the call was handed over."),
           zh ? "好，那我等你们主管。" : "OK, I'll wait for your supervisor.");
    return true;
}

// ------------------------------------------------------------------ candidates
// The first Offer step reachable from `from` (not `from` itself), breadth first; -1 if none.
int PracticeSim::offer_ahead(int from) const {
    const auto& steps = scenario_.script.steps;
    std::vector<bool> seen(steps.size(), false);
    std::vector<int> queue;
    auto push = [&](const std::string& id) {
        const int i = step_index(id);
        if (i >= 0 && !seen[i]) { seen[i] = true; queue.push_back(i); }
    };
    seen[from] = true;
    push(steps[from].next);
    for (const Branch& b : steps[from].branches) push(b.next);
    for (size_t q = 0; q < queue.size(); ++q) {
        const Step& s = steps[queue[q]];
        if (s.kind == StepKind::Offer) return queue[q];
        push(s.next);
        for (const Branch& b : s.branches) push(b.next);
    }
    return -1;
}

bool PracticeSim::verify(const Candidate& c, const Classification& k) const {
    const int step = c.step_id.empty() ? -1 : step_index(c.step_id);
    switch (c.kind) {
        case CandidateKind::Script:
            return k.step == expected_ && k.hits.empty() && k.style == c.style && !k.stock_empathy;
        case CandidateKind::ScriptWithEmpathy:
        case CandidateKind::RepeatedEmpathy:
            return k.step == expected_ && k.hits.empty() && k.empathy_index == c.empathy_index && !k.stock_empathy;
        case CandidateKind::StockEmpathy:
            return k.step == expected_ && k.stock_empathy && k.empathy_index < 0;
        case CandidateKind::Prohibited:
            return !k.hits.empty() && k.step < 0 && !k.offer && !k.answers && k.empathy_index < 0;
        case CandidateKind::EarlyCompensation:
            return k.offer && k.step == step && k.hits.empty() && k.empathy_index < 0 && !k.stock_empathy && !listen_.heard;
        case CandidateKind::IgnoresQuestion:
            return !k.answers && k.hits.empty() && !k.offer && k.empathy_index < 0 && !k.stock_empathy &&
                   (k.step < 0 || k.step == step);
    }
    return false;
}

void PracticeSim::build_turn() {
    const auto& steps = scenario_.script.steps;
    turn_.number = agent_turns_;
    turn_.customer_asked = !pending_questions_.empty();
    candidates_.clear();
    turn_.candidates.clear();
    if (ended_ || expected_ < 0) return;
    const Step& s = steps[expected_];
    turn_.expected_step_id = s.id;
    turn_.key_point = s.key_point;
    turn_.offer_amount = s.kind == StepKind::Offer ? s.offer.amount : 0;
    turn_.offer_needs_approval = s.kind == StepKind::Offer && s.offer.amount > grade_.compensation_limit + 1e-9 &&
                                 approved_amount_ < s.offer.amount - 1e-9;
    const bool zh = lang_ == Lang::Zh;
    const std::string sep = zh ? "" : " ";

    std::vector<Candidate> good, traps;
    auto make = [&](CandidateKind kind, std::string text, int step, ScriptStyle style, int empathy) {
        Candidate c;
        c.kind = kind;
        c.text = std::move(text);
        c.step_id = step >= 0 ? steps[step].id : "";
        c.style = style;
        c.empathy_index = empathy;
        return c;
    };
    // Good ones: the standard text, a variant (the persona's preferred one if the step has it),
    // a fresh empathy line in front. The standard text is kept even if the classifier disagrees
    // (it cannot unless two steps share a text), so there is always a way forward.
    good.push_back(make(CandidateKind::Script, step_text(expected_, ScriptStyle::Standard), expected_, ScriptStyle::Standard, -1));
    ScriptStyle variant = ScriptStyle::Standard;
    for (ScriptStyle ps : persona_.preferred_styles)
        if (ps != ScriptStyle::Standard && s.text.variants.count(ps)) { variant = ps; break; }
    if (variant == ScriptStyle::Standard && !s.text.variants.empty()) variant = s.text.variants.begin()->first;
    if (variant != ScriptStyle::Standard) {
        Candidate c = make(CandidateKind::Script, step_text(expected_, variant), expected_, variant, -1);
        if (verify(c, classify(c.text))) good.push_back(std::move(c));
    }
    std::vector<int> fresh, used;
    for (size_t i = 0; i < empathy_used_.size(); ++i) (empathy_used_[i] ? used : fresh).push_back(static_cast<int>(i));
    if (!fresh.empty() && s.kind != StepKind::Close) {
        const int e = fresh[random_below(fresh.size())];
        const ScriptStyle st = variant != ScriptStyle::Standard ? variant : ScriptStyle::Standard;
        Candidate c = make(CandidateKind::ScriptWithEmpathy, pick(scenario_.empathy_lines[e], lang_) + sep + step_text(expected_, st),
                           expected_, st, e);
        if (verify(c, classify(c.text))) good.push_back(std::move(c));
    }
    // Plausible wrong ones, as trainees really say them.
    std::vector<Candidate> options;
    const auto& prohibited = rules_.prohibited_phrases();
    if (!prohibited.empty()) {
        const ProhibitedPhrase& p = prohibited[random_below(prohibited.size())];
        std::string phrase = pick(p.phrase, lang_);
        if (!zh) phrase = upper_first(phrase);
        options.push_back(make(CandidateKind::Prohibited, sentence(phrase, lang_), -1, ScriptStyle::Standard, -1));
    }
    {
        const LocalizedText& stock = stock_empathy_lines().front();
        options.push_back(make(CandidateKind::StockEmpathy,
                               sentence(pick(stock, lang_), lang_) + sep + step_text(expected_, ScriptStyle::Standard), expected_,
                               ScriptStyle::Standard, -1));
    }
    if (!used.empty()) {
        const int e = used[random_below(used.size())];
        options.push_back(make(CandidateKind::RepeatedEmpathy,
                               pick(scenario_.empathy_lines[e], lang_) + sep + step_text(expected_, ScriptStyle::Standard), expected_,
                               ScriptStyle::Standard, e));
    }
    if (!listen_.heard) {
        const int o = offer_ahead(expected_);
        if (o >= 0)
            options.push_back(make(CandidateKind::EarlyCompensation, step_text(o, ScriptStyle::Standard), o, ScriptStyle::Standard, -1));
    }
    if (!pending_questions_.empty()) {
        // Answering another question: a sibling branch's line; else a polite non-answer.
        int sibling = -1;
        if (last_branch_step_ >= 0)
            for (const Branch& b : steps[last_branch_step_].branches) {
                const int t = step_index(b.next);
                if (t >= 0 && t != expected_ && (steps[t].kind == StepKind::Say || steps[t].kind == StepKind::Ask)) { sibling = t; break; }
            }
        if (sibling >= 0)
            options.push_back(make(CandidateKind::IgnoresQuestion, step_text(sibling, ScriptStyle::Standard), sibling, ScriptStyle::Standard, -1));
        options.push_back(make(CandidateKind::IgnoresQuestion,
                               zh ? "好的，您说的情况我已经记下了。" : "Okay, I've made a note of that.", -1, ScriptStyle::Standard, -1));
    }
    for (size_t i = options.size(); i > 1; --i) std::swap(options[i - 1], options[random_below(i)]);
    const size_t want_traps = 2;  // two chances a turn to learn what not to say
    for (Candidate& c : options) {
        if (traps.size() >= want_traps) break;
        if (verify(c, classify(c.text))) traps.push_back(std::move(c));
    }
    // Together, without duplicates, at most max_candidates (traps kept), in a seeded order.
    std::vector<Candidate> all;
    auto add_unique = [&](Candidate& c) {
        for (const Candidate& o : all)
            if (o.text == c.text) return;
        all.push_back(std::move(c));
    };
    const size_t room_for_good = options_.max_candidates > traps.size() ? options_.max_candidates - traps.size() : 1;
    for (size_t i = 0; i < good.size() && i < room_for_good; ++i) add_unique(good[i]);
    for (Candidate& c : traps)
        if (all.size() < options_.max_candidates) add_unique(c);
    for (size_t i = all.size(); i > 1; --i) std::swap(all[i - 1], all[random_below(i)]);
    candidates_ = std::move(all);
    for (const Candidate& c : candidates_) turn_.candidates.push_back(c.text);
}

}  // namespace cw
