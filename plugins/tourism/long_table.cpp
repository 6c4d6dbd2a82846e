// Reading the long shape of tourism statistics (see long_table.hpp).
#include "long_table.hpp"

#include <sosei/notation.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>

namespace tourism {
namespace {

// Rows searched for the header: published tables carry a title and a unit line above it.
constexpr uint64_t kHeaderSearchRows = 30;

struct LongLayout {
  std::size_t year = 0;
  // What a bare year in the year column is: under 年度 (2023, R5) a fiscal year, else a calendar year.
  int32_t bare_year_kind = SOSEI_PERIOD_CALENDAR_YEAR;
  std::optional<std::size_t> month;  // none: the year column holds the month (2024-04, 2024年4月)
  std::size_t count = 0;
  std::optional<std::size_t> spot, code, split, region;
  std::string region_header;
  std::vector<std::pair<std::size_t, std::string>> where;  // column, folded value
};

// The layout when this record is the header (it has a year and a count column), else nullopt.
std::optional<LongLayout> layout_of(const sosei::CsvReader& row, const LongSettings& s) {
  const sosei::ColumnFinder header(row);
  auto named = [&](const std::string& chosen, std::initializer_list<std::string_view> usual) {
    return chosen.empty() ? header.find(usual) : header.find({std::string_view(chosen)});
  };
  const auto year = named(s.names.year, {"年", "暦年", "調査年", "対象年", "年度", "年月"});
  const auto count = named(s.count_column, {"観光入込客数", "入込客数", "観光入込客数(人)", "入込客数(人)", "観光客数",
                                            "入込数", "延べ人数", "人数"});
  if (!year || !count) return std::nullopt;  // a title line above the table

  LongLayout layout;
  layout.year = *year;
  if (sosei::normalize_header(header.name(*year)).find("年度") != std::string::npos)
    layout.bare_year_kind = SOSEI_PERIOD_FISCAL_YEAR;
  layout.count = *count;
  layout.month = header.find(s.month_column, {"月", "調査月", "対象月"}, "month_column");
  layout.spot = header.find(s.names.spot, {"観光地点名", "観光地点", "地点名", "地点", "観光地名"}, "spot_column");
  layout.code = header.find(s.names.code, {"観光地点コード", "地点コード", "地点番号", "観光地点番号"}, "code_column");
  layout.split = header.find(s.names.split, {"区分", "内訳", "日帰り・宿泊区分", "宿泊区分"}, "split_column");
  // Without `where`, a second region in the file is refused (check_one_region).
  layout.region = header.find({"地域コード", "市区町村コード", "全国地方公共団体コード", "団体コード", "地域名",
                               "市区町村名", "市町村名", "市区町村"});
  if (layout.region) layout.region_header = header.name(*layout.region);
  for (const auto& [column, value] : s.where) layout.where.emplace_back(*header.find(column, {}, "where"), value);
  return layout;
}

bool matches(const sosei::CsvReader& row, const LongLayout& layout) {
  for (const auto& [column, value] : layout.where) {
    const std::string_view cell = row.cell(column);
    if (sosei::same_code(cell, value)) continue;
    // Most rows of a national table differ in plain ASCII: fold (and allocate) only a cell that may
    // hold full-width forms, which all start with the byte 0xEF in UTF-8.
    if (cell.find('\xEF') == std::string_view::npos || !sosei::same_code(sosei::fold_full_width(cell), value))
      return false;
  }
  return true;
}

std::string where_text(const LongSettings& s) {
  std::string text;
  for (const auto& [column, value] : s.where)
    text.append(text.empty() ? "" : ", ").append(column).append("=").append(value);
  return text;
}

// One KPI year: its total and what it lacks.
struct YearTotal {
  double sum = 0;
  std::array<bool, 12> has_row{};   // months (in the year's order) with at least one row
  std::vector<std::string> blanks;  // "嘉麻市観光まちづくり拠点 2024年3月 (blank)"
  uint64_t last_line = 0;
};

class LongTableImport {
 public:
  LongTableImport(const sosei::Context& ctx, const std::string& file, const LongSettings& s)
      : ctx_(ctx), file_(file), s_(s) {}

  void run(sosei::CsvReader& reader) {
    find_header(reader);
    while (reader.next()) {
      if (++rows_ % 65536 == 0) ctx_.progress(rows_, 0);
      if (reader.blank() || !matches(reader, layout_)) continue;  // other regions' rows: skipped unread
      ++matched_;
      read_row(reader);
    }
    if (!s_.where.empty() && matched_ == 0)
      throw sosei::PluginError(SOSEI_ERR_INPUT, file_ + ": where（" + where_text(s_) + "）に合う行が " +
                                                    std::to_string(rows_) +
                                                    " 行の中に1つもありません。コードや名前の書き方（桁数、空白、"
                                                    "全角・半角）を表と見比べてください");
    if (restated_rows_ > 0)
      ctx_.info(file_ + ": 再掲・うちの行 " + std::to_string(restated_rows_) +
                " 行は、ほかの行に含まれる人数のため合計に入れません");
    if (totals_rows_ > 0)
      ctx_.info(file_ + ": 合計の行（合計、計）" + std::to_string(totals_rows_) +
                " 行は取り込まず、地点の行だけを合計します");
    emit_years();
    ctx_.progress(rows_, rows_);
  }

 private:
  void find_header(sosei::CsvReader& reader) {
    for (uint64_t seen = 0; seen < kHeaderSearchRows && reader.next(); ++seen) {
      if (seen == 0) refuse_html(reader, file_);
      if (auto layout = layout_of(reader, s_)) {
        layout_ = std::move(*layout);
        header_width_ = reader.size();
        named_width_ = sosei::named_width(reader);
        return;
      }
    }
    throw sosei::PluginError(SOSEI_ERR_INPUT, file_ + ": 最初の " + std::to_string(kHeaderSearchRows) +
                                                  " 行に、年の列（年）と人数の列（観光入込客数、入込客数 …）のある"
                                                  "見出し行がありません。表の列名を 'year_column' と 'count_column' "
                                                  "に設定してください");
  }

  // Without `where`, every row must be the same region's: a national table summed whole would
  // look like one very large city.
  void check_one_region(const sosei::CsvReader& row) {
    if (!s_.where.empty() || !layout_.region) return;
    const std::string_view region = row.cell(*layout_.region);
    if (!region_line_) {
      region_ = region;
      region_line_ = row.line();
    } else if (region != region_) {
      throw sosei::PluginError(
          SOSEI_ERR_CONFIG,
          file_ + ":" + std::to_string(row.line()) + ": 表に複数の地域があります（" + layout_.region_header + " " +
              region_ + " が " + std::to_string(region_line_) + " 行目、この行は " + std::string(region) +
              "）。'where' で市の行を選んでください（例: where: " + layout_.region_header + "=" + region_ + "）");
    }
  }

  // The calendar year and month of a row, or nullopt after rejecting it.
  std::optional<std::pair<int, int>> month_of(const sosei::CsvReader& row) const {
    const std::string_view year_text = row.cell(layout_.year);
    // 202404: the year and month as open data often write them, in a column without a month beside it.
    if (!layout_.month && year_text.size() == 6 &&
        std::all_of(year_text.begin(), year_text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      const int year = std::stoi(std::string(year_text.substr(0, 4)));
      const int month = std::stoi(std::string(year_text.substr(4)));
      if (month >= 1 && month <= 12 && year >= 1900 && year <= 2200) return std::pair{year, month};
    }
    std::string error;
    auto period = sosei::parse_period(year_text, layout_.bare_year_kind, &error);
    if (!period) {
      ctx_.reject(
          file_, row.line(),
          "年: " +
              (year_text.empty() ? std::string("空欄です。2024、2024年、令和6年 のように年を書いてください") : error));
      return std::nullopt;
    }
    if (!layout_.month) {
      // A date (an Excel date cell under 年月, 2024/1/1): its month.
      if (period->kind == SOSEI_PERIOD_MONTH || period->kind == SOSEI_PERIOD_DATE)
        return std::pair{period->year, period->month};
      ctx_.reject(file_, row.line(),
                  "年: 「" + std::string(year_text) +
                      "」には月がなく、表に月の列（月）もありません。月の列を 'month_column' に設定するか、"
                      "2024-04 や 2024年4月 のように書いてください");
      return std::nullopt;
    }
    const std::string_view month_text = row.cell(*layout_.month);
    const auto month = month_of_cell(month_text);
    if (!month) {
      ctx_.reject(
          file_, row.line(),
          "月: 「" + std::string(month_text) + "」は 1〜12 の月ではありません（4、04、4月 のように書いてください）");
      return std::nullopt;
    }
    if (period->kind == SOSEI_PERIOD_CALENDAR_YEAR) return std::pair{period->year, *month};
    // 令和6年度 with 1月: a fiscal year's January to March fall in the next calendar year.
    if (period->kind == SOSEI_PERIOD_FISCAL_YEAR) return std::pair{period->year + (*month < 4 ? 1 : 0), *month};
    ctx_.reject(
        file_, row.line(),
        "年: 「" + std::string(year_text) + "」は年ではありません（2024、2024年、令和6年度 のように書いてください）");
    return std::nullopt;
  }

  void read_row(const sosei::CsvReader& row) {
    const uint64_t line = row.line();
    const std::string_view count_text = row.cell(layout_.count);
    if (count_text.empty() && (row.cell(layout_.year).empty() || sosei::is_note_text(row.cell(0))))
      return;  // ※… under the table
    if (auto why = sosei::split_thousands(row, header_width_, std::nullopt, named_width_))
      return ctx_.reject(file_, line, *why);
    check_one_region(row);
    const auto when = month_of(row);
    if (!when) return;
    const auto [year, month] = *when;
    std::optional<double> count;
    std::string error;
    if (!read_count(count_text, count, error)) return ctx_.reject(file_, line, error);

    const std::string spot = layout_.spot ? std::string(row.cell(*layout_.spot)) : std::string();
    if (layout_.spot && spot.empty()) return ctx_.reject(file_, line, "地点名が空です");
    // 県外（再掲）, うち道の駅: people already counted in the rows above, shown again.
    if (sosei::is_restated(spot) || (layout_.split && sosei::is_restated(row.cell(*layout_.split)))) {
      ++restated_rows_;
      return;
    }
    Split split;
    if (layout_.split) {
      auto parsed = parse_split(row.cell(*layout_.split), error);
      if (!parsed) return ctx_.reject(file_, line, error);
      split = *parsed;
    }
    if (is_totals_name(spot) || is_part_total_name(spot) || split.subtotal) {  // a check for people, not data
      ++totals_rows_;
      return;
    }

    const std::string code = layout_.code ? std::string(row.cell(*layout_.code)) : std::string();
    std::string label = spot;
    if (!split.none()) label += (label.empty() ? "" : " ") + split.japanese();
    const std::string identity = (code.empty() ? spot : code) + "\x1f" + split.key();
    const std::string month_name = std::to_string(year) + "年" + std::to_string(month) + "月";
    const std::string key = std::to_string(year) + "-" + std::to_string(month) + "\x1f" + identity;
    if (auto [it, fresh] = first_line_.emplace(key, line); !fresh)
      return ctx_.reject(file_, line,
                         (label.empty() ? "" : label + ": ") + month_name + "の行が2度目です（最初は " +
                             std::to_string(it->second) + " 行目）" +
                             (layout_.spot && layout_.split
                                  ? std::string("。同じ月の行は1つにしてください")
                                  : std::string("。地点別や 日帰り/宿泊 別に分かれた行なら、'spot_column' か "
                                                "'split_column' を設定して別々の行として読ませてください")));

    emit_month(year, month, spot, code, split, count, line);
    const int kpi_year = s_.fiscal_year && month < 4 ? year - 1 : year;
    YearTotal& total = years_[kpi_year];
    total.has_row[s_.fiscal_year ? (month + 8) % 12 : month - 1] = true;
    total.last_line = line;
    if (count)
      total.sum += *count;
    else
      total.blanks.push_back((label.empty() ? month_name : label + " " + month_name) + "（空欄）");
  }

  void emit_month(int year, int month, const std::string& spot, const std::string& code, const Split& split,
                  std::optional<double> count, uint64_t line) const {
    std::vector<sosei_dimension> dims;
    if (!spot.empty()) dims.push_back(sosei::dimension("spot", spot));
    if (!code.empty()) dims.push_back(sosei::dimension("spot_code", code));
    if (!split.stay.empty()) dims.push_back(sosei::dimension("stay", split.stay));
    if (!split.origin.empty()) dims.push_back(sosei::dimension("origin", split.origin));
    sosei::Observation o;
    o.series = "monthly_visitors";
    o.period = {SOSEI_PERIOD_MONTH, year, month, 0};
    o.dimensions = dims;
    if (count) {
      o.number = *count;
    } else {
      o.value_kind = SOSEI_VALUE_MISSING;  // blank is "not counted", never zero
      o.note = "表の空欄（未集計）";
    }
    o.file = file_;
    o.line = line;
    ctx_.emit(o);
  }

  std::string year_name(int year) const {
    return s_.fiscal_year ? std::to_string(year) + "年度" : std::to_string(year);
  }

  // A year lacking months (the year in progress, a month published late, a blank cell) is not given
  // a total unless allow_partial: a low total would read as fewer visitors.
  void emit_years() const {
    for (const auto& [year, total] : years_) {
      std::vector<std::string> missing;
      for (int i = 0; i < 12; ++i) {
        if (total.has_row[i]) continue;
        const int month = s_.fiscal_year ? (i + 3) % 12 + 1 : i + 1;
        const int calendar = s_.fiscal_year && month < 4 ? year + 1 : year;
        missing.push_back(std::to_string(calendar) + "年" + std::to_string(month) + "月（行なし）");
      }
      missing.insert(missing.end(), total.blanks.begin(), total.blanks.end());
      std::string list;
      for (std::size_t i = 0; i < missing.size() && i < 5; ++i) list.append(i ? "、" : "").append(missing[i]);
      if (missing.size() > 5) list.append("、…");
      const std::string where = file_ + ": " + year_name(year) + ": ";
      const std::string count = std::to_string(missing.size()) + "か月分";
      if (!missing.empty() && !s_.allow_partial) {
        std::string warning = where + count;
        warning.append("がありません（")
            .append(list)
            .append(
                "）。この年の合計は取り込まず、月別の値だけを取り込みます。わかっている月で合計するには "
                "allow_partial: true を設定してください");
        ctx_.warn(warning);
        continue;
      }
      std::string note;
      if (!missing.empty()) {
        note = count;
        note.append("がないため、わかっている月の合計です（").append(list).append("）");
        ctx_.warn(where + note);
      }
      ctx_.info(where + "観光入込客数 " + format_count(total.sum) + " 人");
      sosei::Observation o;
      o.series = s_.kpi;
      o.period = {s_.fiscal_year ? SOSEI_PERIOD_FISCAL_YEAR : SOSEI_PERIOD_CALENDAR_YEAR, year, 0, 0};
      o.number = total.sum;
      o.note = note;
      o.file = file_;
      o.line = total.last_line;
      ctx_.emit(o);
    }
  }

  const sosei::Context& ctx_;
  const std::string& file_;
  const LongSettings& s_;
  LongLayout layout_;
  std::size_t header_width_ = 0;
  std::size_t named_width_ = 0;  // up to the header's last named column
  uint64_t rows_ = 0, matched_ = 0, totals_rows_ = 0, restated_rows_ = 0;
  std::string region_;
  uint64_t region_line_ = 0;
  std::map<std::string, uint64_t> first_line_;  // year-month + spot + split → line, to catch a repeat
  std::map<int, YearTotal> years_;
};

}  // namespace

std::vector<std::pair<std::string, std::string>> parse_where(const std::string& spec) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t start = 0;
  while (start <= spec.size()) {
    std::size_t end = spec.find(',', start);
    if (end == std::string::npos) end = spec.size();
    const std::string_view item = sosei::trim(std::string_view(spec).substr(start, end - start));
    if (!item.empty()) {
      const auto eq = item.find('=');
      const std::string_view column =
          eq == std::string_view::npos ? std::string_view() : sosei::trim(item.substr(0, eq));
      if (column.empty())
        throw sosei::PluginError(
            SOSEI_ERR_CONFIG,
            "設定 'where' の「" + std::string(item) + "」は 列名=値 の形ではありません（例: where: 地域コード=40227）");
      out.emplace_back(column, sosei::fold_full_width(sosei::trim(item.substr(eq + 1))));
    }
    start = end + 1;
  }
  return out;
}

void import_long_table(const sosei::Context& ctx, sosei::CsvReader& reader, const std::string& file,
                       const LongSettings& settings) {
  LongTableImport(ctx, file, settings).run(reader);
}

}  // namespace tourism
