// `sosei hub indicators` through the binary (issue 16, docs/hub.md "Shared indicators"): two cities
// on their own SQLite files with their own configurations, a count summed for the prefecture, as a
// table in Japanese or English and as JSON; the refusals a person or a script meets. The arithmetic
// of sums, ratios and levels is tested in tests/app/hub_indicators_test.cpp.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "sosei_runner.hpp"

using nlohmann::json;
using sosei::test_support::SoseiRunner;

namespace {

// The runner's strategy copy as city `code`, its `startups` KPI reporting the hub's indicator.
void report_startups(const SoseiRunner& s, const std::string& name, const std::string& code) {
  const auto path = s.dir() / "config" / "strategy.yaml";
  std::string text = sosei::test_support::read_file(path);
  const std::string city = "  city: 嘉麻市\n", kpi = "              - id: startups\n";
  text.replace(text.find(city), city.size(), "  city: " + name + "\n  city_code: \"" + code + "\"\n");
  text.insert(text.find(kpi) + kpi.size(), "                indicator: startups\n");
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

TEST(HubIndicatorsCommand, SumsACountForThePrefectureAndNamesTheCitiesWithout) {
  SoseiRunner kama("ind-kama"), iizuka("ind-iizuka");
  report_startups(kama, "嘉麻市", "402273");
  report_startups(iizuka, "飯塚市", "402052");
  ASSERT_EQ(kama.run("import --all").exit_code, 0);
  ASSERT_EQ(iizuka.run("import --all").exit_code, 0);
  const auto hub_file = kama.dir() / "hub.yaml";
  const auto city = [](const SoseiRunner& s, const std::string& code, const std::string& name) {
    return "  - {code: \"" + code + "\", name: " + name + ", database: " + (s.dir() / "out" / "sosei.db").string() +
           ", config: " + s.config().string() + "}\n";
  };
  std::ofstream(hub_file) << "hub:\n  name: 嘉飯圏域ハブ\ncities:\n"
                          << city(kama, "402273", "嘉麻市") << city(iizuka, "402052", "飯塚市")
                          << "  - {code: \"404217\", name: 桂川町, database: " << (kama.dir() / "keisen.db").string()
                          << "}\nindicators:\n  - {id: startups, name: 創業者数, unit: 件, aggregate: sum}\n";
  const std::string cmd = "hub indicators --hub '" + hub_file.string() + "'";

  const auto table = kama.run(cmd);
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("創業者数（startups、単位 件、合計）: 令和7年度"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("福岡県 計"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("値のない団体 1 : 桂川町"), std::string::npos) << table.out;

  const auto j = json::parse(kama.run(cmd + " --json").out);
  const auto& startups = j["indicators"][0];
  EXPECT_EQ(startups["period"], "FY2025");
  EXPECT_EQ(startups["cities"][0]["value"], 8);  // 嘉麻市's FY2025 as the bundled data give it
  EXPECT_EQ(startups["total"]["value"], 16);
  EXPECT_EQ(startups["cities"][2]["state"], "no_configuration");
  EXPECT_EQ(json::parse(kama.run(cmd + " --period FY2023 --json").out)["indicators"][0]["total"]["value"], 10);

  const auto english = kama.run(cmd + " --lang en");
  EXPECT_NE(english.out.find("Fukuoka total"), std::string::npos) << english.out;
  EXPECT_NE(english.out.find("cities without a value 1: 桂川町"), std::string::npos) << english.out;

  const auto unknown = kama.run(cmd + " --indicator population");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("共通指標「population」はハブの設定（indicators）にありません。あるのは: startups"),
            std::string::npos)
      << unknown.err;
  const auto bad_period = kama.run(cmd + " --period 令和7年");
  EXPECT_EQ(bad_period.exit_code, 2);
  EXPECT_NE(bad_period.err.find("--period「令和7年」は期間ではありません"), std::string::npos) << bad_period.err;
  const auto none = kama.run("hub indicators --hub '" + (kama.dir() / "config" / "hub.yaml").string() + "'");
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("共通指標（indicators）がありません"), std::string::npos) << none.err;
}

}  // namespace
