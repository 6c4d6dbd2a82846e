// The PostgreSQL store's messages for people (errors.hpp).
#include "store/postgresql/errors.hpp"

#include <libpq-fe.h>

#include "store/connection_lost.hpp"

namespace sosei::store::pg {

std::string cannot_connect(const std::string& location, const std::string& libpq_message) {
  return "PostgreSQL のデータベース " + location + " に接続できません（" + libpq_message +
         "）。サーバーが動いているか、URI のホスト・ポート・データベース名・ロール名が正しいかを確かめてください。"
         "パスワードは ~/.pgpass か PGPASSFILE（または PGPASSWORD）に置きます。";
}

void throw_statement_error(const char* what, const std::string& sqlstate, const std::string& message,
                           const std::string& location) {
  if (sqlstate == "55P03")  // lock_not_available: lock_timeout ran out
    throw StoreBusy("cannot " + std::string(what) + ": " + location +
                    " is busy (another import of the same source holds it); try again when it has finished");
  if (sqlstate.starts_with("08") || sqlstate.starts_with("57P") || sqlstate.empty())
    throw ConnectionLost("PostgreSQL のデータベース " + location + " との接続が切れました（" + std::string(what) +
                         " の途中: " + message +
                         "）。サーバーが動いているかを確かめてから、もう一度実行してください。");
  throw StoreError("cannot " + std::string(what) + " in " + location + ": " + message + " [SQLSTATE " + sqlstate + "]");
}

void refuse_password_in(const std::string& location) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(location.c_str(), &error);
  if (!options) {
    std::string message = error ? error : "out of memory";
    PQfreemem(error);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    throw StoreError("PostgreSQL の接続 URI " + location + " を読めません（" + message +
                     "）。postgresql://ユーザー@ホスト:5432/データベース の形で書いてください。");
  }
  bool has_password = false;
  for (PQconninfoOption* o = options; o->keyword; ++o)
    if (std::string_view(o->keyword) == "password" && o->val && *o->val) has_password = true;
  PQconninfoFree(options);
  if (has_password)
    throw StoreError(
        "PostgreSQL の接続 URI にパスワードを書かないでください（設定ファイルやコマンド行は他の人にも読めます）。"
        "URI からパスワードを外し、~/.pgpass か PGPASSFILE（または環境変数 PGPASSWORD）に置いてください。");
}

}  // namespace sosei::store::pg
