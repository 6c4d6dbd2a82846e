// A fake sosei host for unit-testing a plugin without the core (use it from GoogleTest or any
// framework): give it settings, files and canned HTTP replies, run the plugin, then look at what it
// emitted, rejected and logged. Header-only; only SDK types and the standard library.
//
//   sosei::testing::FakeHost host;
//   host.setting("file", "visitors.csv").file("visitors.csv", "period,value\nR7,5件\n");
//   ASSERT_EQ(host.run<MyPlugin>(), SOSEI_OK) << host.error();
//   EXPECT_EQ(host.observations().at(0).number, 5);
//
// Unlike the real host it does not convert encodings, read XLSX sheets or validate observations
// against a strategy: `sosei plugin check` runs a plugin through the real host for that. Like the
// real host it refuses a second value for one key (series, period, dimensions) in a run: a rejection
// naming both locations, which fails the run unless skip_bad_rows().
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sosei/plugin.hpp"
#include "sosei/sdk.h"

namespace sosei::testing {

// An observation as the plugin emitted it, with its strings copied.
struct CapturedObservation {
  std::string series;
  sosei_period period{};
  std::vector<std::pair<std::string, std::string>> dimensions;
  int32_t value_kind = SOSEI_VALUE_NUMBER;
  double number = 0;
  uint32_t flags = 0;
  std::string note;
  std::string file;
  uint64_t line = 0;

  // The value of one dimension, or "" when the observation has none of that name.
  std::string dimension(const std::string& key) const {
    for (const auto& [k, v] : dimensions)
      if (k == key) return v;
    return "";
  }
};

struct CapturedRejection {
  std::string file;
  uint64_t line = 0;
  std::string reason;
};

struct CapturedLog {
  int32_t level = SOSEI_LOG_INFO;
  std::string message;
};

// What fetch(url) answers. 304 makes fetch return SOSEI_UNCHANGED; other non-2xx statuses fail with
// SOSEI_ERR_IO, as the real host does after its retries.
struct HttpReply {
  int status = 200;
  std::string body;
};

class FakeHost {
 public:
  FakeHost& setting(std::string name, std::string value) {
    settings_[std::move(name)] = std::move(value);
    return *this;
  }
  // open_file(path) and fetch bodies are served from memory; a path not registered is read from disk.
  FakeHost& file(std::string path, std::string content) {
    files_[std::move(path)] = std::move(content);
    return *this;
  }
  FakeHost& http(std::string url, HttpReply reply) {
    replies_[std::move(url)] = std::move(reply);
    return *this;
  }
  FakeHost& state(std::string key, std::string value) {
    state_[std::move(key)] = std::move(value);
    return *this;
  }
  // on_bad_row: skip (reject() returns OK and the run goes on) instead of fail.
  FakeHost& skip_bad_rows(bool skip = true) {
    skip_bad_rows_ = skip;
    return *this;
  }

  // Runs the plugin class T (declared with SOSEI_PLUGIN) and returns the run's status code.
  template <class T>
  int32_t run() {
    static const sosei_plugin_descriptor descriptor = ::sosei::detail::make_descriptor<T>(T::info());
    return run(&descriptor);
  }

  // Runs a plugin by its descriptor (e.g. from sosei_plugin_entry()): create, run, destroy.
  int32_t run(const sosei_plugin_descriptor* d) {
    reset_results();
    resolved_ = settings_;
    for (uint32_t i = 0; i < d->setting_count; ++i) {
      const sosei_setting_spec& s = d->settings[i];
      if (!resolved_.count(s.name) && s.default_value) resolved_[s.name] = s.default_value;
    }
    void* instance = nullptr;
    int32_t rc = d->create(&api(), handle(), &instance);
    if (rc == SOSEI_OK) rc = d->run(instance);
    if (instance) d->destroy(instance);
    inputs_.clear();
    return rc;
  }

  const std::vector<CapturedObservation>& observations() const { return observations_; }
  const std::vector<CapturedRejection>& rejections() const { return rejections_; }
  const std::vector<CapturedLog>& logs() const { return logs_; }
  // The message set with set_error() (or a host-side error such as a missing file).
  const std::string& error() const { return error_; }
  const std::map<std::string, std::string>& saved_state() const { return state_; }
  std::pair<uint64_t, uint64_t> last_progress() const { return progress_; }
  // URLs fetched, in order.
  const std::vector<std::string>& fetched() const { return fetched_; }

 private:
  struct Input {
    std::string name;
    std::string data;
    std::size_t offset = 0;
  };

  static FakeHost& self(sosei_host* h) { return *reinterpret_cast<FakeHost*>(h); }
  sosei_host* handle() { return reinterpret_cast<sosei_host*>(this); }
  static Input& input(sosei_input* in) { return *reinterpret_cast<Input*>(in); }

  void reset_results() {
    keys_.clear();
    observations_.clear();
    rejections_.clear();
    logs_.clear();
    error_.clear();
    fetched_.clear();
    progress_ = {0, 0};
  }

  int32_t fail(int32_t code, std::string message) {
    if (error_.empty()) error_ = std::move(message);
    return code;
  }

  int32_t open(const std::string& name, std::string data, sosei_input** out) {
    inputs_.push_back(std::make_unique<Input>(Input{name, std::move(data), 0}));
    *out = reinterpret_cast<sosei_input*>(inputs_.back().get());
    return SOSEI_OK;
  }

  int32_t open_file(const char* path, sosei_input** out) {
    if (!path || !out) return fail(SOSEI_ERR_CONFIG, "open_file called without a path");
    if (auto it = files_.find(path); it != files_.end()) return open(path, it->second, out);
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(SOSEI_ERR_IO, std::string("cannot open ") + path + ": no such file (register it with file())");
    std::stringstream ss;
    ss << in.rdbuf();
    return open(path, ss.str(), out);
  }

  int32_t fetch(const char* url, sosei_input** out) {
    if (!url || !out) return fail(SOSEI_ERR_CONFIG, "fetch called without a URL");
    fetched_.push_back(url);
    auto it = replies_.find(url);
    if (it == replies_.end())
      return fail(SOSEI_ERR_IO, std::string("no canned reply for ") + url + " (register it with http())");
    if (it->second.status == 304) return SOSEI_UNCHANGED;
    if (it->second.status < 200 || it->second.status > 299)
      return fail(SOSEI_ERR_IO, std::string(url) + " answered HTTP " + std::to_string(it->second.status));
    return open(url, it->second.body, out);
  }

  // series|kind|year|month|day|sorted dimensions: one value per key and run, as the host keeps it.
  static std::string key_of(const CapturedObservation& c) {
    auto dims = c.dimensions;
    std::sort(dims.begin(), dims.end());
    std::string key = c.series + "|" + std::to_string(c.period.kind) + "|" + std::to_string(c.period.year) + "|" +
                      std::to_string(c.period.month) + "|" + std::to_string(c.period.day);
    for (const auto& [k, v] : dims) key += "|" + k + "=" + v;
    return key;
  }

  int32_t emit(const sosei_observation* o, uint32_t n) {
    for (uint32_t i = 0; i < n; ++i) {
      CapturedObservation c;
      c.series.assign(o[i].series.data ? o[i].series.data : "", o[i].series.size);
      c.period = o[i].period;
      for (uint32_t k = 0; o[i].dimensions && k < o[i].dimension_count; ++k)
        c.dimensions.emplace_back(std::string(o[i].dimensions[k].key.data, o[i].dimensions[k].key.size),
                                  std::string(o[i].dimensions[k].value.data, o[i].dimensions[k].value.size));
      c.value_kind = o[i].value_kind;
      c.number = o[i].number;
      c.flags = o[i].flags;
      if (o[i].note.data) c.note.assign(o[i].note.data, o[i].note.size);
      if (o[i].file.data) c.file.assign(o[i].file.data, o[i].file.size);
      c.line = o[i].line;
      const std::string here = c.file + ":" + std::to_string(c.line);
      const auto [first, fresh] = keys_.emplace(key_of(c), here);
      if (!fresh) {
        rejections_.push_back({c.file, c.line, "a second value for the same key in one run, after " + first->second});
        if (skip_bad_rows_) continue;
        return fail(SOSEI_ERR_REJECTED, here + ": " + rejections_.back().reason);
      }
      observations_.push_back(std::move(c));
    }
    return SOSEI_OK;
  }

  const sosei_host_api& api() {
    static const sosei_host_api table = [] {
      sosei_host_api a{};
      a.api_version = SOSEI_API_VERSION;
      a.struct_size = sizeof(sosei_host_api);
      a.log = [](sosei_host* h, int32_t level, const char* m) { self(h).logs_.push_back({level, m ? m : ""}); };
      a.emit = [](sosei_host* h, const sosei_observation* o, uint32_t n) { return self(h).emit(o, n); };
      a.setting = [](sosei_host* h, const char* name) -> const char* {
        auto& r = self(h).resolved_;
        auto it = name ? r.find(name) : r.end();
        return it == r.end() ? nullptr : it->second.c_str();
      };
      a.open_file = [](sosei_host* h, const char* path, const char*, const char*, sosei_input** out) {
        return self(h).open_file(path, out);
      };
      a.fetch = [](sosei_host* h, const char* url, const char*, const char*, sosei_input** out) {
        return self(h).fetch(url, out);
      };
      a.read = [](sosei_host*, sosei_input* in, char* buffer, size_t capacity, size_t* got) {
        Input& i = input(in);
        *got = std::min(capacity, i.data.size() - i.offset);
        std::memcpy(buffer, i.data.data() + i.offset, *got);
        i.offset += *got;
        return static_cast<int32_t>(SOSEI_OK);
      };
      a.input_name = [](sosei_host*, sosei_input* in) { return input(in).name.c_str(); };
      a.close = [](sosei_host*, sosei_input*) {};
      a.progress = [](sosei_host* h, uint64_t done, uint64_t total) { self(h).progress_ = {done, total}; };
      a.state_get = [](sosei_host* h, const char* key, char* buffer, size_t capacity, size_t* length) {
        auto& s = self(h).state_;
        auto it = key ? s.find(key) : s.end();
        if (it == s.end()) return static_cast<int32_t>(SOSEI_ERR_INPUT);
        *length = it->second.size();
        if (capacity > it->second.size()) std::memcpy(buffer, it->second.c_str(), it->second.size() + 1);
        return static_cast<int32_t>(SOSEI_OK);
      };
      a.state_set = [](sosei_host* h, const char* key, const char* value) {
        self(h).state_[key ? key : ""] = value ? value : "";
        return static_cast<int32_t>(SOSEI_OK);
      };
      a.set_error = [](sosei_host* h, const char* m) { self(h).error_ = m ? m : ""; };
      a.reject = [](sosei_host* h, const char* file, uint64_t line, const char* reason) {
        FakeHost& f = self(h);
        f.rejections_.push_back({file ? file : "", line, reason ? reason : ""});
        if (f.skip_bad_rows_) return static_cast<int32_t>(SOSEI_OK);
        f.fail(SOSEI_ERR_REJECTED,
               std::string(file ? file : "") + ":" + std::to_string(line) + ": " + (reason ? reason : ""));
        return static_cast<int32_t>(SOSEI_ERR_REJECTED);
      };
      return a;
    }();
    return table;
  }

  std::map<std::string, std::string> settings_;
  std::map<std::string, std::string> resolved_;
  std::map<std::string, std::string> files_;
  std::map<std::string, HttpReply> replies_;
  std::map<std::string, std::string> state_;
  bool skip_bad_rows_ = false;
  std::vector<std::unique_ptr<Input>> inputs_;
  std::vector<CapturedObservation> observations_;
  std::map<std::string, std::string> keys_;  // emitted keys → where first
  std::vector<CapturedRejection> rejections_;
  std::vector<CapturedLog> logs_;
  std::string error_;
  std::vector<std::string> fetched_;
  std::pair<uint64_t, uint64_t> progress_{0, 0};
};

// The display name (sdk.h, since API v2) a descriptor declares for a series, a dimension key or (with
// `dimension`) a value of that dimension; nullptr when it declares none.
//   const auto* n = find_display_name(sosei_plugin_entry(), SOSEI_NAME_DIMENSION, "spot");
//   EXPECT_STREQ(n->name_ja, "観光地点");
inline const sosei_display_name* find_display_name(const sosei_plugin_descriptor* d, sosei_name_kind kind,
                                                   std::string_view key, std::string_view dimension = {}) {
  for (uint32_t i = 0; i < d->display_name_count; ++i) {
    const sosei_display_name& n = d->display_names[i];
    if (n.kind == kind && n.key && key == n.key &&
        (kind != SOSEI_NAME_DIMENSION_VALUE || (n.dimension && dimension == n.dimension)))
      return &n;
  }
  return nullptr;
}

// The declared series and the dimension keys of `observations` for which the descriptor declares no
// display name in both languages ("series monthly_visitors", "dimension spot"), each once: a test that every
// heading the report shows for the plugin's data is named.
inline std::vector<std::string> unnamed_keys(const sosei_plugin_descriptor* d,
                                             const std::vector<CapturedObservation>& observations) {
  auto named = [&](sosei_name_kind kind, const std::string& key) {
    const sosei_display_name* n = find_display_name(d, kind, key);
    return n && n->name_ja && *n->name_ja && n->name_en && *n->name_en;
  };
  std::vector<std::string> missing;
  auto add = [&](std::string what) {
    if (std::find(missing.begin(), missing.end(), what) == missing.end()) missing.push_back(std::move(what));
  };
  for (const auto& o : observations) {
    bool declared = false;  // a series not in the series table is a KPI, which the strategy names
    for (uint32_t i = 0; i < d->series_count; ++i)
      declared = declared || (d->series[i].name && o.series == d->series[i].name);
    if (declared && !named(SOSEI_NAME_SERIES, o.series)) add("series " + o.series);
    for (const auto& dimension : o.dimensions)
      if (!named(SOSEI_NAME_DIMENSION, dimension.first)) add("dimension " + dimension.first);
  }
  return missing;
}

}  // namespace sosei::testing
