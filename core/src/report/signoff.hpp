// The sign-off in the report model: each KPI's current commentary, and with --approved-only 未確定 in
// place of every value, actual and grade that is not approved (docs/signoff.md).
#pragma once

#include <string>

#include "common/date.hpp"
#include "report/report_model.hpp"
#include "store/store.hpp"
#include "text/lang.hpp"

namespace sosei::report {

// Called by build_report once the rows and the goal summary are built; commentary on years after
// `as_of`'s is left out.
void apply_signoff(ReportModel& model, const SignoffInput& signoff, const Date& as_of);

// What a comment kind is called in the council's report: 要因分析, 今後の方向性, 推進会議の意見.
std::string comment_kind_label(store::CommentKind kind, text::Lang lang);

}  // namespace sosei::report
