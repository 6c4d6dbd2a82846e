// Reading and writing api_tokens (docs/schema.md). A token's text never reaches this file: only
// its SHA-256, so a copied database gives nobody a usable token.
#include "store/sqlite/tokens.hpp"

#include <sqlite3.h>

namespace sosei::store {
namespace {

constexpr const char* kAdd =
    "INSERT INTO api_tokens(token_sha256, department, note, created_at, role) VALUES (?1, ?2, ?3, ?4, ?5)";
#define SOSEI_TOKEN_COLUMNS                                                            \
  "SELECT id, token_sha256, department, note, created_at, coalesce(last_used_at, '')," \
  " coalesce(revoked_at, ''), role FROM api_tokens"
constexpr const char* kList = SOSEI_TOKEN_COLUMNS " ORDER BY id";
constexpr const char* kByHash = SOSEI_TOKEN_COLUMNS " WHERE token_sha256 = ?1";
constexpr const char* kUsed = "UPDATE api_tokens SET last_used_at = ?2 WHERE id = ?1";
constexpr const char* kRevoke = "UPDATE api_tokens SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL";

ApiToken read_token(const sqlite::Statement& s) {
  ApiToken t;
  t.id = s.int64(0);
  t.sha256 = s.string(1);
  t.department = s.string(2);
  t.note = s.string(3);
  t.created_at = s.string(4);
  t.last_used_at = s.string(5);
  t.revoked_at = s.string(6);
  t.role = token_role_from(s.text(7)).value_or(TokenRole::Department);
  return t;
}

}  // namespace

int64_t add_sqlite_token(Session& session, const std::string& sha256, const std::string& department,
                         const std::string& note, TokenRole role) {
  const std::string now = session.now();
  const std::string role_text = to_string(role);
  sqlite::Statement& s = session.db.statement("add an API token", kAdd);
  s.bind(1, sha256);
  s.bind(2, department);
  s.bind(3, note);
  s.bind(4, now);
  s.bind(5, role_text);
  s.run();
  return session.db.last_insert_rowid();
}

std::vector<ApiToken> read_sqlite_tokens(sqlite::Connection& db) {
  sqlite::Statement& s = db.statement("list API tokens", kList);
  sqlite::Use use(s);
  std::vector<ApiToken> out;
  while (s.step()) out.push_back(read_token(s));
  return out;
}

std::optional<ApiToken> read_sqlite_token_by_hash(sqlite::Connection& db, const std::string& sha256) {
  sqlite::Statement& s = db.statement("look up an API token", kByHash);
  sqlite::Use use(s);
  s.bind(1, sha256);
  if (!s.step()) return std::nullopt;
  return read_token(s);
}

void mark_sqlite_token_used(Session& session, int64_t id) {
  const std::string now = session.now();
  sqlite::Statement& s = session.db.statement("note the use of an API token", kUsed);
  s.bind(1, id);
  s.bind(2, now);
  s.run();
}

bool revoke_sqlite_token(Session& session, int64_t id) {
  const std::string now = session.now();
  sqlite::Statement& s = session.db.statement("revoke an API token", kRevoke);
  s.bind(1, id);
  s.bind(2, now);
  s.run();
  return sqlite3_changes(session.db.handle()) > 0;
}

}  // namespace sosei::store
