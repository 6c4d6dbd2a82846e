// A source's schedule block, isolation and memory limit in sources.yaml: every accepted form with its
// defaults, and every mistake reported at the exact file:line:column of the value.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "config/load.hpp"
#include "temp_files.hpp"

namespace sosei::config {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using ::testing::HasSubstr;
using testing::position_of;
using testing::TempFiles;

const std::string kStrategy = R"(strategy: {name: 総合戦略, city: 嘉麻市, period: {from: R7, to: R11}}
goals:
  - no: 1
    name: 働く
    measures:
      - name: 雇用の創出
        kpis:
          - {id: startups, name: 創業者数, unit: 件, department: 産業振興課,
             baseline: {value: 5件, year: R5}, target: {value: 5年間に40件, kind: cumulative}}
)";

// sources.yaml with one source whose extra lines are `lines` (indented as source keys).
std::string sources_with(const std::string& lines) {
  return "sources:\n  - id: values\n    plugin: csv\n    kpis: [startups]\n" + lines;
}

Source load_one(const std::string& lines) {
  TempFiles files;
  const Strategy strategy = load_strategy(files.write("strategy.yaml", kStrategy));
  const auto sources = load_sources(files.write("sources.yaml", sources_with(lines)), strategy);
  EXPECT_EQ(sources.size(), 1u);
  return sources.at(0);
}

TEST(SourceSchedule, NoneByDefault) {
  const Source s = load_one("");
  EXPECT_FALSE(s.schedule.has_value());
  EXPECT_EQ(s.isolation, Isolation::Worker);
  EXPECT_EQ(s.memory_limit, 1ULL << 30);
}

TEST(SourceSchedule, CronTextWithDefaults) {
  const Source s = load_one("    schedule: \"30 6 * * *\"\n");
  ASSERT_TRUE(s.schedule);
  const ScheduleSpec& spec = *s.schedule;
  EXPECT_EQ(spec.cron, "30 6 * * *");
  EXPECT_EQ(spec.every, seconds{0});
  EXPECT_EQ(spec.jitter, seconds{0});
  EXPECT_EQ(spec.timeout, hours{1});
  EXPECT_EQ(spec.retries, 2);
  EXPECT_EQ(spec.backoff, minutes{1});
  EXPECT_EQ(spec.catch_up, ScheduleSpec::CatchUp::Latest);
  EXPECT_EQ(spec.where.line, 5);
  EXPECT_EQ(spec.where.column, 15);
}

TEST(SourceSchedule, MacroAndIntervalStrings) {
  EXPECT_EQ(load_one("    schedule: \"@daily\"\n").schedule->cron, "@daily");
  const Source every = load_one("    schedule: every 6h\n");
  EXPECT_TRUE(every.schedule->cron.empty());
  EXPECT_EQ(every.schedule->every, hours{6});
  EXPECT_EQ(load_one("    schedule: \"every  1h30m \"\n").schedule->every, minutes{90});
}

TEST(SourceSchedule, FullMapWithCron) {
  const Source s = load_one(
      "    schedule:\n      cron: \"0 5 * * *\"\n      jitter: 10m\n      timeout: 30m\n      retries: 3\n"
      "      backoff: 2m\n      catch_up: all\n");
  ASSERT_TRUE(s.schedule);
  EXPECT_EQ(s.schedule->cron, "0 5 * * *");
  EXPECT_EQ(s.schedule->jitter, minutes{10});
  EXPECT_EQ(s.schedule->timeout, minutes{30});
  EXPECT_EQ(s.schedule->retries, 3);
  EXPECT_EQ(s.schedule->backoff, minutes{2});
  EXPECT_EQ(s.schedule->catch_up, ScheduleSpec::CatchUp::All);
  EXPECT_EQ(s.schedule->where.line, 6);  // the map's first key
}

TEST(SourceSchedule, FlowMapWithInterval) {
  const Source s = load_one("    schedule: {every: 1d, catch_up: none, retries: 0, backoff: 0}\n");
  EXPECT_EQ(s.schedule->every, hours{24});
  EXPECT_EQ(s.schedule->catch_up, ScheduleSpec::CatchUp::None);
  EXPECT_EQ(s.schedule->retries, 0);
  EXPECT_EQ(s.schedule->backoff, seconds{0});
  EXPECT_EQ(load_one("    schedule: {every: 1d, catch_up: latest}\n").schedule->catch_up,
            ScheduleSpec::CatchUp::Latest);
}

TEST(SourceIsolation, WorkerOrNoneAndAMemoryLimit) {
  EXPECT_EQ(load_one("    isolation: none\n").isolation, Isolation::None);
  EXPECT_EQ(load_one("    isolation: worker\n").isolation, Isolation::Worker);
  EXPECT_EQ(load_one("    memory_limit: 512MiB\n").memory_limit, 512ULL << 20);
  EXPECT_EQ(load_one("    memory_limit: 2GiB\n").memory_limit, 2ULL << 30);
  EXPECT_EQ(load_one("    memory_limit: 0\n").memory_limit, 0u);
  EXPECT_EQ(load_one("    memory_limit: 134217728\n").memory_limit, 128ULL << 20);
}

// The source lines `lines` must fail at `needle` (its `skip`-th hit in the whole file) with `message`.
void expect_error(const std::string& lines, const std::string& needle, const std::string& message, int skip = 0) {
  TempFiles files;
  const Strategy strategy = load_strategy(files.write("strategy.yaml", kStrategy));
  const std::string text = sources_with(lines);
  const std::string path = files.write("sources.yaml", text);
  try {
    load_sources(path, strategy);
    ADD_FAILURE() << "accepted: " << lines;
  } catch (const ConfigError& e) {
    const auto [line, column] = position_of(text, needle, skip);
    ASSERT_GT(line, 0) << needle;
    EXPECT_EQ(e.where().file, path);
    EXPECT_EQ(e.where().line, line) << e.what();
    EXPECT_EQ(e.where().column, column) << e.what();
    EXPECT_THAT(e.message(text::Lang::En), HasSubstr(message)) << lines;
  }
}

TEST(SourceScheduleErrors, CronMistakesPointAtTheValue) {
  expect_error("    schedule: \"0 0 32 * *\"\n", "\"0 0 32",
               "invalid cron expression '0 0 32 * *': field 3 (day of month): 32 is outside 1-31");
  expect_error("    schedule: \"0 0 30 feb *\"\n", "\"0 0 30", "never matches");
  expect_error("    schedule: \"0 6 * *\"\n", "\"0 6", "expected 5 fields");
  expect_error("    schedule: {cron: \"61 * * * *\"}\n", "\"61", "field 1 (minute): 61 is outside 0-59");
  expect_error("    schedule:\n      cron: \"0 0 * * fri-mon\"\n", "\"0 0 * * fri", "write fri-sat,sun-mon");
  // Quartz or Spring cron (seconds first, perhaps a year last) is refused, not read as another schedule.
  expect_error("    schedule: \"0 30 6 * * *\"\n", "\"0 30 6", "found 6; seconds and years are not part");
  expect_error("    schedule: {cron: \"0 30 6 * * ? 2026\"}\n", "\"0 30 6", "found 7; seconds and years");
}

TEST(SourceScheduleErrors, CronMistakeInJapaneseByDefault) {
  TempFiles files;
  const Strategy strategy = load_strategy(files.write("strategy.yaml", kStrategy));
  const std::string text = sources_with("    schedule: \"0 0 32 * *\"\n");
  const std::string path = files.write("sources.yaml", text);
  try {
    load_sources(path, strategy);
    ADD_FAILURE() << "accepted";
  } catch (const ConfigError& e) {
    const auto [line, column] = position_of(text, "\"0 0 32");
    EXPECT_THAT(e.what(), ::testing::StartsWith(path + ":" + std::to_string(line) + ":" + std::to_string(column) +
                                                ": cron の式「0 0 32 * *」を読めません（"));
    EXPECT_THAT(e.what(), HasSubstr("例: \"30 6 * * *\"（毎日 6:30）"));
  }
}

TEST(SourceScheduleErrors, IntervalMistakes) {
  expect_error("    schedule: every 6\n", "every 6",
               "'every' expects a duration such as 30s, 10m, 6h, 1d or 1h30m (got '6')");
  expect_error("    schedule: every\n", "every", "'every' expects a duration");
  expect_error("    schedule: every 30s\n", "every 30s", "the interval must be at least 1m (got 30s)");
  expect_error("    schedule: {every: 6 hours}\n", "6 hours", "'every' expects a duration such as 30s");
  expect_error("    schedule: {every: 0}\n", "0}", "the interval must be at least 1m (got 0s)");
}

TEST(SourceScheduleErrors, MapMistakes) {
  expect_error("    schedule: {jitter: 5m}\n", "{jitter", "a schedule needs 'cron' (e.g. \"30 6 * * *\") or 'every'");
  expect_error("    schedule: {cron: \"@daily\", every: 1h}\n", "every", "either 'cron' or 'every', not both");
  expect_error("    schedule: {cron: \"@daily\", jiter: 5m}\n", "jiter",
               "unknown key 'jiter' in 'schedule'; expected one of: cron, every, jitter, timeout, retries, backoff, "
               "catch_up");
  expect_error("    schedule: [\"@daily\"]\n", "[\"@daily", "expected a string, found a list");
  expect_error("    schedule:\n", "schedule:", "expected a string, found nothing");
}

TEST(SourceScheduleErrors, FieldMistakes) {
  expect_error("    schedule: {cron: \"@daily\", jitter: 5}\n", "5}", "'jitter' expects a duration");
  expect_error("    schedule: {every: 1h, jitter: 1h}\n", "1h}", "jitter 1h must be shorter than the interval 1h");
  expect_error("    schedule: {cron: \"@daily\", timeout: 0s}\n", "0s", "'timeout' must be longer than 0s");
  expect_error("    schedule: {cron: \"@daily\", timeout: 1x}\n", "1x", "'timeout' expects a duration");
  expect_error("    schedule: {cron: \"@daily\", retries: -1}\n", "-1", "'retries' must be 0-20 (got -1)");
  expect_error("    schedule: {cron: \"@daily\", retries: 21}\n", "21", "'retries' must be 0-20 (got 21)");
  expect_error("    schedule: {cron: \"@daily\", retries: two}\n", "two", "expected a whole number, found 'two'");
  expect_error("    schedule: {cron: \"@daily\", backoff: 7h}\n", "7h", "'backoff' 7h is longer than the 6h cap");
  expect_error("    schedule: {cron: \"@daily\", catch_up: sometimes}\n", "sometimes",
               "unknown catch_up 'sometimes'; expected one of: none, latest, all");
}

TEST(SourceIsolationErrors, PointAtTheValue) {
  expect_error("    isolation: thread\n", "thread", "unknown isolation 'thread'; expected one of: worker, none");
  expect_error("    memory_limit: 512MB\n", "512MB", "'memory_limit' expects a size such as 512MiB or 2GiB");
  expect_error("    memory_limit: lots\n", "lots", "'memory_limit' expects a size");
  expect_error("    memory_limit: 1MiB\n", "1MiB", "too small for a worker process: give at least 64MiB");
}

TEST(AppTimezone, UnknownZoneIsAConfigErrorAtItsValue) {
  TempFiles files;
  files.write("strategy.yaml", kStrategy);
  const std::string text = "database: s.db\ntimezone: Asia/Tokio\nstrategy: strategy.yaml\ngrading: {default: kama}\n";
  const std::string path = files.write("sosei.yaml", text);
  try {
    load_config(path);
    ADD_FAILURE() << "Asia/Tokio accepted";
  } catch (const ConfigError& e) {
    EXPECT_EQ(e.where().line, 2);
    EXPECT_EQ(e.where().column, 11);
    EXPECT_THAT(e.message(text::Lang::En), HasSubstr("unknown time zone 'Asia/Tokio'"));
    EXPECT_THAT(e.what(), HasSubstr("タイムゾーン「Asia/Tokio」が"));
  }
}

}  // namespace
}  // namespace sosei::config
