// Every readable city at a glance in one pass (Store::city_glances): a prefecture's page over dozens
// of cities, or the nation's over 1,741, costs a handful of grouped statements, not a connection and a
// dozen queries per city. Row-level security decides which cities the statements see.
#pragma once

#include <vector>

#include "store/postgresql/session.hpp"
#include "store/store.hpp"

namespace sosei::store::pg {

std::vector<CityGlance> read_city_glances(Session& s);

}  // namespace sosei::store::pg
