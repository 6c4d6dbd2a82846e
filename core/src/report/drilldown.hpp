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
// Every row, the largest value of the latest year first; fold_drilldown_rows cuts them.
std::vector<Drilldown> build_drilldowns(const config::Kpi& kpi, const std::vector<DimensionedSeries>& series,
                                        const Date& as_of, const ReportOptions& options);

// Orders the rows by the latest year, largest first, and sums those beyond `shown` into
// Drilldown::others (0: every row is shown). Done last, after a final report has emptied its
// unapproved years, so that figures it hides never choose the rows it shows.
void fold_drilldown_rows(Drilldown& d, std::size_t shown, Lang lang);

}  // namespace sosei::report
