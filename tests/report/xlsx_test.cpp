// The workbook read back: unzip it (minizip) and check the sheet XML for sheet names, values stored
// as numbers, their number formats, merged goal cells and the frozen header.
#include <gtest/gtest.h>
#include <unzip.h>

#include <map>
#include <regex>

#include "report/writers.hpp"
#include "report_fixture.hpp"

namespace sosei::report::test {
namespace {

std::string member(const std::filesystem::path& zip, const std::string& name) {
  unzFile z = unzOpen64(zip.string().c_str());
  if (!z) throw std::runtime_error("not a zip: " + zip.string());
  std::string out;
  if (unzLocateFile(z, name.c_str(), 0) == UNZ_OK && unzOpenCurrentFile(z) == UNZ_OK) {
    char buf[8192];
    int n;
    while ((n = unzReadCurrentFile(z, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    unzCloseCurrentFile(z);
  }
  unzClose(z);
  if (out.empty()) throw std::runtime_error(name + " missing in " + zip.string());
  return out;
}

class Workbook {
 public:
  explicit Workbook(const std::filesystem::path& file) : file_(file) {
    styles_ = member(file, "xl/styles.xml");
    strings_ = member(file, "xl/sharedStrings.xml");
    // Custom formats; the built-in ones libxlsxwriter maps to their ids.
    formats_ = {{"3", "#,##0"}, {"4", "#,##0.00"}, {"9", "0%"}, {"10", "0.00%"}};
    const std::regex fmt("<numFmt numFmtId=\"(\\d+)\" formatCode=\"([^\"]*)\"");
    for (std::sregex_iterator it(styles_.begin(), styles_.end(), fmt), end; it != end; ++it)
      formats_[(*it)[1]] = unescape((*it)[2]);
    const auto xfs_at = styles_.find("<cellXfs");
    const std::regex xf("<xf numFmtId=\"(\\d+)\"");
    const std::string xfs = styles_.substr(xfs_at, styles_.find("</cellXfs>") - xfs_at);
    for (std::sregex_iterator it(xfs.begin(), xfs.end(), xf), end; it != end; ++it) xf_formats_.push_back((*it)[1]);
  }

  std::string sheet(int n) const { return member(file_, "xl/worksheets/sheet" + std::to_string(n) + ".xml"); }
  const std::string& strings() const { return strings_; }

  // The number stored in a cell and its format code; fails when the cell holds a string.
  std::pair<double, std::string> number(const std::string& sheet_xml, const std::string& ref) const {
    const std::regex cell("<c r=\"" + ref + "\"( s=\"(\\d+)\")?( t=\"(\\w+)\")?><v>([^<]*)</v></c>");
    std::smatch m;
    if (!std::regex_search(sheet_xml, m, cell)) throw std::runtime_error("no cell " + ref);
    if (m[4].matched) throw std::runtime_error(ref + " is not a number (t=" + m[4].str() + ")");
    const std::size_t style = m[2].matched ? std::stoul(m[2]) : 0;
    const std::string id = style < xf_formats_.size() ? xf_formats_[style] : "0";
    return {std::stod(m[5]), formats_.count(id) ? formats_.at(id) : "General"};
  }

 private:
  static std::string unescape(std::string s) {
    for (auto [from, to] : {std::pair{"&quot;", "\""}, std::pair{"&amp;", "&"}})
      for (auto at = s.find(from); at != std::string::npos; at = s.find(from))
        s.replace(at, std::string(from).size(), to);
    return s;
  }
  std::filesystem::path file_;
  std::string styles_, strings_;
  std::map<std::string, std::string> formats_;
  std::vector<std::string> xf_formats_;
};

class ReportXlsx : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = scratch("xlsx") / "report.xlsx";
    write_xlsx(model(), file_.string());
  }
  std::filesystem::path file_;
};

TEST_F(ReportXlsx, OneSheetPerTableNamedAsTheCityDoes) {
  const std::string workbook = member(file_, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"事業一覧\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"基本目標達成状況等一覧表\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"基本目標の数値目標\""), std::string::npos);
}

TEST_F(ReportXlsx, ProjectValuesAreNumbersWithSeparatorsAndPercents) {
  const Workbook wb(file_);
  const std::string s = wb.sheet(1);
  // Row 3 = startups: A goal, B measure, C project, D KPI, E unit, F baseline, G…K R7…R11, L actual, M vs target.
  EXPECT_EQ(wb.number(s, "F3"), (std::pair<double, std::string>{5, "#,##0"}));
  EXPECT_EQ(wb.number(s, "G3"), (std::pair<double, std::string>{8, "#,##0"}));
  EXPECT_EQ(wb.number(s, "H3"), (std::pair<double, std::string>{10, "#,##0"}));
  EXPECT_EQ(wb.number(s, "L3"), (std::pair<double, std::string>{18, "#,##0"}));
  EXPECT_EQ(wb.number(s, "M3"), (std::pair<double, std::string>{0.45, "0.0%"}));
  // Row 5 = visitors (199,000 in R7), row 6 = coverage (34.96 %, two decimals).
  EXPECT_EQ(wb.number(s, "G5"), (std::pair<double, std::string>{199000, "#,##0"}));
  EXPECT_EQ(wb.number(s, "G6"), (std::pair<double, std::string>{34.96, "#,##0.00"}));
  // The shops' pace is off track: still a number, the words are in its format.
  const auto pace = wb.number(s, "Q4");
  EXPECT_DOUBLE_EQ(pace.first, 0.35);
  EXPECT_EQ(pace.second, "0.0%\"（遅れ）\"");
  EXPECT_NE(wb.strings().find("5年間に40件"), std::string::npos);
  EXPECT_NE(wb.strings().find("△ 目標未達成"), std::string::npos);
  EXPECT_NE(wb.strings().find("未実施"), std::string::npos);
}

TEST_F(ReportXlsx, GoalCellsAreMergedAndTheHeaderIsFrozen) {
  const std::string s = Workbook(file_).sheet(1);
  EXPECT_NE(s.find("<mergeCell ref=\"A3:A4\"/>"), std::string::npos);  // goal 1: startups, shops
  EXPECT_NE(s.find("<mergeCell ref=\"A5:A8\"/>"), std::string::npos);  // goal 2: four KPIs
  EXPECT_NE(s.find("<mergeCell ref=\"B3:B4\"/>"), std::string::npos);  // one measure, two projects
  EXPECT_EQ(s.find("<mergeCell ref=\"C3:C4\"/>"), std::string::npos);
  EXPECT_NE(s.find("state=\"frozen\""), std::string::npos);
  EXPECT_NE(s.find("ySplit=\"2\""), std::string::npos);
  EXPECT_NE(s.find("<autoFilter"), std::string::npos);
  EXPECT_NE(s.find("orientation=\"landscape\""), std::string::npos);
  EXPECT_NE(s.find("<col "), std::string::npos);  // widths set
}

TEST_F(ReportXlsx, GoalSummaryStoresCountsAndSharesAsNumbers) {
  const Workbook wb(file_);
  const std::string s = wb.sheet(2);
  const auto m = model();
  // Row 4 = goal 1, row 6 = total; B = KPIs, then count and share per grade.
  EXPECT_EQ(wb.number(s, "B4").first, 2);
  EXPECT_EQ(wb.number(s, "B6").first, 6);
  const auto share = wb.number(s, "D6");
  EXPECT_DOUBLE_EQ(share.first, m.goal_summary.back().grades[0].share_percent / 100.0);
  EXPECT_EQ(share.second, "0%");
  EXPECT_NE(s.find("<mergeCell ref=\"C2:D2\"/>"), std::string::npos);  // ○ over count and share
}

TEST_F(ReportXlsx, NumericTargetSheetHasProjectionTargetAndYearlyActuals) {
  const Workbook wb(file_);
  const std::string s = wb.sheet(3);
  // A goal, B KPI, C unit, D baseline, E its period, F projection, G target, H its period, I… R8…R12.
  EXPECT_EQ(wb.number(s, "F3").first, -1089);
  EXPECT_EQ(wb.number(s, "G3").first, -414);
  EXPECT_EQ(wb.number(s, "I3").first, -120);
}

TEST(ReportXlsxEnglish, SheetNamesFitExcelsLimit) {
  const auto file = scratch("xlsx-en") / "report.xlsx";
  write_xlsx(model({Lang::En, YearStyle::Western}), file.string());
  const std::string workbook = member(file, "xl/workbook.xml");
  for (const char* name : {"Projects", "Goal summary", "Numeric targets"})
    EXPECT_NE(workbook.find(std::string("name=\"") + name + "\""), std::string::npos) << name;
  EXPECT_NE(member(file, "xl/sharedStrings.xml").find("<t>2025</t>"), std::string::npos);  // western year heading
}

TEST(ReportXlsxErrors, MissingFolderIsAClearError) {
  try {
    write_xlsx(model(), "/nonexistent-folder/report.xlsx");
    FAIL() << "expected an error";
  } catch (const ReportError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent-folder/report.xlsx"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace sosei::report::test
