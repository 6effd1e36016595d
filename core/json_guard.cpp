// json_guard.cpp — see json_guard.h.
//
// core/json_config.h first (the build also force-includes it): every translation unit must see
// RapidJSON configured the same way.
#include "core/json_config.h"

#include <cereal/archives/json.hpp>

#include "core/json_guard.h"

#include <rapidjson/encodedstream.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <unordered_set>
#include <vector>

namespace cw {

namespace {

bool has_encoded_surrogate(const char* s, size_t len);

std::string mib(size_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buf;
}

std::string size_words(size_t bytes) {
    if (bytes >= 1024u * 1024u) return mib(bytes);
    if (bytes >= 1024u) return std::to_string(bytes / 1024u) + " KiB";
    return std::to_string(bytes) + " bytes";
}

// SAX handler that enforces the bounds while rapidjson reads. Returning false stops the parse.
struct BoundsHandler : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, BoundsHandler> {
    struct Level {
        bool is_object = false;
        size_t count = 0;
        std::unordered_set<std::string> keys;
    };

    const JsonBounds& bounds;
    const std::function<size_t()> tell;
    std::vector<Level> levels;  // reused: cleared, not destroyed, as the parse goes in and out
    int depth = 0;
    std::string message;
    size_t offset = 0;

    BoundsHandler(const JsonBounds& b, std::function<size_t()> t) : bounds(b), tell(std::move(t)) {}

    bool fail(std::string m) {
        message = std::move(m);
        offset = tell();
        return false;
    }

    // Counts a value in the enclosing array (object members are counted at their key).
    bool value() {
        if (depth == 0) return true;
        Level& l = levels[static_cast<size_t>(depth - 1)];
        if (!l.is_object && ++l.count > bounds.max_array_items)
            return fail("a list has more than " + std::to_string(bounds.max_array_items) + " elements");
        return true;
    }

    bool open(bool is_object) {
        if (!value()) return false;
        if (depth >= bounds.max_depth)
            return fail("nesting is deeper than " + std::to_string(bounds.max_depth) + " levels");
        if (levels.size() <= static_cast<size_t>(depth)) levels.emplace_back();
        Level& l = levels[static_cast<size_t>(depth)];
        l.is_object = is_object;
        l.count = 0;
        l.keys.clear();
        ++depth;
        return true;
    }

    bool close() {
        --depth;
        return true;
    }

    bool Default() { return value(); }  // null, bool, integers
    bool Double(double d) {
        if (!std::isfinite(d)) return fail("numbers must be finite (no NaN or Infinity)");
        return value();
    }
    static constexpr const char* kLoneSurrogate =
        "a \\u escape encodes half of a surrogate pair, which is not a character";
    bool String(const char* s, rapidjson::SizeType len, bool) {
        if (len > bounds.max_string_bytes)
            return fail("a text value is " + size_words(len) + "; the limit is " + size_words(bounds.max_string_bytes));
        if (has_encoded_surrogate(s, len)) return fail(kLoneSurrogate);
        return value();
    }
    bool StartObject() { return open(true); }
    bool Key(const char* s, rapidjson::SizeType len, bool) {
        if (len > bounds.max_key_bytes)
            return fail("a key is " + size_words(len) + " long; the limit is " + size_words(bounds.max_key_bytes));
        Level& l = levels[static_cast<size_t>(depth - 1)];
        if (++l.count > bounds.max_object_members)
            return fail("an object has more than " + std::to_string(bounds.max_object_members) + " members");
        if (has_encoded_surrogate(s, len)) return fail(kLoneSurrogate);
        if (!l.keys.emplace(s, len).second)
            return fail("the key \"" + std::string(s, len) + "\" appears twice in the same object");
        return true;
    }
    bool EndObject(rapidjson::SizeType) { return close(); }
    bool StartArray() { return open(false); }
    bool EndArray(rapidjson::SizeType) { return close(); }
};

// rapidjson decodes an unpaired low-surrogate escape ("\uDC00") into the bytes ED B0 80, which
// are not UTF-8: every surrogate encodes as ED A0..BF, which no valid text contains.
bool has_encoded_surrogate(const char* s, size_t len) {
    for (const char* p = static_cast<const char*>(std::memchr(s, '\xED', len)); p;
         p = static_cast<const char*>(std::memchr(p + 1, '\xED', len - static_cast<size_t>(p + 1 - s)))) {
        if (p + 1 < s + len && static_cast<unsigned char>(p[1]) >= 0xA0) return true;
    }
    return false;
}

// 1-based line and column (in code points) of a byte offset.
void locate(std::string_view text, size_t offset, int* line, int* column) {
    int l = 1, c = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
        const unsigned char b = static_cast<unsigned char>(text[i]);
        if (b == '\n') { ++l; c = 1; }
        else if ((b & 0xC0) != 0x80) ++c;  // count lead bytes only
    }
    *line = l;
    *column = c;
}

bool at_non_finite(std::string_view text, size_t offset) {
    for (size_t start : {offset, offset > 0 ? offset - 1 : offset}) {
        if (start >= text.size()) continue;
        std::string_view rest = text.substr(start);
        if (!rest.empty() && rest[0] == '-') rest.remove_prefix(1);
        for (std::string_view w : {"NaN", "nan", "Infinity", "infinity", "Inf", "inf"})
            if (rest.substr(0, w.size()) == w) return true;
    }
    return false;
}

}  // namespace

std::string JsonCheck::describe() const {
    if (ok) return "ok";
    if (line == 0) return message;
    return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message;
}

std::string_view strip_utf8_bom(std::string_view text) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    return text;
}

JsonCheck check_json(std::string_view text, const JsonBounds& bounds) {
    JsonCheck r;
    if (text.size() > bounds.max_bytes) {
        r.ok = false;
        r.message = "the text is " + size_words(text.size()) + "; the limit is " + size_words(bounds.max_bytes);
        return r;
    }
    const size_t bom = text.size() - strip_utf8_bom(text).size();
    // A NUL byte would end rapidjson's input early and hide whatever follows it.
    const size_t nul = text.find('\0');
    if (nul != std::string_view::npos) {
        r.ok = false;
        r.message = "the text contains a NUL byte (is this a binary file?)";
        r.offset = nul;
        locate(text, nul, &r.line, &r.column);
        return r;
    }

    rapidjson::MemoryStream bytes(text.data() + bom, text.size() - bom);
    rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> in(bytes);
    BoundsHandler handler(bounds, [&bytes] { return bytes.Tell(); });
    rapidjson::Reader reader;
    constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;
    const rapidjson::ParseResult pr = reader.Parse<kFlags>(in, handler);
    if (pr) return r;

    r.ok = false;
    if (pr.Code() == rapidjson::kParseErrorTermination && !handler.message.empty()) {
        r.message = handler.message;
        r.offset = bom + handler.offset;
    } else {
        r.offset = bom + pr.Offset();
        if (pr.Code() == rapidjson::kParseErrorValueInvalid && at_non_finite(text, r.offset))
            r.message = "NaN and Infinity are not allowed; numbers must be finite";
        else if (pr.Code() == rapidjson::kParseErrorStringInvalidEncoding)
            r.message = "invalid UTF-8 in a text value (save the file as UTF-8)";
        else
            r.message = rapidjson::GetParseError_En(pr.Code());
    }
    locate(text, r.offset, &r.line, &r.column);
    return r;
}

}  // namespace cw
