// Tokens of a request (request_token.hpp).
#include "serve/request_token.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "serve/api_token.hpp"

namespace sosei::serve {
namespace {

bool names_a_token(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  return name == "token" || name == "access_token";
}

}  // namespace

std::optional<std::string> header_token(const httplib::Request& req) {
  // Not req.get_header_value(): it passes the value through a C string, which ends at a NUL byte,
  // so "Bearer <token>\0garbage" would be read as "<token>".
  const auto [first, last] = req.headers.equal_range("Authorization");
  if (first == last) return std::nullopt;
  if (std::next(first) != last) return std::string();
  return bearer_token(first->second);
}

std::optional<std::string> form_token(const httplib::Request& req) {
  const auto type = req.headers.find("Content-Type");
  if (type == req.headers.end() || !type->second.starts_with("application/x-www-form-urlencoded")) return std::nullopt;
  // The body on its own: req.params mixes it with the query string.
  httplib::Params fields;
  httplib::detail::parse_query_text(req.body, fields);
  const auto [first, last] = fields.equal_range("token");
  if (first == last || first->second.empty()) return std::nullopt;
  if (std::next(first) != last) return std::string();
  return first->second;
}

bool token_in_query(const httplib::Request& req) {
  const auto mark = req.target.find('?');
  if (mark == std::string::npos) return false;
  httplib::Params query;
  httplib::detail::parse_query_text(req.target.substr(mark + 1), query);
  return std::any_of(query.begin(), query.end(), [](const auto& field) { return names_a_token(field.first); });
}

}  // namespace sosei::serve
