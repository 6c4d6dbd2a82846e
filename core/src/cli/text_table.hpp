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
  bool empty() const { return rows_.empty(); }
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::size_t> right_;
};

}  // namespace sosei::cli
