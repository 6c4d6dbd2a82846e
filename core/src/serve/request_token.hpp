// Where a request's department token may come from: the Authorization header, read whole, or (for
// the HTML forms) the urlencoded POST body. Never the URL: browsers, proxies and logs keep URLs.
#pragma once

#include <httplib.h>

#include <optional>
#include <string>

namespace sosei::serve {

// The bearer token of the request's Authorization header, byte for byte (a NUL and what follows
// it included). nullopt: no header, another scheme or an empty token. Two Authorization headers
// give "" (no token matches it): which one was meant is not for the server to guess.
std::optional<std::string> header_token(const httplib::Request& req);

// The "token" field of an application/x-www-form-urlencoded body; the query string is not read.
std::optional<std::string> form_token(const httplib::Request& req);

// The URL's query names a token (token=, access_token=, in any case): the request is refused.
bool token_in_query(const httplib::Request& req);

}  // namespace sosei::serve
