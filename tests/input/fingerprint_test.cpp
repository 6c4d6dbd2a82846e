// FingerprintingStream: XXH3-128 of exactly the bytes read, whatever the caller's buffer size.
#include <gtest/gtest.h>
#include <xxhash.h>

#include "fixtures.hpp"

namespace sosei::input::test {
namespace {

std::string fingerprint_of(const std::string& path, std::size_t chunk) {
  FingerprintingStream stream(open_file(path, Encoding::Binary, ""));
  read_all(stream, chunk);
  return stream.fingerprint();
}

TEST(Fingerprint, SameBytesSameHexOneByteChangedDifferent) {
  const auto dir = fixture_dir();
  std::string bytes;
  for (int i = 0; i < 10000; ++i) bytes += std::to_string(i) + ",嘉麻市\n";
  const auto a = write_file(dir / "a.csv", bytes);
  const auto b = write_file(dir / "b.csv", bytes);
  bytes[5000] ^= 1;
  const auto c = write_file(dir / "c.csv", bytes);
  const std::string fa = fingerprint_of(a, 4096);
  EXPECT_EQ(fa.size(), 32u);
  EXPECT_EQ(fa.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(fingerprint_of(b, 7), fa);
  EXPECT_NE(fingerprint_of(c, 4096), fa);
}

TEST(Fingerprint, IsXxh3Of128BitsOfTheConvertedText) {
  const std::string text = "嘉麻市,①\n";
  const auto path = write_file(fixture_dir() / "sjis.csv", to_cp932(text));
  FingerprintingStream stream(open_file(path, Encoding::Auto, ""));
  EXPECT_EQ(stream.name(), path);
  EXPECT_EQ(read_all(stream, 1), text);
  const XXH128_hash_t hash = XXH3_128bits(text.data(), text.size());
  char expected[33];
  std::snprintf(expected, sizeof expected, "%016llx%016llx", static_cast<unsigned long long>(hash.high64),
                static_cast<unsigned long long>(hash.low64));
  EXPECT_EQ(stream.fingerprint(), expected);
}

}  // namespace
}  // namespace sosei::input::test
