// The host loads a good plugin and refuses each broken one with a sentence naming file and reason.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "host/plugin_registry.hpp"

namespace fs = std::filesystem;
using sosei::host::load_plugin;
using sosei::host::PluginLoadError;
using sosei::host::PluginRegistry;

namespace {

fs::path plugin_file(const std::string& variant) {
  return fs::path(TEST_PLUGIN_DIR) / variant / ("test_" + variant + ".so");
}

std::string refusal(const fs::path& file) {
  try {
    load_plugin(file);
  } catch (const PluginLoadError& e) {
    EXPECT_EQ(e.file(), file.string());
    EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "plugin " << file << " was not refused";
  return "";
}

}  // namespace

TEST(PluginLoading, LoadsGoodPluginAndCopiesDescriptor) {
  auto p = load_plugin(plugin_file("good"));
  const auto& m = p->meta();
  EXPECT_EQ(m.name, "good");
  EXPECT_EQ(m.version, "1.0.0");
  EXPECT_EQ(m.api_version, SOSEI_API_VERSION);
  EXPECT_EQ(m.department, "総合政策課");
  ASSERT_EQ(m.settings.size(), 4u);
  EXPECT_EQ(m.settings[0].name, "count");
  EXPECT_EQ(m.settings[0].type, SOSEI_SETTING_INTEGER);
  EXPECT_EQ(m.settings[0].default_value, "2");
  EXPECT_TRUE(m.declares_series("daily"));
  EXPECT_FALSE(m.declares_series("weekly"));
}

TEST(PluginLoading, RefusesApiVersionTooNewShowingBothVersions) {
  const std::string msg = refusal(plugin_file("api_too_new"));
  EXPECT_NE(msg.find("API version 99"), std::string::npos) << msg;
  EXPECT_NE(msg.find("1 to " + std::to_string(SOSEI_API_VERSION)), std::string::npos) << msg;
  EXPECT_NE(msg.find("too new"), std::string::npos) << msg;
}

TEST(PluginLoading, RefusesApiVersionTooOld) {
  const std::string msg = refusal(plugin_file("api_too_old"));
  EXPECT_NE(msg.find("API version 0"), std::string::npos) << msg;
  EXPECT_NE(msg.find("too old"), std::string::npos) << msg;
}

TEST(PluginLoading, RefusesLibraryWithoutEntryPoint) {
  const std::string msg = refusal(plugin_file("no_entry"));
  EXPECT_NE(msg.find("no entry point"), std::string::npos) << msg;
  EXPECT_NE(msg.find("sosei_plugin_entry"), std::string::npos) << msg;
}

TEST(PluginLoading, RefusesFileThatIsNotASharedLibrary) {
  const fs::path dir = fs::temp_directory_path() / "sosei-host-test-notalib";
  fs::create_directories(dir);
  const fs::path file = dir / "fake.so";
  std::ofstream(file) << "this is a text file, not ELF\n";
  const std::string msg = refusal(file);
  EXPECT_NE(msg.find("not a loadable shared library"), std::string::npos) << msg;
}

TEST(PluginLoading, RefusesMalformedDescriptors) {
  EXPECT_NE(refusal(plugin_file("malformed_name")).find("plugin name 'Bad Name!' is not valid"), std::string::npos);
  EXPECT_NE(refusal(plugin_file("missing_functions")).find("lacks its create/run/destroy"), std::string::npos);
  EXPECT_NE(refusal(plugin_file("bad_default")).find("default 'lots' of setting 'ratio' is not a valid number"),
            std::string::npos);
}

TEST(PluginLoading, CopiesTheDisplayNamesOfSeriesDimensionsAndValues) {
  const auto plugin = load_plugin(plugin_file("good"));  // the names live as long as the plugin
  const auto& names = plugin->meta().display_names;
  ASSERT_NE(names.find_series("daily"), nullptr);
  EXPECT_EQ(names.find_series("daily")->ja, "日次件数");
  EXPECT_EQ(names.find_series("daily")->en, "Daily count");
  ASSERT_NE(names.find_dimension("covered"), nullptr);
  EXPECT_EQ(names.find_dimension("covered")->ja, "組織の有無");
  ASSERT_NE(names.find_value("covered", "yes"), nullptr);
  EXPECT_EQ(names.find_value("covered", "yes")->en, "Organized");
  ASSERT_NE(names.find_value("covered", "no"), nullptr);
  EXPECT_EQ(names.find_value("covered", "no")->en, "");  // declared in Japanese only
  EXPECT_EQ(names.find_value("route", "yes"), nullptr);
}

TEST(PluginLoading, ADescriptorWithTheV1SizeLoadsWithoutDisplayNames) {
  // Built as against the v1 header: the host reads nothing past struct_size (the test put garbage there).
  auto p = load_plugin(plugin_file("v1_layout"));
  EXPECT_EQ(p->meta().api_version, 1u);
  EXPECT_EQ(p->meta().name, "good");
  EXPECT_TRUE(p->meta().display_names.empty());
  EXPECT_TRUE(p->meta().declares_series("daily"));
}

TEST(PluginLoading, RefusesMalformedDisplayNames) {
  const std::string msg = refusal(plugin_file("bad_names"));
  EXPECT_NE(msg.find("display name #4 (value 'no') names no dimension"), std::string::npos) << msg;
}

TEST(PluginLoading, RegistryExposesEachPluginsDisplayNames) {
  auto registry = PluginRegistry::scan({fs::path(TEST_PLUGIN_DIR) / "good"});
  ASSERT_NE(registry.display_names("good").find_dimension("covered"), nullptr);
  EXPECT_EQ(registry.display_names("good").find_dimension("covered")->en, "Organization");
  EXPECT_TRUE(registry.display_names("not_installed").empty());
}

TEST(PluginLoading, RegistryRefusesDuplicateNameAndKeepsTheFirst) {
  auto registry = PluginRegistry::scan({fs::path(TEST_PLUGIN_DIR) / "good", fs::path(TEST_PLUGIN_DIR) / "duplicate"});
  ASSERT_EQ(registry.plugins().size(), 1u);
  EXPECT_EQ(registry.plugins()[0]->meta().version, "1.0.0");
  ASSERT_EQ(registry.refusals().size(), 1u);
  const std::string msg = registry.refusals()[0].what();
  EXPECT_NE(msg.find("test_duplicate.so"), std::string::npos) << msg;
  EXPECT_NE(msg.find("duplicate plugin name 'good'"), std::string::npos) << msg;
}

TEST(PluginLoading, RegistryCollectsRefusalsWithoutStopping) {
  auto registry = PluginRegistry::scan({fs::path(TEST_PLUGIN_DIR) / "api_too_new", fs::path(TEST_PLUGIN_DIR) / "good",
                                        fs::path(TEST_PLUGIN_DIR) / "does-not-exist"});
  EXPECT_EQ(registry.plugins().size(), 1u);
  EXPECT_EQ(registry.refusals().size(), 1u);
  EXPECT_NE(registry.find("good"), nullptr);
  EXPECT_EQ(registry.find("csv"), nullptr);
}

TEST(PluginLoading, PluginOutlivesRegistryThroughSharedLibraryHandle) {
  std::shared_ptr<sosei::host::LoadedPlugin> kept;
  {
    auto registry = PluginRegistry::scan({fs::path(TEST_PLUGIN_DIR) / "good"});
    kept = *registry.find("good");
  }
  // The descriptor still points into mapped code: reading it must be safe.
  EXPECT_STREQ(kept->descriptor().name, "good");
}
