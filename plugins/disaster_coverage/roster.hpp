// The roster of voluntary disaster-prevention organizations (自主防災組織): which districts each
// covers, when it was established and, if so, dissolved.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include <sosei/plugin.hpp>

#include "coverage.hpp"

namespace disaster_coverage {

// `known`: district key → code as the register writes it, over every year of the register. A code
// the register does not know is a bad row (the whole organization is skipped under on_bad_row: skip,
// since the roster row itself is wrong).
std::vector<Organization> read_roster(const sosei::Context& ctx, sosei::ByteReader& in, const std::string& name,
                                      const std::unordered_map<std::string, std::string>& known,
                                      const std::string& register_name);

}  // namespace disaster_coverage
