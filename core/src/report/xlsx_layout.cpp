// Row heights of wrapped worksheet cells (xlsx_layout.hpp).
#include "report/xlsx_layout.hpp"

#include <algorithm>
#include <cmath>

namespace sosei::report {
namespace {

// East Asian Wide and Fullwidth ranges that matter for Japanese text.
bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD) ||
         c == 0x25CB || c == 0x25B3 || c == 0x00D7 || c == 0x2192 || c == 0x203B ||
         c == 0x2014;  // ○ △ × → ※ — as Japanese fonts draw them
}

// The code point at `i` and its length in bytes (a stray byte counts as one character).
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  const auto at = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F); };
  if (b >= 0xF0 && i + 3 < s.size()) return {((b & 0x07u) << 18) | (at(1) << 12) | (at(2) << 6) | at(3), 4};
  if (b >= 0xE0 && i + 2 < s.size()) return {((b & 0x0Fu) << 12) | (at(1) << 6) | at(2), 3};
  if (b >= 0xC0 && i + 1 < s.size()) return {((b & 0x1Fu) << 6) | at(1), 2};
  return {b, 1};
}

// Lines of one paragraph (no newline in it) at `capacity` columns, filled greedily as Excel does.
int paragraph_lines(std::string_view p, int capacity) {
  int lines = 1, used = 0;
  // A pending Latin word: it moves to the next line whole when it does not fit.
  int word = 0;
  auto place = [&](int w) {
    if (used + w <= capacity) {
      used += w;
      return;
    }
    if (used > 0) ++lines;
    // Longer than a line: cut into full lines.
    while (w > capacity) {
      w -= capacity;
      ++lines;
    }
    used = w;
  };
  for (std::size_t i = 0; i < p.size();) {
    const auto [c, len] = decode(p, i);
    i += len;
    if (c == U' ') {
      place(word);
      word = 0;
      if (used < capacity) ++used;  // the space; at a line's end it vanishes
      continue;
    }
    if (is_wide(c)) {
      place(word);
      word = 0;
      place(2);
      continue;
    }
    ++word;
  }
  place(word);
  return lines;
}

}  // namespace

int cell_text_width(std::string_view utf8) {
  int width = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto [c, len] = decode(utf8, i);
    width += is_wide(c) ? 2 : 1;
    i += len;
  }
  return width;
}

int wrapped_lines(std::string_view text, double column_width) {
  // One column of the width goes to the cell's margins; at least one wide character fits.
  const int capacity = std::max(2, static_cast<int>(std::floor(column_width)) - 1);
  int lines = 0;
  std::size_t start = 0;
  while (true) {
    const auto nl = text.find('\n', start);
    lines += paragraph_lines(text.substr(start, nl == std::string_view::npos ? nl : nl - start), capacity);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return std::max(1, lines);
}

double line_height_points(double font_size) { return font_size * 1.6; }

double row_height_points(int lines, double font_size) {
  return std::max(1, lines) * line_height_points(font_size) + 3.0;
}

}  // namespace sosei::report
