// One page of a getStatsData reply (API 3.0, JSON) read as documented: the envelope's
// GET_STATS_DATA.RESULT (STATUS, ERROR_MSG), STATISTICAL_DATA.RESULT_INF.NEXT_KEY (paging),
// CLASS_INF.CLASS_OBJ (the code lists with their names), DATA_INF.NOTE (what the special marks mean)
// and DATA_INF.VALUE (the cells: @tab, @cat01…, @area, @time, @unit, @annotation and $). Pure: text in,
// page out, so it is testable and fuzzable without a host.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace estat {

// The reply is not the documented envelope (not JSON, an HTML page, a missing part). what() is in
// Japanese and says what was expected.
class PageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Cell {
  std::vector<std::pair<std::string, std::string>> codes;  // ("area", "40227"), ("time", "2020000000") …
  std::string unit;
  std::string value;       // "$" as published: "1234", "-56", or a mark such as "x" or "***"
  std::string annotation;  // @annotation, "" when none

  // The code of one class ("time", "area", "cat01", "tab"), "" when the cell has none.
  const std::string& code(std::string_view id) const;
};

struct StatsPage {
  int status = 0;  // 0: fine, 1: no data, 2: fine with some errors, 100 and above: refused
  std::string error_message;
  std::optional<uint64_t> next_key;
  std::string title;  // the table's STATISTICS_NAME and TITLE, for messages
  // class id ("area", "cat01", "time") → code → name, and class id → the class's own name ("地域")
  std::map<std::string, std::map<std::string, std::string>> code_names;
  std::map<std::string, std::string> class_names;
  std::map<std::string, std::string> marks;        // NOTE: special mark → what it means
  std::map<std::string, std::string> annotations;  // ANNOTATION: code → text
  std::vector<Cell> cells;
  uint64_t content_hash = 0;  // of STATISTICAL_DATA only: RESULT.DATE changes with every reply
};

StatsPage parse_stats_page(std::string_view json);

// FNV-1a, 64 bits: the fingerprint of the replies that decides "unchanged" (not a security hash: a
// table that changes is fetched again, a collision costs one skipped import at worst).
uint64_t fnv1a(std::string_view bytes, uint64_t hash = 14695981039346656037ull);

}  // namespace estat
