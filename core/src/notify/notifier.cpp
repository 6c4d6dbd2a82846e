// The webhook sender: a queue and one thread that POSTs with libcurl, retrying with backoff.
#include "notify/notifier.hpp"

#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "common/clock.hpp"

namespace sosei::notify {
namespace {

size_t discard_body(char*, size_t size, size_t count, void*) { return size * count; }

}  // namespace

std::string event_json(const Event& e, const std::string& city, const std::string& time_iso) {
  nlohmann::json j;
  j["event"] = e.kind;
  j["time"] = time_iso;
  if (!city.empty()) j["city"] = city;
  if (!e.source.empty()) j["source"] = e.source;
  if (!e.kpi.empty()) j["kpi"] = e.kpi;
  if (e.run_id) j["run_id"] = e.run_id;
  j["message"] = e.message;
  return j.dump();
}

Notifier::Notifier(NotifierOptions options) : options_(std::move(options)) {
  if (!options_.urls.empty()) thread_ = std::thread([this] { loop(); });
}

Notifier::~Notifier() {
  if (!thread_.joinable()) return;
  flush(std::chrono::seconds(5));
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  if (!queue_.empty()) spdlog::warn("webhooks: {} events not delivered at shutdown", queue_.size());
}

void Notifier::post(Event e) {
  if (options_.urls.empty()) return;
  std::string body = event_json(e, options_.city, iso8601_utc(system_clock().now_ms()));
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= options_.max_queued) {
      queue_.pop_front();
      ++counts_.dropped;
      spdlog::warn("webhooks: queue full ({} events); dropped the oldest", options_.max_queued);
    }
    queue_.push_back(std::move(body));
  }
  wake_.notify_one();
}

bool Notifier::flush(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return idle_.wait_for(lock, timeout, [this] { return queue_.empty() && !busy_; });
}

Notifier::Counts Notifier::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

void Notifier::loop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    std::string body = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    lock.unlock();
    uint64_t delivered = 0, failed = 0;
    for (const auto& url : options_.urls) (deliver(url, body) ? delivered : failed)++;
    lock.lock();
    counts_.delivered += delivered;
    counts_.failed += failed;
    busy_ = false;
    if (queue_.empty()) idle_.notify_all();
  }
}

bool Notifier::deliver(const std::string& url, const std::string& body) {
  auto backoff = options_.first_backoff;
  std::string last_error;
  for (int attempt = 1; attempt <= options_.attempts; ++attempt) {
    CURL* curl = curl_easy_init();
    if (!curl) return false;
    curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
    char error[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout.count()));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard_body);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    const CURLcode rc = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    if (rc == CURLE_OK && status >= 200 && status < 300) return true;
    last_error = rc != CURLE_OK ? (error[0] ? error : curl_easy_strerror(rc)) : "HTTP " + std::to_string(status);
    if (attempt == options_.attempts) break;
    std::unique_lock lock(mutex_);
    // A shutdown cuts the wait short; the event is then given up like any undeliverable one.
    if (wake_.wait_for(lock, backoff, [this] { return stopping_; })) break;
    backoff *= 2;
  }
  spdlog::error("webhook {} failed after {} attempts: {} (check the URL and that the receiver is up)", url,
                options_.attempts, last_error);
  return false;
}

}  // namespace sosei::notify
