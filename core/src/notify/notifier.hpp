// Webhook notifications: events (a failed run, a quarantined source, overdue data) POSTed as JSON to
// the configured URLs from a background thread, with retries and backoff. post() never blocks an
// import; a receiver that stays down only costs log lines.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sosei::notify {

struct Event {
  std::string kind;     // "run_failed", "quarantined", "overdue"
  std::string source;   // may be empty (overdue KPI)
  std::string kpi;      // may be empty
  std::string message;  // one sentence for a person
  int64_t run_id = 0;   // 0: none
};

struct NotifierOptions {
  std::vector<std::string> urls;
  std::string city;  // added to every event, so one receiver can serve several cities
  int attempts = 5;
  std::chrono::milliseconds first_backoff{1000};  // doubled after each failed attempt
  std::chrono::milliseconds timeout{10'000};      // per request
  std::size_t max_queued = 1000;                  // beyond this the oldest events are dropped (logged)
};

// The JSON body of one event (also what the tests check).
std::string event_json(const Event& e, const std::string& city, const std::string& time_iso);

class Notifier {
 public:
  explicit Notifier(NotifierOptions options);
  // Delivers what is queued for up to `drain` then stops (a receiver that is down cannot hold up a
  // shutdown).
  ~Notifier();
  Notifier(const Notifier&) = delete;
  Notifier& operator=(const Notifier&) = delete;

  void post(Event e);
  // Waits until the queue is empty and nothing is being sent, or the timeout passes. For tests and
  // for `sosei import --all-due`, which exits right after.
  bool flush(std::chrono::milliseconds timeout);

  struct Counts {
    uint64_t delivered = 0;  // (event, url) pairs accepted by the receiver (2xx)
    uint64_t failed = 0;     // pairs given up after every attempt
    uint64_t dropped = 0;    // events dropped because the queue was full
  };
  Counts counts() const;

 private:
  void loop();
  bool deliver(const std::string& url, const std::string& body);

  NotifierOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::deque<std::string> queue_;  // JSON bodies
  bool busy_ = false;
  bool stopping_ = false;
  Counts counts_;
  std::thread thread_;
};

}  // namespace sosei::notify
