// The hub's server (hub_server.hpp).
#include "serve/hub_server.hpp"

#include <spdlog/spdlog.h>

#include <atomic>
#include <mutex>

#include "app/hub_access.hpp"
#include "app/hub_indicators.hpp"
#include "app/hub_summary.hpp"
#include "app/merged_history.hpp"
#include "app/user_input.hpp"
#include "present/hub_json.hpp"
#include "serve/api.hpp"
#include "serve/bounded_server.hpp"
#include "serve/http_replies.hpp"
#include "serve/hub_gate.hpp"
#include "serve/hub_indicators_page.hpp"
#include "serve/hub_page.hpp"
#include "serve/live_data.hpp"
#include "serve/loopback.hpp"
#include "serve/view_query.hpp"
#include "text/hub_messages.hpp"

namespace sosei::serve {
namespace {

using httplib::Request;
using httplib::Response;
using text::HubMessages;

// One city's dashboard and read API at the hub: its own environment, a read-only connection to where
// the hub keeps its data, and the same live views `sosei serve` has.
struct CityPages {
  explicit CityPages(const app::Environment& e)
      : reads(e.open_store(std::chrono::milliseconds(5000), app::StoreOpen::ReadOnly)), live(e, reads) {}
  StoreAccess reads;
  LiveData live;
};

std::vector<std::string> codes_of(const std::map<std::string, const app::Environment*>& pages) {
  std::vector<std::string> out;
  out.reserve(pages.size());
  for (const auto& [code, env] : pages) out.push_back(code);
  return out;
}

}  // namespace

struct HubServer::Impl {
  Impl(const config::Hub& h, std::string database, text::Lang l, ServeOptions o,
       std::map<std::string, const app::Environment*> pages)
      : hub(h),
        database_override(std::move(database)),
        configured(l),
        options(std::move(o)),
        city_envs(std::move(pages)),
        gate(
            hub,
            [this](const std::string& code, const std::string& sha256, bool may_open) {
              return city_token(code, sha256, may_open);
            },
            codes_of(city_envs)),
        http(connection_limits(options)) {}

  const config::Hub& hub;
  std::string database_override;
  text::Lang configured;
  ServeOptions options;
  std::map<std::string, const app::Environment*> city_envs;
  std::mutex pages_mutex;
  std::map<std::string, std::unique_ptr<CityPages>> opened;  // under pages_mutex; opened on first use
  HubGate gate;
  BoundedServer http;
  std::atomic<bool> stop_requested{false};

  text::Lang lang(const Request& req) const { return request_lang(req, configured); }

  // A city's pages, its store opened on first use. 404 for a city the hub does not serve pages of;
  // 503 while its store cannot be opened (not there yet, moved), tried again at the next request.
  CityPages& pages(const std::string& code, text::Lang l) {
    const auto env = city_envs.find(code);
    if (env == city_envs.end()) {
      const auto* city = hub.city(code);
      if (!city) throw HttpError(404, text::say(l, &HubMessages::city_not_in_hub, code));
      throw HttpError(404, text::say(l, &HubMessages::city_without_pages, code, city->name));
    }
    std::lock_guard<std::mutex> lock(pages_mutex);
    auto& slot = opened[code];
    if (!slot) {
      try {
        slot = std::make_unique<CityPages>(*env->second);
        continue_merged_history(code, *env->second, slot->live);
      } catch (const store::StoreError& e) {
        throw HttpError(503, text::say(l, &HubMessages::state_unreachable, e.message(l)));
      }
    }
    return *slot;
  }

  // A city formed by a merger shows its predecessors' values for the periods before it (docs/hub.md
  // "Mergers"), as the hub's shared indicators do, noted in the language the request asks for.
  void continue_merged_history(const std::string& code, const app::Environment& env, LiveData& live) const {
    const config::HubCity* city = hub.city(code);
    if (!city || city->predecessors.empty()) return;
    const std::string shared = database_override.empty() ? hub.database : database_override;
    // The predecessors' stores, opened at the first request and kept, as the city's own; requests
    // read them one at a time. One that fails while read is opened again at the next request, and
    // this one is answered with the city's own rows.
    struct History {
      std::mutex mutex;
      std::unique_ptr<app::Predecessors> predecessors;
    };
    auto history = std::make_shared<History>();
    live.continue_history([this, city, shared, &env, history](evaluate::ObservationsByKpi& observations,
                                                              text::Lang lang) {
      std::lock_guard<std::mutex> lock(history->mutex);
      if (!history->predecessors)
        history->predecessors = std::make_unique<app::Predecessors>(*city, shared, &env.clock());
      try {
        app::add_merged_history(hub, *city, *history->predecessors, env.config().strategy, lang, observations);
      } catch (const store::StoreError& e) {
        spdlog::warn("hub serve: the history of city {} before its merger cannot be read: {}", city->code, e.what());
        history->predecessors.reset();
      }
    });
  }

  std::optional<store::ApiToken> city_token(const std::string& code, const std::string& sha256, bool may_open) {
    if (!may_open) {
      std::lock_guard<std::mutex> lock(pages_mutex);
      if (!opened.contains(code) || !opened[code]) return std::nullopt;
    }
    try {
      return pages(code, configured).reads.with([&](store::Store& s) { return s.token_by_hash(sha256); });
    } catch (const HttpError&) {
      return std::nullopt;  // its store cannot be opened: its tokens cannot admit anyone
    } catch (const store::StoreError& e) {
      spdlog::warn("hub serve: the tokens of city {} cannot be read: {}", code, e.what());
      return std::nullopt;
    }
  }

  struct View {
    app::HubScope scope;
    app::HubSort sort = app::HubSort::Code;
    app::HubSummary summary;
  };

  // The scope the request asks for (400 for one the hub does not have, 403 for one outside the
  // token's scope; none asked: the token's).
  app::HubScope scope_asked(const Request& req) {
    const text::Lang l = lang(req);
    app::HubScope allowed = gate.admit(req, "", l);
    app::HubScope scope;
    try {
      scope = app::hub_scope(hub, single_param(req.params, "prefecture"), single_param(req.params, "group"));
    } catch (const app::HubRequestError& e) {
      throw HttpError(400, e.text()(text::Locale{l, text::YearStyle::Era}));
    }
    if (scope.kind == app::HubScope::Kind::All) return allowed;
    if (!app::scope_within(hub, scope, allowed))
      throw HttpError(403,
                      text::say(l, &HubMessages::token_out_of_scope, app::scope_text(allowed), app::scope_text(scope)));
    return scope;
  }

  // The scope and order the request asks for, and the summary.
  View view(const Request& req) {
    View v;
    v.scope = scope_asked(req);
    try {
      v.sort = app::hub_sort(single_param(req.params, "sort"));
    } catch (const app::HubRequestError& e) {
      throw HttpError(400, e.text()(text::Locale{lang(req), text::YearStyle::Era}));
    }
    v.summary = app::summarize_hub({.hub = &hub,
                                    .scope = v.scope,
                                    .database_override = database_override,
                                    .sort = v.sort,
                                    .lock_wait = std::chrono::milliseconds(5000)});
    return v;
  }

  // The shared indicators the request asks for, in its scope (400 for an indicator or a period the
  // hub does not have).
  std::pair<app::HubScope, std::vector<app::IndicatorView>> indicators(const Request& req) {
    const text::Lang l = lang(req);
    app::HubIndicatorsRequest request;
    request.hub = &hub;
    request.scope = scope_asked(req);
    request.database_override = database_override;
    request.indicator = single_param(req.params, "indicator");
    if (const std::string period = single_param(req.params, "period"); !period.empty()) {
      request.period = app::read_period(period);
      if (!request.period) throw HttpError(400, text::say(l, &HubMessages::bad_period, period));
    }
    try {
      return {request.scope, app::hub_indicators(request)};
    } catch (const app::HubRequestError& e) {
      throw HttpError(400, e.text()(text::Locale{l, text::YearStyle::Era}));
    }
  }

  std::set<std::string> with_pages() const {
    std::set<std::string> out;
    for (const auto& [code, env] : city_envs) out.insert(code);
    return out;
  }

  void hub_routes() {
    http.Get("/", [this](const Request& req, Response& res) {
      guarded(
          req, res, lang(req),
          [&] {
            const View v = view(req);
            send_html(res, 200, hub_page_html(hub, v.scope, v.sort, v.summary, lang(req), with_pages()));
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
    // The shared indicators of the scope (?indicator=ID, ?period=FY2024), as a page and as
    // `sosei hub indicators --json`.
    http.Get("/indicators", [this](const Request& req, Response& res) {
      guarded(
          req, res, lang(req),
          [&] { send_html(res, 200, hub_indicators_html(hub, indicators(req).second, lang(req))); }, Pages::Hub);
    });
    http.Get("/api/hub/indicators", [this](const Request& req, Response& res) {
      guarded(
          req, res, lang(req),
          [&] {
            const auto [scope, views] = indicators(req);
            send_json(res, 200, present::to_json(hub, scope, views));
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

  // A city's page: the token admitted for that city first (so a refused caller learns nothing of it),
  // then its pages.
  void city_get(const std::string& pattern, std::function<void(const Request&, Response&, CityPages&)> answer) {
    http.Get(pattern, [this, answer = std::move(answer)](const Request& req, Response& res) {
      guarded(
          req, res, lang(req),
          [&] {
            const std::string code = req.matches[1];
            gate.admit(req, code, lang(req));
            answer(req, res, pages(code, lang(req)));
          },
          Pages::Hub);
    });
  }

  void city_json(const std::string& pattern, std::function<nlohmann::json(const Request&, LiveData&)> document) {
    city_get(pattern, [document = std::move(document)](const Request& req, Response& res, CityPages& p) {
      send_json(res, 200, document(req, p.live));
    });
  }

  void city_routes() {
    constexpr const char* kCity = R"(/city/(\d{6}))";
    const std::string city = kCity;
    city_get(city + "/?", [](const Request& req, Response& res, CityPages& p) {
      send_html(res, 200, p.live.dashboard_html(p.live.query(req.params)));
    });
    city_json(city + "/api/kpis", [](const Request&, LiveData& live) { return kpis_document(live); });
    city_json(city + R"(/api/kpis/([^/]+))",
              [](const Request& req, LiveData& live) { return kpi_document(live, req.matches[2], req.params); });
    city_json(city + R"(/api/kpis/([^/]+)/observations)", [](const Request& req, LiveData& live) {
      return observations_document(live, req.matches[2], req.params);
    });
    city_json(city + "/api/evaluation",
              [](const Request& req, LiveData& live) { return evaluation_document(live, req.params); });
    city_json(city + "/api/runs", [](const Request& req, LiveData& live) { return runs_document(live, req.params); });
    city_json(city + R"(/api/runs/([^/]+))",
              [](const Request& req, LiveData& live) { return run_document(live, req.matches[2]); });
    city_json(city + "/api/status",
              [](const Request& req, LiveData& live) { return status_document(live, req.params); });
    city_get(city + "/metrics", [](const Request& req, Response& res, CityPages& p) {
      res.set_content(p.live.metrics_text({{"city", req.matches[1].str()}}),
                      "text/plain; version=0.0.4; charset=utf-8");
    });
  }
};

HubServer::HubServer(const config::Hub& hub, std::string database_override, text::Lang lang, ServeOptions options,
                     std::map<std::string, const app::Environment*> city_pages)
    : impl_(
          std::make_unique<Impl>(hub, std::move(database_override), lang, std::move(options), std::move(city_pages))) {
  apply_limits(impl_->http, impl_->options, lang, Pages::Hub);
  impl_->hub_routes();
  impl_->city_routes();
}

HubServer::~HubServer() = default;

int HubServer::bind() {
  const std::string& address = impl_->options.bind;
  bool active = false;
  try {
    active = impl_->gate.has_active_token();  // a damaged token file stops the start, not each request
  } catch (const app::HubTokenFileError& e) {
    throw ServeError(e.text()(text::Locale{impl_->configured, text::YearStyle::Era}));
  }
  if (!is_loopback(address)) {
    if (!active) throw ServeRefused(text::say(impl_->configured, &text::HubMessages::not_loopback, address));
    impl_->gate.protect();  // reachable from other machines: never open, whatever the token file becomes
  }
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
