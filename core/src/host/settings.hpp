// A source's settings checked against what its plugin declares: unknown names, wrong types and
// missing required settings are configuration errors; defaults are filled in, paths made absolute.
#pragma once

#include <map>
#include <stdexcept>
#include <string>

#include "config/model.hpp"
#include "host/plugin_library.hpp"

#include "text/import_messages.hpp"
#include "text/phrase.hpp"

namespace sosei::host {

// what() is English; message() in the reader's language (validate, the import's failed run).
class SettingsError : public std::runtime_error {
 public:
  explicit SettingsError(text::Phrase phrase)
      : std::runtime_error(phrase(text::Locale{text::Lang::En, text::YearStyle::Western})),
        phrase_(std::move(phrase)) {}
  std::string message(text::Lang lang) const { return phrase_(text::Locale{lang, text::YearStyle::Era}); }

 private:
  text::Phrase phrase_;
};

using ResolvedSettings = std::map<std::string, std::string>;

// `base_dir`: the folder relative paths resolve against (the configuration's folder).
ResolvedSettings resolve_settings(const PluginMeta& plugin, const config::Source& source, const std::string& base_dir);

// Adds the host-provided settings SOSEI_SETTING_KPI_UNIT<kpi> = the unit the strategy declares for
// each KPI the source is bound to ("" for none), so the plugin's value parser accepts 5組 for a KPI
// counted in 組 (sosei::Context::kpi_unit).
void add_kpi_units(ResolvedSettings& settings, const config::Source& source, const config::Strategy& strategy);

}  // namespace sosei::host
