// Issue 16, shared indicators (docs/hub.md): a count sums up the hierarchy, a rate is the ratio of
// the summed numerators and denominators — never the mean of the cities' percentages — and a level is
// not added up; every city without a value is named, whatever the reason. Each city here keeps its
// own configuration (the bundled Kama strategy with its code and `indicator:` lines) and its own
// SQLite file, written through the store as an import would.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "app/evaluation.hpp"
#include "app/hub_city_pages.hpp"
#include "app/hub_evaluation.hpp"
#include "app/hub_indicators.hpp"
#include "app/merged_history.hpp"
#include "config/temp_files.hpp"
#include "present/hub_json.hpp"
#include "store/store.hpp"

namespace sosei::app {
namespace {

using config::testing::TempFiles;

void insert_after(std::string& text, const std::string& line, const std::string& added) {
  const auto at = text.find(line);
  ASSERT_NE(at, std::string::npos) << line;
  text.insert(at + line.size(), added);
}

class HubIndicators : public ::testing::Test {
 protected:
  void SetUp() override {
    hub_.name = "テスト用ハブ";
    hub_.indicators = {
        {"startups", "創業者数", "", "件", config::Direction::HigherIsBetter, config::IndicatorAggregate::Sum, 1, {}},
        {"commute_share",
         "通勤のバス分担率",
         "",
         "%",
         config::Direction::HigherIsBetter,
         config::IndicatorAggregate::Ratio,
         100,
         {}},
        {"land_price",
         "住宅地の平均地価",
         "",
         "円/㎡",
         config::Direction::LowerIsBetter,
         config::IndicatorAggregate::Level,
         1,
         {}}};
    add_city("402273", "嘉麻市", true);
    add_city("402052", "飯塚市", true);
    add_city("404217", "桂川町", true);
    add_city("131016", "千代田区", false);  // the hub has no copy of its configuration
  }

  // A city with its own database and, when `configured`, its own copy of the bundled configuration
  // naming its code and the KPIs that report the hub's indicators.
  void add_city(const std::string& code, const std::string& name, bool configured) {
    config::HubCity city{code, name, files_.path(code + ".db"), {}, "", ""};
    if (configured) {
      const auto dir = std::filesystem::path(files_.path(code));
      std::filesystem::copy(std::string(SOSEI_TEST_SOURCE_DIR) + "/config", dir,
                            std::filesystem::copy_options::recursive);
      std::string strategy = read(dir / "strategy.yaml");
      insert_after(strategy, "  city: 嘉麻市\n", "  city_code: \"" + code + "\"\n");
      insert_after(strategy, "              - id: startups\n", "                indicator: startups\n");
      insert_after(
          strategy, "              - id: shop_renovations\n",
          "                indicator: {id: commute_share, numerator: bus_commuters, denominator: commuters}\n");
      if (code != "404217")  // 桂川町 does not report the land price
        insert_after(strategy, "              - id: residential_lots\n", "                indicator: land_price\n");
      std::ofstream(dir / "strategy.yaml", std::ios::binary | std::ios::trunc) << strategy;
      city.config = (dir / "sosei.yaml").string();
    }
    hub_.cities.push_back(city);
  }

  static std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  // One import run of a city: (series, period, value).
  void import(const std::string& code, const std::vector<std::tuple<std::string, std::string, double>>& values) {
    auto store = store::open_store({.location = files_.path(code + ".db"), .city = code});
    auto txn = store->begin_import({"kpi_values", "csv", "1.0.0"});
    int line = 1;
    for (const auto& [series, period, v] : values)
      txn->put({series, *Period::parse(period), {}}, {Value::of(v), 0, "", "kpi.csv:" + std::to_string(++line)});
    txn->commit();
  }

  void three_cities_report() {
    import("402273", {{"startups", "FY2023", 5},
                      {"startups", "FY2024", 8},
                      {"bus_commuters", "FY2024", 30},
                      {"commuters", "FY2024", 1000},
                      { "residential_lots",
                        "FY2024",
                        20000 }});
    import("402052", {{"startups", "FY2024", 20}, {"bus_commuters", "FY2024", 200}, {"commuters", "FY2024", 2000}, {
                        "residential_lots",
                        "FY2024",
                        35000
                      }});
    import("404217", {{ "startups", "FY2023", 2 }});  // nothing for FY2024 yet
  }

  std::vector<IndicatorView> view(HubScope scope = {}, std::optional<Period> period = std::nullopt) {
    HubIndicatorsRequest request;
    request.hub = &hub_;
    request.scope = scope;
    request.period = period;
    return hub_indicators(request);
  }

  TempFiles files_;
  config::Hub hub_;
};

TEST_F(HubIndicators, CountsAddUpPerPrefectureAndOverTheNationWithTheMissingNamed) {
  three_cities_report();
  const auto views = view();
  ASSERT_EQ(views.size(), 3u);
  const IndicatorView& startups = views[0];
  ASSERT_TRUE(startups.period);
  EXPECT_EQ(startups.period->str(), "FY2024");  // the latest any city has
  ASSERT_EQ(startups.cities.size(), 4u);
  EXPECT_EQ(startups.cities[0].state, IndicatorState::Value);
  EXPECT_EQ(startups.cities[0].kpi, "startups");
  EXPECT_EQ(startups.cities[0].value, 8);
  EXPECT_EQ(startups.cities[1].value, 20);
  EXPECT_EQ(startups.cities[2].state, IndicatorState::NoValue);  // 桂川町: FY2023 only
  EXPECT_EQ(startups.cities[3].state, IndicatorState::NoConfiguration);
  ASSERT_EQ(startups.prefectures.size(), 2u);  // 13 東京都, 40 福岡県 in code order
  EXPECT_EQ(startups.prefectures[0].prefecture, "13");
  EXPECT_EQ(startups.prefectures[0].value, std::nullopt);
  EXPECT_EQ(startups.prefectures[0].without, std::vector<std::string>{"千代田区"});
  EXPECT_EQ(startups.prefectures[1].value, 28);
  EXPECT_EQ(startups.prefectures[1].with_value, 2);
  EXPECT_EQ(startups.prefectures[1].without, std::vector<std::string>{"桂川町"});
  EXPECT_EQ(startups.total.value, 28);
  EXPECT_EQ(startups.total.without, (std::vector<std::string>{"桂川町", "千代田区"}));

  // A monthly figure of 2019 somewhere does not make the latest period a month: periods compare by
  // their end.
  import("404217", {{ "startups", "2019-05", 1 }});
  EXPECT_EQ(view()[0].period->str(), "FY2024");

  // An earlier year, asked for: 桂川町 has it, 飯塚市 does not.
  const auto fy2023 = view({}, Period::fiscal_year(2023));
  EXPECT_EQ(fy2023[0].total.value, 7);
  EXPECT_EQ(fy2023[0].total.without, (std::vector<std::string>{"飯塚市", "千代田区"}));
}

TEST_F(HubIndicators, ARateIsTheRatioOfTheSumsNeverTheMeanOfPercentages) {
  three_cities_report();
  const IndicatorView share = view()[1];
  EXPECT_DOUBLE_EQ(*share.cities[0].value, 3.0);   // 30 / 1,000
  EXPECT_DOUBLE_EQ(*share.cities[1].value, 10.0);  // 200 / 2,000
  EXPECT_EQ(share.cities[0].numerator, 30);
  EXPECT_EQ(share.cities[0].denominator, 1000);
  EXPECT_EQ(share.total.numerator, 230);
  EXPECT_EQ(share.total.denominator, 3000);
  EXPECT_DOUBLE_EQ(*share.total.value, 230.0 / 3000.0 * 100);  // 7.67 %, where the mean would say 6.5 %
  EXPECT_EQ(share.total.with_value, 2);
  EXPECT_EQ(share.total.without, (std::vector<std::string>{"桂川町", "千代田区"}));
}

TEST_F(HubIndicators, ALevelIsShownPerCityAndNotAddedUp) {
  three_cities_report();
  const IndicatorView price = view()[2];
  EXPECT_EQ(price.cities[0].value, 20000);
  EXPECT_EQ(price.cities[1].value, 35000);
  EXPECT_EQ(price.cities[2].state, IndicatorState::NotReported);  // 桂川町's strategy names no KPI for it
  EXPECT_TRUE(price.prefectures.empty());
  EXPECT_EQ(price.total.value, std::nullopt);
  EXPECT_EQ(price.total.with_value, 2);
  EXPECT_EQ(price.total.without, (std::vector<std::string>{"桂川町", "千代田区"}));
}

TEST_F(HubIndicators, AScopeAnIndicatorAndWhatCannotBeReadAreTheCallers) {
  three_cities_report();
  HubIndicatorsRequest request;
  request.hub = &hub_;
  request.scope = {HubScope::Kind::Prefecture, "40", "", ""};
  request.indicator = "startups";
  auto views = hub_indicators(request);
  ASSERT_EQ(views.size(), 1u);
  EXPECT_EQ(views[0].cities.size(), 3u);
  EXPECT_EQ(views[0].total.without, std::vector<std::string>{"桂川町"});

  request.indicator = "population";
  try {
    hub_indicators(request);
    ADD_FAILURE() << "an unknown indicator was answered";
  } catch (const HubRequestError& e) {
    EXPECT_NE(e.text()({}).find("startups, commute_share, land_price"), std::string::npos) << e.text()({});
  }

  // A city whose database is not there is a row that says so; one whose configuration names another
  // city's code is unreadable, with why.
  std::filesystem::remove(files_.path("402052.db"));
  hub_.cities[2].config = hub_.cities[0].config;  // 桂川町 pointed at 嘉麻市's configuration
  request.indicator = "startups";
  views = hub_indicators(request);
  EXPECT_EQ(views[0].cities[1].state, IndicatorState::NoDatabase);
  EXPECT_EQ(views[0].cities[2].state, IndicatorState::Unreadable);
  EXPECT_NE(views[0].cities[2].problem({}).find("402273"), std::string::npos) << views[0].cities[2].problem({});
  EXPECT_FALSE(std::filesystem::exists(files_.path("402052.db")));  // a reader makes no database
}

// Mergers: 嘉麻市 began on 2006-03-27 from two towns (made-up codes). For a period that began before
// that day and that the city has no value of its own for, the towns' rows of the same series make its
// value — summed, or a ratio of the summed parts — and say so; a town missing makes none (a partial
// sum would understate the area); after the merger the towns count for nothing.
TEST_F(HubIndicators, APeriodBeforeAMergerIsTheMergedTownsValuesTogether) {
  hub_.cities[0].predecessors = {{"405817", "旧A町", Date{2006, 3, 27}, files_.path("a.db"), {}},
                                 {"405825", "旧B町", Date{2006, 3, 27}, files_.path("b.db"), {}}};
  const auto town = [&](const std::string& file, const std::string& code,
                        const std::vector<std::tuple<std::string, std::string, double>>& values) {
    auto store = store::open_store({.location = files_.path(file), .city = code});
    auto txn = store->begin_import({"history", "csv", "1.0.0"});
    for (const auto& [series, period, v] : values)
      txn->put({series, *Period::parse(period), {}}, {Value::of(v), 0, "", "old.csv"});
    txn->commit();
  };
  town("a.db", "405817",
       {{"startups", "FY2004", 3},
        {"startups", "FY2005", 4},
        {"startups", "FY2006", 50},  // after the merger: not the city's
        {"bus_commuters", "FY2005", 10},
        {"commuters", "FY2005", 100},
        {"residential_lots", "FY2005", 15000}});
  town("b.db", "405825",
       {{"startups", "FY2005", 1},
        {"bus_commuters", "FY2005", 30},
        {"commuters", "FY2005", 300},
        {"residential_lots", "FY2005", 12000}});
  import("402273", {{ "startups", "FY2006", 6 }});

  const auto fy2005 = view({HubScope::Kind::City, "", "", "402273"}, Period::fiscal_year(2005));
  const auto& startups = fy2005[0].cities[0];
  EXPECT_EQ(startups.state, IndicatorState::Value);
  EXPECT_EQ(startups.value, 5);
  EXPECT_EQ(startups.from_predecessors, (std::vector<std::string>{"旧A町", "旧B町"}));
  const auto& share = fy2005[1].cities[0];
  EXPECT_EQ(share.numerator, 40);
  EXPECT_EQ(share.denominator, 400);
  EXPECT_DOUBLE_EQ(*share.value, 10.0);
  EXPECT_EQ(fy2005[2].cities[0].state, IndicatorState::NoValue);  // two towns' land prices do not add up
  EXPECT_EQ(fy2005[0].total.value, 5);

  const auto fy2004 = view({HubScope::Kind::City, "", "", "402273"}, Period::fiscal_year(2004));
  EXPECT_EQ(fy2004[0].cities[0].state, IndicatorState::NoValue);  // 旧B町 has no FY2004
  const auto fy2006 = view({HubScope::Kind::City, "", "", "402273"}, Period::fiscal_year(2006));
  EXPECT_EQ(fy2006[0].cities[0].value, 6);  // the city's own, the towns' FY2006 ignored
  EXPECT_TRUE(fy2006[0].cities[0].from_predecessors.empty());
  EXPECT_EQ(present::to_json(hub_, {}, fy2005)["indicators"][0]["cities"][0]["from_predecessors"],
            nlohmann::json::array({"旧A町", "旧B町"}));
}

// The city's own pages at the hub continue its history the same way (add_merged_history): its
// evaluation sees the merged towns' values for the periods before the merger, noted as such.
TEST_F(HubIndicators, TheCitysOwnObservationsContinueBeforeItsMerger) {
  hub_.cities[0].predecessors = {{"405817", "旧A町", Date{2006, 3, 27}, files_.path("a.db"), {}},
                                 {"405825", "旧B町", Date{2006, 3, 27}, files_.path("b.db"), {}}};
  const auto town = [&](const std::string& file, const std::string& code,
                        const std::vector<std::tuple<std::string, std::string, double>>& values) {
    auto store = store::open_store({.location = files_.path(file), .city = code});
    auto txn = store->begin_import({"history", "csv", "1.0.0"});
    for (const auto& [series, period, v] : values)
      txn->put({series, *Period::parse(period), {}}, {Value::of(v), 0, "", "old.csv"});
    txn->commit();
  };
  town("a.db", "405817",
       {{"startups", "FY2004", 3},
        {"startups", "FY2005", 4},
        {"startups", "FY2006", 50},
        {"bus_commuters", "FY2005", 10},
        {"commuters", "FY2005", 100},
        {"residential_lots", "FY2005", 15000},
        {"tourism_visitors", "2005", 1000}});
  town("b.db", "405825",
       {{"startups", "FY2005", 1},
        {"startups", "FY2006", 7},
        {"tourism_visitors", "2005", 2000},
        {"bus_commuters", "FY2005", 30},
        {"commuters", "FY2005", 300},
        {"residential_lots", "FY2005", 12000}});
  import("402273", {{ "startups", "FY2006", 6 }});

  const Environment env(
      EnvironmentOptions{.config_path = hub_.cities[0].config, .database_override = files_.path("402273.db")});
  auto store = env.open_store(std::chrono::milliseconds(1000), StoreOpen::ReadOnly);
  auto observations = stored_observations(env, *store);
  Predecessors predecessors(hub_.cities[0], "", nullptr);
  add_merged_history(hub_, hub_.cities[0], predecessors, env.config().strategy, text::Lang::Ja, observations);

  const auto value_of = [&](const std::string& kpi, int fy) -> const store::StoredObservation* {
    for (const auto& o : observations[kpi])
      if (o.key.period == Period::fiscal_year(fy)) return &o;
    return nullptr;
  };
  ASSERT_NE(value_of("startups", 2005), nullptr);
  EXPECT_EQ(value_of("startups", 2005)->data.value.number, 5);
  EXPECT_EQ(value_of("startups", 2005)->data.note, "合併前の 旧A町、旧B町 の値");
  EXPECT_EQ(value_of("startups", 2005)->run_id, 0);
  EXPECT_EQ(value_of("startups", 2004), nullptr);  // 旧B町 has none: no partial sum
  ASSERT_NE(value_of("startups", 2006), nullptr);
  EXPECT_EQ(value_of("startups", 2006)->data.value.number, 6);  // the city's own; the towns' FY2006 ignored
  EXPECT_EQ(observations["startups"].size(), 2u);
  ASSERT_NE(value_of("shop_renovations", 2005), nullptr);  // a rate: the ratio of the summed parts, × 100
  EXPECT_DOUBLE_EQ(value_of("shop_renovations", 2005)->data.value.number, 10.0);
  EXPECT_EQ(value_of("residential_lots", 2005), nullptr);  // two towns' levels do not add up
  EXPECT_TRUE(observations["tourism_visitors"].empty());   // the towns have it, but no indicator says how it adds up

  // In the city's language; a city without predecessors is left as it is.
  auto english = stored_observations(env, *store);
  add_merged_history(hub_, hub_.cities[0], predecessors, env.config().strategy, text::Lang::En, english);
  const auto english_note = [&]() -> std::string {
    for (const auto& o : english["startups"])
      if (o.key.period == Period::fiscal_year(2005)) return o.data.note;
    return "(no FY2005 value)";
  };
  EXPECT_EQ(english_note(), "from the merged 旧A町, 旧B町");
  auto untouched = stored_observations(env, *store);
  Predecessors none(hub_.cities[1], "", nullptr);
  add_merged_history(hub_, hub_.cities[1], none, env.config().strategy, text::Lang::Ja, untouched);
  EXPECT_EQ(untouched["startups"].size(), 1u);
}

// A merged town's store that opens but fails while it is read (here: a damaged file whose values
// table is gone) makes no value from the other town alone: the shared indicators show the city as
// unreadable with why, and the city's own pages at the hub stop with the store's error.
TEST_F(HubIndicators, AMergedTownsStoreFailingWhileReadMakesNoValueFromTheOtherAlone) {
  hub_.cities[0].predecessors = {{"405817", "旧A町", Date{2006, 3, 27}, files_.path("a.db"), {}},
                                 {"405825", "旧B町", Date{2006, 3, 27}, files_.path("b.db"), {}}};
  const auto town = [&](const std::string& file, const std::string& code, double startups) {
    auto store = store::open_store({.location = files_.path(file), .city = code});
    auto txn = store->begin_import({"history", "csv", "1.0.0"});
    txn->put({"startups", Period::fiscal_year(2005), {}}, {Value::of(startups), 0, "", "old.csv"});
    txn->commit();
  };
  town("a.db", "405817", 4);
  town("b.db", "405825", 1);
  import("402273", {{ "startups", "FY2006", 6 }});
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(files_.path("b.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "ALTER TABLE observations RENAME TO observations_lost", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);

  const auto startups = view({HubScope::Kind::City, "", "", "402273"}, Period::fiscal_year(2005))[0].cities[0];
  EXPECT_EQ(startups.state, IndicatorState::Unreadable);
  EXPECT_FALSE(startups.value) << "旧A町's 4 alone is not the area's value";
  EXPECT_NE(startups.problem({}).find("observations"), std::string::npos) << startups.problem({});

  const Environment env(
      EnvironmentOptions{.config_path = hub_.cities[0].config, .database_override = files_.path("402273.db")});
  auto store = env.open_store(std::chrono::milliseconds(1000), StoreOpen::ReadOnly);
  auto observations = stored_observations(env, *store);
  const auto before = observations;
  Predecessors predecessors(hub_.cities[0], "", nullptr);
  EXPECT_THROW(
      add_merged_history(hub_, hub_.cities[0], predecessors, env.config().strategy, text::Lang::Ja, observations),
      store::StoreError);
  EXPECT_EQ(observations.size(), before.size()) << "the city's own rows as they were";
  for (const auto& [kpi, rows] : before) EXPECT_EQ(observations[kpi].size(), rows.size()) << kpi;
}

// `sosei hub evaluate` (app/hub_evaluation): a merged city graded on its history continued from its
// predecessor, which its own `sosei evaluate` cannot see; saved in its store, it is the evaluation
// the hub summary shows. Every city of the scope has a row: without config, without a database, or
// asked for a scheme it does not have.
TEST_F(HubIndicators, TheHubsEvaluationOfAMergedCityContinuesItsHistoryAndIsSaved) {
  hub_.cities[0].predecessors = {{"405817", "旧A町", Date{2025, 10, 1}, files_.path("a.db"), {}}};
  {
    auto town = store::open_store({.location = files_.path("a.db"), .city = "405817"});
    auto txn = town->begin_import({"history", "csv", "1.0.0"});
    txn->put({"startups", Period::fiscal_year(2025), {}}, {Value::of(7), 0, "", "old.csv:2"});
    txn->put({"startups", Period::fiscal_year(2026), {}}, {Value::of(50), 0, "", "old.csv:3"});  // after the merger
    txn->commit();
  }
  import("402273", {{ "startups", "FY2026", 6 }});
  import("404217", {{ "startups", "FY2025", 2 }});
  const auto cities = load_city_pages(hub_, "");
  HubEvaluationRequest request;
  request.hub = &hub_;
  request.as_of = explicit_as_of("2027-08-01");
  request.save = true;
  const auto rows = evaluate_hub_cities(request);
  ASSERT_EQ(rows.size(), 4u);

  const auto startups = [](const evaluate::Evaluation& ev) -> const evaluate::KpiEvaluation& {
    for (const auto& k : ev.kpis)
      if (k.kpi.id == "startups") return k;
    throw std::logic_error("no startups");
  };
  ASSERT_EQ(rows[0].state, HubEvaluationState::Evaluated);
  EXPECT_EQ(rows[0].inherited, 1);  // the values the grades used, not every year of 旧A町's history
  EXPECT_EQ(rows[0].counted(), rows[0].evaluation->total.kpis);
  const auto& kama = startups(*rows[0].evaluation);
  ASSERT_TRUE(kama.actual.value);
  EXPECT_EQ(kama.actual.value->number, 13);  // FY2025 from 旧A町 (7) and the city's FY2026 (6); not the town's 50
  ASSERT_EQ(kama.years.size(), 2u);
  EXPECT_EQ(kama.years[0].note, "合併前の 旧A町 の値");
  EXPECT_GT(rows[0].saved_id, 0);
  EXPECT_EQ(rows[1].state, HubEvaluationState::NoDatabase);  // 飯塚市 has imported nothing
  ASSERT_EQ(rows[2].state, HubEvaluationState::Evaluated);   // 桂川町: no predecessors, its own rows
  EXPECT_EQ(rows[2].inherited, 0);
  EXPECT_EQ(startups(*rows[2].evaluation).actual.value->number, 2);
  EXPECT_EQ(rows[3].state, HubEvaluationState::NoConfig);  // 千代田区: no strategy at the hub

  // The city's own evaluation of its own rows has only FY2026.
  {
    const Environment& env = *cities.at("402273");
    auto store = env.open_store(std::chrono::milliseconds(1000), StoreOpen::ReadOnly);
    const auto own = evaluate_stored(env, *store, Date{2027, 8, 1}, grading_scheme(env, ""));
    EXPECT_EQ(startups(own).actual.value->number, 6);
  }
  // The hub summary shows the saved, continued evaluation.
  HubSummaryRequest summary_request;
  summary_request.hub = &hub_;
  const HubSummary summary = summarize_hub(summary_request);
  const auto at_kama = std::find_if(summary.cities.begin(), summary.cities.end(),
                                    [](const CitySummary& c) { return c.code == "402273"; });
  ASSERT_NE(at_kama, summary.cities.end());
  ASSERT_EQ(at_kama->state, CityState::Evaluated);
  EXPECT_EQ(at_kama->evaluation_id, rows[0].saved_id);
  EXPECT_EQ(at_kama->as_of, "2027-08-01");

  const auto j = present::to_json(hub_, {}, rows, text::Lang::Ja);
  EXPECT_EQ(j["cities"][0]["state"], "evaluated");
  EXPECT_EQ(j["cities"][0]["from_predecessors"], 1);
  EXPECT_EQ(j["cities"][0]["evaluation_id"], rows[0].saved_id);
  EXPECT_EQ(j["cities"][0]["evaluation"]["strategy"]["city"], "嘉麻市");
  EXPECT_EQ(j["cities"][1]["state"], "no_database");
  EXPECT_TRUE(j["cities"][1]["evaluation"].is_null());
  EXPECT_EQ(j["cities"][3]["state"], "no_config");

  // A scheme a city does not have: that city's row says so, in the reader's language.
  request.scheme = "no_such_scheme";
  request.save = false;
  request.scope.kind = HubScope::Kind::City;
  request.scope.city = "402273";
  const auto refused = evaluate_hub_cities(request);
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].state, HubEvaluationState::Refused);
  const std::string why = refused[0].problem(text::Locale{text::Lang::Ja});
  EXPECT_NE(why.find("no_such_scheme"), std::string::npos) << why;
  EXPECT_NE(why.find("評価基準"), std::string::npos) << why;  // in the reader's language

  // A city whose configuration cannot be read is its row; the others are evaluated.
  std::ofstream(hub_.cities[1].config, std::ios::trunc) << "strategy: [broken\n";
  request.scheme.clear();
  request.scope = {};
  const auto broken = evaluate_hub_cities(request);
  ASSERT_EQ(broken.size(), 4u);
  EXPECT_EQ(broken[0].state, HubEvaluationState::Evaluated);
  EXPECT_EQ(broken[1].state, HubEvaluationState::Refused);
  EXPECT_NE(broken[1].problem(text::Locale{text::Lang::Ja}).find(hub_.cities[1].config), std::string::npos)
      << broken[1].problem(text::Locale{text::Lang::Ja});
  EXPECT_EQ(broken[2].state, HubEvaluationState::Evaluated);
}

TEST_F(HubIndicators, AsJsonWithStableKeysAndNullsWhereThereIsNoNumber) {
  three_cities_report();
  const auto j = present::to_json(hub_, {}, view());
  ASSERT_EQ(j["indicators"].size(), 3u);
  const auto& share = j["indicators"][1];
  EXPECT_EQ(share["aggregate"], "ratio");
  EXPECT_EQ(share["period"], "FY2024");
  EXPECT_EQ(share["cities"][1]["numerator"], 200);
  EXPECT_EQ(share["cities"][2]["state"], "no_value");
  EXPECT_EQ(share["cities"][2]["value"], nullptr);
  EXPECT_EQ(share["cities"][3]["state"], "no_configuration");
  EXPECT_EQ(share["total"]["denominator"], 3000);
  EXPECT_EQ(share["prefectures"][1]["prefecture"], "40");
  EXPECT_EQ(j["indicators"][2]["total"]["value"], nullptr);
}

}  // namespace
}  // namespace sosei::app
