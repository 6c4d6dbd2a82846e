// CSV: UTF-8 with a BOM by default, CP932 on request with a clear error for a character CP932 lacks;
// quoting of commas, quotes and line breaks.
#include <gtest/gtest.h>

#include "report/cp932.hpp"
#include "report/writers.hpp"
#include "report_fixture.hpp"

namespace sosei::report::test {
namespace {

TEST(ReportCsv, Utf8StartsWithABomAndUsesCrlf) {
  const std::string csv = csv_report(model(), CsvTable::Projects, CsvEncoding::Utf8Bom);
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u);
  EXPECT_NE(csv.find("\r\n"), std::string::npos);
  std::size_t lf = 0, crlf = 0;
  for (std::size_t i = 0; i < csv.size(); ++i)
    if (csv[i] == '\n') {
      ++lf;
      if (i > 0 && csv[i - 1] == '\r') ++crlf;
    }
  EXPECT_EQ(lf, crlf);
  EXPECT_EQ(lf, 7u);  // the header and six project KPIs
}

TEST(ReportCsv, Cp932HasNoBomAndEncodesJapanese) {
  const std::string csv = csv_report(model(), CsvTable::Goals, CsvEncoding::Cp932);
  EXPECT_NE(csv.rfind("\xEF\xBB\xBF", 0), 0u);
  // 基本目標 in CP932: 8A EE 96 7B 96 DA 95 57.
  EXPECT_EQ(csv.rfind("\x8A\xEE\x96\x7B\x96\xDA\x95\x57", 0), 0u);
  EXPECT_EQ(utf8_to_cp932("○△× 嘉麻市 ①"), "\x81\x9B\x81\xA2\x81\x7E\x20\x89\xC3\x96\x83\x8E\x73\x20\x87\x40");
}

TEST(ReportCsv, Cp932ErrorNamesTheRowAndTheCharacter) {
  auto s = strategy();
  for (auto& k : s.kpis)
    if (k.id == "visitors") k.name_ja = "観光客数 😀";
  const auto m = build_report(evaluation(s), s, {}, {});
  try {
    csv_report(m, CsvTable::Projects, CsvEncoding::Cp932);
    FAIL() << "expected an error";
  } catch (const ReportError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("CSV row 4 (KPI visitors)"), std::string::npos) << what;
    EXPECT_NE(what.find("U+1F600"), std::string::npos) << what;
    EXPECT_NE(what.find("omit --encoding"), std::string::npos) << what;
  }
}

TEST(ReportCsv, FieldsWithCommasQuotesOrLineBreaksAreQuoted) {
  auto s = strategy();
  for (auto& k : s.kpis)
    if (k.id == "startups") {
      k.name_ja = "創業者数, \"新規\"";
      k.note = "line one\nline two";
    }
  const std::string csv = csv_report(build_report(evaluation(s), s, {}, {}), CsvTable::Projects, CsvEncoding::Utf8Bom);
  EXPECT_NE(csv.find(",\"創業者数, \"\"新規\"\"\","), std::string::npos) << csv;
  EXPECT_NE(csv.find("\"line one\nline two\""), std::string::npos);
}

// The other formats group a percent far over 100 (33,120.0%); the CSV keeps it a number a spreadsheet
// reads (docs/report.md: no separators).
TEST(ReportCsv, PercentsHaveNoSeparators) {
  auto m = model();
  m.projects[0].achievement.text = "33,120.0%";
  m.projects[0].pace.text = "1,234.5%";
  const std::string csv = csv_report(m, CsvTable::Projects, CsvEncoding::Utf8Bom);
  EXPECT_NE(csv.find(",33120.0%,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",1234.5%,"), std::string::npos) << csv;
  EXPECT_EQ(csv.find("33,120"), std::string::npos) << csv;
}

TEST(ReportFormats, NamesAndExtensions) {
  EXPECT_EQ(format_named("md"), Format::Markdown);
  EXPECT_EQ(format_named("pdf"), std::nullopt);
  EXPECT_EQ(format_of_path("out/report.HTML"), Format::Html);
  EXPECT_EQ(format_of_path("report.htm"), Format::Html);
  EXPECT_EQ(format_of_path("a.b/report"), std::nullopt);
  EXPECT_EQ(format_of_path("report.xlsx"), Format::Xlsx);
  EXPECT_TRUE(is_binary(Format::Xlsx));
  EXPECT_FALSE(is_binary(Format::Csv));
}

}  // namespace
}  // namespace sosei::report::test
