// The hub's server (hub_server.hpp).
#include "serve/hub_server.hpp"

#include <atomic>

#include "app/hub_summary.hpp"
#include "present/hub_json.hpp"
#include "serve/bounded_server.hpp"
#include "serve/http_replies.hpp"
#include "serve/hub_page.hpp"
#include "serve/loopback.hpp"
#include "serve/view_query.hpp"
#include "text/hub_messages.hpp"

namespace sosei::serve {
namespace {

using httplib::Request;
using httplib::Response;

}  // namespace

struct HubServer::Impl {
  Impl(const config::Hub& h, std::string database, text::Lang l, ServeOptions o)
      : hub(h),
        database_override(std::move(database)),
        configured(l),
        options(std::move(o)),
        http(connection_limits(options)) {}

  const config::Hub& hub;
  std::string database_override;
  text::Lang configured;
  ServeOptions options;
  BoundedServer http;
  std::atomic<bool> stop_requested{false};

  text::Lang lang(const Request& req) const { return request_lang(req, configured); }

  struct View {
    app::HubScope scope;
    app::HubSort sort = app::HubSort::Code;
    app::HubSummary summary;
  };

  // The scope and order the request asks for (400 for one the hub does not have), and the summary.
  View view(const Request& req) {
    const text::Lang l = lang(req);
    View v;
    try {
      v.scope = app::hub_scope(hub, single_param(req.params, "prefecture"), single_param(req.params, "group"));
      v.sort = app::hub_sort(single_param(req.params, "sort"));
    } catch (const app::HubRequestError& e) {
      throw HttpError(400, e.text()(text::Locale{l, text::YearStyle::Era}));
    }
    v.summary = app::summarize_hub({.hub = &hub,
                                    .scope = v.scope,
                                    .database_override = database_override,
                                    .sort = v.sort,
                                    .lock_wait = std::chrono::milliseconds(5000)});
    return v;
  }

  void routes() {
    http.Get("/", [this](const Request& req, Response& res) {
      guarded(
          req, res, lang(req),
          [&] {
            const View v = view(req);
            send_html(res, 200, hub_page_html(hub, v.scope, v.sort, v.summary, lang(req)));
          },
          Pages::Hub);
    });
    http.Get("/api/hub", [this](const Request& req, Response& res) {
      guarded(
          req, res, lang(req),
          [&] {
            const View v = view(req);
            send_json(res, 200, present::to_json(hub, v.scope, v.summary));
          },
          Pages::Hub);
    });
    http.Get("/metrics", [this](const Request& req, Response& res) {
      guarded(
          req, res, lang(req),
          [&] { res.set_content(hub_metrics_text(view(req).summary), "text/plain; version=0.0.4; charset=utf-8"); },
          Pages::Hub);
    });
  }
};

HubServer::HubServer(const config::Hub& hub, std::string database_override, text::Lang lang, ServeOptions options)
    : impl_(std::make_unique<Impl>(hub, std::move(database_override), lang, std::move(options))) {
  apply_limits(impl_->http, impl_->options, lang, Pages::Hub);
  impl_->routes();
}

HubServer::~HubServer() = default;

int HubServer::bind() {
  const std::string& address = impl_->options.bind;
  if (!is_loopback(address))
    throw ServeRefused(text::say(impl_->configured, &text::HubMessages::not_loopback, address));
  return bind_address(impl_->http, impl_->options);
}

bool HubServer::listen() {
  if (impl_->stop_requested) return true;
  return impl_->http.listen_after_bind();
}

void HubServer::stop() {
  impl_->stop_requested = true;
  impl_->http.stop();
  impl_->http.stop_connections();
}

}  // namespace sosei::serve
