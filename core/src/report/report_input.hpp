// The report's contact with the store: the dimensioned series behind each KPI (its sources' plugin
// series, stored as "<source>/<series>") with the units and help texts their plugins declared when
// they last imported (the store keeps them, so the report loads no plugin).
#pragma once

#include "config/model.hpp"
#include "report/report_model.hpp"
#include "store/store.hpp"

namespace sosei::report {

// For each KPI: the stored series of the sources that feed it, and the KPI's own series, keeping
// only observations with dimensions. KPIs without any are left out.
DrilldownInput load_drilldowns(store::Store& store, const config::AppConfig& config);

}  // namespace sosei::report
