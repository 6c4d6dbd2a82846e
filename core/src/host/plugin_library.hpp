// Loading one plugin file with Boost.DLL and checking its descriptor before trusting it. A loaded
// plugin keeps its library mapped for as long as anything from it (descriptor, instance) is alive.
#pragma once

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/display_names.hpp"
#include "sosei/sdk.h"

namespace boost::dll {
class shared_library;
}

namespace sosei::host {

// A plugin file that cannot be used; what() is one sentence naming the file and the reason.
class PluginLoadError : public std::runtime_error {
 public:
  PluginLoadError(const std::string& file, const std::string& reason);
  const std::string& file() const { return file_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string file_;
  std::string reason_;
};

struct SettingSpec {
  std::string name;
  sosei_setting_type type = SOSEI_SETTING_STRING;
  bool required = false;
  bool has_default = false;
  std::string default_value;
  std::string help;
};

struct SeriesSpec {
  std::string name;  // "*" = any KPI the source is bound to
  std::string unit;
  std::string help;
};

// The descriptor copied into host-owned memory.
struct PluginMeta {
  std::string file;
  uint32_t api_version = 0;
  std::string name;
  std::string version;
  std::string department;
  std::string description;
  std::vector<SettingSpec> settings;
  std::vector<SeriesSpec> series;
  DisplayNames display_names;  // since API v2; empty for a plugin that declares none (every v1 plugin)

  const SettingSpec* find_setting(std::string_view name) const;
  bool declares_series(std::string_view name) const;
};

class LoadedPlugin {
 public:
  LoadedPlugin(std::shared_ptr<boost::dll::shared_library> library, const sosei_plugin_descriptor* descriptor,
               PluginMeta meta);
  ~LoadedPlugin();

  const PluginMeta& meta() const { return meta_; }
  const sosei_plugin_descriptor& descriptor() const { return *descriptor_; }
  // Keeps the code mapped: hold a copy while any plugin object lives.
  std::shared_ptr<boost::dll::shared_library> library() const { return library_; }

 private:
  std::shared_ptr<boost::dll::shared_library> library_;
  const sosei_plugin_descriptor* descriptor_;
  PluginMeta meta_;
};

// Loads and checks one plugin file. Throws PluginLoadError.
std::shared_ptr<LoadedPlugin> load_plugin(const std::filesystem::path& file);

// Name of a setting type as written in docs and messages ("string", "integer", …).
std::string setting_type_name(int32_t type);
// Whether `value` is acceptable for a setting of `type`.
bool setting_value_fits(int32_t type, const std::string& value);

}  // namespace sosei::host
