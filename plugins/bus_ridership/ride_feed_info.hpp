// GTFS-ride's ride_feed_info.txt (ride_files, ride_start_date, ride_end_date, gtfs_feed_date,
// default_currency_type, ride_feed_version) and the one use sosei makes of it: the fiscal year of a
// board_alight.txt whose rows carry no service_date.
#pragma once

#include <sosei/plugin.hpp>

#include <optional>
#include <string>

#include "service_date.hpp"

namespace bus_ridership {

struct RideFeedInfo {
  std::string name;                // the file as the host names it, for messages
  int ride_files = -1;             // 0..6 as the specification numbers them; -1 when empty
  std::optional<YearMonth> start;  // ride_start_date: the earliest date of the ridership data
  std::optional<YearMonth> end;    // ride_end_date: the latest
  std::string start_text, end_text;
  std::string version;  // ride_feed_version

  // Whether ride_files lists board_alight (0, 3, 4, 6) or ridership (2, 4, 5, 6) as holding valid data.
  bool lists_board_alight() const { return ride_files == 0 || ride_files == 3 || ride_files == 4 || ride_files == 6; }
  bool lists_ridership() const { return ride_files == 2 || ride_files == 4 || ride_files == 5 || ride_files == 6; }
};

// Reads the first data row; a wrong date or ride_files value is an input error naming file and line.
RideFeedInfo read_ride_feed_info(const sosei::Context& ctx, sosei::Input& input, const std::string& name);

inline int fiscal_year_of(const YearMonth& d) { return d.month >= 4 ? d.year : d.year - 1; }

// The fiscal year (April–March) the boardings of an undated board_alight.txt (`file`) belong to:
// the one holding the whole ride_start_date..ride_end_date period. Throws PluginError(SOSEI_ERR_INPUT)
// stating the rule and naming both files when there is no ride_feed_info (`info` empty), when it lacks
// a date, or when the period spans two fiscal years. `why` says what is undated ("has no service_date column").
int undated_fiscal_year(const std::optional<RideFeedInfo>& info, const std::string& file, const std::string& why);

// The note on observations attributed that way.
std::string undated_note(const RideFeedInfo& info, int fiscal_year);

}  // namespace bus_ridership
