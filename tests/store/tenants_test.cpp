// Many cities in one PostgreSQL database (docs/hub.md): each city's store sees and changes only its own
// rows, the same names live side by side, and the server's row-level security refuses what the
// application might forget — checked through SQL as a role that is neither owner nor BYPASSRLS.
#include <gtest/gtest.h>
#include <unistd.h>

#include "store_fixture.hpp"
#include "support/postgres_database.hpp"

namespace sosei::store::test {
namespace {

const Period kFy2024 = Period::fiscal_year(2024);
constexpr const char* kKama = "402273";     // 嘉麻市
constexpr const char* kIizuka = "402052";   // 飯塚市, same prefecture
constexpr const char* kChiyoda = "131016";  // 千代田区, another prefecture

AuditEvent cli_event(const std::string& action) {
  AuditEvent e;
  e.who.name = "tester";
  e.action = action;
  return e;
}

class CityStores : public StoreTest {
 protected:
  std::unique_ptr<Store> city(const std::string& code, std::vector<std::string> also_reads = {}) {
    StoreConfig config;
    config.city = code;
    config.also_reads = std::move(also_reads);
    return open(config);
  }

  // One run of source "tourism_csv" storing `visitors` for FY2024.
  static void import_visitors(Store& store, double visitors) {
    auto run = store.begin_import(start());
    run->put(key("visitors", kFy2024), number(visitors));
    run->commit();
  }
};
SOSEI_POSTGRES_SUITE(CityStores);

TEST_P(CityStores, EachCitySeesOnlyItsOwnRowsUnderTheSameNames) {
  const auto kama = city(kKama);
  const auto iizuka = city(kIizuka);
  import_visitors(*kama, 199000);
  import_visitors(*iizuka, 512000);
  import_visitors(*kama, 201000);  // a revision in Kama only

  const auto kama_values = kama->values({"visitors", std::nullopt, std::nullopt});
  ASSERT_EQ(kama_values.size(), 1u);
  EXPECT_EQ(kama_values[0].data.value, Value::of(201000));
  EXPECT_EQ(kama_values[0].revision_count, 1);
  const auto iizuka_values = iizuka->values({"visitors", std::nullopt, std::nullopt});
  ASSERT_EQ(iizuka_values.size(), 1u);
  EXPECT_EQ(iizuka_values[0].data.value, Value::of(512000));
  EXPECT_EQ(iizuka_values[0].revision_count, 0);

  EXPECT_EQ(kama->runs().size(), 2u);
  EXPECT_EQ(iizuka->runs().size(), 1u);
  EXPECT_EQ(kama->audit({}).size(), 1u);  // Kama's revision
  EXPECT_TRUE(iizuka->audit({}).empty());
  // A store of the single-city tenant "" on the same database sees neither.
  EXPECT_TRUE(store_->values({"visitors", std::nullopt, std::nullopt}).empty());
  // What the server holds: one source name, one key, per city.
  EXPECT_EQ(query_one("SELECT string_agg(city, ',' ORDER BY city) FROM sources"), std::string(kIizuka) + "," + kKama);
  EXPECT_EQ(query_one("SELECT count(*) FROM observations WHERE series = 'visitors'"), "2");
}

TEST_P(CityStores, TokensApprovalsAndCommentsStayInTheirCity) {
  const auto kama = city(kKama);
  const auto iizuka = city(kIizuka);
  const std::string hash(64, 'a');
  kama->add_token(hash, "産業振興課", "", TokenRole::Department);
  EXPECT_TRUE(kama->token_by_hash(hash));
  EXPECT_FALSE(iizuka->token_by_hash(hash));  // a token of Kama opens nothing in Iizuka
  EXPECT_TRUE(iizuka->tokens().empty());

  const Period r7 = Period::fiscal_year(2025);
  EXPECT_TRUE(kama->change_approval("startups", r7, ApprovalState::Entered, ApprovalState::Submitted,
                                    cli_event("approval.submit")));
  EXPECT_EQ(iizuka->approval("startups", r7).state, ApprovalState::Entered);
  // The same KPI and period can be signed off in each city on its own.
  EXPECT_TRUE(iizuka->change_approval("startups", r7, ApprovalState::Entered, ApprovalState::Submitted,
                                      cli_event("approval.submit")));

  Comment c;
  c.kpi = "startups";
  c.year = 2025;
  c.text = "嘉麻市の説明";
  c.entered_by = "tester";
  EXPECT_EQ(kama->add_comment(c, cli_event("comment.add")).version, 1);
  c.text = "飯塚市の説明";
  EXPECT_EQ(iizuka->add_comment(c, cli_event("comment.add")).version, 1);  // numbered per city
  ASSERT_EQ(kama->comments("startups", true).size(), 1u);
  EXPECT_EQ(kama->comments("startups", true)[0].text, "嘉麻市の説明");
}

TEST_P(CityStores, APrefectureReaderSeesItsCitiesAndWritesNothing) {
  import_visitors(*city(kKama), 199000);
  import_visitors(*city(kIizuka), 512000);
  import_visitors(*city(kChiyoda), 1000);
  const auto fukuoka = city("", {kKama, kIizuka});
  const auto values = fukuoka->values({"visitors", std::nullopt, std::nullopt});
  EXPECT_EQ(values.size(), 2u);  // Kama's and Iizuka's, not Chiyoda's
  EXPECT_EQ(fukuoka->runs().size(), 2u);
  // A reader has no city of its own: an import is refused by the server, and leaves nothing.
  EXPECT_THROW(
      {
        auto run = fukuoka->begin_import(start());
        run->put(key("visitors", kFy2024), number(1));
        run->commit();
      },
      StoreError);
  EXPECT_EQ(query_one("SELECT count(*) FROM observations"), "3");
}

// The hub's view (app/hub_summary.hpp): a reader of several cities gets each city's newest evaluation
// and attention points in one pass, attributed to the right city and only for the cities it reads.
TEST_P(CityStores, AReaderOfSeveralCitiesSeesEachAtAGlance) {
  auto evaluated = [](Store& store, const std::string& as_of, int best) {
    EvaluationRecord e;
    e.as_of = as_of;
    e.scheme = "kama";
    for (int i = 0; i < 3; ++i) {
      EvaluationKpiRecord k;
      k.kpi = "k" + std::to_string(i);
      k.actual = i < 2 ? std::optional<double>(1) : std::nullopt;
      k.grade_index = i < best ? 0 : 2;
      k.grade_symbol = i < best ? "○" : "×";
      k.grade_label = k.grade_symbol;
      e.kpis.push_back(k);
    }
    store.save_evaluation(e, {});
  };
  const auto kama = city(kKama), iizuka = city(kIizuka), chiyoda = city(kChiyoda);
  import_visitors(*kama, 199000);
  evaluated(*kama, "2025-03-31", 1);
  evaluated(*kama, "2026-03-31", 2);  // the newest counts
  evaluated(*iizuka, "2026-03-31", 0);
  evaluated(*chiyoda, "2026-03-31", 3);
  iizuka->begin_import(start())->fail("読めません");
  kama->quarantine({"tourism_api", "", "接続できません", 5});

  const auto glances = city("", {kKama, kIizuka})->city_glances();
  ASSERT_EQ(glances.size(), 2u);  // not 千代田区's
  const CityGlance& i = glances[0];
  const CityGlance& k = glances[1];
  EXPECT_EQ(i.city, kIizuka);
  EXPECT_EQ(k.city, kKama);
  ASSERT_TRUE(k.latest);
  EXPECT_EQ(k.latest->as_of, "2026-03-31");
  EXPECT_EQ(k.counted, 3);
  EXPECT_EQ(k.with_value, 2);
  EXPECT_EQ(k.best_grade, 2);
  ASSERT_EQ(k.latest->grades.size(), 2u);
  EXPECT_EQ(k.latest->grades[0].symbol, "○");
  EXPECT_EQ(k.latest->grades[0].count, 2);
  EXPECT_EQ(k.stopped_sources, std::vector<std::string>{"tourism_api"});
  EXPECT_TRUE(k.failing_sources.empty());
  EXPECT_EQ(i.best_grade, 0);
  EXPECT_EQ(i.failing_sources, std::vector<std::string>{"tourism_csv"});
  // The same as each city's own store says through the per-city queries.
  EXPECT_EQ(k.latest->grades[1].count, kama->evaluation(k.latest->id)->grades[1].count);
  // A city's own store sees only itself.
  const auto own = iizuka->city_glances();
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].city, kIizuka);
}

TEST_P(CityStores, AReaderOfSeveralCitiesReadsTheirNumbersInOneGo) {
  const auto kama = city(kKama), iizuka = city(kIizuka), chiyoda = city(kChiyoda);
  import_visitors(*kama, 199000);
  import_visitors(*iizuka, 512000);
  import_visitors(*chiyoda, 1000000);
  {
    auto run = kama->begin_import(start());
    run->put(key("visitors", kFy2024), number(199000));
    run->put(key("visitors", Period::fiscal_year(2023)), number(180000));
    run->put(key("visitors", kFy2024, {{"spot", "嘉穂劇場"}}), number(5000));  // a drill-down: not the city's figure
    run->put(key("founders", kFy2024), {Value::status(ValueKind::Missing), 0, "", ""});  // no number
    run->commit();
  }

  const auto numbers = city("", {kKama, kIizuka})->city_numbers({"visitors", "founders", "nothing"});
  ASSERT_EQ(numbers.size(), 2u);  // not 千代田区's
  const auto& k = numbers.at(kKama);
  ASSERT_EQ(k.size(), 1u);  // founders has no number, nothing has no row
  EXPECT_EQ(k.at("visitors"), (std::map<Period, double>{{Period::fiscal_year(2023), 180000}, {kFy2024, 199000}}));
  EXPECT_EQ(numbers.at(kIizuka).at("visitors"), (std::map<Period, double>{{kFy2024, 512000}}));
  // A city's own store reads only itself.
  const auto own = iizuka->city_numbers({"visitors"});
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own.begin()->first, kIizuka);
  EXPECT_TRUE(iizuka->city_numbers({}).empty());
}

TEST_P(CityStores, TwoCitiesImportOneSourceNameAtOnceWithoutWaiting) {
  // The per-source lock is per city: Iizuka's run of tourism_csv starts while Kama's is open.
  const auto kama = city(kKama);
  const auto iizuka = city(kIizuka);
  auto kama_run = kama->begin_import(start());
  kama_run->put(key("visitors", kFy2024), number(199000));
  bool waited = false;
  StoreConfig config;
  config.city = kIizuka;
  config.lock_wait = std::chrono::milliseconds(1);
  config.on_lock_wait = [&] { waited = true; };
  const auto iizuka_quick = open(config);
  import_visitors(*iizuka_quick, 512000);
  EXPECT_FALSE(waited);
  kama_run->commit();
}

// The server's own wall: a role granted the tables but neither their owner nor BYPASSRLS, the way a
// hub's application role is set up (docs/hub.md).
class ServerPolicies : public CityStores {
 protected:
  void SetUp() override {
    CityStores::SetUp();
    if (IsSkipped()) return;
    import_visitors(*city(kKama), 199000);
    import_visitors(*city(kIizuka), 512000);
    role_ = "app_" + std::to_string(::getpid());
    ASSERT_EQ(exec_error("DROP ROLE IF EXISTS " + role_), "");
    ASSERT_EQ(exec_error("CREATE ROLE " + role_ + " LOGIN NOSUPERUSER NOBYPASSRLS"), "");
    ASSERT_EQ(exec_error("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + role_ +
                         "; GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO " + role_),
              "");
    app_uri_ = path_;
    app_uri_.replace(app_uri_.find(std::string("user=") + kStoreRole),
                     std::string("user=").size() + std::string(kStoreRole).size(), "user=" + role_);
  }
  void TearDown() override {
    if (!role_.empty()) {
      exec_error("DROP OWNED BY " + role_);
      exec_error("DROP ROLE IF EXISTS " + role_);
    }
    CityStores::TearDown();
  }

  // Runs `sql` as the application role after `setup` (its session's settings); the first value, or
  // "error: …".
  std::string as_app(const std::string& setup, const std::string& sql) {
    std::string error;
    std::string out = postgres_query(app_uri_, setup + sql, &error);
    return error.empty() ? out : "error: " + error;
  }

  std::string role_;
  std::string app_uri_;
};
SOSEI_POSTGRES_SUITE(ServerPolicies);

TEST_P(ServerPolicies, ASessionSeesAndChangesOnlyItsCity) {
  const std::string kama = std::string("SELECT set_config('sosei.city', '") + kKama + "', false);";
  EXPECT_EQ(as_app(kama, "SELECT count(*) FROM observations"), "1");
  EXPECT_EQ(as_app(kama, "SELECT string_agg(DISTINCT city, ',') FROM import_runs"), kKama);
  // Naming the other city changes nothing and reads nothing.
  EXPECT_EQ(as_app(kama, std::string("SELECT count(*) FROM observations WHERE city = '") + kIizuka + "'"), "0");
  EXPECT_EQ(as_app(kama, "WITH u AS (UPDATE observations SET note = 'x' WHERE city = '" + std::string(kIizuka) +
                             "' RETURNING 1) SELECT count(*) FROM u"),
            "0");
  EXPECT_EQ(as_app(kama, "WITH d AS (DELETE FROM source_state WHERE city <> '' RETURNING 1) SELECT count(*) FROM d"),
            "0");
  EXPECT_EQ(query_one(std::string("SELECT count(*) FROM observations WHERE note = 'x'")), "0");
  // Writing a row of the other city is refused by the policy.
  EXPECT_NE(as_app(kama, std::string("INSERT INTO sources(city, id, first_seen_at) VALUES ('") + kIizuka +
                             "', 'intruder', now())")
                .find("row-level security"),
            std::string::npos);
  // A row moved to the other city is refused too.
  EXPECT_NE(as_app(kama, std::string("UPDATE sources SET city = '") + kIizuka + "'").find("row-level security"),
            std::string::npos);
}

TEST_P(ServerPolicies, ASessionThatNamesNoCitySeesNothingAndCannotWrite) {
  EXPECT_EQ(as_app("", "SELECT count(*) FROM observations"), "0");
  EXPECT_EQ(as_app("", "SELECT count(*) FROM sources"), "0");
  EXPECT_NE(as_app("", "INSERT INTO sources(id, first_seen_at) VALUES ('x', now())").find("error"), std::string::npos);
  // Neither can it switch the wall off: only the tables' owner could, and it is not.
  EXPECT_NE(as_app("", "ALTER TABLE observations DISABLE ROW LEVEL SECURITY").find("must be owner"), std::string::npos);
  // The owner itself is held by the policies too (FORCE ROW LEVEL SECURITY).
  EXPECT_EQ(query_one("SELECT bool_and(relrowsecurity AND relforcerowsecurity) FROM pg_class WHERE relname IN "
                      "('observations', 'revisions', 'import_runs', 'sources', 'api_tokens', 'audit_events', "
                      "'approvals', 'comments', 'evaluations', 'quality_flags', 'dimension_sums')"),
            "t");
}

TEST_P(ServerPolicies, AReaderOfAPrefectureSeesItsCitiesOnly) {
  const std::string fukuoka = std::string("SELECT set_config('sosei.city', '-', false), set_config('sosei.reads', '") +
                              kKama + "," + kIizuka + "', false);";
  EXPECT_EQ(as_app(fukuoka, "SELECT count(*) FROM observations"), "2");
  const std::string other = "SELECT set_config('sosei.city', '-', false), set_config('sosei.reads', '131016', false);";
  EXPECT_EQ(as_app(other, "SELECT count(*) FROM observations"), "0");
  // "-" is no city: no row may carry it.
  EXPECT_NE(as_app(fukuoka, "INSERT INTO sources(id, first_seen_at) VALUES ('x', now())").find("city_code"),
            std::string::npos);
}

}  // namespace
}  // namespace sosei::store::test
