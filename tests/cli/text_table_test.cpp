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

}  // namespace
}  // namespace sosei::cli
