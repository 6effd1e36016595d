// json_config.h — how every translation unit uses RapidJSON (directly or through cereal).
// Force-included by CMake into all core/app/test code so the settings are the same everywhere
// (they change inline functions: mixing them would break the one-definition rule).
//  - assertions throw instead of aborting/segfaulting: cereal reading a string where the file
//    has a number must become a message, not a crash (RapidJSON's default assert is a no-op
//    in release builds and then dereferences garbage);
//  - parsing is iterative (no stack overflow on deep nesting), validates UTF-8 and refuses
//    NaN/Infinity; writing refuses them too, so we never write what we cannot read back.
#pragma once
#include <stdexcept>

#ifndef RAPIDJSON_ASSERT
#define RAPIDJSON_ASSERT_THROWS
#define RAPIDJSON_ASSERT(x) \
    if (!(x)) throw std::runtime_error("unexpected JSON value (" #x ")")
#endif
#define RAPIDJSON_PARSE_DEFAULT_FLAGS \
    (kParseFullPrecisionFlag | kParseIterativeFlag | kParseValidateEncodingFlag)
#define RAPIDJSON_WRITE_DEFAULT_FLAGS kWriteNoFlags
#define RAPIDJSON_HAS_STDSTRING 1
