// End to end: a small strategy and a CSV in a temporary folder, imported through the csv plugin by
// the built `sosei` binary, then `evaluate --json`; and the bundled Kama City data as of FY2025.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

namespace sosei::evaluate::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Result {
  int exit_code = -1;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class EvaluateE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sosei-evaluate-e2e-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  void write(const std::string& name, const std::string& text) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  Result sosei(const fs::path& config, const std::string& args) {
    const auto out = dir_ / "stdout.txt", err = dir_ / "stderr.txt";
    const std::string cmd = std::string(SOSEI_TEST_BINARY_DIR) + "/sosei --config '" + config.string() + "' --db '" +
                            (dir_ / "sosei.db").string() + "' " + args + " >'" + out.string() + "' 2>'" + err.string() +
                            "' </dev/null";
    const int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
  }
  json evaluate_json(const fs::path& config, const std::string& args) {
    const Result r = sosei(config, "evaluate --json " + args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  }
  fs::path dir_;
};

std::map<std::string, std::string> grades(const json& ev) {
  std::map<std::string, std::string> g;
  for (const auto& k : ev["kpis"]) g[k["id"].get<std::string>()] = k["grade"]["symbol"].get<std::string>();
  return g;
}

// {symbol: [count, share]} of a rollup.
std::map<std::string, std::pair<int, int>> counts(const json& rollup) {
  std::map<std::string, std::pair<int, int>> c;
  for (const auto& g : rollup["grades"])
    c[g["symbol"].get<std::string>()] = {g["count"].get<int>(), g["share_percent"].get<int>()};
  return c;
}

const char* kStrategy = R"(strategy:
  name: テスト戦略
  city: テスト市
  period: {from: R7, to: R11}
goals:
  - no: 1
    name: 働く場をつくる
    measures:
      - name: 創業支援
        projects:
          - name: 創業支援事業
            kpis:
              - id: founders
                name: 創業者数
                unit: 件
                department: 産業振興課
                baseline: {value: 5件, year: R5}
                target: {value: 5年間に40件, kind: cumulative}
              - id: riders
                name: バス利用者数
                unit: 人
                department: 交通政策課
                baseline: {value: 500人, year: R5}
                target: {value: 600人, kind: level}
  - no: 2
    name: 暮らしを守る
    measures:
      - name: 子育て
        kpis:
          - id: survey
            name: 社会資源の調査
            department: 子育て支援課
            baseline: {value: 未着手, year: R5}
            target: {value: 実施, kind: done}
          - id: joint
            name: 連携事業実施数
            unit: 事業
            department: 総合政策課
            baseline: {value: 21事業, year: R5}
            target: {value: 21事業以上, kind: at_least}
          - id: clinics
            name: 診療所数
            unit: 件
            department: 総合政策課
            baseline: {value: 3件, year: R5}
            target: {value: 4件, kind: level}
)";

const char* kSources = R"(sources:
  - id: values
    plugin: csv
    kpis: [founders, riders, survey, joint, clinics]
    settings:
      file: values.csv
      kpi_column: kpi
      period_column: period
      value_column: value
      period_type: fiscal_year
)";

const char* kCsv =
    "kpi,period,value\n"
    "founders,R7,12件\n"
    "founders,R8,20件\n"
    "riders,R7,480人\n"
    "riders,R8,470人\n"
    "survey,R7,実施\n"
    "joint,R7,20事業\n";

const char* kConfig =
    "database: sosei.db\nplugin_dirs: []\nlog: {level: warn, file: \"\"}\ntimezone: Asia/Tokyo\n"
    "strategy: strategy.yaml\nsources: sources.yaml\ngrading: {dir: grading, default: kama}\n";

// Issue 13 §3 end to end: units the strategy declares (組), a bare rate, points against the national
// average stored per school and combined (each), era years in kanji, and the X of missing_period.
const char* kUnitsStrategy = R"(strategy:
  name: テスト戦略
  city: テスト市
  period: {from: R7, to: R11}
goals:
  - no: 1
    name: 学ぶ
    measures:
      - name: 教育
        kpis:
          - id: clubs
            name: 放課後クラブ数
            unit: 組
            department: 教育課
            baseline: {value: 3組, year: R5}
            target: {value: 5組, kind: level}
          - id: fertility
            name: 合計特殊出生率
            department: 子育て支援課
            baseline: {value: "1.43", year: R5}
            target: {value: "1.60", kind: level}
          - id: score_gap
            name: 全国平均との差
            unit: ポイント
            department: 教育課
            allow_negative: true
            baseline: {value: △3ポイント, year: R5}
            target: {value: 0ポイント, kind: reach}
            combine: {by: school, rule: each, labels: {小学校: 小, 中学校: 中}}
)";

const char* kUnitsSources = R"(sources:
  - id: values
    plugin: csv
    kpis: [clubs, fertility, score_gap]
    settings:
      file: values.csv
      kpi_column: kpi
      period_column: period
      value_column: value
      dimension_columns: school=school
      period_type: fiscal_year
)";

TEST_F(EvaluateE2e, DeclaredUnitsBareRatesPartsAndKanjiYears) {
  write("sosei.yaml", kConfig);
  write("strategy.yaml", kUnitsStrategy);
  write("sources.yaml", kUnitsSources);
  write("values.csv",
        "kpi,period,value,school\n"
        "clubs,令和七年度,5組,\n"
        "fertility,令和七年度,1.52,\n"
        "score_gap,令和七年度,△2.0ポイント,小学校\n"
        "score_gap,令和七年度,△5.0ポイント,中学校\n");
  fs::copy(fs::path(SOSEI_TEST_SOURCE_DIR) / "config" / "grading", dir_ / "grading");
  const fs::path config = dir_ / "sosei.yaml";
  const Result import = sosei(config, "import --all");
  ASSERT_EQ(import.exit_code, 0) << import.out << import.err;

  const json ev = evaluate_json(config, "--as-of 令和七年度");
  EXPECT_EQ(ev["as_of"], "2026-03-31");
  EXPECT_EQ(grades(ev), (std::map<std::string, std::string>{{"clubs", "○"}, {"fertility", "○"}, {"score_gap", "△"}}));
  EXPECT_EQ(ev["kpis"][0]["actual"]["value"]["number"], 5);
  EXPECT_EQ(ev["kpis"][1]["unit"], "");
  const json& gap = ev["kpis"][2];
  EXPECT_EQ(gap["actual"]["value"]["number"], -5);  // the worst part
  EXPECT_EQ(gap["combine"]["rule"], "each");
  ASSERT_EQ(gap["parts"].size(), 2u);
  EXPECT_EQ(gap["parts"][0]["label"], "小");
  EXPECT_EQ(gap["parts"][0]["value"]["number"], -2);
  EXPECT_EQ(gap["parts"][1]["part"], "中学校");
  EXPECT_EQ(gap["parts"][1]["value"]["number"], -5);
  EXPECT_EQ(ev["kpis"][0]["parts"], json::array());  // a total: no parts

  // As of R8 nothing new: carried forward by default, X (当該年度の実績値なし) in abcdx.
  EXPECT_EQ(grades(evaluate_json(config, "--as-of R8 --scheme abcd"))["clubs"], "A");
  const json x = evaluate_json(config, "--as-of R8 --scheme abcdx");
  EXPECT_EQ(grades(x), (std::map<std::string, std::string>{{"clubs", "X"}, {"fertility", "X"}, {"score_gap", "X"}}));
  EXPECT_EQ(x["kpis"][0]["grade"]["label"], "当該年度の実績値なし");
}

TEST_F(EvaluateE2e, ImportThenGradeAndRollUp) {
  write("sosei.yaml", kConfig);
  write("strategy.yaml", kStrategy);
  write("sources.yaml", kSources);
  write("values.csv", kCsv);
  fs::copy(fs::path(SOSEI_TEST_SOURCE_DIR) / "config" / "grading", dir_ / "grading");
  const fs::path config = dir_ / "sosei.yaml";
  const Result import = sosei(config, "import --all");
  ASSERT_EQ(import.exit_code, 0) << import.out << import.err;

  // As of FY2025 only R7 is known: 12 of 40 (30 %) △ though ahead of pace; 480 of 600 is exactly 80 %.
  const json fy2025 = evaluate_json(config, "--as-of FY2025");
  EXPECT_EQ(fy2025["as_of"], "2026-03-31");
  EXPECT_EQ(fy2025["scheme"]["name"], "kama");
  EXPECT_EQ(grades(fy2025),
            (std::map<std::string, std::string>{
                {"founders", "△"}, {"riders", "○"}, {"survey", "○"}, {"joint", "○"}, {"clinics", "×"}}));
  const json& founders = fy2025["kpis"][0];
  EXPECT_EQ(founders["actual"]["formed"], "sum of FY2025 (12) = 12");
  EXPECT_DOUBLE_EQ(founders["ratio"].get<double>(), 0.3);
  EXPECT_DOUBLE_EQ(founders["pace"]["expected"].get<double>(), 8);
  EXPECT_DOUBLE_EQ(founders["pace"]["ratio"].get<double>(), 1.5);
  EXPECT_EQ(founders["pace"]["off_track"], false);
  EXPECT_EQ(founders["forecast"]["note"], "fewer than two points: no forecast");
  EXPECT_EQ(founders["years"][0]["period"], "FY2025");

  // As of FY2026: 32 of 40 = 80 % ○; riders fell to 470 (78.3 %) △; 20 of 21 事業 misses "at least"
  // but its ratio (95 %) is ○ in the city's scheme.
  const json fy2026 = evaluate_json(config, "--as-of R8");
  EXPECT_EQ(grades(fy2026),
            (std::map<std::string, std::string>{
                {"founders", "○"}, {"riders", "△"}, {"survey", "○"}, {"joint", "○"}, {"clinics", "×"}}));
  EXPECT_EQ(fy2026["kpis"][3]["achieved"], false);
  const auto total = counts(fy2026["rollups"]["total"]);
  EXPECT_EQ(fy2026["rollups"]["total"]["kpis"], 5);
  EXPECT_EQ(total.at("○"), std::make_pair(3, 60));
  EXPECT_EQ(total.at("△"), std::make_pair(1, 20));
  EXPECT_EQ(total.at("×"), std::make_pair(1, 20));
  ASSERT_EQ(fy2026["rollups"]["goals"].size(), 2u);
  EXPECT_EQ(counts(fy2026["rollups"]["goals"][0]).at("○"), std::make_pair(1, 50));
  EXPECT_EQ(counts(fy2026["rollups"]["goals"][1]).at("○"), std::make_pair(2, 67));
  EXPECT_EQ(counts(fy2026["rollups"]["goals"][1]).at("×"), std::make_pair(1, 33));
  EXPECT_EQ(fy2026["rollups"]["departments"].size(), 4u);
  EXPECT_DOUBLE_EQ(fy2026["kpis"][0]["forecast"]["value"].get<double>(), 12 + 20 + 28 + 36 + 44);

  // The same values, another scheme: nothing else changes.
  const json abcd = evaluate_json(config, "--as-of R8 --scheme abcd");
  EXPECT_EQ(grades(abcd), (std::map<std::string, std::string>{
                              {"founders", "B"}, {"riders", "C"}, {"survey", "A"}, {"joint", "B"}, {"clinics", "E"}}));

  const Result table = sosei(config, "evaluate --as-of R8 --wide --lang en");
  EXPECT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("創業者数"), std::string::npos);
  EXPECT_NE(table.out.find("sum of FY2025 (12) + FY2026 (20) = 32"), std::string::npos);
  EXPECT_NE(table.out.find("3 (60%)"), std::string::npos);

  const Result unknown = sosei(config, "evaluate --scheme nope");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("評価基準「nope」は "), std::string::npos) << unknown.err;
  EXPECT_NE(unknown.err.find("あるのは: abcd, abcdx, kama, pro_rata"), std::string::npos) << unknown.err;
  const Result unknown_en = sosei(config, "evaluate --scheme nope --lang en");
  EXPECT_EQ(unknown_en.exit_code, 2);
  EXPECT_NE(unknown_en.err.find("(schemes: abcd, abcdx, kama, pro_rata)"), std::string::npos) << unknown_en.err;
  const Result bad_date = sosei(config, "evaluate --as-of someday");
  EXPECT_EQ(bad_date.exit_code, 2);

  write("grading/broken.yaml", "bands:\n  - {symbol: A, min_percent: 80}\n  - {symbol: B}\n");
  const Result broken = sosei(config, "evaluate --scheme broken");
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find("broken.yaml:1:1: キー「other」を評価基準のファイルに書いてください"), std::string::npos)
      << broken.err;
  const Result broken_en = sosei(config, "evaluate --scheme broken --lang en");
  EXPECT_NE(broken_en.err.find("broken.yaml:1:1: missing key 'other' in a grading scheme"), std::string::npos)
      << broken_en.err;
}

// evaluate --save keeps the evaluation; revising a value it used marks it stale, revising one it did
// not use (FY2026 is not published by FY2025) does not.
TEST_F(EvaluateE2e, SavedEvaluationTurnsStaleWhenAUsedValueIsRevised) {
  write("sosei.yaml", kConfig);
  write("strategy.yaml", kStrategy);
  write("sources.yaml", kSources);
  write("values.csv", kCsv);
  fs::copy(fs::path(SOSEI_TEST_SOURCE_DIR) / "config" / "grading", dir_ / "grading");
  const fs::path config = dir_ / "sosei.yaml";
  ASSERT_EQ(sosei(config, "import --all").exit_code, 0);

  const json saved = evaluate_json(config, "--as-of FY2025 --save");
  ASSERT_TRUE(saved.contains("evaluation_id")) << saved.dump();
  const int id = saved["evaluation_id"].get<int>();
  EXPECT_GT(id, 0);
  EXPECT_FALSE(evaluate_json(config, "--as-of FY2025").contains("evaluation_id"));  // not saved again

  auto listed = [&] {
    const Result r = sosei(config, "evaluations --json");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  };
  json list = listed();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["id"], id);
  EXPECT_EQ(list[0]["as_of"], "2026-03-31");
  EXPECT_EQ(list[0]["scheme"], "kama");
  EXPECT_EQ(list[0]["stale"], false);
  std::map<std::string, int> tally;
  for (const auto& g : list[0]["grades"]) tally[g["symbol"].get<std::string>()] = g["count"].get<int>();
  EXPECT_EQ(tally, (std::map<std::string, int>{{"○", 3}, {"△", 1}, {"×", 1}}));

  const Result one = sosei(config, "evaluations --json --id " + std::to_string(id));
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const json full = json::parse(one.out);
  ASSERT_EQ(full["kpis"].size(), 5u);
  EXPECT_EQ(full["kpis"][0]["id"], "founders");
  EXPECT_EQ(full["kpis"][0]["grade"]["symbol"], "△");
  EXPECT_DOUBLE_EQ(full["kpis"][0]["actual"].get<double>(), 12);
  EXPECT_DOUBLE_EQ(full["kpis"][0]["ratio"].get<double>(), 0.3);
  EXPECT_DOUBLE_EQ(full["kpis"][0]["pace_ratio"].get<double>(), 1.5);
  EXPECT_EQ(sosei(config, "evaluations --id 999").exit_code, 2);

  // FY2026 (R8) is not published by FY2025: the evaluation did not use it.
  std::string csv = kCsv;
  auto change = [&](const std::string& from, const std::string& to) {
    const auto at = csv.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    csv.replace(at, from.size(), to);
  };
  change("riders,R8,470人", "riders,R8,475人");
  write("values.csv", csv);
  ASSERT_EQ(sosei(config, "import --all").exit_code, 0);
  EXPECT_EQ(listed()[0]["stale"], false);

  change("founders,R7,12件", "founders,R7,13件");
  write("values.csv", csv);
  const Result reimport = sosei(config, "import --all");
  ASSERT_EQ(reimport.exit_code, 0) << reimport.out << reimport.err;
  list = listed();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["stale"], true);
  EXPECT_TRUE(list[0]["stale_run_id"].is_number());
  const Result text = sosei(config, "evaluations --lang en");
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("stale since run"), std::string::npos) << text.out;
}

// The bundled Kama City data as of FY2025 (the council's February 2026 verification).
TEST_F(EvaluateE2e, BundledKamaCityAsOfFy2025) {
  fs::copy(fs::path(SOSEI_TEST_SOURCE_DIR) / "config", dir_ / "config", fs::copy_options::recursive);
  const fs::path config = dir_ / "config" / "sosei.yaml";
  const Result import = sosei(config, "import --all");  // the city's CSV and the four department plugins
  ASSERT_EQ(import.exit_code, 0) << import.out << import.err;
  const json ev = evaluate_json(config, "--as-of FY2025");
  EXPECT_EQ(ev["kpis"].size(), 18u);  // 16 KPIs and the two numeric targets of the basic goals
  EXPECT_EQ(grades(ev), (std::map<std::string, std::string>{{"startups", "△"},
                                                            {"shop_renovations", "△"},
                                                            {"specialty_products", "△"},
                                                            {"smart_agriculture", "△"},
                                                            {"residential_lots", "△"},
                                                            {"housing_grants", "△"},
                                                            {"nft_furusato", "△"},
                                                            {"tourism_visitors", "△"},
                                                            {"childcare_resource_survey", "×"},
                                                            {"commute_subsidy", "○"},
                                                            {"school_scores", "×"},
                                                            {"classroom_displays", "○"},
                                                            {"city_bus_riders", "△"},
                                                            {"community_organizations", "△"},
                                                            {"disaster_coverage", "△"},
                                                            {"partnership_projects", "○"},
                                                            {"net_migration", "×"},
                                                            {"births", "×"}}));
  const auto total = counts(ev["rollups"]["total"]);
  EXPECT_EQ(ev["rollups"]["total"]["kpis"], 16);
  EXPECT_EQ(total.at("○"), std::make_pair(3, 19));   // 18.75 %
  EXPECT_EQ(total.at("△"), std::make_pair(11, 69));  // 68.75 %
  EXPECT_EQ(total.at("×"), std::make_pair(2, 13));   // 12.5 %
  for (const auto& k : ev["kpis"]) {
    if (k["id"] == "tourism_visitors") {
      EXPECT_EQ(k["actual"]["formed"], "latest: 2024 (calendar year) = 199000");
      EXPECT_EQ(k["actual"]["periods"][0], "2024");
    }
    if (k["id"] == "startups") {
      EXPECT_DOUBLE_EQ(k["pace"]["ratio"].get<double>(), 1.0);
    }
  }
}

}  // namespace
}  // namespace sosei::evaluate::test
