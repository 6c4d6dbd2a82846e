// Fuzz target: the HTTP request handling of `sosei serve` — the whole server in this process, on a
// loopback port, over the serve tests' world (tests/serve/serve_world.hpp: hand-entered KPIs, an
// imported one, a KPI named in hostile markup). Each input is the bytes one client sends on one
// connection (then it half-closes): request lines, headers, percent-encoded and `..` paths, JSON and
// form bodies, chunked framing, several pipelined requests. The world has a department token whose text
// the seeds carry (http_token.hpp), so the search also reaches what lies behind authentication.
// Invariants: the server answers or closes every connection within its bounds (no hang: the client
// gives up after 20 s and traps); no answer is a 500 (an error nothing handled); it still accepts the
// next connection; no crash and no sanitizer report on any of its threads. Bodies are capped by the
// server (64 KiB), so no input allocates without bound.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

#include "app/environment.hpp"
#include "common/clock.hpp"
#include "fuzz_target.hpp"
#include "http_token.hpp"
#include "serve/api_token.hpp"
#include "serve/server.hpp"
#include "serve_world.hpp"
#include "store/store.hpp"

namespace {

using namespace sosei;

// The server, its database and a department token, made once for the whole fuzzing run.
class World {
 public:
  World() {
    signal(SIGPIPE, SIG_IGN);  // a server writing to a client that left must not end the process
    char folder[] = "/tmp/sosei-fuzz-http-XXXXXX";
    if (!mkdtemp(folder)) std::abort();
    folder_ = folder;
    const auto database = folder_ / "sosei.db";
    config_ = serve::test::app_config(database, std::string(SOSEI_SOURCE_DIR) + "/config/grading");
    serve::test::seed(database);
    store::open_store({database.string()})
        ->add_token(serve::token_sha256(kFuzzToken), "産業振興課", "fuzz", store::TokenRole::Department);
    env_ = std::make_unique<app::Environment>(config_, &clock_);
    serve::ServeOptions options;
    options.port = 0;
    options.read_timeout = std::chrono::seconds(2);  // an input that stops short ends the connection soon
    options.keep_alive_timeout = std::chrono::seconds(1);
    server_ = std::make_unique<serve::Server>(*env_, options);
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->listen(); });
  }
  ~World() {
    server_->stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
    env_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }

  int port() const { return port_; }

 private:
  std::filesystem::path folder_;
  config::AppConfig config_;
  ManualClock clock_{std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::year{2026} / 8 / 1}}};
  std::unique_ptr<app::Environment> env_;
  std::unique_ptr<serve::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

World& world() {
  static World w;  // destroyed at exit: the server stops and its folder goes
  return w;
}

// A connection to the server, from a client address that turns through 127.0.0.1–127.0.0.254: each
// connection ends in TIME_WAIT on this side (it half-closes first), and one address has only about
// 28,000 ephemeral ports, so a long run ran out of them and looked like a server that had stopped
// accepting (found by this target after 20,307 inputs). -1 only when the server refuses.
int connect_to(int port) {
  static unsigned turn = 0;
  for (int attempt = 0; attempt < 254; ++attempt) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    // The port is chosen at connect, by the whole four-tuple, not at bind.
    const int later = 1;
    setsockopt(fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &later, sizeof later);
    sockaddr_in client{};
    client.sin_family = AF_INET;
    client.sin_addr.s_addr = htonl(INADDR_LOOPBACK + (turn++ % 254));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, reinterpret_cast<sockaddr*>(&client), sizeof client) == 0 &&
        connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0)
      return fd;
    int error = errno;
    if (error == EINTR) {  // libFuzzer's timer: the connection goes on; wait for it to finish
      pollfd p{fd, POLLOUT, 0};
      while (poll(&p, 1, 5000) < 0 && errno == EINTR) {
      }
      socklen_t size = sizeof error;
      if ((p.revents & POLLOUT) != 0 && getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) == 0 && error == 0)
        return fd;
    }
    close(fd);
    if (error != EADDRNOTAVAIL && error != EADDRINUSE) return -1;  // the server's answer, not our ports
  }
  return -1;
}

// Everything the server sends until it closes; traps when it neither answers nor closes in 20 s.
std::string send_and_read(int fd, const std::string& request) {
  std::size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server closed early (a refused head): what it answered is read below
    sent += static_cast<std::size_t>(n);
  }
  shutdown(fd, SHUT_WR);
  std::string reply;
  char buffer[16384];
  // libFuzzer's own timer (-timeout) interrupts system calls with a signal: EINTR is not an answer,
  // and only the deadline passing is a hang (found by this target: a trap on an interrupted poll).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) __builtin_trap();  // the server holds the connection: a hang
    pollfd p{fd, POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready != 1) __builtin_trap();
    const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    reply.append(buffer, static_cast<std::size_t>(n));
  }
  return reply;
}

// Walks the replies to pipelined requests (each head, then its Content-Length of body) and says
// whether any has status 500. The server sends no chunked replies. A reply to HEAD declares its
// Content-Length and sends no body (found by this target: the walk read past the end).
bool has_status_500(const std::string& reply) {
  std::size_t at = 0;
  while (at < reply.size() && reply.compare(at, 9, "HTTP/1.1 ") == 0) {
    if (reply.compare(at + 9, 3, "500") == 0) return true;
    const std::size_t head_end = reply.find("\r\n\r\n", at);
    if (head_end == std::string::npos) return false;
    std::size_t length = 0;
    for (std::size_t line = reply.find("\r\n", at) + 2; line < head_end; line = reply.find("\r\n", line) + 2) {
      constexpr std::string_view kLength = "content-length:";
      bool match = reply.size() > line + kLength.size();
      for (std::size_t i = 0; match && i < kLength.size(); ++i)
        match = std::tolower(static_cast<unsigned char>(reply[line + i])) == kLength[i];
      if (match) length = std::strtoull(reply.c_str() + line + kLength.size(), nullptr, 10);
    }
    const std::size_t body_end = head_end + 4 + length;
    const bool no_body = body_end > reply.size() || reply.compare(head_end + 4, 9, "HTTP/1.1 ") == 0;
    at = no_body ? head_end + 4 : body_end;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size > 65536) return 0;  // the server refuses larger heads and bodies; the search is for shapes
  World& w = world();
  const int fd = connect_to(w.port());
  if (fd < 0) __builtin_trap();  // the server stopped accepting connections
  const std::string reply = send_and_read(fd, std::string(reinterpret_cast<const char*>(data), size));
  close(fd);
  if (has_status_500(reply)) __builtin_trap();  // an error no handler expected
  return 0;
}
