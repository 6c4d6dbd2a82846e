// The hub's access check (hub_gate.hpp).
#include "serve/hub_gate.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "serve/api_token.hpp"
#include "serve/http_error.hpp"
#include "serve/request_token.hpp"
#include "text/hub_messages.hpp"

namespace sosei::serve {
namespace {

using text::HubMessages;

// A scope as the reader reads it in a refusal.
std::string scope_words(const app::HubScope& scope, text::Lang lang) {
  switch (scope.kind) {
    case app::HubScope::Kind::All:
      return text::hub_messages(lang).scope_nation;
    case app::HubScope::Kind::City:
      return text::say(lang, &HubMessages::scope_city, scope.city);
    default:
      return app::scope_text(scope);
  }
}

}  // namespace

HubGate::HubGate(const config::Hub& hub, CityTokens city_tokens, std::vector<std::string> cities)
    : hub_(hub), city_tokens_(std::move(city_tokens)), cities_(std::move(cities)), file_(hub.tokens_file) {}

std::vector<app::HubToken> HubGate::hub_tokens() {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string stamp = file_.stamp();
  if (stamp != stamp_) {
    tokens_ = file_.list();
    stamp_ = stamp;
  }
  // Once protected, always: a token file that goes missing or empty while the server runs must not
  // open the hub to whoever reaches it.
  protected_ = protected_ || !tokens_.empty();
  return tokens_;
}

void HubGate::protect() {
  std::lock_guard<std::mutex> lock(mutex_);
  protected_ = true;
}

bool HubGate::guarded() {
  hub_tokens();
  std::lock_guard<std::mutex> lock(mutex_);
  return protected_;
}

bool HubGate::has_active_token() {
  const auto tokens = hub_tokens();
  return std::any_of(tokens.begin(), tokens.end(), [](const auto& t) { return !t.revoked(); });
}

app::HubScope HubGate::admit(const httplib::Request& req, const std::string& city, text::Lang lang) {
  std::vector<app::HubToken> tokens;
  try {
    tokens = hub_tokens();
  } catch (const app::HubTokenFileError& e) {
    // The caller learns nothing of the hub's files; the log has the reason.
    spdlog::error("hub serve: {}", e.what());
    throw HttpError(503, text::hub_messages(lang).tokens_unavailable);
  }
  if (!guarded()) return {};
  const auto token = header_token(req);
  if (!token || token->empty()) throw HttpError(401, text::hub_messages(lang).token_required);
  const std::string sha256 = token_sha256(*token);
  for (const auto& t : tokens) {
    if (t.sha256 != sha256 || t.revoked()) continue;
    if (!city.empty() && !app::scope_within(hub_, app::city_scope(city), t.scope))
      throw HttpError(403, text::say(lang, &HubMessages::token_out_of_scope, scope_words(t.scope, lang),
                                     scope_words(app::city_scope(city), lang)));
    return t.scope;
  }
  // A city's own token: looked up in the city asked for first, then in the others (to say 403, not 401).
  if (!city.empty() && std::find(cities_.begin(), cities_.end(), city) != cities_.end())
    if (auto own = city_tokens_(city, sha256, true); own && !own->revoked()) return app::city_scope(city);
  // The others only where their store is open already: a made-up token must not open every city.
  for (const auto& other : cities_) {
    if (other == city) continue;
    if (auto found = city_tokens_(other, sha256, false); found && !found->revoked()) {
      if (city.empty()) throw HttpError(403, text::say(lang, &HubMessages::city_token_hub_page, other));
      throw HttpError(403, text::say(lang, &HubMessages::token_out_of_scope, scope_words(app::city_scope(other), lang),
                                     scope_words(app::city_scope(city), lang)));
    }
  }
  throw HttpError(401, text::hub_messages(lang).token_unknown);
}

}  // namespace sosei::serve
