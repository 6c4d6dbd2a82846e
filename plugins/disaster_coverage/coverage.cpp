// Coverage on one reference date.
#include "coverage.hpp"

#include <unordered_set>

namespace disaster_coverage {

Coverage compute_coverage(const std::vector<District>& districts, const std::vector<Organization>& organizations,
                          const Date& reference_date) {
  std::unordered_set<std::string> covered_keys;
  for (const auto& organization : organizations)
    if (organization.active_on(reference_date))
      covered_keys.insert(organization.district_keys.begin(), organization.district_keys.end());

  Coverage c;
  c.covered.reserve(districts.size());
  for (const auto& district : districts) {
    const bool covered = covered_keys.count(district.key) > 0;
    c.covered.push_back(covered);
    c.total_households += district.households;
    if (covered) c.covered_households += district.households;
  }
  return c;
}

}  // namespace disaster_coverage
