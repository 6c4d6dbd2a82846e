// Plain-text tables for the terminal, aligned by display width (全角 characters take two columns).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace sosei::cli {

// Columns a UTF-8 string occupies in a terminal.
std::size_t display_width(const std::string& s);

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
  // Columns listed here are right-aligned (numbers).
  void align_right(std::size_t column) { right_.push_back(column); }
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // Cuts the cells of `column` (with "…") so each line is at most `width` terminal columns, when the
  // other columns leave room for at least a few characters of it.
  void fit(std::size_t width, std::size_t column) {
    fit_width_ = width;
    fit_column_ = column;
  }
  bool empty() const { return rows_.empty(); }
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::size_t> right_;
  std::size_t fit_width_ = 0;
  std::size_t fit_column_ = 0;
};

// The first characters of `s` that take at most `width` columns, "…" included when cut.
std::string cut_to_width(const std::string& s, std::size_t width);

// The terminal width tables fit by default (the 160; $COLUMNS when set and wider).
std::size_t default_table_width();

}  // namespace sosei::cli
