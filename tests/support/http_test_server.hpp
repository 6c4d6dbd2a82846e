// A local HTTP server inside the test process (cpp-httplib on 127.0.0.1, random port) that serves
// fixtures and misbehaves on request, for testing the host's fetch service and plugins' fetch mode.
//   /ok/<name>         200 with the registered body, ETag and Last-Modified; 304 on a matching
//                       If-None-Match / If-Modified-Since
//   /status/<code>     that status code with a short body
//   /slow/<ms>         waits <ms> before answering 200 "slow"
//   /truncated/<name>  promises Content-Length of the whole body, sends half, closes
//   /flaky/<name>      500 for the first `flaky_failures` requests, then like /ok/<name>
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace sosei::test_support {

class HttpTestServer {
 public:
  HttpTestServer() {
    server_.Get(R"(/ok/(.+))", [this](const httplib::Request& req, httplib::Response& res) { serve(req, res); });
    server_.Get(R"(/flaky/(.+))", [this](const httplib::Request& req, httplib::Response& res) {
      if (flaky_seen_++ < flaky_failures) {
        res.status = 500;
        res.set_content("temporary failure", "text/plain");
        return;
      }
      serve(req, res);
    });
    server_.Get(R"(/status/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
      res.status = std::stoi(req.matches[1]);
      res.set_content("status " + std::string(req.matches[1]), "text/plain");
    });
    server_.Get(R"(/slow/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
      std::this_thread::sleep_for(std::chrono::milliseconds(std::stoi(req.matches[1])));
      res.set_content("slow", "text/plain");
    });
    server_.Get(R"(/truncated/(.+))", [this](const httplib::Request& req, httplib::Response& res) {
      const std::string body = body_of(req.matches[1]);
      const std::size_t half = body.size() / 2;
      res.set_content_provider(body.size(), "text/csv", [body, half](size_t offset, size_t, httplib::DataSink& sink) {
        if (offset < half) {
          sink.write(body.data() + offset, half - offset);
          return true;
        }
        return false;  // abort: the client sees a short body
      });
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // cpp-httplib 0.11 (Debian 12) has no wait_until_ready().
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~HttpTestServer() {
    server_.stop();
    thread_.join();
  }
  HttpTestServer(const HttpTestServer&) = delete;
  HttpTestServer& operator=(const HttpTestServer&) = delete;

  void put(const std::string& name, std::string body, std::string etag = "\"v1\"") {
    std::lock_guard<std::mutex> lock(mutex_);
    files_[name] = {std::move(body), std::move(etag)};
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  int requests() const { return requests_; }

  int flaky_failures = 2;

 private:
  struct File {
    std::string body;
    std::string etag;
  };

  std::string body_of(const std::string& name) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = files_.find(name);
    return it == files_.end() ? std::string() : it->second.body;
  }

  void serve(const httplib::Request& req, httplib::Response& res) {
    ++requests_;
    File f;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = files_.find(req.matches[1]);
      if (it == files_.end()) {
        res.status = 404;
        res.set_content("no such fixture", "text/plain");
        return;
      }
      f = it->second;
    }
    const std::string modified = "Wed, 01 Jan 2025 00:00:00 GMT";
    // RFC 9110: If-None-Match, when present, decides; If-Modified-Since only counts without it.
    const bool has_etag_check = req.has_header("If-None-Match");
    if (has_etag_check ? req.get_header_value("If-None-Match") == f.etag
                       : req.get_header_value("If-Modified-Since") == modified) {
      res.status = 304;
      return;
    }
    res.set_header("ETag", f.etag);
    res.set_header("Last-Modified", modified);
    res.set_content(f.body, "text/csv");
  }

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::map<std::string, File> files_;
  std::atomic<int> requests_{0};
  std::atomic<int> flaky_seen_{0};
};

}  // namespace sosei::test_support
