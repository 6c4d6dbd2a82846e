// The estat plugin's settings, read and checked once: which table, area and categories, how a KPI
// value is formed from the cells, the time range, and where the application ID (a secret) is read
// from. The ID itself is never kept in a setting, a message or a log line.
#pragma once

#include <sosei/plugin.hpp>

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace estat {

enum class Formation { Cell, Difference, SumYears };

using Codes = std::vector<std::pair<std::string, std::string>>;  // class id ("cat01") → code

struct Settings {
  std::string kpi;
  std::string stats_data_id;
  std::string area;  // the 5-digit code e-Stat uses (a 6-digit 全国地方公共団体コード loses its check digit)
  Codes filters;     // cd_tab, cd_cat01 … as class ids: ("cat01", "001")
  Codes minus;       // difference: the codes that pick the cells subtracted, e.g. ("cat01", "002")
  Formation formation = Formation::Cell;
  std::optional<int> from_year;
  std::optional<int> to_year;
  std::string base_url;
  std::string replay_dir;  // recorded replies are read from here instead of the API ("" = the API)
};

// The settings table (declared in the plugin descriptor).
extern const std::array<sosei_setting_spec, 15> kSettings;

// Throws PluginError(SOSEI_ERR_CONFIG) saying what to set.
Settings read_settings(const sosei::Context& ctx);

// The application ID from the file (`app_id_file`) or the environment variable (`app_id_env`) the
// settings name. Throws PluginError(SOSEI_ERR_CONFIG) naming the file or variable, never the value.
std::string read_app_id(const sosei::Context& ctx);

// 402273 → 40227 after checking the check digit; 40227 stays; anything else throws PluginError.
std::string area_code(const std::string& text);

// The getStatsData request: base URL, parameters in a fixed order, `start` > 1 adds startPosition.
std::string request_url(const Settings& s, const std::string& app_id, uint64_t start);
// The same without the application ID, for the fingerprint and for messages.
std::string request_description(const Settings& s);

// The recorded reply that stands for the page starting at `start` under `replay_dir`:
// <replay_dir>/<statsDataId>.json for the first page, <statsDataId>.<startPosition>.json for the
// pages NEXT_KEY asks for (README: "Recorded replies").
std::string replay_file(const Settings& s, uint64_t start);

}  // namespace estat
