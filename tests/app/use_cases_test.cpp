// The use cases the front-ends share: reading what a person asked (as-of, scheme), evaluating,
// building the report model, validating, and a scheduled import that cannot start.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "app/environment.hpp"
#include "app/evaluation.hpp"
#include "app/import_run.hpp"
#include "app/report.hpp"
#include "app/status_report.hpp"
#include "app/user_input.hpp"
#include "app/validation.hpp"

namespace sosei::app {
namespace {

using namespace std::chrono;

const std::string kBundledConfig = std::string(SOSEI_TEST_SOURCE_DIR) + "/config/sosei.yaml";

class UseCases : public ::testing::Test {
 protected:
  ManualClock clock_{sys_seconds{sys_days{year{2026} / 8 / 1} + hours{3}}};
  Environment env_{EnvironmentOptions{kBundledConfig, ":memory:", &clock_}};
};

TEST_F(UseCases, AsOfIsTodayUnlessGiven) {
  EXPECT_EQ(as_of_date(env_, "").str(), "2026-08-01");
  EXPECT_EQ(as_of_date(env_, "R7").str(), "2026-03-31");
  EXPECT_EQ(as_of_date(env_, "FY2024").str(), "2025-03-31");
  EXPECT_EQ(as_of_date(env_, "2026-01-31").str(), "2026-01-31");
  try {
    as_of_date(env_, "next spring");
    FAIL() << "read 'next spring' as a date";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("next spring"), std::string::npos) << e.what();
  }
}

TEST_F(UseCases, SchemesByNameOrTheDefault) {
  EXPECT_EQ(grading_scheme(env_, "").name, env_.config().default_scheme);
  EXPECT_EQ(grading_scheme(env_, "abcd").name, "abcd");
  try {
    grading_scheme(env_, "stars");
    FAIL() << "found a scheme named stars";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("kama"), std::string::npos) << "lists the schemes that exist: " << e.what();
  }
  const auto all = all_grading_schemes(env_);
  EXPECT_TRUE(all.contains("kama"));
  EXPECT_TRUE(all.contains("abcd"));
  EXPECT_TRUE(all.contains("pro_rata"));
}

TEST_F(UseCases, AnEmptyStoreIsEvaluatedAndReportedWithEveryKpi) {
  auto store = env_.open_store();
  const auto evaluation = evaluate_stored(env_, *store, as_of_date(env_, "R7"), grading_scheme(env_, ""));
  EXPECT_EQ(evaluation.as_of.str(), "2026-03-31");
  EXPECT_EQ(evaluation.kpis.size(), env_.config().strategy.kpis.size());
  const auto model = report_model(env_, evaluation, stored_drilldowns(env_, *store), {});
  EXPECT_EQ(model.projects.size() + model.numeric_targets.size(), env_.config().strategy.kpis.size());
}

TEST_F(UseCases, TheBundledConfigurationValidates) {
  // The built-in plugins of the build tree (the sosei binary finds them next to itself).
  ::setenv("SOSEI_PLUGIN_PATH", SOSEI_TEST_BINARY_DIR "/plugins", 1);
  const auto problems = configuration_problems(env_);
  EXPECT_TRUE(problems.empty()) << problems.front();
}

TEST_F(UseCases, StatusListsEverySourceWithItsNextRun) {
  auto store = env_.open_store();
  const auto report = current_status(env_, *store, env_.today());
  EXPECT_EQ(report.as_of, "2026-08-01");
  EXPECT_EQ(report.sources.size(), env_.config().sources.size());
}

TEST_F(UseCases, AScheduledImportThatCannotStartComesBackFailed) {
  config::Source missing = env_.config().sources.front();
  missing.id = "missing_plugin";
  missing.plugin = "no_such_plugin";
  const auto outcome = run_scheduled_import(env_, missing, "", nullptr);
  EXPECT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.record.source, "missing_plugin");
  EXPECT_NE(outcome.record.error.find("no_such_plugin"), std::string::npos) << outcome.record.error;
}

TEST_F(UseCases, SourceLimitsFollowTheConfigurationUnlessForced) {
  const config::Source& source = env_.config().sources.front();
  import::ImportOptions options;
  apply_source_limits(source, IsolationChoice::Worker, options);
  EXPECT_TRUE(options.isolate);
  apply_source_limits(source, IsolationChoice::InProcess, options);
  EXPECT_FALSE(options.isolate);
  apply_source_limits(source, IsolationChoice::AsConfigured, options);
  EXPECT_EQ(options.isolate, source.isolation == config::Isolation::Worker);
  EXPECT_EQ(options.limits.memory_limit_bytes, source.memory_limit);
}

}  // namespace
}  // namespace sosei::app
