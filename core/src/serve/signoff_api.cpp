// Request bodies of sign-off and commentary (signoff_api.hpp): strings only, no unknown fields, so a
// typo in a key is an error and not a silently empty reason.
#include "serve/signoff_api.hpp"

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>

#include "serve/http_error.hpp"
#include "serve/json_depth.hpp"

namespace sosei::serve {
namespace {

nlohmann::json object_of(std::string_view body, std::initializer_list<const char*> keys, const char* example) {
  check_json_depth(body, text::Lang::Ja);  // this file's other refusals are not in the catalogue yet
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& e) {
    throw HttpError(400, std::string("the body is not valid JSON (") + e.what() + "): send " + example);
  }
  if (!j.is_object()) throw HttpError(400, std::string("the body must be a JSON object: send ") + example);
  for (const auto& [key, value] : j.items()) {
    bool known = false;
    for (const char* k : keys) known = known || key == k;
    if (!known) throw HttpError(400, "unknown field \"" + key + "\": send " + example);
    if (!value.is_string() && !value.is_null())
      throw HttpError(400, "\"" + key + "\" must be a string: send " + example);
  }
  return j;
}

std::string text(const nlohmann::json& j, const char* key, bool required, const char* example) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    if (required) throw HttpError(400, std::string("no \"") + key + "\": send " + example);
    return "";
  }
  return it->get<std::string>();
}

}  // namespace

app::SignoffRequest parse_signoff_json(std::string_view body) {
  constexpr const char* kExample = R"({"kpi": "startups", "period": "R7", "reason": "…"})";
  const auto j = object_of(body, {"kpi", "period", "reason"}, kExample);
  return {text(j, "kpi", true, kExample), text(j, "period", true, kExample), text(j, "reason", false, kExample)};
}

app::CommentRequest parse_comment_json(std::string_view body) {
  constexpr const char* kExample = R"({"kpi": "startups", "year": "R7", "kind": "why", "text": "…"})";
  const auto j = object_of(body, {"kpi", "year", "kind", "text"}, kExample);
  return {text(j, "kpi", true, kExample), text(j, "year", true, kExample), text(j, "kind", true, kExample),
          text(j, "text", true, kExample)};
}

std::optional<app::SignoffStep> signoff_step(std::string_view name) {
  if (name == "submit") return app::SignoffStep::Submit;
  if (name == "approve") return app::SignoffStep::Approve;
  if (name == "unlock") return app::SignoffStep::Unlock;
  return std::nullopt;
}

int http_status(const app::SignoffRefused& refused) {
  switch (refused.why()) {
    case app::SignoffRefused::Why::NotFound:
      return 404;
    case app::SignoffRefused::Why::Forbidden:
      return 403;
    case app::SignoffRefused::Why::Conflict:
      return 409;
    case app::SignoffRefused::Why::BadInput:
      break;
  }
  return 400;
}

}  // namespace sosei::serve
