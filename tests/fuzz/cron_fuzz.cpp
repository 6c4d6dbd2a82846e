// Fuzz target: the cron parser of source schedules (sources.yaml is written by hand, sometimes badly).
// Invariants: parse() either throws CronError or gives an expression whose next run after a fixed
// instant is later than it and matches the expression itself in Asia/Tokyo (or, as documented, throws
// std::out_of_range past the year 9999); never a crash or a hang — the search is bounded by 400 years.
#include <chrono>
#include <string_view>

#include "fuzz_target.hpp"
#include "schedule/cron_expression.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size > 256) return 0;  // a schedule is a line; longer inputs only slow the search down
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  using sosei::schedule::CronExpression;
  try {
    const CronExpression cron = CronExpression::parse(text);
    static const date::time_zone* tokyo = date::locate_zone("Asia/Tokyo");
    const std::chrono::sys_seconds start{std::chrono::seconds{1764547200}};  // 2025-12-01T00:00:00Z
    const auto next = cron.next_after(start, tokyo);
    if (next <= start) __builtin_trap();
    const auto local = tokyo->to_local(next);
    const auto day = date::floor<date::days>(local);
    const date::hh_mm_ss time{local - day};
    if (!cron.matches_day(date::year_month_day{day}) ||
        !cron.matches_time(static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count())))
      __builtin_trap();
  } catch (const sosei::schedule::CronError&) {
  } catch (const std::out_of_range&) {
  }
  return 0;
}
