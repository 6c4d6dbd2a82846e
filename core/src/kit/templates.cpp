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

find_package(Sosei CONFIG REQUIRED)  # the SDK headers, sosei_add_plugin() and sosei_add_plugin_test()

# Builds {{name}}.so: hidden visibility, only sosei_plugin_entry exported, no link to the core.
sosei_add_plugin({{name}} SOURCES src/{{name}}_plugin.cpp)

option(BUILD_TESTING "Build the plugin's unit tests" ON)
if(BUILD_TESTING)
  enable_testing()
  find_package(GTest REQUIRED)
  # {{name}}_test: the plugin's sources with its tests, run on sosei/testing.hpp's fake host.
  sosei_add_plugin_test({{name}} SOURCES tests/{{name}}_test.cpp)
endif()
)tmpl";

// One plugin source for both kinds: it reads `file` or fetches `url` (sosei::kInputSettings), so the
// kind only changes the example source and the tests.
constexpr const char* kPlugin =
    R"tmpl(// {{name}} ({{department}}): reads a table of KPI values (period, value, note) — a CSV, TSV or XLSX
// file (setting `file`), or one published at a URL (setting `url`), downloaded through the host's HTTP
// service (timeouts, retries, ETag: an unchanged file is not imported twice) — and emits one
// observation per row. Replace the parsing with what your data need.
#include <sosei/csv.hpp>
#include <sosei/notation.hpp>
#include <sosei/plugin.hpp>

#include <array>
#include <string>

namespace {

// What `sosei plugin check` says the plugin does, above its settings' help texts. Both are written in
// Japanese: the department's staff read them when they write the source's settings in sources.yaml.
constexpr const char* kDescription = "表（期間・値・備考の列）から KPI の値を取り込みます";

// What the source configuration may set (checked by the host before the run): the usual file, url,
// encoding and sheet, then this plugin's own. Each default is declared here, once.
constexpr std::array<sosei_setting_spec, 4> kOwnSettings{{
    {"kpi", SOSEI_SETTING_STRING, 1, nullptr, "値を入れる KPI の id（strategy.yaml にあるもの）"},
    {"period_column", SOSEI_SETTING_STRING, 0, "", "期間の列: R7、2025年度、2025-04 など（省略時: period か 年度）"},
    {"value_column", SOSEI_SETTING_STRING, 0, "", "値の列: 5件 / 1,234人 / 未実施 など（省略時: value か 値）"},
    {"note_column", SOSEI_SETTING_STRING, 0, "", "備考の列（省略時: note か 備考。なくても可）"},
}};
constexpr auto kSettings = sosei::join_settings(sosei::kInputSettings, kOwnSettings);
// "*": the plugin emits the KPIs its source is bound to.
constexpr std::array<sosei_series_spec, 1> kSeries{{{"*", "", "設定 kpi で指定した KPI"}}};
// Series of your own, or dimensions (route, spot…)? Give them Japanese and English display names for
// the report: a table of sosei::series_name / dimension_name / value_name after kSeries in info().

class {{Name}} : public sosei::Plugin {
 public:
  static sosei::PluginInfo info() {
    // Name, version, owning department, description, settings, series (then display names, if any).
    return {"{{name}}", "0.1.0", "{{department}}", kDescription, kSettings, kSeries};
  }

  void run(sosei::Context& ctx) override {
    const std::string kpi = ctx.required_setting("kpi");
    // A fetched file the server says has not changed ends the run here, recorded as unchanged.
    sosei::Input input = ctx.open_configured_input();
    const std::string file = input.name();
    sosei::CsvReader reader(input);
    // Messages in Japanese, the language of the people who read them (sosei words the SDK's own).
    if (!reader.next()) throw sosei::PluginError(SOSEI_ERR_INPUT, file + " が空です。1 行目に見出しを書いてください");
    // Columns by the name a setting gives, else by their usual names (１月, "年 度" and 年度 are alike).
    const sosei::ColumnFinder header(reader);
    const std::size_t period_at =
        header.require(ctx.string_setting("period_column"), {"period", "年度"}, "年度", "period_column");
    const std::size_t value_at =
        header.require(ctx.string_setting("value_column"), {"value", "値"}, "値", "value_column");
    const auto note_at = header.find(ctx.string_setting("note_column"), {"note", "備考"}, "note_column");

    while (reader.next()) {
      std::string error;
      const auto period = sosei::parse_period(reader.cell(period_at), SOSEI_PERIOD_FISCAL_YEAR, &error);
      const auto value = period ? sosei::parse_value(reader.cell(value_at), &error) : std::nullopt;
      if (!value) {
        ctx.reject(file, reader.line(), error);
        continue;  // only reached when the source skips bad rows
      }
      sosei::Observation o;
      o.series = kpi;
      o.period = *period;
      o.value_kind = static_cast<sosei_value_kind>(value->kind);
      o.number = value->number;
      if (note_at) o.note = reader.cell(*note_at);
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

TEST({{Name}}, JapaneseColumnNamesAreFoundToo) {
  auto host = host_with("年 度,値,備考\nＲ７,８件,速報値\n");
  ASSERT_EQ(host.run(sosei_plugin_entry()), SOSEI_OK) << host.error();
  ASSERT_EQ(host.observations().size(), 1u);
  EXPECT_EQ(host.observations()[0].period.year, 2025);
  EXPECT_EQ(host.observations()[0].note, "速報値");
}

TEST({{Name}}, AMissingColumnIsAnInputError) {
  auto host = host_with("年,件数\nR6,5件\n");
  EXPECT_EQ(host.run(sosei_plugin_entry()), SOSEI_ERR_INPUT);
  EXPECT_NE(host.error().find("no column for 年度"), std::string::npos) << host.error();
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
Reads a table with the columns `period` (or `年度`), `value` (or `値`) and optionally `note` (or `備考`),
one row per period, from `file` or `url`, and emits one observation of the KPI named by the `kpi`
setting per row; the `*_column` settings name other columns. Values use the city's notation
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
      {"src/{{name}}_plugin.cpp", kPlugin},
      {"tests/{{name}}_test.cpp", import ? kImportTest : kFetchTest},
      {"README.md", kReadme},
      {"source.example.yaml", import ? kImportSource : kFetchSource},
      {"data/sample.csv", kSample},
  };
}

}  // namespace sosei::kit
