// Issue 17: the bundled configuration imports the basic goals' numeric targets (純移動数, 出生数)
// through the estat plugin from the recorded e-Stat replies in config/data/estat/ (replay_dir: no
// network, no application ID), and the evaluation and the report's 数値目標 rows show them against
// their R8→R12 windows as the years arrive.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "sosei_runner.hpp"

using nlohmann::json;
using sosei::test_support::SoseiRunner;

namespace {

// The recorded yearly figures (config/data/estat/make-recorded-replies.py): illustrative, chosen so
// that the baselines' windows add up to the strategy's △1,305 (H27→R2) and 808 (R1→R5).
const std::map<std::string, int> kNetMigration = {{"2016", -279}, {"2017", -267}, {"2018", -277}, {"2019", -239},
                                                  {"2020", -243}, {"2021", -233}, {"2022", -217}, {"2023", -206},
                                                  {"2024", -211}, {"2025", -198}};
const std::map<std::string, int> kBirths = {{"2019", 181}, {"2020", 169}, {"2021", 160},
                                            {"2022", 152}, {"2023", 146}, {"2024", 139}};

std::map<std::string, int> stored(const SoseiRunner& s, const std::string& kpi) {
  const auto r = s.run("values " + kpi + " --json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, int> out;
  for (const auto& v : json::parse(r.out)) out[v["period"].get<std::string>()] = v["value"].get<int>();
  return out;
}

int sum(const std::map<std::string, int>& values, int from, int to) {
  int total = 0;
  for (const auto& [period, value] : values)
    if (std::stoi(period) >= from && std::stoi(period) <= to) total += value;
  return total;
}

const json& kpi_of(const json& list, const std::string& id) {
  for (const auto& k : list)
    if (k["id"] == id) return k;
  ADD_FAILURE() << "no " << id << " in " << list.dump();
  static const json none;
  return none;
}

json report_json(const SoseiRunner& s, const std::string& as_of) {
  const auto path = s.dir() / ("report-" + as_of + ".json");
  const auto r = s.run("report --format json --as-of " + as_of + " -o '" + path.string() + "'");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  return json::parse(sosei::test_support::read_file(path));
}

// More years of the migration table (year → 転入者数, 転出者数), as a later recording (or the live
// API) brings them.
void record_more_years(const SoseiRunner& s, const std::map<int, std::pair<int, int>>& more) {
  const auto file = s.dir() / "config" / "data" / "estat" / "0003420482.json";
  json reply = json::parse(sosei::test_support::read_file(file));
  auto& data = reply["GET_STATS_DATA"]["STATISTICAL_DATA"];
  for (const auto& [year, in_out] : more) {
    const std::string time = std::to_string(year) + "000000";
    for (const auto& [cat01, value] : {std::pair{"001", in_out.first}, std::pair{"002", in_out.second}})
      data["DATA_INF"]["VALUE"].push_back({{"@tab", "001"},
                                           {"@cat01", cat01},
                                           {"@area", "40227"},
                                           {"@time", time},
                                           {"@unit", "人"},
                                           {"$", std::to_string(value)}});
    for (auto& c : data["CLASS_INF"]["CLASS_OBJ"])
      if (c["@id"] == "time") c["CLASS"].push_back({{"@code", time}, {"@name", std::to_string(year) + "年"}});
  }
  std::ofstream(file, std::ios::binary) << reply.dump();
}

}  // namespace

TEST(EstatDemo, ImportAllReadsBothNumericTargetsFromTheRecordedReplies) {
  SoseiRunner s("estat-demo");
  // No ESTAT_APP_ID anywhere: a replay needs none.
  const auto r = s.run("import --all", "env -u ESTAT_APP_ID");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  for (const char* source : {"estat_net_migration", "estat_births"})
    EXPECT_NE(r.out.find(std::string(source) + ": 成功 — "), std::string::npos) << source << "\n" << r.out;
  EXPECT_NE(r.out.find("estat_net_migration: 成功 — 受理 10 件（新規 10、改訂 0）"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("estat_births: 成功 — 受理 6 件（新規 6、改訂 0）"), std::string::npos) << r.out;

  // Per year as recorded: calendar years, the baseline windows adding up to the strategy's baselines.
  const auto migration = stored(s, "net_migration");
  EXPECT_EQ(migration, kNetMigration);
  EXPECT_EQ(sum(migration, 2016, 2020), -1305);
  const auto births = stored(s, "births");
  EXPECT_EQ(births, kBirths);
  EXPECT_EQ(sum(births, 2019, 2023), 808);

  // The same recording again changes nothing: the replies' fingerprint says unchanged.
  const auto again = s.run("import estat_net_migration --json");
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_EQ(json::parse(again.out)["status"], "unchanged") << again.out;

  // As of FY2025 nothing of the R8→R12 windows is published: the numeric targets show their
  // baselines, projections and targets, and "no value" for the window — not the baseline years.
  const auto evaluated = s.run("evaluate --as-of FY2025 --json");
  ASSERT_EQ(evaluated.exit_code, 0) << evaluated.err;
  const json ev = json::parse(evaluated.out);
  for (const char* id : {"net_migration", "births"}) {
    const json& k = kpi_of(ev["kpis"], id);
    EXPECT_EQ(k["period_type"], "calendar_year") << id;
    EXPECT_TRUE(k["actual"]["value"].is_null()) << k.dump();
    EXPECT_EQ(k["grade"]["basis"], "no value") << k.dump();
  }
  const json report = report_json(s, "FY2025");
  const json& nm = kpi_of(report["numeric_targets"], "net_migration");
  EXPECT_EQ(nm["baseline"]["text"], "△1,305");
  EXPECT_EQ(nm["baseline_period"], "H27→R2");
  EXPECT_EQ(nm["target_period"], "R8→R12");
  EXPECT_EQ(nm["projection"]["text"], "△1,089");
  const json& b = kpi_of(report["numeric_targets"], "births");
  EXPECT_EQ(b["baseline"]["text"], "808");
  EXPECT_EQ(b["baseline_period"], "R1→R5");
  EXPECT_EQ(report["target_years"].front()["label"], "R8");
  EXPECT_EQ(report["target_years"].back()["label"], "R12");
}

TEST(EstatDemo, TheWindowFillsAsTheYearsArrive) {
  SoseiRunner s("estat-arrive");
  ASSERT_EQ(s.run("import --all").exit_code, 0);
  record_more_years(s, {{2026, {1081, 1262}}, {2027, {1075, 1239}}});
  const auto r = s.run("import estat_net_migration --json");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(json::parse(r.out)["inserted"], 2) << r.out;
  EXPECT_EQ(json::parse(r.out)["revised"], 0) << r.out;

  // As of FY2027 (2028-03-31) 2026 and 2027 are published (late January): 2 of the 5 years.
  const json report = report_json(s, "FY2027");
  const json& nm = kpi_of(report["numeric_targets"], "net_migration");
  EXPECT_EQ(nm["actual"]["number"], -181 + -164) << nm.dump();
  ASSERT_EQ(nm["years"].size(), 5u);
  EXPECT_EQ(nm["years"][0]["value"]["number"], -181);
  EXPECT_EQ(nm["years"][1]["value"]["number"], -164);
  EXPECT_TRUE(nm["years"][2]["value"]["number"].is_null());
  EXPECT_NE(nm["formed"].get<std::string>().find("2/5"), std::string::npos) << nm["formed"];
  EXPECT_NE(nm["grade"]["symbol"], "×") << nm.dump();
  EXPECT_FALSE(nm["pace"]["fraction"].is_null()) << nm.dump();
  // The births recording has no 2026 (its final figure would appear in September 2027): no value yet.
  EXPECT_TRUE(kpi_of(report["numeric_targets"], "births")["actual"]["number"].is_null());

  // The rest of the window, up to R12 (2030, after the strategy period R7–R11), is stored and
  // evaluated as well: all 5 years.
  record_more_years(s, {{2028, {1070, 1230}}, {2029, {1066, 1221}}, {2030, {1060, 1215}}});
  ASSERT_EQ(s.run("import estat_net_migration").exit_code, 0);
  EXPECT_EQ(stored(s, "net_migration").at("2030"), -155);
  const json last = report_json(s, "2031-03-31");
  const json& full = kpi_of(last["numeric_targets"], "net_migration");
  EXPECT_EQ(full["actual"]["number"], -181 - 164 - 160 - 155 - 155) << full.dump();
  EXPECT_NE(full["formed"].get<std::string>().find("2030"), std::string::npos) << full["formed"];
}
