// The row-height rule of the workbook (report/xlsx_layout.hpp): display widths, wrapped line counts
// and heights in points.
#include "report/xlsx_layout.hpp"

#include <gtest/gtest.h>

namespace sosei::report {
namespace {

TEST(XlsxLayout, WideCharactersCountTwo) {
  EXPECT_EQ(cell_text_width(""), 0);
  EXPECT_EQ(cell_text_width("abc 12"), 6);
  EXPECT_EQ(cell_text_width("基本目標"), 8);
  EXPECT_EQ(cell_text_width("ｱ"), 1);  // halfwidth katakana is narrow
  EXPECT_EQ(cell_text_width("５年間に40件"), 12);
  EXPECT_EQ(cell_text_width("○ 概ね目標達成"), 15);
  EXPECT_EQ(cell_text_width("R7→R11"), 7);  // the arrow as Japanese fonts draw it
}

TEST(XlsxLayout, EmptyAndShortTextTakeOneLine) {
  EXPECT_EQ(wrapped_lines("", 10), 1);
  EXPECT_EQ(wrapped_lines("件", 6), 1);
  EXPECT_EQ(wrapped_lines("123456789", 10), 1);  // one column of the width is the cell's margins
  EXPECT_EQ(wrapped_lines("1234567890", 10), 2);
}

TEST(XlsxLayout, WideTextBreaksAnywhere) {
  // 20 kanji = 40 columns; a width of 11 holds 10 columns (5 kanji) a line.
  EXPECT_EQ(wrapped_lines("一二三四五六七八九十一二三四五六七八九十", 11), 4);
  EXPECT_EQ(wrapped_lines("一二三四五六七八九十一二三四五六七八九十", 11.9), 4);  // partial columns do not count
  EXPECT_EQ(wrapped_lines("一二三四五六七八九十一二三四五六七八九十", 41), 1);
  // A kanji never straddles the line's end: 9 columns hold four of them.
  EXPECT_EQ(wrapped_lines("一二三四五", 10), 2);
}

TEST(XlsxLayout, LatinWordsMoveWhole) {
  // "hello world foo" in 7 columns: "hello" / "world" / "foo".
  EXPECT_EQ(wrapped_lines("hello world foo", 8), 3);
  EXPECT_EQ(wrapped_lines("hello world", 12), 1);
  // A word longer than a line is cut: 16 letters in 7 columns = 3 lines.
  EXPECT_EQ(wrapped_lines("abcdefghijklmnop", 8), 3);
  // Mixed: 5年間に40件 (12 columns) in 9 columns: "5年間に" / "40件".
  EXPECT_EQ(wrapped_lines("5年間に40件", 9), 2);
}

TEST(XlsxLayout, NewlinesStartLines) {
  EXPECT_EQ(wrapped_lines("基本目標1\nしごとをつくる", 22), 2);
  EXPECT_EQ(wrapped_lines("a\n\nb", 22), 3);
  EXPECT_EQ(wrapped_lines("基本目標1\n一二三四五六七八九十一二三四五六七八九十", 11), 1 + 4);
}

TEST(XlsxLayout, HeightsGrowWithLinesAndFitThem) {
  for (double size : {10.0, 11.0, 13.0}) {
    EXPECT_GE(line_height_points(size), 1.5 * size) << size;  // Japanese fonts' lines are 1.5–1.7 em
    for (int lines = 1; lines <= 6; ++lines) {
      EXPECT_GE(row_height_points(lines, size), lines * line_height_points(size));
      EXPECT_GT(row_height_points(lines + 1, size), row_height_points(lines, size));
    }
  }
  EXPECT_EQ(row_height_points(0, 10), row_height_points(1, 10));
}

}  // namespace
}  // namespace sosei::report
