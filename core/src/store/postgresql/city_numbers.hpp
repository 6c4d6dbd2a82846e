// Some series' plain numbers for every readable city in one statement (Store::city_numbers): a
// national view of a shared indicator reads 1,741 cities with one query, not a connection per city.
// Row-level security decides which cities the statement sees.
#pragma once

#include <map>
#include <set>
#include <string>

#include "store/postgresql/session.hpp"
#include "store/store.hpp"

namespace sosei::store::pg {

std::map<std::string, SeriesNumbers> read_city_numbers(Session& s, const std::set<std::string>& series);

}  // namespace sosei::store::pg
