// The sign-off tables through the store interface (issue 14 §4-6): the append-only audit trail, value
// revisions entering it in the import's transaction, approvals moving only from the expected state,
// versioned comments, what an import sees of locked periods, and migration 8 copying the past in.

#include <filesystem>

#include "store/sqlite/migrations.hpp"
#include "store_fixture.hpp"

namespace sosei::store::test {
namespace {

using Signoff = StoreTest;
SOSEI_STORE_SUITE(Signoff);

AuditEvent cli_event(const std::string& action, const std::string& kpi = "startups") {
  AuditEvent e;
  e.who = {Actor::Kind::Cli, "kikaku", "", 0, 0};
  e.action = action;
  e.kpi = kpi;
  e.period = Period::fiscal_year(2025);
  return e;
}

TEST_P(Signoff, AuditTrailRefusesUpdateAndDelete) {
  const int64_t id = store_->append_audit(cli_event("approval.approve"));
  EXPECT_GT(id, 0);
  EXPECT_NE(exec_error("UPDATE audit_events SET actor = 'someone else'").find("append-only"), std::string::npos);
  EXPECT_NE(exec_error("DELETE FROM audit_events").find("append-only"), std::string::npos);
  EXPECT_NE(exec_error("UPDATE audit_events SET reason = '' WHERE id = " + std::to_string(id)), "");
  const auto events = store_->audit({});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].who.name, "kikaku");
  EXPECT_EQ(events[0].at, "2026-11-28T11:02:03.000Z");
  EXPECT_EQ(events[0].period, Period::fiscal_year(2025));
}

TEST_P(Signoff, RevisionsEnterTheAuditTrailAndHistoryReadsThemExactly) {
  auto run = store_->begin_import(start("kama_csv"));
  run->put(key("startups", Period::fiscal_year(2025)), number(5, "速報値"));
  run->commit();
  clock_.advance(std::chrono::hours(1));
  auto hand = store_->begin_import({"hand:産業振興課", "hand-entry", "0.1.0"});
  ObservationData d = number(0.1 + 0.2, "確定値");  // not exact in 15 digits: history must keep it whole
  d.location = "token 7";
  hand->put(key("startups", Period::fiscal_year(2025)), d);
  const int64_t hand_run = hand->commit().id;

  const auto events = store_->audit({"startups", "", "value.revise", std::nullopt, 0});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].id, 0);  // read from the revision itself, not copied
  EXPECT_GT(events[0].revision_id, 0);
  EXPECT_EQ(events[0].who.kind, Actor::Kind::Token);
  EXPECT_EQ(events[0].who.name, "token 7");
  EXPECT_EQ(events[0].who.department, "産業振興課");
  EXPECT_EQ(events[0].who.token_id, 7);
  EXPECT_EQ(events[0].who.run_id, hand_run);
  EXPECT_EQ(events[0].before, "5");
  EXPECT_EQ(events[0].after, "0.3");

  const auto h = store_->history("startups", Period::fiscal_year(2025));
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].first_value, Value::of(5));
  EXPECT_EQ(h[0].first_note, "速報値");
  ASSERT_EQ(h[0].revisions.size(), 1u);
  const Revision& r = h[0].revisions[0];
  EXPECT_EQ(r.new_value.number, 0.1 + 0.2);
  EXPECT_EQ(r.old_value, Value::of(5));
  EXPECT_EQ(r.old_note, "速報値");
  EXPECT_EQ(r.new_note, "確定値");
  EXPECT_EQ(r.source, "hand:産業振興課");
  EXPECT_EQ(r.location, "token 7");
  EXPECT_EQ(r.run_id, hand_run);
  EXPECT_EQ(r.changed_at, "2026-11-28T12:02:03.000Z");
}

TEST_P(Signoff, RevisionsOfAnEndedRunAreAppendOnly) {
  auto run = store_->begin_import(start("kama_csv"));
  run->put(key("startups", Period::fiscal_year(2025)), number(5));
  run->commit();
  auto again = store_->begin_import(start("kama_csv"));
  again->put(key("startups", Period::fiscal_year(2025)), number(6));
  again->commit();
  ASSERT_EQ(query_one("SELECT count(*) FROM revisions"), "1");
  EXPECT_NE(exec_error("UPDATE revisions SET new_number = 7").find("append-only"), std::string::npos);
  EXPECT_NE(exec_error("DELETE FROM revisions").find("append-only"), std::string::npos);
  EXPECT_EQ(query_one("SELECT new_number = 6 FROM revisions"), sqlite() ? "1" : "t");
}

// A value a rule check rejects after it was put is withdrawn by its run: the revision is removed while
// the run is open, so it never was a value.revise event (nor history).
TEST_P(Signoff, AWithdrawnRevisionLeavesNoAuditEvent) {
  auto run = store_->begin_import(start("kama_csv"));
  run->put(key("startups", Period::fiscal_year(2025)), number(5));
  run->commit();
  clock_.advance(std::chrono::minutes(1));
  auto again = store_->begin_import(start("kama_csv"));
  again->put(key("startups", Period::fiscal_year(2025)), number(500));
  again->put(key("startups", Period::fiscal_year(2026)), number(7));
  ASSERT_EQ(store_->audit({"startups", "", "value.revise", std::nullopt, 0}).size(), 1u);  // the run reads its own
  EXPECT_TRUE(again->withdraw(key("startups", Period::fiscal_year(2025))));
  EXPECT_TRUE(again->withdraw(key("startups", Period::fiscal_year(2026))));
  EXPECT_FALSE(again->withdraw(key("startups", Period::fiscal_year(2027))));
  again->commit();

  EXPECT_TRUE(store_->audit({"startups", "", "value.revise", std::nullopt, 0}).empty());
  EXPECT_TRUE(store_->audit({}).empty());
  EXPECT_EQ(query_one("SELECT count(*) FROM revisions"), "0");
  const auto values = store_->values({"startups", std::nullopt, std::nullopt});
  ASSERT_EQ(values.size(), 1u);
  EXPECT_EQ(values[0].data.value, Value::of(5));
  EXPECT_EQ(values[0].revision_count, 0);
  const auto h = store_->history("startups", Period::fiscal_year(2025));
  ASSERT_EQ(h.size(), 1u);
  EXPECT_TRUE(h[0].revisions.empty());
}

// The flags an import's rule check raises and clears are events of its run, at its time, about the
// flag's key; resolving one by hand closes it and appends the person's event in one transaction.
TEST_P(Signoff, FlagsRaisedClearedAndResolvedAreAuditEvents) {
  const Dimensions route{{"route", "1"}};
  FlagRaise slip;
  slip.rule = "unit_slip";
  slip.value = 28;
  slip.detail = "previous 280000";
  FlagRaise gap;
  gap.rule = "completeness";
  gap.level = FlagLevel::Error;
  gap.detail = "missing";
  auto run = store_->begin_import(start("kama_csv"));
  run->put(key("tourism", Period::fiscal_year(2025), route), number(28));
  run->set_flags(key("tourism", Period::fiscal_year(2025), route), {slip, gap});
  const int64_t first = run->commit().id;
  clock_.advance(std::chrono::hours(1));
  auto again = store_->begin_import(start("kama_csv"));
  again->put(key("tourism", Period::fiscal_year(2025), route), number(280000));
  again->set_flags(key("tourism", Period::fiscal_year(2025), route), {gap});  // unit_slip passes now
  const int64_t second = again->commit().id;

  auto events = store_->audit({"tourism", "", "", std::nullopt, 0});
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0].action, "flag.raise");
  EXPECT_EQ(events[0].after, "unit_slip warning 28");
  EXPECT_EQ(events[0].reason, "previous 280000");
  EXPECT_EQ(events[0].at, "2026-11-28T11:02:03.000Z");
  EXPECT_EQ(events[0].who.kind, Actor::Kind::Run);
  EXPECT_EQ(events[0].who.name, "kama_csv");
  EXPECT_EQ(events[0].who.run_id, first);
  EXPECT_EQ(events[0].period, Period::fiscal_year(2025));
  EXPECT_EQ(events[0].dimensions, route);
  EXPECT_EQ(events[1].action, "flag.raise");
  EXPECT_EQ(events[1].after, "completeness error");  // no value: a missing one
  // The second run at its own time: its revision first (an event of the revisions), then its clear.
  EXPECT_EQ(events[2].action, "value.revise");
  EXPECT_EQ(events[2].who.run_id, second);
  EXPECT_EQ(events[3].action, "flag.clear");
  EXPECT_EQ(events[3].before, "unit_slip");
  EXPECT_EQ(events[3].after, "cleared");
  EXPECT_EQ(events[3].at, "2026-11-28T12:02:03.000Z");
  EXPECT_EQ(events[3].who.run_id, second);
  EXPECT_EQ(events[3].dimensions, route);

  const auto open = store_->flags({"tourism", true, std::nullopt});
  ASSERT_EQ(open.size(), 1u);
  clock_.advance(std::chrono::hours(1));
  AuditEvent resolve;
  resolve.who = {Actor::Kind::Token, "token 3", "商工観光課", 3, 0};
  resolve.action = "flag.resolve";
  resolve.kpi = "tourism";
  resolve.reason = "checked with 商工観光課: no route 2 that year";
  EXPECT_TRUE(store_->resolve_flag(open[0].id, resolve));
  resolve.reason = "again";
  EXPECT_FALSE(store_->resolve_flag(open[0].id, resolve));  // not open: nothing written
  const auto resolved = store_->flags({"tourism", false, open[0].id});
  ASSERT_EQ(resolved.size(), 1u);
  EXPECT_EQ(resolved[0].state, FlagState::Resolved);
  EXPECT_EQ(resolved[0].closed_by, "token 3 (商工観光課)");
  EXPECT_EQ(resolved[0].note, "checked with 商工観光課: no route 2 that year");
  EXPECT_EQ(resolved[0].closed_at, "2026-11-28T13:02:03.000Z");
  events = store_->audit({"tourism", "", "flag.resolve", std::nullopt, 0});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].who.token_id, 3);
  EXPECT_EQ(events[0].at, "2026-11-28T13:02:03.000Z");
  EXPECT_EQ(events[0].reason, "checked with 商工観光課: no route 2 that year");
}

TEST_P(Signoff, AFlagResolvedFromTheCommandLineNamesThePerson) {
  FlagRaise range;
  range.rule = "range";
  range.value = -1;
  auto run = store_->begin_import(start("kama_csv"));
  run->put(key("startups", Period::fiscal_year(2025)), number(-1));
  run->set_flags(key("startups", Period::fiscal_year(2025)), {range});
  run->commit();
  const auto open = store_->flags({"", true, std::nullopt});
  ASSERT_EQ(open.size(), 1u);
  AuditEvent resolve = cli_event("flag.resolve");
  resolve.reason = "確認済み";
  EXPECT_TRUE(store_->resolve_flag(open[0].id, resolve));
  EXPECT_EQ(store_->flags({}).at(0).closed_by, "kikaku");
  EXPECT_EQ(store_->audit({"", "", "flag.raise", std::nullopt, 0}).at(0).after, "range warning -1");
  EXPECT_EQ(store_->audit({"", "", "flag.resolve", std::nullopt, 0}).size(), 1u);
}

// Sign-off compares this with the submission: a run that began before it and committed after it
// changed the value after it, so the run's end counts, not the time it stamped on the value.
TEST_P(Signoff, LastStoredIsTheLaterOfAValuesTimeAndItsRunsEnd) {
  const Period r7 = Period::fiscal_year(2025);
  EXPECT_EQ(store_->last_stored("startups", r7), "");
  auto slow = store_->begin_import(start("kama_csv"));
  slow->put(key("startups", r7), number(5));
  clock_.advance(std::chrono::hours(1));
  slow->commit();
  EXPECT_EQ(store_->last_stored("startups", r7), "2026-11-28T12:02:03.000Z");

  clock_.advance(std::chrono::hours(1));
  auto other = store_->begin_import(start("kama_csv"));
  other->put(key("startups", r7, {{"ward", "north"}}), number(2));  // another dimension of the period counts
  other->put(key("startups", Period::fiscal_year(2024)), number(3));
  other->put(key("tourism_visitors", r7), number(4));
  other->commit();
  EXPECT_EQ(store_->last_stored("startups", r7), "2026-11-28T13:02:03.000Z");

  clock_.advance(std::chrono::hours(1));
  auto elsewhere = store_->begin_import(start("kama_csv"));
  elsewhere->put(key("startups", Period::fiscal_year(2024)), number(6));  // neither another period
  elsewhere->put(key("tourism_visitors", r7), number(7));                 // nor another series does
  elsewhere->commit();
  EXPECT_EQ(store_->last_stored("startups", r7), "2026-11-28T13:02:03.000Z");
  EXPECT_EQ(store_->last_stored("startups", Period::fiscal_year(2024)), "2026-11-28T14:02:03.000Z");
}

TEST_P(Signoff, ApprovalsMoveOnlyFromTheStateTheyExpect) {
  const Period r7 = Period::fiscal_year(2025);
  EXPECT_EQ(store_->approval("startups", r7).state, ApprovalState::Entered);
  EXPECT_FALSE(store_->change_approval("startups", r7, ApprovalState::Submitted, ApprovalState::Approved,
                                       cli_event("approval.approve")));
  EXPECT_TRUE(store_->audit({}).empty());  // a refused step leaves no event
  EXPECT_TRUE(store_->change_approval("startups", r7, ApprovalState::Entered, ApprovalState::Submitted,
                                      cli_event("approval.submit")));
  EXPECT_TRUE(store_->change_approval("startups", r7, ApprovalState::Submitted, ApprovalState::Approved,
                                      cli_event("approval.approve")));
  const Approval a = store_->approval("startups", r7);
  EXPECT_EQ(a.state, ApprovalState::Approved);
  EXPECT_EQ(a.changed_by, "kikaku");
  ASSERT_EQ(store_->approvals("").size(), 1u);
  EXPECT_EQ(store_->audit({}).size(), 2u);

  auto run = store_->begin_import(start("kama_csv"));
  ASSERT_EQ(run->locked_periods().size(), 1u);
  EXPECT_EQ(run->locked_periods()[0].kpi, "startups");
  EXPECT_TRUE(run->would_change(key("startups", r7), number(5)));  // nothing stored yet: an insert
  run->put(key("startups", r7), number(5));
  EXPECT_FALSE(run->would_change(key("startups", r7), number(5)));
  EXPECT_TRUE(run->would_change(key("startups", r7), number(6)));
  EXPECT_TRUE(run->would_change(key("startups", r7), number(5, "速報値")));  // another note is a change
  const auto held = run->stored(key("startups", r7));
  ASSERT_TRUE(held.has_value());
  EXPECT_EQ(held->value, number(5).value);
  EXPECT_EQ(held->flags, 0u);
  EXPECT_EQ(held->note, "");
  EXPECT_FALSE(run->stored(key("startups", Period::fiscal_year(2024))).has_value());
  run->discard();

  EXPECT_TRUE(store_->change_approval("startups", r7, ApprovalState::Approved, ApprovalState::Entered,
                                      cli_event("approval.unlock")));
  EXPECT_TRUE(store_->approvals("").empty());  // entered again: not listed
}

TEST_P(Signoff, CommentsAreVersionedAndOlderVersionsKept) {
  Comment c;
  c.kpi = "startups";
  c.year = 2025;
  c.kind = CommentKind::Why;
  c.text = "補助制度の周知が進んだ";
  c.entered_by = "token 3";
  c.department = "産業振興課";
  EXPECT_EQ(store_->add_comment(c, cli_event("comment.add")).version, 1);
  c.text = "補助制度の周知と相談窓口の開設";
  EXPECT_EQ(store_->add_comment(c, cli_event("comment.add")).version, 2);
  c.kind = CommentKind::Committee;
  c.text = "成果は評価できる";
  EXPECT_EQ(store_->add_comment(c, cli_event("comment.add")).version, 1);

  const auto current = store_->comments("startups", false);
  ASSERT_EQ(current.size(), 2u);
  EXPECT_EQ(current[0].kind, CommentKind::Why);
  EXPECT_EQ(current[0].text, "補助制度の周知と相談窓口の開設");
  EXPECT_EQ(current[0].version, 2);
  EXPECT_EQ(current[1].kind, CommentKind::Committee);
  EXPECT_EQ(store_->comments("", true).size(), 3u);
  EXPECT_TRUE(store_->comments("shops", false).empty());
  EXPECT_EQ(store_->audit({"startups", "", "comment.add", std::nullopt, 0}).size(), 3u);
}

TEST_P(Signoff, TokensHaveRoles) {
  const std::string hash(64, 'a');
  const int64_t id = store_->add_token(hash, "総合政策課", "", TokenRole::Policy);
  EXPECT_EQ(store_->token_by_hash(hash)->role, TokenRole::Policy);
  EXPECT_EQ(store_->tokens().at(0).id, id);
}

TEST_P(Signoff, AuditFiltersBySinceAndLimit) {
  store_->append_audit(cli_event("approval.submit"));
  clock_.advance(std::chrono::hours(48));
  store_->append_audit(cli_event("approval.approve", "shops"));
  EXPECT_EQ(store_->audit({"", "2026-11-29", "", std::nullopt, 0}).size(), 1u);
  EXPECT_EQ(store_->audit({"", "2026-11", "", std::nullopt, 0}).size(), 2u);  // a prefix of the ISO form
  EXPECT_EQ(store_->audit({"", "2026-12", "", std::nullopt, 0}).size(), 0u);
  EXPECT_EQ(store_->audit({"shops", "", "", std::nullopt, 0}).size(), 1u);
  const auto newest = store_->audit({"", "", "", std::nullopt, 1});
  ASSERT_EQ(newest.size(), 1u);
  EXPECT_EQ(newest[0].action, "approval.approve");
}

}  // namespace
}  // namespace sosei::store::test

namespace sosei::store::test {
namespace {

using SignoffMigration = StoreTest;
SOSEI_SQLITE_SUITE(SignoffMigration);  // a SQLite file of schema 6

// A database as schema 6 left it, with one revised value and one token: migration 8 copies the past
// into the audit trail, migration 9 reads the revisions after the copied ones (so the copied revision
// is not read twice), and `history` (which reads the revisions) shows the same revision.
TEST_P(SignoffMigration, CopiesEarlierRevisionsAndTokensIntoTheAuditTrail) {
  store_.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  std::string script;
  for (const Migration& m : migrations())
    if (m.version <= 6) script += std::string(m.sql) + "\n";
  script += R"sql(
INSERT INTO schema_migrations(version, name, applied_at) VALUES (1, 'x', 't'), (2, 'x', 't'), (3, 'x', 't'),
  (4, 'x', 't'), (5, 'x', 't'), (6, 'x', 't');
INSERT INTO sources(id, first_seen_at) VALUES ('kama_csv', '2026-05-01T00:00:00.000Z');
INSERT INTO import_runs(id, source, plugin, plugin_version, started_at, status)
  VALUES (1, 'kama_csv', 'csv', '1.0.0', '2026-05-01T00:00:00.000Z', 'succeeded'),
         (2, 'kama_csv', 'csv', '1.0.0', '2026-05-02T00:00:00.000Z', 'succeeded');
INSERT INTO observations(id, series, period_kind, period_year, value_kind, number, note, location, source,
  first_run_id, first_value_kind, first_number, created_at, run_id, updated_at)
  VALUES (1, 'startups', 'fiscal_year', 2025, 'number', 6, '確定値', 'v.csv:3', 'kama_csv', 1, 'number', 5,
          '2026-05-01T00:00:00.000Z', 2, '2026-05-02T00:00:00.000Z');
INSERT INTO revisions(observation_id, run_id, changed_at, old_value_kind, old_number, new_value_kind, new_number,
  old_note, new_note, old_location, new_location)
  VALUES (1, 2, '2026-05-02T00:00:00.000Z', 'number', 5, 'number', 6, '速報値', '確定値', 'v.csv:3', 'v.csv:3');
INSERT INTO api_tokens(token_sha256, department, note, created_at)
  VALUES ('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '産業振興課', '窓口',
          '2026-04-01T00:00:00.000Z');
PRAGMA user_version = 6;
)sql";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  ASSERT_EQ(sqlite3_exec(db, script.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
  sqlite3_close(db);

  store_ = open();
  EXPECT_EQ(store_->schema_version(), latest_schema_version());
  // In the order it happened; the revision copied by migration 8 is not read twice (migration 9).
  const auto events = store_->audit({});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].action, "token.create");
  EXPECT_EQ(events[0].after, "token 1 産業振興課 (department)");
  EXPECT_EQ(events[1].action, "value.revise");
  EXPECT_EQ(events[1].who.name, "kama_csv");
  EXPECT_EQ(events[1].who.run_id, 2);
  EXPECT_EQ(events[1].before, "5");
  EXPECT_EQ(events[1].after, "6");
  EXPECT_GT(events[1].id, 0);  // the copy in audit_events
  EXPECT_EQ(store_->tokens().at(0).role, TokenRole::Department);
  const auto h = store_->history("startups", Period::fiscal_year(2025));
  ASSERT_EQ(h.size(), 1u);
  ASSERT_EQ(h[0].revisions.size(), 1u);
  EXPECT_EQ(h[0].first_note, "速報値");
  EXPECT_EQ(h[0].revisions[0].new_value, Value::of(6));
  EXPECT_EQ(h[0].revisions[0].source, "kama_csv");
}

}  // namespace
}  // namespace sosei::store::test
