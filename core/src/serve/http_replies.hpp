// How every sosei server answers, shared by the city's server (server.hpp) and the hub's
// (hub_server.hpp): JSON and HTML replies with the security headers a dashboard needs, refusals as
// {"error": "..."} under /api/ and /metrics and a short page elsewhere, a handler's exceptions turned
// into their status, and cpp-httplib's own refusals (limits, slow clients) in the same forms.
#pragma once

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <exception>
#include <nlohmann/json.hpp>
#include <string>

#include "serve/bounded_server.hpp"
#include "serve/http_error.hpp"
#include "serve/request_token.hpp"
#include "serve/server.hpp"
#include "text/catalogue.hpp"
#include "text/lang.hpp"
#include "text/phrase.hpp"

namespace sosei::serve {

// Which pages a refusal's page links back to: the city's dashboard and entry form, or the hub's page.
enum class Pages { City, Hub };

void send_json(httplib::Response& res, int status, const nlohmann::json& body);
void send_html(httplib::Response& res, int status, const std::string& html);

// The reader's language: `?lang=ja|en` on the request, else the configured one.
text::Lang request_lang(const httplib::Request& req, text::Lang configured);

void send_error(const httplib::Request& req, httplib::Response& res, int status, const std::string& message,
                text::Lang lang, Pages pages = Pages::City);

// Runs a handler; an HttpError becomes its status, anything else a 500 that is also logged. A token in
// the URL is refused before anything else looks at the request (and the URL is never logged: the
// server logs paths only).
template <class Handler>
void guarded(const httplib::Request& req, httplib::Response& res, text::Lang lang, Handler&& handler,
             Pages pages = Pages::City) {
  try {
    if (token_in_query(req)) throw HttpError(400, text::catalogue(lang).token_in_query);
    handler();
  } catch (const HttpError& e) {
    send_error(req, res, e.status(), e.what(), lang, pages);
  } catch (const std::exception& e) {
    spdlog::error("serve: {} {}: {}", req.method, req.path, e.what());
    send_error(req, res, 500, std::string("internal error: ") + e.what() + " (the server's log has it too)", lang,
               pages);
  }
}

// The connection bounds of `options` for the BoundedServer.
ConnectionLimits connection_limits(const ServeOptions& options);

// Body and time limits, the headers every response carries (no caching of live data), and
// cpp-httplib's own refusals (no route, too large, too slow) answered in the server's two forms in the
// request's language (`configured` when it asks for none).
void apply_limits(BoundedServer& http, const ServeOptions& options, text::Lang configured, Pages pages);

// Binds `http` to the options' address and port (0: any free one) and widens its backlog; the port.
// Throws ServeError saying why it could not.
int bind_address(BoundedServer& http, const ServeOptions& options);

}  // namespace sosei::serve
