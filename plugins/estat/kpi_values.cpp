// Forming KPI values from e-Stat cells (see kpi_values.hpp).
#include "kpi_values.hpp"

#include <charconv>
#include <set>

#include "time_code.hpp"

namespace estat {
namespace {

// The marks e-Stat tables use for cells without a number (their NOTE says which a table uses).
const std::set<std::string>& known_marks() {
  static const std::set<std::string> kMarks{"-", "…", "...", "x", "X", "***", "－", "‐", "―", "—", "･", "・", ""};
  return kMarks;
}

std::string mark_note(const std::string& mark, const std::map<std::string, std::string>& marks) {
  auto it = marks.find(mark);
  return "e-Stat の記号「" + mark + "」" + (it != marks.end() && !it->second.empty() ? "（" + it->second + "）" : "") +
         ": 数値がありません";
}

// "cat01 002（転出者数）", for notes and messages.
std::string codes_text(const Codes& codes, const StatsPage& legend) {
  std::string s;
  for (const auto& [id, code] : codes) {
    s.append(s.empty() ? "" : "、").append(id).append(" ").append(code);
    auto names = legend.code_names.find(id);
    if (names != legend.code_names.end())
      if (auto n = names->second.find(code); n != names->second.end() && !n->second.empty())
        s.append("（").append(n->second).append("）");
  }
  return s;
}

std::string time_name(const std::string& time, const StatsPage& legend) {
  auto names = legend.code_names.find("time");
  if (names != legend.code_names.end())
    if (auto n = names->second.find(time); n != names->second.end() && !n->second.empty()) return n->second;
  return time;
}

}  // namespace

std::optional<double> number_of(const Cell& cell, const std::map<std::string, std::string>& marks, std::string& note) {
  const std::string& v = cell.value;
  double number = 0;
  const char* end = v.data() + v.size();
  if (!v.empty() && v != "-") {
    auto [at, ec] = std::from_chars(v.data(), end, number);
    if (ec == std::errc{} && at == end) return number;
  }
  if (known_marks().count(v) || marks.count(v)) {
    note = mark_note(v, marks);
    return std::nullopt;
  }
  throw PageError("e-Stat のセルの値「" + v + "」（時間 " + cell.code("time") +
                  "）は数でも特殊記号でもありません。統計表の形が変わっていないか e-Stat で確かめてください");
}

Formed form_values(const Settings& s, const std::map<std::string, Cell>& plus, const std::map<std::string, Cell>& minus,
                   const StatsPage& legend) {
  Formed out;
  const bool difference = !s.minus.empty();
  std::set<std::string> times;
  for (const auto& [time, cell] : plus) times.insert(time);
  for (const auto& [time, cell] : minus) times.insert(time);

  std::vector<FormedValue> yearly;
  std::set<int> years_seen;
  for (const std::string& time : times) {
    const auto period = period_of_time_code(time);
    if (!period)
      throw PageError("e-Stat の時間コード " + time + "（" + time_name(time, legend) +
                      "）は年・年度・月のどれでもありません。年次・年度・月次の表を選ぶか、cd_… で絞ってください");
    if ((s.from_year && period->year < *s.from_year) || (s.to_year && period->year > *s.to_year)) continue;
    FormedValue v;
    v.period = *period;
    const auto a = plus.find(time);
    const auto b = minus.find(time);
    if (a == plus.end() || (difference && b == minus.end())) {
      const bool no_plus = a == plus.end();
      Codes which = s.filters;
      if (!no_plus)
        for (auto& [id, code] : which)
          for (const auto& [mid, mcode] : s.minus)
            if (id == mid) code = mcode;
      out.problems.push_back({period_text(*period) + ": " + codes_text(which, legend) +
                              " のセルがありません。差を出すには両方のセルが要ります"});
      continue;
    }
    std::string note_a, note_b;
    const auto x = number_of(a->second, legend.marks, note_a);
    const auto y = difference ? number_of(b->second, legend.marks, note_b) : std::optional<double>(0);
    if (!x || !y) {
      v.value_kind = SOSEI_VALUE_MISSING;
      v.note = !x ? note_a : note_b;
    } else {
      v.number = *x - *y;
    }
    if (!a->second.annotation.empty()) {
      auto text = legend.annotations.find(a->second.annotation);
      v.note += (v.note.empty() ? "" : "。") + std::string("注釈 ") + a->second.annotation +
                (text != legend.annotations.end() ? ": " + text->second : "");
    }
    years_seen.insert(period->year);
    yearly.push_back(std::move(v));
  }

  if (s.formation != Formation::SumYears) {
    out.values = std::move(yearly);
    return out;
  }
  // The window's sum: every year present and a number, else no value at all.
  for (const auto& v : yearly)
    if (v.period.kind == SOSEI_PERIOD_MONTH)
      throw PageError("value: sum_years は年次か年度の表の値を合計します。この表は月次です（" + period_text(v.period) +
                      "）");
  std::string missing;
  for (int y = *s.from_year; y <= *s.to_year; ++y)
    if (!years_seen.count(y)) missing.append(missing.empty() ? "" : "、").append(std::to_string(y) + "年");
  if (!missing.empty()) {
    out.problems.push_back({std::to_string(*s.from_year) + "〜" + std::to_string(*s.to_year) + "年の合計: " + missing +
                            " のセルがありません。そろうまで合計は出しません"});
    return out;
  }
  FormedValue total;
  total.period = yearly.back().period;
  total.period.month = 0;
  total.note = std::to_string(*s.from_year) + "〜" + std::to_string(*s.to_year) + "年の" +
               std::to_string(*s.to_year - *s.from_year + 1) + "年間の合計";
  for (const auto& v : yearly) {
    if (v.value_kind != SOSEI_VALUE_NUMBER) {
      total.value_kind = SOSEI_VALUE_MISSING;
      total.note += "（" + period_text(v.period) + " は " + v.note + "）";
      break;
    }
    total.number += v.number;
  }
  out.values.push_back(std::move(total));
  return out;
}

}  // namespace estat
