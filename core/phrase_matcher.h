// phrase_matcher.h — many phrases found in one pass over a text: an Aho–Corasick automaton over
// bytes (the texts are normalised UTF-8, core/text_normalize.h). Triage signals and guardrail
// phrases both use it, so a text is scanned once whatever the number of phrases.
// The root has a dense table (most bytes of a text leave the automaton at the root, so that
// step must be one load); other states keep their few edges sorted in flat arrays. Outputs are
// inherited along failure links at build time, so a scan never walks output chains.
// Must never: allocate while scanning.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cw {

class PhraseMatcher {
public:
    // Pattern i is reported as i. Empty patterns never match.
    void build(const std::vector<std::string>& patterns);

    // Calls on_match(pattern, end) for every occurrence (end = one past its last byte), in text
    // order; a scan stops early when on_match returns false.
    template <class F>
    void scan(std::string_view text, F&& on_match) const {
        if (nodes_.empty()) return;
        std::uint32_t s = 0;
        for (size_t i = 0; i < text.size(); ++i) {
            s = step(s, static_cast<unsigned char>(text[i]));
            if (s == 0) continue;
            const Node& n = nodes_[s];
            for (std::uint32_t k = n.out_begin; k < n.out_end; ++k)
                if (!on_match(outputs_[k], i + 1)) return;
        }
    }

    size_t state_count() const { return nodes_.size(); }
    bool empty() const { return nodes_.size() <= 1; }

private:
    struct Node {
        std::uint32_t fail = 0, edge_begin = 0, edge_end = 0, out_begin = 0, out_end = 0;
    };
    std::uint32_t step(std::uint32_t s, unsigned char c) const {
        while (s != 0) {
            const Node& n = nodes_[s];
            for (std::uint32_t e = n.edge_begin; e < n.edge_end; ++e) {
                if (edge_bytes_[e] == c) return edge_targets_[e];
                if (edge_bytes_[e] > c) break;   // sorted
            }
            s = n.fail;
        }
        return root_[c];
    }
    std::vector<Node> nodes_;
    std::vector<unsigned char> edge_bytes_;
    std::vector<std::uint32_t> edge_targets_;
    std::vector<std::uint32_t> outputs_;
    std::array<std::uint32_t, 256> root_{};
};

}  // namespace cw
