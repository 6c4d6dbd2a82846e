// `sosei hub token create|list|revoke --hub FILE`: the hub's own tokens — a prefecture's, the nation's,
// a group's — kept in the hub's token file (app/hub_access.hpp). A new token is printed once on stdout
// (TOKEN=$(sosei hub token create …) works); only its SHA-256 is kept. A city's own tokens stay
// `sosei token` in the city's store.
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/actor.hpp"
#include "app/hub_access.hpp"
#include "cli/hub_file.hpp"
#include "cli/text_table.hpp"
#include "serve/api_token.hpp"
#include "text/catalogue.hpp"
#include "text/hub_messages.hpp"
#include "text/periods.hpp"

namespace sosei::cli {
namespace {

using text::HubMessages;

struct TokenArgs {
  std::string hub_file = "config/hub.yaml";
  std::string scope;
  std::string note;
  int64_t id = 0;
  bool json = false;
};

nlohmann::json to_json(const app::HubToken& t) {
  const auto or_null = [](const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); };
  return {{"id", t.id},
          {"scope", app::scope_text(t.scope)},
          {"note", t.note},
          {"created_at", t.created_at},
          {"created_by", t.created_by},
          {"revoked", t.revoked()},
          {"revoked_at", or_null(t.revoked_at)},
          {"revoked_by", or_null(t.revoked_by)}};
}

// The token file's refusals in the reader's language, as a run failure (the file, not the command line).
template <class Body>
void with_tokens(CommandEnv env, text::Lang lang, Body&& body) {
  try {
    body();
  } catch (const app::HubTokenFileError& e) {
    std::cerr << "sosei hub token: " << e.text()(text::Locale{lang, text::YearStyle::Era}) << '\n';
    env.exit_code = kRunFailed;
  }
}

void run_create(const TokenArgs& args, CommandEnv env) {
  const text::Lang lang = env.session.reader_lang();
  const config::Hub hub = load_hub_file(args.hub_file, env, lang);
  app::HubScope scope;
  try {
    scope = app::token_scope(hub, args.scope);
  } catch (const app::HubRequestError& e) {
    throw UsageError(e.text()(text::Locale{lang, text::YearStyle::Era}));
  }
  with_tokens(env, lang, [&] {
    const std::string token = serve::new_token();
    const int64_t id =
        app::HubTokens(hub.tokens_file)
            .add(serve::token_sha256(token), scope, args.note, app::cli_signer().actor.name, system_clock());
    if (args.json)
      std::cout << nlohmann::json{{"id", id}, {"scope", app::scope_text(scope)}, {"token", token}}.dump(2) << '\n';
    else
      std::cout << token << '\n';
    std::cerr << text::say(lang, &HubMessages::token_created, id, app::scope_text(scope)) << '\n';
    env.exit_code = kOk;
  });
}

void run_list(const TokenArgs& args, CommandEnv env) {
  const text::Lang lang = env.session.reader_lang();
  const config::Hub hub = load_hub_file(args.hub_file, env, lang);
  with_tokens(env, lang, [&] {
    const auto tokens = app::HubTokens(hub.tokens_file).list();
    if (args.json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& t : tokens) out.push_back(to_json(t));
      std::cout << out.dump(2) << '\n';
    } else if (tokens.empty()) {
      std::cout << text::say(lang, &HubMessages::no_hub_tokens, hub.tokens_file) << '\n';
    } else {
      const text::Catalogue& c = text::catalogue(lang);
      TextTable table({c.id, text::hub_messages(lang).heading_scope, c.note, c.created, c.revoked});
      table.align_right(0);
      for (const auto& t : tokens)
        table.add({std::to_string(t.id), app::scope_text(t.scope), t.note,
                   text::timestamp_text(t.created_at, "Asia/Tokyo") + " " + t.created_by,
                   t.revoked() ? text::timestamp_text(t.revoked_at, "Asia/Tokyo") + " " + t.revoked_by : "-"});
      table.print(std::cout);
    }
    env.exit_code = kOk;
  });
}

void run_revoke(const TokenArgs& args, CommandEnv env) {
  const text::Lang lang = env.session.reader_lang();
  const config::Hub hub = load_hub_file(args.hub_file, env, lang);
  with_tokens(env, lang, [&] {
    if (!app::HubTokens(hub.tokens_file).revoke(args.id, app::cli_signer().actor.name, system_clock()))
      throw UsageError(text::say(lang, &HubMessages::token_not_revoked, args.id));
    std::cout << text::say(lang, &HubMessages::token_revoked, args.id) << '\n';
    env.exit_code = kOk;
  });
}

CLI::App* with_hub_options(CLI::App* cmd, TokenArgs& args, CommandEnv env) {
  cmd->add_option("--hub", args.hub_file, "the hub file (default: config/hub.yaml); its tokens: beside it");
  cmd->add_option("--lang", env.session.locale_options().lang, "what people read in ja or en (default: ja)")
      ->check(CLI::IsMember({"ja", "en"}));
  return cmd;
}

}  // namespace

void add_hub_token_commands(CLI::App& hub, CommandEnv env) {
  auto* token = hub.add_subcommand(
      "token",
      "The hub's own tokens: a prefecture's (reads its municipalities), the nation's (every city), a group's. "
      "Kept in the hub's token file (hub: tokens:, default NAME.tokens.json beside the hub file)");
  token->require_subcommand(1);

  auto create_args = std::make_shared<TokenArgs>();
  auto* create =
      with_hub_options(token->add_subcommand("create", "Create a hub token and print it once"), *create_args, env);
  create
      ->add_option("--scope", create_args->scope,
                   "what it reads: nation, prefecture:40 (or prefecture:福岡県), group:嘉飯圏域")
      ->required();
  create->add_option("--note", create_args->note, "who holds it, e.g. 福岡県 企画・地域振興部");
  create->add_flag("--json", create_args->json, "print the token, its id and scope as JSON");
  create->callback([env, create_args] { run_create(*create_args, env); });

  auto list_args = std::make_shared<TokenArgs>();
  auto* list = with_hub_options(
      token->add_subcommand("list", "List the hub's tokens (never their text): scope, note, who created and revoked"),
      *list_args, env);
  list->add_flag("--json", list_args->json, "print as JSON");
  list->callback([env, list_args] { run_list(*list_args, env); });

  auto revoke_args = std::make_shared<TokenArgs>();
  auto* revoke = with_hub_options(
      token->add_subcommand("revoke", "Revoke a hub token: refused from the next request on, and kept listed"),
      *revoke_args, env);
  revoke->add_option("id", revoke_args->id, "token id (sosei hub token list)")->required();
  revoke->callback([env, revoke_args] { run_revoke(*revoke_args, env); });
}

}  // namespace sosei::cli
