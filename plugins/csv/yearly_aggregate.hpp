// The csv plugin's `aggregate` setting: monthly rows of a long table → one value per KPI, dimensions
// and year (fiscal April–March, or calendar), kept as running figures so the file is never held.
#pragma once

#include <sosei/plugin.hpp>

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace csv_plugin {

enum class AggregateOp { Sum, Last, Mean, Max };

// "sum", "last", "mean", "max"; "" → nullopt (no aggregation). Throws PluginError(SOSEI_ERR_CONFIG).
std::optional<AggregateOp> parse_aggregate(const std::string& text);

struct AggregateSettings {
  AggregateOp op = AggregateOp::Sum;
  bool fiscal_year = true;     // April–March (period_type: fiscal_year), else January–December
  bool allow_partial = false;  // sum: a year without all twelve months is summed anyway (noted)
};

class YearlyAggregate {
 public:
  explicit YearlyAggregate(AggregateSettings settings) : settings_(settings) {}

  // Adds one month's row (o.period a month; a number or SOSEI_VALUE_MISSING). False with `error`
  // when the row cannot count: not a month, a status such as 未実施, or a month given twice.
  bool add(const sosei::Observation& o, uint64_t line, std::string& error);

  // Emits one observation per key and year, in key order; a sum over fewer than twelve months is
  // rejected (unless allow_partial) naming the months that are missing.
  void finish(const sosei::Context& ctx, const std::string& file) const;

 private:
  struct Running {
    std::string series;
    std::vector<std::pair<std::string, std::string>> dimensions;
    int year = 0;
    std::array<uint64_t, 12> line{};    // the row of each month (fiscal or calendar order), 0: none
    std::array<bool, 12> has_number{};  // false: no row, or a blank / dash cell
    double sum = 0;
    double max = 0;
    double last = 0;  // the latest month's number
    int last_index = -1;
    int numbers = 0;
    uint64_t last_line = 0;
    uint32_t flags = 0;
  };

  std::string month_name(const Running& r, int index) const;
  std::string key_name(const Running& r) const;

  AggregateSettings settings_;
  std::map<std::string, Running> running_;  // series, year, sorted dimensions → figures
};

}  // namespace csv_plugin
