// Text files through open_file: BOM, UTF-8/CP932 detection, CP932 conversion across chunk
// boundaries, caller buffers of any size, and the errors a user sees.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixtures.hpp"

namespace sosei::input::test {
namespace {

using ::testing::HasSubstr;

const std::string kJapanese = "市町村,嘉麻市,①,髙,ｶﾏ,㈱,~\\\n2025,観光入込客数,199000\n";

TEST(TextInput, Utf8WithoutBomPassesThrough) {
  const auto path = write_file(fixture_dir() / "plain.csv", kJapanese);
  EXPECT_EQ(read_file(path, Encoding::Auto), kJapanese);
  EXPECT_EQ(read_file(path, Encoding::Utf8), kJapanese);
}

TEST(TextInput, Utf8BomIsStrippedExceptForBinary) {
  const auto path = write_file(fixture_dir() / "bom.csv", "\xEF\xBB\xBF" + kJapanese);
  EXPECT_EQ(read_file(path, Encoding::Auto), kJapanese);
  EXPECT_EQ(read_file(path, Encoding::Utf8), kJapanese);
  EXPECT_EQ(read_file(path, Encoding::Binary), "\xEF\xBB\xBF" + kJapanese);
}

TEST(TextInput, Cp932IsDetectedAndConverted) {
  const std::string sjis = to_cp932(kJapanese);
  ASSERT_NE(sjis, kJapanese);
  const auto path = write_file(fixture_dir() / "sjis.csv", sjis);
  EXPECT_EQ(read_file(path, Encoding::Auto), kJapanese);
  EXPECT_EQ(read_file(path, Encoding::Cp932), kJapanese);
  EXPECT_EQ(read_file(path, Encoding::Binary), sjis);
}

TEST(TextInput, OneByteCallerBuffer) {
  const auto dir = fixture_dir();
  const auto sjis = write_file(dir / "sjis.csv", to_cp932(kJapanese));
  const auto utf8 = write_file(dir / "utf8.csv", "\xEF\xBB\xBF" + kJapanese);
  EXPECT_EQ(read_file(sjis, Encoding::Auto, "", 1), kJapanese);
  EXPECT_EQ(read_file(sjis, Encoding::Cp932, "", 1), kJapanese);
  EXPECT_EQ(read_file(utf8, Encoding::Auto, "", 1), kJapanese);
}

TEST(TextInput, Cp932CharacterAcrossThe64KiBBoundary) {
  // 髙's two CP932 bytes sit at offsets 65535 and 65536: the first raw read ends between them.
  const std::string head = to_cp932("嘉麻市,");
  std::string sjis = head + std::string(65535 - head.size(), 'a') + to_cp932("髙,ｶﾏ\n");
  ASSERT_EQ(sjis.substr(65535, 2), to_cp932("髙"));
  const std::string expected = "嘉麻市," + std::string(65535 - head.size(), 'a') + "髙,ｶﾏ\n";
  const auto path = write_file(fixture_dir() / "boundary.csv", sjis);
  for (std::size_t chunk :
       {std::size_t{1}, std::size_t{3}, std::size_t{4096}, std::size_t{65536}, std::size_t{1} << 20}) {
    EXPECT_EQ(read_file(path, Encoding::Cp932, "", chunk), expected) << "chunk " << chunk;
    EXPECT_EQ(read_file(path, Encoding::Auto, "", chunk), expected) << "chunk " << chunk;
  }
}

TEST(TextInput, AsciiStartThenCp932IsStillDetected) {
  // The first 100 KiB are ASCII, which both encodings share; the decision waits for the first
  // non-ASCII byte.
  const std::string ascii(100 * 1024, 'x');
  const auto path = write_file(fixture_dir() / "late.csv", ascii + "\n" + to_cp932(kJapanese));
  EXPECT_EQ(read_file(path, Encoding::Auto), ascii + "\n" + kJapanese);
}

TEST(TextInput, LargeCp932FileConvertsCompletely) {
  std::string utf8;
  for (int i = 0; i < 20000; ++i) utf8 += std::to_string(i) + ",嘉麻市①髙ｶﾏ\n";
  const auto path = write_file(fixture_dir() / "large.csv", to_cp932(utf8));
  EXPECT_EQ(read_file(path, Encoding::Auto, "", 1000), utf8);
}

TEST(TextInput, InvalidCp932ReportsTheByteOffset) {
  const auto path = write_file(fixture_dir() / "bad.csv", "abc\n\x81\x20rest\n");
  const std::string message = error_of(path, Encoding::Cp932);
  EXPECT_THAT(message, HasSubstr(path));
  EXPECT_THAT(message, HasSubstr("byte 4"));
  EXPECT_THAT(message, HasSubstr("encoding: utf-8"));
  EXPECT_THAT(message, HasSubstr("cp932"));
  EXPECT_THAT(error_of(path, Encoding::Auto), HasSubstr("byte 4"));
}

TEST(TextInput, InvalidUtf8AfterUtf8StartSuggestsCp932) {
  std::string bytes = "名前\n" + std::string(70000, 'a') + "\xFF\n";
  const auto path = write_file(fixture_dir() / "mixed.csv", bytes);
  const std::string message = error_of(path, Encoding::Auto);
  EXPECT_THAT(message, HasSubstr("byte " + std::to_string(bytes.size() - 2)));
  EXPECT_THAT(message, HasSubstr("encoding: cp932"));
  // utf-8 asked for explicitly: passed as it is.
  EXPECT_EQ(read_file(path, Encoding::Utf8), bytes);
}

// A CP932 export once opened as UTF-8 and saved: valid UTF-8, but its Japanese is gone.
TEST(TextInput, MostlyReplacementCharactersAreRefusedAsMisEncoded) {
  std::string lost;
  for (int row = 0; row < 20; ++row) lost += "\xEF\xBF\xBD\xEF\xBF\xBD,2025,\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\n";
  const auto dir = fixture_dir();
  const auto path = write_file(dir / "lost.csv", "year,name\n" + lost);
  for (Encoding e : {Encoding::Auto, Encoding::Utf8}) {
    const std::string message = error_of(path, e);
    EXPECT_THAT(message, HasSubstr(path));
    EXPECT_THAT(message, HasSubstr("mis-encoded"));
    EXPECT_THAT(message, HasSubstr("100 of 100 non-ASCII characters are U+FFFD"));
    EXPECT_THAT(message, HasSubstr("UTF-8 or CP932"));
  }
  EXPECT_THAT(error_of(write_file(dir / "lost-bom.csv", "\xEF\xBB\xBF" + lost), Encoding::Auto),
              HasSubstr("mis-encoded"));
  // A few replacement characters among real text are the data's own business.
  const std::string some = kJapanese + "備考,\xEF\xBF\xBD\n";
  EXPECT_EQ(read_file(write_file(dir / "some.csv", some), Encoding::Auto), some);
  // Binary reads bytes, whatever they are.
  EXPECT_EQ(read_file(path, Encoding::Binary), "year,name\n" + lost);
}

// Bytes that are not text decode as CP932 mostly into its user-defined area.
TEST(TextInput, MostlyUnassignedCp932IsRefusedAsMisEncoded) {
  std::string bytes = "a,b\n";
  for (int i = 0; i < 40; ++i) bytes += "\xF0\x40\xF0\x41,\xF1\x50\n";
  const auto path = write_file(fixture_dir() / "pua.csv", bytes);
  for (Encoding e : {Encoding::Auto, Encoding::Cp932}) {
    const std::string message = error_of(path, e);
    EXPECT_THAT(message, HasSubstr("mis-encoded"));
    EXPECT_THAT(message, HasSubstr("120 of 120 non-ASCII characters are unassigned"));
  }
  // Real CP932 text with one user-defined character is read.
  const std::string text = to_cp932(kJapanese);
  EXPECT_EQ(read_file(write_file(fixture_dir() / "one.csv", text + "\xF0\x40\n"), Encoding::Auto),
            kJapanese + "\xEE\x80\x80\n");
}

TEST(TextInput, CutOffFilesAreErrors) {
  const auto dir = fixture_dir();
  const std::string sjis = to_cp932("嘉麻市");
  const auto cut_sjis = write_file(dir / "cut_sjis.csv", sjis.substr(0, sjis.size() - 1));
  EXPECT_THAT(error_of(cut_sjis, Encoding::Cp932), HasSubstr("middle of a Shift_JIS/CP932 character"));
  const std::string utf8 = "嘉麻市";
  const auto cut_utf8 = write_file(dir / "cut_utf8.csv", utf8.substr(0, utf8.size() - 1));
  EXPECT_THAT(error_of(cut_utf8, Encoding::Auto), HasSubstr("middle of a UTF-8 character"));
}

TEST(TextInput, BomWithCp932IsAnError) {
  const auto path = write_file(fixture_dir() / "bom.csv",
                               "\xEF\xBB\xBF"
                               "a,b\n");
  EXPECT_THAT(error_of(path, Encoding::Cp932), HasSubstr("encoding: utf-8"));
}

TEST(TextInput, EmptyFile) {
  const auto path = write_file(fixture_dir() / "empty.csv", "");
  EXPECT_EQ(read_file(path, Encoding::Auto), "");
  EXPECT_EQ(read_file(path, Encoding::Cp932), "");
}

TEST(TextInput, MissingFileAndFolderAreErrors) {
  const auto dir = fixture_dir();
  const std::string missing = (dir / "nothing.csv").string();
  EXPECT_THAT(error_of(missing, Encoding::Auto), HasSubstr(missing));
  EXPECT_THAT(error_of(missing, Encoding::Auto), HasSubstr("cannot open"));
  EXPECT_THAT(error_of(dir.string(), Encoding::Auto), HasSubstr("folder"));
}

TEST(TextInput, XlsxExtensionDoesNotMakeAWorkbook) {
  const auto path = write_file(fixture_dir() / "really.xlsx", "a,b\n1,2\n");
  EXPECT_EQ(read_file(path, Encoding::Auto), "a,b\n1,2\n");
}

TEST(TextInput, EncodingNames) {
  EXPECT_EQ(encoding_from("auto"), Encoding::Auto);
  EXPECT_EQ(encoding_from(""), Encoding::Auto);
  EXPECT_EQ(encoding_from("UTF-8"), Encoding::Utf8);
  EXPECT_EQ(encoding_from("utf8"), Encoding::Utf8);
  EXPECT_EQ(encoding_from("cp932"), Encoding::Cp932);
  EXPECT_EQ(encoding_from("Shift_JIS"), Encoding::Cp932);
  EXPECT_EQ(encoding_from("sjis"), Encoding::Cp932);
  EXPECT_EQ(encoding_from("binary"), Encoding::Binary);
  EXPECT_EQ(encoding_from("euc-jp"), std::nullopt);
}

}  // namespace
}  // namespace sosei::input::test
