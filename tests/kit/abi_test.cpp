// The ABI promise (docs/plugin-abi.md): a plugin built against the previous published API header —
// kept frozen in tests/kit/abi_v1/ — still loads and runs in the current host. v1 is the first
// published version; v2 appended the display names to the descriptor, and this test keeps the v1
// plugin loading and running with the v2 host.
#include <gtest/gtest.h>

#include "host/plugin_library.hpp"
#include "host/run_context.hpp"
#include "support/capture_sink.hpp"

using namespace sosei;

TEST(PluginAbi, APluginBuiltAgainstTheFrozenV1HeaderLoadsAndRuns) {
  auto plugin = host::load_plugin(LEGACY_V1_PLUGIN);
  EXPECT_EQ(plugin->meta().api_version, 1u);
  EXPECT_GE(SOSEI_API_VERSION, plugin->meta().api_version);
  EXPECT_LE(SOSEI_API_VERSION_MIN, plugin->meta().api_version);
  EXPECT_EQ(plugin->meta().name, "legacy_v1");
  EXPECT_EQ(plugin->meta().department, "総合政策課");
  // v2 appended the display names to the descriptor; a v1 plugin has none and is shown by its keys.
  EXPECT_TRUE(plugin->meta().display_names.empty());

  test_support::CaptureSink sink;
  host::RunSettings settings;
  settings.source_id = "legacy";
  settings.settings = {{"count", "4"}};
  host::RunContext run(plugin, settings, sink);
  ASSERT_EQ(run.run(), host::RunResult::Succeeded) << run.error();
  ASSERT_EQ(sink.observations.size(), 4u);
  EXPECT_EQ(sink.observations[3].series, "startups");
  EXPECT_EQ(sink.observations[3].period.year, 2024);
}
