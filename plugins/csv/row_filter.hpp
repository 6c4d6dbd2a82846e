// The csv plugin's `where` setting: keep only the rows of a long table whose columns hold given
// values (one city's 地域コード or 地域名 out of a national table). Every condition must hold.
#pragma once

#include <sosei/csv.hpp>

#include <string>
#include <utility>
#include <vector>

namespace csv_plugin {

struct Condition {
  std::string column;
  std::string value;  // compared with the trimmed cell, full-width ASCII folded
};

// "地域コード=40227, 地域名=飯塚市" → two conditions; throws PluginError(SOSEI_ERR_CONFIG) on a
// malformed item.
std::vector<Condition> parse_where(const std::string& spec);

class RowFilter {
 public:
  // Resolves the columns against the header; a column it lacks is a CsvError naming it.
  RowFilter(const std::vector<Condition>& conditions, const sosei::CsvHeader& header);

  bool active() const { return !columns_.empty(); }
  bool matches(const sosei::CsvReader& row) const;
  // "地域コード=40227, 地域名=飯塚市", for messages.
  std::string describe() const;

 private:
  std::vector<std::pair<std::size_t, std::string>> columns_;  // column index, folded value
  std::vector<Condition> conditions_;
};

}  // namespace csv_plugin
