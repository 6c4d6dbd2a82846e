// Masking credentials in URLs (see url_redaction.hpp).
#include "host/url_redaction.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace sosei::host {
namespace {

bool is_secret_name(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kNames{"appid",         "app_id",   "apikey",       "api_key",
                                                           "key",           "token",    "access_token", "secret",
                                                           "client_secret", "password", "signature",    "sig"};
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return std::find(kNames.begin(), kNames.end(), lower) != kNames.end();
}

}  // namespace

std::string redact_url(const std::string& url) {
  const std::size_t query = url.find('?');
  if (query == std::string::npos) return url;
  const std::size_t fragment = url.find('#', query);
  const std::size_t end = fragment == std::string::npos ? url.size() : fragment;
  std::string out = url.substr(0, query + 1);
  for (std::size_t at = query + 1; at <= end;) {
    std::size_t next = url.find('&', at);
    if (next == std::string::npos || next > end) next = end;
    const std::string_view item(url.data() + at, next - at);
    const std::size_t eq = item.find('=');
    if (eq != std::string_view::npos && eq + 1 < item.size() && is_secret_name(item.substr(0, eq)))
      out.append(item.substr(0, eq + 1)).append("***");
    else
      out.append(item);
    if (next < end) out.push_back('&');
    at = next + 1;
  }
  return out + url.substr(end);
}

std::string redact_url_in(std::string text, const std::string& url) {
  if (url.empty()) return text;
  const std::string shown = redact_url(url);
  if (shown == url) return text;
  for (std::size_t at = 0; (at = text.find(url, at)) != std::string::npos; at += shown.size())
    text.replace(at, url.size(), shown);
  return text;
}

}  // namespace sosei::host
