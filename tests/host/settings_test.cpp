// A source's settings are checked against the plugin's declared settings.
#include <gtest/gtest.h>

#include "host/plugin_library.hpp"
#include "host/settings.hpp"

using namespace sosei;

namespace {

host::PluginMeta meta() {
  host::PluginMeta m;
  m.name = "demo";
  m.settings = {{"file", SOSEI_SETTING_PATH, false, false, "", "input"},
                {"count", SOSEI_SETTING_INTEGER, false, true, "5", "rows"},
                {"ratio", SOSEI_SETTING_NUMBER, false, false, "", "ratio"},
                {"strict", SOSEI_SETTING_BOOLEAN, false, false, "", "strict"},
                {"url", SOSEI_SETTING_URL, false, false, "", "url"},
                {"column", SOSEI_SETTING_STRING, true, false, "", "the column to read"}};
  return m;
}

config::Source source(std::map<std::string, std::string> settings) {
  config::Source s;
  s.id = "src";
  s.plugin = "demo";
  s.where = {"sources.yaml", 3, 5};
  int line = 10;
  for (auto& [k, v] : settings) s.settings[k] = {v, {"sources.yaml", line++, 7}};
  return s;
}

std::string error_of(std::map<std::string, std::string> settings) {
  try {
    host::resolve_settings(meta(), source(std::move(settings)), "/base");
  } catch (const host::SettingsError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(Settings, FillsDefaultsAndResolvesRelativePaths) {
  auto r = host::resolve_settings(meta(), source({{"file", "data/x.csv"}, {"column", "value"}}), "/base/config");
  EXPECT_EQ(r.at("file"), "/base/config/data/x.csv");
  EXPECT_EQ(r.at("count"), "5");
  EXPECT_EQ(r.count("ratio"), 0u);
  auto abs = host::resolve_settings(meta(), source({{"file", "/abs/x.csv"}, {"column", "v"}}), "/base");
  EXPECT_EQ(abs.at("file"), "/abs/x.csv");
}

TEST(Settings, UnknownSettingNamesLocationAndListsDeclared) {
  const auto msg = error_of({{"fiel", "x.csv"}, {"column", "v"}});
  EXPECT_NE(msg.find("sources.yaml:"), std::string::npos) << msg;
  EXPECT_NE(msg.find("has no setting 'fiel'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("file, count, ratio, strict, url, column"), std::string::npos) << msg;
}

TEST(Settings, IllTypedValuesAreRefused) {
  struct Case {
    std::string key, value, type;
  };
  for (const auto& c : std::vector<Case>{{"count", "many", "integer"},
                                         {"count", "1.5", "integer"},
                                         {"ratio", "abc", "number"},
                                         {"ratio", "inf", "number"},
                                         {"strict", "maybe", "boolean"},
                                         {"url", "ftp://x", "url"}}) {
    const auto msg = error_of({{c.key, c.value}, {"column", "v"}});
    EXPECT_NE(msg.find("setting '" + c.key + "' of plugin 'demo' must be a " + c.type + ", got '" + c.value + "'"),
              std::string::npos)
        << msg;
  }
}

TEST(Settings, RequiredSettingMissingNamesTheSource) {
  const auto msg = error_of({});
  EXPECT_NE(msg.find("sources.yaml:3:5"), std::string::npos) << msg;
  EXPECT_NE(msg.find("requires the setting 'column'"), std::string::npos) << msg;
}

TEST(Settings, AcceptsWellTypedValues) {
  EXPECT_EQ(error_of({{"count", "-3"},
                      {"ratio", "0.25"},
                      {"strict", "true"},
                      {"url", "https://example.org/a.csv"},
                      {"column", "v"}}),
            "");
}

TEST(Settings, TheSourcesKpiUnitsAreHandedToThePlugin) {
  config::Strategy strategy;
  strategy.kpis.resize(3);
  strategy.kpis[0].id = "clubs";
  strategy.kpis[0].unit = "組";
  strategy.kpis[1].id = "fertility";  // a bare rate: no unit
  strategy.kpis[2].id = "other";
  strategy.kpis[2].unit = "人";
  config::Source s = source({{"column", "v"}});
  s.kpis = {"clubs", "fertility"};
  auto r = host::resolve_settings(meta(), s, "/base");
  host::add_kpi_units(r, s, strategy);
  EXPECT_EQ(r.at(SOSEI_SETTING_KPI_UNIT "clubs"), "組");
  EXPECT_EQ(r.at(SOSEI_SETTING_KPI_UNIT "fertility"), "");
  EXPECT_EQ(r.count(SOSEI_SETTING_KPI_UNIT "other"), 0u) << "a KPI the source is not bound to";
}
