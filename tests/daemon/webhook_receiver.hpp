// A webhook receiver inside the test process: collects the JSON bodies POSTed to /hook; the first
// `fail_first` requests get HTTP 500 so retries are exercised.
#pragma once

#include <httplib.h>

#include <atomic>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace sosei::test_support {

class WebhookReceiver {
 public:
  explicit WebhookReceiver(int fail_first = 0) : fail_first_(fail_first) {
    server_.Post("/hook", [this](const httplib::Request& req, httplib::Response& res) {
      if (requests_++ < fail_first_) {
        res.status = 500;
        return;
      }
      std::lock_guard lock(mutex_);
      events_.push_back(nlohmann::json::parse(req.body));
      res.status = 204;
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~WebhookReceiver() {
    server_.stop();
    thread_.join();
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hook"; }
  std::vector<nlohmann::json> events() const {
    std::lock_guard lock(mutex_);
    return events_;
  }
  // Events of one kind for one source (or KPI).
  int count(const std::string& kind, const std::string& subject) const {
    int n = 0;
    for (const auto& e : events())
      if (e.value("event", "") == kind && (e.value("source", "") == subject || e.value("kpi", "") == subject)) ++n;
    return n;
  }
  int requests() const { return requests_; }

 private:
  httplib::Server server_;
  int port_ = 0;
  int fail_first_;
  std::atomic<int> requests_{0};
  mutable std::mutex mutex_;
  std::vector<nlohmann::json> events_;
  std::thread thread_;
};

}  // namespace sosei::test_support
