// Reading the households register: one row per district (and per year when the file has a year
// column), a totals row (合計) checked rather than counted.
#include "register.hpp"

#include "city_filter.hpp"
#include "names.hpp"

#include <sosei/csv.hpp>
#include <sosei/notation.hpp>

#include <array>
#include <cmath>
#include <unordered_map>

namespace disaster_coverage {
namespace {

// The register's total (合計, 総数, 合　計, 市全体…) and a part's (小計, 稲築町計): sosei::row_total_kind,
// and the English "total" of a template.
bool is_total_label(std::string_view cell) {
  return sosei::row_total_kind(cell) == sosei::RowTotal::Total || sosei::normalize_header(cell) == "total";
}

bool is_subtotal_label(std::string_view cell) { return sosei::row_total_kind(cell) == sosei::RowTotal::Subtotal; }

// A household count: 1,234 or 1,234世帯; a whole number ≥ 0.
std::optional<uint64_t> parse_households(std::string_view cell, std::string& error) {
  std::string why;
  auto v = sosei::parse_value(cell, &why);
  if (!v) {
    error = "世帯数: " + why;
    return std::nullopt;
  }
  if (v->kind != SOSEI_VALUE_NUMBER) {
    error = "世帯数: 「" + std::string(trim(cell)) +
            "」に数がありません。どの地区にも世帯数が要ります（0 世帯なら 0 と書いてください）";
    return std::nullopt;
  }
  if (!v->unit.empty() && v->unit != "世帯") {
    error = "世帯数: 「" + std::string(trim(cell)) + "」の単位が「" + std::string(v->unit) +
            "」です。単位なしか「世帯」で書いてください";
    return std::nullopt;
  }
  if (v->number < 0 || v->number != std::floor(v->number) || v->number > 1e9) {
    error = "世帯数: 「" + std::string(trim(cell)) + "」は世帯数として読めません。0 以上の整数で書いてください";
    return std::nullopt;
  }
  return static_cast<uint64_t>(v->number);
}

struct Columns {
  std::optional<std::size_t> code;
  std::size_t name, households;
  std::optional<std::size_t> year, date, city;
};

std::string_view cell(const sosei::CsvReader& r, std::optional<std::size_t> i) {
  return i && *i < r.size() ? r.field(*i) : std::string_view();
}

}  // namespace

std::map<int32_t, YearRegister> read_register(const sosei::Context& ctx, sosei::ByteReader& in, const std::string& name,
                                              const RegisterOptions& options) {
  sosei::CsvReader reader(in);
  if (!reader.next())
    throw sosei::PluginError(SOSEI_ERR_INPUT, name + ": 世帯数の表が空です。1行目に見出しの行が要ります");
  if (const uint64_t titles = sosei::skip_title_rows(reader))
    ctx.info(name + ": 見出しの上の " + std::to_string(titles) + " 行は表題として読み飛ばしました");
  const sosei::ColumnFinder header(reader);
  const uint64_t header_line = reader.line();
  const RegisterOptions::Columns& chosen = options.columns;
  Columns col{
      find_column(header, chosen.code,
                  {"行政区コード", "地区コード", "行政区番号", "地域コード", "コード", "district_code", "code"}, name,
                  header_line, "district_code_column"),
      require_column(header, chosen.name, {"行政区名", "行政区", "地区名", "地域名", "district_name", "name"}, name,
                     header_line, "地区名", "district_name_column"),
      require_column(header, chosen.households, {"世帯数", "世帯", "households"}, name, header_line, "世帯数",
                     "households_column"),
      find_column(header, chosen.year, {"年度", "fiscal_year"}, name, header_line, "year_column"),
      find_column(header, chosen.date, {"基準日", "調査年月日", "reference_date"}, name, header_line, "date_column"),
      find_column(header, chosen.city, {"全国地方公共団体コード", "団体コード", "市区町村コード"}, name, header_line,
                  "city_code_column"),
  };
  // The standard set 「地域・年齢別人口」 (it has the 全国地方公共団体コード column) often leaves 地域コード
  // empty, and a table without a code column has only names: such rows are known by name. A city's
  // own register lists codes, and a row without one is a mistake there.
  const bool names_identify = col.city.has_value() || !col.code;
  if (!col.year && !col.date && !options.fiscal_year)
    throw sosei::PluginError(
        SOSEI_ERR_CONFIG, name +
                              ": 世帯数の表に年度（fiscal_year）の列も基準日（reference_date）の列もありません。"
                              "この表が何年度のものかを設定 'fiscal_years' に1つ書いてください（例: 2025 または R7）");

  std::map<int32_t, YearRegister> years;
  std::map<int32_t, std::unordered_map<std::string, uint64_t>> seen;  // year → key → line
  std::map<int32_t, uint64_t> date_lines;                             // year → line of its first 基準日
  std::string error;
  auto reject = [&](const std::string& why) { ctx.reject(name, reader.line(), why); };

  CityFilter city(options.city_code);
  while (reader.next()) {
    if (sosei::is_blank_row(reader) || sosei::is_note_row(reader)) continue;  // ※ under the register's table
    if (col.city && !city.keep(cell(reader, col.city), name, reader.line())) continue;
    if (auto why = sosei::split_thousands(reader, header.size(), std::nullopt,
                                          header.named_width())) {  // 1,100 世帯 without quotes
      reject(*why);
      continue;
    }
    const std::string_view code = trim(cell(reader, col.code));
    const std::string_view district_name = trim(cell(reader, col.name));

    // The year of the row: 基準日 first (it also gives the reference date), else 年度, else the setting.
    int32_t fy = options.fiscal_year.value_or(0);
    std::optional<Date> stated_date;
    if (col.date && !trim(cell(reader, col.date)).empty()) {
      stated_date = parse_date(cell(reader, col.date), &error);
      if (!stated_date) {
        reject("基準日: " + error);
        continue;
      }
      fy = fiscal_year_of(*stated_date);
    }
    if (col.year && !trim(cell(reader, col.year)).empty()) {
      std::string why;
      auto period = sosei::parse_period(cell(reader, col.year), SOSEI_PERIOD_FISCAL_YEAR, &why);
      if (!period || period->kind != SOSEI_PERIOD_FISCAL_YEAR) {
        reject("年度: " + (period ? "「" + std::string(trim(cell(reader, col.year))) +
                                        "」は年度として読めません。2025、R7、令和7年度 のように書いてください"
                                  : why));
        continue;
      }
      if (stated_date && period->year != fy) {
        reject("基準日 " + stated_date->str() + " は " + std::to_string(fy) + "年度ですが、年度の列は " +
               std::to_string(period->year) + "年度です。どちらかを直してください");
        continue;
      }
      fy = period->year;
    } else if (!stated_date && (col.year || col.date) && !options.fiscal_year) {
      reject("この行には年度も基準日もありません。どの行にもどちらかを書いてください");
      continue;
    }

    YearRegister& year = years[fy];
    if (year.fiscal_year == 0) {
      year.fiscal_year = fy;
      year.reference_date = in_fiscal_year(options.reference_month_day, fy);
    }
    if (stated_date) {
      auto [it, first] = date_lines.emplace(fy, reader.line());
      if (first) {
        year.reference_date = *stated_date;
      } else if (!(year.reference_date == *stated_date)) {
        reject("基準日 " + stated_date->str() + " が " + std::to_string(it->second) + " 行目の " +
               year.reference_date.str() + " と違います。同じ年度の基準日は1つにそろえてください");
        continue;
      }
    }

    // A subtotal of a group of districts (小計, as tables by area print them) would count them twice.
    // By its code cell or by its name, whatever code it has (合計 with code 000).
    if (is_subtotal_label(code) || is_subtotal_label(district_name)) continue;
    if (is_total_label(code) || is_total_label(district_name)) {
      auto total = parse_households(cell(reader, col.households), error);
      if (!total) {
        reject("合計の行: " + error);
        continue;
      }
      year.stated_total = *total;
      year.stated_total_line = reader.line();
      continue;
    }
    if (code.empty() && (!names_identify || district_name.empty())) {
      reject(names_identify ? "地域名も地域コードもありません。どちらかを書いてください"
                            : "「" + std::string(district_name) +
                                  "」の行政区コードがありません。地区の行にはコードを書いてください");
      continue;
    }
    auto households = parse_households(cell(reader, col.households), error);
    if (!households) {
      reject(error);
      continue;
    }
    std::string key = code.empty() ? key_of_name(district_name) : district_key(code);
    auto [it, first] = seen[fy].emplace(key, reader.line());
    if (!first) {
      reject("地区 " + std::string(code.empty() ? district_name : code) + " の " + std::to_string(fy) +
             "年度の行が2度目です（最初は " + std::to_string(it->second) + " 行目）。同じ地区の行は1つにしてください");
      continue;
    }
    year.districts.push_back(
        District{std::string(code), std::move(key), std::string(district_name), *households, reader.line()});
  }
  city.finish(ctx, name, !years.empty());
  return years;
}

}  // namespace disaster_coverage
