// The coverage rate as the Fire and Disaster Management Agency (消防庁) defines it: households in
// districts covered by an organization active on the reference date ÷ all households. Pure code.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cells.hpp"

namespace disaster_coverage {

// One district (行政区) in the register of one fiscal year.
struct District {
  std::string code;  // as the register writes it
  std::string key;   // district_key(code)
  std::string name;
  uint64_t households = 0;
  uint64_t line = 0;  // where the register lists it
};

// One voluntary disaster-prevention organization (自主防災組織) of the roster.
struct Organization {
  std::string name;
  std::vector<std::string> district_keys;
  Date established;
  std::optional<Date> dissolved;
  uint64_t line = 0;

  // Established on or before `day` and not dissolved on or before it.
  bool active_on(const Date& day) const {
    return established.key() <= day.key() && (!dissolved || dissolved->key() > day.key());
  }
};

struct Coverage {
  std::vector<bool> covered;  // per district, in the order given
  uint64_t covered_households = 0;
  uint64_t total_households = 0;
  // covered ÷ total × 100, unrounded (the city publishes two decimals: see README).
  double percent() const {
    return total_households == 0
               ? 0.0
               : static_cast<double>(covered_households) * 100.0 / static_cast<double>(total_households);
  }
};

// A district covered by several organizations counts once. Keys of organizations that name no
// district of this year are ignored here (the roster reader checked them against every year).
Coverage compute_coverage(const std::vector<District>& districts, const std::vector<Organization>& organizations,
                          const Date& reference_date);

}  // namespace disaster_coverage
