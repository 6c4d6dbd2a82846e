// URLs as people may see them: the values of query parameters that carry credentials (an API's
// application ID or key, which some public APIs accept only in the query: e-Stat's appId) replaced by
// ***, so that a fetched URL can be logged, kept as a state key and named in an error.
#pragma once

#include <string>

namespace sosei::host {

// "https://api.e-stat.go.jp/…/getStatsData?appId=abc&statsDataId=1" → "…?appId=***&statsDataId=1".
// Parameter names compared case-insensitively: appid, app_id, apikey, api_key, key, token,
// access_token, secret, client_secret, password, signature, sig.
std::string redact_url(const std::string& url);

// `text` with every occurrence of `url` replaced by redact_url(url).
std::string redact_url_in(std::string text, const std::string& url);

}  // namespace sosei::host
