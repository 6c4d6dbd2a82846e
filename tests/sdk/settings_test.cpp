// The SDK's settings helpers: the shared input settings, joining tables, and typed access whose
// defaults are the ones declared in the table, whether or not the host filled them in.
#include <gtest/gtest.h>
#include <sosei/testing.hpp>

#include <array>
#include <map>
#include <string>

namespace {

constexpr std::array<sosei_setting_spec, 4> kOwn{{
    {"kpi", SOSEI_SETTING_STRING, 0, "startups", "the KPI"},
    {"scale", SOSEI_SETTING_INTEGER, 0, "10", "a multiplier"},
    {"ratio", SOSEI_SETTING_NUMBER, 0, "0.25", "a fraction"},
    {"strict", SOSEI_SETTING_BOOLEAN, 0, nullptr, "stop at the first doubt"},
}};
constexpr auto kSettings =
    sosei::join_settings(sosei::with_help(sosei::kInputSettings, "file", "the visitor table"), kOwn);
constexpr std::array<sosei_series_spec, 1> kSeries{{{"*", "", "any"}}};

static_assert(kSettings.size() == 8);
static_assert(std::string_view(kSettings[0].name) == "file" && std::string_view(kSettings[4].name) == "kpi");
static_assert(std::string_view(kSettings[0].help) == "the visitor table");
static_assert(std::string_view(kSettings[2].default_value) == "auto");

// What the plugin read, for the test to look at.
std::map<std::string, std::string> seen;

class SettingsPlugin : public sosei::Plugin {
 public:
  static sosei::PluginInfo info() { return {"settings", "1.0.0", "総合政策課", "test", kSettings, kSeries}; }
  void run(sosei::Context& ctx) override {
    seen["kpi"] = ctx.string_setting("kpi");
    seen["scale"] = std::to_string(ctx.integer_setting("scale"));
    seen["ratio"] = std::to_string(ctx.number_setting("ratio"));
    seen["strict"] = ctx.boolean_setting("strict") ? "yes" : "no";
    seen["encoding"] = ctx.string_setting("encoding");
    seen["sheet"] = ctx.string_setting("sheet");
    if (ctx.string_setting("kpi") == "typo") ctx.string_setting("kpl");  // not declared: a bug
    sosei::Input input = ctx.open_configured_input();
    seen["input"] = input.name();
  }
};

TEST(Settings, TypedAccessGivesTheSourceValueElseTheDeclaredDefault) {
  sosei::testing::FakeHost host;
  host.file("t.csv", "");
  host.setting("file", "t.csv").setting("scale", "3").setting("strict", "on");
  seen.clear();
  ASSERT_EQ(host.run<SettingsPlugin>(), SOSEI_OK) << host.error();
  EXPECT_EQ(seen["kpi"], "startups");
  EXPECT_EQ(seen["scale"], "3");
  EXPECT_EQ(seen["ratio"], std::to_string(0.25));
  EXPECT_EQ(seen["strict"], "yes");
  EXPECT_EQ(seen["encoding"], "auto");
  EXPECT_EQ(seen["sheet"], "");
  EXPECT_EQ(seen["input"], "t.csv");
}

TEST(Settings, ReadingAnUndeclaredSettingIsAPluginBug) {
  sosei::testing::FakeHost host;
  host.file("t.csv", "").setting("file", "t.csv").setting("kpi", "typo");
  EXPECT_EQ(host.run<SettingsPlugin>(), SOSEI_ERR_INTERNAL);
  EXPECT_NE(host.error().find("'kpl'"), std::string::npos) << host.error();
}

// A host that hands over only what the source set (no defaults filled in), as a minimal host may.
TEST(Settings, TheDeclaredDefaultIsUsedWhenTheHostGivesNone) {
  static std::map<std::string, std::string> given;
  given = {{"file", "t.csv"}};
  sosei_host_api api{};
  api.setting = [](sosei_host*, const char* name) -> const char* {
    auto it = given.find(name);
    return it == given.end() ? nullptr : it->second.c_str();
  };
  const sosei::Context ctx(&api, nullptr, kSettings);
  EXPECT_EQ(ctx.string_setting("kpi"), "startups");
  EXPECT_EQ(ctx.integer_setting("scale"), 10);
  EXPECT_DOUBLE_EQ(ctx.number_setting("ratio"), 0.25);
  EXPECT_FALSE(ctx.boolean_setting("strict"));
  EXPECT_EQ(ctx.string_setting("encoding"), "auto");
  EXPECT_EQ(ctx.string_setting("file"), "t.csv");
  EXPECT_EQ(ctx.setting_or("scale", "7"), "7");  // the untyped form keeps its own fallback
}

}  // namespace
