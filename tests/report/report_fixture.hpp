// A small deterministic strategy with one KPI of each kind the report lays out differently, stored
// values built in code, its evaluation as of FY2026 with the city's scheme, and dimensioned series
// for the drill-downs. Shared by every report test.
#pragma once

#include <filesystem>
#include <string>

#include "evaluate/evaluation.hpp"
#include "report/report_model.hpp"

namespace sosei::report::test {

config::Strategy strategy();
evaluate::Evaluation evaluation(const config::Strategy& s);
DrilldownInput drilldowns();
// One stored value as Store::dimension_totals gives it (a sum of one value).
store::DimensionTotal total(Period p, double v, store::Dimensions dims);
ReportModel model(const ReportOptions& options = {});

// A scratch folder under the build tree, of the running test alone, emptied first.
std::filesystem::path scratch(const std::string& name);
std::string read_file(const std::filesystem::path& p);

}  // namespace sosei::report::test
