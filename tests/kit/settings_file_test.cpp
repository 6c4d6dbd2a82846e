// `sosei plugin check --settings FILE`: the settings file is read like sources.yaml, so a mistake is
// reported at its file:line:column.
#include <gtest/gtest.h>

#include "config/load.hpp"
#include "config/settings_file.hpp"
#include "config/temp_files.hpp"

using namespace sosei::config;
using sosei::config::testing::TempFiles;

TEST(PluginCheckSettings, AMapOfSettingsWithTheirLocations) {
  TempFiles files;
  const std::string path = files.write("s.yaml", "file: data/visits.csv\nskip_rows: 2\n");
  const auto settings = load_settings_file(path);
  ASSERT_EQ(settings.size(), 2u);
  EXPECT_EQ(settings.at("skip_rows").value, "2");
  EXPECT_EQ(settings.at("skip_rows").where.str(), path + ":2:12");
}

TEST(PluginCheckSettings, OrASourceEntryWithSettings) {
  TempFiles files;
  const std::string path =
      files.write("s.yaml", "id: shop_visits\nplugin: shop_visits\nsettings:\n  file: a.csv\n  kpi: startups\n");
  const auto settings = load_settings_file(path);
  ASSERT_EQ(settings.size(), 2u);
  EXPECT_EQ(settings.at("kpi").value, "startups");
}

TEST(PluginCheckSettings, MistakesNameFileLineAndColumn) {
  TempFiles files;
  const std::string nested = files.write("nested.yaml", "file: a.csv\nencoding: [cp932]\n");
  try {
    load_settings_file(nested);
    FAIL() << "a list as a setting was accepted";
  } catch (const ConfigError& e) {
    EXPECT_EQ(e.where().str(), nested + ":2:11");
    EXPECT_NE(e.message(sosei::text::Lang::En).find("setting 'encoding' must be a string"), std::string::npos)
        << e.what();
  }
  const std::string twice = files.write("twice.yaml", "file: a.csv\nfile: b.csv\n");
  EXPECT_THROW(load_settings_file(twice), ConfigError);
  const std::string broken = files.write("broken.yaml", "file: [a.csv\n");
  EXPECT_THROW(load_settings_file(broken), ConfigError);
  EXPECT_THROW(load_settings_file(files.path("missing.yaml")), ConfigError);
}
