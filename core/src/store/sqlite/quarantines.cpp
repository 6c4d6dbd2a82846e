// Reading and writing source_quarantines (docs/schema.md).
#include "store/sqlite/quarantines.hpp"

#include <sqlite3.h>

namespace sosei::store {
namespace {

// A source quarantined before its first successful run still gets its sources row.
constexpr const char* kEnsureSource =
    "INSERT INTO sources(id, first_seen_at) VALUES (?1, ?2) ON CONFLICT(id) DO NOTHING";
constexpr const char* kSave =
    "INSERT INTO source_quarantines(source, since, reason, failures) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT(source) DO UPDATE SET since = excluded.since, reason = excluded.reason, failures = excluded.failures";
constexpr const char* kDelete = "DELETE FROM source_quarantines WHERE source = ?1";
constexpr const char* kList = "SELECT source, since, reason, failures FROM source_quarantines ORDER BY source";

}  // namespace

void save_sqlite_quarantine(Session& session, const Quarantine& q) {
  const std::string now = q.since.empty() ? session.now() : q.since;
  sqlite::Transaction tx(session.db, "quarantine a source");
  sqlite::Statement& ensure = session.db.statement("record a source", kEnsureSource);
  ensure.bind(1, q.source);
  ensure.bind(2, now);
  ensure.run();
  sqlite::Statement& save = session.db.statement("quarantine a source", kSave);
  save.bind(1, q.source);
  save.bind(2, now);
  save.bind(3, q.reason);
  save.bind(4, q.failures);
  save.run();
  tx.commit();
}

bool delete_sqlite_quarantine(sqlite::Connection& db, const std::string& source) {
  sqlite::Statement& s = db.statement("resume a source", kDelete);
  s.bind(1, source);
  s.run();
  return sqlite3_changes(db.handle()) > 0;
}

std::vector<Quarantine> read_sqlite_quarantines(sqlite::Connection& db) {
  sqlite::Statement& s = db.statement("list quarantined sources", kList);
  sqlite::Use use(s);
  std::vector<Quarantine> out;
  while (s.step()) out.push_back({s.string(0), s.string(1), s.string(2), static_cast<int>(s.int64(3))});
  return out;
}

}  // namespace sosei::store
