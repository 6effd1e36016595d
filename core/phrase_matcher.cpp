// phrase_matcher.cpp — building the automaton (see phrase_matcher.h).
#include "core/phrase_matcher.h"

#include <map>

namespace cw {

void PhraseMatcher::build(const std::vector<std::string>& patterns) {
    struct BuildNode {
        std::map<unsigned char, std::uint32_t> next;   // ordered: edges come out sorted
        std::vector<std::uint32_t> out;
        std::uint32_t fail = 0;
    };
    std::vector<BuildNode> t(1);
    for (std::uint32_t p = 0; p < patterns.size(); ++p) {
        if (patterns[p].empty()) continue;
        std::uint32_t s = 0;
        for (unsigned char c : patterns[p]) {
            auto it = t[s].next.find(c);
            if (it == t[s].next.end()) {
                t.emplace_back();
                const std::uint32_t id = static_cast<std::uint32_t>(t.size() - 1);
                t[s].next[c] = id;
                s = id;
            } else {
                s = it->second;
            }
        }
        t[s].out.push_back(p);
    }
    // Breadth-first: failure links, then outputs inherited from the failure target (already
    // final, since it is shallower).
    std::vector<std::uint32_t> order;
    order.reserve(t.size());
    for (auto& kv : t[0].next) order.push_back(kv.second);
    for (size_t k = 0; k < order.size(); ++k) {
        const std::uint32_t u = order[k];
        for (auto& [c, v] : t[u].next) {
            std::uint32_t f = t[u].fail;
            while (true) {
                auto it = t[f].next.find(c);
                if (it != t[f].next.end() && it->second != v) { t[v].fail = it->second; break; }
                if (f == 0) { t[v].fail = 0; break; }
                f = t[f].fail;
            }
            const auto& inherited = t[t[v].fail].out;
            t[v].out.insert(t[v].out.end(), inherited.begin(), inherited.end());
            order.push_back(v);
        }
    }
    nodes_.assign(t.size(), Node{});
    edge_bytes_.clear();
    edge_targets_.clear();
    outputs_.clear();
    root_.fill(0);
    for (auto& kv : t[0].next) root_[kv.first] = kv.second;
    for (size_t s = 0; s < t.size(); ++s) {
        Node& n = nodes_[s];
        n.fail = t[s].fail;
        n.edge_begin = static_cast<std::uint32_t>(edge_bytes_.size());
        if (s != 0)
            for (auto& kv : t[s].next) {
                edge_bytes_.push_back(kv.first);
                edge_targets_.push_back(kv.second);
            }
        n.edge_end = static_cast<std::uint32_t>(edge_bytes_.size());
        n.out_begin = static_cast<std::uint32_t>(outputs_.size());
        outputs_.insert(outputs_.end(), t[s].out.begin(), t[s].out.end());
        n.out_end = static_cast<std::uint32_t>(outputs_.size());
    }
}

}  // namespace cw
