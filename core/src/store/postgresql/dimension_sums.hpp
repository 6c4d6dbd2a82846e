// The PostgreSQL store's dimension sums (migration 13; docs/schema.md `dimension_sums`): the numeric
// values with dimensions summed per series, dimension set and month. An import run notes which
// series and months it wrote (a set of a few hundred keys at most, whatever the rows) and sums those
// months again from the observations at its end, inside its transaction: one grouped scan of the
// months it touched, by the key index. Row-level triggers upserting a sum per value made a first
// import of a million values 6.7 times slower (bench/RESULTS.md), statement-level ones too.
#pragma once

#include <set>
#include <string>
#include <tuple>

#include "store/postgresql/connection.hpp"
#include "store/store.hpp"

namespace sosei::store::pg {

class TouchedMonths {
 public:
  // Notes the month of a value with dimensions (others are never summed).
  void note(const std::string& series, const Period& period, bool has_dimensions) {
    if (!has_dimensions) return;
    Key key{series, static_cast<int>(period.kind), period.year, period.month};
    if (key == last_) return;  // values mostly come month by month
    touched_.insert(key);
    last_ = std::move(key);
  }

  // Sums every noted month again from the observations of the session's city, and forgets them.
  void resum(Connection& db);
  void clear() {
    touched_.clear();
    last_ = {};
  }

 private:
  using Key = std::tuple<std::string, int, int, int>;  // series, period kind, year, month (0 for years)
  std::set<Key> touched_;
  Key last_;
};

// Sums every value of the session's city again (after rows were copied in without an import run).
void rebuild_dimension_sums(Connection& db);

}  // namespace sosei::store::pg
