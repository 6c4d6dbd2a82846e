// The roster of voluntary disaster-prevention organizations (自主防災組織): which districts each
// covers, when it was established and, if so, dissolved.
#pragma once

#include <string>
#include <vector>

#include <sosei/plugin.hpp>

#include "coverage.hpp"
#include "names.hpp"

namespace disaster_coverage {

// `known`: the districts of every year of the register; a roster cell names each district by its
// code or by its name (names.hpp). A code or name the register does not know, or a name several
// districts share, is a bad row (the whole organization is skipped under on_bad_row: skip, since the
// roster row itself is wrong). `districts_column`: the setting naming the districts column, if set.
std::vector<Organization> read_roster(const sosei::Context& ctx, sosei::ByteReader& in, const std::string& name,
                                      const DistrictIndex& known, const std::string& register_name,
                                      const std::string& districts_column);

}  // namespace disaster_coverage
