// The host's HTTP service for plugins (libcurl): timeouts, retries with backoff, TLS verification,
// a size limit, and conditional requests (ETag / Last-Modified). Bodies go to a file, not memory.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include "text/lang.hpp"

namespace sosei::host {

struct FetchOptions {
  long connect_timeout_ms = 10'000;
  long timeout_ms = 120'000;    // whole transfer
  long low_speed_seconds = 30;  // abort when under 1 byte/s for this long
  int attempts = 3;             // total tries for retryable failures (network, 5xx, 429)
  long backoff_ms = 500;        // doubled after each failed try
  uint64_t max_bytes = 512ull << 20;
  bool verify_tls = true;
  text::Lang lang = text::Lang::Ja;  // of the errors (the run's; not sent to the worker: it has its own)
};

struct FetchValidators {
  std::string etag;
  std::string last_modified;
};

struct FetchResult {
  bool not_modified = false;  // 304: the file is the one imported last time
  long http_status = 0;
  std::string path;            // downloaded body (empty when not_modified)
  FetchValidators validators;  // to send next time
  uint64_t bytes = 0;
};

class FetchError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Downloads `url` into a new file in `directory`. Throws FetchError with the URL, what happened
// and what to do.
FetchResult http_fetch(const std::string& url, const FetchOptions& options, const FetchValidators& previous,
                       const std::string& directory);

}  // namespace sosei::host
