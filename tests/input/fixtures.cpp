// Helpers of the input tests (see fixtures.hpp).
#include "fixtures.hpp"

#include <gtest/gtest.h>
#include <minizip/zip.h>

#include <fstream>

namespace sosei::input::test {

std::filesystem::path fixture_dir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  auto dir = std::filesystem::path(SOSEI_TEST_BINARY_DIR) / "input-fixtures" /
             (std::string(info->test_suite_name()) + "." + info->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  EXPECT_TRUE(out.good()) << path;
  return path.string();
}

std::string read_all(InputStream& stream, std::size_t chunk) {
  std::string all;
  std::vector<char> buffer(chunk);
  for (;;) {
    const std::size_t got = stream.read(buffer.data(), buffer.size());
    if (got == 0) return all;
    EXPECT_LE(got, chunk);
    all.append(buffer.data(), got);
  }
}

std::string read_file(const std::string& path, Encoding encoding, const std::string& sheet, std::size_t chunk) {
  auto stream = open_file(path, encoding, sheet);
  return read_all(*stream, chunk);
}

std::string error_of(const std::string& path, Encoding encoding, const std::string& sheet) {
  try {
    read_file(path, encoding, sheet);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& entries) {
  zipFile zip = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  ASSERT_NE(zip, nullptr);
  for (const auto& [name, content] : entries) {
    zip_fileinfo info{};
    ASSERT_EQ(zipOpenNewFileInZip(zip, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                                  Z_DEFAULT_COMPRESSION),
              ZIP_OK);
    ASSERT_EQ(zipWriteInFileInZip(zip, content.data(), static_cast<unsigned>(content.size())), ZIP_OK);
    ASSERT_EQ(zipCloseFileInZip(zip), ZIP_OK);
  }
  ASSERT_EQ(zipClose(zip, nullptr), ZIP_OK);
}

}  // namespace sosei::input::test
