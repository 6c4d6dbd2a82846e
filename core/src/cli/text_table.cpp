// Display-width-aware text tables.
#include "cli/text_table.hpp"

#include <algorithm>
#include <cstdlib>

namespace sosei::cli {
namespace {

// East Asian Wide and Fullwidth ranges that matter for Japanese text.
bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD) ||
         // East Asian Ambiguous marks that Japanese fonts and terminals draw full width, as the grades
         // ○ △ × are: ※ — ― … ▲ ▼ ● ◎ ◆ ◇ ■ □ ★ ☆ →. Counted narrow, a row with ※ or — shifted
         // every column after it by one.
         c == 0x25CB || c == 0x25B3 || c == 0x00D7 || c == 0x203B || c == 0x2014 || c == 0x2015 || c == 0x2026 ||
         c == 0x25B2 || c == 0x25BC || c == 0x25CF || c == 0x25CE || c == 0x25C6 || c == 0x25C7 || c == 0x25A0 ||
         c == 0x25A1 || c == 0x2605 || c == 0x2606 || c == 0x2192;
}

}  // namespace

std::size_t display_width(const std::string& s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    char32_t c = b;
    std::size_t len = 1;
    if (b >= 0xF0 && i + 3 < s.size()) {
      c = ((b & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
      len = 4;
    } else if (b >= 0xE0 && i + 2 < s.size()) {
      c = ((b & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
      len = 3;
    } else if (b >= 0xC0 && i + 1 < s.size()) {
      c = ((b & 0x1F) << 6) | (s[i + 1] & 0x3F);
      len = 2;
    }
    width += is_wide(c) ? 2 : 1;
    i += len;
  }
  return width;
}

std::string cut_to_width(const std::string& s, std::size_t width) {
  if (display_width(s) <= width) return s;
  static const std::string kEllipsis = "…";
  // The "…" is as wide as a terminal draws it (two columns in Japanese terminals, is_wide): counted as
  // one, an English cell came out a column wider than its column, and padding it underflowed.
  const std::size_t ellipsis = display_width(kEllipsis);
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    const std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    const std::string next = s.substr(i, len);
    if (display_width(out + next) + ellipsis > width) break;
    out += next;
    i += len;
  }
  return out + kEllipsis;
}

std::size_t default_table_width() {
  std::size_t width = 160;
  if (const char* columns = std::getenv("COLUMNS")) {
    const long c = std::strtol(columns, nullptr, 10);
    if (c > static_cast<long>(width)) width = static_cast<std::size_t>(c);
  }
  return width;
}

void TextTable::print(std::ostream& out) const {
  std::vector<std::size_t> widths(header_.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
      widths[i] = std::max(widths[i], display_width(row[i]));
  };
  measure(header_);
  for (const auto& r : rows_) measure(r);
  std::vector<std::vector<std::string>> rows = rows_;
  if (fit_width_ > 0 && fit_column_ < widths.size()) {
    std::size_t others = 2 * (widths.size() - 1);
    for (std::size_t i = 0; i < widths.size(); ++i)
      if (i != fit_column_) others += widths[i];
    const std::size_t room = fit_width_ > others ? fit_width_ - others : 0;
    if (room >= 8 && widths[fit_column_] > room) {
      for (auto& r : rows)
        if (fit_column_ < r.size()) r[fit_column_] = cut_to_width(r[fit_column_], room);
      widths[fit_column_] = std::max(room, display_width(header_[fit_column_]));
    }
  }
  auto line = [&](const std::vector<std::string>& row) {
    std::string text;
    for (std::size_t i = 0; i < widths.size(); ++i) {
      const std::string cell = i < row.size() ? row[i] : "";
      const std::size_t used = display_width(cell);
      const std::string pad(widths[i] > used ? widths[i] - used : 0, ' ');
      const bool right = std::find(right_.begin(), right_.end(), i) != right_.end();
      text += right ? pad + cell : cell + (i + 1 < widths.size() ? pad : "");
      if (i + 1 < widths.size()) text += "  ";
    }
    out << text << '\n';
  };
  line(header_);
  std::vector<std::string> rule;
  for (auto w : widths) rule.emplace_back(w, '-');
  line(rule);
  for (const auto& r : rows) line(r);
}

}  // namespace sosei::cli
