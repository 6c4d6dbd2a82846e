// A source's schedule as a person reads it: the cron expression of sources.yaml in words where it has
// a common shape (毎日 6:30, 毎週月曜 7:00, 毎月5日 7:00, 毎年9月1日 7:00; daily 06:30, …), and as
// written where it does not (steps, ranges of hours, both day fields, days 29–31 that some months
// skip), so nothing is ever misread.
#pragma once

#include <string>
#include <string_view>

#include "text/lang.hpp"

namespace sosei::text {

// `cron` is a valid 5-field expression or macro (the config loader has checked it), or an interval as
// the status report writes it ("every 21600s": 6時間ごと / every 6 h); anything this function does
// not recognise is returned unchanged.
std::string schedule_text(std::string_view cron, Lang lang);

}  // namespace sosei::text
