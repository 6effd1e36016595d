// json_guard.h — checks a JSON text a user gave us (a pack, a save, a command) BEFORE cereal or
// any DOM sees it: size, nesting depth, string/key/array/object sizes, UTF-8, finite numbers,
// unique keys. It parses with rapidjson's iterative SAX reader (no recursion, so 100,000 '['
// cannot overflow the stack) and builds nothing, so a hostile file costs little memory.
// Must never: throw, allocate in proportion to anything but the input's nesting, or accept a
// document that cereal's own (recursive) parse could choke on.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace cw {

// The limits. Defaults fit content packs with a wide margin (the four demo packs are each
// well under 1 MiB and about 8 levels deep); callers may tighten them, e.g. for commands.
struct JsonBounds {
    size_t max_bytes = 16u * 1024u * 1024u;         // whole text
    int max_depth = 64;                             // nested arrays/objects
    size_t max_string_bytes = 1024u * 1024u;        // one string value, UTF-8 bytes
    size_t max_key_bytes = 1024;                    // one object key (keys are field names)
    size_t max_array_items = 100000;                // elements in one array
    size_t max_object_members = 10000;              // members in one object
};

struct JsonCheck {
    bool ok = true;
    std::string message;   // what is wrong, in words ("nesting is deeper than 64 levels")
    size_t offset = 0;     // byte offset into the text
    int line = 0;          // 1-based; 0 when the problem is the whole text (e.g. its size)
    int column = 0;        // 1-based, in characters (UTF-8 code points)
    // "line 3, column 14: Missing a comma or '}' after an object member."
    std::string describe() const;
};

// A leading UTF-8 byte-order mark is accepted (Windows editors add one) and ignored.
JsonCheck check_json(std::string_view text, const JsonBounds& bounds = JsonBounds{});

// `text` without a leading UTF-8 byte-order mark.
std::string_view strip_utf8_bom(std::string_view text);

}  // namespace cw
