// Fixture files of the bus_ridership tests (see fixtures.hpp).
#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace fs = std::filesystem;

namespace bus_ridership::test {

fs::path fixture_dir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  fs::path dir = fs::path(BUS_RIDERSHIP_FIXTURE_DIR) / (std::string(info->test_suite_name()) + "." + info->name());
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

fs::path conformance(const std::string& relative) { return fs::path(BUS_RIDERSHIP_CONFORMANCE_DIR) / relative; }

}  // namespace bus_ridership::test
