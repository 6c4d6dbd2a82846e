// What the system says about a file, in the reader's language: the errno values a person meets get
// a sentence in each language; any other is the C library's own text rather than nothing.
#include "text/system_errors.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>

namespace sosei::text {
namespace {

std::string in(Lang lang, int errnum) { return system_error(errnum)(Locale{lang, YearStyle::Era}); }

TEST(SystemErrors, TheCommonOnesInJapaneseAndEnglish) {
  EXPECT_EQ(in(Lang::Ja, ENOENT), "ファイルかフォルダがありません");
  EXPECT_EQ(in(Lang::En, ENOENT), "no such file or folder");
  EXPECT_EQ(in(Lang::Ja, ENOSPC), "ディスクに空きがありません");
  EXPECT_EQ(in(Lang::Ja, EACCES), "読み書きする権限がありません");
  EXPECT_EQ(in(Lang::En, EROFS), "read-only file system");
}

TEST(SystemErrors, AnyOtherIsTheLibrarysText) {
  EXPECT_EQ(in(Lang::Ja, EXDEV), std::strerror(EXDEV));
  EXPECT_FALSE(in(Lang::En, ETIMEDOUT).empty());
}

}  // namespace
}  // namespace sosei::text
