// Who is writing: the department token presented with an entry, looked up by its SHA-256. A found,
// active token is marked used; anything else is a 401 that says how to get a token.
#pragma once

#include <optional>
#include <string>

#include "store/store.hpp"
#include "text/lang.hpp"

namespace sosei::serve {

// `token`: the presented text (nullopt: none was presented). Throws HttpError(401) worded in `lang`,
// a revocation time shown in `time_zone`.
store::ApiToken authenticate(store::Store& store, const std::optional<std::string>& token, text::Lang lang,
                             std::string_view time_zone);

}  // namespace sosei::serve
