// `sosei bundle keygen|export|import`: a city's data carried to its hub as a signed file (docs/hub.md,
// "City node → hub"). keygen and export run at the city, on its own configuration and store; import
// runs at the hub, on its hub file (app/bundle_export.hpp, app/bundle_import.hpp do the work).
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/bundle_export.hpp"
#include "app/bundle_import.hpp"
#include "app/bundle_key.hpp"
#include "cli/commands.hpp"
#include "cli/hub_file.hpp"
#include "cli/session.hpp"
#include "text/hub_messages.hpp"

namespace sosei::cli {
namespace {

using text::HubMessages;

struct BundleArgs {
  std::string key;  // empty: bundle.key beside the configuration
  std::string file;
  int64_t since = 0;
  std::string hub_file = "config/hub.yaml";
  bool json = false;
};

std::string key_file(const BundleArgs& args, CommandEnv env) {
  if (!args.key.empty()) return args.key;
  return (std::filesystem::path(env.session.config().base_dir) / "bundle.key").string();
}

// A bundle or key refused: said in the reader's language on stderr, exit 1 (nothing was changed).
template <class Body>
void refusing(CommandEnv env, text::Lang lang, Body&& body) {
  try {
    body();
  } catch (const app::BundleError& e) {
    std::cerr << "sosei bundle: " << e.text()(text::Locale{lang, text::YearStyle::Era}) << '\n';
    env.exit_code = kRunFailed;
  }
}

void run_keygen(const BundleArgs& args, CommandEnv env) {
  const text::Lang lang = env.session.reader_lang();
  const std::string key = key_file(args, env);
  refusing(env, lang, [&] {
    app::generate_bundle_key(key, key + ".pub");
    std::cout << text::say(lang, &HubMessages::bundle_key_written, key, key + ".pub", app::key_id(key)) << '\n';
    env.exit_code = kOk;
  });
}

void run_export(const BundleArgs& args, CommandEnv env) {
  const text::Lang lang = env.session.reader_lang();
  const std::string key = key_file(args, env);
  store::Store& store = env.session.store(app::StoreOpen::ReadOnly);
  refusing(env, lang, [&] {
    const auto r = app::export_bundle(env.session.env(), store, {args.file, key, args.since});
    if (args.json)
      std::cout << nlohmann::json{{"file", args.file},        {"city", r.city},
                                  {"since_run", r.since_run}, {"through_run", r.through_run},
                                  {"runs", r.runs},           {"values", r.values},
                                  {"key", r.key_id}}
                       .dump(2)
                << '\n';
    else
      std::cout << text::say(lang, &HubMessages::bundle_exported, args.file, r.city, r.since_run, r.through_run, r.runs,
                             r.values, r.key_id)
                << '\n';
    env.exit_code = kOk;
  });
}

void run_import(const BundleArgs& args, CommandEnv env) {
  const text::Lang lang = env.session.reader_lang();
  const config::Hub hub = load_hub_file(args.hub_file, env, lang);
  refusing(env, lang, [&] {
    const auto r = app::import_bundle(
        {.hub = hub, .shared_database = env.session.options().database, .file = args.file, .who = app::cli_signer()});
    const bool applied = r.outcome == app::BundleOutcome::Applied;
    if (args.json)
      std::cout << nlohmann::json{{"file", args.file},
                                  {"city", r.city},
                                  {"outcome", applied ? "applied" : "already_there"},
                                  {"since_run", r.since_run},
                                  {"through_run", r.through_run},
                                  {"hub_had", r.hub_had},
                                  {"runs", r.runs},
                                  {"values", r.values},
                                  {"key", r.key_id}}
                       .dump(2)
                << '\n';
    else if (applied)
      std::cout << text::say(lang, &HubMessages::bundle_applied, r.city, r.name, r.runs, r.values, r.hub_had,
                             r.through_run)
                << '\n';
    else
      std::cout << text::say(lang, &HubMessages::bundle_already, r.city, r.name, r.through_run) << '\n';
    env.exit_code = kOk;
  });
}

void with_lang(CLI::App* cmd, CommandEnv env) {
  cmd->add_option("--lang", env.session.locale_options().lang, "what people read in ja or en (default: ja)")
      ->check(CLI::IsMember({"ja", "en"}));
}

}  // namespace

void add_bundle_commands(CLI::App& app, CommandEnv env) {
  auto* bundle = app.add_subcommand(
      "bundle", "A city's data carried to its hub as a signed file: keygen and export at the city, import at the hub");
  bundle->require_subcommand(1);

  auto keygen_args = std::make_shared<BundleArgs>();
  auto* keygen = bundle->add_subcommand(
      "keygen", "Make the city's signing key (Ed25519): KEY (private, 0600) and KEY.pub (for the hub file's key:)");
  keygen->add_option("--key", keygen_args->key, "the private key file (default: bundle.key beside sosei.yaml)");
  with_lang(keygen, env);
  keygen->callback([env, keygen_args] { run_keygen(*keygen_args, env); });

  auto export_args = std::make_shared<BundleArgs>();
  auto* exporter = bundle->add_subcommand(
      "export", "Write the city's runs after --since, with their values, flags, sign-offs and commentary, signed");
  exporter->add_option("--to", export_args->file, "the bundle file to write")->required();
  exporter
      ->add_option("--since", export_args->since,
                   "the runs after this run id (default 0: all); the hub's import says which it needs")
      ->check(CLI::NonNegativeNumber);
  exporter->add_option("--key", export_args->key, "the private key (default: bundle.key beside sosei.yaml)");
  exporter->add_flag("--json", export_args->json, "print what was written as JSON");
  with_lang(exporter, env);
  exporter->callback([env, export_args] { run_export(*export_args, env); });

  auto import_args = std::make_shared<BundleArgs>();
  auto* importer = bundle->add_subcommand(
      "import", "Check a city's bundle (complete, signed by the city's key, in order) and apply it at the hub");
  importer->add_option("file", import_args->file, "the bundle file")->required();
  importer->add_option("--hub", import_args->hub_file, "the hub file (default: config/hub.yaml)");
  importer->add_flag("--json", import_args->json, "print what was imported as JSON");
  with_lang(importer, env);
  importer->callback([env, import_args] { run_import(*import_args, env); });
}

}  // namespace sosei::cli
