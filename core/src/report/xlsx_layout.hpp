// How tall a worksheet row must be for its wrapped text. libxlsxwriter does not autofit, and Excel
// and LibreOffice keep a row's stored height: the writer computes each row's height from the lines
// its cells wrap to (column width in characters, East Asian wide characters counting two, explicit
// newlines) and stores it. The rule errs on the tall side: a spare line of space is better than a
// clipped target or goal name.
#pragma once

#include <string_view>

namespace sosei::report {

// Columns of a column width (Excel's unit, the width of "0") a UTF-8 string takes: East Asian wide
// and fullwidth characters (kanji, kana, 全角 forms, ○ △ ×) count two, others one.
int cell_text_width(std::string_view utf8);

// Lines a wrapped cell of `column_width` characters shows `text` on: every explicit newline starts a
// line; within a line, Latin words break at spaces (a word longer than the line is cut), wide
// characters may break anywhere. At least one line.
int wrapped_lines(std::string_view text, double column_width);

// Points of one line of text in a font of `font_size` points, as Excel and LibreOffice draw Japanese
// (Yu Gothic / Noto Sans CJK lines are about 1.5–1.7 em).
double line_height_points(double font_size);

// A row's height in points for `lines` lines of a `font_size` point font: the lines plus the cell's
// top and bottom margins.
double row_height_points(int lines, double font_size);

}  // namespace sosei::report
