// The parts of an XLSX workbook needed before streaming a sheet: the sheet list (workbook.xml and
// its relationships) and the shared string table, the only thing held in memory while streaming.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sosei::input {

class ZipArchive;

struct SheetPart {
  std::string name;  // the tab name ("観光入込客数")
  std::string part;  // its ZIP entry ("xl/worksheets/sheet1.xml")
};

struct WorkbookIndex {
  std::vector<SheetPart> sheets;    // in tab order
  std::string shared_strings_part;  // empty when the workbook has none
  std::string styles_part;          // xl/styles.xml; empty when the workbook has none
  bool date1904 = false;            // dates count from 1904-01-01 (<workbookPr date1904="1"/>: old Mac files)
};

// Reads xl/workbook.xml and xl/_rels/workbook.xml.rels. Throws InputError.
WorkbookIndex read_workbook(ZipArchive& zip);

// The shared string table as one text block plus end offsets: rich-text runs are concatenated,
// phonetic runs (<rPh>, furigana) are left out, `_xHHHH_` escapes decoded.
// Memory: the strings' bytes plus 8 bytes per string, refused above `max_bytes` (both counted, so a
// bomb of millions of empty strings is refused as surely as one of long ones). 256 MiB holds the
// strings of a sheet with millions of distinct texts; a city's statistics workbook needs a few MiB.
class SharedStrings {
 public:
  static constexpr std::size_t kMaxBytes = std::size_t{256} << 20;

  explicit SharedStrings(std::size_t max_bytes = kMaxBytes) : max_bytes_(max_bytes) {}

  void load(ZipArchive& zip, const std::string& part);  // throws InputError
  std::size_t size() const { return ends_.size(); }
  std::string_view at(std::size_t index) const;

 private:
  friend class SharedStringsLoader;
  std::size_t max_bytes_;
  std::string text_;
  std::vector<std::uint64_t> ends_;
};

}  // namespace sosei::input
