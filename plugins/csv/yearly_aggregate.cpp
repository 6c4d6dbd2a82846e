// Yearly aggregation of monthly rows (see yearly_aggregate.hpp).
#include "yearly_aggregate.hpp"

#include <algorithm>

namespace csv_plugin {

std::optional<AggregateOp> parse_aggregate(const std::string& text) {
  if (text.empty()) return std::nullopt;
  if (text == "sum") return AggregateOp::Sum;
  if (text == "last") return AggregateOp::Last;
  if (text == "mean") return AggregateOp::Mean;
  if (text == "max") return AggregateOp::Max;
  throw sosei::PluginError(SOSEI_ERR_CONFIG, "設定 'aggregate' の「" + text +
                                                 "」は使えません。sum, last, mean, max のいずれかを指定してください");
}

bool YearlyAggregate::add(const sosei::Observation& o, uint64_t line, std::string& error) {
  if (o.period.kind != SOSEI_PERIOD_MONTH) {
    error =
        "aggregate は月ごとの行を年にまとめます。この行の期間は月ではありません（月の列を month_column "
        "に指定するか、期間を 2024-04 や 2024年4月 の形にしてください）";
    return false;
  }
  if (o.value_kind != SOSEI_VALUE_NUMBER && o.value_kind != SOSEI_VALUE_MISSING) {
    error = "aggregate で合わせられるのは数値か空欄（-）だけです。未実施などの状態は月ごとの値になりません";
    return false;
  }
  const int month = o.period.month;
  const bool fiscal = settings_.fiscal_year;
  const int year = fiscal && month < 4 ? o.period.year - 1 : o.period.year;
  const int index = fiscal ? (month + 8) % 12 : month - 1;

  std::vector<std::pair<std::string, std::string>> dims;
  for (const auto& d : o.dimensions)
    dims.emplace_back(std::string(d.key.data, d.key.size), std::string(d.value.data, d.value.size));
  std::sort(dims.begin(), dims.end());
  std::string key = std::string(o.series) + '\x1f' + std::to_string(year);
  for (const auto& [k, v] : dims) key.append("\x1f").append(k).append("=").append(v);

  auto [it, fresh] = running_.try_emplace(std::move(key));
  Running& r = it->second;
  if (fresh) {
    r.series = o.series;
    r.dimensions = std::move(dims);
    r.year = year;
  }
  if (r.line[index] != 0) {
    error = std::to_string(o.period.year) + "年" + std::to_string(month) + "月の行が2度目です（最初は " +
            std::to_string(r.line[index]) + " 行目）。同じ月の値は1つにしてください";
    return false;
  }
  r.line[index] = line;
  r.last_line = std::max(r.last_line, line);
  r.flags |= o.flags;
  if (o.value_kind != SOSEI_VALUE_NUMBER) return true;
  r.has_number[index] = true;
  r.sum += o.number;
  r.max = r.numbers == 0 ? o.number : std::max(r.max, o.number);
  if (index > r.last_index) r.last_index = index, r.last = o.number;
  ++r.numbers;
  return true;
}

std::string YearlyAggregate::month_name(const Running& r, int index) const {
  if (!settings_.fiscal_year) return std::to_string(r.year) + "年" + std::to_string(index + 1) + "月";
  const int month = (index + 3) % 12 + 1;
  return std::to_string(month < 4 ? r.year + 1 : r.year) + "年" + std::to_string(month) + "月";
}

std::string YearlyAggregate::key_name(const Running& r) const {
  std::string s = r.series + " " + std::to_string(r.year) + (settings_.fiscal_year ? "年度" : "年");
  for (const auto& [k, v] : r.dimensions) s.append(" ").append(k).append("=").append(v);
  return s;
}

void YearlyAggregate::finish(const sosei::Context& ctx, const std::string& file) const {
  for (const auto& [key, r] : running_) {
    std::string missing;
    int absent = 0;
    for (int i = 0; i < 12; ++i) {
      if (r.has_number[i]) continue;
      ++absent;
      missing.append(missing.empty() ? "" : "、").append(month_name(r, i));
      if (r.line[i] != 0) missing.append("（空欄）");
    }
    if (absent > 0 && settings_.op == AggregateOp::Sum && !settings_.allow_partial) {
      ctx.reject(file, r.last_line,
                 key_name(r) + ": 12か月のうち " + std::to_string(12 - absent) +
                     "か月分しか値がありません（ない月: " + missing +
                     "）。そろっていない年は合計しません。途中までの合計を取り込むなら allow_partial: true "
                     "を設定してください");
      continue;
    }
    sosei::Observation o;
    o.series = r.series;
    o.period = {settings_.fiscal_year ? SOSEI_PERIOD_FISCAL_YEAR : SOSEI_PERIOD_CALENDAR_YEAR, r.year, 0, 0};
    std::vector<sosei_dimension> dims;
    for (const auto& [k, v] : r.dimensions) dims.push_back(sosei::dimension(k, v));
    o.dimensions = dims;
    o.flags = r.flags;
    std::string note;
    if (r.numbers == 0) {
      o.value_kind = SOSEI_VALUE_MISSING;
      note = "どの月にも値がありません";
    } else {
      switch (settings_.op) {
        case AggregateOp::Sum:
          o.number = r.sum;
          break;
        case AggregateOp::Last:
          o.number = r.last;
          break;
        case AggregateOp::Mean:
          o.number = r.sum / r.numbers;
          break;
        case AggregateOp::Max:
          o.number = r.max;
          break;
      }
      if (absent > 0) note = std::to_string(12 - absent) + "か月分の値から求めました（ない月: " + missing + "）";
    }
    o.note = note;
    o.file = file;
    o.line = r.last_line;
    ctx.emit(o);
  }
}

}  // namespace csv_plugin
