// `sosei hub serve`: the hub's page of its cities (/), the same as JSON (/api/hub) and as Prometheus
// metrics with a `city` label (/metrics), computed per request from the cities' stores as `sosei hub
// summary` computes it. Loopback only: the page shows every city of the hub, so outside access goes
// through a reverse proxy that authenticates. Same limits as `sosei serve` (bounded_server.hpp).
#pragma once

#include <memory>
#include <string>

#include "config/hub.hpp"
#include "serve/server.hpp"
#include "text/lang.hpp"

namespace sosei::serve {

class HubServer {
 public:
  // `hub` must outlive the server; `database_override` replaces the hub file's shared database.
  HubServer(const config::Hub& hub, std::string database_override, text::Lang lang, ServeOptions options);
  ~HubServer();
  HubServer(const HubServer&) = delete;
  HubServer& operator=(const HubServer&) = delete;

  // Binds the address; returns the port. Throws ServeRefused for a non-loopback address, ServeError
  // when the address cannot be bound.
  int bind();
  bool listen();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sosei::serve
