// The sign-off and commentary requests of the API and the /entry forms: reading their bodies and
// turning a refusal of the application's rules into its HTTP status (docs/serve.md).
#pragma once

#include <optional>
#include <string_view>

#include "app/actor.hpp"
#include "app/commentary.hpp"
#include "app/signoff.hpp"

namespace sosei::serve {

// {"kpi": "...", "period": "R7", "reason": "..."}: kpi and period required, reason optional (required
// by unlock). Throws HttpError(400).
app::SignoffRequest parse_signoff_json(std::string_view body);
// {"kpi": "...", "year": "R7", "kind": "why|next|committee", "text": "..."}. Throws HttpError(400).
app::CommentRequest parse_comment_json(std::string_view body);

// "submit", "approve", "unlock".
std::optional<app::SignoffStep> signoff_step(std::string_view name);

// NotFound 404, Forbidden 403, Conflict 409, BadInput 400.
int http_status(const app::SignoffRefused& refused);

}  // namespace sosei::serve
