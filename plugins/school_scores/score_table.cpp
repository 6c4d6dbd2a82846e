// Columns, levels, score types and averages of the assessment results (see score_table.hpp).
#include "score_table.hpp"

#include <sosei/notation.hpp>

#include <cstdio>

namespace school_scores {
namespace {

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

// Subjects as a Japanese list names them: 国語・数学.
std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out.append(out.empty() ? "" : "・").append(i);
  return out;
}

}  // namespace

Layout layout_of(const sosei::CsvReader& header, const ColumnNames& names) {
  const sosei::ColumnFinder f(header);
  Layout l;
  l.year = f.require(names.year, {"年度", "調査年度", "実施年度", "年", "year"}, "調査年度", "year_column");
  l.level = f.require(names.level, {"校種", "学校種", "学校段階", "学年", "level"}, "校種（小/中）", "level_column");
  l.subject = f.require(names.subject, {"教科", "教科名", "科目", "教科区分", "subject"}, "教科", "subject_column");
  l.city = f.require(names.city, {"市平均正答率", "本市平均正答率", "市の平均正答率", "市", "本市", "city"},
                     "市の平均正答率", "city_column");
  l.national = f.require(names.national, {"全国平均正答率", "全国の平均正答率", "全国(公立)", "全国", "national"},
                         "全国の平均正答率", "national_column");
  l.score_type = f.find(names.score_type, {"score_type", "得点種別", "種別", "結果の形式"}, "score_type_column");
  l.school = f.find(names.school, {"学校名", "学校", "school"}, "school_column");
  return l;
}

std::optional<std::string> level_of(std::string_view cell) {
  const std::string s = sosei::normalize_header(cell);
  if (s.starts_with("小") || contains(s, "前期")) return "小";
  if (s.starts_with("中") || contains(s, "後期")) return "中";
  return std::nullopt;
}

std::optional<ScoreType> score_type_of(std::string_view cell, double city, double national, std::string& error) {
  std::string s = sosei::normalize_header(cell);
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  std::optional<ScoreType> type;
  if (s.empty()) {
    const bool city_scaled = city > 100, national_scaled = national > 100;
    if (city_scaled != national_scaled) {
      error =
          "市と全国の一方だけが 100 を超えています。平均正答率（100 以下）とスコア（500 前後）は比べられません。"
          "この行の score_type（得点種別）の列に rate か scaled を書いてください";
      return std::nullopt;
    }
    return city_scaled ? ScoreType::Scaled : ScoreType::Rate;
  }
  if (s == "rate" || s == "percent" || s == "正答率" || s == "平均正答率") type = ScoreType::Rate;
  if (s == "scaled" || s == "irt" || s == "score" || s == "スコア" || s == "平均スコア" || s == "irtスコア")
    type = ScoreType::Scaled;
  if (!type) {
    error = "得点種別「" + std::string(cell) +
            "」はわかりません。rate（平均正答率）か scaled（IRT スコア）を書いてください";
    return std::nullopt;
  }
  if (*type == ScoreType::Rate && (city > 100 || national > 100)) {
    error = "平均正答率は 100% を超えません。500 前後の値はスコアです（score_type を scaled にしてください）";
    return std::nullopt;
  }
  return type;
}

std::optional<LevelAverage> level_average(const std::vector<SubjectScore>& subjects) {
  std::vector<std::string> rate, scaled;
  double rate_sum = 0, scaled_sum = 0;
  for (const auto& s : subjects) {
    if (s.type == ScoreType::Rate) {
      rate.push_back(s.subject);
      rate_sum += s.standardized;
    } else {
      scaled.push_back(s.subject);
      scaled_sum += s.standardized;
    }
  }
  if (rate.empty() && scaled.empty()) return std::nullopt;
  LevelAverage a;
  if (!rate.empty()) {
    a.value = rate_sum / static_cast<double>(rate.size());
    a.note = join(rate) + "の平均（正答率）";
    if (!scaled.empty()) {
      a.series_break = true;
      a.note += "。" + join(scaled) + "は IRT 尺度得点で比較できないため除外";
    }
  } else {
    a.value = scaled_sum / static_cast<double>(scaled.size());
    a.series_break = true;
    a.note = join(scaled) + "の平均（IRT 尺度得点）。正答率の年度とは比較できません";
  }
  return a;
}

std::string display(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

}  // namespace school_scores
