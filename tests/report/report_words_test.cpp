// The council report as the city hands it over (issue 13, "done when"): every file `sosei report`
// writes from the bundled Kama City data — HTML, XLSX, CSV, Markdown — is scanned for English words
// outside an allow-list of proper names and codes, and for numbers with more decimals than any KPI's
// display rule allows (two: 31.25 % is the most precise figure the strategy writes).
#include <gtest/gtest.h>
#include <unzip.h>

#include <algorithm>
#include <regex>
#include <set>

#include "e2e/sosei_runner.hpp"

namespace {

using sosei::test_support::read_file;
using sosei::test_support::SoseiRunner;

std::string zip_member(const std::filesystem::path& zip, const std::string& name) {
  std::string out;
  unzFile z = unzOpen64(zip.string().c_str());
  if (!z) return out;
  if (unzLocateFile(z, name.c_str(), 0) == UNZ_OK && unzOpenCurrentFile(z) == UNZ_OK) {
    char buf[8192];
    int n = 0;
    while ((n = unzReadCurrentFile(z, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    unzCloseCurrentFile(z);
  }
  unzClose(z);
  return out;
}

// What a reader sees of an HTML or XML file: the text between tags, without <style> and <script>.
std::string visible_text(std::string doc) {
  doc = std::regex_replace(doc, std::regex("<(style|script)[^>]*>[\\s\\S]*?</\\1>"), " ");
  doc = std::regex_replace(doc, std::regex("<[^>]*>"), " ");
  return doc;
}

// Proper names, codes and units a Japanese council report legitimately contains.
const std::set<std::string> kAllowed = {"KPI",
                                        "NFT",
                                        "ICT",
                                        "R",
                                        "H",
                                        "FY",
                                        "SVG",
                                        "amp",
                                        "lt",
                                        "gt",
                                        "quot",
                                        "nbsp",
                                        "sosei",
                                        "kama",
                                        "csv",
                                        "html",
                                        "xlsx",
                                        "md",
                                        "json",
                                        "utf",
                                        "bus_ridership",
                                        "fiscal_year_boardings",
                                        "tourism",
                                        "monthly_visitors",
                                        "disaster_coverage",
                                        "district_households",
                                        "school_scores",
                                        "kama_values",
                                        "km",
                                        "pt"};

// The strategy's KPI ids (read from the bundled strategy the runner copied): codes, not words.
std::set<std::string> kpi_ids(const std::filesystem::path& strategy) {
  std::set<std::string> ids;
  const std::string text = read_file(strategy);
  static const std::regex id("- id: ([a-z0-9_]+)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), id); it != std::sregex_iterator(); ++it)
    ids.insert((*it)[1].str());
  return ids;
}

std::vector<std::string> english_words(const std::string& text, const std::set<std::string>& codes = {}) {
  std::vector<std::string> found;
  static const std::regex word("[A-Za-z][A-Za-z_]+|\\b[A-Za-z]\\b");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it) {
    const std::string w = it->str();
    if (kAllowed.count(w) || codes.count(w)) continue;
    // Codes and romanized proper names (bus routes, districts) are written in capitals: NFT, YAMADA.
    if (std::all_of(w.begin(), w.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '_'; })) continue;
    // Series keys (source/series) and ids are codes, not words.
    if (w.find('_') != std::string::npos) continue;
    found.push_back(w);
  }
  return found;
}

std::vector<std::string> long_decimals(const std::string& text) {
  std::vector<std::string> found;
  static const std::regex number("\\d\\.\\d{3,}");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), number); it != std::sregex_iterator(); ++it)
    found.push_back(it->str());
  return found;
}

class ReportWords : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    runner_ = new SoseiRunner("report-words");
    const auto r = runner_->run("import --all");
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  }
  static void TearDownTestSuite() {
    delete runner_;
    runner_ = nullptr;
  }
  static std::string generated(const std::string& name) {
    const auto path = runner_->dir() / name;
    const auto r = runner_->run("report --as-of FY2025 -o '" + path.string() + "'");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return read_file(path);
  }
  static void expect_japanese_only(const std::string& what, const std::string& text) {
    const auto words = english_words(text, kpi_ids(runner_->dir() / "config" / "strategy.yaml"));
    std::string list;
    for (const auto& w : words) list += w + " ";
    EXPECT_TRUE(words.empty()) << what << " has English words: " << list;
    const auto numbers = long_decimals(text);
    std::string nlist;
    for (const auto& n : numbers) nlist += n + " ";
    EXPECT_TRUE(numbers.empty()) << what << " has numbers with more than two decimals: " << nlist;
  }
  static SoseiRunner* runner_;
};
SoseiRunner* ReportWords::runner_ = nullptr;

TEST_F(ReportWords, HtmlHasNoEnglishAndNoLongDecimals) {
  // Attribute values (data-series, classes) are not read; the visible text is.
  expect_japanese_only("report.html", visible_text(generated("report.html")));
}

TEST_F(ReportWords, MarkdownHasNoEnglishAndNoLongDecimals) {
  expect_japanese_only("report.md", generated("report.md"));
}

TEST_F(ReportWords, CsvHasNoEnglishAndNoLongDecimals) { expect_japanese_only("report.csv", generated("report.csv")); }

TEST_F(ReportWords, XlsxStringsHaveNoEnglishAndNumbersUseTheKpisDecimals) {
  generated("report.xlsx");
  const auto path = runner_->dir() / "report.xlsx";
  expect_japanese_only("report.xlsx strings", visible_text(zip_member(path, "xl/sharedStrings.xml")));
  // Number formats: a KPI's figures use its decimals (#,##0 / #,##0.0 / #,##0.00), never General.
  const std::string styles = zip_member(path, "xl/styles.xml");
  EXPECT_NE(styles.find("#,##0;&quot;△&quot;#,##0"), std::string::npos) << styles.substr(0, 2000);
}

TEST_F(ReportWords, TheDetectorsFindWhatTheyLookFor) {
  // The scan itself can fail: an English word and a raw double are found.
  EXPECT_EQ(english_words("実績 not carried out KPI").size(), 3u);
  EXPECT_EQ(english_words("startups NFT", {"startups"}).size(), 0u);
  EXPECT_EQ(long_decimals("98.28562664063583 と 34.96").size(), 1u);
}

}  // namespace
