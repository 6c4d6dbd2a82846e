// The serve tests' world (serve_world.hpp).
#include "serve_world.hpp"

#include "common/clock.hpp"
#include "serve/api_token.hpp"

namespace sosei::serve::test {
namespace {

config::Kpi kpi(const std::string& id, const std::string& name, const std::string& unit, const std::string& department,
                config::TargetKind kind, double baseline, double target, bool by_hand) {
  config::Kpi k;
  k.id = id;
  k.name_ja = name;
  k.name_en = "KPI " + id;
  k.unit = unit;
  k.department = department;
  k.baseline = {std::to_string(static_cast<int>(baseline)) + unit, baseline, 2023, {}};
  k.target.kind = kind;
  k.target.value = {std::to_string(static_cast<int>(target)) + unit, target, {}, {}};
  k.target.year = 2029;
  k.min = 0;  // what the loader derives for counts (docs/config.md)
  k.entered_by_hand = by_hand;
  k.goal_no = 1;
  k.goal = "しごとをつくる";
  k.measure = "創業支援";
  k.project = "創業支援事業";
  return k;
}

}  // namespace

config::AppConfig app_config(const std::filesystem::path& database, const std::string& grading_dir) {
  using K = config::TargetKind;
  config::AppConfig c;
  c.config_file = (database.parent_path() / "sosei.yaml").string();
  c.base_dir = database.parent_path().string();
  c.database = database.string();
  c.grading_dir = grading_dir;
  c.default_scheme = "kama";
  config::Strategy& s = c.strategy;
  s.name = "テスト市総合戦略";
  s.city = "テスト市";
  s.first_year = 2025;
  s.last_year = 2029;
  s.history_from = 2020;
  s.goals = {{1, "しごとをつくる", {}, {}}};
  s.kpis.push_back(kpi("startups", "創業者数", "件", "産業振興課", K::Cumulative, 5, 40, true));
  s.kpis.push_back(kpi("shops", "店舗改装件数", "件", "産業振興課", K::Cumulative, 13, 50, false));
  s.kpis.push_back(kpi("groups", "地域運営組織数", "組織", "総合政策課", K::Level, 4, 11, true));
  auto evil = kpi("evil", kEvilName, "件", "産業振興課", K::Cumulative, 1, 10, true);
  evil.note = kEvilNote;
  s.kpis.push_back(evil);
  for (const auto& k : s.kpis) s.goals[0].kpi_ids.push_back(k.id);
  config::Source csv;
  csv.id = "kama_csv";
  csv.plugin = "csv";
  csv.kpis = {"startups", "shops"};
  c.sources.push_back(csv);
  return c;
}

void seed(const std::filesystem::path& database) {
  // Stored a month before the server's "today" (ServeTest::clock_), as a city's data is: the sign-off
  // compares when a value was stored with when it was submitted.
  static const ManualClock kJuly{std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::year{2026} / 7 / 1}}};
  store::StoreConfig where{database.string()};
  where.clock = &kJuly;
  auto store = store::open_store(where);
  auto put = [](store::ImportTransaction& run, const std::string& series, int fiscal_year, double n) {
    store::ObservationData d;
    d.value = Value::of(n);
    run.put({series, Period::fiscal_year(fiscal_year), {}}, d);
  };
  auto run = store->begin_import({"kama_csv", "csv", "1.0.0"});
  put(*run, "startups", 2023, 5);
  put(*run, "startups", 2025, 8);
  put(*run, "shops", 2025, 7);
  run->commit();
  store->begin_import({"tourism", "tourism", "1.0.0"})->fail("HTTP 500 from the prefecture's server");
}

std::string add_token(const std::filesystem::path& database, const std::string& department, store::TokenRole role) {
  const std::string token = new_token();
  store::open_store({database.string()})->add_token(token_sha256(token), department, "test", role);
  return token;
}

}  // namespace sosei::serve::test
