// Connections under bounds (bounded_server.hpp): a thread per connection up to a cap, a table of who
// holds which connection and whether a request of it is being handled, and the request loop that
// httplib's own process_and_close_socket would run without those bounds.
#include "serve/bounded_server.hpp"

#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <list>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace sosei::serve {
namespace {

using Clock = std::chrono::steady_clock;

// Set by ConnectionThreads while it runs a connection on the accepting thread: there is no thread
// left for it, and it is refused at once.
thread_local bool t_no_thread = false;
// The connection served by this thread, for the error handler and handlers (read_stop, close_after_response).
thread_local ConnectionStream* t_stream = nullptr;
thread_local bool t_close = false;

struct Slot {
  int fd;
  std::string client;
  bool handling = false;  // a request's head was read: it is being answered
  bool evicted = false;   // shut down to make room; leaving
  Clock::time_point since = Clock::now();
};

// Who holds which connection. A slot is removed before its socket is closed, so a shutdown() made
// under the lock never reaches a descriptor number reused by another connection.
class ConnectionTable {
 public:
  bool admit(Slot& slot, const ConnectionLimits& limits) {
    std::lock_guard lock(mutex_);
    const auto of_client = [&](const Slot* s) { return s->client == slot.client; };
    const auto any = [](const Slot*) { return true; };
    if (live(of_client) >= limits.max_connections_per_client && !evict(of_client)) return false;
    if (live(any) >= limits.max_connections && !evict(any)) return false;
    slots_.push_back(&slot);
    return true;
  }

  void set_handling(Slot& slot, bool handling) {
    std::lock_guard lock(mutex_);
    slot.handling = handling;
    slot.since = Clock::now();
  }

  void leave(Slot& slot) {
    std::lock_guard lock(mutex_);
    slots_.remove(&slot);
  }

  void shut_down_waiting() {
    std::lock_guard lock(mutex_);
    for (Slot* s : slots_)
      if (!s->handling) shut_down(*s);
  }

 private:
  template <class Pred>
  std::size_t live(Pred pred) const {
    return static_cast<std::size_t>(
        std::count_if(slots_.begin(), slots_.end(), [&](const Slot* s) { return !s->evicted && pred(s); }));
  }

  // Shuts down the matching connection that has waited longest without a request being handled.
  template <class Pred>
  bool evict(Pred pred) {
    Slot* oldest = nullptr;
    for (Slot* s : slots_)
      if (!s->evicted && !s->handling && pred(s) && (!oldest || s->since < oldest->since)) oldest = s;
    if (!oldest) return false;
    shut_down(*oldest);
    return true;
  }

  static void shut_down(Slot& slot) {
    slot.evicted = true;
    ::shutdown(slot.fd, SHUT_RDWR);  // its thread's poll() or recv() returns at once
  }

  std::mutex mutex_;
  std::list<Slot*> slots_;
};

// httplib's TaskQueue with a thread per connection, at most `cap` at once; past it, the connection is
// run on the accepting thread with t_no_thread set and only refused there.
class ConnectionThreads : public httplib::TaskQueue {
 public:
  explicit ConnectionThreads(std::size_t cap) : cap_(cap) {}
  ~ConnectionThreads() override { shutdown(); }

  void enqueue(std::function<void()> fn) override {
    std::unique_lock lock(mutex_);
    reap();
    if (threads_.size() >= cap_) {
      lock.unlock();
      t_no_thread = true;
      fn();
      t_no_thread = false;
      return;
    }
    const auto self = threads_.emplace(threads_.end());
    // The thread reports its end under the lock, which enqueue holds until *self is assigned.
    *self = std::thread([this, self, fn = std::move(fn)] {
      fn();
      std::lock_guard done(mutex_);
      finished_.push_back(self);
    });
  }

  void shutdown() override {
    std::list<std::thread> all;
    {
      std::lock_guard lock(mutex_);
      finished_.clear();
      all.splice(all.end(), threads_);
    }
    for (auto& t : all)
      if (t.joinable()) t.join();
  }

 private:
  void reap() {
    for (const auto& it : finished_) {
      it->join();
      threads_.erase(it);
    }
    finished_.clear();
  }

  std::size_t cap_;
  std::mutex mutex_;
  std::list<std::thread> threads_;
  std::list<std::list<std::thread>::iterator> finished_;
};

// A response written straight to the socket, never blocking: for refusals before httplib has a
// request to answer.
void write_refusal(int fd, int status, const char* reason, const std::string& text) {
  const std::string body = text + "\n";
  const std::string response =
      "HTTP/1.1 " + std::to_string(status) + " " + reason +
      "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + std::to_string(body.size()) +
      "\r\nConnection: close\r\nRetry-After: 1\r\nX-Content-Type-Options: nosniff\r\n"
      "Cache-Control: no-store\r\n\r\n" +
      body;
  [[maybe_unused]] const ssize_t sent = ::send(fd, response.data(), response.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

// Closes after the last response: FIN first, then what the client already sent is read and dropped
// (without waiting), so the close is less likely to be a reset that loses the response on its way.
void close_gently(int fd) {
  ::shutdown(fd, SHUT_WR);
  char sink[4096];
  for (int i = 0; i < 64 && ::recv(fd, sink, sizeof sink, MSG_DONTWAIT) > 0; ++i) {
  }
  ::close(fd);
}

}  // namespace

struct BoundedServer::State {
  explicit State(ConnectionLimits l) : limits(l), wake_fd(::eventfd(0, EFD_CLOEXEC)) {
    if (wake_fd < 0) throw std::runtime_error("eventfd for the server's connections failed");
  }
  ~State() { ::close(wake_fd); }
  ConnectionLimits limits;
  ConnectionTable table;
  int wake_fd;
  std::mutex texts_mutex;
  RefusalTexts texts{"server busy", "request too slow", "request line too long"};
};

BoundedServer::BoundedServer(ConnectionLimits limits) : state_(std::make_unique<State>(limits)) {
  // Enough threads for the connections admitted plus those just shut down and still leaving.
  const std::size_t cap = limits.max_connections * 2;
  new_task_queue = [cap] { return new ConnectionThreads(cap); };
}

BoundedServer::~BoundedServer() = default;

void BoundedServer::widen_backlog(int backlog) {
  const socket_t sock = svr_sock_;
  if (sock != INVALID_SOCKET) ::listen(sock, backlog);  // on a listening socket: a new backlog
}

void BoundedServer::stop_connections() {
  const uint64_t one = 1;
  [[maybe_unused]] const ssize_t n = ::write(state_->wake_fd, &one, sizeof one);
  state_->table.shut_down_waiting();
}

ReadStop BoundedServer::read_stop() { return t_stream ? t_stream->stop() : ReadStop::None; }

void BoundedServer::close_after_response() { t_close = true; }

void BoundedServer::set_refusal_texts(RefusalTexts texts) {
  std::lock_guard lock(state_->texts_mutex);
  state_->texts = std::move(texts);
}

bool BoundedServer::process_and_close_socket(socket_t sock) {
  const ConnectionLimits& limits = state_->limits;
  RefusalTexts texts;
  {
    std::lock_guard lock(state_->texts_mutex);
    texts = state_->texts;
  }
  Slot slot{sock, {}};
  int port = 0;
  socket_address(sock, true, slot.client, port);
  if (t_no_thread || !state_->table.admit(slot, limits)) {
    write_refusal(sock, 503, "Service Unavailable", texts.busy);
    close_gently(sock);
    return false;
  }
  ConnectionStream stream(sock, state_->wake_fd);
  t_stream = &stream;
  bool ok = true;
  for (std::size_t served = 1; svr_sock_ != INVALID_SOCKET; ++served) {
    state_->table.set_handling(slot, false);
    if (!stream.wait_for_request(limits.idle_timeout)) break;
    stream.begin_request(Clock::now() + limits.request_timeout, limits.max_head_bytes);
    t_close = false;
    bool closed = false;
    const bool last = served >= limits.max_requests_per_connection;
    ok = process_request(stream, last, closed, [&](httplib::Request& req) {
      state_->table.set_handling(slot, true);
      // A declared length past the limit is refused unread (httplib would read it all to skip it).
      const bool declared_too_long = req.get_header_value<uint64_t>("Content-Length") > payload_max_length_;
      if (!req.has_header("Content-Length") && !req.has_header("Transfer-Encoding"))
        stream.begin_no_body();  // HTTP/1.1: then there is none (RFC 9112 §6.3)
      else
        stream.begin_body(declared_too_long ? 0 : limits.max_body_wire_bytes);
    });
    // httplib gives up without answering when the request line itself cannot be read.
    if (!ok && stream.stop() == ReadStop::TooSlow) write_refusal(sock, 408, "Request Timeout", texts.too_slow);
    if (!ok && stream.stop() == ReadStop::HeadTooLarge) write_refusal(sock, 414, "URI Too Long", texts.too_long);
    // After a refusal mid-request the rest of the socket is not a request: close.
    if (!ok || closed || last || t_close || stream.stop() != ReadStop::None) break;
  }
  t_stream = nullptr;
  state_->table.leave(slot);
  close_gently(sock);
  return ok;
}

}  // namespace sosei::serve
