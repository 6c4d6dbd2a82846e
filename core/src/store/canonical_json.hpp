// Dimensions as canonical JSON text: an object with keys in byte order, no spaces, UTF-8 kept as is,
// so equal dimension sets give equal text (part of an observation's unique key). {} when empty.
#pragma once

#include <string>
#include <string_view>

#include "store/store.hpp"

namespace sosei::store {

// Appends to `out` so a caller can reuse one buffer per row. Throws StoreError on invalid UTF-8.
void append_canonical_json(const Dimensions& dimensions, std::string& out);
std::string canonical_json(const Dimensions& dimensions);

// Reads a stored dimensions object back (any valid JSON object of strings). Throws StoreError.
Dimensions parse_dimensions(std::string_view json);

}  // namespace sosei::store
