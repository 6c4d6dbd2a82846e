// XLSX sheets streamed as CSV: workbooks written by libxlsxwriter (shared and inline strings) and
// hand-written packages (rich text with furigana, prefixed XML, absolute targets), plus the errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <malloc.h>

#include <filesystem>
#include <fstream>

#include "fixtures.hpp"
#include "input/input_stream.hpp"
#include "input/xlsx_styles.hpp"
#include "input/xlsx_workbook.hpp"
#include "input/zip_archive.hpp"

namespace sosei::input::test {
namespace {

using ::testing::HasSubstr;

const std::string kTourismCsv =
    "年度,地点,入込客数,比率\n"
    "2023,嘉麻市役所,199000,0.3496\n"
    "2024,,1500,\n"
    "\n"  // row 4 is blank: an empty line keeps row 5 on line 5
    "2025,\"嘉麻, \"\"夏\"\"祭り\n2日目\",TRUE,2\n";

// Two sheets: "Summary", then 観光入込客数 with a styled blank cell, an empty row 4 and a cell that
// needs CSV quoting. constant_memory makes libxlsxwriter write inline strings instead of shared.
std::string write_tourism_book(const std::filesystem::path& path, bool constant_memory) {
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? 1 : 0;
  lxw_workbook* book = workbook_new_opt(path.string().c_str(), &options);
  EXPECT_NE(book, nullptr);
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  lxw_worksheet* summary = workbook_add_worksheet(book, "Summary");
  worksheet_write_string(summary, 0, 0, "概要", nullptr);
  worksheet_write_number(summary, 0, 1, 1, nullptr);
  lxw_worksheet* sheet = workbook_add_worksheet(book, "観光入込客数");
  worksheet_write_string(sheet, 0, 0, "年度", nullptr);
  worksheet_write_string(sheet, 0, 1, "地点", nullptr);
  worksheet_write_string(sheet, 0, 2, "入込客数", nullptr);
  worksheet_write_string(sheet, 0, 3, "比率", nullptr);
  worksheet_write_number(sheet, 1, 0, 2023, nullptr);
  worksheet_write_string(sheet, 1, 1, "嘉麻市役所", nullptr);
  worksheet_write_number(sheet, 1, 2, 199000, nullptr);
  worksheet_write_number(sheet, 1, 3, 0.3496, nullptr);
  worksheet_write_number(sheet, 2, 0, 2024, nullptr);
  worksheet_write_blank(sheet, 2, 1, bold);
  worksheet_write_number(sheet, 2, 2, 1500, nullptr);
  worksheet_write_number(sheet, 4, 0, 2025, nullptr);
  worksheet_write_string(sheet, 4, 1, "嘉麻, \"夏\"祭り\n2日目", nullptr);
  worksheet_write_boolean(sheet, 4, 2, 1, nullptr);
  worksheet_write_formula_num(sheet, 4, 3, "=1+1", nullptr, 2);
  EXPECT_EQ(workbook_close(book), LXW_NO_ERROR);
  return path.string();
}

TEST(XlsxInput, SheetByNameAsCsv) {
  const auto path = write_tourism_book(fixture_dir() / "book.xlsx", false);
  EXPECT_EQ(read_file(path, Encoding::Auto, "観光入込客数"), kTourismCsv);
  EXPECT_EQ(read_file(path, Encoding::Cp932, "観光入込客数"), kTourismCsv);  // encoding does not apply
  auto stream = open_file(path, Encoding::Auto, "観光入込客数");
  EXPECT_EQ(stream->name(), path + "[観光入込客数]");
}

TEST(XlsxInput, FirstSheetByDefault) {
  const auto path = write_tourism_book(fixture_dir() / "book.xlsx", false);
  EXPECT_EQ(read_file(path, Encoding::Auto, ""), "概要,1\n");
  EXPECT_EQ(open_file(path, Encoding::Auto, "")->name(), path + "[Summary]");
}

TEST(XlsxInput, InlineStringsFromConstantMemoryWriter) {
  const auto path = write_tourism_book(fixture_dir() / "inline.xlsx", true);
  EXPECT_EQ(read_file(path, Encoding::Auto, "観光入込客数"), kTourismCsv);
}

TEST(XlsxInput, OneByteCallerBuffer) {
  const auto path = write_tourism_book(fixture_dir() / "book.xlsx", false);
  EXPECT_EQ(read_file(path, Encoding::Auto, "観光入込客数", 1), kTourismCsv);
}

TEST(XlsxInput, BinaryGivesTheZipBytes) {
  const auto path = write_tourism_book(fixture_dir() / "book.xlsx", false);
  EXPECT_EQ(read_file(path, Encoding::Binary).substr(0, 4), "PK\x03\x04");
}

TEST(XlsxInput, LargeSheetStreamsInPieces) {
  const auto path = (fixture_dir() / "large.xlsx").string();
  lxw_workbook* book = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(book, "data");
  std::string expected;
  for (int row = 0; row < 30000; ++row) {
    const std::string spot = "地点" + std::to_string(row);
    worksheet_write_number(sheet, static_cast<lxw_row_t>(row), 0, row, nullptr);
    worksheet_write_string(sheet, static_cast<lxw_row_t>(row), 1, spot.c_str(), nullptr);
    worksheet_write_number(sheet, static_cast<lxw_row_t>(row), 2, row + 0.5, nullptr);
    expected += std::to_string(row) + "," + spot + "," + std::to_string(row) + ".5\n";
  }
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);
  ASSERT_GT(expected.size(), std::size_t{4} * 64 * 1024);  // several suspensions of the parser
  EXPECT_EQ(read_file(path, Encoding::Auto, "data", 1000), expected);
  EXPECT_EQ(read_file(path, Encoding::Auto, "data", 1 << 20), expected);
}

// Each cell is a 2,000-byte shared string, so one 64 KiB chunk of worksheet XML expands to
// megabytes of CSV: the parser must stop once about 64 KiB are waiting instead of converting it all.
TEST(XlsxInput, OutputIsProducedLazily) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "mallinfo2 does not see AddressSanitizer's allocator";
#else
  const auto path = (fixture_dir() / "wide.xlsx").string();
  lxw_workbook* book = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(book, "wide");
  std::string expected;
  for (int row = 0; row < 500; ++row) {
    for (int col = 0; col < 10; ++col) {
      const std::string text(2000, static_cast<char>('a' + col));
      worksheet_write_string(sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), text.c_str(), nullptr);
      expected += text + (col == 9 ? "\n" : ",");
    }
  }
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);
  const std::size_t before = mallinfo2().uordblks;
  auto stream = open_file(path, Encoding::Auto, "wide");
  char first = 0;
  ASSERT_EQ(stream->read(&first, 1), 1u);
  const std::size_t held = mallinfo2().uordblks - before;
  EXPECT_LT(held, std::size_t{1} << 20) << "bytes held after reading one byte";
  EXPECT_EQ(first + read_all(*stream, 65536), expected);
#endif
}

TEST(XlsxInput, UnknownSheetListsTheSheets) {
  const auto path = write_tourism_book(fixture_dir() / "book.xlsx", false);
  const std::string message = error_of(path, Encoding::Auto, "観光");
  EXPECT_THAT(message, HasSubstr(path));
  EXPECT_THAT(message, HasSubstr("\"観光\""));
  EXPECT_THAT(message, HasSubstr("\"Summary\", \"観光入込客数\""));
}

TEST(XlsxInput, NotAZipAndTruncatedZipAreErrors) {
  const auto dir = fixture_dir();
  const auto fake = write_file(dir / "fake.xlsx", std::string("PK\x03\x04", 4) + "this is not a zip file");
  EXPECT_THAT(error_of(fake, Encoding::Auto), HasSubstr(fake));
  EXPECT_THAT(error_of(fake, Encoding::Auto), HasSubstr("cannot be opened"));

  const auto whole = write_tourism_book(dir / "book.xlsx", false);
  std::ifstream in(whole, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto cut = write_file(dir / "cut.xlsx", bytes.substr(0, bytes.size() / 2));
  EXPECT_THAT(error_of(cut, Encoding::Auto), HasSubstr(cut));
  EXPECT_THAT(error_of(cut, Encoding::Auto), HasSubstr("save it again"));
}

TEST(XlsxInput, ZipWithoutWorkbookIsAnError) {
  const auto path = (fixture_dir() / "other.zip").string();
  write_zip(path, {{"readme.txt", "hello"}});
  EXPECT_THAT(error_of(path, Encoding::Auto), HasSubstr("not an Excel workbook"));
}

const std::string kWorkbookXml = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                                 R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
                                 R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
                                 R"(<sheets><sheet name="観光" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const std::string kRelsXml =
    R"(<?xml version="1.0" encoding="UTF-8"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>)"
    R"(</Relationships>)";
// Excel keeps furigana (phonetic guides) in <rPh> runs; they are not part of the cell's text.
const std::string kSharedStringsXml =
    R"(<?xml version="1.0" encoding="UTF-8"?>)"
    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">)"
    R"(<si><t>観光</t><rPh sb="0" eb="2"><t>カンコウ</t></rPh><phoneticPr fontId="1"/></si>)"
    R"(<si><r><t>嘉麻</t></r><r><rPr><b/></rPr><t>市</t></r><rPh sb="0" eb="3"><t>カマシ</t></rPh></si>)"
    R"(<si><t xml:space="preserve"> 前後 </t></si>)"
    R"(</sst>)";
const std::string kSheetXml =
    R"(<?xml version="1.0" encoding="UTF-8"?>)"
    R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)"
    R"(<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c>)"
    R"(<x:c r="C1" t="s"><x:v>2</x:v></x:c></x:row>)"
    R"(<x:row r="2"><x:c r="A2"><x:v>1.5E-3</x:v></x:c><x:c r="B2" t="e"><x:v>#N/A</x:v></x:c>)"
    R"(<x:c r="C2" t="b"><x:v>0</x:v></x:c><x:c r="E2" t="str"><x:f>A1&amp;"x"</x:f><x:v>a_x000D_b</x:v></x:c></x:row>)"
    R"(<x:row r="4"><x:c t="inlineStr"><x:is><x:t>行</x:t><x:rPh><x:t>ギョウ</x:t></x:rPh></x:is></x:c>)"
    R"(<x:c><x:v>7</x:v></x:c></x:row>)"
    R"(</x:sheetData></x:worksheet>)";

std::string write_hand_made(const std::filesystem::path& path, const std::string& sheet_xml) {
  write_zip(path.string(), {{"xl/workbook.xml", kWorkbookXml},
                            {"xl/_rels/workbook.xml.rels", kRelsXml},
                            {"xl/sharedStrings.xml", kSharedStringsXml},
                            {"xl/worksheets/sheet1.xml", sheet_xml}});
  return path.string();
}

TEST(XlsxInput, RichTextKeepsRunsAndDropsFurigana) {
  const auto path = write_hand_made(fixture_dir() / "hand.xlsx", kSheetXml);
  EXPECT_EQ(read_file(path, Encoding::Auto, "観光"),
            "観光,嘉麻市, 前後 \n"
            "1.5E-3,#N/A,FALSE,,\"a\rb\"\n"
            "\n"
            "行,7,,,\n");  // padded to the widest row so far: this sheet declares no <dimension>
}

// Excel writes no cell for a blank one: a row whose value column is blank ends early, and read as
// it stands it looked cut off (csv refused the whole file: "この行の列は 1 個です"). Without a
// <dimension> it is padded to the widest row before it; a title row above stays as narrow as it is.
TEST(XlsxInput, ARowEndingInBlankCellsKeepsTheColumnsOfTheRowsAbove) {
  const auto path =
      write_hand_made(fixture_dir() / "blank_end.xlsx",
                      R"(<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>表題</t></is></c></row>)"
                      R"(<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2"><v>3</v></c></row>)"
                      R"(<row r="3"><c r="A3"><v>4</v></c></row><row r="4"/>)"
                      R"(<row r="5"><c r="B5"><v>5</v></c></row></sheetData></worksheet>)");
  EXPECT_EQ(read_file(path, Encoding::Auto, ""), "表題\n1,2,3\n4,,\n\n,5,\n");
}

TEST(XlsxInput, RowNumbersBeyondASheetAreTheNextRow) {
  const auto path = write_hand_made(fixture_dir() / "far.xlsx",
                                    R"(<worksheet><sheetData><row r="3"><c><v>1</v></c></row>)"
                                    R"(<row r="99999999999"><c><v>2</v></c></row><row r="-9223372036854775808"/>)"
                                    R"(<row r="1048576"><c><v>3</v></c></row></sheetData></worksheet>)");
  const std::string text = read_file(path, Encoding::Auto, "観光");
  EXPECT_EQ(text.substr(0, 7), "\n\n1\n2\n\n");            // rows 1–2 blank, 3, a crafted number as row 4, row 5
  EXPECT_EQ(text.size(), std::size_t{1'048'576} * 1 + 3);  // a line per row up to Excel's last, 3 digits
  EXPECT_EQ(text.substr(text.size() - 2), "3\n");
}

TEST(XlsxInput, MalformedWorksheetIsAnError) {
  const auto path = write_hand_made(fixture_dir() / "bad.xlsx", "<worksheet><sheetData><row>");
  const std::string message = error_of(path, Encoding::Auto, "");
  EXPECT_THAT(message, HasSubstr("xl/worksheets/sheet1.xml"));
  EXPECT_THAT(message, HasSubstr("not well-formed"));
}

TEST(XlsxInput, MissingSharedStringIsAnError) {
  const auto path =
      write_hand_made(fixture_dir() / "bad.xlsx",
                      R"(<worksheet><sheetData><row r="3"><c r="B3" t="s"><v>9</v></c></row></sheetData></worksheet>)");
  const std::string message = error_of(path, Encoding::Auto, "");
  EXPECT_THAT(message, HasSubstr("B3"));
  EXPECT_THAT(message, HasSubstr("shared string"));
}

TEST(XlsxInput, MissingWorksheetPartIsAnError) {
  const auto path = (fixture_dir() / "nosheet.xlsx").string();
  write_zip(path, {{"xl/workbook.xml", kWorkbookXml}, {"xl/_rels/workbook.xml.rels", kRelsXml}});
  const std::string message = error_of(path, Encoding::Auto, "");
  EXPECT_THAT(message, HasSubstr("xl/sharedStrings.xml"));
  EXPECT_THAT(message, HasSubstr("missing"));
}

// The shared string table is the one part held in memory: its cap counts every string's offset as well
// as its text, so a table of millions of empty strings (a bomb that inflates to nothing but <si/>) is
// refused like one of long strings, naming the part.
std::string shared_strings_error(const std::string& items, std::size_t cap) {
  const auto path = (fixture_dir() / "bomb.xlsx").string();
  write_zip(path, {{"xl/workbook.xml", kWorkbookXml},
                   {"xl/_rels/workbook.xml.rels", kRelsXml},
                   {"xl/sharedStrings.xml", "<sst>" + items + "</sst>"},
                   {"xl/worksheets/sheet1.xml", kSheetXml}});
  ZipArchive zip(path, "bomb.xlsx");
  SharedStrings table(cap);
  try {
    table.load(zip, "xl/sharedStrings.xml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "loaded " + std::to_string(table.size()) + " strings";
}

std::string repeated(const std::string& item, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += item;
  return out;
}

TEST(XlsxInput, SharedStringsAreCappedByTheirCountToo) {
  // 20,000 empty strings: no text at all, 160,000 bytes of offsets.
  const std::string message = shared_strings_error(repeated("<si><t/></si>", 20000), std::size_t{64} << 10);
  EXPECT_THAT(message, HasSubstr("bomb.xlsx: xl/sharedStrings.xml"));
  EXPECT_THAT(message, HasSubstr("64 KiB"));
  EXPECT_THAT(message, HasSubstr("8193 strings"));  // refused at the first string over the cap
  EXPECT_EQ(shared_strings_error(repeated("<si><t/></si>", 8000), std::size_t{64} << 10), "loaded 8000 strings");
}

TEST(XlsxInput, SharedStringsAreCappedByTheirText) {
  const std::string message =
      shared_strings_error("<si><t>" + std::string(100000, 'x') + "</t></si>", std::size_t{64} << 10);
  EXPECT_THAT(message, HasSubstr("xl/sharedStrings.xml (the shared string table) needs more than 64 KiB"));
  EXPECT_THAT(message, HasSubstr("export the sheet as CSV"));
}

// A rate formatted as a percentage is stored as 0.853 and shown as 85.3 %; a date is stored as a day
// count. The stream says what the cell shows, as the sheet saved as CSV would.
TEST(XlsxInput, PercentagesAndDatesReadAsTheCellsShowThem) {
  const auto path = (fixture_dir() / "shown.xlsx").string();
  lxw_workbook* book = workbook_new(path.c_str());
  ASSERT_NE(book, nullptr);
  const auto custom = [book](const char* code) {
    lxw_format* f = workbook_add_format(book);
    format_set_num_format(f, code);
    return f;
  };
  const auto builtin = [book](uint8_t id) {
    lxw_format* f = workbook_add_format(book);
    format_set_num_format_index(f, id);
    return f;
  };
  lxw_worksheet* sheet = workbook_add_worksheet(book, "率");
  worksheet_write_number(sheet, 0, 0, 0.999, custom("0.0%"));
  worksheet_write_number(sheet, 0, 1, 0.853, builtin(10));  // 0.00%
  worksheet_write_number(sheet, 0, 2, 1, custom("0%;[Red]-0%"));
  worksheet_write_number(sheet, 0, 3, -0.002, custom("0.0%"));
  worksheet_write_number(sheet, 0, 4, 199000, custom("#,##0"));
  worksheet_write_number(sheet, 0, 5, 0.3496, nullptr);
  worksheet_write_number(sheet, 0, 6, 12345, custom("0.00E+00"));
  worksheet_write_number(sheet, 1, 0, 44927, custom("yyyy/m/d"));
  worksheet_write_number(sheet, 1, 1, 44927, custom("[$-411]ggge\"年\"m\"月\""));  // 令和5年1月
  worksheet_write_number(sheet, 1, 2, 44927.5, custom("yyyy/m/d h:mm"));
  worksheet_write_number(sheet, 1, 3, 45017, builtin(14));
  worksheet_write_number(sheet, 1, 4, 0.5, custom("h:mm"));   // a time of day: as stored
  worksheet_write_number(sheet, 1, 5, 85, custom("0\"%\""));  // a literal % sign after the number
  worksheet_write_number(sheet, 1, 6, 12, custom("General"));
  worksheet_write_number(sheet, 2, 0, 2024, custom("0\"年度\""));
  worksheet_write_number(sheet, 2, 1, 1100, custom("00000"));
  worksheet_write_number(sheet, 2, 2, 7, custom("0\"月\""));
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);
  EXPECT_EQ(read_file(path, Encoding::Auto),
            "99.9%,85.3%,100%,-0.2%,199000,0.3496,12345\n"
            "2023-01-01,2023-01,2023-01-01 12:00:00,2023-04-01,0.5,85,12\n"
            "2024年度,01100,7月,,,,\n");
}

TEST(XlsxInput, ShownNumbersWithoutAFloatsRounding) {
  EXPECT_EQ(shown_number("0.853", NumberShown::Percent, false), "85.3%");
  EXPECT_EQ(shown_number("1.5E-3", NumberShown::Percent, false), "0.15%");
  EXPECT_EQ(shown_number("2.5E+2", NumberShown::Percent, false), "25000%");
  EXPECT_EQ(shown_number("-0", NumberShown::Percent, false), "0%");
  EXPECT_EQ(shown_number("abc", NumberShown::Percent, false), "abc");
  EXPECT_EQ(shown_number("1E", NumberShown::Percent, false), "1E");
  // Excel's 1900 system counts a 1900-02-29 that never was (60); the 1904 system starts a day later.
  EXPECT_EQ(shown_number("59", NumberShown::Date, false), "1900-02-28");
  EXPECT_EQ(shown_number("60", NumberShown::Date, false), "60");
  EXPECT_EQ(shown_number("61", NumberShown::Date, false), "1900-03-01");
  EXPECT_EQ(shown_number("1", NumberShown::Date, true), "1904-01-02");
  EXPECT_EQ(shown_number("43465", NumberShown::Date, true), "2023-01-01");
  EXPECT_EQ(shown_number("1e308", NumberShown::Date, false), "1e308");
  EXPECT_EQ(shown_number("45291.99999999", NumberShown::DateTime, false), "2024-01-01 00:00:00");
  EXPECT_EQ(shown_by_code("mm:ss"), NumberShown::AsStored);
  EXPECT_EQ(shown_by_code("[h]:mm"), NumberShown::AsStored);
  EXPECT_EQ(shown_by_code("m\"月\"d\"日\"(aaa)"), NumberShown::Date);
  EXPECT_EQ(shown_by_code("[$-411]ge.m.d"), NumberShown::Date);
  EXPECT_EQ(shown_by_code("@"), NumberShown::AsStored);
  EXPECT_EQ(shown_by_builtin(34), NumberShown::Month);  // yyyy"年"m"月"
  // The parts a format shows decide what the stream writes.
  EXPECT_EQ(shown_by_code("yyyy\"年\""), NumberShown::Year);
  EXPECT_EQ(shown_by_code("[$-ja-JP]ggge\"年度\""), NumberShown::FiscalYear);
  EXPECT_EQ(shown_by_code("m\"月\""), NumberShown::MonthOfYear);
  EXPECT_EQ(shown_by_code("G/標準\"人\""), NumberShown::AsStored);
  EXPECT_EQ(shown_by_code("G/標準"), NumberShown::AsStored);
  EXPECT_EQ(shown_by_code("h:mm AM/PM"), NumberShown::AsStored);
  EXPECT_EQ(shown_by_code("yyyy/m/d h:mm AM/PM"), NumberShown::DateTime);
  EXPECT_EQ(shown_by_code("#,##0_ ;[Red]\\-#,##0\\ "), NumberShown::AsStored);
  EXPECT_EQ(shown_by_code("0.0\"%\""), NumberShown::AsStored);
  EXPECT_EQ(shown_by_code("#,##0\"人\""), NumberShown::AsStored);
  EXPECT_EQ(shown_by_code("[DBNum1]#,##0"), NumberShown::AsStored);
  EXPECT_EQ(shown_by_code("yyyy/mm/dd"), NumberShown::Date);
  EXPECT_EQ(shown_number("45017", NumberShown::FiscalYear, false), "2023年度");
  EXPECT_EQ(shown_number("45017", NumberShown::Year, false), "2023");
  EXPECT_EQ(shown_number("45017", NumberShown::MonthOfYear, false), "4月");
  EXPECT_EQ(shown_number("1E-9223372036854775808", NumberShown::Percent, false), "1E-9223372036854775808");
  // Integers written as periods or codes: what a person sees is the period or the code.
  const auto integer = [](std::string_view code, std::string_view value) {
    const auto f = integer_format(code);
    return f ? integer_shown(*f, value) : "(as stored) " + std::string(value);
  };
  EXPECT_EQ(integer("0\"年度\"", "2024"), "2024年度");
  EXPECT_EQ(integer("\"令和\"0\"年度\"", "5"), "令和5年度");
  EXPECT_EQ(integer("[$-411]\"R\"0", "5"), "R5");
  EXPECT_EQ(integer("0\"月\"", "4"), "4月");
  EXPECT_EQ(integer("00000", "1100"), "01100");
  EXPECT_EQ(integer("00", "1"), "01");
  EXPECT_EQ(integer("00000", "1100.5"), "1100.5");            // not an integer: as stored
  EXPECT_EQ(integer("0\"人\"", "1234"), "(as stored) 1234");  // a unit: the number is the value
  EXPECT_EQ(integer("0", "7"), "(as stored) 7");
  EXPECT_EQ(integer("#,##0", "1234"), "(as stored) 1234");
  EXPECT_EQ(integer("0\"年\"0", "1"), "(as stored) 1");
  EXPECT_EQ(integer("0\"年\"", "15"), "(as stored) 15");  // 平均在職年数 15年: a count of years
  EXPECT_EQ(integer("\"令和\"0\"年\"", "5"), "令和5年");
  EXPECT_EQ(integer("0\"H\"", "8"), "(as stored) 8");  // hours after the number, not 平成
}

}  // namespace
}  // namespace sosei::input::test
