// The host function table handed to plugins, and the guarded lifecycle of one run.
#include "host/run_context.hpp"
#include "host/url_redaction.hpp"

#include <spdlog/spdlog.h>

#include <cstring>
#include <filesystem>

#include "input/input_stream.hpp"
#include "text/import_messages.hpp"
#include "text/system_errors.hpp"

struct sosei_host {
  sosei::host::RunContext* context;
};

struct sosei_input {
  std::unique_ptr<sosei::input::FingerprintingStream> stream;
  std::string name;
  bool closed = false;
};

namespace sosei::host {
namespace {

RunContext& ctx(sosei_host* h) { return *h->context; }

// The table is static: one per process, filled at start-up, never changed.
const sosei_host_api kHostApi = [] {
  sosei_host_api api{};
  api.api_version = SOSEI_API_VERSION;
  api.struct_size = sizeof(sosei_host_api);
  api.log = [](sosei_host* h, int32_t level, const char* m) { ctx(h).log(level, m); };
  api.emit = [](sosei_host* h, const sosei_observation* o, uint32_t n) { return ctx(h).emit(o, n); };
  api.setting = [](sosei_host* h, const char* name) { return ctx(h).setting(name); };
  api.open_file = [](sosei_host* h, const char* p, const char* e, const char* s, sosei_input** out) {
    return ctx(h).open_file(p, e, s, out);
  };
  api.fetch = [](sosei_host* h, const char* u, const char* e, const char* s, sosei_input** out) {
    return ctx(h).fetch(u, e, s, out);
  };
  api.read = [](sosei_host* h, sosei_input* in, char* b, size_t cap, size_t* got) {
    return ctx(h).read(in, b, cap, got);
  };
  api.input_name = [](sosei_host* h, sosei_input* in) { return ctx(h).input_name(in); };
  api.close = [](sosei_host* h, sosei_input* in) { ctx(h).close(in); };
  api.progress = [](sosei_host* h, uint64_t done, uint64_t total) { ctx(h).progress(done, total); };
  api.state_get = [](sosei_host* h, const char* k, char* b, size_t cap, size_t* len) {
    return ctx(h).state_get(k, b, cap, len);
  };
  api.state_set = [](sosei_host* h, const char* k, const char* v) { return ctx(h).state_set(k, v); };
  api.set_error = [](sosei_host* h, const char* m) { ctx(h).set_error(m); };
  api.reject = [](sosei_host* h, const char* f, uint64_t line, const char* r) { return ctx(h).reject(f, line, r); };
  return api;
}();

std::string or_empty(const char* s) { return s ? s : ""; }

const char* const kAbortMessage = "aborted: sosei is shutting down and the run did not finish within the grace period";

}  // namespace

RunContext::RunContext(std::shared_ptr<LoadedPlugin> plugin, RunSettings settings, ObservationSink& sink)
    : plugin_(std::move(plugin)),
      settings_(std::move(settings)),
      sink_(sink),
      log_prefix_("[" + settings_.source_id + "/" + plugin_->meta().name + "] "),
      handle_(std::make_unique<sosei_host>(sosei_host{this})) {}

RunContext::~RunContext() {
  inputs_.clear();
  for (const auto& f : downloads_) {
    std::error_code ec;
    std::filesystem::remove(f, ec);
  }
}

RunResult RunContext::run() {
  const sosei_plugin_descriptor& d = plugin_->descriptor();
  void* instance = nullptr;
  int32_t rc = SOSEI_OK;
  // The plugin's functions are C entry points, but a C++ plugin built without the SDK's trampolines
  // could still throw: guard every call.
  const text::Lang lang = settings_.fetch.lang;
  // The step as the reader says it: create, run and destroy are the SDK's names for 準備, 実行, 後始末.
  auto step = [lang](std::string_view what) -> std::string {
    if (lang == text::Lang::En) return std::string(what);
    return what == "create" ? "準備" : what == "run" ? "実行" : "後始末";
  };
  auto guarded = [&](auto&& call, const char* what) -> int32_t {
    try {
      return call();
    } catch (const std::exception& e) {
      plugin_error_ = text::say(lang, &text::ImportMessages::plugin_threw, step(what), e.what());
    } catch (...) {
      plugin_error_ = text::say(lang, &text::ImportMessages::plugin_threw_unknown, step(what));
    }
    return SOSEI_ERR_INTERNAL;
  };
  rc = guarded([&] { return d.create(&kHostApi, handle_.get(), &instance); }, "create");
  if (rc == SOSEI_OK) rc = guarded([&] { return d.run(instance); }, "run");
  if (instance)
    guarded(
        [&] {
          d.destroy(instance);
          return SOSEI_OK;
        },
        "destroy");
  inputs_.clear();

  if (rc == SOSEI_OK && error_.empty()) return RunResult::Succeeded;
  if (rc == SOSEI_UNCHANGED && error_.empty()) return RunResult::Unchanged;
  if (error_.empty()) {
    if (!sink_.stop_reason().empty())
      error_ = sink_.stop_reason();
    else if (!plugin_error_.empty())
      error_ = rc == SOSEI_ERR_INTERNAL ? text::say(settings_.fetch.lang, &text::ImportMessages::plugin_failed,
                                                    plugin_->meta().name, plugin_error_)
                                        : plugin_error_;
    else
      error_ =
          text::say(settings_.fetch.lang, &text::ImportMessages::plugin_code_without_reason, plugin_->meta().name, rc);
  }
  return RunResult::Failed;
}

std::string RunContext::fingerprint() const {
  std::string out;
  for (const auto& f : fingerprints_) out += (out.empty() ? "" : ",") + f;
  for (const auto& in : inputs_)
    if (in && !in->closed) out += (out.empty() ? "" : ",") + in->stream->fingerprint();
  return out;
}

int32_t RunContext::fail_with(int32_t code, std::string message) {
  if (error_.empty()) error_ = std::move(message);
  return code;
}

void RunContext::log(int32_t level, const char* message) {
  const std::string m = log_prefix_ + or_empty(message);
  switch (level) {
    case SOSEI_LOG_DEBUG:
      spdlog::debug(m);
      break;
    case SOSEI_LOG_INFO:
      spdlog::info(m);
      break;
    case SOSEI_LOG_WARN:
      spdlog::warn(m);
      break;
    default:
      spdlog::error(m);
      break;
  }
}

int32_t RunContext::emit(const sosei_observation* observations, uint32_t count) {
  if (!observations && count) return fail_with(SOSEI_ERR_REJECTED, "plugin emitted a null observation array");
  if (aborted()) return fail_with(SOSEI_ERR_REJECTED, kAbortMessage);
  for (uint32_t i = 0; i < count; ++i) {
    // The one place a plugin's C observation becomes the core's; a struct that cannot be read is
    // a rejected row like any other, under the source's bad-row policy.
    const auto malformed = assign_observation(observations[i], observation_);
    const int32_t rc = malformed ? sink_.reject(observation_.location, *malformed) : sink_.accept(observation_);
    if (rc != SOSEI_OK) return rc;
  }
  return SOSEI_OK;
}

const char* RunContext::setting(const char* name) {
  if (!name) return nullptr;
  auto it = settings_.settings.find(name);
  return it == settings_.settings.end() ? nullptr : it->second.c_str();
}

int32_t RunContext::open_stream(const std::string& path, const std::string& display_name, const char* encoding,
                                const char* sheet, sosei_input** out) {
  if (!out) return fail_with(SOSEI_ERR_INTERNAL, "open_file called without an output pointer");
  auto enc = input::encoding_from(or_empty(encoding).empty() ? "auto" : or_empty(encoding));
  if (!enc)
    return fail_with(SOSEI_ERR_CONFIG,
                     "unknown encoding '" + or_empty(encoding) + "' (use auto, utf-8, cp932 or binary)");
  try {
    auto stream = input::open_file(path, *enc, or_empty(sheet));
    auto in = std::make_unique<sosei_input>();
    in->name = display_name.empty() ? stream->name() : display_name;
    in->stream = std::make_unique<input::FingerprintingStream>(std::move(stream));
    *out = in.get();
    inputs_.push_back(std::move(in));
    return SOSEI_OK;
  } catch (const input::FileOpenError& e) {
    const text::Lang lang = settings_.fetch.lang;
    return fail_with(SOSEI_ERR_IO, text::say(lang, &text::ImportMessages::file_cannot_open, e.path(),
                                             text::system_error(e.errnum())(text::Locale{lang})));
  } catch (const std::exception& e) {
    return fail_with(SOSEI_ERR_IO, e.what());
  }
}

int32_t RunContext::open_file(const char* path, const char* encoding, const char* sheet, sosei_input** out) {
  if (!path || !*path) return fail_with(SOSEI_ERR_CONFIG, "open_file called without a path");
  return open_stream(path, "", encoding, sheet, out);
}

int32_t RunContext::fetch(const char* url, const char* encoding, const char* sheet, sosei_input** out) {
  if (!url || !*url) return fail_with(SOSEI_ERR_CONFIG, "fetch called without a URL");
  const std::string u = url;
  // What logs, state keys, input names and errors show: a credential in the query (e-Stat's appId)
  // must not reach the run record or the log.
  const std::string shown = redact_url(u);
  const std::string etag_key = "http.etag " + shown, modified_key = "http.last_modified " + shown;
  FetchValidators previous{sink_.state(etag_key).value_or(""), sink_.state(modified_key).value_or("")};
  try {
    FetchResult r = http_fetch(u, settings_.fetch, previous, std::filesystem::temp_directory_path().string());
    if (r.not_modified) {
      log(SOSEI_LOG_INFO, (shown + " has not changed since the last import (HTTP 304)").c_str());
      return SOSEI_UNCHANGED;
    }
    downloads_.push_back(r.path);
    // Saved with the run: a failed import will fetch the file again next time.
    sink_.set_state(etag_key, r.validators.etag);
    sink_.set_state(modified_key, r.validators.last_modified);
    return open_stream(r.path, shown, encoding, sheet, out);
  } catch (const FetchError& e) {
    return fail_with(SOSEI_ERR_IO, redact_url_in(e.what(), u));
  }
}

int32_t RunContext::read(sosei_input* input, char* buffer, size_t capacity, size_t* got) {
  if (!input || input->closed || !got) return fail_with(SOSEI_ERR_INTERNAL, "read on a closed or unknown input");
  if (aborted()) return fail_with(SOSEI_ERR_REJECTED, kAbortMessage);
  try {
    *got = input->stream->read(buffer, capacity);
    return SOSEI_OK;
  } catch (const std::exception& e) {
    *got = 0;
    return fail_with(SOSEI_ERR_IO, e.what());
  }
}

const char* RunContext::input_name(sosei_input* input) { return input ? input->name.c_str() : ""; }

void RunContext::close(sosei_input* input) {
  if (!input || input->closed) return;
  fingerprints_.push_back(input->stream->fingerprint());
  input->closed = true;
  input->stream.reset();
}

void RunContext::progress(uint64_t done, uint64_t total) {
  if (settings_.on_progress) settings_.on_progress(done, total);
}

int32_t RunContext::state_get(const char* key, char* buffer, size_t capacity, size_t* length) {
  if (!key || !length) return SOSEI_ERR_INTERNAL;
  auto v = sink_.state(std::string("plugin.") + key);
  if (!v) return SOSEI_ERR_INPUT;
  *length = v->size();
  if (buffer && capacity > v->size()) {
    std::memcpy(buffer, v->data(), v->size());
    buffer[v->size()] = '\0';
  }
  return SOSEI_OK;
}

int32_t RunContext::state_set(const char* key, const char* value) {
  if (!key || !value) return SOSEI_ERR_INTERNAL;
  sink_.set_state(std::string("plugin.") + key, value);
  return SOSEI_OK;
}

void RunContext::set_error(const char* message) { plugin_error_ = or_empty(message); }

int32_t RunContext::reject(const char* file, uint64_t line, const char* reason) {
  std::string location = or_empty(file);
  if (location.empty()) location = settings_.source_id;
  if (line) location += ":" + std::to_string(line);
  return sink_.reject(location, or_empty(reason));
}

}  // namespace sosei::host
