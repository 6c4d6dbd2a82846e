// The CLI's tables line up with Japanese text: every mark a Japanese terminal draws full width counts
// two columns, the grades and the marks beside a figure alike.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/text_table.hpp"

namespace sosei::cli {
namespace {

TEST(TextTable, MarksDrawnFullWidthCountTwoColumns) {
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("観光"), 4u);
  for (const char* mark : {"○", "△", "×", "※", "—", "…", "▲", "●", "◎"}) EXPECT_EQ(display_width(mark), 2u) << mark;
  EXPECT_EQ(display_width("20※"), 4u);
}

// A row whose actual carries ※ or — keeps the next column where the other rows have it.
TEST(TextTable, RowsWithMarksLineUp) {
  TextTable table({"KPI", "実績", "評価"});
  table.add({"a", "20※", "△"});
  table.add({"b", "—", "○"});
  table.add({"c", "1,234", "×"});
  std::ostringstream out;
  table.print(out);
  std::istringstream lines(out.str());
  std::vector<std::size_t> grade_at;
  for (std::string line; std::getline(lines, line);) {
    for (const char* grade : {"△", "○", "×"})
      if (const auto at = line.find(grade); at != std::string::npos)
        grade_at.push_back(display_width(line.substr(0, at)));
  }
  ASSERT_EQ(grade_at.size(), 3u) << out.str();
  EXPECT_EQ(grade_at[0], grade_at[1]) << out.str();
  EXPECT_EQ(grade_at[1], grade_at[2]) << out.str();
}

// A long English name cut to fit (`evaluate --lang en` cut the KPI names) stays within its column:
// the "…" counts as wide as it is drawn, so no cell outgrows the width it was cut to.
TEST(TextTable, ACutCellFitsItsColumnInEveryWidth) {
  for (std::size_t width = 3; width < 40; ++width) {
    EXPECT_LE(display_width(cut_to_width(std::string(50, 'x'), width)), width) << width;
    EXPECT_LE(display_width(cut_to_width("観光入込客数の前年度比較による評価です", width)), width) << width;
  }
  for (std::size_t fit = 30; fit < 45; ++fit) {
    TextTable table({"KPI", "Actual"});
    table.add({"Number of start-ups supported by the entrepreneurship programme", "8"});
    table.add({"Visitors", "199,000"});
    table.fit(fit, 0);
    std::ostringstream out;
    EXPECT_NO_THROW(table.print(out)) << fit;
    std::istringstream lines(out.str());
    for (std::string line; std::getline(lines, line);) EXPECT_LE(display_width(line), fit) << line;
  }
}

}  // namespace
}  // namespace sosei::cli
