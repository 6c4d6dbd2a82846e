// The PostgreSQL store's small tables: API tokens, source quarantines, series metadata and source
// state.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/postgresql/session.hpp"
#include "store/store.hpp"

namespace sosei::store::pg {

int64_t add_token(Session& s, const std::string& sha256, const std::string& department, const std::string& note,
                  TokenRole role);
std::vector<ApiToken> read_tokens(Session& s);
std::optional<ApiToken> read_token_by_hash(Session& s, const std::string& sha256);
void mark_token_used(Session& s, int64_t id);
bool revoke_token(Session& s, int64_t id);

void save_quarantine(Session& s, const Quarantine& q);
bool delete_quarantine(Session& s, const std::string& source);
std::vector<Quarantine> read_quarantines(Session& s);

void write_series_info(Session& s, const SeriesInfo& info, const std::string& now);
std::vector<SeriesInfo> read_series_infos(Session& s);

std::optional<std::string> read_state(Session& s, const std::string& source, const std::string& key);

}  // namespace sosei::store::pg
