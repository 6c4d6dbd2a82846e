// The CSV reader on each quirk of city exports, and on generated inputs read through a tiny buffer
// fed a few bytes at a time, which must give what reading it whole gives.
#include "sosei/csv.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "allocation_counter.hpp"

namespace {
std::atomic<long long> g_allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  ++g_allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
// GCC cannot see that this free() pairs with the malloc() above.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace sosei {
namespace test {
long long allocation_count() { return g_allocations.load(); }
}  // namespace test

namespace {

struct Record {
  uint64_t line;
  std::vector<std::string> fields;
  bool operator==(const Record&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Record& r) {
  os << "@" << r.line << "[";
  for (const auto& f : r.fields) os << '<' << f << '>';
  return os << "]";
}

struct Outcome {
  std::vector<Record> records;
  std::optional<uint64_t> error_line;  // set when reading threw CsvError
  char delimiter = 0;
  bool operator==(const Outcome&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Outcome& o) {
  for (const auto& r : o.records) os << r << ' ';
  if (o.error_line) os << "error@" << *o.error_line;
  return os << " delimiter " << int(o.delimiter);
}

// A deterministic generator (xorshift), so that a failure reproduces.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 1) {}
  uint64_t next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return state_;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

 private:
  uint64_t state_;
};

// Hands out 1–3 bytes per read, so that every record crosses buffer boundaries somewhere.
class TrickleReader : public ByteReader {
 public:
  TrickleReader(std::string_view text, uint64_t seed) : rest_(text), random_(seed) {}
  std::size_t read(char* buffer, std::size_t capacity) override {
    std::size_t n = std::min({capacity, rest_.size(), 1 + random_.below(3)});
    std::copy_n(rest_.data(), n, buffer);
    rest_.remove_prefix(n);
    return n;
  }

 private:
  std::string_view rest_;
  Random random_;
};

Outcome read_with(ByteReader& in, char delimiter, std::size_t buffer_size) {
  Outcome outcome;
  try {
    CsvReader reader(in, delimiter, buffer_size);
    while (reader.next()) {
      Record record{reader.line(), {}};
      for (std::size_t i = 0; i < reader.size(); ++i) record.fields.emplace_back(reader.field(i));
      outcome.records.push_back(record);
    }
    outcome.delimiter = reader.delimiter();
  } catch (const CsvError& e) {
    outcome.error_line = e.line();
  }
  return outcome;
}

Outcome read_whole(std::string_view text, char delimiter = 0) {
  StringByteReader in(text);
  return read_with(in, delimiter, 1 << 16);
}

Outcome read_trickled(std::string_view text, char delimiter = 0, uint64_t seed = 1) {
  TrickleReader in(text, seed);
  return read_with(in, delimiter, 7);
}

// ---- the quirks, one table row each --------------------------------------------------------

struct Case {
  std::string name;
  std::string input;
  std::vector<Record> expected;
  char delimiter = 0;   // given to the reader
  char detected = ',';  // what delimiter() must say afterwards
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class CsvCaseTest : public testing::TestWithParam<Case> {};

TEST_P(CsvCaseTest, WholeBuffer) {
  const auto& c = GetParam();
  Outcome outcome = read_whole(c.input, c.delimiter);
  EXPECT_EQ(outcome, (Outcome{c.expected, std::nullopt, c.detected}));
}

TEST_P(CsvCaseTest, TinyBufferFewBytesAtATime) {
  const auto& c = GetParam();
  for (uint64_t seed = 1; seed <= 20; ++seed)
    ASSERT_EQ(read_trickled(c.input, c.delimiter, seed), (Outcome{c.expected, std::nullopt, c.detected}))
        << "seed " << seed;
}

INSTANTIATE_TEST_SUITE_P(
    Quirks, CsvCaseTest,
    testing::ValuesIn(std::vector<Case>{
        {"lf", "a,b,c\n1,2,3\n", {{1, {"a", "b", "c"}}, {2, {"1", "2", "3"}}}},
        {"crlf", "a,b\r\n1,2\r\n", {{1, {"a", "b"}}, {2, {"1", "2"}}}},
        {"lone_cr", "a,b\r1,2\r", {{1, {"a", "b"}}, {2, {"1", "2"}}}},
        {"mixed_line_ends", "a\r\nb\rc\nd", {{1, {"a"}}, {2, {"b"}}, {3, {"c"}}, {4, {"d"}}}},
        {"no_newline_at_end", "a,b\n1,2", {{1, {"a", "b"}}, {2, {"1", "2"}}}},
        {"empty_lines_skipped", "a\n\n\nb\n\n", {{1, {"a"}}, {4, {"b"}}}},
        {"empty_crlf_lines_skipped", "\r\n\r\na\r\n\r\nb", {{3, {"a"}}, {5, {"b"}}}},
        {"empty_cr_lines_skipped", "\r\ra\r\rb\r", {{3, {"a"}}, {5, {"b"}}}},
        {"only_delimiters", "a,b\n,\n", {{1, {"a", "b"}}, {2, {"", ""}}}},
        {"trailing_empty_field", "a,b,\n", {{1, {"a", "b", ""}}}},
        {"trailing_empty_field_at_end", "a,", {{1, {"a", ""}}}},
        {"leading_empty_field", ",a", {{1, {"", "a"}}}},
        {"spaces_kept", " a , b \n", {{1, {" a ", " b "}}}},
        {"bom", "\xEF\xBB\xBFid,name\n1,x\n", {{1, {"id", "name"}}, {2, {"1", "x"}}}},
        {"bom_only", "\xEF\xBB\xBF", {}, 0, 0},
        {"bom_not_at_start_kept",
         "a\n\xEF\xBB\xBF"
         "b",
         {{1, {"a"}},
          {2,
           {"\xEF\xBB\xBF"
            "b"}}}},
        {"empty_input", "", {}, 0, 0},
        {"only_line_ends", "\n\r\n\r", {}, 0, 0},
        {"quoted_delimiter", "\"a,b\",c\n", {{1, {"a,b", "c"}}}},
        {"quoted_lf", "\"a\nb\",c\nd\n", {{1, {"a\nb", "c"}}, {3, {"d"}}}},
        {"quoted_crlf", "\"a\r\nb\",c\r\nd\r\n", {{1, {"a\r\nb", "c"}}, {3, {"d"}}}},
        {"quoted_cr", "\"a\rb\"\rd", {{1, {"a\rb"}}, {3, {"d"}}}},
        {"quoted_many_lines", "x\n\"1\n2\n\n3\",\"\n\"\ny\n", {{1, {"x"}}, {2, {"1\n2\n\n3", "\n"}}, {7, {"y"}}}},
        {"quoted_cr_then_lf_outside", "\"a\r\"\nb", {{1, {"a\r"}}, {3, {"b"}}}},
        {"escaped_quotes", "\"a\"\"b\",\"\"\"\"\n", {{1, {"a\"b", "\""}}}},
        {"escaped_quote_at_edges", "\"\"\"a\"\"\"", {{1, {"\"a\""}}}},
        {"empty_quoted", "\"\",x\n\"\"\n", {{1, {"", "x"}}, {2, {""}}}},
        {"quoted_at_end_of_input", "\"abc\"", {{1, {"abc"}}}},
        {"quote_inside_unquoted_is_literal", "ab\"c,5\"3\n", {{1, {"ab\"c", "5\"3"}}}},
        {"text_after_closing_quote_is_literal", "\"ab\"cd,e\n", {{1, {"abcd", "e"}}}},
        {"quote_after_closing_quote_is_literal", "\"a\"b\"c\",d", {{1, {"ab\"c\"", "d"}}}},
        {"utf8_fields",
         "嘉麻市,△414人\n令和7年度,19.9万人\n",
         {{1, {"嘉麻市", "△414人"}}, {2, {"令和7年度", "19.9万人"}}}},
        {"long_field", std::string(100, 'x') + ",y\n", {{1, {std::string(100, 'x'), "y"}}}},
        {"tsv_detected", "a\tb\tc\n1\t2,5\t3\n", {{1, {"a", "b", "c"}}, {2, {"1", "2,5", "3"}}}, 0, '\t'},
        {"tsv_more_tabs_than_commas", "a,b\tc\td\n", {{1, {"a,b", "c", "d"}}}, 0, '\t'},
        {"csv_when_tie", "a,b\tc\n", {{1, {"a", "b\tc"}}}, 0, ','},
        {"tabs_in_quotes_ignored", "\"a\tb\tc\",d\n", {{1, {"a\tb\tc", "d"}}}, 0, ','},
        {"detection_after_empty_lines", "\n\na\tb\n", {{3, {"a", "b"}}}, 0, '\t'},
        {"detection_on_long_first_line",
         std::string(30, 'x') + "\ty\tz,w\n",
         {{1, {std::string(30, 'x'), "y", "z,w"}}},
         0,
         '\t'},
        {"explicit_semicolon", "a;b,c\n", {{1, {"a", "b,c"}}}, ';', ';'},
        {"explicit_comma_over_tabs", "a\tb\tc,d\n", {{1, {"a\tb\tc", "d"}}}, ',', ','},
        {"whitespace_line_is_a_record", " \n", {{1, {" "}}}},
    }),
    [](const auto& info) { return info.param.name; });

// ---- errors --------------------------------------------------------------------------------

TEST(CsvReader, UnclosedQuoteThrowsWithTheRecordsLine) {
  for (const auto& outcome : {read_whole("a\n\"b\nc\nd"), read_trickled("a\n\"b\nc\nd")}) {
    ASSERT_EQ(outcome.records.size(), 1u);
    EXPECT_EQ(outcome.error_line, 2u);
  }
}

TEST(CsvReader, UnclosedQuoteMessageSaysWhatWasExpected) {
  StringByteReader in("x,\"abc");
  CsvReader reader(in);
  try {
    reader.next();
    FAIL() << "no error";
  } catch (const CsvError& e) {
    EXPECT_STREQ(e.what(),
                 "line 1: a quoted field is never closed: expected a closing \" before the end of the input (or the "
                 "file was cut off)");
  }
}

// Issue 18: a file cut off mid-row must not read as a short last row (a smaller number).
TEST(CsvReader, ALastRecordCutOffWithoutALineEndThrowsWithItsLine) {
  const std::string text = "title\nspot,2023,1月,2月,3月\nA,2023,10,20,30\r\nB,2023,10,2";
  for (const auto& outcome : {read_whole(text), read_trickled(text, 0, 3)}) {
    ASSERT_EQ(outcome.records.size(), 3u);
    EXPECT_EQ(outcome.error_line, 4u);
  }
  StringByteReader in(text);
  CsvReader reader(in);
  while (true) {
    try {
      if (!reader.next()) break;
    } catch (const CsvError& e) {
      EXPECT_STREQ(e.what(),
                   "line 4: the input ends in the middle of this record: it has 4 of 5 fields and no line end, so "
                   "the file was cut off (an interrupted download or copy, a zip member cut short); fetch or "
                   "export it again. If the file is complete, end its last line with a line break");
      return;
    }
  }
  FAIL() << "no error";
}

TEST(CsvReader, AShortLastRecordIsReadWhenItEndsWithALineEnd) {
  // Nothing says such a file was cut: hand-made tables end rows early, and plugins judge the row.
  EXPECT_EQ(read_whole("a,b,c\n1,2,3\n4,5\n"),
            (Outcome{{{1, {"a", "b", "c"}}, {2, {"1", "2", "3"}}, {3, {"4", "5"}}}, std::nullopt, ','}));
}

TEST(CsvReader, ACompleteOrBlankLastRecordWithoutALineEndIsRead) {
  EXPECT_EQ(read_whole("a,b\n1,2"), (Outcome{{{1, {"a", "b"}}, {2, {"1", "2"}}}, std::nullopt, ','}));
  EXPECT_EQ(read_whole("a,b\n1,2,3"), (Outcome{{{1, {"a", "b"}}, {2, {"1", "2", "3"}}}, std::nullopt, ','}));
  EXPECT_EQ(read_whole("a,b\n1,2\n  "), (Outcome{{{1, {"a", "b"}}, {2, {"1", "2"}}, {3, {"  "}}}, std::nullopt, ','}));
  // The DOS end-of-file byte after the last line is no record (a plugin read it as a one-cell row).
  EXPECT_EQ(read_whole("a,b\r\n1,2\r\n\x1A"), (Outcome{{{1, {"a", "b"}}, {2, {"1", "2"}}}, std::nullopt, ','}));
  EXPECT_EQ(read_whole("a,b\r\n1,2\r\n\x1A\r\n"), (Outcome{{{1, {"a", "b"}}, {2, {"1", "2"}}}, std::nullopt, ','}));
  EXPECT_EQ(read_whole("a,b\r\n1,2\x1A"), (Outcome{{{1, {"a", "b"}}, {2, {"1", "2"}}}, std::nullopt, ','}));
  // A quoted last field closed at the very end is complete too, and one left open is cut off.
  EXPECT_EQ(read_whole("a,b\n1,\"x\""), (Outcome{{{1, {"a", "b"}}, {2, {"1", "x"}}}, std::nullopt, ','}));
  EXPECT_EQ(read_whole("a,b\n\"x"), (Outcome{{{1, {"a", "b"}}}, 2u, 0}));
  EXPECT_EQ(read_whole("a,b,c\n\"x\""), (Outcome{{{1, {"a", "b", "c"}}}, 2u, 0}));
}

TEST(CsvReader, RecordLongerThanTheLimitThrows) {
  std::string text = "a\n\"" + std::string(5000, 'x');
  StringByteReader in(text);
  CsvReader reader(in, ',', 16, 1024);
  ASSERT_TRUE(reader.next());
  try {
    reader.next();
    FAIL() << "no error";
  } catch (const CsvError& e) {
    EXPECT_EQ(e.line(), 2u);
    EXPECT_NE(std::string(e.what()).find("longer than 1024 bytes"), std::string::npos) << e.what();
  }
}

TEST(CsvReader, RecordLongerThanTheBufferGrowsIt) {
  std::string field(10000, 'q');
  std::string text = "a," + field + "\nb\n";
  StringByteReader in(text);
  CsvReader reader(in, ',', 16);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.field(1), field);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.field(0), "b");
  EXPECT_EQ(reader.line(), 2u);
  EXPECT_FALSE(reader.next());
}

TEST(CsvReader, RejectsAQuoteOrLineEndAsDelimiter) {
  StringByteReader in("");
  EXPECT_THROW(CsvReader(in, '"'), std::invalid_argument);
  EXPECT_THROW(CsvReader(in, '\n'), std::invalid_argument);
  EXPECT_THROW(CsvReader(in, '\r'), std::invalid_argument);
}

TEST(CsvReader, NextAfterTheEndStaysFalse) {
  StringByteReader in("a\n");
  CsvReader reader(in);
  EXPECT_TRUE(reader.next());
  EXPECT_FALSE(reader.next());
  EXPECT_FALSE(reader.next());
  EXPECT_EQ(reader.size(), 0u);
}

// ---- generated inputs ----------------------------------------------------------------------

// A random document with the records it must read as: fields that need quotes get them, others
// sometimes; random line-end style, empty lines, BOM, long fields, no final line end.
struct Generated {
  std::string text;
  std::vector<Record> records;
  char delimiter;
  std::optional<uint64_t> cut_off_line{};  // the last record is cut off: CsvError at this line
};

std::string random_content(Random& random, char delimiter) {
  static const std::vector<std::string> kPieces = {"a",  "b", "0",  " ",  "é",  "円",  ",",
                                                   "\t", ";", "\"", "\n", "\r", "\r\n"};
  std::string content;
  std::size_t length = random.below(10) == 0 ? 20 + random.below(60) : random.below(6);
  for (std::size_t i = 0; i < length; ++i) content += kPieces[random.below(kPieces.size())];
  (void)delimiter;
  return content;
}

uint64_t line_ends_in(std::string_view s) {
  uint64_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) n += s[i] == '\r' || (s[i] == '\n' && (i == 0 || s[i - 1] != '\r'));
  return n;
}

std::string quote_field(std::string_view content) {
  std::string out = "\"";
  for (char c : content) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

Generated generate(uint64_t seed) {
  Random random(seed);
  static const char kDelimiters[] = {',', '\t', ';'};
  static const char* kLineEnds[] = {"\n", "\r\n", "\r"};
  Generated g{"", {}, kDelimiters[random.below(3)]};
  std::string line_end = kLineEnds[random.below(3)];
  if (random.below(4) == 0) g.text = "\xEF\xBB\xBF";
  uint64_t line = 1;
  std::size_t record_count = random.below(7);
  for (std::size_t r = 0; r < record_count; ++r) {
    while (random.below(5) == 0) {
      g.text += line_end;
      ++line;
    }
    Record record{line, {}};
    std::size_t field_count = 1 + random.below(5);
    for (std::size_t f = 0; f < field_count; ++f) {
      std::string content = random_content(random, g.delimiter);
      bool must_quote = content.find_first_of(std::string("\"\r\n") + g.delimiter) != std::string::npos ||
                        (field_count == 1 && content.empty());
      std::string cell = must_quote || random.below(4) == 0 ? quote_field(content) : content;
      if (f > 0) g.text += g.delimiter;
      g.text += cell;
      line += line_ends_in(cell);
      record.fields.push_back(content);
    }
    const bool terminated = r + 1 < record_count || random.below(2) == 0;
    if (terminated) {
      g.text += line_end;
      ++line;
    }
    // An unterminated last record narrower than an earlier one is a file cut off: CsvError, unless
    // it holds only blanks.
    std::size_t widest = 0;
    for (const auto& earlier : g.records) widest = std::max(widest, earlier.fields.size());
    const bool blank =
        std::all_of(record.fields.begin(), record.fields.end(), [](const std::string& f) { return trim(f).empty(); });
    if (!terminated && record.fields.size() < widest && !blank) {
      g.cut_off_line = record.line;
      break;
    }
    g.records.push_back(record);
  }
  return g;
}

TEST(CsvReader, GeneratedDocumentsReadAsGenerated) {
  for (uint64_t seed = 1; seed <= 3000; ++seed) {
    Generated g = generate(seed);
    // A cut-off document throws before the delimiter is read back: the outcome keeps 0.
    Outcome expected{g.records, g.cut_off_line, g.cut_off_line ? '\0' : g.delimiter};
    ASSERT_EQ(read_whole(g.text, g.delimiter), expected) << "seed " << seed << ": " << testing::PrintToString(g.text);
    ASSERT_EQ(read_trickled(g.text, g.delimiter, seed), expected)
        << "seed " << seed << ": " << testing::PrintToString(g.text);
  }
}

TEST(CsvReader, ByteSoupReadsTheSameWholeOrTrickled) {
  static const char kBytes[] = {'a', 'b', ',', '\t', '"', '"', '\n', '\r', ' '};
  std::size_t errors = 0, records = 0;
  for (uint64_t seed = 1; seed <= 5000; ++seed) {
    Random random(seed);
    std::string text;
    for (std::size_t i = random.below(40); i > 0; --i) text += kBytes[random.below(sizeof kBytes)];
    Outcome whole = read_whole(text);
    ASSERT_EQ(read_trickled(text, 0, seed), whole) << "seed " << seed << ": " << testing::PrintToString(text);
    errors += whole.error_line.has_value();
    records += whole.records.size();
  }
  EXPECT_GT(errors, 100u) << "the soup should reach the unclosed-quote path";
  EXPECT_GT(records, 5000u);
}

// The reader looks for delimiters, quotes and line ends eight bytes at a time, and a byte one above
// one of them (',' '-', '"' '#', LF 0x0B, CR 0x0C, tab 0x08, ';' ':') may look like it for a moment;
// a quote inside an unquoted field is content. At every offset within the eight bytes, for each
// delimiter, whole and trickled.
TEST(CsvReader, NeighboursOfSpecialBytesAreContent) {
  for (const char delimiter : {',', '\t', ';'}) {
    const std::string neighbour(1, static_cast<char>(delimiter ^ 1));
    for (std::size_t offset = 0; offset < 16; ++offset) {
      const std::vector<std::string> fields = {std::string(offset, 'x') + neighbour, "#\x0b\x0c", neighbour + "a\"b#",
                                               "", "\x0c"};
      static const char* kEnds[] = {"\r\n", "\n", ""};
      std::string text;
      Outcome expected{{}, std::nullopt, delimiter};
      for (uint64_t line = 1; line <= 3; ++line) {
        for (std::size_t f = 0; f < fields.size(); ++f) text += (f ? std::string(1, delimiter) : "") + fields[f];
        text += kEnds[line - 1];
        expected.records.push_back({line, fields});
      }
      EXPECT_EQ(read_whole(text, delimiter), expected) << testing::PrintToString(text);
      EXPECT_EQ(read_trickled(text, delimiter, offset + 1), expected) << testing::PrintToString(text);
    }
  }
}

// ---- the hot path --------------------------------------------------------------------------

TEST(CsvReader, ReadingRowsAllocatesNothingPerRow) {
  std::string text = "id,name,value\n";
  for (int i = 0; i < 2000; ++i) text += std::to_string(i) + ",\"quoted \"\"name\"\"\"," + std::to_string(i * 3) + "\n";
  StringByteReader in(text);
  CsvReader reader(in, 0, 256);
  ASSERT_TRUE(reader.next());
  ASSERT_TRUE(reader.next());
  auto before = test::allocation_count();
  std::size_t rows = 1, unescaped = 1;
  while (reader.next()) {
    ++rows;
    unescaped += reader.field(1) == "quoted \"name\"";
  }
  EXPECT_EQ(test::allocation_count(), before);
  EXPECT_EQ(rows, 2000u);
  EXPECT_EQ(unescaped, 2000u);
}

TEST(CsvDetail, FindAnyMatchesAPlainLoop) {
  Random random(7);
  static const char kBytes[] = {'a', ',', '\n', '\r', '\x80', '\xFF', '\x01', '\0', '\x2B', '\x2D'};
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    for (std::size_t i = random.below(40); i > 0; --i) s += kBytes[random.below(sizeof kBytes)];
    const char* end = s.data() + s.size();
    for (std::size_t from = 0; from <= s.size(); ++from) {
      const char* p = s.data() + from;
      const char* naive = p;
      while (naive != end && *naive != ',' && *naive != '\n' && *naive != '\r') ++naive;
      ASSERT_EQ(csv_detail::find_any(p, end, ',', '\n', '\r'), naive) << testing::PrintToString(s) << " from " << from;
    }
  }
}

// ---- header --------------------------------------------------------------------------------

CsvHeader header_of(std::string_view text) {
  StringByteReader in(text);
  CsvReader reader(in);
  EXPECT_TRUE(reader.next());
  return CsvHeader(reader);
}

TEST(CsvHeader, FindsColumnsByTrimmedName) {
  CsvHeader header = header_of("\n\xEF\xBB\xBFid, name ,\xE3\x80\x80value\xE3\x80\x80,\t\"kpi\"\t,id\n");
  ASSERT_EQ(header.size(), 5u);
  EXPECT_EQ(header.find("id"), 0u);
  EXPECT_EQ(header.find("name"), 1u);
  EXPECT_EQ(header.find("value"), 2u);
  EXPECT_EQ(header.name(3), "\"kpi\"");  // quotes after a space are literal, as in RFC 4180
  EXPECT_EQ(header.find(" name "), 1u);  // compared as people type names (the next test)
  EXPECT_EQ(header.find("missing"), std::nullopt);
}

// Exported spreadsheets wrap long header cells over two lines and keep full-width digits: the name a
// source's settings give still finds its column, an exact name first.
TEST(CsvHeader, ANameWrappedOverTwoLinesOrTypedInFullWidthIsFound) {
  CsvHeader header = header_of("年度,\"観光入込\r\n客数\",\"１月\",観光 地点,観光地点\n");
  EXPECT_EQ(header.find("観光入込客数"), 1u);
  EXPECT_EQ(header.find("1月"), 2u);
  EXPECT_EQ(header.find("観光地点"), 4u);  // the exact name before the one that only reads the same
  EXPECT_EQ(header.find("観光入込"), std::nullopt);
  EXPECT_EQ(header.require("観光入込客数", "the value"), 1u);

  // A unit stated after the name, on the cell's second line or beside it, is no part of the name.
  CsvHeader with_units = header_of("\"世帯数\n（世帯）\",人口(人),全国(公立)\n");
  EXPECT_EQ(with_units.find("世帯数"), 0u);
  EXPECT_EQ(with_units.find("人口"), 1u);
  EXPECT_EQ(with_units.find("全国"), std::nullopt);  // （公立） is a name's part, not a unit
  StringByteReader in("\"1月\n（人）\",世帯数（世帯）\n");
  CsvReader reader(in);
  ASSERT_TRUE(reader.next());
  const ColumnFinder finder(reader);
  EXPECT_EQ(finder.find({"世帯数"}), 1u);
  EXPECT_EQ(header_without_unit("1月\n（人）"), "1月");
  EXPECT_EQ(header_without_unit("（単位：人）"), "(単位:人)");  // nothing before the brackets: kept
}

TEST(CsvHeader, BomAtTheStartIsGone) {
  CsvHeader header = header_of("\xEF\xBB\xBF\"id\",x\n");
  EXPECT_EQ(header.find("id"), 0u);
}

TEST(CsvHeader, FirstOfDuplicateNamesWins) {
  CsvHeader header = header_of("a,b,a\n");
  EXPECT_EQ(header.find("a"), 0u);
  EXPECT_EQ(header.require("b", "the test"), 1u);
}

TEST(CsvHeader, RequireNamesTheMissingColumnAndThoseThere) {
  CsvHeader header = header_of("\nkpi,value\n");
  try {
    header.require("period", "the observation's period");
    FAIL() << "no error";
  } catch (const CsvError& e) {
    EXPECT_EQ(e.line(), 2u);
    EXPECT_STREQ(e.what(),
                 "line 2: missing column \"period\" (needed for the observation's period); the header has \"kpi\", "
                 "\"value\"");
  }
}

TEST(CsvHeader, KeepsNamesAfterTheReaderMovesOn) {
  std::string text = "alpha,beta\n" + std::string(100, 'z') + ",y\n";
  StringByteReader in(text);
  CsvReader reader(in, ',', 8);
  ASSERT_TRUE(reader.next());
  CsvHeader header(reader);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(header.name(0), "alpha");
  EXPECT_EQ(header.find("beta"), 1u);
}

// ---- cells and header names as people type them ------------------------------------------

TEST(CsvReader, CellsAreTrimmedAndEmptyPastTheEndOfAShortRow) {
  StringByteReader in("a,\u3000 b \t,\n , \u3000 ,\n");
  CsvReader reader(in);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.cell(0), "a");
  EXPECT_EQ(reader.cell(1), "b");
  EXPECT_EQ(reader.cell(2), "");
  EXPECT_EQ(reader.cell(7), "");  // the row ends early
  EXPECT_FALSE(reader.blank());
  ASSERT_TRUE(reader.next());
  EXPECT_TRUE(reader.blank());  // spaces only: a spacer row
}

TEST(NormalizeHeader, FoldsWidthAndDropsSpacesAndTheBom) {
  EXPECT_EQ(normalize_header("１月"), "1月");
  EXPECT_EQ(normalize_header(" 1 月 "), "1月");
  EXPECT_EQ(normalize_header("観光\u3000地点名"), "観光地点名");
  EXPECT_EQ(normalize_header("ｓｃｏｒｅ＿ｔｙｐｅ"), "score_type");
  EXPECT_EQ(normalize_header("全国（公立）"), "全国(公立)");
  EXPECT_EQ(normalize_header("\xEF\xBB\xBF年度"), "年度");
  EXPECT_EQ(normalize_header(" \xEF\xBB\xBF年度"), "年度");  // a BOM behind a space
  EXPECT_EQ(normalize_header("ｶﾝｺｳ"), "ｶﾝｺｳ");               // half-width katakana is not ASCII
}

TEST(NoteRow, ANoteUnderAPublishedTableIsNotData) {
  StringByteReader in(
      "※ 全国は公立,,,\n注1) 速報値\n（注）四捨五入,,\n資料：福岡県,,\n出典：文部科学省\n"
      "R6,小学校,国語,66.9\n注記あり,1,2,3\n※,,,4\n(注,,\n,,\n備考,,\n");
  CsvReader reader(in);
  std::vector<bool> notes;
  while (reader.next()) notes.push_back(is_note_row(reader));
  // A note with data beside it is data; so are a row of empty cells and 備考 (a header's word).
  EXPECT_EQ(notes, (std::vector<bool>{true, true, true, true, true, false, false, false, true, false, false}));

  // What else prefectures' and ministries' tables put under them; a number alone is still data.
  StringByteReader more(
      "出所：県統計課,,\n備考：速報値,,\n＊ 速報値,,\n1) 暫定値,,\n（2）概数,,\n（単位：人）,,\n"
      "1,,\n2024,,\n123) x,,\n*,,5\n");
  CsvReader rows(more);
  notes.clear();
  while (rows.next()) notes.push_back(is_note_row(rows));
  EXPECT_EQ(notes, (std::vector<bool>{true, true, true, true, true, true, false, false, false, false}));
}

TEST(StatedUnit, TheUnitABracketedCellStates) {
  EXPECT_EQ(stated_unit("（人）"), "人");
  EXPECT_EQ(stated_unit("(千人)"), "千人");
  EXPECT_EQ(stated_unit("（単位：％）"), "%");
  EXPECT_EQ(stated_unit("（単位: 世帯）"), "世帯");
  EXPECT_EQ(stated_unit("(単位千円)"), "千円");
  for (const char* none :
       {"人", "(2025)", "()", "（単位）", "（速報値を含む、前年度の確定値に基づく推計）", "(R6)", "(a)(b)"})
    EXPECT_EQ(stated_unit(none), "") << none;
}

TEST(UnitRow, ARowOfStatedUnitsUnderAHeaderIsNoData) {
  StringByteReader in(",（人）,（件）\n単位,人,件\n単位,(人),\n（単位：千人）,,\nR6,(人),5\n,(2025),\n,,\n");
  CsvReader reader(in);
  std::vector<bool> units;
  while (reader.next()) units.push_back(is_unit_row(reader));
  // 「単位,人,件」 states its units unbracketed, as a data row's words would be: not taken for one.
  EXPECT_EQ(units, (std::vector<bool>{true, false, true, true, false, false, false}));
}

TEST(BlankRow, OnlyARowOfEmptyOrSpaceCellsIsBlank) {
  StringByteReader in(",,\n , \u3000,\t\n,0,\nー,,\n");
  CsvReader reader(in);
  std::vector<bool> blank;
  while (reader.next()) blank.push_back(is_blank_row(reader));
  EXPECT_EQ(blank, (std::vector<bool>{true, true, false, false}));
}

TEST(SameCode, CodesEqualButForLeadingZeros) {
  EXPECT_TRUE(same_code("01100", "1100"));
  EXPECT_TRUE(same_code("1100", "01100"));
  EXPECT_TRUE(same_code("000", "0"));
  EXPECT_TRUE(same_code("嘉麻市", "嘉麻市"));
  EXPECT_FALSE(same_code("11000", "1100"));
  EXPECT_FALSE(same_code("01100", "1100a"));
  EXPECT_FALSE(same_code("", "0"));
}

TEST(Restated, ReKeisaiAndUchiRowsButNotPlacesThatMerelyContainTheWords) {
  for (const char* label :
       {"県外（再掲）", "（再掲）道の駅うすい", "うち県外", "（うち道の駅うすい）", "【再掲】宿泊", " うち 外国人 "})
    EXPECT_TRUE(is_restated(label)) << label;
  for (const char* label : {"県外", "内野宿", "馬見山", "宇土", "合計", ""}) EXPECT_FALSE(is_restated(label)) << label;
}

TEST(RowTotal, TheTablesTotalAPartsTotalOrNeither) {
  for (const char* total : {"合計", "計", "総計", "総数", "全体", "市全体", "全市", "市計", "合　計", " 合 計 ",
                            "【合計】", "合計（人）", "計(A)", "［総数］", "総合計"})
    EXPECT_EQ(row_total_kind(total), RowTotal::Total) << total;
  for (const char* part : {"小計", "小　計", "地区小計", "嘉麻市計", "稲築町計", "中央区計", "県外合計", "山田地区計"})
    EXPECT_EQ(row_total_kind(part), RowTotal::Subtotal) << part;
  for (const char* none : {"嘉穂劇場", "からくり時計", "計測所", "合計所", "市役所", "嘉麻市", "", "(A)", "総計画"})
    EXPECT_EQ(row_total_kind(none), RowTotal::None) << none;
}

TEST(TitleRows, ATitleWithItsUnitOrItsDayBesideItIsATitle) {
  StringByteReader in(
      "令和6年度 名簿,,（単位：人）\n自主防災組織,,令和7年4月1日現在\n地区,単位\n名前,地区,単位：人\nA,01,3\n");
  CsvReader reader(in);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(skip_title_rows(reader), 2u);
  EXPECT_EQ(reader.cell(0), "地区");  // a header with a column named 単位 is a header
}

TEST(TitleRows, TheRowsAboveAHeaderWithOneFilledCellArePassed) {
  StringByteReader in("令和6年度 名簿,,\n（単位：人）\n,,\n名前,地区\nA,01\n");
  CsvReader reader(in);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(skip_title_rows(reader), 3u);
  EXPECT_EQ(reader.line(), 4u);
  EXPECT_EQ(reader.cell(0), "名前");
  EXPECT_EQ(skip_title_rows(reader), 0u);  // on a header: stays

  StringByteReader many("t\nt\nt\nt\na,b\n");
  CsvReader limited(many);
  ASSERT_TRUE(limited.next());
  EXPECT_EQ(skip_title_rows(limited, 2), 2u);  // at most `most` rows
  EXPECT_EQ(limited.line(), 3u);

  StringByteReader page("<!DOCTYPE html>\n<html>\n");
  CsvReader markup(page);
  ASSERT_TRUE(markup.next());
  EXPECT_EQ(skip_title_rows(markup), 0u);  // a web page is left for the plugin to refuse
}

ColumnFinder finder_of(std::string_view text) {
  StringByteReader in(text);
  CsvReader reader(in);
  EXPECT_TRUE(reader.next());
  return ColumnFinder(reader);
}

TEST(ColumnFinder, FindsTheFirstUsualSpellingInTheOrderGiven) {
  const ColumnFinder header = finder_of("\n地点, 年 ,観光地点名,１月\n");
  EXPECT_EQ(header.line(), 2u);
  EXPECT_EQ(header.find({"観光地点名", "地点"}), 2u);  // the preferred name wins over the column order
  EXPECT_EQ(header.find({"地点名", "地点"}), 0u);
  EXPECT_EQ(header.find({"年"}), 1u);
  EXPECT_EQ(header.find({"1 月"}), 3u);  // the names looked for are normalised too
  EXPECT_EQ(header.find({"年度", "調査年"}), std::nullopt);
  EXPECT_EQ(header.name(3), "1月");
}

TEST(ColumnFinder, AChosenColumnMustExist) {
  const ColumnFinder header = finder_of("地点,年,コード\n");
  EXPECT_EQ(header.find("コード", {"地点"}, "spot_column"), 2u);  // the setting wins over the usual names
  EXPECT_EQ(header.find("", {"地点"}, "spot_column"), 0u);
  EXPECT_EQ(header.find("", {"番号"}, "code_column"), std::nullopt);
  try {
    header.find("番号", {"コード"}, "code_column");
    FAIL() << "no error";
  } catch (const CsvError& e) {
    EXPECT_STREQ(e.what(),
                 "line 1: the header has no column \"番号\" (setting 'code_column'); its columns are 地点, 年, コード");
  }
}

TEST(ColumnFinder, RequireSaysWhatWasLookedFor) {
  const ColumnFinder header = finder_of("地点,年\n");
  EXPECT_EQ(header.require("", {"年度", "年"}, "the year", "year_column"), 1u);
  EXPECT_EQ(header.require({"地点"}, "the spot"), 0u);
  try {
    header.require("", {"月", "月次"}, "the month", "month_column");
    FAIL() << "no error";
  } catch (const CsvError& e) {
    EXPECT_STREQ(e.what(),
                 "line 1: no column for the month (looked for 月 / 月次; set 'month_column'); the header has 地点, 年");
  }
  try {
    header.require({"日付", "date"}, "the day");
    FAIL() << "no error";
  } catch (const CsvError& e) {
    EXPECT_STREQ(e.what(), "line 1: no column for the day (looked for 日付 / date); the header has 地点, 年");
  }
}

}  // namespace
}  // namespace sosei
