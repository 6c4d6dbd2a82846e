// The files `sosei plugin new` writes. Placeholders: {{name}} {{Name}} {{department}} {{kind}} {{api}}.
// The generated plugin builds against the installed SDK only (find_package(Sosei)); the e2e test in
// tests/kit builds one out of tree, so these texts are compiled and run in CI.
#include "kit/scaffold.hpp"

namespace sosei::kit {
namespace {

constexpr const char* kCMakeLists =
    R"tmpl(# {{name}}: a sosei indicator plugin of {{department}}, built against the installed sosei SDK.
#   cmake -S . -B build -DCMAKE_PREFIX_PATH=<sosei prefix> && cmake --build build && ctest --test-dir build
cmake_minimum_required(VERSION 3.20)
project({{name}} VERSION 0.1.0 LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)

find_package(Sosei CONFIG REQUIRED)  # the SDK headers and sosei_add_plugin()

# Builds {{name}}.so: hidden visibility, only sosei_plugin_entry exported, no link to the core.
sosei_add_plugin({{name}} SOURCES src/{{name}}_plugin.cpp)

option(BUILD_TESTING "Build the plugin's unit tests" ON)
if(BUILD_TESTING)
  enable_testing()
  find_package(GTest REQUIRED)
  include(GoogleTest)
  # The test compiles the plugin's source and runs it on sosei/testing.hpp's fake host.
  add_executable({{name}}_test tests/{{name}}_test.cpp src/{{name}}_plugin.cpp)
  target_link_libraries({{name}}_test PRIVATE Sosei::sdk GTest::gtest_main)
  gtest_discover_tests({{name}}_test)
endif()
)tmpl";

constexpr const char* kImportPlugin =
    R"tmpl(// {{name}} ({{department}}): reads a table of KPI values (period, value, note) from a CSV, TSV or
// XLSX file and emits one observation per row. Replace the parsing with what your data need.
#include <sosei/csv.hpp>
#include <sosei/notation.hpp>
#include <sosei/plugin.hpp>

#include <array>
#include <string>

namespace {

// What the source configuration may set (checked by the host before the run).
constexpr std::array<sosei_setting_spec, 6> kSettings{{
    {"file", SOSEI_SETTING_PATH, 1, nullptr, "the table to import (CSV, TSV or XLSX)"},
    {"kpi", SOSEI_SETTING_STRING, 1, nullptr, "the KPI id the values belong to (from strategy.yaml)"},
    {"encoding", SOSEI_SETTING_STRING, 0, "auto", "auto (UTF-8 or CP932, detected), utf-8 or cp932"},
    {"period_column", SOSEI_SETTING_STRING, 0, "period", "column with the period (R7, 2025年度, 2025-04…)"},
    {"value_column", SOSEI_SETTING_STRING, 0, "value", "column with the value (5件, 1,234人, 未実施…)"},
    {"note_column", SOSEI_SETTING_STRING, 0, "note", "column with a note (optional)"},
}};
// "*": the plugin emits the KPIs its source is bound to.
constexpr std::array<sosei_series_spec, 1> kSeries{{{"*", "", "the KPI named by the kpi setting"}}};

class {{Name}} : public sosei::Plugin {
 public:
  static sosei::PluginInfo info() {
    return {"{{name}}", "0.1.0", "{{department}}", "KPI values from a table (period, value, note)", kSettings, kSeries};
  }

  void run(sosei::Context& ctx) override {
    const std::string kpi = ctx.required_setting("kpi");
    sosei::Input input = ctx.open_file(ctx.required_setting("file"), ctx.setting_or("encoding", "auto"));
    const std::string file = input.name();
    sosei::CsvReader reader(input);
    if (!reader.next()) throw sosei::PluginError(SOSEI_ERR_INPUT, file + " is empty: expected a header row");
    const sosei::CsvHeader header(reader);
    const std::size_t period_at = header.require(ctx.setting_or("period_column", "period"), "the period");
    const std::size_t value_at = header.require(ctx.setting_or("value_column", "value"), "the value");
    const auto note_at = header.find(ctx.setting_or("note_column", "note"));

    while (reader.next()) {
      std::string error;
      const auto period = period_at < reader.size()
                              ? sosei::parse_period(reader.field(period_at), SOSEI_PERIOD_FISCAL_YEAR, &error)
                              : std::nullopt;
      if (!period) {
        ctx.reject(file, reader.line(), error.empty() ? "the row has no period" : error);
        continue;  // only reached when the source skips bad rows
      }
      const auto value = value_at < reader.size() ? sosei::parse_value(reader.field(value_at), &error) : std::nullopt;
      if (!value) {
        ctx.reject(file, reader.line(), error.empty() ? "the row has no value" : error);
        continue;
      }
      sosei::Observation o;
      o.series = kpi;
      o.period = *period;
      o.value_kind = static_cast<sosei_value_kind>(value->kind);
      o.number = value->number;
      if (note_at && *note_at < reader.size()) o.note = reader.field(*note_at);
      o.file = file;
      o.line = reader.line();
      ctx.emit(o);
    }
  }
};

}  // namespace

SOSEI_PLUGIN({{Name}})
)tmpl";

constexpr const char* kFetchPlugin =
    R"tmpl(// {{name}} ({{department}}): downloads a table of KPI values (period, value, note) published as CSV at
// a URL, through the host's HTTP service (timeouts, retries, ETag: an unchanged file is not
// imported twice), and emits one observation per row. Replace the parsing with what your data need.
#include <sosei/csv.hpp>
#include <sosei/notation.hpp>
#include <sosei/plugin.hpp>

#include <array>
#include <string>

namespace {

constexpr std::array<sosei_setting_spec, 6> kSettings{{
    {"url", SOSEI_SETTING_URL, 1, nullptr, "where the table is published (http:// or https://)"},
    {"kpi", SOSEI_SETTING_STRING, 1, nullptr, "the KPI id the values belong to (from strategy.yaml)"},
    {"encoding", SOSEI_SETTING_STRING, 0, "auto", "auto (UTF-8 or CP932, detected), utf-8 or cp932"},
    {"period_column", SOSEI_SETTING_STRING, 0, "period", "column with the period (R7, 2025年度, 2025-04…)"},
    {"value_column", SOSEI_SETTING_STRING, 0, "value", "column with the value (5件, 1,234人, 未実施…)"},
    {"note_column", SOSEI_SETTING_STRING, 0, "note", "column with a note (optional)"},
}};
constexpr std::array<sosei_series_spec, 1> kSeries{{{"*", "", "the KPI named by the kpi setting"}}};

class {{Name}} : public sosei::Plugin {
 public:
  static sosei::PluginInfo info() {
    return {"{{name}}", "0.1.0", "{{department}}", "KPI values from a published table (period, value, note)",
            kSettings, kSeries};
  }

  void run(sosei::Context& ctx) override {
    const std::string kpi = ctx.required_setting("kpi");
    // Throws RunStopped(SOSEI_UNCHANGED) when the server says the file has not changed: the host
    // records the run as unchanged.
    sosei::Input input = ctx.fetch(ctx.required_setting("url"), ctx.setting_or("encoding", "auto"));
    const std::string file = input.name();
    sosei::CsvReader reader(input);
    if (!reader.next()) throw sosei::PluginError(SOSEI_ERR_INPUT, file + " is empty: expected a header row");
    const sosei::CsvHeader header(reader);
    const std::size_t period_at = header.require(ctx.setting_or("period_column", "period"), "the period");
    const std::size_t value_at = header.require(ctx.setting_or("value_column", "value"), "the value");
    const auto note_at = header.find(ctx.setting_or("note_column", "note"));

    while (reader.next()) {
      std::string error;
      const auto period = period_at < reader.size()
                              ? sosei::parse_period(reader.field(period_at), SOSEI_PERIOD_FISCAL_YEAR, &error)
                              : std::nullopt;
      if (!period) {
        ctx.reject(file, reader.line(), error.empty() ? "the row has no period" : error);
        continue;
      }
      const auto value = value_at < reader.size() ? sosei::parse_value(reader.field(value_at), &error) : std::nullopt;
      if (!value) {
        ctx.reject(file, reader.line(), error.empty() ? "the row has no value" : error);
        continue;
      }
      sosei::Observation o;
      o.series = kpi;
      o.period = *period;
      o.value_kind = static_cast<sosei_value_kind>(value->kind);
      o.number = value->number;
      if (note_at && *note_at < reader.size()) o.note = reader.field(*note_at);
      o.file = file;
      o.line = reader.line();
      ctx.emit(o);
    }
  }
};

}  // namespace

SOSEI_PLUGIN({{Name}})
)tmpl";

constexpr const char* kImportTest =
    R"tmpl(// Unit tests of {{name}} on the fake host (sosei/testing.hpp): no core, no database.
#include <gtest/gtest.h>
#include <sosei/testing.hpp>

extern "C" const sosei_plugin_descriptor* sosei_plugin_entry(void);

namespace {

sosei::testing::FakeHost host_with(const std::string& table) {
  sosei::testing::FakeHost host;
  host.setting("file", "values.csv").setting("kpi", "startups").file("values.csv", table);
  return host;
}

}  // namespace

TEST({{Name}}, EmitsOneObservationPerRow) {
  auto host = host_with("period,value,note\nR6,5件,\n令和7年度,8件,速報値\n");
  ASSERT_EQ(host.run(sosei_plugin_entry()), SOSEI_OK) << host.error();
  ASSERT_EQ(host.observations().size(), 2u);
  const auto& r7 = host.observations()[1];
  EXPECT_EQ(r7.series, "startups");
  EXPECT_EQ(r7.period.kind, SOSEI_PERIOD_FISCAL_YEAR);
  EXPECT_EQ(r7.period.year, 2025);
  EXPECT_EQ(r7.number, 8);
  EXPECT_EQ(r7.note, "速報値");
  EXPECT_EQ(r7.line, 3u);
}

TEST({{Name}}, ABadRowFailsTheRunWithItsLine) {
  auto host = host_with("period,value\nR6,5件\nR7,たくさん\n");
  EXPECT_EQ(host.run(sosei_plugin_entry()), SOSEI_ERR_REJECTED);
  ASSERT_EQ(host.rejections().size(), 1u);
  EXPECT_EQ(host.rejections()[0].line, 3u);
}

TEST({{Name}}, ABadRowIsSkippedWhenTheSourceSaysSo) {
  auto host = host_with("period,value\nR6,5件\nR7,たくさん\nR8,7件\n");
  host.skip_bad_rows();
  ASSERT_EQ(host.run(sosei_plugin_entry()), SOSEI_OK) << host.error();
  EXPECT_EQ(host.observations().size(), 2u);
  EXPECT_EQ(host.rejections().size(), 1u);
}

TEST({{Name}}, AMissingColumnIsAnInputError) {
  auto host = host_with("年度,件数\nR6,5件\n");
  EXPECT_EQ(host.run(sosei_plugin_entry()), SOSEI_ERR_INPUT);
  EXPECT_NE(host.error().find("missing column \"period\""), std::string::npos) << host.error();
}
)tmpl";

constexpr const char* kFetchTest =
    R"tmpl(// Unit tests of {{name}} on the fake host (sosei/testing.hpp): canned HTTP replies, no network.
#include <gtest/gtest.h>
#include <sosei/testing.hpp>

extern "C" const sosei_plugin_descriptor* sosei_plugin_entry(void);

namespace {

const char* const kUrl = "https://example.lg.jp/opendata/values.csv";

sosei::testing::FakeHost host_with(sosei::testing::HttpReply reply) {
  sosei::testing::FakeHost host;
  host.setting("url", kUrl).setting("kpi", "startups").http(kUrl, std::move(reply));
  return host;
}

}  // namespace

TEST({{Name}}, EmitsOneObservationPerRow) {
  auto host = host_with({200, "period,value,note\nR6,5件,\n令和7年度,8件,速報値\n"});
  ASSERT_EQ(host.run(sosei_plugin_entry()), SOSEI_OK) << host.error();
  ASSERT_EQ(host.observations().size(), 2u);
  EXPECT_EQ(host.observations()[1].period.year, 2025);
  EXPECT_EQ(host.observations()[1].number, 8);
  EXPECT_EQ(host.fetched().size(), 1u);
}

TEST({{Name}}, AnUnchangedFileIsReportedAsUnchanged) {
  auto host = host_with({304, ""});
  EXPECT_EQ(host.run(sosei_plugin_entry()), SOSEI_UNCHANGED);
  EXPECT_TRUE(host.observations().empty());
}

TEST({{Name}}, AServerErrorFailsTheRun) {
  auto host = host_with({500, "oops"});
  EXPECT_EQ(host.run(sosei_plugin_entry()), SOSEI_ERR_IO);
  EXPECT_NE(host.error().find("500"), std::string::npos) << host.error();
}

TEST({{Name}}, ABadRowFailsTheRunWithItsLine) {
  auto host = host_with({200, "period,value\nR6,5件\nR7,たくさん\n"});
  EXPECT_EQ(host.run(sosei_plugin_entry()), SOSEI_ERR_REJECTED);
  ASSERT_EQ(host.rejections().size(), 1u);
  EXPECT_EQ(host.rejections()[0].line, 3u);
}
)tmpl";

constexpr const char* kReadme = R"tmpl(# {{name}} — sosei indicator plugin

| | |
|---|---|
| Owner | {{department}} (person to contact: …) |
| Kind | {{kind}} |
| Data source | … (who publishes it, where, how often, in which format and encoding) |
| KPI(s) fed | … (ids from strategy.yaml) |
| SDK | sosei plugin API v{{api}} |

## What it does
Reads a table with the columns `period`, `value` and optionally `note`, one row per period, and emits
one observation of the KPI named by the `kpi` setting per row. Values use the city's notation
(`5件`, `1,234人`, `未実施`); periods may be `R7`, `令和7年度`, `2025年度`, `2025-04`, … (a bare year is a
fiscal year). Describe here what your version reads and any rule it applies.

## Settings
See `kSettings` in `src/{{name}}_plugin.cpp` (`sosei plugin check build/{{name}}.so` prints them).

## Build, test, check
```sh
cmake -S . -B build -DCMAKE_PREFIX_PATH=/usr/local   # where sosei is installed
cmake --build build && ctest --test-dir build
sosei plugin check build/{{name}}.so --settings source.example.yaml
```

## Install
Copy `build/{{name}}.so` into a folder listed in `plugin_dirs` of sosei.yaml (or sosei's
`lib/sosei/plugins`), add the source from `source.example.yaml` to sources.yaml, then
`sosei validate` and `sosei import {{name}}`.
)tmpl";

constexpr const char* kImportSource =
    R"tmpl(# An example source for sources.yaml (docs/config.md). `sosei plugin check` reads its settings.
id: {{name}}
plugin: {{name}}
kpis: [startups]              # the KPI ids this source may feed
schedule: {cron: "0 6 * * *", catch_up: latest}
on_bad_row: fail              # or skip
settings:
  file: data/sample.csv
  kpi: startups
)tmpl";

constexpr const char* kFetchSource =
    R"tmpl(# An example source for sources.yaml (docs/config.md). `sosei plugin check` reads its settings.
id: {{name}}
plugin: {{name}}
kpis: [startups]              # the KPI ids this source may feed
schedule: {cron: "0 6 * * *", retries: 3, backoff: 10m, catch_up: latest}
on_bad_row: fail              # or skip
settings:
  url: https://example.lg.jp/opendata/values.csv
  kpi: startups
)tmpl";

constexpr const char* kSample = R"tmpl(period,value,note
R5,5件,基準値
R6,6件,
R7,8件,速報値
)tmpl";

}  // namespace

std::vector<TemplateFile> scaffold_templates(PluginKind kind) {
  const bool import = kind == PluginKind::Import;
  return {
      {"CMakeLists.txt", kCMakeLists},
      {"src/{{name}}_plugin.cpp", import ? kImportPlugin : kFetchPlugin},
      {"tests/{{name}}_test.cpp", import ? kImportTest : kFetchTest},
      {"README.md", kReadme},
      {"source.example.yaml", import ? kImportSource : kFetchSource},
      {"data/sample.csv", kSample},
  };
}

}  // namespace sosei::kit
