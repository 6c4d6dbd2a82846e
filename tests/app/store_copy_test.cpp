// `sosei store copy` (issue 15): a city's whole history from SQLite to PostgreSQL and back, equal
// table by table; a second copy changes nothing; a target with other data is refused untouched; a
// failure midway leaves the target as it was; counts and checksums are reported; ids keep going.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <stdexcept>

#include "app/store_copy.hpp"
#include "common/clock.hpp"
#include "store/store.hpp"
#include "support/postgres_database.hpp"

namespace sosei::app {
namespace {

namespace pgtest = store::test;
using store::ObservationKey;

ObservationKey key(const std::string& series, Period period, store::Dimensions d = {}) {
  return {series, period, std::move(d)};
}

store::ObservationData number(double n, std::string note = "", std::string location = "") {
  store::ObservationData d;
  d.value = Value::of(n);
  d.note = std::move(note);
  d.location = std::move(location);
  return d;
}

store::AuditEvent cli_event(const std::string& action, const std::string& kpi) {
  store::AuditEvent e;
  e.who = {store::Actor::Kind::Cli, "kikaku", "", 0, 0};
  e.action = action;
  e.kpi = kpi;
  e.period = Period::fiscal_year(2025);
  e.reason = "理由\tタブと\n改行";
  return e;
}

// A city's history with something in every table: runs (one failed, with rejections), values with
// dimensions, notes and statuses, revisions, plugin state and series metadata, flags raised, cleared
// and resolved, a saved evaluation made stale, a quarantine, tokens used and revoked, approvals,
// versioned comments and the audit trail.
void fill(store::Store& s, ManualClock& clock) {
  const Period fy24 = Period::fiscal_year(2024), fy25 = Period::fiscal_year(2025);
  const store::Dimensions east{{"route", "東線"}};
  int64_t first = 0;
  {
    auto run = s.begin_import({"kama_csv", "csv_table", "1.2.0"});
    run->put(key("startups", fy24), number(7, "", "startups.csv:2"));
    run->put(key("startups", fy25), number(8.25, "速報\t値", "startups.csv:3"));
    run->put(key("tourism", fy24, east), number(1.0 / 3.0, "", "tourism.csv:2"));
    run->put(key("tourism", fy25, east), number(-0.5));
    run->put(key("events", Period::month_of(2025, 4)), number(1e300));
    store::ObservationData status;
    status.value = Value::status(ValueKind::NotCarriedOut);
    status.note = "中止\n（台風）";
    run->put(key("events", Period::month_of(2025, 5)), status);
    store::FlagRaise range;
    range.rule = "range";
    range.value = -0.5;
    range.expected_min = 0;
    range.detail = "below 0";
    run->set_flags(key("tourism", fy25, east), {range});
    store::FlagRaise gap;
    gap.rule = "completeness";
    gap.level = store::FlagLevel::Error;
    run->set_flags(key("startups", Period::fiscal_year(2026)), {gap});
    run->reject({"startups.csv:9", "値が数ではありません"});
    run->set_state("etag", "\"abc\"");
    run->put_series_info({"kama_csv/visitors", "人", "来訪者数", "来訪者", "Visitors", "csv_table", "1.2.0", ""});
    run->set_fingerprint("sha256:0123");
    first = run->commit().id;
  }
  clock.advance(std::chrono::hours(2));
  store::EvaluationRecord evaluation;
  evaluation.as_of = "2026-03-31";
  evaluation.scheme = "kama";
  store::EvaluationKpiRecord k;
  k.kpi = "startups";
  k.actual = 15.25;
  k.formed = "FY2024 + FY2025";
  k.ratio = 0.61;
  k.grade_symbol = "△";
  k.grade_label = "概ね順調";
  k.grade_index = 1;
  k.off_track = true;
  evaluation.kpis = {k};
  s.save_evaluation(evaluation, {{key("startups", fy24), first}, {key("startups", fy25), first}});
  clock.advance(std::chrono::hours(2));
  {
    auto run = s.begin_import({"kama_csv", "csv_table", "1.2.1"});
    run->put(key("startups", fy25), number(9, "確定値", "startups.csv:3"));  // a revision, the evaluation stale
    run->put(key("tourism", fy25, east), number(2));                         // the range flag is cleared
    run->set_flags(key("tourism", fy25, east), {});
    run->set_state("etag", "\"def\"");
    run->commit();
  }
  {
    auto run = s.begin_import({"bus_gtfs", "gtfs_ride", "0.3.0"});
    run->put(key("riders", fy24), number(123456));
    run->fail("the feed could not be read");
  }
  s.quarantine({"bus_gtfs", "", "the feed could not be read", 3});
  const int64_t token = s.add_token(std::string(64, 'a'), "産業振興課", "窓口", store::TokenRole::Department);
  s.add_token(std::string(64, 'b'), "企画政策課", "", store::TokenRole::Policy);
  s.token_used(token);
  s.revoke_token(token);
  s.append_audit(cli_event("token.create", ""));
  for (const auto& flag : s.flags({"", true, std::nullopt})) s.resolve_flag(flag.id, cli_event("flag.resolve", ""));
  s.change_approval("startups", fy25, store::ApprovalState::Entered, store::ApprovalState::Submitted,
                    cli_event("approval.submit", "startups"));
  s.change_approval("startups", fy25, store::ApprovalState::Submitted, store::ApprovalState::Approved,
                    cli_event("approval.approve", "startups"));
  store::Comment c;
  c.kpi = "startups";
  c.year = 2025;
  c.text = "補助制度の周知が進んだ";
  c.entered_by = "kikaku";
  s.add_comment(c, cli_event("comment.add", "startups"));
  c.text = "補助制度の周知と相談窓口の開設";
  s.add_comment(c, cli_event("comment.add", "startups"));
}

// Every row of every table, as the store hands it to a copy (canonical texts).
class DumpSink final : public store::RowSink {
 public:
  void begin_table(const store::CopiedTable& table) override { text += std::string(table.name) + "\n"; }
  void rows(const store::CopiedTable&, const std::vector<store::Row>& rows) override {
    for (const auto& row : rows) {
      for (const auto& cell : row) text += (cell ? "'" + *cell + "'" : std::string("NULL")) + "|";
      text += "\n";
    }
  }
  void end_table(const store::CopiedTable&) override {}
  std::string text;
};

// Every table of a SQLite file as SQLite itself reads it (type and text of every cell), not through
// the copy's own reading.
std::string sqlite_dump(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::string out;
  for (const auto& table : store::copied_tables()) {
    out += std::string(table.name) + "\n";
    sqlite3_stmt* s = nullptr;
    std::string sql = "SELECT * FROM " + std::string(table.name) + " ORDER BY ";
    for (std::size_t i = 0; i < table.key.size(); ++i) sql += (i ? ", " : "") + std::string(table.key[i]);
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << sqlite3_errmsg(db);
      continue;
    }
    while (sqlite3_step(s) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        out += std::to_string(sqlite3_column_type(s, c)) + ":";
        if (const auto* t = sqlite3_column_text(s, c)) out += reinterpret_cast<const char*>(t);
        out += "|";
      }
      out += "\n";
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  return out;
}

class StoreCopy : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    dir_ = std::filesystem::temp_directory_path() / ("sosei-store-copy-" + std::to_string(::getpid()) + "-" + test);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    const auto cluster = pgtest::postgres_cluster();
    if (!cluster) {
      if (pgtest::postgres_required()) GTEST_FAIL() << "no PostgreSQL cluster (see postgres_cluster_start)";
      GTEST_SKIP() << "no PostgreSQL cluster: tools/setup installs postgresql";
    }
    cluster_ = *cluster;
    database_ = "c" + std::to_string(::getpid()) + "_" + test;
    for (char& ch : database_) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    database_ = database_.substr(0, 63);
    pgtest::drop_database(cluster_, database_);
    ASSERT_EQ(pgtest::create_database(cluster_, database_), "");
    uri_ = pgtest::postgres_uri(cluster_, database_);
  }
  void TearDown() override {
    if (!database_.empty()) pgtest::drop_database(cluster_, database_);
    std::filesystem::remove_all(dir_);
  }

  std::string file(const std::string& name) const { return (dir_ / name).string(); }

  std::unique_ptr<store::Store> open(const std::string& location) {
    store::StoreConfig config;
    config.location = location;
    config.clock = &clock_;
    return store::open_store(config);
  }

  // A SQLite file holding the city's history.
  std::string filled_sqlite(const std::string& name) {
    std::string path = file(name);
    fill(*open(path), clock_);
    return path;
  }

  std::string dump(const std::string& location) {
    DumpSink sink;
    open(location)->read_tables(sink);
    return sink.text;
  }

  StoreCopyResult copy(const std::string& from, const std::string& to) {
    StoreCopyRequest request;
    request.from = from;
    request.to = to;
    request.clock = &clock_;
    return copy_store(request);
  }

  ManualClock clock_{std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::November / 28 / 2026}} +
                     std::chrono::hours{11}};
  std::filesystem::path dir_;
  std::string cluster_, database_, uri_;
};

TEST_F(StoreCopy, SqliteToPostgresAndBackIsEqualTableByTable) {
  const std::string original = filled_sqlite("city.db");
  const StoreCopyResult there = copy(original, uri_);
  EXPECT_EQ(there.outcome, StoreCopyOutcome::Copied);
  const StoreCopyResult back = copy(uri_, file("back.db"));
  EXPECT_EQ(back.outcome, StoreCopyOutcome::Copied);

  // What the copy reads and what SQLite itself holds, cell by cell and type by type.
  EXPECT_EQ(dump(uri_), dump(original));
  EXPECT_EQ(sqlite_dump(file("back.db")), sqlite_dump(original));
  ASSERT_EQ(there.tables.size(), back.tables.size());
  for (std::size_t i = 0; i < there.tables.size(); ++i) EXPECT_EQ(there.tables[i].source, back.tables[i].source);

  // The stores' own readers give the same history from the copy.
  auto sqlite = open(original);
  auto postgres = open(uri_);
  const auto fy25 = Period::fiscal_year(2025);
  const auto history = postgres->history("startups", fy25);
  ASSERT_EQ(history.size(), 1u);
  ASSERT_EQ(history[0].revisions.size(), 1u);
  EXPECT_EQ(history[0].revisions[0].new_value, Value::of(9));
  EXPECT_EQ(history[0].revisions[0].old_note, "速報\t値");
  EXPECT_EQ(postgres->runs().size(), sqlite->runs().size());
  EXPECT_EQ(postgres->audit({}).size(), sqlite->audit({}).size());
  EXPECT_EQ(postgres->evaluations().at(0).stale, true);
  EXPECT_EQ(postgres->approval("startups", fy25).state, store::ApprovalState::Approved);
  EXPECT_EQ(postgres->comments("startups", true).size(), 2u);
  EXPECT_TRUE(postgres->integrity_problems().empty());
  // The sums a drill-down reads follow the copied values both ways (summed again by each target).
  auto back_store = open(file("back.db"));
  for (store::Store* copy : {postgres.get(), back_store.get()}) {
    const auto totals = copy->dimension_totals("tourism");
    ASSERT_EQ(totals.size(), 2u);
    EXPECT_EQ(totals[0].sum, 1.0 / 3.0);
    EXPECT_EQ(totals[1].sum, 2);  // revised from -0.5
  }
}

TEST_F(StoreCopy, IdsGoOnAfterTheCopiedOnes) {
  const std::string original = filled_sqlite("city.db");
  copy(original, uri_);
  auto postgres = open(uri_);
  const int64_t last_run = postgres->runs(1).at(0).id;
  auto run = postgres->begin_import({"kama_csv", "csv_table", "1.2.2"});
  run->put(key("startups", Period::fiscal_year(2025)), number(10));
  EXPECT_EQ(run->commit().id, last_run + 1);
  int64_t last_event = 0;
  for (const auto& event : postgres->audit({})) last_event = std::max(last_event, event.id);
  EXPECT_GT(last_event, 0);
  EXPECT_GT(postgres->append_audit(cli_event("comment.add", "startups")), last_event);
  EXPECT_EQ(postgres->add_token(std::string(64, 'c'), "産業振興課", "", store::TokenRole::Department), 3);
  // Back into SQLite, which numbers after the highest id of itself.
  copy(uri_, file("back.db"));
  auto back = open(file("back.db"));
  auto next = back->begin_import({"kama_csv", "csv_table", "1.2.3"});
  EXPECT_EQ(next->commit().id, last_run + 2);
}

TEST_F(StoreCopy, CopyingAgainChangesNothingAndSaysSo) {
  const std::string original = filled_sqlite("city.db");
  const StoreCopyResult first = copy(original, uri_);
  const std::string before = dump(uri_);
  const StoreCopyResult again = copy(original, uri_);
  EXPECT_EQ(again.outcome, StoreCopyOutcome::AlreadyThere);
  EXPECT_EQ(dump(uri_), before);
  ASSERT_EQ(again.tables.size(), first.tables.size());
  for (const auto& t : again.tables) EXPECT_TRUE(t.same()) << t.source.table;
  // And back: the SQLite original already holds what PostgreSQL holds.
  EXPECT_EQ(copy(uri_, original).outcome, StoreCopyOutcome::AlreadyThere);
}

TEST_F(StoreCopy, ATargetWithOtherDataIsRefusedUntouched) {
  const std::string original = filled_sqlite("city.db");
  {
    auto target = open(uri_);
    auto run = target->begin_import({"kama_csv", "csv_table", "1.2.0"});
    run->put(key("startups", Period::fiscal_year(2024)), number(6));
    run->commit();
  }
  const std::string before = dump(uri_);
  const StoreCopyResult refused = copy(original, uri_);
  EXPECT_EQ(refused.outcome, StoreCopyOutcome::TargetDiffers);
  EXPECT_EQ(dump(uri_), before);
  std::vector<std::string> differing;
  for (const auto& t : refused.tables)
    if (!t.same()) differing.push_back(t.source.table);
  EXPECT_NE(std::find(differing.begin(), differing.end(), "observations"), differing.end());
  EXPECT_NE(std::find(differing.begin(), differing.end(), "import_runs"), differing.end());
  EXPECT_EQ(std::find(differing.begin(), differing.end(), "audit_revision_copies"), differing.end());
}

TEST_F(StoreCopy, AFailureMidwayLeavesTheTargetAsItWas) {
  const std::string original = filled_sqlite("city.db");
  const std::string empty_postgres = dump(uri_);
  StoreCopyRequest request;
  request.from = original;
  request.to = uri_;
  request.clock = &clock_;
  request.on_progress = [](const std::string& table, int64_t) {
    if (table == "audit_events") throw std::runtime_error("the network went away");
  };
  EXPECT_THROW(copy_store(request), std::runtime_error);
  EXPECT_EQ(dump(uri_), empty_postgres);  // runs, observations and revisions written before: gone

  // The other way, into an existing SQLite file.
  copy(original, uri_);
  const std::string target = file("target.db");
  open(target);
  const std::string empty_sqlite = sqlite_dump(target);
  request.from = uri_;
  request.to = target;
  EXPECT_THROW(copy_store(request), std::runtime_error);
  EXPECT_EQ(sqlite_dump(target), empty_sqlite);
  // Then it copies in full.
  EXPECT_EQ(copy(uri_, target).outcome, StoreCopyOutcome::Copied);

  // Into a file that was not there: the failure leaves no file behind.
  request.to = file("new.db");
  EXPECT_THROW(copy_store(request), std::runtime_error);
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    EXPECT_FALSE(std::filesystem::exists(request.to + suffix)) << suffix;
}

TEST_F(StoreCopy, ABrokenSourceFailsTheCopyWithTheServersReason) {
  // A row that breaks a reference (written with SQLite's foreign keys off): the target refuses it and
  // keeps nothing of the copy.
  const std::string original = filled_sqlite("city.db");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(original.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "INSERT INTO evaluation_inputs VALUES (1, 999)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  const std::string empty_postgres = dump(uri_);
  try {
    copy(original, uri_);
    ADD_FAILURE() << "copied a broken reference";
  } catch (const store::StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("evaluation_inputs"), std::string::npos) << e.what();
  }
  EXPECT_EQ(dump(uri_), empty_postgres);
}

TEST_F(StoreCopy, CountsAndChecksumsArePerTable) {
  const std::string original = filled_sqlite("city.db");
  const StoreCopyResult result = copy(original, uri_);
  ASSERT_EQ(result.tables.size(), store::copied_tables().size());
  int64_t rows = 0;
  for (const auto& t : result.tables) {
    EXPECT_TRUE(t.same()) << t.source.table;
    EXPECT_EQ(t.source.sha256.size(), 64u);
    const std::string count = pgtest::postgres_query(uri_, "SELECT count(*) FROM " + t.source.table);
    EXPECT_EQ(std::to_string(t.source.rows), count) << t.source.table;
    rows += t.source.rows;
  }
  EXPECT_EQ(result.rows(), rows);
  EXPECT_EQ(result.tables[3].source.table, "observations");
  EXPECT_EQ(result.tables[3].source.rows, 6);
  // Different data, different checksum; an empty table has the SHA-256 of nothing.
  EXPECT_NE(result.tables[0].source.sha256, result.tables[1].source.sha256);
  for (const auto& t : result.tables) {
    if (t.source.rows == 0) {
      EXPECT_EQ(t.source.sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
  }
}

TEST_F(StoreCopy, AMissingSourceIsNoDatabaseAndCreatesNothing) {
  EXPECT_THROW(copy(file("nothing.db"), uri_), store::NoDatabase);
  EXPECT_FALSE(std::filesystem::exists(file("nothing.db")));
  EXPECT_THROW(copy(uri_, uri_), std::invalid_argument);
}

}  // namespace
}  // namespace sosei::app
