// The `sosei` binary end to end on the bundled Kama City configuration.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>
#include <regex>
#include <utility>
#include <vector>

#include "sosei_runner.hpp"

using nlohmann::json;
using sosei::test_support::SoseiRunner;

namespace {

json values_of(const SoseiRunner& s, const std::string& kpi) {
  auto r = s.run("values " + kpi + " --json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

const json* find_period(const json& values, const std::string& period) {
  for (const auto& v : values)
    if (v["period"] == period && v["dimensions"].empty()) return &v;
  return nullptr;
}

void replace_in_file(const std::filesystem::path& p, const std::string& from, const std::string& to) {
  std::string text = sosei::test_support::read_file(p);
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from << " not in " << p;
  text.replace(at, from.size(), to);
  std::ofstream(p, std::ios::binary) << text;
}

}  // namespace

TEST(CliEndToEnd, ImportsTheBundledDataAndShowsTheNumbers) {
  SoseiRunner s("import");
  auto r = s.run("import kama_values");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("kama_values: 成功 — 受理 24 件（新規 24、改訂 0）、却下 0 件、実行 1"), std::string::npos)
      << r.out;
  auto startups = values_of(s, "startups");
  ASSERT_NE(find_period(startups, "FY2023"), nullptr) << startups.dump();
  EXPECT_EQ((*find_period(startups, "FY2023"))["value"], 5);
  EXPECT_EQ((*find_period(startups, "FY2025"))["value"], 8);
  auto survey = values_of(s, "childcare_resource_survey");
  ASSERT_NE(find_period(survey, "FY2025"), nullptr) << survey.dump();
  EXPECT_EQ((*find_period(survey, "FY2025"))["value"], "not_carried_out");
  EXPECT_TRUE(std::filesystem::exists(s.dir() / "out" / "sosei.db"));
}

TEST(CliEndToEnd, ImportAllRunsTheCsvAndEveryDepartmentPlugin) {
  SoseiRunner s("all");
  auto r = s.run("import --all");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  for (const char* source : {"kama_values", "tourism", "bus_ridership", "disaster_coverage", "school_scores"})
    EXPECT_NE(r.out.find(std::string(source) + ": 成功 — "), std::string::npos) << source << "\n" << r.out;
  auto tourism = values_of(s, "tourism_visitors");
  ASSERT_NE(find_period(tourism, "2024"), nullptr) << tourism.dump();
  EXPECT_EQ((*find_period(tourism, "2024"))["value"], 199000);
  auto bus = values_of(s, "city_bus_riders");
  ASSERT_NE(find_period(bus, "FY2025"), nullptr) << bus.dump();
  EXPECT_EQ((*find_period(bus, "FY2025"))["value"], 100084);
  EXPECT_EQ((*find_period(bus, "FY2023"))["value"], 130108);
  auto coverage = values_of(s, "disaster_coverage");
  ASSERT_NE(find_period(coverage, "FY2025"), nullptr) << coverage.dump();
  EXPECT_NEAR((*find_period(coverage, "FY2025"))["value"].get<double>(), 34.96, 0.005);
  // A second run of everything changes nothing: each value has exactly one source.
  ASSERT_EQ(s.run("import --all").exit_code, 0);
  for (const auto& run : json::parse(s.run("runs --json --limit 5").out)) EXPECT_EQ(run["revised"], 0) << run.dump();
}

TEST(CliEndToEnd, SameFileTwiceRecordsTwoRunsAndNoRevision) {
  SoseiRunner s("twice");
  // The first import makes the database and says so (a database that went away must not start again
  // unnoticed); the second finds it.
  const auto first = s.run("import kama_values");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("がなかったので新しく作りました"), std::string::npos) << first.err;
  const auto second = s.run("import kama_values");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.err.find("新しく作りました"), std::string::npos) << second.err;
  auto runs = json::parse(s.run("runs --json").out);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0]["revised"], 0);
  EXPECT_EQ(runs[0]["inserted"], 0);
  EXPECT_EQ(runs[0]["fingerprint"], runs[1]["fingerprint"]);
  for (const auto& v : values_of(s, "startups")) EXPECT_EQ(v["revisions"], 0);
}

TEST(CliEndToEnd, ChangingOneValueRecordsExactlyOneRevision) {
  SoseiRunner s("revision");
  ASSERT_EQ(s.run("import kama_values").exit_code, 0);
  replace_in_file(s.dir() / "config" / "data" / "kama-kpi-values.csv", "startups,R7,8件", "startups,R7,9件");
  auto r = s.run("import kama_values --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto run = json::parse(r.out);
  EXPECT_EQ(run["revised"], 1);
  EXPECT_EQ(run["inserted"], 0);
  auto h = json::parse(s.run("history startups R7 --json").out);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0]["first_value"], 8);
  ASSERT_EQ(h[0]["revisions"].size(), 1u);
  EXPECT_EQ(h[0]["revisions"][0]["old"], 8);
  EXPECT_EQ(h[0]["revisions"][0]["new"], 9);
  int revised = 0;
  for (const auto& v : values_of(s, "startups")) revised += v["revisions"].get<int>();
  EXPECT_EQ(revised, 1);
}

TEST(CliEndToEnd, BadRowFailsWithFileLineAndLeavesDataUnchanged) {
  SoseiRunner s("badrow");
  ASSERT_EQ(s.run("import kama_values").exit_code, 0);
  const std::string before = s.run("values startups --json").out;
  replace_in_file(s.dir() / "config" / "data" / "kama-kpi-values.csv", "startups,R7,8件", "startups,R7,8件件");
  auto r = s.run("import kama_values");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(kama-kpi-values\.csv:\d+)"))) << r.out;
  EXPECT_NE(r.out.find("on_bad_row: skip"), std::string::npos) << "a bad row says how to go on: " << r.out;
  EXPECT_EQ(r.out.find("\n  却下 "), std::string::npos) << "the row that stopped the run, listed again: " << r.out;
  EXPECT_EQ(s.run("values startups --json").out, before);
  auto runs = json::parse(s.run("runs --json").out);
  EXPECT_EQ(runs[0]["status"], "failed");
}

// A 10 MiB value in the CSV: the terminal, `sosei runs` and the stored run show its first 200
// characters and its length, never the whole line.
TEST(CliEndToEnd, AHugeBadRowIsQuotedAsItsStartAndItsLength) {
  SoseiRunner s("hugerow");
  replace_in_file(s.dir() / "config" / "data" / "kama-kpi-values.csv", "startups,R7,8件",
                  "startups,R7,8件" + std::string(10u << 20, 'x'));
  auto r = s.run("import kama_values");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_LT(r.out.size() + r.err.size(), 4096u) << r.out.substr(0, 400);
  EXPECT_NE(r.out.find(" バイト）"), std::string::npos) << r.out.substr(0, 400);
  auto runs = json::parse(s.run("runs --json").out);
  ASSERT_EQ(runs.size(), 1u);
  const std::string error = runs[0]["error"];
  EXPECT_LT(error.size(), 1024u);
  std::smatch length;
  ASSERT_TRUE(std::regex_search(error, length, std::regex(R"(…（全 (\d+) バイト）)"))) << error;
  EXPECT_GE(std::stoll(length[1]), 10ll << 20);
}

// validate reads the grading folder: a folder that is not there is a problem (exit 1), named.
TEST(CliEndToEnd, ValidateNamesAMissingGradingFolder) {
  SoseiRunner s("grading");
  std::filesystem::rename(s.dir() / "config" / "grading", s.dir() / "config" / "grading-old");
  auto r = s.run("validate");
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("評価基準のフォルダ " + (s.dir() / "config" / "grading").string() + " がありません"),
            std::string::npos)
      << r.err;
  EXPECT_NE(s.run("validate --lang en").err.find("the grading folder"), std::string::npos);
}

TEST(CliEndToEnd, PluginsListsCsvWithItsApiVersionAndRefusesOtherVersions) {
  SoseiRunner s("plugins");
  auto r = s.run("plugins --json", std::string("SOSEI_PLUGIN_PATH=") + TEST_PLUGIN_DIR + "/api_too_new");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = json::parse(r.out);
  bool csv = false;
  for (const auto& p : j["plugins"])
    if (p["name"] == "csv") {
      csv = true;
      EXPECT_EQ(p["api_version"], 2);  // built against the current SDK: v2, the display names
      EXPECT_EQ(p["department"], "総合政策課");
    }
  EXPECT_TRUE(csv) << r.out;
  ASSERT_EQ(j["refused"].size(), 1u) << r.out;
  const std::string reason = j["refused"][0]["reason"];
  EXPECT_NE(j["refused"][0]["file"].get<std::string>().find("test_api_too_new.so"), std::string::npos);
  EXPECT_NE(reason.find("API version 99"), std::string::npos) << reason;
  EXPECT_NE(reason.find("1 to 2"), std::string::npos) << reason;
}

// A department checks its plugin on its own file before it adds the source: every bundled plugin
// passes `plugin check` on the demo's input. tourism and school_scores feed the KPI their `kpi`
// setting names, which they do not declare as a series of their own: not a problem.
TEST(CliEndToEnd, EveryBundledPluginPassesPluginCheckOnTheDemoInput) {
  SoseiRunner s("plugin-check-demo");
  const std::string data = (s.dir() / "config" / "data").string();
  const std::vector<std::pair<std::string, std::string>> checks = {
      {"tourism", "file: " + data + "/tourism/kama-visitors-2023-2024.csv\n"},
      {"school_scores", "file: " + data + "/school_scores/kama-gakuryoku-2023-2025.csv\n"},
      {"bus_ridership", "file: " + data + "/bus_ridership/board_alight.txt\nformat: gtfs_ride\nroute_key: route_id\n"},
      {"disaster_coverage", "households_file: " + data + "/disaster_coverage/households.csv\nroster_file: " + data +
                                "/disaster_coverage/roster.csv\nfiscal_years: \"R5,R7\"\n"},
      {"csv", "file: " + data +
                  "/kama-kpi-values.csv\nkpi_column: kpi\nperiod_column: period\nvalue_column: value\nnote_column: "
                  "note\nperiod_type: fiscal_year\n"}};
  for (const auto& [plugin, settings] : checks) {
    const auto file = s.dir() / (plugin + ".settings.yaml");
    std::ofstream(file) << settings;
    const auto check = s.run("plugin check '" + std::string(SOSEI_TEST_BINARY_DIR) + "/plugins/" + plugin +
                             ".so' --settings '" + file.string() + "'");
    EXPECT_EQ(check.exit_code, 0) << plugin << "\n" << check.out << check.err;
    EXPECT_NE(check.out.find("合格: 読めない行 0 件、問題のある観測値 0 件"), std::string::npos) << plugin << "\n"
                                                                                                 << check.out;
    // Values as people read them: grouped and rounded, never a double's 17 digits.
    EXPECT_FALSE(std::regex_search(check.out, std::regex(R"(\d\.\d{7,})"))) << plugin << "\n" << check.out;
  }
}

// The same KPI and year three times in a department's table: an import would keep the first value and
// refuse the others, so the check says so now instead of passing.
TEST(CliEndToEnd, PluginCheckNamesAValueTheTableRepeats) {
  SoseiRunner s("plugin-check-repeat");
  const auto csv = s.dir() / "repeated.csv";
  std::ofstream(csv) << "kpi,period,value\nstartups,R6,8\nstartups,R6,9\nstartups,R7,5\nstartups,R6,8\n";
  const auto settings = s.dir() / "csv.settings.yaml";
  std::ofstream(settings)
      << "file: " << csv.string()
      << "\nkpi_column: kpi\nperiod_column: period\nvalue_column: value\nperiod_type: fiscal_year\n";
  const auto check = s.run("plugin check '" + std::string(SOSEI_TEST_BINARY_DIR) + "/plugins/csv.so' --settings '" +
                           settings.string() + "'");
  EXPECT_EQ(check.exit_code, 1) << check.out << check.err;
  EXPECT_NE(check.out.find("問題のある観測値 2 件"), std::string::npos) << check.out;
  EXPECT_NE(check.out.find("同じ系列・期間・内訳の値がもう出ています（" + csv.string() + ":2）"), std::string::npos)
      << check.out;
}

TEST(CliEndToEnd, ValidateDryRunAndExitCodes) {
  SoseiRunner s("codes");
  auto v = s.run("validate");
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  EXPECT_NE(v.out.find(": 問題なし — KPI "), std::string::npos) << v.out;
  EXPECT_NE(s.run("validate --lang en").out.find(": ok — "), std::string::npos);
  auto dry = s.run("import kama_values --dry-run");
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("kama_values: 試行・保存なし（成功） — 受理 24 件"), std::string::npos) << dry.out;
  auto dry_en = s.run("import kama_values --dry-run --lang en");
  EXPECT_NE(dry_en.out.find("kama_values: dry run, succeeded — 24 accepted (24 new, 0 revised), 0 rejected"),
            std::string::npos)
      << dry_en.out;
  EXPECT_EQ(json::parse(s.run("runs --json").out).size(), 0u);
  EXPECT_EQ(s.run("import nosuchsource").exit_code, 2);
  EXPECT_EQ(s.run("values nosuchkpi").exit_code, 2);
  EXPECT_EQ(s.run("frobnicate").exit_code, 2);
  replace_in_file(s.config(), "strategy:", "strategy_typo:");
  auto bad = s.run("validate");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_TRUE(std::regex_search(bad.err, std::regex(R"(sosei\.yaml:\d+:\d+)"))) << bad.err;
}

TEST(CliEndToEnd, EveryCommandHasHelp) {
  SoseiRunner s("help");
  for (const char* cmd : {"", "validate", "plugins", "import", "runs", "values", "history"}) {
    auto r = s.run(std::string(cmd) + " --help");
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_NE(r.out.find("使い方"), std::string::npos) << cmd << ": " << r.out;  // Japanese unless --lang en
  }
  const auto english = s.run("import --help --lang en");
  EXPECT_NE(english.out.find("Usage: sosei import"), std::string::npos) << english.out;
  // A command line it cannot read: what is wrong in Japanese, naming the option and the value, and
  // where to read more; exit 2.
  const auto refused = s.run("runs --limit many");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("sosei: --limit の値「many」を読み取れません"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("使い方は sosei runs --help"), std::string::npos) << refused.err;
  auto version = s.run("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("sosei 0.1.0"), std::string::npos) << version.out;
}

// Issue 13 §5: a mistyped database is refused by every reader (exit 2, naming the file and what to
// do), never created empty; only import, daemon, serve and init create one.
TEST(CliEndToEnd, ReadCommandsRefuseADatabaseThatDoesNotExist) {
  SoseiRunner s("nodb");
  const auto typo = s.dir() / "out" / "sosie.db";
  for (const std::string cmd : {"evaluate", "evaluations", "report -o r.html", "values startups", "runs",
                                "history startups R7", "status", "token list", "resume kama_values"}) {
    auto r = s.run("--db '" + typo.string() + "' " + cmd);
    EXPECT_EQ(r.exit_code, 2) << cmd << ": " << r.out << r.err;
    EXPECT_NE(r.err.find(typo.string()), std::string::npos) << cmd << ": " << r.err;
    EXPECT_NE(r.err.find("--db"), std::string::npos) << cmd << ": " << r.err;
    EXPECT_NE(r.err.find("sosei import --all"), std::string::npos) << cmd << ": " << r.err;
    EXPECT_NE(r.err.find("sosei init"), std::string::npos) << cmd << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << cmd << ": " << r.out;
    EXPECT_FALSE(std::filesystem::exists(typo)) << cmd << " created it";
  }
  EXPECT_FALSE(std::filesystem::exists(s.dir() / "r.html"));

  // The configured database (out/sosei.db, not created yet) is refused the same way.
  auto configured = s.run("evaluate");
  EXPECT_EQ(configured.exit_code, 2);
  EXPECT_NE(configured.err.find((s.dir() / "out" / "sosei.db").string()), std::string::npos) << configured.err;
  EXPECT_NE(configured.err.find("sosei.yaml"), std::string::npos) << configured.err;

  // init creates it and says where; again, it changes nothing.
  auto created = s.run("--db '" + typo.string() + "' init");
  ASSERT_EQ(created.exit_code, 0) << created.err;
  EXPECT_NE(created.out.find(typo.string()), std::string::npos) << created.out;
  EXPECT_NE(created.out.find("作りました"), std::string::npos) << created.out;
  EXPECT_TRUE(std::filesystem::exists(typo));
  auto again = s.run("--db '" + typo.string() + "' init");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("既にあります"), std::string::npos) << again.out;
  EXPECT_EQ(s.run("--db '" + typo.string() + "' evaluate").exit_code, 0);
  EXPECT_EQ(s.run("init --help").exit_code, 0);
}

// Issue 13 §5: the other mistakes people make get one clear answer each.
TEST(CliEndToEnd, MistakesAreAnsweredClearly) {
  SoseiRunner s("mistakes");
  ASSERT_EQ(s.run("import kama_values").exit_code, 0);

  auto outside = s.run("history startups FY2031");
  EXPECT_EQ(outside.exit_code, 2);
  EXPECT_NE(outside.err.find("FY2031"), std::string::npos) << outside.err;
  EXPECT_NE(outside.err.find("FY2031（令和13年度）"), std::string::npos) << outside.err;
  EXPECT_NE(outside.err.find("平成27年度～令和12年度"), std::string::npos) << outside.err;
  EXPECT_EQ(s.run("history startups R7").exit_code, 0);

  auto no_source = s.run("runs --source nosuch");
  EXPECT_EQ(no_source.exit_code, 2);
  EXPECT_NE(no_source.err.find("nosuch"), std::string::npos) << no_source.err;
  EXPECT_NE(no_source.err.find("kama_values, "), std::string::npos) << no_source.err;
  EXPECT_EQ(s.run("runs --source kama_values").exit_code, 0);
  EXPECT_EQ(s.run("runs --source hand:産業振興課").exit_code, 0);  // hand entry, no run yet

  auto typo = s.run("evalute --json");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("evalute"), std::string::npos) << typo.err;
  EXPECT_NE(typo.err.find("evaluate, "), std::string::npos) << typo.err;
  EXPECT_EQ(typo.err.find("worker"), std::string::npos) << "lists an internal command: " << typo.err;

  auto no_import_source = s.run("import nosource");
  EXPECT_EQ(no_import_source.exit_code, 2);
  EXPECT_NE(no_import_source.err.find((s.dir() / "config" / "sources.yaml").string()), std::string::npos)
      << no_import_source.err;
  EXPECT_EQ(no_import_source.err.find("sosei.yaml"), std::string::npos) << no_import_source.err;

  const std::string missing = (s.dir() / "no-such.csv").string();
  const auto runs_before = json::parse(s.run("runs --json").out).size();
  auto no_file = s.run("import kama_values --file '" + missing + "'");
  EXPECT_EQ(no_file.exit_code, 2);
  const std::string said = no_file.out + no_file.err;
  const auto first = said.find(missing);
  ASSERT_NE(first, std::string::npos) << said;
  EXPECT_EQ(said.find(missing, first + 1), std::string::npos) << "reported twice: " << said;
  EXPECT_EQ(json::parse(s.run("runs --json").out).size(), runs_before) << "recorded a run";
}

// Issue 13 §5: history says who made each change and shows a change of the note alone.
TEST(CliEndToEnd, HistoryShowsWhoChangedAValueAndNoteChanges) {
  SoseiRunner s("history-who");
  ASSERT_EQ(s.run("import kama_values").exit_code, 0);
  replace_in_file(s.dir() / "config" / "data" / "kama-kpi-values.csv", "startups,R7,8件,", "startups,R7,8件,確定値");
  auto second = s.run("import kama_values --json");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(json::parse(second.out)["revised"], 1);
  const json h = json::parse(s.run("history startups R7 --json").out);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0]["first_by"]["source"], "kama_values");
  EXPECT_NE(h[0]["first_by"]["location"].get<std::string>().find("kama-kpi-values.csv:3"), std::string::npos)
      << h.dump();
  ASSERT_EQ(h[0]["revisions"].size(), 1u);
  const json& r = h[0]["revisions"][0];
  EXPECT_EQ(r["old"], 8);  // the keys of before stay
  EXPECT_EQ(r["new"], 8);
  EXPECT_EQ(r["note_changed"], true);
  EXPECT_EQ(r["new_note"], "確定値");
  EXPECT_EQ(r["by"]["source"], "kama_values");
  EXPECT_EQ(r["by"]["run_id"], json::parse(second.out)["id"]);
  const auto table = s.run("history startups R7 --lang en");
  EXPECT_NE(table.out.find("note — → 確定値"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("kama_values run"), std::string::npos) << table.out;
}

// Issue 14 §2–§3: the bundled housing_grants R7 (20件 after 42件, −52 %) trips its max_change warning:
// stored with a flag, listed in Japanese and as JSON, marked in the evaluation, closed with a reason.
TEST(CliEndToEnd, DemoWarningIsFlaggedListedMarkedAndResolved) {
  SoseiRunner s("flags");
  ASSERT_EQ(s.run("import kama_values").exit_code, 0);
  auto listed = s.run("flags --json");
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  auto flags = nlohmann::json::parse(listed.out);
  ASSERT_EQ(flags.size(), 1u) << flags.dump();
  EXPECT_EQ(flags[0]["series"], "housing_grants");
  EXPECT_EQ(flags[0]["period"], "FY2025");
  EXPECT_EQ(flags[0]["rule"], "max_change");
  EXPECT_EQ(flags[0]["level"], "warning");
  EXPECT_EQ(flags[0]["state"], "open");
  EXPECT_EQ(flags[0]["value"], 20);
  EXPECT_EQ(flags[0]["department"], "住宅課");
  const auto table = s.run("flags --open --department 住宅課");
  EXPECT_NE(table.out.find("未解決"), std::string::npos) << table.out;
  // The rule and its detail in words (the JSON above keeps the codes).
  EXPECT_NE(table.out.find("前期比の変化幅"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("前回 42"), std::string::npos) << table.out;
  EXPECT_EQ(table.out.find("max_change"), std::string::npos) << table.out;
  EXPECT_EQ(table.out.find("previous"), std::string::npos) << table.out;
  EXPECT_NE(s.run("flags --open --lang en").out.find("previous 42"), std::string::npos);
  EXPECT_EQ(s.run("flags --department 学校教育課").out.find("前期比の変化幅"), std::string::npos);
  // A mistyped KPI id lists nothing as if all were well: refused, naming what to give.
  for (const char* command : {"flags --kpi housing_grant", "audit --kpi housing_grant"}) {
    const auto typo = s.run(command);
    EXPECT_EQ(typo.exit_code, 2) << command << "\n" << typo.out;
    EXPECT_NE(typo.err.find("KPI「housing_grant」は戦略にありません"), std::string::npos) << command << "\n"
                                                                                          << typo.err;
  }
  // The audit trail says what happened in words, its codes kept for --json.
  const auto audit = s.run("audit --kpi housing_grants");
  ASSERT_EQ(audit.exit_code, 0) << audit.err;
  EXPECT_NE(audit.out.find("確認フラグ発生"), std::string::npos) << audit.out;
  EXPECT_NE(audit.out.find("前期比の変化幅 警告 20"), std::string::npos) << audit.out;
  EXPECT_NE(audit.out.find("前回 42"), std::string::npos) << audit.out;
  EXPECT_EQ(audit.out.find("flag.raise"), std::string::npos) << audit.out;
  EXPECT_EQ(nlohmann::json::parse(s.run("audit --kpi housing_grants --json").out).at(0)["action"], "flag.raise");

  const auto evaluated = s.run("evaluate --as-of R7");
  EXPECT_NE(evaluated.out.find("20 ※"), std::string::npos) << evaluated.out;
  EXPECT_NE(evaluated.out.find("※ 未解決のデータ品質フラグ"), std::string::npos) << evaluated.out;

  const std::string id = std::to_string(flags[0]["id"].get<int64_t>());
  auto resolved = s.run("flags resolve " + id + " --note '制度見直しによる減少と確認'");
  ASSERT_EQ(resolved.exit_code, 0) << resolved.err;
  EXPECT_EQ(s.run("flags resolve " + id + " --note again").exit_code, 1);
  flags = nlohmann::json::parse(s.run("flags --json").out);
  EXPECT_EQ(flags[0]["state"], "resolved");
  EXPECT_EQ(flags[0]["note"], "制度見直しによる減少と確認");
  EXPECT_FALSE(flags[0]["closed_by"].get<std::string>().empty());
  EXPECT_EQ(nlohmann::json::parse(s.run("flags --open --json").out).size(), 0u);
  EXPECT_EQ(s.run("evaluate --as-of R7").out.find("※"), std::string::npos);
}

// An error-level rule under on_bad_row: skip rejects the value and leaves an open error flag, which
// `status --check` reports once the period is due, until it is resolved.
// A cell the notation cannot read is refused in Japanese (the SDK's reason translated where the import
// records it), and in English with --lang en.
TEST(CliEndToEnd, AnUnreadableCellIsExplainedInJapanese) {
  SoseiRunner s("bad-cell");
  replace_in_file(s.dir() / "config" / "sources.yaml", "on_bad_row: fail", "on_bad_row: skip");
  replace_in_file(s.dir() / "config" / "data" / "kama-kpi-values.csv", "commute_subsidy,R7,550人",
                  "commute_subsidy,R7,たくさん");
  ASSERT_EQ(s.run("import kama_values").exit_code, 0);
  const auto runs = s.run("runs --id 1");
  EXPECT_NE(runs.out.find("「たくさん」は数値として読めません（数字（万・千・億と単位を付けてよい"), std::string::npos)
      << runs.out;
  EXPECT_EQ(runs.out.find("is not a number"), std::string::npos) << runs.out;
  SoseiRunner en("bad-cell-en");
  replace_in_file(en.dir() / "config" / "sources.yaml", "on_bad_row: fail", "on_bad_row: skip");
  replace_in_file(en.dir() / "config" / "data" / "kama-kpi-values.csv", "commute_subsidy,R7,550人",
                  "commute_subsidy,R7,たくさん");
  { std::ofstream(en.config(), std::ios::app) << "locale: en\n"; }
  ASSERT_EQ(en.run("import kama_values").exit_code, 0);
  EXPECT_NE(en.run("runs --id 1").out.find("\"たくさん\" is not a number"), std::string::npos);
}

TEST(CliEndToEnd, StatusCheckFailsWhileAnErrorFlagIsOpen) {
  SoseiRunner s("flag-check");
  replace_in_file(s.dir() / "config" / "sources.yaml", "on_bad_row: fail", "on_bad_row: skip");
  replace_in_file(s.dir() / "config" / "data" / "kama-kpi-values.csv", "commute_subsidy,R7,550人",
                  "commute_subsidy,R7,9000人");
  ASSERT_EQ(s.run("import kama_values").exit_code, 0);
  auto flags = nlohmann::json::parse(s.run("flags --json --kpi commute_subsidy").out);
  // 9000人 is both far from 576 (max_change: warning) and impossible (range: error).
  ASSERT_EQ(flags.size(), 2u) << flags.dump();
  EXPECT_EQ(flags[1]["level"], "error");
  EXPECT_EQ(flags[1]["rule"], "range");
  auto before_due = s.run("status --check --as-of 2026-03-01");
  EXPECT_EQ(before_due.out.find("エラー水準フラグ"), std::string::npos) << before_due.out;
  auto due = s.run("status --check --as-of 2026-09-01");
  EXPECT_EQ(due.exit_code, 1);
  EXPECT_NE(due.out.find("未解決のエラー水準フラグ 1 件"), std::string::npos) << due.out;
  ASSERT_EQ(s.run("flags resolve " + std::to_string(flags[1]["id"].get<int64_t>()) + " --note 再提出を依頼").exit_code,
            0);
  EXPECT_EQ(s.run("status --check --as-of 2026-09-01").out.find("エラー水準フラグ"), std::string::npos);
}
