// The C++ layer of the plugin SDK: write one class with a run(Context&) method and declare it with
// SOSEI_PLUGIN. Header-only; everything here compiles into the plugin, only sdk.h types cross.
#pragma once

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include "sosei/csv.hpp"
#include "sosei/sdk.h"

namespace sosei {

// An error the plugin reports: the code tells the host what kind, the message tells the user what
// to do. Thrown from run(); the trampoline turns it into code + set_error().
class PluginError : public std::runtime_error {
 public:
  PluginError(sosei_status code, const std::string& message) : std::runtime_error(message), code_(code) {}
  sosei_status code() const { return code_; }

 private:
  sosei_status code_;
};

// Thrown when the host asked the run to stop (a rejected row under on_bad_row: fail, or an unchanged
// remote file). The host already knows why; plugins let it propagate.
class RunStopped : public std::exception {
 public:
  explicit RunStopped(sosei_status code) : code_(code) {}
  sosei_status code() const { return code_; }
  const char* what() const noexcept override { return "run stopped by the host"; }

 private:
  sosei_status code_;
};

inline sosei_str to_sosei_str(std::string_view s) { return {s.data(), s.size()}; }

// One observation as a plugin builds it; string views must live until emit() returns.
struct Observation {
  std::string_view series;
  sosei_period period{};
  std::span<const sosei_dimension> dimensions{};
  sosei_value_kind value_kind = SOSEI_VALUE_NUMBER;
  double number = 0;
  uint32_t flags = 0;
  std::string_view note{};
  std::string_view file{};
  uint64_t line = 0;
};

inline sosei_dimension dimension(std::string_view key, std::string_view value) {
  return {to_sosei_str(key), to_sosei_str(value)};
}

// The settings most plugins read their input with: `file` (import a local file) or `url` (fetch
// it), and the `encoding` and XLSX `sheet` to read it with. Put them first in a settings table with
// join_settings(kInputSettings, …) and open the input with Context::open_configured_input().
inline constexpr std::array<sosei_setting_spec, 4> kInputSettings{{
    {"file", SOSEI_SETTING_PATH, 0, nullptr,
     "取り込む表のファイル（CSV、TSV、XLSX）。ダウンロードするときは代わりに url を設定します"},
    {"url", SOSEI_SETTING_URL, 0, nullptr, "手元のファイルの代わりに、この URL から表をダウンロードして取り込みます"},
    {"encoding", SOSEI_SETTING_STRING, 0, "auto",
     "文字コード: auto（UTF-8 か CP932 かを自動で判定。UTF-8 の BOM はあってもなくても可）、utf-8、cp932"},
    {"sheet", SOSEI_SETTING_STRING, 0, "", "XLSX のとき読むシートの名前（省略時: 最初のシート）"},
}};

// One settings table made of several, in order: constexpr auto kSettings = join_settings(kInputSettings, kOwn).
template <std::size_t... N>
constexpr std::array<sosei_setting_spec, (N + ...)> join_settings(const std::array<sosei_setting_spec, N>&... parts) {
  std::array<sosei_setting_spec, (N + ...)> all{};
  std::size_t at = 0;
  ((std::copy(parts.begin(), parts.end(), all.begin() + static_cast<std::ptrdiff_t>(at)), at += N), ...);
  return all;
}

// `settings` with the help of setting `name` replaced: a shared declaration explained for this
// plugin. A name the table lacks does not compile (in a constexpr table) or throws.
template <std::size_t N>
constexpr std::array<sosei_setting_spec, N> with_help(std::array<sosei_setting_spec, N> settings, std::string_view name,
                                                      const char* help) {
  bool found = false;
  for (auto& s : settings)
    if (std::string_view(s.name) == name) s.help = help, found = true;
  if (!found) throw std::invalid_argument("with_help: no such setting");
  return settings;
}

// Display names (sdk.h, since API v2): what the report and dashboard show instead of a series name, a
// dimension key or a coded value, in Japanese and English. Declare them in a table beside the series
// table and pass it as PluginInfo::display_names:
//   constexpr std::array<sosei_display_name, 3> kNames{{
//       sosei::series_name("monthly_visitors", "観光入込客数", "Visitors"),
//       sosei::dimension_name("spot", "観光地点", "Spot"),
//       sosei::value_name("covered", "yes", "組織あり", "Organized"),
//   }};
// Name the coded values a person would not understand (yes/no, day_trip); names such as 「西町」 or
// 「山田線」 are shown as they are.
constexpr sosei_display_name series_name(const char* series, const char* ja, const char* en) {
  return {SOSEI_NAME_SERIES, series, nullptr, ja, en};
}
constexpr sosei_display_name dimension_name(const char* key, const char* ja, const char* en) {
  return {SOSEI_NAME_DIMENSION, key, nullptr, ja, en};
}
constexpr sosei_display_name value_name(const char* dimension, const char* value, const char* ja, const char* en) {
  return {SOSEI_NAME_DIMENSION_VALUE, value, dimension, ja, en};
}

class Context;

// An open input stream from the host (a local file or a fetched URL), as UTF-8 bytes.
class Input : public ByteReader {
 public:
  Input(const sosei_host_api* api, sosei_host* host, sosei_input* handle) : api_(api), host_(host), handle_(handle) {}
  Input(Input&& o) noexcept : api_(o.api_), host_(o.host_), handle_(o.handle_) { o.handle_ = nullptr; }
  Input& operator=(Input&&) = delete;
  Input(const Input&) = delete;
  ~Input() override {
    if (handle_) api_->close(host_, handle_);
  }

  std::size_t read(char* buffer, std::size_t capacity) override {
    std::size_t got = 0;
    int32_t rc = api_->read(host_, handle_, buffer, capacity, &got);
    if (rc != SOSEI_OK) throw RunStopped(static_cast<sosei_status>(rc));  // host recorded the reason
    return got;
  }
  std::string name() const { return api_->input_name(host_, handle_); }

 private:
  const sosei_host_api* api_;
  sosei_host* host_;
  sosei_input* handle_;
};

// What a plugin sees of the host during one run.
class Context {
 public:
  // `declared`: the plugin's settings table (SOSEI_PLUGIN passes it), where the typed accessors
  // below find each setting's default.
  Context(const sosei_host_api* api, sosei_host* host, std::span<const sosei_setting_spec> declared = {})
      : api_(api), host_(host), declared_(declared) {}

  // Settings, typed. The host validated them against the settings table before the run (names,
  // types, required ones). Each returns the source's value, else the default declared in the table,
  // else "" (0, false): a default is written once, in the table. Reading a name the table does not
  // declare is a bug in the plugin and throws PluginError(SOSEI_ERR_INTERNAL).
  std::string string_setting(const char* name) const { return declared_value(name).value_or(""); }
  long long integer_setting(const char* name) const {
    auto v = declared_value(name);
    return v && !v->empty() ? std::stoll(*v) : 0;
  }
  double number_setting(const char* name) const {
    auto v = declared_value(name);
    double number = 0;
    if (v && !v->empty()) std::from_chars(v->data(), v->data() + v->size(), number);
    return number;
  }
  bool boolean_setting(const char* name) const {
    auto v = declared_value(name);
    return v && is_true(*v);
  }
  // A setting that must not be empty, else PluginError(SOSEI_ERR_CONFIG) naming it.
  std::string required_setting(const char* name) const {
    auto v = setting(name);
    if (!v || v->empty()) throw PluginError(SOSEI_ERR_CONFIG, std::string("setting '") + name + "' is required");
    return *v;
  }

  // Untyped access, as the host hands settings over: the value, or nullopt when it is unset and has
  // no default. The forms with a fallback restate a default; prefer the typed accessors above.
  std::optional<std::string> setting(const char* name) const {
    const char* v = api_->setting(host_, name);
    return v ? std::optional<std::string>(v) : std::nullopt;
  }
  std::string setting_or(const char* name, std::string fallback) const {
    auto v = setting(name);
    return v ? *v : fallback;
  }
  bool has_setting(const char* name) const { return api_->setting(host_, name) != nullptr; }

  // The unit the strategy declares for KPI `kpi` ("組", "校", "" for a bare number), or nullopt when
  // the source is not bound to it (or the host is older). Pass it to parse_value(text, units) so that
  // the KPI's own unit reads as a unit (5組).
  std::optional<std::string> kpi_unit(std::string_view kpi) const {
    const std::string name = std::string(SOSEI_SETTING_KPI_UNIT).append(kpi);
    return setting(name.c_str());
  }
  long long integer_setting(const char* name, long long fallback) const {
    auto v = setting(name);
    return v && !v->empty() ? std::stoll(*v) : fallback;
  }
  bool boolean_setting(const char* name, bool fallback) const {
    auto v = setting(name);
    if (!v || v->empty()) return fallback;
    return is_true(*v);
  }

  void debug(const std::string& m) const { api_->log(host_, SOSEI_LOG_DEBUG, m.c_str()); }
  void info(const std::string& m) const { api_->log(host_, SOSEI_LOG_INFO, m.c_str()); }
  void warn(const std::string& m) const { api_->log(host_, SOSEI_LOG_WARN, m.c_str()); }
  void error(const std::string& m) const { api_->log(host_, SOSEI_LOG_ERROR, m.c_str()); }

  // encoding: "auto", "utf-8", "cp932", "binary"; sheet: XLSX sheet name ("" = first).
  Input open_file(const std::string& path, const std::string& encoding = "auto", const std::string& sheet = "") const {
    sosei_input* handle = nullptr;
    int32_t rc = api_->open_file(host_, path.c_str(), encoding.c_str(), sheet.c_str(), &handle);
    if (rc != SOSEI_OK) throw RunStopped(static_cast<sosei_status>(rc));
    return Input(api_, host_, handle);
  }
  // Throws RunStopped(SOSEI_UNCHANGED) when the remote file has not changed since the last run.
  Input fetch(const std::string& url, const std::string& encoding = "auto", const std::string& sheet = "") const {
    sosei_input* handle = nullptr;
    int32_t rc = api_->fetch(host_, url.c_str(), encoding.c_str(), sheet.c_str(), &handle);
    if (rc != SOSEI_OK) throw RunStopped(static_cast<sosei_status>(rc));
    return Input(api_, host_, handle);
  }
  // The input kInputSettings name: `file`, else `url`, read with the `encoding` and `sheet` settings
  // (when the plugin declares them; else auto-detected, first sheet).
  Input open_configured_input() const {
    return open_configured_input(value_or_default("encoding").value_or("auto"), value_or_default("sheet").value_or(""));
  }
  // The same with an encoding and sheet of the plugin's choice.
  Input open_configured_input(const std::string& encoding, const std::string& sheet = "") const {
    auto file = setting("file");
    if (file && !file->empty()) return open_file(*file, encoding, sheet);
    auto url = setting("url");
    if (url && !url->empty()) return fetch(*url, encoding, sheet);
    throw PluginError(SOSEI_ERR_CONFIG, "set either 'file' (import a file) or 'url' (fetch it)");
  }

  void emit(const Observation& o) const {
    sosei_observation c{};
    c.struct_size = sizeof(sosei_observation);
    c.flags = o.flags;
    c.series = to_sosei_str(o.series);
    c.period = o.period;
    c.dimensions = o.dimensions.data();
    c.dimension_count = static_cast<uint32_t>(o.dimensions.size());
    c.value_kind = o.value_kind;
    c.number = o.number;
    c.note = to_sosei_str(o.note);
    c.file = to_sosei_str(o.file);
    c.line = o.line;
    int32_t rc = api_->emit(host_, &c, 1);
    if (rc != SOSEI_OK) throw RunStopped(static_cast<sosei_status>(rc));
  }

  // A row the plugin cannot read. Returns when the source skips bad rows; otherwise the run stops.
  void reject(const std::string& file, uint64_t line, const std::string& reason) const {
    int32_t rc = api_->reject(host_, file.c_str(), line, reason.c_str());
    if (rc != SOSEI_OK) throw RunStopped(static_cast<sosei_status>(rc));
  }

  void progress(uint64_t done, uint64_t total) const { api_->progress(host_, done, total); }

  std::optional<std::string> state(const char* key) const {
    char small[256];
    std::size_t length = 0;
    if (api_->state_get(host_, key, small, sizeof small, &length) != SOSEI_OK) return std::nullopt;
    if (length < sizeof small) return std::string(small, length);
    std::string big(length + 1, '\0');
    api_->state_get(host_, key, big.data(), big.size(), &length);
    big.resize(length);
    return big;
  }
  void set_state(const char* key, const std::string& value) const {
    if (api_->state_set(host_, key, value.c_str()) != SOSEI_OK)
      throw PluginError(SOSEI_ERR_INTERNAL, std::string("cannot save state '") + key + "'");
  }

  const sosei_host_api* api() const { return api_; }
  sosei_host* host() const { return host_; }

 private:
  static bool is_true(const std::string& v) { return v == "true" || v == "yes" || v == "1" || v == "on"; }

  const sosei_setting_spec* declaration(std::string_view name) const {
    for (const auto& spec : declared_)
      if (spec.name && name == spec.name) return &spec;
    return nullptr;
  }

  // The host's value, else the declared default (a host that resolved defaults already gives it).
  std::optional<std::string> value_or_default(const char* name) const {
    if (auto v = setting(name)) return v;
    const sosei_setting_spec* spec = declaration(name);
    return spec && spec->default_value ? std::optional<std::string>(spec->default_value) : std::nullopt;
  }

  std::optional<std::string> declared_value(const char* name) const {
    if (!declared_.empty() && !declaration(name))
      throw PluginError(SOSEI_ERR_INTERNAL, std::string("the plugin reads setting '") + name +
                                                "', which its settings table does not declare");
    return value_or_default(name);
  }

  const sosei_host_api* api_;
  sosei_host* host_;
  std::span<const sosei_setting_spec> declared_;
};

// What a plugin declares about itself (static data; arrays live for the program's lifetime). Write the
// description and every help text in Japanese: the department's staff read them (`sosei plugin check`)
// when they write the source's settings in sources.yaml.
struct PluginInfo {
  const char* name;
  const char* version;
  const char* department;
  const char* description;
  std::span<const sosei_setting_spec> settings;
  std::span<const sosei_series_spec> series;
  std::span<const sosei_display_name> display_names{};  // optional: series_name(), dimension_name(), value_name()
};

// A plugin: one instance per run, constructed before any input is read.
class Plugin {
 public:
  virtual ~Plugin() = default;
  virtual void run(Context& context) = 0;
};

namespace detail {

template <class T>
struct Instance {
  Context context;
  T plugin;
};

// Every call into plugin code is wrapped: no exception crosses the C boundary.
template <class Fn>
int32_t guarded(const sosei_host_api* api, sosei_host* host, Fn&& fn) {
  try {
    fn();
    return SOSEI_OK;
  } catch (const RunStopped& s) {
    return s.code();
  } catch (const PluginError& e) {
    api->set_error(host, e.what());
    return e.code();
  } catch (const CsvError& e) {
    api->set_error(host, e.what());
    return SOSEI_ERR_INPUT;
  } catch (const std::exception& e) {
    api->set_error(host, e.what());
    return SOSEI_ERR_INTERNAL;
  } catch (...) {
    api->set_error(host, "unknown exception in plugin");
    return SOSEI_ERR_INTERNAL;
  }
}

template <class T>
int32_t create(const sosei_host_api* api, sosei_host* host, void** out) {
  return guarded(api, host, [&] { *out = new Instance<T>{Context(api, host, T::info().settings), T()}; });
}

template <class T>
int32_t run(void* instance) {
  auto* in = static_cast<Instance<T>*>(instance);
  return guarded(in->context.api(), in->context.host(), [&] { in->plugin.run(in->context); });
}

template <class T>
void destroy(void* instance) {
  delete static_cast<Instance<T>*>(instance);
}

template <class T>
sosei_plugin_descriptor make_descriptor(const PluginInfo& info) {
  sosei_plugin_descriptor d{};
  d.api_version = SOSEI_API_VERSION;
  d.struct_size = sizeof(sosei_plugin_descriptor);
  d.name = info.name;
  d.version = info.version;
  d.department = info.department;
  d.description = info.description;
  d.settings = info.settings.data();
  d.setting_count = static_cast<uint32_t>(info.settings.size());
  d.series = info.series.data();
  d.series_count = static_cast<uint32_t>(info.series.size());
  d.create = &create<T>;
  d.run = &run<T>;
  d.destroy = &destroy<T>;
  d.display_names = info.display_names.empty() ? nullptr : info.display_names.data();
  d.display_name_count = static_cast<uint32_t>(info.display_names.size());
  return d;
}

}  // namespace detail
}  // namespace sosei

// Declares the plugin class T (derived from sosei::Plugin, default-constructible, with a static
// `sosei::PluginInfo info()`) as this library's plugin. Use once per plugin library.
#define SOSEI_PLUGIN(T)                                                                               \
  extern "C" SOSEI_EXPORT const sosei_plugin_descriptor* sosei_plugin_entry(void) {                   \
    static const sosei_plugin_descriptor descriptor = ::sosei::detail::make_descriptor<T>(T::info()); \
    return &descriptor;                                                                               \
  }
