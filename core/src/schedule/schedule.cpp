// Schedule: slots of a cron expression or an anchored interval, per-source jitter, next run, retries.
#include "schedule/schedule.hpp"

#include <cstdint>
#include <stdexcept>

namespace sosei::schedule {
namespace {

// 64-bit FNV-1a: stable across compilers and runs, unlike std::hash.
struct Fnv1a {
  std::uint64_t h = 14695981039346656037ULL;
  void add(unsigned char byte) {
    h ^= byte;
    h *= 1099511628211ULL;
  }
};

// FNV-1a's low bits vary little between similar inputs; a final mix (splitmix64's) spreads them
// before taking a remainder.
std::uint64_t mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

// The largest multiple of `step` that is ≤ `x` (floor division, also for negative x).
std::int64_t floor_div(std::int64_t x, std::int64_t step) {
  std::int64_t q = x / step;
  if (x % step != 0 && (x < 0) != (step < 0)) --q;
  return q;
}

}  // namespace

Schedule::Schedule(config::ScheduleSpec spec, std::string source_id)
    : spec_(std::move(spec)), source_id_(std::move(source_id)) {
  const bool has_cron = !spec_.cron.empty();
  const bool has_every = spec_.every.count() != 0;
  if (has_cron == has_every)
    throw std::invalid_argument("the schedule of source '" + source_id_ +
                                "' needs exactly one of a cron expression and an interval");
  if (spec_.every.count() < 0 || spec_.jitter.count() < 0 || spec_.backoff.count() < 0)
    throw std::invalid_argument("the schedule of source '" + source_id_ + "' has a negative duration");
  if (has_cron) cron_ = CronExpression::parse(spec_.cron);
}

sys_seconds Schedule::next_slot(sys_seconds after, const date::time_zone* zone) const {
  if (cron_) return cron_->next_after(after, zone);
  const sys_seconds epoch{};
  const sys_seconds anchor = epoch - zone->get_info(epoch).offset;  // 1970-01-01 00:00 local
  const std::int64_t k = floor_div((after - anchor).count(), spec_.every.count()) + 1;
  return anchor + k * spec_.every;
}

seconds Schedule::jitter_for(sys_seconds slot) const {
  if (spec_.jitter.count() <= 0) return seconds{0};
  Fnv1a f;
  for (char c : source_id_) f.add(static_cast<unsigned char>(c));
  const auto t = static_cast<std::uint64_t>(slot.time_since_epoch().count());
  for (int shift = 0; shift < 64; shift += 8) f.add(static_cast<unsigned char>(t >> shift));
  const auto range = static_cast<std::uint64_t>(spec_.jitter.count()) + 1;
  return seconds{static_cast<std::int64_t>(mix(f.h) % range)};
}

sys_seconds Schedule::next_run_slot(sys_seconds after, const date::time_zone* zone) const {
  // A slot up to `jitter` before `after` may still start after it. Slots only grow and due_at(s) ≥ s,
  // so once a slot reaches the best start found, no later slot can start earlier.
  std::optional<sys_seconds> best_due;
  sys_seconds best_slot{};
  for (sys_seconds slot = next_slot(after - spec_.jitter, zone);; slot = next_slot(slot, zone)) {
    if (best_due && slot >= *best_due) break;
    const sys_seconds due = due_at(slot);
    if (due > after && (!best_due || due < *best_due)) {
      best_due = due;
      best_slot = slot;
    }
  }
  return best_slot;
}

sys_seconds Schedule::next_run(sys_seconds after, const date::time_zone* zone) const {
  return due_at(next_run_slot(after, zone));
}

seconds Schedule::retry_delay(int attempt) const {
  if (attempt < 1) throw std::invalid_argument("retry attempts count from 1, got " + std::to_string(attempt));
  seconds delay = spec_.backoff;
  // Doubling stops at the cap, so a large attempt number cannot overflow.
  for (int i = 1; i < attempt && delay < kMaxRetryDelay; ++i) delay *= 2;
  return std::min(delay, kMaxRetryDelay);
}

}  // namespace sosei::schedule
