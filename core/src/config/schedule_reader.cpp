// Reading a source's schedule block: the cron text is parsed here (schedule::CronExpression) so a
// mistake stops loading with its location instead of surfacing when the daemon first runs it.
#include "config/schedule_reader.hpp"

#include <cctype>

#include "config/quantities.hpp"
#include "schedule/cron_expression.hpp"

namespace sosei::config::detail {
namespace {

using std::chrono::seconds;

// The retry delay is capped at 6 hours (schedule::kMaxRetryDelay); a longer first delay is a mistake.
constexpr seconds kMaxBackoff{6 * 3600};
constexpr int kMaxRetries = 20;

void check_cron(const std::string& text, const Location& at) {
  try {
    schedule::CronExpression::parse(text);
  } catch (const schedule::CronError& e) {
    fail(at, phrase(&Msg::cron_invalid, text, std::string(e.what())));
  }
}

seconds duration(const YAML::Node& node, const Location& at, const std::string& key) {
  const std::string text = as_string(node, at);
  const auto d = parse_duration(text);
  if (!d) fail(at, phrase(&Msg::duration_expected, key, text));
  return *d;
}

void check_every(seconds every, const Location& at) {
  if (every < seconds{60}) fail(at, phrase(&Msg::interval_min, format_duration(every)));
}

// "every 6h" → 6h; nullopt when the text is not of that form (then it is cron text).
std::optional<std::string> every_text(const std::string& text) {
  if (text.rfind("every", 0) != 0) return std::nullopt;
  if (text.size() > 5 && !std::isspace(static_cast<unsigned char>(text[5]))) return std::nullopt;
  const size_t start = text.find_first_not_of(" \t", 5);
  const size_t end = text.find_last_not_of(" \t");
  return start == std::string::npos ? std::string() : text.substr(start, end + 1 - start);
}

void read_map(const Document& doc, const MapReader& source, ScheduleSpec& spec) {
  MapReader m(doc, source.node("schedule"), source.value_at("schedule"), section("schedule"),
              {"cron", "every", "jitter", "timeout", "retries", "backoff", "catch_up"});
  if (!m.has("cron") && !m.has("every")) fail(m.where(), phrase(&Msg::schedule_needs_cron_or_every));
  if (m.has("cron") && m.has("every")) fail(m.key_at("every"), phrase(&Msg::schedule_cron_and_every));
  if (m.has("cron")) {
    spec.cron = m.required_string("cron");
    check_cron(spec.cron, m.value_at("cron"));
  } else {
    spec.every = duration(m.node("every"), m.value_at("every"), "every");
    check_every(spec.every, m.value_at("every"));
  }
  if (m.has("jitter")) spec.jitter = duration(m.node("jitter"), m.value_at("jitter"), "jitter");
  if (spec.every.count() > 0 && spec.jitter >= spec.every)
    fail(m.value_at("jitter"),
         phrase(&Msg::jitter_too_long, format_duration(spec.jitter), format_duration(spec.every)));
  if (m.has("timeout")) {
    spec.timeout = duration(m.node("timeout"), m.value_at("timeout"), "timeout");
    if (spec.timeout.count() == 0) fail(m.value_at("timeout"), phrase(&Msg::timeout_zero));
  }
  if (auto r = m.integer("retries")) {
    if (*r < 0 || *r > kMaxRetries) fail(m.value_at("retries"), phrase(&Msg::retries_range, kMaxRetries, *r));
    spec.retries = *r;
  }
  if (m.has("backoff")) {
    spec.backoff = duration(m.node("backoff"), m.value_at("backoff"), "backoff");
    if (spec.backoff > kMaxBackoff)
      fail(m.value_at("backoff"), phrase(&Msg::backoff_cap, format_duration(spec.backoff)));
  }
  if (auto c = m.choice("catch_up", {"none", "latest", "all"}))
    spec.catch_up = *c == "none"     ? ScheduleSpec::CatchUp::None
                    : *c == "latest" ? ScheduleSpec::CatchUp::Latest
                                     : ScheduleSpec::CatchUp::All;
}

}  // namespace

ScheduleSpec read_schedule(const Document& doc, const MapReader& source) {
  ScheduleSpec spec;
  spec.where = source.value_at("schedule");
  const YAML::Node node = source.node("schedule");
  if (node.IsMap()) {
    read_map(doc, source, spec);
    return spec;
  }
  const std::string text = as_string(node, spec.where);
  if (auto every = every_text(text)) {
    const auto d = parse_duration(*every);
    if (!d) fail(spec.where, phrase(&Msg::duration_expected, std::string("every"), *every));
    spec.every = *d;
    check_every(spec.every, spec.where);
  } else {
    spec.cron = text;
    check_cron(spec.cron, spec.where);
  }
  return spec;
}

Isolation read_isolation(const MapReader& source) {
  const auto choice = source.choice("isolation", {"worker", "none"});
  return choice && *choice == "none" ? Isolation::None : Isolation::Worker;
}

std::uint64_t read_memory_limit(const MapReader& source) {
  // A worker maps the sosei binary, the C++ runtime and the plugin before reading anything.
  constexpr std::uint64_t kMinimum = std::uint64_t{64} << 20;
  const auto text = source.string("memory_limit");
  if (!text) return std::uint64_t{1} << 30;
  const auto bytes = parse_byte_size(*text);
  const Location at = source.value_at("memory_limit");
  if (!bytes) fail(at, phrase(&Msg::memory_limit_expected, *text));
  if (*bytes != 0 && *bytes < kMinimum) fail(at, phrase(&Msg::memory_limit_small, *text));
  return *bytes;
}

}  // namespace sosei::config::detail
