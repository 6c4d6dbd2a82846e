// The report's fixed texts come from the one message catalogue (text/catalogue.hpp).
#pragma once

#include "report/report_model.hpp"
#include "text/catalogue.hpp"
#include "text/periods.hpp"

namespace sosei::report {

using Labels = text::Catalogue;
inline const Labels& labels_for(Lang lang) { return text::catalogue(lang); }
using text::status_text;
using text::year_label;

}  // namespace sosei::report
