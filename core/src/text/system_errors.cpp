// The errno sentences (system_errors.hpp).
#include "text/system_errors.hpp"

#include <cerrno>
#include <cstring>

namespace sosei::text {
namespace {

struct Reason {
  int errnum;
  const char* ja;
  const char* en;
};

constexpr Reason kReasons[] = {
    {ENOENT, "ファイルかフォルダがありません", "no such file or folder"},
    {EACCES, "読み書きする権限がありません", "permission denied"},
    {EPERM, "この操作は許されていません", "operation not permitted"},
    {ENOSPC, "ディスクに空きがありません", "no space left on the disk"},
    {EDQUOT, "ディスクの割り当て（クォータ）を超えています", "disk quota exceeded"},
    {EROFS, "読み取り専用のファイルシステムです", "read-only file system"},
    {EISDIR, "ファイルではなくフォルダです", "it is a folder, not a file"},
    {ENOTDIR, "途中の名前がフォルダではありません", "a part of the path is not a folder"},
    {EEXIST, "既にあります", "it exists already"},
    {ENAMETOOLONG, "名前が長すぎます", "the name is too long"},
    {EMFILE, "開いているファイルが多すぎます", "too many open files"},
    {EIO, "ディスクの読み書きに失敗しました（入出力エラー）", "input/output error"},
};

}  // namespace

Phrase system_error(int errnum) {
  for (const Reason& r : kReasons)
    if (r.errnum == errnum)
      return [r](const Locale& locale) { return std::string(locale.lang == Lang::En ? r.en : r.ja); };
  return verbatim(std::strerror(errnum));
}

}  // namespace sosei::text
