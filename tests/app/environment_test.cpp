// The environment's "today" is the configured time zone's date whatever the process's TZ, at every
// hour of a day that starts a fiscal year in Tokyo while it is still the old one in UTC.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>

#include "app/environment.hpp"
#include "app/evaluation.hpp"

namespace sosei::app {
namespace {

using namespace std::chrono;

const std::string kBundledConfig = std::string(SOSEI_TEST_SOURCE_DIR) + "/config/sosei.yaml";

// Sets the process's TZ for one scope (what a server's environment or systemd unit would set).
class ProcessTimeZone {
 public:
  explicit ProcessTimeZone(const char* zone) {
    if (const char* old = std::getenv("TZ")) old_ = old;
    ::setenv("TZ", zone, 1);
    ::tzset();
  }
  ~ProcessTimeZone() {
    if (old_.empty())
      ::unsetenv("TZ");
    else
      ::setenv("TZ", old_.c_str(), 1);
    ::tzset();
  }

 private:
  std::string old_;
};

// The evaluation as of today under one process TZ: its as-of date.
std::string evaluated_as_of(const char* process_zone, const Clock& clock) {
  ProcessTimeZone tz(process_zone);
  const Environment env(EnvironmentOptions{kBundledConfig, ":memory:", &clock});
  auto store = env.open_store();
  return evaluate_stored(env, *store, env.today(), grading_scheme(env, "")).as_of.str();
}

TEST(Environment, TodayIsTheConfiguredZonesDateWhateverTheProcessZone) {
  // 2026-03-31 00:30 UTC … 23:30 UTC: in Tokyo (UTC+9) the date turns to 2026-04-01 (FY2026) at 15:00 UTC.
  for (int hour = 0; hour < 24; ++hour) {
    const sys_seconds instant{sys_days{year{2026} / 3 / 31} + hours{hour} + minutes{30}};
    const ManualClock clock(instant);
    const std::string tokyo_date = hour < 15 ? "2026-03-31" : "2026-04-01";
    EXPECT_EQ(evaluated_as_of("UTC", clock), tokyo_date) << hour << ":30 UTC";
    EXPECT_EQ(evaluated_as_of("Asia/Tokyo", clock), tokyo_date) << hour << ":30 UTC";
    EXPECT_EQ(evaluated_as_of("America/New_York", clock), tokyo_date) << hour << ":30 UTC";
  }
}

TEST(Environment, DatabaseOverrideAndClockAreTheOnesGiven) {
  const ManualClock clock(sys_seconds{sys_days{year{2026} / 12 / 3} + hours{23} + minutes{30}});
  const Environment env(EnvironmentOptions{kBundledConfig, "/tmp/elsewhere.db", &clock});
  EXPECT_EQ(env.database(), "/tmp/elsewhere.db");
  EXPECT_EQ(env.config().timezone, "Asia/Tokyo");
  EXPECT_EQ(env.today().str(), "2026-12-04");  // 23:30 UTC is 08:30 the next morning in Tokyo
  EXPECT_EQ(&env.clock(), &clock);
  EXPECT_EQ(env.store_config().location, "/tmp/elsewhere.db");
  EXPECT_EQ(env.store_config().clock, &clock);
}

// Readers open the store only if it exists: --db with a typo is refused, not created empty.
TEST(Environment, AStoreThatMustExistIsRefusedWhenMissingAndNotCreated) {
  const std::string missing =
      (std::filesystem::temp_directory_path() / ("sosei-env-" + std::to_string(::getpid()) + "-typo.db")).string();
  std::filesystem::remove(missing);
  const Environment env(EnvironmentOptions{kBundledConfig, missing, nullptr});
  EXPECT_TRUE(env.database_overridden());
  EXPECT_FALSE(env.store_config(std::chrono::milliseconds(5000), StoreOpen::MustExist).create_if_missing);
  EXPECT_THROW(env.open_store(std::chrono::milliseconds(5000), StoreOpen::MustExist), store::NoDatabase);
  EXPECT_FALSE(std::filesystem::exists(missing));
  env.open_store();  // a writer creates it
  EXPECT_TRUE(std::filesystem::exists(missing));
  EXPECT_NO_THROW(env.open_store(std::chrono::milliseconds(5000), StoreOpen::MustExist));
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(missing + suffix);
}

TEST(Environment, ABrokenConfigurationNamesTheFile) {
  try {
    const Environment env(EnvironmentOptions{std::string(SOSEI_TEST_SOURCE_DIR) + "/no/such/sosei.yaml", "", nullptr});
    FAIL() << "loaded a configuration that does not exist";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("no/such/sosei.yaml"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace sosei::app
