// API tokens over SQLite (tokens.cpp): the hashed hand-entry tokens of the departments.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/sqlite/session.hpp"
#include "store/store.hpp"

namespace sosei::store {

int64_t add_sqlite_token(Session& session, const std::string& sha256, const std::string& department,
                         const std::string& note, TokenRole role);
std::vector<ApiToken> read_sqlite_tokens(sqlite::Connection& db);
std::optional<ApiToken> read_sqlite_token_by_hash(sqlite::Connection& db, const std::string& sha256);
void mark_sqlite_token_used(Session& session, int64_t id);
bool revoke_sqlite_token(Session& session, int64_t id);

}  // namespace sosei::store
