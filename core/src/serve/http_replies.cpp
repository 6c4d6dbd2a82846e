// How every sosei server answers (http_replies.hpp).
#include "serve/http_replies.hpp"

#include <sys/socket.h>

#include "report/html_escape.hpp"

namespace sosei::serve {
namespace {

using httplib::Request;
using httplib::Response;

// The pages are self-contained: inline style and script (the report's own, never from data), inline
// SVG, forms posting to this server only, and no framing by other sites.
constexpr const char* kHtmlPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

// A hub serves each city's API under /city/{code}/ (hub_server.cpp).
bool wants_json(std::string_view path) {
  if (path.starts_with("/city/") && path.size() > 12 && path[12] == '/') path.remove_prefix(12);
  return path.starts_with("/api/") || path == "/metrics";
}

std::string error_page(int status, const std::string& message, text::Lang lang, Pages pages) {
  const text::Catalogue& c = text::catalogue(lang);
  const std::string links = pages == Pages::City
                                ? "<a href=\"/\">" + report::html_escape(c.dashboard) + "</a> · <a href=\"/entry\">" +
                                      report::html_escape(c.entry_title) + "</a>"
                                : "<a href=\"/\">" + report::html_escape(c.dashboard) + "</a>";
  return std::string("<!DOCTYPE html>\n<html lang=\"") + (lang == text::Lang::En ? "en" : "ja") +
         "\"><head><meta charset=\"utf-8\"><title>" + std::to_string(status) + "</title></head><body><h1>" +
         std::to_string(status) + "</h1><p>" + report::html_escape(message) + "</p><p>" + links +
         "</p></body></html>\n";
}

std::string default_message(const Request& req, int status, const ServeOptions& options, text::Lang l, Pages pages) {
  const text::Catalogue& c = text::catalogue(l);
  switch (status) {
    case 404:  // the hub has no hand entry: each names its own pages
      return text::say(l, pages == Pages::Hub ? &text::Catalogue::hub_page_not_found : &text::Catalogue::page_not_found,
                       req.method, req.path);
    case 408:
      return text::say(l, &text::Catalogue::request_too_slow, options.read_timeout.count());
    case 413:
      return text::say(l, &text::Catalogue::body_too_large, options.max_body_bytes);
    case 414:
      return c.uri_too_long;
    case 431:
      return text::say(l, &text::Catalogue::headers_too_large, ConnectionLimits{}.max_head_bytes);
    case 400:
      return c.bad_request;
    default:
      return "HTTP " + std::to_string(status);
  }
}

}  // namespace

void send_json(Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  // Replace, not throw: a refusal may quote bytes the client sent that are not UTF-8 (a KPI name in
  // the path, the parser's "last read" of a body), and throwing here turned a 400 into a 500.
  res.set_content(body.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n",
                  "application/json; charset=utf-8");
}

void send_html(Response& res, int status, const std::string& html) {
  res.status = status;
  res.set_header("Content-Security-Policy", kHtmlPolicy);
  res.set_content(html, "text/html; charset=utf-8");
}

text::Lang request_lang(const Request& req, text::Lang configured) {
  if (const auto lang = text::parse_lang(req.get_param_value("lang"))) return *lang;
  return configured;
}

void send_error(const Request& req, Response& res, int status, const std::string& message, text::Lang lang,
                Pages pages) {
  if (status == 401) res.set_header("WWW-Authenticate", "Bearer realm=\"sosei\"");
  // A 503 of a handler: the database was busy with another writer; nothing was saved.
  if (status == 503) res.set_header("Retry-After", "5");
  if (wants_json(req.path))
    send_json(res, status, {{"error", message}});
  else
    send_html(res, status, error_page(status, message, lang, pages));
}

ConnectionLimits connection_limits(const ServeOptions& o) {
  ConnectionLimits l;
  l.idle_timeout = o.keep_alive_timeout;
  l.request_timeout = o.read_timeout;
  // A chunked body's sizes and line ends count too: 4 KiB of framing is dozens of chunks of a body
  // at its limit (what httplib 0.11 reads of a chunked body is bounded only by this).
  l.max_body_wire_bytes = o.max_body_bytes + 4096;
  l.max_connections = o.max_connections;
  l.max_connections_per_client = o.max_connections_per_client;
  return l;
}

void apply_limits(BoundedServer& http, const ServeOptions& options, text::Lang configured, Pages pages) {
  http.set_payload_max_length(options.max_body_bytes);
  http.set_read_timeout(options.read_timeout);
  http.set_write_timeout(options.write_timeout);
  http.set_keep_alive_timeout(options.keep_alive_timeout.count());
  http.set_keep_alive_max_count(100);
  // Responses are live data (and the entry page may hold a token in its form): never cached.
  http.set_default_headers(
      {{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}, {"Cache-Control", "no-store"}});
  // What cpp-httplib answers on its own (no route, body too large, bad request) in our two forms.
  http.set_error_handler(
      httplib::Server::HandlerWithResponse([options, configured, pages](const Request& req, Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        // httplib's own refusals: the request may not have been read to its end, so the rest of the
        // connection is not a request. The connection's reader knows which bound stopped it.
        if (res.status != 404) BoundedServer::close_after_response();
        // httplib says 400 for any read that failed; the connection's reader knows which bound it was.
        if (res.status == 400) switch (BoundedServer::read_stop()) {
            case ReadStop::HeadTooLarge:
              res.status = 431;
              break;
            case ReadStop::BodyTooLarge:
              res.status = 413;
              break;
            case ReadStop::TooSlow:
              res.status = 408;
              break;
            case ReadStop::None:
              break;
          }
        const text::Lang lang = request_lang(req, configured);
        send_error(req, res, res.status, default_message(req, res.status, options, lang, pages), lang, pages);
        return httplib::Server::HandlerResponse::Handled;
      }));
  // Not reached by the routes (guarded catches); a last resort that neither leaks what() in a header
  // (httplib's own EXCEPTION_WHAT) nor lets a second exception escape.
  http.set_exception_handler([configured, pages](const Request& req, Response& res, const std::exception_ptr&) {
    spdlog::error("serve: {} {}: unexpected exception", req.method, req.path);
    send_error(req, res, 500, "internal error (the server's log has it)", request_lang(req, configured), pages);
  });
  const text::Catalogue& c = text::catalogue(configured);
  http.set_refusal_texts({c.server_busy,
                          text::say(configured, &text::Catalogue::request_too_slow, options.read_timeout.count()),
                          c.uri_too_long});
  http.set_logger([](const Request& req, const Response& res) {
    spdlog::debug("serve: {} {} → {}", req.method, req.path, res.status);
  });
}

int bind_address(BoundedServer& http, const ServeOptions& options) {
  const std::string& address = options.bind;
  int port = options.port;
  if (port == 0) {
    port = http.bind_to_any_port(address);
    if (port < 0) port = 0;
  } else if (!http.bind_to_port(address, port)) {
    port = 0;
  }
  if (port > 0) http.widen_backlog(SOMAXCONN);
  if (port <= 0)
    throw ServeError("cannot listen on " + address + ":" + std::to_string(options.port) +
                     ": the address is not on this machine or the port is taken (choose another with --port)");
  return port;
}

}  // namespace sosei::serve
