// `sosei serve`: the dashboard, the JSON API, /metrics and hand entry over HTTP (cpp-httplib).
// Loopback by default; another address only once a department token exists. Bodies and headers are
// limited, a request must arrive within its read timeout, and connections are capped (per client too).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

#include "app/environment.hpp"

namespace sosei::serve {

struct ServeOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;                         // 0: any free port (tests)
  std::size_t max_body_bytes = 64 * 1024;  // larger request bodies get 413
  std::chrono::seconds read_timeout{10};   // a client that stops sending is dropped
  std::chrono::seconds write_timeout{10};
  std::chrono::seconds keep_alive_timeout{5};  // waiting for a request on an open connection
  // Past these a new connection closes the one waiting longest without a request (idle or trickling),
  // or gets a 503 when every connection is being answered (bounded_server.hpp).
  std::size_t max_connections = 256;
  std::size_t max_connections_per_client = 64;
  // How long a hand entry, sign-off or comment waits for another process writing to the database (an
  // import) before it is answered 503 with Retry-After; reads never wait.
  std::chrono::milliseconds write_wait{5000};
  std::function<void()> on_write_wait;  // called when a write starts waiting (tests)
};

// The server cannot start as asked; what() says why and what to do.
class ServeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A non-loopback address while no department token exists: a configuration problem, not a failure.
class ServeRefused : public ServeError {
 public:
  using ServeError::ServeError;
};

class Server {
 public:
  // Opens two connections to the environment's store (reads, writes) and loads the grading schemes.
  // `env` must outlive the server; "today" is its clock's date in the configured time zone.
  Server(const app::Environment& env, ServeOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the address; returns the port. Throws ServeRefused for a non-loopback address while no
  // active token exists, ServeError when the address cannot be bound.
  int bind();
  // Serves on the bound address until stop(); requests in flight finish first. False on failure.
  bool listen();
  // Safe from any thread, also before listen() has started.
  void stop();
  bool running() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sosei::serve
