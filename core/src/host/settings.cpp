// Checking and completing a source's plugin settings.
#include "host/settings.hpp"

#include <filesystem>

namespace sosei::host {
namespace {

std::string declared_names(const PluginMeta& plugin) {
  std::string names;
  for (const auto& s : plugin.settings) names += (names.empty() ? "" : ", ") + s.name;
  return names.empty() ? "(none)" : names;
}

std::string where(const config::Location& l) { return l.file.empty() ? std::string() : l.str() + ": "; }

}  // namespace

ResolvedSettings resolve_settings(const PluginMeta& plugin, const config::Source& source, const std::string& base_dir) {
  ResolvedSettings out;
  for (const auto& [name, value] : source.settings) {
    const SettingSpec* spec = plugin.find_setting(name);
    if (!spec)
      throw SettingsError(text::phrase(&text::ImportMessages::setting_unknown, where(value.where), source.id,
                                       plugin.name, name, declared_names(plugin)));
    if (!setting_value_fits(spec->type, value.value))
      throw SettingsError(text::phrase(&text::ImportMessages::setting_wrong_type, where(value.where), source.id, name,
                                       plugin.name, setting_type_name(spec->type), value.value));
    std::string v = value.value;
    if (spec->type == SOSEI_SETTING_PATH && !v.empty() && std::filesystem::path(v).is_relative())
      v = (std::filesystem::path(base_dir) / v).lexically_normal().string();
    out[name] = v;
  }
  for (const auto& spec : plugin.settings) {
    if (out.count(spec.name)) continue;
    if (spec.has_default) {
      out[spec.name] = spec.default_value;
    } else if (spec.required) {
      throw SettingsError(text::phrase(&text::ImportMessages::setting_required, where(source.where), source.id,
                                       plugin.name, spec.name, spec.help));
    }
  }
  return out;
}

void add_kpi_units(ResolvedSettings& settings, const config::Source& source, const config::Strategy& strategy) {
  for (const auto& id : source.kpis)
    if (const config::Kpi* kpi = strategy.find_kpi(id)) settings[SOSEI_SETTING_KPI_UNIT + id] = kpi->unit;
}

}  // namespace sosei::host
