// The sign-off in the report model: each KPI's current commentary, and with --approved-only 未確定 in
// place of every value, actual and grade that is not approved (docs/signoff.md).
#pragma once

#include "report/report_model.hpp"

namespace sosei::report {

// Called by build_report once the rows and the goal summary are built.
void apply_signoff(ReportModel& model, const SignoffInput& signoff);

}  // namespace sosei::report
