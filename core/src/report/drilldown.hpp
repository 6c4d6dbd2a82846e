// Breakdowns of a KPI by dimension from the stored observations of its source's plugin series (bus
// boardings by route, visitors by spot, households by district). Pure: the store is read elsewhere.
#pragma once

#include <vector>

#include "evaluate/as_of.hpp"
#include "report/report_model.hpp"

namespace sosei::report {

// One table per series that has dimensions: a row per combination of shown dimensions, a column per
// year (published by `as_of`, by the KPI's publication lag); months are summed into their year. A
// code that names the same thing as a name (district ↔ district_name, spot_code ↔ spot) is not
// shown twice. A monthly series is left out when a yearly one with the same dimensions exists.
// Rows: the largest value of the latest year first.
std::vector<Drilldown> build_drilldowns(const config::Kpi& kpi, const std::vector<DimensionedSeries>& series,
                                        const Date& as_of, const ReportOptions& options);

}  // namespace sosei::report
