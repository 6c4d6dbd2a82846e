// How a KPI's values are formed from the selected cells: one cell per year, a difference of two
// cells per year (転入者数 − 転出者数 = 純移動数), or the sum over a window of years. Special marks
// (-, …, x, ***, X) are statuses, never numbers: the value is then missing, with the mark's meaning.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <sosei/sdk.h>

#include "estat_settings.hpp"
#include "stats_page.hpp"

namespace estat {

// A cell's number, or nullopt with `note` saying which mark it is and what the table's NOTE says it
// means. Text that is neither a number nor a mark throws PageError.
std::optional<double> number_of(const Cell& cell, const std::map<std::string, std::string>& marks, std::string& note);

struct FormedValue {
  sosei_period period{};
  int32_t value_kind = SOSEI_VALUE_NUMBER;  // or SOSEI_VALUE_MISSING for a mark
  double number = 0;
  std::string note;
};

// A year that cannot be formed (a difference without one of its cells, a window missing a year): a
// bad row for the host to count or stop at.
struct Unformed {
  std::string reason;
};

struct Formed {
  std::vector<FormedValue> values;
  std::vector<Unformed> problems;
};

// `plus`/`minus`: the selected cells by time code (minus empty unless s.minus is set). Years outside
// from_year..to_year are left out; time codes that are no year, fiscal year or month throw PageError.
Formed form_values(const Settings& s, const std::map<std::string, Cell>& plus, const std::map<std::string, Cell>& minus,
                   const StatsPage& legend);

}  // namespace estat
