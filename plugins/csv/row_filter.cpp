// Parsing and applying the csv plugin's `where` conditions (see row_filter.hpp).
#include "row_filter.hpp"

#include <sosei/notation.hpp>
#include <sosei/plugin.hpp>

namespace csv_plugin {

std::vector<Condition> parse_where(const std::string& spec) {
  std::vector<Condition> out;
  std::size_t start = 0;
  while (start <= spec.size()) {
    std::size_t end = spec.find(',', start);
    if (end == std::string::npos) end = spec.size();
    const std::string_view item = sosei::trim(std::string_view(spec).substr(start, end - start));
    if (!item.empty()) {
      const auto eq = item.find('=');
      const std::string column(sosei::trim(item.substr(0, eq == std::string_view::npos ? 0 : eq)));
      if (eq == std::string_view::npos || column.empty())
        throw sosei::PluginError(
            SOSEI_ERR_CONFIG,
            "設定 'where' の「" + std::string(item) + "」は 列名=値 の形ではありません（例: where: 地域コード=40227）");
      out.push_back({column, sosei::fold_full_width(sosei::trim(item.substr(eq + 1)))});
    }
    start = end + 1;
  }
  return out;
}

RowFilter::RowFilter(const std::vector<Condition>& conditions, const sosei::CsvHeader& header)
    : conditions_(conditions) {
  for (const auto& c : conditions) columns_.emplace_back(header.require(c.column, "行の条件（where）"), c.value);
}

bool RowFilter::matches(const sosei::CsvReader& row) const {
  for (const auto& [column, value] : columns_) {
    const std::string_view cell = row.cell(column);
    if (sosei::same_code(cell, value)) continue;
    // Most rows of a national table differ in plain ASCII: fold (and allocate) only a cell that may
    // hold full-width forms, which all start with the byte 0xEF in UTF-8.
    if (cell.find('\xEF') == std::string_view::npos || !sosei::same_code(sosei::fold_full_width(cell), value))
      return false;
  }
  return true;
}

std::string RowFilter::describe() const {
  std::string s;
  for (const auto& c : conditions_) s.append(s.empty() ? "" : ", ").append(c.column).append("=").append(c.value);
  return s;
}

}  // namespace csv_plugin
