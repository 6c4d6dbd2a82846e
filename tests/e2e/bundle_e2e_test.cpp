// The `sosei` binary carrying a city's data to its hub (issue 16, docs/hub.md "City node → hub"):
// `sosei bundle keygen` and `export` at the city, `sosei bundle import` at the hub, with the exit
// codes, messages and JSON a script relies on. The bundle logic itself is tested in
// tests/app/bundle_test.cpp; here it is the commands, on the bundled Kama configuration.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "sosei_runner.hpp"

using nlohmann::json;
using sosei::test_support::SoseiRunner;

namespace {

// A hub file naming 嘉麻市 with the public key `pub` and its own SQLite database at the hub.
std::string write_hub(const SoseiRunner& s, const std::string& pub) {
  const auto dir = s.dir() / "hub";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "hub.yaml") << "hub:\n  name: テスト用ハブ\ncities:\n  - code: \"402273\"\n    name: 嘉麻市\n"
                                  << "    database: kama-at-hub.db\n    key: " << pub << "\n";
  return (dir / "hub.yaml").string();
}

// Names 嘉麻市's code in the runner's strategy copy: a bundle is filed at the hub under it.
void name_the_city(const SoseiRunner& s) {
  const auto strategy = s.dir() / "config" / "strategy.yaml";
  std::string text = sosei::test_support::read_file(strategy);
  const std::string line = "  city: 嘉麻市\n";
  const auto at = text.find(line);
  ASSERT_NE(at, std::string::npos);
  text.insert(at + line.size(), "  city_code: \"402273\"\n");
  std::ofstream(strategy, std::ios::binary) << text;
}

int64_t last_run(const SoseiRunner& s, const std::string& db = "") {
  const auto runs = s.run(db + "runs --json");
  EXPECT_EQ(runs.exit_code, 0) << runs.err;
  int64_t last = 0;
  for (const auto& run : json::parse(runs.out)) last = std::max<int64_t>(last, run["id"].get<int64_t>());
  return last;
}

TEST(BundleCommands, CarryTheCityToTheHubInOrderOnceAndRefuseWhatWasChanged) {
  SoseiRunner city("bundle");
  name_the_city(city);
  ASSERT_EQ(city.run("import --all").exit_code, 0);
  const auto keygen = city.run("bundle keygen");
  ASSERT_EQ(keygen.exit_code, 0) << keygen.err;
  const auto key = city.dir() / "config" / "bundle.key";
  EXPECT_NE(keygen.out.find("署名用の鍵を作りました"), std::string::npos) << keygen.out;
  EXPECT_TRUE(std::filesystem::exists(key.string() + ".pub"));
  EXPECT_EQ(std::filesystem::status(key).permissions() & std::filesystem::perms::group_read,
            std::filesystem::perms::none);
  const auto again = city.run("bundle keygen");  // never overwrites a key the hub may know
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("sosei bundle: "), std::string::npos) << again.err;

  const std::string first = (city.dir() / "first.bundle").string();
  const auto exported = city.run("bundle export --to '" + first + "' --json");
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const json e = json::parse(exported.out);
  const int64_t through = last_run(city);
  EXPECT_EQ(e["city"], "402273");
  EXPECT_EQ(e["since_run"], 0);
  EXPECT_EQ(e["through_run"], through);
  EXPECT_GT(e["values"].get<int64_t>(), 0);

  // The city imports again; its second bundle follows the first.
  ASSERT_EQ(city.run("import --all").exit_code, 0);
  const std::string second = (city.dir() / "second.bundle").string();
  ASSERT_EQ(city.run("bundle export --since " + std::to_string(through) + " --to '" + second + "'").exit_code, 0);

  const std::string hub = write_hub(city, key.string() + ".pub");
  const std::string at_hub = " --hub '" + hub + "'";
  const std::string hub_db = "--db '" + (city.dir() / "hub" / "kama-at-hub.db").string() + "' ";

  // Out of order: the hub has nothing yet, so the second bundle is refused, naming what to export.
  const auto skipped = city.run("bundle import '" + second + "'" + at_hub);
  EXPECT_EQ(skipped.exit_code, 1);
  EXPECT_NE(skipped.err.find("sosei bundle export --since 0"), std::string::npos) << skipped.err;
  EXPECT_FALSE(std::filesystem::exists(city.dir() / "hub" / "kama-at-hub.db"));

  // Changed on the way: one digit of a value differs, and nothing is imported.
  std::string text = sosei::test_support::read_file(first);
  const auto at = text.find("\"value\":");
  ASSERT_NE(at, std::string::npos);
  std::string changed = text;
  changed[at + 8] = changed[at + 8] == '9' ? '8' : '9';
  const std::string tampered = (city.dir() / "tampered.bundle").string();
  std::ofstream(tampered, std::ios::binary) << changed;
  const auto refused = city.run("bundle import '" + tampered + "'" + at_hub);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("書き換えられたか壊れています"), std::string::npos) << refused.err;
  const auto english = city.run("bundle import '" + tampered + "' --lang en" + at_hub);
  EXPECT_NE(english.err.find("nothing was imported"), std::string::npos) << english.err;
  EXPECT_FALSE(std::filesystem::exists(city.dir() / "hub" / "kama-at-hub.db"));

  // In order, once: the hub's grades of 嘉麻市 are the city's own.
  const auto applied = city.run("bundle import '" + first + "' --json" + at_hub);
  ASSERT_EQ(applied.exit_code, 0) << applied.err;
  const json a = json::parse(applied.out);
  EXPECT_EQ(a["outcome"], "applied");
  EXPECT_EQ(a["hub_had"], 0);
  EXPECT_EQ(a["through_run"], through);
  EXPECT_EQ(a["values"], e["values"]);
  const auto twice = city.run("bundle import '" + first + "'" + at_hub);
  EXPECT_EQ(twice.exit_code, 0) << twice.err;
  EXPECT_NE(twice.out.find("取り込み済みです。何も変えていません"), std::string::npos) << twice.out;
  const auto followed = city.run("bundle import '" + second + "'" + at_hub);
  EXPECT_EQ(followed.exit_code, 0) << followed.err;
  EXPECT_NE(followed.out.find("嘉麻市"), std::string::npos) << followed.out;
  const auto older = city.run("bundle import '" + first + "' --json" + at_hub);
  EXPECT_EQ(older.exit_code, 1);
  EXPECT_NE(older.err.find("古い"), std::string::npos) << older.err;

  const auto at_city = city.run("evaluate --as-of R7 --json");
  const auto at_the_hub = city.run(hub_db + "evaluate --as-of R7 --json");
  ASSERT_EQ(at_the_hub.exit_code, 0) << at_the_hub.err;
  EXPECT_EQ(json::parse(at_the_hub.out), json::parse(at_city.out));
  EXPECT_EQ(city.run(hub_db + "values startups --json").out, city.run("values startups --json").out);
}

TEST(BundleCommands, ExportWithoutAKeySaysHowToMakeOne) {
  SoseiRunner city("bundle-nokey");
  name_the_city(city);
  ASSERT_EQ(city.run("import --all").exit_code, 0);
  const auto r = city.run("bundle export --to '" + (city.dir() / "b").string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bundle.key がありません。sosei bundle keygen で作り"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(city.dir() / "b"));
  EXPECT_FALSE(std::filesystem::exists(city.dir() / "b.part"));
  EXPECT_EQ(city.run("bundle export").exit_code, 2);  // --to is required
}

// What the system says about a file (missing, a folder) reaches the person in their language, not as
// the C library's English.
TEST(BundleCommands, AFileTheSystemRefusesIsExplainedInTheReadersLanguage) {
  SoseiRunner city("bundle-files");
  name_the_city(city);
  ASSERT_EQ(city.run("import --all").exit_code, 0);
  ASSERT_EQ(city.run("bundle keygen").exit_code, 0);
  const std::string nowhere = (city.dir() / "no-such-folder" / "b.bundle").string();
  const auto ja = city.run("bundle export --to '" + nowhere + "'");
  EXPECT_EQ(ja.exit_code, 1);
  EXPECT_NE(ja.err.find("ファイルかフォルダがありません"), std::string::npos) << ja.err;
  EXPECT_EQ(ja.err.find("No such file"), std::string::npos) << ja.err;
  const auto en = city.run("bundle export --lang en --to '" + nowhere + "'");
  EXPECT_NE(en.err.find("no such file or folder"), std::string::npos) << en.err;

  const std::string hub = write_hub(city, (city.dir() / "config" / "bundle.key").string() + ".pub");
  const auto missing = city.run("bundle import '" + (city.dir() / "missing.bundle").string() + "' --hub '" + hub + "'");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("を読めません: ファイルかフォルダがありません"), std::string::npos) << missing.err;
}

TEST(BundleCommands, ExportSaysTheStrategyNeedsTheCitysCode) {
  SoseiRunner city("bundle-nocode");
  ASSERT_EQ(city.run("import --all").exit_code, 0);
  ASSERT_EQ(city.run("bundle keygen").exit_code, 0);
  const auto r = city.run("bundle export --to '" + (city.dir() / "b").string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("の strategy に city_code（全国地方公共団体コード、6 桁）を書いてください"), std::string::npos)
      << r.err;
}

}  // namespace
