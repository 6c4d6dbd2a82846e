// The exposition writer: escaping of label values and HELP, value spelling, the family layout, and
// that the tests' strict reader accepts what it writes (and refuses broken text).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "exposition_parser.hpp"
#include "serve/metrics.hpp"
#include "serve/prometheus.hpp"

namespace sosei::serve::test {
namespace {

TEST(Prometheus, LabelValuesEscapeBackslashQuoteAndLineFeedOnly) {
  EXPECT_EQ(escape_label_value(R"(a\b"c)"), R"(a\\b\"c)");
  EXPECT_EQ(escape_label_value("two\nlines"), "two\\nlines");
  EXPECT_EQ(escape_label_value("産業振興課 <tab>\t"), "産業振興課 <tab>\t");  // UTF-8 and tabs stay
}

TEST(Prometheus, HelpEscapesBackslashAndLineFeedButNotQuotes) {
  EXPECT_EQ(escape_help("a \"quoted\" \\ help\nline"), "a \"quoted\" \\\\ help\\nline");
}

TEST(Prometheus, ValuesAreShortestRoundTripAndSpecialValuesAsPrometheusSpellsThem) {
  EXPECT_EQ(format_value(0), "0");
  EXPECT_EQ(format_value(8), "8");
  EXPECT_EQ(format_value(-1305), "-1305");
  EXPECT_EQ(format_value(0.2), "0.2");
  EXPECT_EQ(format_value(130108), "130108");
  EXPECT_EQ(format_value(1.5e21), "1.5e+21");
  EXPECT_EQ(format_value(std::numeric_limits<double>::quiet_NaN()), "NaN");
  EXPECT_EQ(format_value(std::numeric_limits<double>::infinity()), "+Inf");
  EXPECT_EQ(format_value(-std::numeric_limits<double>::infinity()), "-Inf");
}

TEST(Prometheus, ExpositionHasHelpTypeThenSamples) {
  const std::vector<MetricFamily> families{
      {"sosei_kpi_ratio", "Ratio.", "gauge", {{{{"kpi", "startups"}, {"department", "産業振興課"}}, 0.2}}},
      {"sosei_import_runs_total",
       "Runs.",
       "counter",
       {{{{"source", "kama"}, {"status", "succeeded"}}, 3}, {{{"source", "say \"hi\"\\"}, {"status", "failed"}}, 1}}},
      {"sosei_build_info", "Version.", "gauge", {{{}, 1}}},
  };
  const std::string text = exposition(families);
  EXPECT_EQ(text,
            "# HELP sosei_kpi_ratio Ratio.\n"
            "# TYPE sosei_kpi_ratio gauge\n"
            "sosei_kpi_ratio{kpi=\"startups\",department=\"産業振興課\"} 0.2\n"
            "# HELP sosei_import_runs_total Runs.\n"
            "# TYPE sosei_import_runs_total counter\n"
            "sosei_import_runs_total{source=\"kama\",status=\"succeeded\"} 3\n"
            "sosei_import_runs_total{source=\"say \\\"hi\\\"\\\\\",status=\"failed\"} 1\n"
            "# HELP sosei_build_info Version.\n"
            "# TYPE sosei_build_info gauge\n"
            "sosei_build_info 1\n");
  const auto parsed = parse_exposition(text);
  EXPECT_TRUE(parsed.errors.empty()) << ::testing::PrintToString(parsed.errors);
  ASSERT_EQ(parsed.of("sosei_import_runs_total").size(), 2u);
  EXPECT_EQ(parsed.of("sosei_import_runs_total")[1].labels.at("source"), "say \"hi\"\\");
}

TEST(Prometheus, BadNamesAreACallersBug) {
  EXPECT_THROW(exposition({{"9lives", "h", "gauge", {}}}), std::logic_error);
  EXPECT_THROW(exposition({{"sosei-x", "h", "gauge", {}}}), std::logic_error);
  EXPECT_THROW(exposition({{"sosei_x", "h", "histogram", {}}}), std::logic_error);
  EXPECT_THROW(exposition({{"sosei_x", "h", "gauge", {{{{"bad-label", "v"}}, 1}}}}), std::logic_error);
  EXPECT_THROW(exposition({{"sosei_x", "h", "gauge", {{{{"__reserved", "v"}}, 1}}}}), std::logic_error);
}

TEST(Prometheus, TheTestReaderRefusesBrokenText) {
  EXPECT_FALSE(parse_exposition("sosei_x 1\n").errors.empty());  // no HELP/TYPE
  EXPECT_FALSE(parse_exposition("# HELP sosei_x h\n# TYPE sosei_x gauge\nsosei_x{a=\"\\t\"} 1\n").errors.empty());
  EXPECT_FALSE(parse_exposition("# HELP sosei_x h\n# TYPE sosei_x gauge\nsosei_x{a=\"v\"} one\n").errors.empty());
  EXPECT_FALSE(parse_exposition("# HELP sosei_x h\n# TYPE sosei_x gauge\nsosei_x 1\nsosei_x 2\n").errors.empty());
  EXPECT_FALSE(parse_exposition("# HELP sosei_x h\n# TYPE sosei_x gauge\nsosei_x 1").errors.empty());
  EXPECT_TRUE(parse_exposition("# HELP sosei_x h\n# TYPE sosei_x gauge\nsosei_x{a=\"q\\\"\"} NaN\n").errors.empty());
}

TEST(Prometheus, UnixSecondsOfStoreTimestamps) {
  EXPECT_EQ(unix_seconds("1970-01-01T00:00:00.000Z"), 0.0);
  EXPECT_EQ(unix_seconds("2026-11-28T11:02:03.500Z"), 1795863723.5);
  EXPECT_FALSE(unix_seconds(""));
  EXPECT_FALSE(unix_seconds("2026-11-28 11:02:03"));
  EXPECT_FALSE(unix_seconds("2026-02-30T00:00:00.000Z"));
}

}  // namespace
}  // namespace sosei::serve::test
