// The HTTP side of `sosei serve` (server.hpp): routes, limits, and how refusals become responses —
// {"error": "..."} under /api/ and /metrics, a short page elsewhere.
#include "serve/server.hpp"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <nlohmann/json.hpp>

#include "app/flags.hpp"
#include "app/signoff.hpp"
#include "present/record_json.hpp"
#include "present/signoff_json.hpp"
#include "report/html_escape.hpp"
#include "report/signoff.hpp"
#include "serve/api.hpp"
#include "serve/api_token.hpp"
#include "serve/authenticate.hpp"
#include "serve/bounded_server.hpp"
#include "serve/entry_page.hpp"
#include "serve/hand_entry.hpp"
#include "serve/http_error.hpp"
#include "serve/http_replies.hpp"
#include "serve/json_depth.hpp"
#include "serve/live_data.hpp"
#include "serve/loopback.hpp"
#include "serve/request_token.hpp"
#include "serve/signoff_api.hpp"
#include "serve/signoff_page.hpp"
#include "serve/store_access.hpp"
#include "text/catalogue.hpp"
#include "text/numbers.hpp"
#include "text/periods.hpp"
#include "text/phrase.hpp"

namespace sosei::serve {
namespace {

using httplib::Request;
using httplib::Response;

// The write connection waits for another process's writer within the options' bound and says when
// it starts to (tests synchronise on that).
std::unique_ptr<store::Store> open_writes(const app::Environment& env, const ServeOptions& options) {
  store::StoreConfig config = env.store_config(options.write_wait);
  config.on_lock_wait = options.on_write_wait;
  return store::open_store(config);
}

}  // namespace

struct Server::Impl {
  Impl(const app::Environment& env, ServeOptions o)
      : config(env.config()),
        options(std::move(o)),
        reads(env.open_store(std::chrono::milliseconds(5000), app::StoreOpen::ReadOnly)),
        writes(open_writes(env, options)),
        live(env, reads),
        http(connection_limits(options)) {}

  const config::AppConfig& config;
  ServeOptions options;
  StoreAccess reads;
  StoreAccess writes;
  LiveData live;
  BoundedServer http;
  std::atomic<bool> stop_requested{false};

  text::Lang lang(const Request& req) const { return request_lang(req, config.lang); }

  // Runs a write on the server's write connection. Another process's import may hold the database:
  // the write waits up to options.write_wait, then the request gets 503 with Retry-After (nothing
  // saved), never a 500.
  template <class Use>
  auto write(text::Lang l, Use&& use) {
    try {
      return writes.with(std::forward<Use>(use));
    } catch (const store::StoreBusy& e) {
      spdlog::warn("serve: a write gave up waiting for another writer: {}", e.what());
      const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(options.write_wait).count();
      throw HttpError(503, text::say(l, &text::Catalogue::entry_store_busy, seconds));
    }
  }

  store::ApiToken authenticated(const std::optional<std::string>& token, text::Lang lang) {
    return write(lang, [&](store::Store& s) { return authenticate(s, token, lang, config.timezone); });
  }

  EntryResult enter(const store::ApiToken& who, const EntryRequest& entry, text::Lang lang) {
    EntryResult result = write(lang, [&](store::Store& s) {
      return enter_by_hand(config.strategy, s, who, entry, {lang, config.years});
    });
    spdlog::info("{}", text::say(config.lang, &text::Catalogue::serve_log_entry, who.id, who.department, result.kpi,
                                 text::period_text(result.period, config.years, config.lang),
                                 text::value_text(result.value, config.lang), result.run.id, result.run.inserted,
                                 result.run.revised));
    return result;
  }

  // {"note": "…"}: why the flag is closed; required, as for `sosei flags resolve --note`.
  static std::string resolve_note(const std::string& body, text::Lang l) {
    check_json_depth(body, l);
    const auto j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("note") || !j["note"].is_string() ||
        j["note"].get<std::string>().empty())
      throw HttpError(400, text::catalogue(l).flag_note_required);
    return j["note"].get<std::string>();
  }

  nlohmann::json resolve_flag(const store::ApiToken& who, int64_t id, const std::string& note, text::Lang l) {
    const app::Signer by = app::token_signer(who);
    return write(l, [&](store::Store& s) {
      try {
        if (!app::resolve_flag(config, s, id, by, note))
          throw HttpError(409, text::say(l, &text::Catalogue::flag_not_open, id));
      } catch (const std::invalid_argument&) {
        throw HttpError(403, text::say(l, &text::Catalogue::flag_other_department, id, who.department));
      }
      spdlog::info("serve: flag {} resolved by {} ({})", id, by.actor.name, who.department);
      const auto rows = app::list_flags(config, s, {});
      for (const auto& r : rows)
        if (r.flag.id == id) return present::to_json(r.flag, r.department);
      return nlohmann::json{{"id", id}};
    });
  }

  // The city's language: refusals and confirmations of sign-off are for its staff.
  text::Locale locale() const { return {config.lang, config.years, config.timezone}; }

  nlohmann::json sign_off(const store::ApiToken& who, app::SignoffStep step, const app::SignoffRequest& request) {
    try {
      const app::SignoffResult r = write(config.lang, [&](store::Store& s) {
        return app::sign_off(config.strategy, s, app::token_signer(who), step, request, locale());
      });
      spdlog::info("{}", text::say(config.lang, &text::Catalogue::serve_log_signoff, who.id, who.department,
                                   r.approval.kpi, text::period_text(r.approval.period, config.years, config.lang),
                                   app::approval_state_text(r.approval.state, config.lang)));
      nlohmann::json j = present::to_json(r.approval);
      j["message"] = r.message;
      return j;
    } catch (const app::SignoffRefused& e) {
      throw HttpError(http_status(e), e.what());
    }
  }

  nlohmann::json comment(const store::ApiToken& who, const app::CommentRequest& request) {
    try {
      const app::CommentResult r = write(config.lang, [&](store::Store& s) {
        return app::add_comment(config.strategy, s, app::token_signer(who), request, config.lang);
      });
      spdlog::info("{}", text::say(config.lang, &text::Catalogue::serve_log_comment, who.id, who.department,
                                   r.comment.kpi, text::fiscal_year_text(r.comment.year, config.years, config.lang),
                                   report::comment_kind_label(r.comment.kind, config.lang), r.comment.version));
      nlohmann::json j = present::to_json(r.comment);
      j["message"] = r.message;
      return j;
    } catch (const app::SignoffRefused& e) {
      throw HttpError(http_status(e), e.what());
    }
  }

  // A form post of the /signoff page: the outcome shown above the forms, with the status of the refusal.
  void form_post(const Request& req, Response& res, const std::function<std::string()>& act) {
    guarded(req, res, lang(req), [&] {
      EntryOutcomeView view;
      int status = 200;
      try {
        view.message = act();
        view.ok = true;
      } catch (const HttpError& e) {
        status = e.status();
        view.message = e.what();
      }
      send_html(res, status, signoff_page(config.strategy, view, lang(req)));
    });
  }

  void signoff_routes() {
    http.Get("/signoff", [this](const Request& req, Response& res) {
      guarded(req, res, lang(req),
              [&] { send_html(res, 200, signoff_page(config.strategy, std::nullopt, lang(req))); });
    });
    http.Post(R"(/api/signoff/(submit|approve|unlock))", [this](const Request& req, Response& res) {
      guarded(req, res, lang(req), [&] {
        const store::ApiToken who = authenticated(header_token(req), lang(req));
        send_json(res, 200, sign_off(who, *signoff_step(req.matches[1].str()), parse_signoff_json(req.body)));
      });
    });
    http.Post("/api/comments", [this](const Request& req, Response& res) {
      guarded(req, res, lang(req), [&] {
        const store::ApiToken who = authenticated(header_token(req), lang(req));
        send_json(res, 201, comment(who, parse_comment_json(req.body)));
      });
    });
    http.Post("/signoff/step", [this](const Request& req, Response& res) {
      form_post(req, res, [&] {
        const auto step = signoff_step(req.get_param_value("step"));
        if (!step)
          throw HttpError(400,
                          text::say(lang(req), &text::Catalogue::signoff_step_unknown, req.get_param_value("step")));
        const store::ApiToken who = authenticated(form_token(req), lang(req));
        return sign_off(who, *step,
                        {req.get_param_value("kpi"), req.get_param_value("period"), req.get_param_value("reason")})
            .at("message")
            .get<std::string>();
      });
    });
    http.Post("/signoff/comment", [this](const Request& req, Response& res) {
      form_post(req, res, [&] {
        const store::ApiToken who = authenticated(form_token(req), lang(req));
        return comment(who, {req.get_param_value("kpi"), req.get_param_value("year"), req.get_param_value("kind"),
                             req.get_param_value("text")})
            .at("message")
            .get<std::string>();
      });
    });
    json_get("/api/approvals", [this](const Request& req) {
      nlohmann::json out = nlohmann::json::array();
      const std::string kpi = req.get_param_value("kpi");
      for (const auto& a : reads.with([&](store::Store& s) { return s.approvals(kpi); }))
        out.push_back(present::to_json(a));
      return out;
    });
    json_get("/api/comments", [this](const Request& req) {
      nlohmann::json out = nlohmann::json::array();
      const std::string kpi = req.get_param_value("kpi");
      const bool all = req.get_param_value("versions") == "all";
      for (const auto& c : reads.with([&](store::Store& s) { return s.comments(kpi, all); }))
        out.push_back(present::to_json(c));
      return out;
    });
    json_get("/api/audit", [this](const Request& req) {
      store::AuditQuery q;
      q.kpi = req.get_param_value("kpi");
      q.since = req.get_param_value("since");
      nlohmann::json out = nlohmann::json::array();
      for (const auto& e : reads.with([&](store::Store& s) { return s.audit(q); })) out.push_back(present::to_json(e));
      return out;
    });
  }

  void json_get(const std::string& pattern, std::function<nlohmann::json(const Request&)> document) {
    http.Get(pattern, [this, document = std::move(document)](const Request& req, Response& res) {
      guarded(req, res, lang(req), [&] { send_json(res, 200, document(req)); });
    });
  }

  void routes() {
    http.Get("/", [this](const Request& req, Response& res) {
      guarded(req, res, lang(req), [&] { send_html(res, 200, live.dashboard_html(live.query(req.params))); });
    });
    http.Get("/entry", [this](const Request& req, Response& res) {
      guarded(req, res, lang(req), [&] { send_html(res, 200, entry_page(config.strategy, std::nullopt, lang(req))); });
    });
    http.Post("/entry", [this](const Request& req, Response& res) {
      guarded(req, res, lang(req), [&] {
        EntryOutcomeView view;
        view.entered = {req.get_param_value("kpi"), req.get_param_value("period"), req.get_param_value("value"),
                        req.get_param_value("note")};
        int status = 200;
        try {
          const text::Lang l = lang(req);
          view.message = describe_entry(enter(authenticated(form_token(req), l), view.entered, l), {l, config.years});
          view.ok = true;
          view.entered = {view.entered.kpi, "", "", ""};  // ready for the next value of the same KPI
        } catch (const HttpError& e) {
          status = e.status();
          view.message = e.what();
        }
        send_html(res, status, entry_page(config.strategy, view, lang(req)));
      });
    });
    http.Post("/api/entries", [this](const Request& req, Response& res) {
      guarded(req, res, lang(req), [&] {
        // Who first: an anonymous caller learns nothing about the KPIs from the errors below.
        const text::Lang l = lang(req);
        const store::ApiToken who = authenticated(header_token(req), l);
        const EntryRequest entry = parse_entry_json(req.body, l);
        const EntryResult r = enter(who, entry, l);
        res.set_header("Location", "/api/runs/" + std::to_string(r.run.id));
        send_json(res, 201,
                  {{"kpi", r.kpi},
                   {"period", r.period.str()},
                   {"value", present::to_json(r.value)},
                   {"note", entry.note},
                   {"inserted", r.inserted},
                   {"revised", r.revised},
                   {"run", present::to_json(r.run, false)}});
      });
    });
    json_get("/api/flags", [this](const Request& req) {
      app::FlagFilter filter;
      filter.kpi = req.get_param_value("kpi");
      filter.department = req.get_param_value("department");
      filter.open_only = req.get_param_value("open") == "1" || req.get_param_value("open") == "true";
      const auto rows = reads.with([&](store::Store& s) { return app::list_flags(config, s, filter); });
      nlohmann::json out = nlohmann::json::array();
      for (const auto& r : rows) out.push_back(present::to_json(r.flag, r.department));
      return out;
    });
    // A department closes a flag of its own KPIs with a reason (docs/quality.md).
    http.Post(R"(/api/flags/(\d+)/resolve)", [this](const Request& req, Response& res) {
      guarded(req, res, lang(req), [&] {
        const text::Lang l = lang(req);
        const store::ApiToken who = authenticated(header_token(req), l);
        const int64_t id = std::stoll(req.matches[1]);
        send_json(res, 200, resolve_flag(who, id, resolve_note(req.body, l), l));
      });
    });
    json_get("/api/kpis", [this](const Request&) { return kpis_document(live); });
    json_get(R"(/api/kpis/([^/]+))",
             [this](const Request& req) { return kpi_document(live, req.matches[1], req.params); });
    json_get(R"(/api/kpis/([^/]+)/observations)",
             [this](const Request& req) { return observations_document(live, req.matches[1], req.params); });
    json_get("/api/evaluation", [this](const Request& req) { return evaluation_document(live, req.params); });
    json_get("/api/runs", [this](const Request& req) { return runs_document(live, req.params); });
    json_get(R"(/api/runs/([^/]+))", [this](const Request& req) { return run_document(live, req.matches[1]); });
    json_get("/api/status", [this](const Request& req) { return status_document(live, req.params); });
    http.Get("/metrics", [this](const Request& req, Response& res) {
      guarded(req, res, lang(req),
              [&] { res.set_content(live.metrics_text(), "text/plain; version=0.0.4; charset=utf-8"); });
    });
  }

  void limits() { apply_limits(http, options, config.lang, Pages::City); }
};

Server::Server(const app::Environment& env, ServeOptions options)
    : impl_(std::make_unique<Impl>(env, std::move(options))) {
  impl_->limits();
  impl_->routes();
  impl_->signoff_routes();
}

Server::~Server() = default;

int Server::bind() {
  const std::string& address = impl_->options.bind;
  if (!is_loopback(address)) {
    const auto tokens = impl_->reads.with([](store::Store& s) { return s.tokens(); });
    const bool any_active = std::any_of(tokens.begin(), tokens.end(), [](const auto& t) { return !t.revoked(); });
    if (!any_active)
      throw ServeRefused("refusing to serve on " + address +
                         ": other machines could reach it, which is meant only once departments enter values with "
                         "their tokens, and no active token exists yet. Create one first (sosei token create "
                         "--department 産業振興課), or serve on 127.0.0.1 (the default)");
  }
  return bind_address(impl_->http, impl_->options);
}

bool Server::listen() {
  if (impl_->stop_requested) return true;
  return impl_->http.listen_after_bind();
}

void Server::stop() {
  impl_->stop_requested = true;
  impl_->http.stop();
  impl_->http.stop_connections();
}

bool Server::running() const { return impl_->http.is_running(); }

}  // namespace sosei::serve
