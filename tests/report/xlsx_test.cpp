// The workbook read back: unzip it (minizip) and check the sheet XML for sheet names, values stored
// as numbers, their number formats, merged goal cells, the frozen header, the print setup, and row
// heights that hold every wrapped cell's lines.
#include <gtest/gtest.h>
#include <unzip.h>

#include <cmath>
#include <map>
#include <regex>
#include <sstream>

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

// Row heights against wrapped text, read from the sheet XML alone: the column widths (<col>), each
// row's stored height (<row ht>), the cells' shared strings, which styles wrap and their font
// sizes, and the merged ranges. The line count here is the least any renderer can show: a text's
// width (wide characters two columns) over the column's width, per explicit line.
class RowHeights {
 public:
  struct Problem {
    std::string ref, text;
    int lines;
    double height, needed;
  };

  RowHeights(const std::filesystem::path& file, int sheet_no) {
    const std::string styles = member(file, "xl/styles.xml");
    std::vector<double> font_sizes;
    const auto fonts_at = styles.find("<fonts");
    const std::string fonts = styles.substr(fonts_at, styles.find("</fonts>") - fonts_at);
    const std::regex sz("<font>(?:(?!</font>)[\\s\\S])*?<sz val=\"([0-9.]+)\"");
    for (std::sregex_iterator it(fonts.begin(), fonts.end(), sz), end; it != end; ++it)
      font_sizes.push_back(std::stod((*it)[1]));
    const auto xfs_at = styles.find("<cellXfs");
    const std::string xfs = styles.substr(xfs_at, styles.find("</cellXfs>") - xfs_at);
    for (std::size_t at = xfs.find("<xf "); at != std::string::npos; at = xfs.find("<xf ", at + 1)) {
      const std::string xf = xfs.substr(at, xfs.find("<xf ", at + 1) - at);
      std::smatch m;
      const std::size_t font = std::regex_search(xf, m, std::regex("fontId=\"(\\d+)\"")) ? std::stoul(m[1]) : 0;
      styles_.push_back(
          {xf.find("wrapText=\"1\"") != std::string::npos, font < font_sizes.size() ? font_sizes[font] : 11.0});
    }
    const std::string strings = member(file, "xl/sharedStrings.xml");
    const std::regex si("<si>([\\s\\S]*?)</si>");
    for (std::sregex_iterator it(strings.begin(), strings.end(), si), end; it != end; ++it) {
      std::string text;
      const std::string inner = (*it)[1];
      const std::regex t("<t[^>]*>([^<]*)</t>");
      for (std::sregex_iterator jt(inner.begin(), inner.end(), t); jt != end; ++jt) text += (*jt)[1];
      strings_.push_back(unescape(text));
    }
    xml_ = member(file, "xl/worksheets/sheet" + std::to_string(sheet_no) + ".xml");
    const std::regex col("<col min=\"(\\d+)\" max=\"(\\d+)\" width=\"([0-9.]+)\"");
    for (std::sregex_iterator it(xml_.begin(), xml_.end(), col), end; it != end; ++it)
      for (int c = std::stoi((*it)[1]); c <= std::stoi((*it)[2]); ++c) widths_[c] = std::stod((*it)[3]);
    const std::regex row("<row r=\"(\\d+)\"[^>]*>"), ht(" ht=\"([0-9.]+)\"");
    for (std::sregex_iterator it(xml_.begin(), xml_.end(), row), end; it != end; ++it) {
      const std::string tag = (*it)[0];
      std::smatch m;
      heights_[std::stoi((*it)[1])] = std::regex_search(tag, m, ht) ? std::stod(m[1]) : 15.0;
    }
    const std::regex merge("<mergeCell ref=\"([A-Z]+)(\\d+):([A-Z]+)(\\d+)\"/>");
    for (std::sregex_iterator it(xml_.begin(), xml_.end(), merge), end; it != end; ++it)
      merges_[(*it)[1].str() + (*it)[2].str()] = {column((*it)[3]), std::stoi((*it)[4])};
  }

  // Every string cell of a wrapping style whose rows are lower than its lines at `line_height`
  // (in em of the cell's font).
  std::vector<Problem> problems(double line_height, int* checked = nullptr) const {
    std::vector<Problem> out;
    const std::regex cell("<c r=\"([A-Z]+)(\\d+)\" s=\"(\\d+)\" t=\"s\"><v>(\\d+)</v></c>");
    for (std::sregex_iterator it(xml_.begin(), xml_.end(), cell), end; it != end; ++it) {
      const auto& style = styles_.at(std::stoul((*it)[3]));
      if (!style.wrap) continue;
      const int c0 = column((*it)[1]), r0 = std::stoi((*it)[2]);
      const std::string ref = (*it)[1].str() + (*it)[2].str();
      const auto merged = merges_.find(ref);
      const int c1 = merged == merges_.end() ? c0 : merged->second.first;
      const int r1 = merged == merges_.end() ? r0 : merged->second.second;
      double width = 0, height = 0;
      for (int c = c0; c <= c1; ++c) width += widths_.count(c) ? widths_.at(c) : 8.43;
      for (int r = r0; r <= r1; ++r) height += heights_.count(r) ? heights_.at(r) : 15.0;
      const std::string& text = strings_.at(std::stoul((*it)[4]));
      const int lines = least_lines(text, width);
      if (checked && lines > 1) ++*checked;
      const double needed = lines * line_height * style.font_size;
      if (height < needed) out.push_back({ref, text, lines, height, needed});
    }
    return out;
  }

 private:
  struct Style {
    bool wrap;
    double font_size;
  };
  static std::string unescape(std::string s) {
    for (auto [from, to] :
         {std::pair{"&lt;", "<"}, std::pair{"&gt;", ">"}, std::pair{"&quot;", "\""}, std::pair{"&amp;", "&"}})
      for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + 1))
        s.replace(at, std::string(from).size(), to);
    return s;
  }
  static int column(const std::string& letters) {
    int c = 0;
    for (char ch : letters) c = c * 26 + (ch - 'A' + 1);
    return c;
  }
  static int least_lines(const std::string& text, double width) {
    int lines = 0;
    std::stringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
      int columns = 0;
      for (std::size_t i = 0; i < line.size(); ++i) {
        const auto b = static_cast<unsigned char>(line[i]);
        if ((b & 0xC0) == 0x80) continue;  // continuation byte
        columns += b >= 0xE1 ? 2 : 1;      // three- and four-byte characters: kanji, kana, 全角
      }
      lines += std::max(1, static_cast<int>(std::ceil(columns / width)));
    }
    return std::max(1, lines);
  }
  std::vector<Style> styles_;
  std::vector<std::string> strings_;
  std::string xml_;
  std::map<int, double> widths_, heights_;
  std::map<std::string, std::pair<int, int>> merges_;
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

TEST_F(ReportXlsx, EverySheetPrintsOnA4LandscapeFittedToTheWidthWithItsHeaderRepeated) {
  const Workbook wb(file_);
  for (int n = 1; n <= 3; ++n) {
    const std::string s = wb.sheet(n);
    EXPECT_NE(s.find("paperSize=\"9\""), std::string::npos) << n;
    EXPECT_NE(s.find("orientation=\"landscape\""), std::string::npos) << n;
    EXPECT_NE(s.find("<pageSetUpPr fitToPage=\"1\"/>"), std::string::npos) << n;
    EXPECT_NE(s.find("fitToHeight=\"0\""), std::string::npos) << n;  // as many pages down as it takes
  }
  const std::string workbook = member(file_, "xl/workbook.xml");
  EXPECT_NE(workbook.find("'事業一覧'!$2:$2"), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("'基本目標達成状況等一覧表'!$2:$3"), std::string::npos) << workbook;  // two header rows
}

// Long goal, measure, project, KPI and target texts (as real strategies write them) wrap, and every
// row is at least as tall as the lines its cells need — merged goal cells over the sum of their rows.
TEST(ReportXlsxRows, EveryWrappedCellHasTheHeightOfItsLines) {
  auto m = model();
  const std::string long_goal = "地域の資源を活かした魅力あるしごとをつくり、若い世代が安心して働ける環境を整える";
  for (auto& r : m.projects)
    if (r.goal_no == 1) r.goal = long_goal;
  m.goal_summary.front().name = long_goal + "（産業・雇用・起業支援・地域商業の振興）";
  m.projects.front().measure = "創業・事業承継の支援と中心市街地の商店街のにぎわいづくり";
  m.projects.front().target.text = "令和7年度から令和11年度までの5年間に累計40件（うち女性・若者の創業10件）";
  m.projects.back().name = "子育て世帯の転入・定住の促進に関する総合的な支援策の利用件数（住宅取得・リフォーム）";
  m.numeric_targets.front().goal = long_goal;
  const auto file = scratch("xlsx-rows") / "report.xlsx";
  write_xlsx(m, file.string());
  for (int n = 1; n <= 3; ++n) {
    int checked = 0;
    for (const auto& p : RowHeights(file, n).problems(1.5, &checked)) {
      ADD_FAILURE() << "sheet " << n << " " << p.ref << " needs " << p.lines << " lines (" << p.needed
                    << " pt) but its rows are " << p.height << " pt: " << p.text;
    }
    if (n < 3) {
      EXPECT_GT(checked, 0) << "sheet " << n << " has no wrapped text to check";
    }
  }
}

// The ratio stays a number; the words the other formats print after it are in its number format.
TEST(ReportXlsxRows, AchievementKeepsItsMarker) {
  auto m = model();
  m.projects.front().achievement = {Achievement::Kind::Ratio, 0.8, "80.0%（達成）"};
  const auto file = scratch("xlsx-marker") / "report.xlsx";
  write_xlsx(m, file.string());
  const Workbook wb(file);
  const auto achieved = wb.number(wb.sheet(1), "M3");
  EXPECT_DOUBLE_EQ(achieved.first, 0.8);
  EXPECT_EQ(achieved.second, "0.0%\"（達成）\"");
  EXPECT_EQ(wb.number(wb.sheet(1), "M4").second, "0.0%");  // a plain ratio
}

// The workbook is the draft that circulates: a value waiting for its department keeps its ※ (in the
// number's format, so it stays a number) and every KPI's notes are in a 備考 column, as in the other
// formats (the ※ legend, why a KPI cannot be measured, the strategy's note).
TEST(ReportXlsxRows, AFlaggedValueKeepsItsMarkAndTheNotesTheirColumn) {
  auto m = model();
  m.projects.front().actual.text = "18※";
  m.projects.front().notes = {"※ 未解決のデータ品質フラグがある値（担当課の確認待ち）", "創業相談の件数を含む"};
  m.numeric_targets.front().notes = {"評価期間の値がないため測定不能"};
  const auto file = scratch("xlsx-flagged") / "report.xlsx";
  write_xlsx(m, file.string());
  const Workbook wb(file);
  const auto actual = wb.number(wb.sheet(1), "L3");
  EXPECT_DOUBLE_EQ(actual.first, 18);
  EXPECT_EQ(actual.second, "#,##0\"※\";\"△\"#,##0\"※\"");
  EXPECT_EQ(wb.number(wb.sheet(1), "L4").second, "#,##0");  // not flagged
  EXPECT_NE(wb.strings().find("未解決のデータ品質フラグがある値（担当課の確認待ち）\n創業相談の件数を含む"),
            std::string::npos)
      << wb.strings();
  EXPECT_NE(wb.strings().find("評価期間の値がないため測定不能"), std::string::npos);
  EXPECT_NE(wb.strings().find("備考"), std::string::npos);
}

TEST(ReportXlsxEnglish, SheetNamesFitExcelsLimit) {
  const auto file = scratch("xlsx-en") / "report.xlsx";
  write_xlsx(model({Lang::En, YearStyle::Western, {}}), file.string());
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
