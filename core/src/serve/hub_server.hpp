// `sosei hub serve`: the hub's page of its cities (/), the same as JSON (/api/hub) and as Prometheus
// metrics with a `city` label (/metrics), computed per request from the cities' stores as `sosei hub
// summary` computes it; and each city with a configuration at the hub, its own dashboard and read API
// under /city/{code}/ (/, /api/evaluation, /api/kpis…, /api/runs…, /api/status, /metrics). Until the
// hub has a token of its own it is served on loopback only, to anyone who reaches it; with one, every
// request needs a token and reads only its scope (hub_gate.hpp). Same limits as `sosei serve`.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "app/environment.hpp"
#include "config/hub.hpp"
#include "serve/server.hpp"
#include "text/lang.hpp"

namespace sosei::serve {

class HubServer {
 public:
  // `hub` must outlive the server, and so must `city_pages` (app::load_city_pages: the cities whose
  // dashboards it serves, by code); `database_override` replaces the hub file's shared database.
  HubServer(const config::Hub& hub, std::string database_override, text::Lang lang, ServeOptions options,
            std::map<std::string, const app::Environment*> city_pages = {});
  ~HubServer();
  HubServer(const HubServer&) = delete;
  HubServer& operator=(const HubServer&) = delete;

  // Binds the address; returns the port. Throws ServeRefused for a non-loopback address while the hub
  // has no active token, ServeError when the address cannot be bound.
  int bind();
  bool listen();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sosei::serve
