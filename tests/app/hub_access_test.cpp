// Issue 16, access at a hub: the hub's token file (prefecture, nation and group tokens: added,
// found, revoked, never kept as text, a damaged file refused by name), scopes as people write them,
// the rule that a request's cities must lie within the token's scope, and the cities whose own
// configurations the hub serves (refused when a configuration is another city's).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "app/hub_access.hpp"
#include "app/hub_city_pages.hpp"
#include "config/load.hpp"
#include "config/temp_files.hpp"

namespace sosei::app {
namespace {

using config::testing::TempFiles;

config::Hub fukuoka_and_tokyo(const std::string& tokens_file) {
  config::Hub hub;
  hub.name = "ハブ";
  hub.tokens_file = tokens_file;
  hub.cities = {{"402273", "嘉麻市", "/tmp/kama.db", {}},
                {"402052", "飯塚市", "/tmp/iizuka.db", {}},
                {"404217", "桂川町", "/tmp/keisen.db", {}},
                {"131016", "千代田区", "/tmp/chiyoda.db", {}}};
  hub.groups = {{"嘉飯圏域", "定住自立圏", {"402052", "402273", "404217"}, {}},
                {"東京と嘉麻", "", {"131016", "402273"}, {}}};
  return hub;
}

const std::string kHash1(64, 'a');
const std::string kHash2(64, 'b');

TEST(HubTokens, AreAddedFoundAndRevokedWithWhoAndWhenKeptInAPrivateFile) {
  TempFiles files;
  const config::Hub hub = fukuoka_and_tokyo(files.path("hub.tokens.json"));
  HubTokens tokens(hub.tokens_file);
  EXPECT_TRUE(tokens.list().empty());  // no file yet: no token
  const ManualClock clock(std::chrono::sys_seconds{std::chrono::seconds{1780000000}});
  EXPECT_EQ(tokens.add(kHash1, token_scope(hub, "prefecture:福岡県"), "福岡県 企画課", "tanaka", clock), 1);
  EXPECT_EQ(tokens.add(kHash2, token_scope(hub, "nation"), "", "suzuki", clock), 2);
  EXPECT_THROW(tokens.add(kHash1, {}, "", "tanaka", clock), std::invalid_argument);

  struct stat st {};
  ASSERT_EQ(::stat(hub.tokens_file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  const auto found = tokens.find(kHash1);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->scope.kind, HubScope::Kind::Prefecture);
  EXPECT_EQ(found->scope.prefecture, "40");
  EXPECT_EQ(found->note, "福岡県 企画課");
  EXPECT_EQ(found->created_by, "tanaka");
  EXPECT_EQ(found->created_at, "2026-05-28T20:26:40.000Z");

  const std::string before = tokens.stamp();
  EXPECT_TRUE(tokens.revoke(1, "suzuki", clock));
  EXPECT_FALSE(tokens.revoke(1, "suzuki", clock));  // once
  EXPECT_FALSE(tokens.revoke(9, "suzuki", clock));
  EXPECT_NE(tokens.stamp(), before);
  EXPECT_FALSE(tokens.find(kHash1));
  const auto all = tokens.list();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].revoked_by, "suzuki");
  EXPECT_EQ(all[1].scope.kind, HubScope::Kind::All);
  // A new token after a revocation gets a new id, never a revoked one's.
  EXPECT_EQ(tokens.add(std::string(64, 'c'), token_scope(hub, "group:嘉飯圏域"), "", "x", clock), 3);
}

TEST(HubTokens, ADamagedFileIsRefusedByNameNotTakenAsNoTokens) {
  TempFiles files;
  for (const std::string& bad :
       std::vector<std::string>{"{", "[]", "{\"tokens\": [{\"id\": 1}]}",
                                "{\"tokens\": [{\"id\": 1, \"sha256\": \"ab\", \"scope\": \"nation\"}]}",
                                "{\"tokens\": [{\"id\": 1, \"sha256\": \"" + kHash1 + "\", \"scope\": \"galaxy\"}]}"}) {
    const std::string path = files.write("bad.json", bad);
    try {
      HubTokens(path).list();
      ADD_FAILURE() << bad;
    } catch (const HubTokenFileError& e) {
      EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("壊れています"), std::string::npos) << e.what();
    }
  }
}

TEST(HubScopes, AreWrittenAsPeopleWriteThemAndUnknownOnesRefused) {
  const config::Hub hub = fukuoka_and_tokyo("");
  EXPECT_EQ(scope_text(token_scope(hub, "nation")), "nation");
  EXPECT_EQ(scope_text(token_scope(hub, "prefecture:40")), "prefecture:40");
  EXPECT_EQ(scope_text(token_scope(hub, "prefecture:東京都")), "prefecture:13");
  EXPECT_EQ(scope_text(token_scope(hub, "group:嘉飯圏域")), "group:嘉飯圏域");
  for (const char* bad : {"", "all", "prefecture:", "prefecture:99", "group:北九州都市圏", "city:402273", "nation:1"})
    EXPECT_THROW(token_scope(hub, bad), HubRequestError) << bad;
}

TEST(HubScopes, ARequestMustLieWithinItsTokensScope) {
  const config::Hub hub = fukuoka_and_tokyo("");
  const HubScope nation, fukuoka = token_scope(hub, "prefecture:40"), tokyo = token_scope(hub, "prefecture:13");
  const HubScope kahan = token_scope(hub, "group:嘉飯圏域"), mixed = token_scope(hub, "group:東京と嘉麻");
  EXPECT_TRUE(scope_within(hub, fukuoka, nation));
  EXPECT_TRUE(scope_within(hub, nation, nation));
  EXPECT_FALSE(scope_within(hub, nation, fukuoka));  // "everything" is more than a prefecture
  EXPECT_TRUE(scope_within(hub, fukuoka, fukuoka));
  EXPECT_FALSE(scope_within(hub, tokyo, fukuoka));
  EXPECT_FALSE(scope_within(hub, token_scope(hub, "prefecture:01"), fukuoka));  // none listed, still not its own
  EXPECT_TRUE(scope_within(hub, kahan, fukuoka));                               // every member in 40
  EXPECT_FALSE(scope_within(hub, mixed, fukuoka));                              // 千代田区 is not
  EXPECT_FALSE(scope_within(hub, fukuoka, kahan));
  EXPECT_TRUE(scope_within(hub, city_scope("402273"), kahan));
  EXPECT_FALSE(scope_within(hub, city_scope("131016"), kahan));
  EXPECT_TRUE(scope_within(hub, city_scope("131016"), mixed));
  EXPECT_FALSE(scope_within(hub, city_scope("402052"), city_scope("402273")));
  EXPECT_FALSE(scope_within(hub, city_scope("011002"), fukuoka));  // not in the hub: in no scope
  EXPECT_FALSE(scope_within(hub, city_scope("011002"), nation));
}

// A city's configuration in a folder of its own: sosei.yaml, its strategy (with `code` as city_code
// when given) and the repository's grading schemes.
std::string city_config(const TempFiles& files, const std::string& folder, const std::string& code) {
  files.write(folder + "/strategy.yaml",
              "strategy:\n  name: 戦略\n  city: 市\n" + (code.empty() ? "" : "  city_code: \"" + code + "\"\n") +
                  "  period: {from: R7, to: R11}\ngoals:\n  - no: 1\n    name: 働く\n    measures:\n"
                  "      - name: 施策\n        kpis:\n          - id: k\n            name: 指標\n"
                  "            unit: 人\n            department: 課\n            baseline: {value: 1人, year: R5}\n"
                  "            target: {value: 2人, kind: level}\n");
  files.write(folder + "/sources.yaml", "sources: []\n");
  return files.write(folder + "/sosei.yaml",
                     "database: city.db\nstrategy: strategy.yaml\nsources: sources.yaml\n"
                     "grading: {dir: " SOSEI_TEST_SOURCE_DIR "/config/grading, default: kama}\n");
}

TEST(HubCityPages, EachConfigurationMustBeItsCitysOwn) {
  TempFiles files;
  const std::string kama = city_config(files, "kama", "402273");
  const std::string nameless = city_config(files, "nameless", "");
  const std::string hub_file = files.write("hub.yaml",
                                           "hub:\n  name: ハブ\n  database: shared.db\ncities:\n"
                                           "  - {code: \"402273\", name: 嘉麻市, config: kama/sosei.yaml}\n"
                                           "  - {code: \"402052\", name: 飯塚市, database: iizuka.db}\n");
  config::Hub hub = config::load_hub(hub_file);
  EXPECT_EQ(hub.cities[0].config, kama);
  EXPECT_EQ(hub.tokens_file, files.path("hub.tokens.json"));
  const auto pages = load_city_pages(hub, "");
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages.at("402273")->database(), files.path("shared.db"));  // the hub's copy, not the city's own file
  EXPECT_EQ(pages.at("402273")->config().strategy.city_code->digits(), "402273");

  // 飯塚市 pointed at 嘉麻市's configuration: refused at 飯塚市's entry of the hub file.
  hub.cities[1].config = kama;
  try {
    load_city_pages(hub, "");
    ADD_FAILURE();
  } catch (const config::ConfigError& e) {
    EXPECT_EQ(e.where().line, 6);
    EXPECT_NE(std::string(e.what()).find("別の団体（city_code「402273」）"), std::string::npos) << e.what();
  }
  // A configuration naming no city: fine on the city's own file (one city, no code), refused in the
  // shared database, where it would read the rows of no city.
  hub.cities[1].config = nameless;
  EXPECT_EQ(load_city_pages(hub, "").size(), 2u);
  hub.cities[1].database.clear();
  EXPECT_THROW(load_city_pages(hub, ""), config::ConfigError);
}

}  // namespace
}  // namespace sosei::app
