// cereal_helpers.h — small additions to cereal used by every serialised type in core.
// Include only from .cpp files (pulls in cereal's archives).
#pragma once
#include <cereal/archives/json.hpp>
#include <cereal/cereal.hpp>

#include "core/model.h"

namespace cw {

// Loads `name` if present, else leaves `value` at its default. Lets older saves and
// hand-written packs omit fields that later versions added. (cereal throws on a missing
// name without moving its iterator, so catching here is safe.)
template <class T>
void optional_field(cereal::JSONInputArchive& ar, const char* name, T& value) {
    try {
        ar(cereal::make_nvp(name, value));
    } catch (const cereal::Exception& e) {
        const std::string what = e.what();
        if (what.find("not found") == std::string::npos) throw;  // wrong type etc: report it
    }
}

// Reads the member `name` of the current object with the model's field helpers (model.cpp).
// Inside a LoadTrace that holds the parsed document, an absent optional field costs a lookup
// instead of a thrown exception — tens of thousands per workspace load, and exceptions are
// slow in wasm. Instantiated for the workspace's lists of model types.
template <class T>
void load_member(cereal::JSONInputArchive& ar, const char* name, T& value, bool required);

}  // namespace cw
