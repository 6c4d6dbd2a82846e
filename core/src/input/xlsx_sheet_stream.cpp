// One worksheet of an XLSX workbook streamed as CSV text: the worksheet XML is parsed chunk by
// chunk and the parser is suspended whenever enough CSV is waiting for the reader.
#include "input/xlsx_sheet_stream.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <optional>
#include <vector>

#include "input/xlsx_styles.hpp"
#include "input/xlsx_text.hpp"
#include "input/xlsx_workbook.hpp"
#include "input/xml_parser.hpp"
#include "input/zip_archive.hpp"

namespace sosei::input {
namespace {

constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kPendingHighWater = 64 * 1024;
constexpr std::size_t kMaxCellBytes = 4u << 20;  // Excel itself stops at 32,767 characters

std::string column_letters(int column) {
  std::string letters;
  for (int c = column + 1; c > 0; c = (c - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters;
}

void append_csv_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

const SheetPart& find_sheet(const WorkbookIndex& index, const std::string& sheet, const std::string& path) {
  if (sheet.empty()) return index.sheets.front();
  for (const SheetPart& candidate : index.sheets) {
    if (candidate.name == sheet) return candidate;
  }
  std::string names;
  for (const SheetPart& candidate : index.sheets) names += (names.empty() ? "\"" : ", \"") + candidate.name + "\"";
  throw InputError(path + ": has no sheet named \"" + sheet + "\"; its sheets are " + names +
                   ". Set `sheet:` to one of these names (or leave it empty for the first sheet).");
}

class XlsxSheetStream final : public InputStream, private XmlHandler {
 public:
  XlsxSheetStream(const std::string& path, const std::string& sheet) : zip_(path, path), chunk_(kChunk) {
    const WorkbookIndex index = read_workbook(zip_);
    const SheetPart& part = find_sheet(index, sheet, path);
    name_ = path + "[" + part.name + "]";
    if (!index.shared_strings_part.empty()) strings_.load(zip_, index.shared_strings_part);
    if (!index.styles_part.empty() && zip_.contains(index.styles_part)) styles_.load(zip_, index.styles_part);
    date1904_ = index.date1904;
    parser_.emplace(static_cast<XmlHandler&>(*this), path + ": " + part.part);
    zip_.open_entry(part.part);
  }

  const std::string& name() const override { return name_; }

  std::size_t read(char* buffer, std::size_t capacity) override {
    if (capacity == 0) return 0;
    for (;;) {
      if (pending_begin_ < pending_.size()) {
        const std::size_t n = std::min(pending_.size() - pending_begin_, capacity);
        std::memcpy(buffer, pending_.data() + pending_begin_, n);
        pending_begin_ += n;
        if (pending_begin_ == pending_.size()) {
          pending_.clear();
          pending_begin_ = 0;
        }
        return n;
      }
      if (done_) return 0;
      XmlParser::Status status;
      if (parser_->suspended()) {
        status = parser_->resume();
      } else {
        const std::size_t got = zip_.read_entry(chunk_.data(), chunk_.size());
        last_fed_ = got == 0;
        status = parser_->feed(chunk_.data(), got, last_fed_);
      }
      if (status == XmlParser::Status::Done && last_fed_) done_ = true;
    }
  }

 private:
  void on_start(std::string_view name, const char** attributes) override {
    if (name == "c") {
      const char* ref = attribute(attributes, "r");
      const std::optional<CellRef> cell = ref ? parse_cell_ref(ref) : std::nullopt;
      column_ = cell ? cell->column : next_column_;
      const char* type = attribute(attributes, "t");
      type_ = type ? type : "";
      const char* style = attribute(attributes, "s");
      style_ = 0;
      if (style != nullptr) std::from_chars(style, style + std::strlen(style), style_);
      value_.clear();
    } else if (name == "v") {
      in_value_ = true;
    } else if (name == "is") {
      in_inline_ = true;
    } else if (name == "rPh") {
      ++phonetic_depth_;
    } else if (name == "t") {
      in_text_ = in_inline_ && phonetic_depth_ == 0;
    } else if (name == "row") {
      const char* r = attribute(attributes, "r");
      long number = 0;
      // A row number outside a sheet's 1..1,048,576 (a damaged or crafted file) is taken as the next row.
      if (r != nullptr && std::from_chars(r, r + std::strlen(r), number).ec == std::errc{} && number >= 1 &&
          number <= kMaxSheetRows) {
        row_ = number;
      } else {
        row_ = std::min(row_ + 1, kMaxSheetRows);
      }
      // Rows Excel leaves out (blank ones) become empty lines, so that a line of the text is the
      // sheet's row of that number: a message naming file:line points at the row a person sees.
      // CSV readers skip empty lines. A crafted row number cannot make more than a sheet's rows.
      if (row_ > lines_ + 1) {
        pending_.append(static_cast<std::size_t>(row_ - lines_ - 1), '\n');  // both within 0..kMaxSheetRows
      }
      lines_ = std::max(lines_, row_ - 1);
      last_column_ = -1;
      next_column_ = 0;
    } else if (name == "dimension") {
      const char* ref = attribute(attributes, "ref");
      if (ref != nullptr) {
        std::string_view range(ref);
        if (const std::size_t colon = range.find(':'); colon != std::string_view::npos) range = range.substr(colon + 1);
        if (const std::optional<CellRef> last = parse_cell_ref(range)) width_ = last->column + 1;
      }
    }
  }

  void on_end(std::string_view name) override {
    if (name == "v") {
      in_value_ = false;
    } else if (name == "t") {
      in_text_ = false;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "rPh") {
      --phonetic_depth_;
    } else if (name == "c") {
      emit_cell();
      next_column_ = column_ + 1;
      if (pending_.size() - pending_begin_ >= kPendingHighWater) parser_->suspend();
    } else if (name == "row") {
      // Excel writes no cell for a blank one, so a row ends at its last filled cell: padded to the
      // sheet's declared width, or without one (a workbook not written by Excel) to the widest row so
      // far, a row whose last cells are blank keeps its columns, as in a CSV export. A short row would
      // read as a record cut off.
      widest_ = std::max(widest_, last_column_ + 1);
      const int width = std::max(width_, widest_);
      if (last_column_ >= 0 && width > last_column_ + 1)
        pending_.append(static_cast<std::size_t>(width - 1 - last_column_), ',');
      pending_ += '\n';  // an empty row too: the next row keeps its number
      lines_ = std::max(lines_, row_);
      if (pending_.size() - pending_begin_ >= kPendingHighWater) parser_->suspend();
    }
  }

  void on_text(std::string_view text) override {
    if (!in_value_ && !in_text_) return;
    if (value_.size() + text.size() > kMaxCellBytes) {
      throw InputError(name_ + ": cell " + cell_name() + " holds more than " + std::to_string(kMaxCellBytes >> 20) +
                       " MiB of text, which is not a spreadsheet value; check the file.");
    }
    value_ += text;
  }

  std::string cell_name() const { return column_letters(column_) + std::to_string(row_); }

  std::string shared_string() const {
    std::size_t index = 0;
    const auto [end, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
    if (ec != std::errc{} || end != value_.data() + value_.size() || index >= strings_.size()) {
      throw InputError(name_ + ": cell " + cell_name() + " refers to shared string \"" + value_ +
                       "\", which the workbook does not have (the file is damaged). Open it in Excel "
                       "and save it again.");
    }
    return std::string(strings_.at(index));
  }

  void emit_cell() {
    if (value_.empty()) return;  // a styled but empty cell
    std::string text;
    if (type_ == "s") {
      text = shared_string();
    } else if (type_ == "b") {
      text = value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
    } else if (type_ == "str" || type_ == "inlineStr" || type_ == "e") {
      text = decode_xstring(value_);
    } else {
      // Numbers as the cell shows them (85.3% for a stored 0.853, 2023-01-01 for the date 44927), as
      // the same sheet saved as CSV would say; others exactly as written.
      if (type_.empty() || type_ == "n") {
        auto integer = styles_.integer_text(style_, value_);
        text = integer ? std::move(*integer) : shown_number(value_, styles_.of(style_), date1904_);
      } else {
        text = value_;
      }
    }
    if (text.empty()) return;
    if (column_ <= last_column_) column_ = last_column_ + 1;  // duplicate or out-of-order cell
    const int separators = last_column_ < 0 ? column_ : column_ - last_column_;
    pending_.append(static_cast<std::size_t>(separators), ',');
    append_csv_field(pending_, text);
    last_column_ = column_;
  }

  ZipArchive zip_;
  std::string name_;
  SharedStrings strings_;
  CellStyles styles_;
  bool date1904_ = false;
  std::vector<char> chunk_;
  std::optional<XmlParser> parser_;  // created once the sheet is known
  bool last_fed_ = false;
  bool done_ = false;

  std::string pending_;  // CSV not yet returned, from pending_begin_
  std::size_t pending_begin_ = 0;

  int width_ = 0;                                   // columns declared by <dimension>, 0 when unknown
  int widest_ = 0;                                  // the most columns of a row so far
  static constexpr long kMaxSheetRows = 1'048'576;  // Excel's last row
  long row_ = 0;
  long lines_ = 0;        // lines written so far: the sheet's rows 1..lines_
  int last_column_ = -1;  // last column written in this row, -1 before the first
  int next_column_ = 0;
  int column_ = 0;
  std::string type_;
  std::size_t style_ = 0;  // the cell's s attribute: its index in the workbook's cell styles
  std::string value_;
  bool in_value_ = false;
  bool in_inline_ = false;
  bool in_text_ = false;
  int phonetic_depth_ = 0;
};

}  // namespace

std::unique_ptr<InputStream> open_xlsx_sheet(const std::string& path, const std::string& sheet) {
  return std::make_unique<XlsxSheetStream>(path, sheet);
}

}  // namespace sosei::input
