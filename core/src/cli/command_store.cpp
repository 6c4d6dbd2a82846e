// `sosei store copy --from … --to …`: moves a city's whole history between a SQLite file and a
// PostgreSQL database (app/store_copy.hpp does the work). Needs no configuration file: both stores are
// named on the command line.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "app/store_copy.hpp"
#include "cli/commands.hpp"
#include "common/city_code.hpp"
#include "text/store_copy_messages.hpp"

namespace sosei::cli {
namespace {

using text::StoreCopyMessages;

nlohmann::json to_json(const app::StoreCopyResult& result, const std::string& from, const std::string& to) {
  nlohmann::json tables = nlohmann::json::array();
  for (const auto& t : result.tables)
    tables.push_back({{"table", t.source.table},
                      {"rows", t.source.rows},
                      {"sha256", t.source.sha256},
                      {"target_rows", t.target.rows},
                      {"target_sha256", t.target.sha256},
                      {"same", t.same()}});
  return {{"from", from},
          {"to", to},
          {"outcome", app::to_string(result.outcome)},
          {"rows", result.rows()},
          {"tables", tables}};
}

void print_tables(const std::vector<app::TableComparison>& tables, text::Lang lang) {
  const StoreCopyMessages& m = text::store_copy_messages(lang);
  std::cout << fmt::format("  {:<22} {:>12}  {}\n", m.table_heading, m.rows_heading, m.checksum_heading);
  for (const auto& t : tables)
    std::cout << fmt::format("  {:<22} {:>12}  {}\n", t.source.table, t.source.rows, t.source.sha256);
}

void print_differing(const std::vector<app::TableComparison>& tables, text::Lang lang) {
  for (const auto& t : tables)
    if (!t.same())
      std::cout << text::say(lang, &StoreCopyMessages::differing_table, t.source.table, t.source.rows, t.target.rows)
                << '\n';
}

struct Args {
  std::string from;
  std::string to;
  std::string city;
  bool json = false;
};

void run_copy(const Args& args, CommandEnv env) {
  const text::Lang lang = env.session.reader_lang();
  if (args.from == args.to) throw UsageError(text::say(lang, &StoreCopyMessages::same_store, args.from));
  if (!args.city.empty() && !CityCode::parse(args.city))
    throw UsageError(text::say(lang, &StoreCopyMessages::bad_city, args.city));
  app::StoreCopyResult result;
  try {
    result = app::copy_store({args.from, args.to, nullptr, args.city, nullptr});
  } catch (const store::NoDatabase& e) {
    throw UsageError(text::say(lang, &StoreCopyMessages::no_source, e.location()));
  } catch (const app::StoreCopyMismatch& e) {
    std::cout << text::say(lang, &StoreCopyMessages::mismatch, args.to) << '\n';
    print_differing(e.tables(), lang);
    env.exit_code = kRunFailed;
    return;
  } catch (const std::exception& e) {
    std::cerr << "sosei: " << text::say(lang, &StoreCopyMessages::failed, args.from, args.to, e.what()) << '\n';
    env.exit_code = kRunFailed;
    return;
  }
  env.exit_code = result.outcome == app::StoreCopyOutcome::TargetDiffers ? kRunFailed : kOk;
  if (args.json) {
    std::cout << to_json(result, args.from, args.to).dump(2) << '\n';
    return;
  }
  const auto tables = result.tables.size();
  switch (result.outcome) {
    case app::StoreCopyOutcome::Copied:
      std::cout << text::say(lang, &StoreCopyMessages::copied, args.from, args.to, tables, result.rows()) << '\n';
      print_tables(result.tables, lang);
      break;
    case app::StoreCopyOutcome::AlreadyThere:
      std::cout << text::say(lang, &StoreCopyMessages::already_there, args.to, args.from, tables, result.rows())
                << '\n';
      print_tables(result.tables, lang);
      break;
    case app::StoreCopyOutcome::TargetDiffers:
      std::cout << text::say(lang, &StoreCopyMessages::target_differs, args.to, args.from) << '\n';
      print_differing(result.tables, lang);
      std::cout << text::say(lang, &StoreCopyMessages::what_to_do, args.to) << '\n';
      break;
  }
}

}  // namespace

void add_store_commands(CLI::App& app, CommandEnv env) {
  auto* store = app.add_subcommand("store", "Move a city's data between stores (SQLite file, PostgreSQL database)");
  store->require_subcommand(1);
  auto* copy = store->add_subcommand(
      "copy",
      "Copy every table (sources, runs, observations, revisions, evaluations, tokens, flags, approvals, audit, "
      "comments) from one store into an empty one, ids kept, in one transaction, verified by a row count and "
      "SHA-256 per table. Copying again into a target that holds the same data changes nothing; a target with "
      "other data is refused untouched.");
  auto args = std::make_shared<Args>();
  copy->add_option("--from", args->from, "the store to copy: a SQLite file or a postgresql:// URI")->required();
  copy->add_option("--to", args->to,
                   "the store to fill: a SQLite file (made when missing) or a postgresql:// URI of a database the "
                   "administrator created")
      ->required();
  copy->add_option("--city", args->city,
                   "the city's six-digit local government code, when a PostgreSQL side holds many cities: its rows "
                   "are the ones read or written (docs/hub.md)");
  copy->add_flag("--json", args->json, "print the outcome and every table's rows and SHA-256 as JSON");
  copy->add_option("--lang", env.session.locale_options().lang, "what people read in ja or en (default: ja)")
      ->check(CLI::IsMember({"ja", "en"}));
  copy->callback([env, args] { run_copy(*args, env); });
}

}  // namespace sosei::cli
