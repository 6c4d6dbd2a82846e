// The hub file (config/hub.yaml, docs/hub.md): the cities one server holds by their local government
// codes, groups across them, and every mistake that would put a city's numbers under another city
// refused at its line.
#include <gtest/gtest.h>

#include "common/prefectures.hpp"
#include "config/hub.hpp"
#include "config/load.hpp"
#include "temp_files.hpp"

namespace sosei::config {
namespace {

using testing::position_of;
using testing::TempFiles;

const std::string kRepo = SOSEI_TEST_SOURCE_DIR;

const std::string kHub =
    "hub:\n  name: 福岡県ハブ\n  database: postgresql://sosei_app@db/sosei_hub\n"
    "cities:\n"
    "  - {code: \"402273\", name: 嘉麻市}\n"
    "  - {code: \"402052\", name: 飯塚市}\n"
    "  - {code: \"404217\", name: 桂川町, database: keisen.db}\n"
    "  - {code: \"131016\", name: 千代田区}\n"
    "groups:\n"
    "  - name: 嘉飯圏域\n    kind: 定住自立圏\n    members: [\"402052\", \"402273\", \"404217\"]\n";

// The refusal of a hub file with `from` replaced by `to`, and where it points.
struct Refusal {
  std::string message;
  int line = 0;
  int column = 0;
};

Refusal refusal_of(const std::string& text) {
  TempFiles files;
  try {
    load_hub(files.write("hub.yaml", text));
  } catch (const ConfigError& e) {
    return {e.message(text::Lang::Ja), e.where().line, e.where().column};
  }
  return {};
}

std::string with(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(Hub, ReadsCitiesGroupsAndWhereEachCitysDataAre) {
  TempFiles files;
  const Hub hub = load_hub(files.write("hub.yaml", kHub));
  EXPECT_EQ(hub.name, "福岡県ハブ");
  ASSERT_EQ(hub.cities.size(), 4u);
  EXPECT_EQ(hub.cities[0].code, "402273");
  EXPECT_EQ(hub.cities[0].name, "嘉麻市");
  EXPECT_EQ(hub.location_of(hub.cities[0], hub.database), "postgresql://sosei_app@db/sosei_hub");
  // A city's own file resolves against the hub file's folder.
  EXPECT_EQ(hub.location_of(hub.cities[2], hub.database), files.path("keisen.db"));
  ASSERT_EQ(hub.groups.size(), 1u);
  EXPECT_EQ(hub.groups[0].kind, "定住自立圏");
  EXPECT_EQ(hub.groups[0].members, (std::vector<std::string>{"402052", "402273", "404217"}));
  ASSERT_NE(hub.city("131016"), nullptr);
  EXPECT_EQ(hub.city("131016")->name, "千代田区");
  EXPECT_EQ(hub.city("402274"), nullptr);
  EXPECT_NE(hub.group("嘉飯圏域"), nullptr);
}

TEST(Hub, ACodeWithATypoIsRefusedWithTheCodeItProbablyMeans) {
  const std::string text = with(kHub, "\"402052\", name", "\"402053\", name");
  const Refusal r = refusal_of(text);
  EXPECT_NE(r.message.find("402053"), std::string::npos) << r.message;
  EXPECT_NE(r.message.find("「402052」"), std::string::npos) << r.message;
  const auto [line, column] = position_of(text, "\"402053\"");
  EXPECT_EQ(r.line, line);
  EXPECT_EQ(r.column, column);

  EXPECT_NE(refusal_of(with(kHub, "\"402273\", name", "\"40227\", name")).message.find("「402273」"),
            std::string::npos);
  EXPECT_NE(refusal_of(with(kHub, "\"402273\", name", "\"嘉麻\", name")).message.find("6 桁"), std::string::npos);
}

TEST(Hub, APrefectureOutsideTheFortySevenIsRefused) {
  // 48… has a valid check digit (480002) but no prefecture.
  const Refusal r = refusal_of(with(kHub, "\"131016\"", "\"480002\""));
  EXPECT_NE(r.message.find("「48」"), std::string::npos) << r.message;
}

TEST(Hub, ACityListedTwiceOrAGroupOfStrangersIsRefusedAtItsLine) {
  const std::string twice = with(kHub, "\"131016\", name: 千代田区", "\"402273\", name: 嘉麻市（重複）");
  Refusal r = refusal_of(twice);
  EXPECT_NE(r.message.find("「402273」が 2 回"), std::string::npos) << r.message;
  EXPECT_EQ(r.line, position_of(twice, "嘉麻市（重複）").first);

  const std::string stranger = with(kHub, "members: [\"402052\"", "members: [\"401307\"");
  r = refusal_of(stranger);
  EXPECT_NE(r.message.find("「401307」（グループ「嘉飯圏域」）は cities にない"), std::string::npos) << r.message;
  EXPECT_EQ(r.line, position_of(stranger, "401307").first);

  r = refusal_of(with(kHub, "members: [\"402052\", \"402273\"", "members: [\"402052\", \"402052\""));
  EXPECT_NE(r.message.find("2 回"), std::string::npos) << r.message;

  r = refusal_of(with(kHub, "members: [\"402052\", \"402273\", \"404217\"]", "members: []"));
  EXPECT_NE(r.message.find("members がありません"), std::string::npos) << r.message;

  r = refusal_of(kHub + "  - name: 嘉飯圏域\n    members: [\"402273\"]\n");
  EXPECT_NE(r.message.find("グループ「嘉飯圏域」が 2 回"), std::string::npos) << r.message;
}

TEST(Hub, CitiesCannotShareOneSqliteFileNorGoWithoutADatabase) {
  // One SQLite file holds one city and ignores the city code: two cities there would read each
  // other's numbers.
  Refusal r = refusal_of(with(kHub, "postgresql://sosei_app@db/sosei_hub", "hub.db"));
  EXPECT_NE(r.message.find("嘉麻市 と 飯塚市"), std::string::npos) << r.message;

  r = refusal_of(with(kHub, "  database: postgresql://sosei_app@db/sosei_hub\n", ""));
  EXPECT_NE(r.message.find("402273（嘉麻市）のデータベースがありません"), std::string::npos) << r.message;

  r = refusal_of(with(kHub, "name: 千代田区}", "name: 千代田区, database: keisen.db}"));
  EXPECT_NE(r.message.find("桂川町 と 千代田区"), std::string::npos) << r.message;
}

TEST(Hub, UnknownKeysAndAnEmptyHubAreRefused) {
  EXPECT_NE(refusal_of(with(kHub, "    kind:", "    type:")).message.find("type"), std::string::npos);
  EXPECT_NE(refusal_of("hub:\n  name: 空\ncities: []\n").message.find("cities に団体が 1 つもありません"),
            std::string::npos);
  EXPECT_NE(refusal_of("cities: []\n").message.find("hub"), std::string::npos);
}

// How many imports `sosei hub daemon` runs at once over all cities: 4 unless the hub says, 1 to 64.
TEST(Hub, MaxConcurrentBoundsTheHubDaemonsImports) {
  TempFiles files;
  EXPECT_EQ(load_hub(files.write("hub.yaml", kHub)).max_concurrent, 4);
  EXPECT_EQ(load_hub(files.write("hub2.yaml",
                                 with(kHub, "  name: 福岡県ハブ\n", "  name: 福岡県ハブ\n  max_concurrent: 9\n")))
                .max_concurrent,
            9);
  const Refusal zero = refusal_of(with(kHub, "  name: 福岡県ハブ\n", "  name: 福岡県ハブ\n  max_concurrent: 0\n"));
  EXPECT_NE(zero.message.find("1〜64"), std::string::npos) << zero.message;
  EXPECT_EQ(zero.line, 3);
}

const std::string kIndicators =
    "indicators:\n"
    "  - {id: net_migration, name: 社会増減数, unit: 人, aggregate: sum}\n"
    "  - {id: bus_commute_share, name: 通勤のバス分担率, unit: \"%\", aggregate: ratio, scale: 100}\n"
    "  - {id: land_price, name: 住宅地の平均地価, unit: 円/㎡, direction: lower, aggregate: level}\n";

TEST(Hub, DefinesSharedIndicatorsWithHowEachAddsUp) {
  TempFiles files;
  const Hub hub = load_hub(files.write("hub.yaml", kHub + kIndicators));
  ASSERT_EQ(hub.indicators.size(), 3u);
  EXPECT_EQ(hub.indicators[0].aggregate, IndicatorAggregate::Sum);
  EXPECT_EQ(hub.indicators[0].scale, 1);
  const SharedIndicator* share = hub.indicator("bus_commute_share");
  ASSERT_NE(share, nullptr);
  EXPECT_EQ(share->aggregate, IndicatorAggregate::Ratio);
  EXPECT_EQ(share->scale, 100);
  EXPECT_EQ(share->unit, "%");
  EXPECT_EQ(hub.indicator("land_price")->direction, Direction::LowerIsBetter);
  EXPECT_EQ(hub.indicator("population"), nullptr);
}

TEST(Hub, ASharedIndicatorTwiceWithoutAnAggregateOrScaledWhenNotARatioIsRefused) {
  const std::string twice = kHub + kIndicators + "  - {id: net_migration, name: 転入超過数, aggregate: sum}\n";
  Refusal r = refusal_of(twice);
  EXPECT_NE(r.message.find("共通指標「net_migration」が 2 回"), std::string::npos) << r.message;
  EXPECT_EQ(r.line, position_of(twice, "転入超過数").first);
  r = refusal_of(kHub + with(kIndicators, ", aggregate: sum}", "}"));
  EXPECT_NE(r.message.find("aggregate"), std::string::npos) << r.message;
  r = refusal_of(kHub + with(kIndicators, "aggregate: sum}", "aggregate: average}"));
  EXPECT_NE(r.message.find("average"), std::string::npos) << r.message;
  r = refusal_of(kHub + with(kIndicators, "aggregate: sum}", "aggregate: sum, scale: 100}"));
  EXPECT_NE(r.message.find("aggregate: ratio の指標だけ"), std::string::npos) << r.message;
  r = refusal_of(kHub + with(kIndicators, "id: net_migration", "id: Net-Migration"));
  EXPECT_NE(r.message.find("「Net-Migration」"), std::string::npos) << r.message;
}

// Mergers: a city names the municipalities merged into it, with the day it began (the codes 4058xx
// below are made up, with valid check digits).
TEST(Hub, ACityNamesItsPredecessorsWithTheDayItBegan) {
  TempFiles files;
  const std::string merged = with(kHub, "  - {code: \"402273\", name: 嘉麻市}\n",
                                  "  - code: \"402273\"\n    name: 嘉麻市\n    predecessors:\n"
                                  "      - {code: \"405817\", name: 旧A町, merged: 2006-03-27}\n"
                                  "      - {code: \"405825\", name: 旧B町, merged: 2006-03-27, database: b.db}\n");
  const Hub hub = load_hub(files.write("hub.yaml", merged));
  const auto& p = hub.city("402273")->predecessors;
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].code, "405817");
  EXPECT_EQ(p[0].name, "旧A町");
  EXPECT_EQ(p[0].merged, (Date{2006, 3, 27}));
  EXPECT_EQ(p[0].database, "");
  EXPECT_EQ(p[1].database, files.path("b.db"));

  Refusal r = refusal_of(
      with(merged, "merged: 2006-03-27}\n      - {code: \"405825\"", "merged: 2006-02-30}\n      - {code: \"405825\""));
  EXPECT_NE(r.message.find("merged「2006-02-30」は日付ではありません"), std::string::npos) << r.message;
  r = refusal_of(with(merged, "\"405817\"", "\"405818\""));  // a typo in the check digit
  EXPECT_NE(r.message.find("「405817」"), std::string::npos) << r.message;
  const std::string a_city = with(merged, "\"405825\", name: 旧B町", "\"402052\", name: 旧B町");
  r = refusal_of(a_city);
  EXPECT_NE(r.message.find("402052（旧B町）は合併前の団体として書かれていますが、cities にも"), std::string::npos)
      << r.message;
  EXPECT_EQ(r.line, position_of(a_city, "旧B町").first);
  r = refusal_of(with(merged, "  - {code: \"131016\", name: 千代田区}\n",
                      "  - code: \"131016\"\n    name: 千代田区\n    predecessors:\n"
                      "      - {code: \"405817\", name: 旧A町, merged: 2006-03-27}\n"));
  EXPECT_NE(r.message.find("405817（旧A町）は既に 嘉麻市 の合併前の団体です"), std::string::npos) << r.message;
  // A predecessor read from a SQLite file a city uses would read that city's rows (SQLite ignores codes).
  r = refusal_of(with(with(merged, "postgresql://sosei_app@db/sosei_hub", "hub.db"),
                      "  - {code: \"402052\", name: 飯塚市}\n",
                      "  - {code: \"402052\", name: 飯塚市, database: i.db}\n"));
  EXPECT_NE(r.message.find("旧A町"), std::string::npos) << r.message;
}

TEST(Hub, TheBundledExampleLoads) {
  const Hub hub = load_hub(kRepo + "/config/hub.yaml");
  EXPECT_EQ(hub.cities.size(), 3u);
  EXPECT_NE(hub.group("嘉飯圏域"), nullptr);
}

TEST(Prefectures, FoundByCodeOrByNameAsPeopleWriteIt) {
  EXPECT_EQ(prefecture_of("40")->name, "福岡県");
  EXPECT_EQ(prefecture_of("01")->name, "北海道");
  EXPECT_EQ(prefecture_of("47")->name_en, "Okinawa");
  EXPECT_FALSE(prefecture_of("00"));
  EXPECT_FALSE(prefecture_of("48"));
  for (const char* text : {"40", "福岡県", "福岡", "fukuoka", "Fukuoka"}) {
    ASSERT_TRUE(find_prefecture(text)) << text;
    EXPECT_EQ(find_prefecture(text)->code, "40") << text;
  }
  EXPECT_EQ(find_prefecture("1")->code, "01");
  EXPECT_EQ(find_prefecture("東京")->code, "13");
  EXPECT_FALSE(find_prefecture("福"));
  EXPECT_FALSE(find_prefecture("Fukuoka-ken"));
  EXPECT_FALSE(find_prefecture(""));
}

}  // namespace
}  // namespace sosei::config
