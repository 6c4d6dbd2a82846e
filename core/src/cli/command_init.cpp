// `sosei init`: creates (or migrates) the database explicitly and says where it is. The only command
// besides import, daemon and serve that may create one; running it again changes nothing.
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "store/store.hpp"

namespace sosei::cli {

void add_init_command(CLI::App& app, CommandEnv env) {
  auto* cmd = app.add_subcommand(
      "init",
      "Create the database (--db, else the configured `database`) with the current schema, or bring an existing "
      "one up to date; says where it is. Running it again changes nothing.");
  cmd->callback([env] {
    const std::string& location = env.session.env().database();
    const bool existed = store::store_exists(location);
    const int version = env.session.store(app::StoreOpen::CreateIfMissing).schema_version();
    if (location.find("://") != std::string::npos) {  // a server's database: made by its administrator
      if (existed)
        std::cout << "データベース " << location << " は既にあります（スキーマ版 " << version << "、最新）。\n";
      else
        std::cout << "データベース " << location << " に sosei の表を作りました（スキーマ版 " << version
                  << "）。データの取り込み: sosei import --all\n";
      env.exit_code = kOk;
      return;
    }
    std::error_code ec;
    const auto absolute = std::filesystem::absolute(location, ec);
    const std::string where = ec ? location : absolute.lexically_normal().string();
    if (existed)
      std::cout << "データベース " << where << " は既にあります（スキーマ版 " << version << "、最新）。\n";
    else
      std::cout << "データベース " << where << " を作りました（スキーマ版 " << version
                << "）。データの取り込み: sosei import --all\n";
    env.exit_code = kOk;
  });
}

}  // namespace sosei::cli
