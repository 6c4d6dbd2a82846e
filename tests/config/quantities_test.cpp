// Duration and byte-size notations of the configuration, table-driven: what reads, what is refused.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "config/quantities.hpp"

namespace sosei::config {
namespace {

struct DurationCase {
  const char* text;
  std::optional<long long> seconds;  // nullopt: refused
};

TEST(Durations, ReadAsWritten) {
  const DurationCase cases[] = {
      {"30s", 30},
      {"10m", 600},
      {"6h", 21600},
      {"1d", 86400},
      {"1h30m", 5400},
      {"0", 0},
      {"0s", 0},
      {"90m", 5400},
      {"1d12h", 129600},
      {"3660d", 3660LL * 86400},
      {"", std::nullopt},
      {"6", std::nullopt},
      {"h", std::nullopt},
      {"6 h", std::nullopt},
      {"6H", std::nullopt},
      {"1w", std::nullopt},
      {"-5m", std::nullopt},
      {"1.5h", std::nullopt},
      {"1h ", std::nullopt},
      {"3661d", std::nullopt},  // more than ten years
      {"99999999999999999999s", std::nullopt},
  };
  for (const auto& c : cases) {
    const auto d = parse_duration(c.text);
    if (c.seconds) {
      ASSERT_TRUE(d.has_value()) << c.text;
      EXPECT_EQ(d->count(), *c.seconds) << c.text;
    } else {
      EXPECT_FALSE(d.has_value()) << c.text;
    }
  }
}

TEST(Durations, FormatReadsBack) {
  for (long long s : {0LL, 1LL, 59LL, 60LL, 61LL, 3600LL, 5400LL, 86400LL, 90061LL, 21600LL}) {
    const std::string text = format_duration(std::chrono::seconds{s});
    ASSERT_EQ(parse_duration(text), std::chrono::seconds{s}) << text;
  }
  EXPECT_EQ(format_duration(std::chrono::seconds{5400}), "1h30m");
  EXPECT_EQ(format_duration(std::chrono::seconds{90061}), "1d1h1m1s");
  EXPECT_EQ(format_duration(std::chrono::seconds{0}), "0s");
}

TEST(ByteSizes, BinaryUnitsOnly) {
  EXPECT_EQ(parse_byte_size("0"), 0u);
  EXPECT_EQ(parse_byte_size("4096"), 4096u);
  EXPECT_EQ(parse_byte_size("4096B"), 4096u);
  EXPECT_EQ(parse_byte_size("64KiB"), 64u << 10);
  EXPECT_EQ(parse_byte_size("512MiB"), 512ULL << 20);
  EXPECT_EQ(parse_byte_size("1GiB"), 1ULL << 30);
  EXPECT_EQ(parse_byte_size("2TiB"), 2ULL << 40);
  for (const char* bad :
       {"", "MiB", "512MB", "512 MiB", "512mib", "1.5GiB", "-1", "16777216TiB", "99999999999999999999"})
    EXPECT_EQ(parse_byte_size(bad), std::nullopt) << bad;
}

}  // namespace
}  // namespace sosei::config
