// Settings from a file of their own (settings_file.hpp), through the same YAML reader as sources.yaml.
#include "config/settings_file.hpp"

#include "config/load.hpp"
#include "config/yaml_reader.hpp"

namespace sosei::config {

std::map<std::string, SettingValue> load_settings_file(const std::string& path) {
  detail::Document doc(path, path);
  const YAML::Node& root = doc.root();
  // A source entry keeps its settings under `settings:`; its other keys are not read here.
  const bool source_entry = root.IsMap() && root["settings"];
  const YAML::Node node = source_entry ? root["settings"] : root;
  const Location where = source_entry ? doc.at(node, doc.start_location()) : doc.start_location();
  detail::MapReader settings(doc, node, where, text::phrase(&detail::Msg::in_settings_file), {});
  std::map<std::string, SettingValue> out;
  for (const auto& it : node) {
    const std::string key = it.first.Scalar();
    const Location at = settings.value_at(key);
    if (!it.second.IsScalar()) detail::fail(at, text::phrase(&detail::Msg::setting_not_scalar, key));
    out.emplace(key, SettingValue{it.second.Scalar(), at});
  }
  return out;
}

}  // namespace sosei::config
