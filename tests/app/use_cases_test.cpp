// The use cases the front-ends share: reading what a person asked (as-of, scheme), evaluating,
// building the report model, validating, and a scheduled import that cannot start.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "app/environment.hpp"
#include "app/evaluation.hpp"
#include "app/import_run.hpp"
#include "app/next_run.hpp"
#include "app/report.hpp"
#include "app/status_report.hpp"
#include "app/user_input.hpp"
#include "app/validation.hpp"
#include "config/load.hpp"

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
  } catch (const sosei::config::ConfigError& e) {  // worded in the reader's language by the front-end
    EXPECT_NE(e.message(text::Lang::En).find("(schemes: abcd, abcdx, kama, pro_rata)"), std::string::npos)
        << "lists the schemes that exist: " << e.message(text::Lang::En);
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

// validate reads the grading folder: a missing folder, a default scheme with no file and a scheme that
// does not load are problems (in the reader's language), not a surprise at the first evaluation.
TEST_F(UseCases, ValidateChecksTheGradingFolderAndTheDefaultScheme) {
  config::AppConfig config = env_.config();
  config.sources.clear();  // only the grading is under test
  const auto problems_with = [&](const config::AppConfig& c, text::Lang lang) {
    Environment env(c, &clock_);
    return configuration_problems(env, lang);
  };
  EXPECT_TRUE(problems_with(config, text::Lang::Ja).empty());

  config::AppConfig missing = config;
  missing.grading_dir = config.grading_dir + "-missing";
  auto problems = problems_with(missing, text::Lang::Ja);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0],
            "評価基準のフォルダ " + missing.grading_dir +
                " がありません（sosei.yaml の grading: dir）。フォルダを作り、評価基準のファイル（名前.yaml）を置"
                "いてください");
  problems = problems_with(missing, text::Lang::En);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("the grading folder " + missing.grading_dir + " does not exist"), std::string::npos);

  config::AppConfig unknown = config;
  unknown.default_scheme = "stars";
  problems = problems_with(unknown, text::Lang::Ja);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("既定の評価基準「stars」のファイルが"), std::string::npos) << problems[0];

  const std::string dir = std::filesystem::temp_directory_path() / ("sosei-grading-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(config.grading_dir + "/kama.yaml", dir + "/kama.yaml",
                             std::filesystem::copy_options::overwrite_existing);
  std::ofstream(dir + "/broken.yaml") << "title: !!binary eA==\n";
  config::AppConfig broken = config;
  broken.grading_dir = dir;
  problems = problems_with(broken, text::Lang::Ja);
  std::filesystem::remove_all(dir);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("評価基準「broken」を読めません: " + dir + "/broken.yaml:1:8: タグ「!!binary」"),
            std::string::npos)
      << problems[0];
}

TEST_F(UseCases, StatusListsEverySourceWithItsNextRun) {
  auto store = env_.open_store();
  const auto report = current_status(env_, *store, env_.today());
  EXPECT_EQ(report.as_of, "2026-08-01");
  EXPECT_EQ(report.sources.size(), env_.config().sources.size());
}

// A goal's numeric target (純移動数, 出生数: 5-year totals R8→R12) is judged by its own window: in
// FY2025 nothing of it is due, while a project KPI's FY2025 value is overdue after 2026-07-31.
TEST_F(UseCases, AGoalsNumericTargetIsOverdueOnlyWithinItsOwnWindow) {
  auto store = env_.open_store();
  auto freshness = [&](const std::string& as_of, const std::string& id) {
    for (const auto& k : current_status(env_, *store, as_of_date(env_, as_of)).kpis)
      if (k.id == id) return k;
    ADD_FAILURE() << "no KPI " << id;
    return status::KpiFreshness{};
  };
  // Calendar years from e-Stat: net migration's 2026 is published at the end of January 2027 (due
  // 2027-07-31), births' 2026 in September 2027 (due 2028-07-31).
  for (const char* id : {"net_migration", "births"}) {
    const auto now = freshness("2026-08-01", id);
    EXPECT_FALSE(now.overdue) << id;
    EXPECT_FALSE(now.expected) << id << " expects " << now.expected->str();
    const auto later = freshness(std::string(id) == "births" ? "2028-08-01" : "2027-08-01", id);
    ASSERT_TRUE(later.expected) << id;
    EXPECT_EQ(later.expected->str(), "2026");
    EXPECT_TRUE(later.overdue) << id;
  }
  EXPECT_FALSE(freshness("2027-08-01", "births").expected);
  // R12 (2030), the windows' last year after the strategy period, is expected like the others.
  const auto last = freshness("2031-08-01", "net_migration");
  ASSERT_TRUE(last.expected);
  EXPECT_EQ(last.expected->str(), "2030");
  EXPECT_TRUE(freshness("2026-08-01", "startups").overdue);
}

// A period typed for a stored value is read as the city writes it, and refused outside the
// strategy's years (where no value can be stored), as the import and hand entry refuse it.
TEST_F(UseCases, AValuePeriodMustLieInTheStrategysYears) {
  const auto& strategy = env_.config().strategy;
  EXPECT_EQ(read_value_period(strategy, strategy.find_kpi("startups"), "R7").str(), "FY2025");
  EXPECT_EQ(read_value_period(strategy, strategy.find_kpi("tourism_visitors"), "2024").str(), "2024");
  // A bare year is the KPI's kind of year: 2025 of a fiscal-year KPI is 令和7年度, as `comment` read it
  // (submit and history read it as the calendar year 2025 and found no value).
  EXPECT_EQ(read_value_period(strategy, strategy.find_kpi("startups"), "2025").str(), "FY2025");
  EXPECT_EQ(read_value_period(strategy, strategy.find_kpi("startups"), "FY2025").str(), "FY2025");
  for (const char* outside : {"FY2031", "R13", "FY2010"}) {
    try {
      read_value_period(strategy, strategy.find_kpi("startups"), outside);
      ADD_FAILURE() << "accepted " << outside;
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(outside), std::string::npos) << e.what();
      // From the oldest baseline year (H27, net migration's H27→R2) to the numeric targets' R12.
      EXPECT_NE(std::string(e.what()).find("FY2015–FY2030"), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW(read_value_period(strategy, nullptr, "next year"), InputError);
}

// A source is late by its own schedule: the weekly, monthly and yearly sources are on time days or
// months after their last success (a fixed "2 days since the last success" alert fired for them),
// and late once their own slot has passed without a success.
TEST_F(UseCases, ASourceIsLateOnlyWhenItsOwnScheduledRunHasNotSucceeded) {
  const auto& config = env_.config();
  auto at = [](int y, unsigned m, unsigned d, int h) { return sys_seconds{sys_days{year{y} / m / d} + hours{h}}; };
  auto late = [&](const std::string& id, const std::string& last_success_started, sys_seconds now) {
    const auto* source = config.find_source(id);
    EXPECT_NE(source, nullptr) << id;
    return source ? late_since(*source, last_success_started, now, config.timezone) : std::nullopt;
  };
  const auto saturday = at(2026, 8, 1, 3);  // 12:00 JST
  // Daily at 06:30 JST: the run of 2026-08-01 06:30 JST should have succeeded by noon.
  EXPECT_FALSE(late("kama_values", "2026-07-31T21:30:00.000Z", saturday));
  EXPECT_EQ(late("kama_values", "2026-07-30T21:30:00.000Z", saturday), "2026-07-31T21:30:00Z");
  EXPECT_FALSE(late("kama_values", "2026-07-30T21:30:00.000Z", at(2026, 7, 31, 22)));  // 07:00 JST: running
  // Weekly on Monday 07:00 JST: five days later it is on time; the next Tuesday it is late.
  EXPECT_FALSE(late("disaster_coverage", "2026-07-26T22:00:00.000Z", saturday));
  EXPECT_EQ(late("disaster_coverage", "2026-07-26T22:00:00.000Z", at(2026, 8, 4, 3)), "2026-08-02T22:00:00Z");
  // Monthly on the 5th, yearly on September 1st.
  EXPECT_FALSE(late("tourism", "2026-07-04T22:00:00.000Z", saturday));
  EXPECT_FALSE(late("school_scores", "2025-08-31T22:00:00.000Z", saturday));
  EXPECT_TRUE(late("school_scores", "2025-08-31T22:00:00.000Z", at(2026, 9, 2, 3)));
  // Never succeeded, or no schedule: nothing to be late against.
  EXPECT_FALSE(late("kama_values", "", saturday));
  config::Source manual = *config.find_source("kama_values");
  manual.schedule.reset();
  EXPECT_FALSE(late_since(manual, "2020-01-01T00:00:00.000Z", saturday, config.timezone));
}

TEST(ScheduledImport, WaitsForAnotherWriterOnlyAsLongAsTheDaemonsLockWait) {
  // The bundled configuration with `lock_wait: 0s`, on a database another process is writing to.
  const auto dir = std::filesystem::temp_directory_path() / ("sosei-lock-wait-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::copy(std::filesystem::path(SOSEI_TEST_SOURCE_DIR) / "config", dir,
                        std::filesystem::copy_options::recursive);
  std::string yaml;
  {
    std::ifstream in(dir / "sosei.yaml");
    yaml.assign(std::istreambuf_iterator<char>(in), {});
  }
  const auto at = yaml.find("lock_wait: 1h");
  ASSERT_NE(at, std::string::npos);
  yaml.replace(at, 13, "lock_wait: 0s");
  // The built plugins (the binary's own folder is not this test's).
  const auto dirs = yaml.find("plugin_dirs: []");
  ASSERT_NE(dirs, std::string::npos);
  yaml.replace(dirs, 15, "plugin_dirs: ['" + std::string(SOSEI_TEST_BINARY_DIR) + "/plugins']");
  std::ofstream(dir / "sosei.yaml") << yaml;
  const std::string database = (dir / "held.db").string();
  Environment env{EnvironmentOptions{(dir / "sosei.yaml").string(), database, nullptr}};
  EXPECT_EQ(env.config().daemon.lock_wait, std::chrono::seconds(0));

  auto other = store::open_store({.location = database});
  auto running = other->begin_import({"tourism", "tourism", "0"});
  const auto outcome = run_scheduled_import(env, *env.config().find_source("kama_values"), "", nullptr);
  EXPECT_EQ(outcome.record.status, store::RunStatus::Failed);
  EXPECT_NE(outcome.record.error.find("書き込み中で、0秒待っても終わりませんでした"), std::string::npos)
      << outcome.record.error;
  running->discard();
  EXPECT_TRUE(other->runs(0, "kama_values").empty());  // nothing was written
  const std::string worker = std::string(SOSEI_TEST_BINARY_DIR) + "/sosei";
  EXPECT_EQ(run_scheduled_import(env, *env.config().find_source("kama_values"), worker, nullptr).record.status,
            store::RunStatus::Succeeded);
  other.reset();
  std::filesystem::remove_all(dir);
}

// A database that went away while the daemon runs (moved, deleted, its disk unmounted) fails the
// scheduled run with the reason; it is never started again empty, in its folder or anywhere else.
TEST_F(UseCases, AScheduledImportWhoseDatabaseWentAwayFailsAndMakesNone) {
  const auto dir = std::filesystem::temp_directory_path() / ("sosei-gone-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const auto database = dir / "mounted" / "sosei.db";
  config::AppConfig config = env_.config();
  config.database = database.string();
  const Environment env(config, &clock_);
  const auto outcome = run_scheduled_import(env, *env.config().find_source("kama_values"), "", nullptr);
  EXPECT_EQ(outcome.record.status, store::RunStatus::Failed);
  EXPECT_NE(outcome.record.error.find("データベース " + database.string() + " がありません"), std::string::npos)
      << outcome.record.error;
  EXPECT_FALSE(std::filesystem::exists(dir));
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
