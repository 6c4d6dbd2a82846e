// cpp-httplib's Server with bounds on what one client may hold. httplib 0.11 gives every connection
// one of 8 pool threads for as long as the client keeps it open (an idle keep-alive connection 5 s,
// a header trickled a byte at a time indefinitely) and reads any number of header lines and any
// chunked body into memory. Here each connection is served by its own code (process_and_close_socket
// is httplib's virtual hook) on its own thread, up to a cap:
// - waiting for a request (the first or the next on a keep-alive connection) ends after idle_timeout;
// - a request must arrive whole, head and body, within request_timeout of its first byte;
// - its head may take max_head_bytes and its body max_body_wire_bytes on the wire;
// - at most max_connections are open, max_connections_per_client from one address. A new connection
//   past a limit closes the connection that has waited longest without a request being handled (an
//   idle or trickling one); when every connection is handling a request it gets a 503.
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "serve/connection_stream.hpp"

namespace sosei::serve {

struct ConnectionLimits {
  std::chrono::milliseconds idle_timeout{5000};
  std::chrono::milliseconds request_timeout{10000};
  std::size_t max_head_bytes = 64 * 1024;
  std::size_t max_body_wire_bytes = 256 * 1024;  // chunked framing included; the decoded body is checked apart
  std::size_t max_connections = 256;
  std::size_t max_connections_per_client = 64;
  std::size_t max_requests_per_connection = 100;
};

class BoundedServer : public httplib::Server {
 public:
  explicit BoundedServer(ConnectionLimits limits);
  ~BoundedServer() override;

  // Lets the kernel queue more connections than httplib's compiled-in backlog of 5, so a burst of
  // clients is accepted (and bounded above) instead of waiting in SYN retries. Call after binding.
  void widen_backlog(int backlog);
  // With stop(): connections waiting for a request close now instead of after idle_timeout.
  void stop_connections();

  // On the thread serving a request: what stopped its reading, if anything.
  static ReadStop read_stop();
  // On the thread serving a request: close the connection after this response (its body may not
  // have been read, so the next bytes are not a request).
  static void close_after_response();

  // What a client reads when refused before a request could be routed, in the configured language:
  // every slot handling a request (503), a request too slow (408) or a request line too long (414).
  struct RefusalTexts {
    std::string busy;
    std::string too_slow;
    std::string too_long;
  };
  void set_refusal_texts(RefusalTexts texts);

 private:
  bool process_and_close_socket(socket_t sock) override;
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace sosei::serve
