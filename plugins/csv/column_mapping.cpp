// Resolving and applying the csv plugin's column mapping.
#include "column_mapping.hpp"

#include <sosei/notation.hpp>

#include <algorithm>

namespace csv_plugin {
namespace {

char delimiter_from(const std::string& d) {
  if (d == "auto" || d.empty()) return 0;
  if (d == "comma" || d == ",") return ',';
  if (d == "tab" || d == "\\t" || d == "\t") return '\t';
  if (d == "semicolon" || d == ";") return ';';
  throw sosei::PluginError(SOSEI_ERR_CONFIG, "setting 'delimiter' is '" + d + "'; use auto, comma, tab or semicolon");
}

std::vector<std::pair<std::string, std::string>> parse_dimension_columns(const std::string& spec) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t start = 0;
  while (start <= spec.size()) {
    std::size_t end = spec.find(',', start);
    if (end == std::string::npos) end = spec.size();
    const std::string item(sosei::trim(std::string_view(spec).substr(start, end - start)));
    if (!item.empty()) {
      const auto eq = item.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
        throw sosei::PluginError(SOSEI_ERR_CONFIG,
                                 "setting 'dimension_columns': '" + item + "' is not name=column (e.g. route=路線)");
      out.emplace_back(sosei::trim(std::string_view(item).substr(0, eq)),
                       sosei::trim(std::string_view(item).substr(eq + 1)));
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

MappingSettings read_settings(const sosei::Context& ctx) {
  MappingSettings s;
  s.encoding = ctx.string_setting("encoding");
  s.sheet = ctx.string_setting("sheet");
  s.delimiter = delimiter_from(ctx.string_setting("delimiter"));
  s.kpi = ctx.string_setting("kpi");
  s.kpi_column = ctx.string_setting("kpi_column");
  if (s.kpi.empty() == s.kpi_column.empty())
    throw sosei::PluginError(SOSEI_ERR_CONFIG, "set exactly one of 'kpi' (one KPI for every row) or 'kpi_column'");
  s.period_column = ctx.required_setting("period_column");
  s.value_column = ctx.required_setting("value_column");
  s.note_column = ctx.string_setting("note_column");
  s.series_break_column = ctx.string_setting("series_break_column");
  s.dimension_columns = parse_dimension_columns(ctx.string_setting("dimension_columns"));
  const std::string type = ctx.string_setting("period_type");
  if (type == "fiscal_year")
    s.bare_year_kind = SOSEI_PERIOD_FISCAL_YEAR;
  else if (type == "calendar_year")
    s.bare_year_kind = SOSEI_PERIOD_CALENDAR_YEAR;
  else
    throw sosei::PluginError(SOSEI_ERR_CONFIG,
                             "setting 'period_type' is '" + type + "'; use fiscal_year or calendar_year");
  return s;
}

ColumnMapping::ColumnMapping(const MappingSettings& s, const sosei::CsvHeader& header, const std::string& input_name)
    : kpi_(s.kpi), bare_year_kind_(s.bare_year_kind) {
  auto require = [&](const std::string& column, const char* what) {
    std::size_t i = header.require(column, what);
    needed_ = std::max(needed_, i + 1);
    return i;
  };
  (void)input_name;
  if (!s.kpi_column.empty()) kpi_column_ = require(s.kpi_column, "the KPI id (kpi_column)");
  period_column_ = require(s.period_column, "the period (period_column)");
  value_column_ = require(s.value_column, "the value (value_column)");
  if (!s.note_column.empty()) note_column_ = require(s.note_column, "notes (note_column)");
  if (!s.series_break_column.empty())
    break_column_ = require(s.series_break_column, "series breaks (series_break_column)");
  for (const auto& [name, column] : s.dimension_columns)
    dimensions.push_back({name, require(column, "a dimension (dimension_columns)")});
}

std::string_view ColumnMapping::unit_of(std::string_view kpi) const {
  if (!unit_lookup_) return {};
  auto it = units_.find(kpi);
  if (it == units_.end()) it = units_.emplace(std::string(kpi), unit_lookup_(kpi).value_or("")).first;
  return it->second;
}

bool ColumnMapping::fill(const sosei::CsvReader& row, sosei::Observation& o, std::vector<sosei_dimension>& dims,
                         std::string& error) const {
  if (row.size() < needed_) {
    error =
        "the row has " + std::to_string(row.size()) + " fields, the mapping needs at least " + std::to_string(needed_);
    return false;
  }
  o.series = kpi_column_ ? row.cell(*kpi_column_) : std::string_view(kpi_);
  if (o.series.empty()) {
    error = "the KPI cell is empty";
    return false;
  }
  auto period = sosei::parse_period(row.field(period_column_), bare_year_kind_, &error);
  if (!period) return false;
  o.period = *period;
  const std::string_view units[] = {unit_of(o.series)};
  auto value = sosei::parse_value(row.field(value_column_), units, &error);
  if (!value) return false;
  o.value_kind = static_cast<sosei_value_kind>(value->kind);
  o.number = value->number;
  if (note_column_) o.note = row.field(*note_column_);
  if (break_column_ && !row.cell(*break_column_).empty()) o.flags |= SOSEI_OBS_SERIES_BREAK;
  // An empty cell: the row has no such dimension (a KPI's total beside its parts).
  std::size_t n = 0;
  for (const auto& d : dimensions) {
    const std::string_view value = row.field(d.column);
    if (!value.empty()) dims[n++] = sosei::dimension(d.name, value);
  }
  o.dimensions = std::span<const sosei_dimension>(dims.data(), n);
  return true;
}

}  // namespace csv_plugin
