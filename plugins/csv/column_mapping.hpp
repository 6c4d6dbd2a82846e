// The csv plugin's column mapping: which header names hold the KPI, period, value, note and
// dimensions, resolved once against the header row and applied to every record.
#pragma once

#include <sosei/csv.hpp>
#include <sosei/plugin.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "row_filter.hpp"
#include "yearly_aggregate.hpp"

namespace csv_plugin {

struct MappingSettings {
  std::string encoding;
  std::string sheet;
  char delimiter = 0;  // 0: detect
  std::string kpi;     // fixed KPI id, or empty
  std::string kpi_column;
  std::string period_column;
  std::string month_column;  // long tables: the month of the row, the year being in period_column
  std::string value_column;
  std::string note_column;
  std::string series_break_column;
  std::vector<std::pair<std::string, std::string>> dimension_columns;  // (dimension name, column)
  int32_t bare_year_kind = SOSEI_PERIOD_FISCAL_YEAR;
  std::vector<Condition> where;
  std::optional<AggregateOp> aggregate;
  bool allow_partial = false;
};

// Reads and checks the plugin's settings; throws PluginError(SOSEI_ERR_CONFIG) with what to fix.
MappingSettings read_settings(const sosei::Context& ctx);

class ColumnMapping {
 public:
  ColumnMapping(const MappingSettings& settings, const sosei::CsvHeader& header, const std::string& input_name);

  // Fills `o` from the current record. Views point into the reader's buffer and `kpi_`.
  bool fill(const sosei::CsvReader& row, sosei::Observation& o, std::vector<sosei_dimension>& dimensions,
            std::string& error) const;

  // A totals row that is no value of its own: its period cell names a total (a monthly table's 合計
  // row), a dimension cell names a part's total (小計, 稲築町計: which parts, the table does not
  // say), or the table's total stands without a period (a total over the years). A dimension cell naming the table's
  // total (合計, 総数) is the KPI's value without that dimension instead, as an empty cell is (fill).
  bool is_totals_row(const sosei::CsvReader& row) const;

  std::size_t value_column() const { return value_column_; }

  // Where the unit the strategy declares for a KPI comes from (Context::kpi_unit): values in that
  // unit (5組, 3校) are then accepted, and a value written in another unit (3件 for a KPI in 人,
  // 85.3% for a bare ratio) is refused. Without it only the SDK's known units are, and any of them.
  void set_unit_lookup(std::function<std::optional<std::string>(std::string_view)> lookup) {
    unit_lookup_ = std::move(lookup);
  }

  struct Dimension {
    std::string name;
    std::size_t column;
  };
  std::vector<Dimension> dimensions;

 private:
  std::string kpi_;
  std::optional<std::size_t> kpi_column_;
  std::size_t period_column_ = 0;
  std::optional<std::size_t> month_column_;
  bool month_year_fiscal_ = false;  // the year beside the month column is headed 年度
  std::size_t value_column_ = 0;
  std::optional<std::size_t> note_column_;
  std::optional<std::size_t> break_column_;
  int32_t bare_year_kind_;
  std::size_t needed_ = 0;  // fields a record must have
  std::function<std::optional<std::string>(std::string_view)> unit_lookup_;
  // KPI id → declared unit, as looked up; nullopt when the strategy does not say (no lookup, or the
  // source is not bound to that KPI).
  mutable std::map<std::string, std::optional<std::string>, std::less<>> units_;
  const std::optional<std::string>& unit_of(std::string_view kpi) const;
  bool fill_month(const sosei::CsvReader& row, sosei::Observation& o, std::string& error) const;
};

}  // namespace csv_plugin
