// The one way the core opens a store: the location picks the implementation, so callers never name
// a database. SQLite is the only one today; PostgreSQL ("postgresql://…") comes next.
#include <filesystem>
#include <string_view>

#include "store/sqlite/store.hpp"
#include "store/store.hpp"

namespace sosei::store {

std::unique_ptr<Store> open_store(const StoreConfig& config) {
  const std::string_view location = config.location;
  if (location.starts_with("postgresql://") || location.starts_with("postgres://"))
    throw StoreError("cannot open " + config.location + ": this sosei stores in SQLite files only");
  return open_sqlite_store(config);
}

bool store_exists(const std::string& location) {
  if (location == ":memory:") return false;
  std::error_code ec;
  return std::filesystem::is_regular_file(location, ec);
}

}  // namespace sosei::store
