// Reading and writing api_tokens, source_quarantines, series_info and source_state (records.hpp).
#include "store/postgresql/records.hpp"

#include "store/postgresql/columns.hpp"

namespace sosei::store::pg {
namespace {

#define SOSEI_TOKEN_COLUMNS                                                                                            \
  "SELECT id, token_sha256, department, note, iso_utc(created_at), " SOSEI_PG_TIME("last_used_at") ", " SOSEI_PG_TIME( \
      "revoked_at") ", role FROM api_tokens"

std::vector<ApiToken> read_token_rows(const Result& r) {
  std::vector<ApiToken> out;
  for (int i = 0; i < r.rows(); ++i) {
    ApiToken t;
    t.id = r.int64(i, 0);
    t.sha256 = r.string(i, 1);
    t.department = r.string(i, 2);
    t.note = r.string(i, 3);
    t.created_at = r.string(i, 4);
    t.last_used_at = r.string(i, 5);
    t.revoked_at = r.string(i, 6);
    t.role = token_role_from(r.text(i, 7)).value_or(TokenRole::Department);
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace

int64_t add_token(Session& s, const std::string& sha256, const std::string& department, const std::string& note,
                  TokenRole role) {
  Result r = s.db.prepared(
      "add an API token", "add_token",
      "INSERT INTO api_tokens(token_sha256, department, note, created_at, role) VALUES ($1, $2, $3, $4, $5)"
      " RETURNING id",
      Params().text(sha256).text(department).text(note).text(s.now()).text(to_string(role)));
  return r.int64(0, 0);
}

std::vector<ApiToken> read_tokens(Session& s) {
  return read_token_rows(s.db.prepared("list API tokens", "tokens", SOSEI_TOKEN_COLUMNS " ORDER BY id", Params()));
}

std::optional<ApiToken> read_token_by_hash(Session& s, const std::string& sha256) {
  auto rows = read_token_rows(s.db.prepared("look up an API token", "token_by_hash",
                                            SOSEI_TOKEN_COLUMNS " WHERE token_sha256 = $1", Params().text(sha256)));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

void mark_token_used(Session& s, int64_t id) {
  s.db.prepared("note the use of an API token", "token_used", "UPDATE api_tokens SET last_used_at = $2 WHERE id = $1",
                Params().int64(id).text(s.now()));
}

bool revoke_token(Session& s, int64_t id) {
  return s.db.prepared("revoke an API token", "revoke_token",
                       "UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL",
                       Params().int64(id).text(s.now()))
             .affected() > 0;
}

void save_quarantine(Session& s, const Quarantine& q) {
  const std::string since = q.since.empty() ? s.now() : q.since;
  Transaction txn(s.db);
  // A source quarantined before its first successful run still gets its sources row.
  s.db.prepared("record a source", "ensure_source",
                "INSERT INTO sources(id, first_seen_at) VALUES ($1, $2) ON CONFLICT (city, id) DO NOTHING",
                Params().text(q.source).text(since));
  s.db.prepared("quarantine a source", "quarantine",
                "INSERT INTO source_quarantines(source, since, reason, failures) VALUES ($1, $2, $3, $4)"
                " ON CONFLICT (city, source) DO UPDATE SET since = excluded.since, reason = excluded.reason,"
                " failures = excluded.failures",
                Params().text(q.source).text(since).text(q.reason).int64(q.failures));
  txn.commit();
}

bool delete_quarantine(Session& s, const std::string& source) {
  return s.db.prepared("resume a source", "resume", "DELETE FROM source_quarantines WHERE source = $1",
                       Params().text(source))
             .affected() > 0;
}

std::vector<Quarantine> read_quarantines(Session& s) {
  Result r = s.db.prepared("list quarantined sources", "quarantines",
                           "SELECT source, iso_utc(since), reason, failures FROM source_quarantines"
                           " ORDER BY source COLLATE \"C\"",
                           Params());
  std::vector<Quarantine> out;
  out.reserve(static_cast<std::size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i)
    out.push_back({r.string(i, 0), r.string(i, 1), r.string(i, 2), static_cast<int>(r.int64(i, 3))});
  return out;
}

void write_series_info(Session& s, const SeriesInfo& info, const std::string& now) {
  // The WHERE keeps an unchanged declaration's updated_at: it says when the plugin last changed it.
  s.db.prepared("record a series' metadata", "series_info",
                "INSERT INTO series_info(series, unit, help, label_ja, label_en, plugin, plugin_version, updated_at)"
                " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
                " ON CONFLICT (city, series) DO UPDATE SET unit = excluded.unit, help = excluded.help,"
                " label_ja = excluded.label_ja, label_en = excluded.label_en, plugin = excluded.plugin,"
                " plugin_version = excluded.plugin_version, updated_at = excluded.updated_at"
                " WHERE (series_info.unit, series_info.help, series_info.label_ja, series_info.label_en,"
                " series_info.plugin, series_info.plugin_version) IS DISTINCT FROM (excluded.unit, excluded.help,"
                " excluded.label_ja, excluded.label_en, excluded.plugin, excluded.plugin_version)",
                Params()
                    .text(info.series)
                    .text(info.unit)
                    .text(info.help)
                    .text(info.label_ja)
                    .text(info.label_en)
                    .text(info.plugin)
                    .text(info.plugin_version)
                    .text(now));
}

std::vector<SeriesInfo> read_series_infos(Session& s) {
  Result r = s.db.prepared("list series metadata", "series_infos",
                           "SELECT series, unit, help, label_ja, label_en, plugin, plugin_version, iso_utc(updated_at)"
                           " FROM series_info ORDER BY series",
                           Params());
  std::vector<SeriesInfo> out;
  out.reserve(static_cast<std::size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i)
    out.push_back({r.string(i, 0), r.string(i, 1), r.string(i, 2), r.string(i, 3), r.string(i, 4), r.string(i, 5),
                   r.string(i, 6), r.string(i, 7)});
  return out;
}

std::optional<std::string> read_state(Session& s, const std::string& source, const std::string& key) {
  Result r =
      s.db.prepared("read source state", "state", "SELECT value FROM source_state WHERE source = $1 AND key = $2",
                    Params().text(source).text(key));
  if (r.rows() == 0) return std::nullopt;
  return r.string(0, 0);
}

}  // namespace sosei::store::pg
