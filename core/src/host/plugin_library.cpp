// Plugin loading: version check first, then every descriptor field, so a broken plugin is refused
// with a sentence instead of crashing the host later.
#include "host/plugin_library.hpp"

#include <boost/dll/shared_library.hpp>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <set>

#include "common/identifiers.hpp"

namespace sosei::host {
namespace {

// Size of the descriptor each API version defined; a plugin's struct_size may not be smaller.
std::size_t descriptor_size_for(uint32_t api_version) {
  switch (api_version) {
    case 1:
      return offsetof(sosei_plugin_descriptor, destroy) + sizeof(void (*)(void*));
    case 2:
      return offsetof(sosei_plugin_descriptor, display_name_count) + sizeof(uint32_t);
    default:
      return sizeof(sosei_plugin_descriptor);
  }
}

std::string text_or_empty(const char* s) { return s ? s : ""; }

void check_settings(const std::string& file, const sosei_plugin_descriptor& d, PluginMeta& meta) {
  if (d.setting_count > 0 && !d.settings)
    throw PluginLoadError(file, "malformed descriptor: setting_count is " + std::to_string(d.setting_count) +
                                    " but the settings table is missing");
  std::set<std::string> seen;
  for (uint32_t i = 0; i < d.setting_count; ++i) {
    const sosei_setting_spec& s = d.settings[i];
    std::string name = text_or_empty(s.name);
    if (!is_identifier(name))
      throw PluginLoadError(file, "malformed descriptor: setting #" + std::to_string(i + 1) + " has the name '" + name +
                                      "' (expected lower-case letters, digits and _)");
    if (!seen.insert(name).second)
      throw PluginLoadError(file, "malformed descriptor: setting '" + name + "' is declared twice");
    if (s.type < SOSEI_SETTING_STRING || s.type > SOSEI_SETTING_URL)
      throw PluginLoadError(file,
                            "malformed descriptor: setting '" + name + "' has unknown type " + std::to_string(s.type));
    SettingSpec spec{name,
                     static_cast<sosei_setting_type>(s.type),
                     s.required != 0,
                     s.default_value != nullptr,
                     text_or_empty(s.default_value),
                     text_or_empty(s.help)};
    if (spec.has_default && !setting_value_fits(s.type, spec.default_value))
      throw PluginLoadError(file, "malformed descriptor: the default '" + spec.default_value + "' of setting '" + name +
                                      "' is not a valid " + setting_type_name(s.type));
    meta.settings.push_back(std::move(spec));
  }
}

void check_series(const std::string& file, const sosei_plugin_descriptor& d, PluginMeta& meta) {
  if (d.series_count > 0 && !d.series)
    throw PluginLoadError(file, "malformed descriptor: series_count is " + std::to_string(d.series_count) +
                                    " but the series table is missing");
  for (uint32_t i = 0; i < d.series_count; ++i) {
    std::string name = text_or_empty(d.series[i].name);
    if (name != "*" && !is_identifier(name))
      throw PluginLoadError(file, "malformed descriptor: series #" + std::to_string(i + 1) + " has the name '" + name +
                                      "' (expected lower-case letters, digits and _, or *)");
    meta.series.push_back({name, text_or_empty(d.series[i].unit), text_or_empty(d.series[i].help)});
  }
}

// Whether the plugin's descriptor is long enough to hold the field that ends at `end`: a plugin built
// against an older header has a smaller struct_size, and the fields it did not know are not read.
bool covers(const sosei_plugin_descriptor& d, std::size_t end) { return d.struct_size >= end; }

std::string kind_name(int32_t kind) {
  switch (kind) {
    case SOSEI_NAME_SERIES:
      return "series";
    case SOSEI_NAME_DIMENSION:
      return "dimension";
    case SOSEI_NAME_DIMENSION_VALUE:
      return "dimension value";
  }
  return "unknown";
}

void check_display_names(const std::string& file, const sosei_plugin_descriptor& d, PluginMeta& meta) {
  if (!covers(d, offsetof(sosei_plugin_descriptor, display_name_count) + sizeof(uint32_t))) return;
  if (d.display_name_count > 0 && !d.display_names)
    throw PluginLoadError(file, "malformed descriptor: display_name_count is " + std::to_string(d.display_name_count) +
                                    " but the display names table is missing");
  for (uint32_t i = 0; i < d.display_name_count; ++i) {
    const sosei_display_name& n = d.display_names[i];
    const std::string where = "display name #" + std::to_string(i + 1);
    if (n.kind < SOSEI_NAME_SERIES || n.kind > SOSEI_NAME_DIMENSION_VALUE)
      throw PluginLoadError(file, "malformed descriptor: " + where + " has unknown kind " + std::to_string(n.kind));
    const std::string key = text_or_empty(n.key), dimension = text_or_empty(n.dimension);
    if (key.empty()) throw PluginLoadError(file, "malformed descriptor: " + where + " names no key");
    if (n.kind == SOSEI_NAME_DIMENSION_VALUE && dimension.empty())
      throw PluginLoadError(file, "malformed descriptor: " + where + " (value '" + key + "') names no dimension");
    DisplayName names{text_or_empty(n.name_ja), text_or_empty(n.name_en)};
    if (names.ja.empty() && names.en.empty())
      throw PluginLoadError(file, "malformed descriptor: the " + kind_name(n.kind) + " '" + key +
                                      "' has a display name entry with neither a Japanese nor an English name");
    auto& table = n.kind == SOSEI_NAME_SERIES      ? meta.display_names.series
                  : n.kind == SOSEI_NAME_DIMENSION ? meta.display_names.dimensions
                                                   : meta.display_names.values[dimension];
    if (!table.emplace(key, std::move(names)).second)
      throw PluginLoadError(file, "malformed descriptor: the " + kind_name(n.kind) + " '" + key + "'" +
                                      (dimension.empty() ? "" : " of dimension '" + dimension + "'") +
                                      " has two display names");
  }
}

PluginMeta check_descriptor(const std::string& file, const sosei_plugin_descriptor* d) {
  if (!d) throw PluginLoadError(file, "sosei_plugin_entry() returned no descriptor");
  // The API version is the only field read before we know the layout is one we understand.
  if (d->api_version < SOSEI_API_VERSION_MIN || d->api_version > SOSEI_API_VERSION) {
    const bool too_new = d->api_version > SOSEI_API_VERSION;
    throw PluginLoadError(file, "built against SDK API version " + std::to_string(d->api_version) +
                                    ", but this sosei serves API versions " + std::to_string(SOSEI_API_VERSION_MIN) +
                                    " to " + std::to_string(SOSEI_API_VERSION) +
                                    (too_new ? " (plugin too new: upgrade sosei or rebuild the plugin against this SDK)"
                                             : " (plugin too old: rebuild it against this SDK)"));
  }
  if (d->struct_size < descriptor_size_for(d->api_version))
    throw PluginLoadError(file, "malformed descriptor: struct_size " + std::to_string(d->struct_size) +
                                    " is smaller than API version " + std::to_string(d->api_version) + " defines (" +
                                    std::to_string(descriptor_size_for(d->api_version)) + ")");
  PluginMeta meta;
  meta.file = file;
  meta.api_version = d->api_version;
  meta.name = text_or_empty(d->name);
  meta.version = text_or_empty(d->version);
  meta.department = text_or_empty(d->department);
  meta.description = text_or_empty(d->description);
  if (!is_identifier(meta.name))
    throw PluginLoadError(file, "malformed descriptor: plugin name '" + meta.name +
                                    "' is not valid (expected lower-case letters, digits and _)");
  if (meta.version.empty())
    throw PluginLoadError(file, "malformed descriptor: plugin '" + meta.name + "' has no version");
  if (meta.department.empty())
    throw PluginLoadError(file, "malformed descriptor: plugin '" + meta.name + "' names no owning department");
  if (!d->create || !d->run || !d->destroy)
    throw PluginLoadError(file,
                          "malformed descriptor: plugin '" + meta.name + "' lacks its create/run/destroy functions");
  check_settings(file, *d, meta);
  check_series(file, *d, meta);
  check_display_names(file, *d, meta);
  return meta;
}

}  // namespace

PluginLoadError::PluginLoadError(const std::string& file, const std::string& reason)
    : std::runtime_error(file + ": plugin refused: " + reason), file_(file), reason_(reason) {}

const SettingSpec* PluginMeta::find_setting(std::string_view n) const {
  for (const auto& s : settings)
    if (s.name == n) return &s;
  return nullptr;
}

bool PluginMeta::declares_series(std::string_view n) const {
  for (const auto& s : series)
    if (s.name == n) return true;
  return false;
}

LoadedPlugin::LoadedPlugin(std::shared_ptr<boost::dll::shared_library> library,
                           const sosei_plugin_descriptor* descriptor, PluginMeta meta)
    : library_(std::move(library)), descriptor_(descriptor), meta_(std::move(meta)) {}

LoadedPlugin::~LoadedPlugin() = default;

std::shared_ptr<LoadedPlugin> load_plugin(const std::filesystem::path& path) {
  const std::string file = path.string();
  if (!std::filesystem::is_regular_file(path)) throw PluginLoadError(file, "no such file");
  auto library = std::make_shared<boost::dll::shared_library>();
  boost::dll::fs::error_code ec;
  // rtld_local: two plugins may use the same symbol names without clashing.
  library->load(boost::dll::fs::path(file), boost::dll::load_mode::rtld_lazy | boost::dll::load_mode::rtld_local, ec);
  if (ec) throw PluginLoadError(file, "not a loadable shared library (" + ec.message() + ")");
  if (!library->has(SOSEI_PLUGIN_ENTRY_SYMBOL))
    throw PluginLoadError(file, std::string("no entry point: the library does not export ") +
                                    SOSEI_PLUGIN_ENTRY_SYMBOL + " (declare the plugin with SOSEI_PLUGIN)");
  auto& entry = library->get<const sosei_plugin_descriptor*()>(SOSEI_PLUGIN_ENTRY_SYMBOL);
  const sosei_plugin_descriptor* descriptor = nullptr;
  try {
    descriptor = entry();
  } catch (const std::exception& e) {
    throw PluginLoadError(file, std::string("sosei_plugin_entry() threw: ") + e.what());
  } catch (...) {
    throw PluginLoadError(file, "sosei_plugin_entry() threw an unknown exception");
  }
  PluginMeta meta = check_descriptor(file, descriptor);
  return std::make_shared<LoadedPlugin>(std::move(library), descriptor, std::move(meta));
}

std::string setting_type_name(int32_t type) {
  switch (type) {
    case SOSEI_SETTING_STRING:
      return "string";
    case SOSEI_SETTING_INTEGER:
      return "integer";
    case SOSEI_SETTING_NUMBER:
      return "number";
    case SOSEI_SETTING_BOOLEAN:
      return "boolean";
    case SOSEI_SETTING_PATH:
      return "path";
    case SOSEI_SETTING_URL:
      return "url";
  }
  return "unknown";
}

bool setting_value_fits(int32_t type, const std::string& v) {
  switch (type) {
    case SOSEI_SETTING_STRING:
    case SOSEI_SETTING_PATH:
      return true;
    case SOSEI_SETTING_INTEGER: {
      long long x = 0;
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
      return !v.empty() && ec == std::errc{} && p == v.data() + v.size();
    }
    case SOSEI_SETTING_NUMBER: {
      double x = 0;
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
      return !v.empty() && ec == std::errc{} && p == v.data() + v.size() && std::isfinite(x);
    }
    case SOSEI_SETTING_BOOLEAN:
      return v == "true" || v == "false" || v == "yes" || v == "no";
    case SOSEI_SETTING_URL:
      return v.rfind("http://", 0) == 0 || v.rfind("https://", 0) == 0 || v.rfind("file://", 0) == 0;
  }
  return false;
}

}  // namespace sosei::host
