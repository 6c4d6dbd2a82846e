// Results tables of the school_scores tests, with the expected numbers worked out by hand.
#pragma once

#include <string>

namespace score_fixtures {

// Hand-computed (city ÷ national × 100):
//   小 国語 65.0 / 67.0 = 97.0149253731    小 算数 70.2 / 63.4 = 110.7255520505   → 小 average 103.8702387118
//   中 国語 58.0 / 58.1 = 99.8278829604    中 数学 48.0 / 52.5 =  91.4285714286   → 中 average  95.6282271945
//   KPI = min(103.87…, 95.63…) = 95.6282271945 (中 decides)
inline const std::string kFy2024 =
    "年度,校種,教科,市平均正答率,全国平均正答率\n"
    "R6,小学校,国語,65.0,67.0\n"
    "R6,小学校,算数,70.2,63.4\n"
    "R6,中学校,国語,58.0,58.1\n"
    "R6,中学校,数学,48.0,52.5\n";

// FY2025: 中 理科 is a computer-based test reported as an IRT scaled score (national 503).
//   小 国語 66/66 = 100, 小 算数 60/58 = 103.4482758621                        → 小 101.7241379310
//   中 国語 57/58 = 98.2758620690, 中 数学 50/51 = 98.0392156863               → 中  98.1575388776
//   中 理科 492/503 = 97.8131212724 (break; left out of the 中 average)          → KPI 98.1575388776 (break)
inline const std::string kFy2025 =
    "年度,校種,教科,市平均正答率,全国平均正答率,score_type\n"
    "2025,小,国語,66,66,rate\n"
    "2025,小,算数,60,58,rate\n"
    "2025,中,国語,57,58,rate\n"
    "2025,中,数学,50,51,rate\n"
    "2025,中,理科,492,503,scaled\n";

}  // namespace score_fixtures
