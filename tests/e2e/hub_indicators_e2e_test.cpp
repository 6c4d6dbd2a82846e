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
  // The city's notation reads as FY2025 does.
  const auto era = kama.run(cmd + " --period 令和7年度 --json");
  ASSERT_EQ(era.exit_code, 0) << era.err;
  EXPECT_EQ(json::parse(era.out)["indicators"][0]["period"], "FY2025") << era.out;
  const auto bad_period = kama.run(cmd + " --period 来年");
  EXPECT_EQ(bad_period.exit_code, 2);
  EXPECT_NE(bad_period.err.find("--period「来年」は期間ではありません"), std::string::npos) << bad_period.err;
  const auto none = kama.run("hub indicators --hub '" + (kama.dir() / "config" / "hub.yaml").string() + "'");
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("共通指標（indicators）がありません"), std::string::npos) << none.err;
}

// `sosei hub evaluate` (docs/hub.md "Mergers"): 嘉麻市 without a FY2025 value of its own, merged from
// 山田市 (its own SQLite file) during FY2025: graded at the hub on 山田市's FY2025, which the city's own
// `sosei evaluate` does not see; saved, `sosei hub summary` shows that evaluation.
TEST(HubEvaluateCommand, GradesAMergedCityOnItsPredecessorsValuesAndSavesIt) {
  SoseiRunner kama("hev-kama"), yamada("hev-yamada");
  report_startups(kama, "嘉麻市", "402273");
  report_startups(yamada, "山田市", "405817");
  const auto csv = kama.dir() / "config" / "data" / "kama-kpi-values.csv";
  std::string values = sosei::test_support::read_file(csv);
  const std::string r7 = "startups,R7,8件,\n";
  ASSERT_NE(values.find(r7), std::string::npos);
  values.erase(values.find(r7), r7.size());
  std::ofstream(csv, std::ios::binary | std::ios::trunc) << values;
  ASSERT_EQ(kama.run("import --all").exit_code, 0);
  ASSERT_EQ(yamada.run("import --all").exit_code, 0);
  const auto hub_file = kama.dir() / "hub.yaml";
  std::ofstream(hub_file)
      << "hub:\n  name: 嘉飯圏域ハブ\ncities:\n  - code: \"402273\"\n    name: 嘉麻市\n    database: "
      << (kama.dir() / "out" / "sosei.db").string() << "\n    config: " << kama.config().string()
      << "\n    predecessors:\n      - {code: \"405817\", name: 山田市, merged: 2026-03-01, database: "
      << (yamada.dir() / "out" / "sosei.db").string()
      << "}\n  - {code: \"404217\", name: 桂川町, database: " << (kama.dir() / "keisen.db").string()
      << "}\nindicators:\n  - {id: startups, name: 創業者数, unit: 件, aggregate: sum}\n";
  const std::string hub = " --hub '" + hub_file.string() + "'";
  const auto startups = [](const json& evaluation) {
    for (const auto& k : evaluation["kpis"])
      if (k["id"] == "startups") return k;
    return json();
  };

  const auto own = json::parse(kama.run("evaluate --as-of 2026-08-01 --json").out);
  EXPECT_TRUE(startups(own)["actual"]["value"].is_null()) << startups(own).dump();

  const auto table = kama.run("hub evaluate --as-of 2026-08-01 --save" + hub);
  EXPECT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("合併前の値"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("ハブに設定（config）がない"), std::string::npos) << table.out;  // 桂川町
  EXPECT_NE(table.out.find("1 団体の評価を保存しました"), std::string::npos) << table.out;

  const auto j = json::parse(kama.run("hub evaluate --as-of 2026-08-01 --city 402273 --json" + hub).out);
  ASSERT_EQ(j["cities"].size(), 1u);
  EXPECT_EQ(j["cities"][0]["from_predecessors"], 1);
  const auto kpi = startups(j["cities"][0]["evaluation"]);
  EXPECT_EQ(kpi["actual"]["value"]["number"], 8) << kpi.dump();
  EXPECT_EQ(kpi["years"][0]["note"], "合併前の 山田市 の値") << kpi.dump();

  const auto summary = json::parse(kama.run("hub summary --json" + hub).out);
  EXPECT_EQ(summary["cities"][0]["state"], "evaluated") << summary.dump();
  EXPECT_EQ(summary["cities"][0]["evaluation"]["as_of"], "2026-08-01") << summary.dump();

  const auto english = kama.run("hub evaluate --as-of 2026-08-01 --lang en" + hub);
  EXPECT_NE(english.out.find("from predecessors"), std::string::npos) << english.out;
  const auto no_config = kama.run("hub evaluate --city 404217" + hub);
  EXPECT_EQ(no_config.exit_code, 2);
  EXPECT_NE(no_config.err.find("団体 404217（桂川町）は "), std::string::npos) << no_config.err;
  EXPECT_EQ(kama.run("hub evaluate --city 402273 --prefecture 40" + hub).exit_code, 2);
}

}  // namespace
