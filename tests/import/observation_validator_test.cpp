// Every validation rule for incoming observations, table-driven, from the plugin's C struct through
// its one conversion (assign_observation) and the validator.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "import/observation_validator.hpp"
#include "strategy_fixture.hpp"

using namespace sosei;

namespace {

// The reasons as the English tests read them; Japanese is the city's default (see the last test).
const text::Locale kEnglish{text::Lang::En, text::YearStyle::Western};

struct Case {
  const char* name;
  std::string series;
  sosei_period period;
  int32_t kind;
  double number;
  std::vector<std::pair<std::string, std::string>> dims;
  std::string expected_error;  // "" = valid
};

// What the host does with each emitted observation: convert it into `o` (reused), then validate.
std::optional<std::string> check(const import::ObservationValidator& v, const sosei_observation& c, Observation& o,
                                 store::ObservationKey& key, store::ObservationData& data) {
  if (auto why = assign_observation(c, o)) return why;
  return v.check(o, key, data);
}

TEST(ObservationValidator, ReasonsInTheCitysLanguage) {
  auto config = test_support::small_config();
  const config::Kpi& startups = *config.strategy.find_kpi("startups");
  Observation o;
  o.series = "startups";
  o.period = Period::fiscal_year(2025);
  o.value = Value::of(3);
  auto error = import::check_kpi_value(config.strategy, startups, o, text::Locale{});
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("上限 2"), std::string::npos) << *error;
  o.value = Value::of(1);
  o.period = Period::fiscal_year(2040);
  error = import::check_kpi_value(config.strategy, startups, o, text::Locale{});
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("期間 令和22年度 は戦略の対象期間（令和2年度～令和11年度）の外"), std::string::npos) << *error;
}

}  // namespace

TEST(ObservationValidator, Rules) {
  const auto config = test_support::small_config();
  host::PluginMeta plugin;
  plugin.name = "good";
  plugin.series = {{"daily", "件", ""}};
  import::ObservationValidator v(config.strategy, config.sources[0], plugin, kEnglish);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<Case> cases = {
      {"valid fiscal", "startups", {SOSEI_PERIOD_FISCAL_YEAR, 2025, 0, 0}, SOSEI_VALUE_NUMBER, 1, {}, ""},
      {"valid status", "startups", {SOSEI_PERIOD_FISCAL_YEAR, 2025, 0, 0}, SOSEI_VALUE_NOT_CARRIED_OUT, 0, {}, ""},
      {"valid calendar", "tourism", {SOSEI_PERIOD_CALENDAR_YEAR, 2024, 0, 0}, SOSEI_VALUE_NUMBER, 199000, {}, ""},
      {"declared series, month",
       "daily",
       {SOSEI_PERIOD_MONTH, 2025, 4, 0},
       SOSEI_VALUE_NUMBER,
       3,
       {{"route", "山田線"}},
       ""},
      {"unknown series",
       "visitors",
       {SOSEI_PERIOD_FISCAL_YEAR, 2025, 0, 0},
       SOSEI_VALUE_NUMBER,
       1,
       {},
       "unknown series 'visitors'"},
      {"not bound",
       "unbound",
       {SOSEI_PERIOD_FISCAL_YEAR, 2025, 0, 0},
       SOSEI_VALUE_NUMBER,
       1,
       {},
       "not bound to KPI 'unbound'"},
      {"wrong period type",
       "startups",
       {SOSEI_PERIOD_CALENDAR_YEAR, 2025, 0, 0},
       SOSEI_VALUE_NUMBER,
       1,
       {},
       "takes fiscal-year values, got the period 2025"},
      {"month for a KPI",
       "tourism",
       {SOSEI_PERIOD_MONTH, 2025, 4, 0},
       SOSEI_VALUE_NUMBER,
       1,
       {},
       "takes calendar-year values"},
      {"before history",
       "startups",
       {SOSEI_PERIOD_FISCAL_YEAR, 2019, 0, 0},
       SOSEI_VALUE_NUMBER,
       1,
       {},
       "outside the strategy's range FY2020–FY2029"},
      {"after the end", "startups", {SOSEI_PERIOD_FISCAL_YEAR, 2030, 0, 0}, SOSEI_VALUE_NUMBER, 1, {}, "outside"},
      {"invalid date", "daily", {SOSEI_PERIOD_DATE, 2025, 2, 30}, SOSEI_VALUE_NUMBER, 1, {}, "invalid period"},
      {"bad period kind", "daily", {9, 2025, 0, 0}, SOSEI_VALUE_NUMBER, 1, {}, "invalid period"},
      {"nan", "startups", {SOSEI_PERIOD_FISCAL_YEAR, 2025, 0, 0}, SOSEI_VALUE_NUMBER, nan, {}, "not a finite number"},
      {"below min",
       "startups",
       {SOSEI_PERIOD_FISCAL_YEAR, 2025, 0, 0},
       SOSEI_VALUE_NUMBER,
       -1,
       {},
       "below its minimum 0"},
      {"above max",
       "startups",
       {SOSEI_PERIOD_FISCAL_YEAR, 2025, 0, 0},
       SOSEI_VALUE_NUMBER,
       3,
       {},
       "above its maximum 2"},
      {"unknown value kind", "startups", {SOSEI_PERIOD_FISCAL_YEAR, 2025, 0, 0}, 42, 0, {}, "unknown value kind 42"},
      {"bad dimension name",
       "daily",
       {SOSEI_PERIOD_MONTH, 2025, 4, 0},
       SOSEI_VALUE_NUMBER,
       1,
       {{"Route", "x"}},
       "dimension name 'Route' is not valid"},
      {"duplicate dimension",
       "daily",
       {SOSEI_PERIOD_MONTH, 2025, 4, 0},
       SOSEI_VALUE_NUMBER,
       1,
       {{"route", "a"}, {"route", "b"}},
       "dimension 'route' given twice"},
      {"empty series", "", {SOSEI_PERIOD_FISCAL_YEAR, 2025, 0, 0}, SOSEI_VALUE_NUMBER, 1, {}, "without a series"},
  };
  for (const auto& c : cases) {
    std::vector<sosei_dimension> dims;
    for (const auto& [k, val] : c.dims) dims.push_back({{k.data(), k.size()}, {val.data(), val.size()}});
    sosei_observation o{};
    o.struct_size = sizeof o;
    o.series = {c.series.data(), c.series.size()};
    o.period = c.period;
    o.value_kind = c.kind;
    o.number = c.number;
    o.dimensions = dims.data();
    o.dimension_count = static_cast<uint32_t>(dims.size());
    Observation converted;
    store::ObservationKey key;
    store::ObservationData data;
    auto error = check(v, o, converted, key, data);
    if (c.expected_error.empty()) {
      EXPECT_FALSE(error) << c.name << ": " << error.value_or("");
    } else {
      ASSERT_TRUE(error) << c.name << " was accepted";
      EXPECT_NE(error->find(c.expected_error), std::string::npos) << c.name << ": " << *error;
    }
  }
}

TEST(ObservationValidator, DeclaredSeriesAreStoredUnderTheSource) {
  const auto config = test_support::small_config();
  host::PluginMeta plugin;
  plugin.name = "good";
  plugin.series = {{"daily", "件", ""}};
  import::ObservationValidator v(config.strategy, config.sources[0], plugin, kEnglish);
  sosei_observation o{};
  o.struct_size = sizeof o;
  o.series = {"daily", 5};
  o.period = {SOSEI_PERIOD_DATE, 2025, 4, 1};
  o.number = 7;
  o.file = {"x.csv", 5};
  o.line = 12;
  Observation converted;
  store::ObservationKey key;
  store::ObservationData data;
  ASSERT_FALSE(check(v, o, converted, key, data));
  EXPECT_EQ(key.series, "src/daily");
  EXPECT_EQ(key.period.str(), "2025-04-01");
  EXPECT_EQ(data.location, "x.csv:12");
  EXPECT_EQ(data.value, Value::of(7));
}

// The host converts into the same Observation and the import sink passes the same key and data to
// every check (so that storing allocates nothing once warmed up): each result must depend on its own
// observation only.
TEST(ObservationValidator, KeyAndDataReusedAcrossObservations) {
  const auto config = test_support::small_config();
  host::PluginMeta plugin;
  plugin.name = "good";
  plugin.series = {{"daily", "件", ""}};
  import::ObservationValidator v(config.strategy, config.sources[0], plugin, kEnglish);
  Observation converted;
  store::ObservationKey key;
  store::ObservationData data;
  auto check_one = [&](std::vector<std::pair<std::string, std::string>> pairs, uint64_t line) {
    std::vector<sosei_dimension> dims;
    for (const auto& [k, val] : pairs) dims.push_back({{k.data(), k.size()}, {val.data(), val.size()}});
    sosei_observation o{};
    o.struct_size = sizeof o;
    o.series = {"daily", 5};
    o.period = {SOSEI_PERIOD_DATE, 2025, 4, 1};
    o.dimensions = dims.data();
    o.dimension_count = static_cast<uint32_t>(dims.size());
    o.file = {"x.csv", 5};
    o.line = line;
    return check(v, o, converted, key, data);
  };
  using D = store::Dimensions;
  EXPECT_FALSE(check_one({{"route", "a"}, {"stop", "s1"}}, 12));
  EXPECT_EQ(key.dimensions, (D{{"route", "a"}, {"stop", "s1"}}));
  EXPECT_EQ(data.location, "x.csv:12");
  EXPECT_FALSE(check_one({{"stop", "s2"}, {"route", "東西線"}}, 13));  // same keys, another order
  EXPECT_EQ(key.dimensions, (D{{"route", "東西線"}, {"stop", "s2"}}));
  EXPECT_EQ(data.location, "x.csv:13");
  EXPECT_FALSE(check_one({{"route", "c"}}, 0));
  EXPECT_EQ(key.dimensions, (D{{"route", "c"}}));
  EXPECT_EQ(data.location, "x.csv");
  auto error = check_one({{"route", "a"}, {"route", "b"}}, 14);
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("dimension 'route' given twice"), std::string::npos) << *error;
  error = check_one({{"route", "a"}, {"Stop", "b"}}, 15);
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("dimension name 'Stop' is not valid"), std::string::npos) << *error;
  EXPECT_FALSE(check_one({{"route", "d"}, {"spot", "e"}}, 16));
  EXPECT_EQ(key.dimensions, (D{{"route", "d"}, {"spot", "e"}}));
  EXPECT_FALSE(check_one({{"route", "f"}, {"stop", "g"}}, 17));  // as many keys, one of them other
  EXPECT_EQ(key.dimensions, (D{{"route", "f"}, {"stop", "g"}}));
  EXPECT_FALSE(check_one({}, 18));
  EXPECT_TRUE(key.dimensions.empty());
}

// What the conversion itself refuses: a struct it cannot read whole, dimensions it cannot find.
TEST(ObservationValidator, MalformedStructsAreRefusedWhereTheyEnter) {
  Observation converted;
  sosei_observation o{};
  o.struct_size = 8;  // an SDK older than any this host knows
  auto error = assign_observation(o, converted);
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("malformed observation (struct_size 8)"), std::string::npos) << *error;
  o.struct_size = sizeof o;
  o.series = {"daily", 5};
  o.dimension_count = 1;
  o.file = {"x.csv", 5};
  o.line = 3;
  error = assign_observation(o, converted);
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("dimension_count set without dimensions"), std::string::npos) << *error;
  EXPECT_EQ(converted.location, "x.csv:3");  // where the rejection is reported
}

// Hand entry applies a KPI's rules without a source or a plugin.
TEST(ObservationValidator, KpiRulesAloneForHandEntry) {
  const auto config = test_support::small_config();
  const config::Kpi& startups = *config.strategy.find_kpi("startups");
  Observation o;
  o.series = "startups";
  o.period = Period::fiscal_year(2025);
  o.value = Value::of(1);
  EXPECT_FALSE(import::check_kpi_value(config.strategy, startups, o, kEnglish));
  o.value = Value::of(3);
  auto error = import::check_kpi_value(config.strategy, startups, o, kEnglish);
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("above its maximum 2"), std::string::npos) << *error;
  o.value = Value::of(1);
  o.period = Period::calendar_year(2025);
  error = import::check_kpi_value(config.strategy, startups, o, kEnglish);
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("takes fiscal-year values"), std::string::npos) << *error;
}
