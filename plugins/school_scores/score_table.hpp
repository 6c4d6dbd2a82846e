// The results table of the national academic assessment (全国学力・学習状況調査) and the arithmetic of
// the standardized score: columns, school levels, score types, and the level and KPI aggregates.
#pragma once

#include <sosei/csv.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace school_scores {

struct ColumnNames {
  std::string year, level, subject, city, national, score_type, school;
};

struct Layout {
  std::size_t year = 0, level = 0, subject = 0, city = 0, national = 0;
  std::optional<std::size_t> score_type;
  std::optional<std::size_t> school;
};

// Resolves the columns on the header row; a missing required column is a CsvError naming the
// spellings tried and the columns present.
Layout layout_of(const sosei::CsvReader& header, const ColumnNames& names);

// 小 for 小, 小学校, 小学校・義務教育学校前期課程 …; 中 for 中, 中学校, 義務教育学校後期課程 …; nullopt else.
std::optional<std::string> level_of(std::string_view cell);

// How a subject was scored: the correct rate (平均正答率, %) of the paper tests, or the IRT-based
// scaled score of the computer-based tests (national mean around 500), which does not compare.
enum class ScoreType { Rate, Scaled };

// From the score_type cell (rate / 正答率 / scaled / IRT / スコア …); an empty cell → detect(): a
// correct rate is at most 100, so a value above 100 is a scaled score. Sets `error` and returns
// nullopt for an unknown type, a rate above 100, or one value of each kind.
std::optional<ScoreType> score_type_of(std::string_view cell, double city, double national, std::string& error);

// The standardized score: the city's result with the national one as 100.
inline double standardized(double city, double national) { return city / national * 100.0; }

// One subject of one level in one year, as the level average sees it.
struct SubjectScore {
  std::string subject;
  double standardized = 0;
  ScoreType type = ScoreType::Rate;
};

struct LevelAverage {
  double value = 0;
  bool series_break = false;  // a scaled subject was reported: not comparable with earlier years
  std::string note;
};

// The mean of the percent-based subjects; scaled subjects stay out of it (they do not compare) and
// only mark the break. A level with scaled subjects only averages those, with the break.
std::optional<LevelAverage> level_average(const std::vector<SubjectScore>& subjects);

// Standardized scores are kept at full precision; this is the display form (one decimal, as the
// national reports print them).
std::string display(double value);

}  // namespace school_scores
