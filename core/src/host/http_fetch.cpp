// HTTP downloads with libcurl, streamed to a file.
#include "host/http_fetch.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <thread>

#include "text/import_messages.hpp"

namespace sosei::host {
namespace {

struct Download {
  std::FILE* file = nullptr;
  uint64_t bytes = 0;
  uint64_t max_bytes = 0;
  bool too_large = false;
  FetchValidators validators;
};

size_t write_body(char* data, size_t size, size_t n, void* user) {
  auto* d = static_cast<Download*>(user);
  const size_t len = size * n;
  if (d->bytes + len > d->max_bytes) {
    d->too_large = true;
    return 0;  // makes curl fail with CURLE_WRITE_ERROR
  }
  d->bytes += len;
  return std::fwrite(data, 1, len, d->file);
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == '\n' || s.back() == ' ')) s.pop_back();
  size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  return s.substr(i);
}

bool header_is(const std::string& line, const char* name, std::string& value) {
  const size_t n = std::char_traits<char>::length(name);
  if (line.size() <= n || line[n] != ':') return false;
  for (size_t i = 0; i < n; ++i)
    if (std::tolower(static_cast<unsigned char>(line[i])) != name[i]) return false;
  value = trim(line.substr(n + 1));
  return true;
}

size_t read_header(char* data, size_t size, size_t n, void* user) {
  auto* d = static_cast<Download*>(user);
  std::string line(data, size * n), value;
  if (line.rfind("HTTP/", 0) == 0) d->validators = {};  // a new response (after a redirect)
  if (header_is(line, "etag", value)) d->validators.etag = value;
  if (header_is(line, "last-modified", value)) d->validators.last_modified = value;
  return size * n;
}

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

bool retryable(CURLcode rc, long status) {
  if (rc == CURLE_OK) return status >= 500 || status == 429;
  switch (rc) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
      return true;
    default:
      return false;
  }
}

// What went wrong in a transfer, in the reader's words; libcurl's own sentence follows in brackets.
const char* text::ImportMessages::*transfer_problem(CURLcode rc) {
  switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return &text::ImportMessages::fetch_resolve;
    case CURLE_COULDNT_CONNECT:
      return &text::ImportMessages::fetch_connect;
    case CURLE_OPERATION_TIMEDOUT:
      return &text::ImportMessages::fetch_timeout;
    case CURLE_PEER_FAILED_VERIFICATION:
      return &text::ImportMessages::fetch_tls;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
      return &text::ImportMessages::fetch_tls_handshake;
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
      return &text::ImportMessages::fetch_cut_off;
    default:
      return &text::ImportMessages::fetch_other;
  }
}

std::string new_download_path(const std::string& directory) {
  static std::atomic<unsigned> counter{0};
  auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
  return (std::filesystem::path(directory) /
          ("sosei-fetch-" + std::to_string(stamp) + "-" + std::to_string(counter++) + ".part"))
      .string();
}

}  // namespace

FetchResult http_fetch(const std::string& url, const FetchOptions& options, const FetchValidators& previous,
                       const std::string& directory) {
  global_init();
  long backoff = options.backoff_ms;
  const int attempts = std::max(1, options.attempts);  // 0 or less still means one try, without waiting
  const bool conditional = !previous.etag.empty() || !previous.last_modified.empty();
  constexpr long kMaxBackoffMs = 30'000;
  using M = text::ImportMessages;
  auto say = [&options](const char* M::*text, const auto&... args) { return text::say(options.lang, text, args...); };
  std::string last_error;
  for (int attempt = 1; attempt <= attempts; ++attempt) {
    Download d;
    d.max_bytes = options.max_bytes;
    const std::string path = new_download_path(directory);
    d.file = std::fopen(path.c_str(), "wb");
    if (!d.file) throw FetchError(say(&M::fetch_no_download_file, directory, url));

    CURL* curl = curl_easy_init();
    if (!curl) {
      std::fclose(d.file);
      std::filesystem::remove(path);
      throw FetchError(say(&M::fetch_cannot_start, url));
    }
    char errbuf[CURL_ERROR_SIZE] = {0};
    curl_slist* headers = nullptr;
    if (!previous.etag.empty()) headers = curl_slist_append(headers, ("If-None-Match: " + previous.etag).c_str());
    if (!previous.last_modified.empty())
      headers = curl_slist_append(headers, ("If-Modified-Since: " + previous.last_modified).c_str());
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, options.connect_timeout_ms);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, options.timeout_ms);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, options.low_speed_seconds);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, options.verify_tls ? 1L : 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, options.verify_tls ? 2L : 0L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "sosei/" SOSEI_VERSION);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_bytes));
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &d);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, read_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &d);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
    CURLcode rc = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    const bool write_ok = std::fclose(d.file) == 0;

    if (rc == CURLE_OK && !write_ok) {
      std::filesystem::remove(path);
      throw FetchError(say(&M::fetch_cannot_write, url, path));
    }
    if (rc == CURLE_OK && status == 304) {
      std::filesystem::remove(path);
      // Only an answer to our validators: to a plain request it would leave the run with no file at all.
      if (!conditional) throw FetchError(say(&M::fetch_bare_304, url));
      FetchResult r;
      r.not_modified = true;
      r.http_status = status;
      // A 304 may carry updated validators; keep the previous ones for what it leaves out.
      r.validators.etag = d.validators.etag.empty() ? previous.etag : d.validators.etag;
      r.validators.last_modified =
          d.validators.last_modified.empty() ? previous.last_modified : d.validators.last_modified;
      return r;
    }
    if (rc == CURLE_OK && status >= 200 && status < 300) {
      return FetchResult{false, status, path, d.validators, d.bytes};
    }
    std::filesystem::remove(path);
    if (d.too_large || rc == CURLE_FILESIZE_EXCEEDED)
      throw FetchError(say(&M::fetch_too_large, url, options.max_bytes));
    if (rc == CURLE_OK)
      last_error = say(&M::fetch_http_status, url, status);
    else
      last_error = say(&M::fetch_transfer, url, text::import_messages(options.lang).*transfer_problem(rc),
                       errbuf[0] ? std::string(errbuf) : curl_easy_strerror(rc));
    if (!retryable(rc, status) || attempt == attempts) {
      if (rc == CURLE_OK && status >= 400 && status < 500) throw FetchError(last_error + say(&M::fetch_check_url));
      // "The server may be down" only where that is what the failure suggests (a 5xx, a timeout, a
      // refused connection), not after a certificate or a malformed URL.
      throw FetchError(last_error + (attempt > 1 ? say(&M::fetch_tries, attempt) : std::string()) +
                       (retryable(rc, status) ? say(&M::fetch_retry_later) : std::string()));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(backoff));
    backoff = std::min(backoff * 2, kMaxBackoffMs);
  }
  throw FetchError(last_error);
}

}  // namespace sosei::host
