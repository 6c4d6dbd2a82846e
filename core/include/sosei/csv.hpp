// A streaming RFC 4180 CSV/TSV reader for plugins: flat memory whatever the file size, and fields
// are views into its buffer so that reading millions of rows allocates nothing per row.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sosei/notation.hpp"

namespace sosei {

// Bad CSV (an unclosed quote, a missing column). what() starts with "line N: ".
class CsvError : public std::runtime_error {
 public:
  CsvError(uint64_t line, const std::string& message)
      : std::runtime_error("line " + std::to_string(line) + ": " + message), line_(line) {}
  uint64_t line() const noexcept { return line_; }

 private:
  uint64_t line_;
};

// Anything that yields bytes: the host's input stream, or a string in tests.
class ByteReader {
 public:
  virtual ~ByteReader() = default;
  // Copies up to `capacity` bytes into `buffer`; 0 means the end of the input.
  virtual std::size_t read(char* buffer, std::size_t capacity) = 0;
};

// Bytes already in memory; the text must outlive the reader.
class StringByteReader : public ByteReader {
 public:
  explicit StringByteReader(std::string_view text) : rest_(text) {}
  std::size_t read(char* buffer, std::size_t capacity) override {
    std::size_t n = std::min(capacity, rest_.size());
    if (n > 0) std::memcpy(buffer, rest_.data(), n);
    rest_.remove_prefix(n);
    return n;
  }

 private:
  std::string_view rest_;
};

namespace csv_detail {

inline constexpr uint64_t kOnes = 0x0101010101010101ull;
inline constexpr uint64_t kHighBits = 0x8080808080808080ull;

// High bit set in each zero byte of x. Borrows can flag bytes above a real zero, never below it, so
// the lowest flag (all find_any uses) is exact.
inline uint64_t zero_bytes(uint64_t x) { return (x - kOnes) & ~x & kHighBits; }

// The first of a, b or c in [p, end), or end. Eight bytes per step: this is where CSV time goes.
inline const char* find_any(const char* p, const char* end, char a, char b, char c) {
  if constexpr (std::endian::native == std::endian::little) {
    const uint64_t pa = kOnes * static_cast<unsigned char>(a);
    const uint64_t pb = kOnes * static_cast<unsigned char>(b);
    const uint64_t pc = kOnes * static_cast<unsigned char>(c);
    for (; end - p >= 8; p += 8) {
      uint64_t word;
      std::memcpy(&word, p, 8);
      uint64_t hits = zero_bytes(word ^ pa) | zero_bytes(word ^ pb) | zero_bytes(word ^ pc);
      if (hits != 0) return p + (std::countr_zero(hits) >> 3);
    }
  }
  while (p != end && *p != a && *p != b && *p != c) ++p;
  return p;
}

}  // namespace csv_detail

// Reads records one at a time.
//   - Memory: one buffer of `buffer_size` bytes. A record longer than the buffer doubles it (the buffer
//     then stays that size), up to `max_record_size`; beyond it next() throws CsvError, because such a
//     record is nearly always an unclosed quote swallowing the rest of the file.
//   - Fields are views into the buffer, valid until the next call to next(). Quoted fields are
//     unescaped in place, so "" costs no allocation either.
//   - Line ends: LF, CRLF or a lone CR, also inside quotes (line() counts them). Empty lines are
//     skipped (a line of delimiters only is a record of empty fields); a UTF-8 BOM at the start is
//     skipped; a last line without a line end is read; "a,b," has three fields.
//   - Tolerated: a quote inside an unquoted field is a literal character (5"3 → 5"3), and text after a
//     closing quote is kept literally ("ab"cd → abcd): city exports do both.
//   - Errors: a quoted field still open at the end of the input throws CsvError with the line where
//     its record starts. So does a last record that ends the input without a line end and has fewer
//     fields than the widest record before it: the file was cut off mid-record (an interrupted
//     download or copy, a zip member cut short), and reading it as a short row would turn the lost
//     rows into a smaller number. A complete last line without a line end reads as before, and so
//     does an unterminated last record of blanks. The DOS end-of-file byte 0x1A alone on the last
//     line is no record at all.
class CsvReader {
 public:
  // delimiter 0: detected on the first non-empty line (tab if it has more tabs than commas outside
  // quotes, else comma).
  explicit CsvReader(ByteReader& in, char delimiter = 0, std::size_t buffer_size = 1 << 16,
                     std::size_t max_record_size = std::size_t{1} << 26)
      : in_(in),
        delimiter_(delimiter),
        buffer_(std::max<std::size_t>(buffer_size, 4)),
        max_record_size_(std::max(max_record_size, buffer_.size())) {
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r')
      throw std::invalid_argument("a CSV delimiter cannot be a quote or a line end");
  }

  // Reads the next record; false at the end of the input.
  bool next() {
    if (!started_) start();
    fields_.clear();
    for (;;) {
      if (!skip_empty_lines()) return false;
      if (delimiter_ == 0 && !detect_delimiter()) {
        make_room();
        fill();
        continue;
      }
      std::size_t length = 0;
      uint64_t line_ends = 0;
      bool quoted = false;
      if (scan_record(length, line_ends, quoted)) {
        record_line_ = line_;
        line_ += line_ends;
        begin_ += length;
        if (quoted) unescape_quoted_fields();
        // Only the input's last record can lack a line end: other records pass one test.
        if (begin_ == end_ && eof_) [[unlikely]] {
          // The DOS end-of-file byte that closes the input (old exporters, copy /b) is no data: alone
          // on the last line it is no record, after the last field it is not part of that field.
          if (!fields_.empty() && fields_.back().ends_with('\x1A')) {
            fields_.back().remove_suffix(1);
            if (fields_.size() == 1 && fields_[0].empty()) {
              fields_.clear();
              return false;
            }
          }
          check_last_record();
        }
        widest_ = std::max(widest_, fields_.size());
        return true;
      }
      make_room();
      fill();
    }
  }

  std::size_t size() const { return fields_.size(); }
  std::string_view field(std::size_t i) const { return fields_[i]; }  // i < size()
  // Field i without the spaces around it (trim()), or "" when the record is shorter: hand-made tables
  // pad cells and end rows early.
  std::string_view cell(std::size_t i) const { return i < fields_.size() ? trim(fields_[i]) : std::string_view(); }
  // Every field is empty or spaces: a spacer row.
  bool blank() const {
    return std::all_of(fields_.begin(), fields_.end(), [](std::string_view f) { return trim(f).empty(); });
  }
  const std::vector<std::string_view>& fields() const { return fields_; }
  // 1-based physical line where the current record starts.
  uint64_t line() const { return record_line_; }
  // The delimiter in use; 0 while auto-detection has not seen the first line yet.
  char delimiter() const { return delimiter_; }

 private:
  void start() {
    started_ = true;
    fill();
    if (end_ >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) begin_ = 3;
  }

  // The record just read ends the input; throws when it lacks its line end and fields (cut off).
  void check_last_record() const {
    const char last = buffer_[end_ - 1];
    if (last == '\n' || last == '\r' || fields_.size() >= widest_) return;
    if (blank()) return;  // no data was lost
    throw cut_off();
  }

  CsvError cut_off() const {
    return CsvError(record_line_, "the input ends in the middle of this record: it has " +
                                      std::to_string(fields_.size()) + " of " + std::to_string(widest_) +
                                      " fields and no line end, so the file was cut off (an interrupted "
                                      "download or copy, a zip member cut short); fetch or export it again. "
                                      "If the file is complete, end its last line with a line break");
  }

  void fill() {
    while (end_ < buffer_.size() && !eof_) {
      std::size_t got = in_.read(buffer_.data() + end_, buffer_.size() - end_);
      if (got == 0) eof_ = true;
      end_ += std::min(got, buffer_.size() - end_);
    }
  }

  // Moves the unread bytes to the front, or grows the buffer when they already fill it.
  void make_room() {
    if (begin_ > 0) {
      std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
      end_ -= begin_;
      begin_ = 0;
    } else if (end_ == buffer_.size()) {
      if (buffer_.size() >= max_record_size_)
        throw CsvError(line_, "a record is longer than " + std::to_string(max_record_size_) +
                                  " bytes: expected a closing quote somewhere before");
      buffer_.resize(std::min(buffer_.size() * 2, max_record_size_));
    }
  }

  // False at the end of the input.
  bool skip_empty_lines() {
    for (;;) {
      if (begin_ == end_) {
        if (eof_) return false;
        make_room();
        fill();
        continue;
      }
      char c = buffer_[begin_];
      if (c != '\n' && c != '\r') return true;
      if (c == '\r' && begin_ + 1 == end_ && !eof_) {  // a CRLF split by the buffer is one line end
        make_room();
        fill();
        continue;
      }
      ++begin_;
      ++line_;
      if (c == '\r' && begin_ < end_ && buffer_[begin_] == '\n') ++begin_;
    }
  }

  // Sets delimiter_ from the first line; false when that line goes on past the bytes read so far.
  bool detect_delimiter() {
    std::size_t tabs = 0, commas = 0;
    bool quoted = false;
    for (std::size_t i = begin_; i < end_; ++i) {
      char c = buffer_[i];
      if (c == '"') quoted = !quoted;
      if (quoted) continue;
      if (c == '\n' || c == '\r') return set_delimiter(tabs, commas);
      tabs += c == '\t';
      commas += c == ',';
    }
    return eof_ && set_delimiter(tabs, commas);
  }

  bool set_delimiter(std::size_t tabs, std::size_t commas) {
    delimiter_ = tabs > commas ? '\t' : ',';
    return true;
  }

  enum class Scan { Done, NeedMore, Quoted };

  // The common record: no field starts with a quote. One pass over the record, eight bytes at a
  // time, stopping only at delimiters, quotes and line ends, instead of starting a search at every
  // field (exports are full of short and empty fields: most of a GTFS-ride row is commas). Quoted: a
  // field starts with a quote, and the general scan takes over. A quote inside an unquoted field is
  // a literal character, as there.
  Scan scan_plain_record(const char* start, const char* end, std::size_t& length, uint64_t& line_ends) {
    const char* field = start;
    // Returns a result when the special byte at q ends the scan; otherwise the scan goes on.
    auto special = [&](const char* q) -> std::optional<Scan> {
      const char c = *q;
      if (c == delimiter_) {
        fields_.emplace_back(field, static_cast<std::size_t>(q - field));
        field = q + 1;
        return std::nullopt;
      }
      if (c == '"') return q == field ? std::optional<Scan>(Scan::Quoted) : std::nullopt;
      if (c != '\n' && c != '\r') return std::nullopt;  // a byte the word test flagged spuriously
      const char* next = q + 1;
      if (c == '\r') {
        if (next == end && !eof_) return Scan::NeedMore;  // maybe the CR of a CRLF
        if (next != end && *next == '\n') ++next;
      }
      fields_.emplace_back(field, static_cast<std::size_t>(q - field));
      line_ends = 1;
      length = static_cast<std::size_t>(next - start);
      return Scan::Done;
    };
    const char* p = start;
    if constexpr (std::endian::native == std::endian::little) {
      using csv_detail::kOnes;
      using csv_detail::zero_bytes;
      const uint64_t pd = kOnes * static_cast<unsigned char>(delimiter_);
      for (; end - p >= 8; p += 8) {
        uint64_t word;
        std::memcpy(&word, p, 8);
        // Flags every delimiter, quote, CR and LF; a borrow may also flag a byte above one of them,
        // which special() skips.
        uint64_t hits = zero_bytes(word ^ pd) | zero_bytes(word ^ (kOnes * '"')) | zero_bytes(word ^ (kOnes * '\r')) |
                        zero_bytes(word ^ (kOnes * '\n'));
        for (; hits != 0; hits &= hits - 1)
          if (auto result = special(p + (std::countr_zero(hits) >> 3))) return *result;
      }
    }
    for (; p != end; ++p) {
      const char c = *p;
      if (c == delimiter_ || c == '"' || c == '\n' || c == '\r')
        if (auto result = special(p)) return *result;
    }
    if (!eof_) return Scan::NeedMore;
    fields_.emplace_back(field, static_cast<std::size_t>(end - field));  // the last line has no line end
    length = static_cast<std::size_t>(end - start);
    return Scan::Done;
  }

  // Finds the fields of the record at begin_ without changing the buffer, so that it can start over
  // once more bytes have arrived. False: the record goes on past the bytes read so far.
  bool scan_record(std::size_t& length, uint64_t& line_ends, bool& quoted) {
    fields_.clear();
    const char* start = buffer_.data() + begin_;
    const char* end = buffer_.data() + end_;
    const Scan plain = scan_plain_record(start, end, length, line_ends);
    quoted = plain == Scan::Quoted;
    if (!quoted) return plain == Scan::Done;
    fields_.clear();
    const char* p = start;
    for (;;) {
      const char* field_end =
          p != end && *p == '"' ? skip_quoted(p, end, line_ends) : csv_detail::find_any(p, end, delimiter_, '\n', '\r');
      if (field_end == nullptr || (field_end == end && !eof_)) return false;
      fields_.emplace_back(p, static_cast<std::size_t>(field_end - p));
      if (field_end == end) {
        length = static_cast<std::size_t>(end - start);
        return true;
      }
      p = field_end + 1;
      if (*field_end == delimiter_) continue;
      if (*field_end == '\r') {
        if (p == end && !eof_) return false;  // maybe the CR of a CRLF
        if (p != end && *p == '\n') ++p;
      }
      ++line_ends;
      length = static_cast<std::size_t>(p - start);
      return true;
    }
  }

  // The end of the quoted field at p (its delimiter or line end), nullptr when more bytes are needed.
  const char* skip_quoted(const char* p, const char* end, uint64_t& line_ends) const {
    for (const char* q = p + 1;; ++q) {
      q = csv_detail::find_any(q, end, '"', '\n', '\r');
      if (q == end) {
        if (!eof_) return nullptr;
        throw CsvError(line_,
                       "a quoted field is never closed: expected a closing \" before the end of the input "
                       "(or the file was cut off)");
      }
      if (*q == '"') {
        // A quote as the last byte read returns `end`, so the caller waits for more: it may be "".
        if (q + 1 == end || q[1] != '"') return csv_detail::find_any(q + 1, end, delimiter_, '\n', '\r');
        ++q;
      } else if (*q == '\r' || q[-1] != '\r') {
        ++line_ends;
      }
    }
  }

  void unescape_quoted_fields() {
    for (auto& field : fields_)
      if (!field.empty() && field[0] == '"') field = unescape(field);
  }

  // Writes the unescaped field over its own bytes: the result is never longer than the source.
  std::string_view unescape(std::string_view raw) {
    const char* r = raw.data() + 1;
    const char* end = raw.data() + raw.size();
    const void* close = std::memchr(r, '"', static_cast<std::size_t>(end - r));
    if (close == end - 1) return {r, static_cast<std::size_t>(end - 1 - r)};  // the common case
    char* out = buffer_.data() + (raw.data() - buffer_.data());
    char* w = out;
    for (bool quoted = true; r != end;) {
      if (quoted && *r == '"') {
        bool doubled = r + 1 != end && r[1] == '"';
        if (doubled) *w++ = '"';
        quoted = doubled;
        r += doubled ? 2 : 1;
      } else {
        *w++ = *r++;
      }
    }
    return {out, static_cast<std::size_t>(w - out)};
  }

  ByteReader& in_;
  char delimiter_;
  std::vector<char> buffer_;
  std::size_t max_record_size_;
  std::size_t begin_ = 0;  // unread bytes are [begin_, end_)
  std::size_t end_ = 0;
  bool started_ = false;
  bool eof_ = false;
  uint64_t line_ = 1;  // the line of buffer_[begin_]
  uint64_t record_line_ = 0;
  std::size_t widest_ = 0;  // the most fields of a record so far: what a complete last record has
  std::vector<std::string_view> fields_;
};

// The header's columns up to its last named one. An exported sheet often ends its header with empty
// cells (「…,観光入込客数,」): a field pushed out by a split number lands under such a cell, inside the
// header's width (split_thousands' `named`).
inline std::size_t named_width(const CsvReader& header_row) {
  std::size_t width = header_row.size();
  while (width > 0 && header_row.cell(width - 1).empty()) --width;
  return width;
}

// Why a row cannot be read because a number in it was split at its thousands comma, or nullopt. A
// number written with a thousands comma and no quotes (1,000 for 1000) splits into two fields and
// moves every field after it one column right: read as it stands, the row takes its values from the
// wrong columns, loses the rest and stores a smaller number without a word (12,000 visitors became 6).
// Such a row has more fields than the header, something right of the header's last column (the field
// pushed out), and a field of one to three digits (a sign before them allowed) followed by one that
// starts with exactly three: 1 | 000, ▲1 | 234人. Where the pushed-out field is empty (a blank note
// after the value) only the plugin knows where a number stands: it names its value column, and a
// split there counts in a row that is wider than the header at all. A row that is merely wider (a memo
// right of the table, a trailing comma after 120,110) is read as before. When the header ends in
// unnamed columns (`named`, named_width, below `width`), a figure under one of them was pushed out too
// (「2024,1,嘉麻市,14,870」 under 「年,月,地域名,観光入込客数,」); a memo there is not. Call it on data rows.
inline std::optional<std::string> split_thousands(const CsvReader& row, std::size_t width,
                                                  std::optional<std::size_t> number_column = std::nullopt,
                                                  std::optional<std::size_t> named = std::nullopt) {
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  bool pushed_out = false;
  for (std::size_t i = width; i < row.size() && !pushed_out; ++i) pushed_out = !row.cell(i).empty();
  // Under an unnamed column, only a figure was pushed out: a memo there (「10日運休」) was not.
  if (named)
    for (std::size_t i = *named; i < std::min(width, row.size()) && !pushed_out; ++i) {
      const std::string_view cell = row.cell(i);
      const auto value = cell.empty() || !is_digit(cell.front()) ? std::nullopt : parse_value(cell);
      pushed_out = value && value->kind == SOSEI_VALUE_NUMBER;
    }
  if (row.size() <= width && !pushed_out) return std::nullopt;
  const auto leading_group = [&](std::string_view s) {  // [-▲△−]?\d{1,3}
    for (const std::string_view sign : {"-", "\xE2\x96\xB2", "\xE2\x96\xB3", "\xE2\x88\x92"})
      if (s.starts_with(sign)) {
        s.remove_prefix(sign.size());
        break;
      }
    return !s.empty() && s.size() <= 3 && std::all_of(s.begin(), s.end(), is_digit);
  };
  const auto trailing_group = [&](std::string_view s) {  // \d{3} then no further digit
    return s.size() >= 3 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && (s.size() == 3 || !is_digit(s[3]));
  };
  for (std::size_t i = 0; i + 1 < row.size(); ++i) {
    if (!pushed_out && i != number_column) continue;
    const std::string_view head = row.cell(i), tail = row.cell(i + 1);
    if (!leading_group(head) || !trailing_group(tail)) continue;
    constexpr std::size_t kQuoted = 40;  // bytes of the second part quoted, cut at a character's start
    std::size_t cut = std::min(tail.size(), kQuoted);
    while (cut < tail.size() && cut > 0 && (static_cast<unsigned char>(tail[cut]) & 0xC0) == 0x80) --cut;
    // A field pushed under an unnamed column: the header has as many columns as it names.
    const std::size_t header = row.size() <= width && named ? *named : width;
    return "this row has " + std::to_string(row.size()) + " fields where the header has " + std::to_string(header) +
           ", and \"" + std::string(head) + "\" followed by \"" + std::string(tail.substr(0, cut)) +
           (cut < tail.size() ? "…" : "") +
           "\" reads as one number split at its thousands comma: quote a number written with a thousands comma "
           "(\"1,000\") or write it without the comma";
  }
  return std::nullopt;
}

// A header cell as people type it, for comparing names: a BOM dropped, full-width ASCII folded
// (１月 → 1月, ＩＤ → ID), and spaces, tabs and line breaks removed, also inside and ideographic
// ("1 月", "観光　地点", a cell wrapped over two lines in the spreadsheet).
inline std::string normalize_header(std::string_view cell) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (cell.starts_with(kBom)) cell.remove_prefix(kBom.size());
  std::string out;
  for (const char c : fold_full_width(cell))
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') out.push_back(c);
  for (std::size_t at; (at = out.find("\xE3\x80\x80")) != std::string::npos;) out.erase(at, 3);
  if (std::string_view(out).starts_with(kBom)) out.erase(0, kBom.size());  // a BOM after spaces
  return out;
}

// The unit a published table states for a column in a row under its header: 「（人）」, 「(千人)」,
// 「（単位：％）」 → "人", "千人", "%" (widths folded, as normalize_header does); "" when the cell states
// none. Short and without digits: 「(2025)」 or 「（速報値を含む注記…）」 state no unit.
inline std::string stated_unit(std::string_view cell) {
  std::string s = normalize_header(cell);
  if (s.size() < 3 || s.front() != '(' || s.back() != ')') return "";
  s = s.substr(1, s.size() - 2);
  for (const std::string_view word : {"単位:", "単位"})
    if (s.starts_with(word)) {
      s.erase(0, word.size());
      break;
    }
  constexpr std::size_t kLongestUnit = 15;  // 5 kanji: 千人泊, 百万円, ポイント
  if (s.empty() || s.size() > kLongestUnit || s.find_first_of("0123456789()") != std::string::npos) return "";
  return s;
}

// The unit a header cell states after its name, or "": 「1月（人）」 → 人, 「世帯数\n（世帯）」 → 世帯
// (both normalised). Only a unit every KPI shares (kValueUnits) counts, so 「全国(公立)」 states none;
// a multiple of one (「（千人）」) states none either: a column in 千人 must not pass for one in 人.
inline std::string header_unit(std::string_view cell) {
  const std::string s = normalize_header(cell);
  const std::size_t open = s.rfind('(');
  if (open == std::string::npos || open == 0 || !s.ends_with(")")) return "";
  const std::string unit = stated_unit(std::string_view(s).substr(open));
  const bool known =
      std::any_of(kValueUnits.begin(), kValueUnits.end(), [&](const ValueUnit& u) { return u.spelling == unit; });
  return known ? unit : "";
}

// A header cell's name without the unit it states after it (header_unit), normalised: 「1月（人）」 →
// 1月. A plugin that finds a column so checks the unit against its KPI's (the csv plugin does).
inline std::string header_without_unit(std::string_view cell) {
  std::string s = normalize_header(cell);
  if (!header_unit(cell).empty()) s.resize(s.rfind('('));
  return s;
}

// Column indexes by header name. Names are copied, so the header outlives the reader's next record.
class CsvHeader {
 public:
  // Takes the reader's current record as the header row (call next() first).
  explicit CsvHeader(const CsvReader& reader) : line_(reader.line()) {
    names_.reserve(reader.size());
    for (std::size_t i = 0; i < reader.size(); ++i) names_.emplace_back(clean(reader.field(i)));
  }

  // The first column with this name; else the first whose name reads the same once widths are
  // folded and spaces and line breaks dropped (normalize_header): a header cell an exported
  // spreadsheet wrapped over two lines (「観光入込\n客数」) or typed in full width (「１月」).
  std::optional<std::size_t> find(std::string_view name) const {
    for (std::size_t i = 0; i < names_.size(); ++i)
      if (names_[i] == name) return i;
    const std::string wanted = normalize_header(name);
    for (std::size_t i = 0; i < names_.size(); ++i)
      if (normalize_header(names_[i]) == wanted) return i;
    for (std::size_t i = 0; i < names_.size(); ++i)  // 「観光入込客数（人）」 for 観光入込客数
      if (header_without_unit(names_[i]) == wanted) return i;
    return std::nullopt;
  }

  // Like find(), but a missing column is a CsvError naming it, what it was for, and the columns present.
  std::size_t require(std::string_view name, std::string_view what_for) const {
    if (auto index = find(name)) return *index;
    std::string present;
    for (const auto& column : names_) present.append(present.empty() ? "\"" : ", \"").append(column).append("\"");
    throw CsvError(line_, "missing column \"" + std::string(name) + "\" (needed for " + std::string(what_for) +
                              "); the header has " + (present.empty() ? std::string("no columns") : present));
  }

  std::size_t size() const { return names_.size(); }
  const std::string& name(std::size_t i) const { return names_[i]; }
  uint64_t line() const { return line_; }  // the header row's line
  // The columns up to the last named one (named_width): what split_thousands compares a row with.
  std::size_t named_width() const {
    std::size_t width = names_.size();
    while (width > 0 && names_[width - 1].empty()) --width;
    return width;
  }

 private:
  // A BOM survives when the header is not at the very start; spaces come from hand-edited files.
  static std::string_view clean(std::string_view name) {
    if (name.starts_with("\xEF\xBB\xBF")) name.remove_prefix(3);
    constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
    for (bool again = true; again;) {
      again = false;
      if (name.starts_with(' ') || name.starts_with('\t')) name.remove_prefix(1), again = true;
      if (name.ends_with(' ') || name.ends_with('\t')) name.remove_suffix(1), again = true;
      if (name.starts_with(kIdeographicSpace)) name.remove_prefix(3), again = true;
      if (name.ends_with(kIdeographicSpace)) name.remove_suffix(3), again = true;
    }
    return name;
  }

  uint64_t line_;
  std::vector<std::string> names_;
};

// What a person writes beside a table's title, in the same row: its unit (「（単位：人）」, 「単位：％」)
// or the day it stands at (「令和7年4月1日現在」); compared after normalize_header.
inline bool is_title_aside(std::string_view cell) {
  const std::string s = normalize_header(cell);
  return s.starts_with("(単位") || s.starts_with("単位:") || s.ends_with("現在") || s.ends_with("現在)") ||
         s.starts_with("※");
}

// A row a person puts above a table's header — a title (「令和6年度 自主防災組織名簿」), a unit line
// (「（単位：人）」), a row of empty cells: at most one filled cell besides the title's asides (its unit,
// the day it stands at: 「観光入込客数,,,（単位：人）」). Never markup (<!DOCTYPE html>: a web page served
// instead of the table, which the plugin refuses as such).
inline bool is_title_row(const CsvReader& row) {
  if (row.cell(0).starts_with('<')) return false;
  int filled = 0;
  for (std::size_t i = 0; i < row.size() && filled < 2; ++i)
    if (!row.cell(i).empty() && (i == 0 || !is_title_aside(row.cell(i)))) ++filled;
  return filled < 2;
}

// For a table whose header has two columns or more: moves `reader` (on its first record) past the
// title rows above the header, at most `most` rows down, and returns how many it passed; the caller
// says so in its log. Stops at the end of the input, which the caller's header then reports as
// missing columns.
inline uint64_t skip_title_rows(CsvReader& reader, uint64_t most = 10) {
  uint64_t passed = 0;
  while (passed < most && is_title_row(reader) && reader.next()) ++passed;
  return passed;
}

// A row under a table's header that states its columns' units (「,（人）,（件）」; its first cell may say
// 単位): not data. Every filled cell states a unit (stated_unit), and at least one does.
inline bool is_unit_row(const CsvReader& row) {
  bool any = false;
  for (std::size_t i = 0; i < row.size(); ++i) {
    const std::string_view cell = row.cell(i);
    if (cell.empty()) continue;
    if (i == 0 && (normalize_header(cell) == "単位" || normalize_header(cell) == "(単位)")) continue;
    if (stated_unit(cell).empty()) return false;
    any = true;
  }
  return any;
}

// The text a note under a published table starts with: 「※ 全国は公立」, 「注1) …」, 「（注）…」,
// 「資料：…」, 「出典：…」, 「出所：…」, 「備考：…」 (備考 alone is a header's word), 「＊ 速報値」, 「1) 暫定値」,
// 「（単位：人）」 (compared after normalize_header: widths folded, spaces dropped).
inline bool is_note_text(std::string_view cell) {
  const std::string s = normalize_header(cell);
  for (const std::string_view start : {"※", "注", "(注", "資料", "出典", "出所", "備考:", "*", "(単位", "単位:"})
    if (s.starts_with(start)) return true;
  // A numbered footnote: 1) or (2)
  std::size_t digits = s.starts_with('(') ? 1 : 0;
  const std::size_t first = digits;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  return digits > first && digits < s.size() && s[digits] == ')' && digits - first <= 2;
}

// A row with nothing in it: a spacer between a table's blocks, or the empty cells Excel writes for a
// blank row (「,,,,」). Not data; plugins skip it.
inline bool is_blank_row(const CsvReader& row) {
  for (std::size_t i = 0; i < row.size(); ++i)
    for (const char c : row.cell(i))
      if (c != ' ' && c != '\t' && c != '\xE3' && c != '\x80') return false;  // 　 is E3 80 80
  return true;
}

// A note under a published table: note text in the first cell, every other cell empty. Statistics
// published by prefectures and ministries end with such lines; they are not data, and a plugin skips
// them instead of refusing them as bad rows.
inline bool is_note_row(const CsvReader& row) {
  const std::string_view first = row.cell(0);
  // Data rows start with a digit, a code or a name: mostly decided by the first byte, without
  // allocating (a digit only opens a note as in 「1) 暫定値」).
  if (first.empty()) return false;
  const char c = first[0];
  if (static_cast<unsigned char>(c) < 0x80 && c != '(' && c != '*' && !(c >= '0' && c <= '9' && first.size() > 1))
    return false;
  for (std::size_t i = 1; i < row.size(); ++i)
    if (!row.cell(i).empty()) return false;
  return is_note_text(first);
}

// What a row's label says in a published table: the table's total (合計, 総計, 総数, 計, 全体, 全市, 市計,
// 【合計】, 合計（人）, 計(A), 合　計), a subtotal of some of its rows (小計, 地区小計, and a place's own
// total: 稲築町計, 中央区計, 県外合計), or neither. Compared after normalize_header (widths folded, every
// space dropped), with brackets around the label and a bracketed note after it set aside. Either kind
// is never data. A place's total counts as a subtotal because it may be one of several (the towns of a
// merged city, the wards of a designated city): taking it for the table's total would check the sum
// against a part of it.
enum class RowTotal { None, Subtotal, Total };
inline RowTotal row_total_kind(std::string_view label) {
  std::string s = normalize_header(label);
  for (const auto& [open, close] :
       {std::pair<std::string_view, std::string_view>{"\xE3\x80\x90", "\xE3\x80\x91"},  // 【】
        {"[", "]"},
        {"(", ")"},
        {"<", ">"}})
    if (s.size() > open.size() + close.size() && s.starts_with(open) && s.ends_with(close))
      s = s.substr(open.size(), s.size() - open.size() - close.size());
  if (s.ends_with(")"))  // 合計(人), 計(A): the note after the label
    if (const std::size_t at = s.rfind('('); at != std::string::npos && at > 0) s.erase(at);
  for (const std::string_view total :
       {"計",   "合計", "総計",   "総合計", "総数", "全体", "全地点計", "全市",   "全町",   "全村",
        "全区", "全域", "全市計", "市計",   "町計", "村計", "市全体",   "町全体", "村全体", "区全体"})
    if (s == total) return RowTotal::Total;
  for (const std::string_view tail : {"小計", "合計", "市計", "町計", "村計", "区計", "地区計", "地域計"})
    if (s.ends_with(tail)) return RowTotal::Subtotal;
  return RowTotal::None;
}

// Whether a row's label restates rows already counted: 再掲 ("shown again": 県外（再掲）, （再掲）道の駅)
// or うち ("of which": うち県外, （うち道の駅うすい）). Published tables add such a row under the
// rows it is part of; summing it with them counts its people twice. Compared after normalize_header.
inline bool is_restated(std::string_view label) {
  std::string s = normalize_header(label);
  for (const std::string_view open : {"(", "\xE3\x80\x90", "[", "<"})  // (うち…) 【再掲】
    if (s.starts_with(open)) s.erase(0, open.size());
  return s.starts_with("うち") || s.find("再掲") != std::string::npos;
}

// Whether a cell holds the code a setting names: equal, or both all digits and equal but for leading
// zeros (01100 and 1100: a spreadsheet shows a code zero-padded, a setting or an older export may
// not).
inline bool same_code(std::string_view cell, std::string_view code) {
  if (cell == code) return true;
  const auto digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!digits(cell) || !digits(code)) return false;
  const auto strip = [](std::string_view s) {
    const std::size_t first = s.find_first_not_of('0');
    return first == std::string_view::npos ? std::string_view("0") : s.substr(first);
  };
  return strip(cell) == strip(code);
}

// Finds the columns of a table typed by hand (a prefecture's statistics, a survey's results): each
// column by the name a setting chose or by one of its usual spellings, names compared normalised
// (normalize_header). CsvHeader, by contrast, matches names exactly after trimming.
class ColumnFinder {
 public:
  // Takes the reader's current record as the header row.
  explicit ColumnFinder(const CsvReader& header) : line_(header.line()) {
    names_.reserve(header.size());
    for (std::size_t i = 0; i < header.size(); ++i) names_.push_back(normalize_header(header.field(i)));
  }

  // The first of `names` the header has, in the order given (the preferred spelling first).
  std::optional<std::size_t> find(std::initializer_list<std::string_view> names) const {
    for (auto name : names)
      if (auto i = index_of(normalize_header(name))) return i;
    return std::nullopt;
  }

  // The column named `chosen`, the value of the setting `setting`, which must then exist (else a
  // CsvError naming the setting); when `chosen` is empty, the first of `usual` present, if any.
  std::optional<std::size_t> find(std::string_view chosen, std::initializer_list<std::string_view> usual,
                                  std::string_view setting) const {
    if (chosen.empty()) return find(usual);
    if (auto i = index_of(normalize_header(chosen))) return i;
    throw CsvError(line_, "the header has no column \"" + std::string(chosen) + "\" (setting '" + std::string(setting) +
                              "'); its columns are " + columns());
  }

  // Like find(names), but no such column is a CsvError saying what it was for (`what`), which names
  // were tried and which columns there are.
  std::size_t require(std::initializer_list<std::string_view> names, std::string_view what) const {
    return require({}, names, what, {});
  }

  // Like find(chosen, usual, setting), but no such column is a CsvError as above that also names
  // the setting to set.
  std::size_t require(std::string_view chosen, std::initializer_list<std::string_view> usual, std::string_view what,
                      std::string_view setting) const {
    if (auto i = find(chosen, usual, setting)) return *i;
    std::string tried;
    for (auto name : usual) tried.append(tried.empty() ? "" : " / ").append(name);
    if (!setting.empty()) tried.append("; set '").append(setting).append("'");
    throw CsvError(line_,
                   "no column for " + std::string(what) + " (looked for " + tried + "); the header has " + columns());
  }

  std::size_t size() const { return names_.size(); }
  // The columns up to the last named one (named_width): what split_thousands compares a row with.
  std::size_t named_width() const {
    std::size_t width = names_.size();
    while (width > 0 && names_[width - 1].empty()) --width;
    return width;
  }
  // The normalised name of column i.
  const std::string& name(std::size_t i) const { return names_[i]; }
  uint64_t line() const { return line_; }

 private:
  std::optional<std::size_t> index_of(const std::string& name) const {
    for (std::size_t i = 0; i < names_.size(); ++i)
      if (names_[i] == name) return i;
    for (std::size_t i = 0; i < names_.size(); ++i)  // 「世帯数（世帯）」 for 世帯数
      if (header_without_unit(names_[i]) == name) return i;
    return std::nullopt;
  }

  std::string columns() const {
    std::string list;
    for (const auto& name : names_) list.append(list.empty() ? "" : ", ").append(name);
    return list;
  }

  uint64_t line_;
  std::vector<std::string> names_;
};

}  // namespace sosei
