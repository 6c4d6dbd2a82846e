// Who is asking the hub's server (docs/hub.md, "Access"), and what they may read. A hub that never had
// a token of its own answers everyone, on loopback only (as before tokens existed). Once it has one —
// even revoked since: revoking the last token must not open the hub — every request must bring a
// token in its Authorization header:
// - a hub token (`sosei hub token create`) reads its scope: the nation every city, a prefecture its
//   municipalities, a group its members;
// - a city's own token (its department's or its policy division's, in the city's store) reads that
//   city's pages under /city/{code}/ and nothing else.
// Anything else is a 401; a token asking outside its scope is a 403 that shows nothing of the city asked.
#pragma once

#include <httplib.h>

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/hub_access.hpp"
#include "store/store.hpp"
#include "text/lang.hpp"

namespace sosei::serve {

class HubGate {
 public:
  // Finds a city's own token by its hash in that city's store (nullopt: none there, or the store
  // cannot be read); `may_open`: whether the city's store may be opened for it, else only looked in
  // when open already.
  using CityTokens =
      std::function<std::optional<store::ApiToken>(const std::string& code, const std::string& sha256, bool may_open)>;

  // `cities`: the cities whose own tokens the hub accepts (those it serves pages of).
  HubGate(const config::Hub& hub, CityTokens city_tokens, std::vector<std::string> cities);

  // Whether every request needs a token: the hub's token file held a token (active or revoked) since
  // the server started, or it is served beyond loopback (protect()).
  bool guarded();
  void protect();
  // Whether one of them is active (the hub may then be served beyond loopback).
  bool has_active_token();

  // The scope the request may read. `city`: the city whose pages are asked for; empty for the hub's own
  // pages. Throws HttpError: 401 without a token or with one nobody has, 403 for a city's token on the
  // hub's pages or on another city's, 503 when the token file cannot be read (nobody is let in).
  app::HubScope admit(const httplib::Request& req, const std::string& city, text::Lang lang);

 private:
  // The hub's tokens, read again when the file changed (a revocation holds at the next request).
  std::vector<app::HubToken> hub_tokens();

  const config::Hub& hub_;
  CityTokens city_tokens_;
  std::vector<std::string> cities_;
  app::HubTokens file_;
  std::mutex mutex_;
  std::string stamp_ = "-";
  bool protected_ = false;
  std::vector<app::HubToken> tokens_;
};

}  // namespace sosei::serve
