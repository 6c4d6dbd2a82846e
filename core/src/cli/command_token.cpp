// `sosei token create|list|revoke`: the departments' tokens for hand entry through `sosei serve`.
// A new token is printed once on stdout (so TOKEN=$(sosei token create …) works); only its SHA-256
// is stored.
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "app/actor.hpp"
#include "cli/commands.hpp"
#include "cli/text_table.hpp"
#include "serve/api_token.hpp"
#include "text/periods.hpp"
#include "text/phrase.hpp"

namespace sosei::cli {
namespace {

nlohmann::json to_json(const store::ApiToken& t) {
  const auto or_null = [](const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); };
  return {{"id", t.id},
          {"department", t.department},
          {"role", store::to_string(t.role)},
          {"note", t.note},
          {"created_at", t.created_at},
          {"last_used_at", or_null(t.last_used_at)},
          {"revoked", t.revoked()},
          {"revoked_at", or_null(t.revoked_at)}};
}

// A token for a department the strategy does not know could never write anything: refuse the typo.
void check_department(const config::Strategy& strategy, const std::string& department, text::Lang lang) {
  std::set<std::string> known;
  bool enters_by_hand = false;
  for (const auto& kpi : strategy.kpis) {
    if (kpi.department.empty()) continue;
    known.insert(kpi.department);
    enters_by_hand = enters_by_hand || (kpi.department == department && kpi.entered_by_hand);
  }
  if (!known.contains(department)) {
    std::string names;
    for (const auto& d : known) names += (names.empty() ? "" : ", ") + d;
    throw UsageError(text::say(lang, &text::Catalogue::token_unknown_department, department, names));
  }
  if (!enters_by_hand) std::cerr << text::say(lang, &text::Catalogue::token_enters_nothing, department) << '\n';
}

void add_create(CLI::App& token, CommandEnv env) {
  auto* cmd = token.add_subcommand("create", "Create a token for a department and print it once");
  struct Args {
    std::string department;
    std::string note;
    std::string role = "department";
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--department", args->department, "the department whose KPIs it may enter, e.g. 産業振興課")
      ->required();
  cmd->add_option("--note", args->note, "who or what holds it, e.g. 窓口の端末");
  cmd->add_option("--role", args->role,
                  "department (enters and submits its KPIs) or policy (also approves, unlocks and enters the "
                  "committee's opinion)")
      ->check(CLI::IsMember({"department", "policy"}));
  cmd->add_flag("--json", args->json, "print the token and its id as JSON");
  add_locale_options(cmd, env.session);
  cmd->callback([env, args] {
    const text::Lang lang = env.session.locale().lang;
    check_department(env.session.config().strategy, args->department, lang);
    const std::string token = serve::new_token();
    const store::TokenRole role = *store::token_role_from(args->role);
    const int64_t id = app::create_token(env.session.store(app::StoreOpen::MustExist), serve::token_sha256(token),
                                         args->department, args->note, role);
    if (args->json) {
      std::cout << nlohmann::json{{"id", id}, {"department", args->department}, {"role", args->role}, {"token", token}}
                       .dump(2)
                << '\n';
    } else {
      std::cout << token << '\n';
      std::cerr << text::say(lang, &text::Catalogue::token_created, id, args->department, id) << '\n';
    }
    env.exit_code = kOk;
  });
}

void add_list(CLI::App& token, CommandEnv env) {
  auto* cmd = token.add_subcommand("list", "List the tokens (never their text): department, note, created, last used");
  auto json = std::make_shared<bool>(false);
  cmd->add_flag("--json", *json, "print as JSON");
  add_locale_options(cmd, env.session);
  cmd->callback([env, json] {
    const auto tokens = env.session.store(app::StoreOpen::ReadOnly).tokens();
    if (*json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& t : tokens) out.push_back(to_json(t));
      std::cout << out.dump(2) << '\n';
    } else {
      const text::Catalogue& c = text::catalogue(env.session.locale().lang);
      const std::string& zone = env.session.config().timezone;
      TextTable table({c.id, c.department, c.token_role, c.note, c.created, c.last_used, c.revoked});
      table.align_right(0);
      for (const auto& t : tokens)
        table.add({std::to_string(t.id), t.department,
                   text::state_text(store::to_string(t.role), env.session.locale().lang), t.note,
                   text::timestamp_text(t.created_at, zone),
                   t.last_used_at.empty() ? c.never_used : text::timestamp_text(t.last_used_at, zone),
                   t.revoked() ? text::timestamp_text(t.revoked_at, zone) : "-"});
      if (table.empty())
        std::cout << c.no_tokens << '\n';
      else
        table.print(std::cout);
    }
    env.exit_code = kOk;
  });
}

void add_revoke(CLI::App& token, CommandEnv env) {
  auto* cmd = token.add_subcommand("revoke", "Revoke a token: it stops working at once and stays listed");
  auto id = std::make_shared<int64_t>(0);
  cmd->add_option("id", *id, "token id (sosei token list)")->required();
  add_locale_options(cmd, env.session);
  cmd->callback([env, id] {
    const text::Lang lang = env.session.locale().lang;
    auto& store = env.session.store(app::StoreOpen::MustExist);
    std::optional<store::ApiToken> found;
    for (const auto& t : store.tokens())
      if (t.id == *id) found = t;
    if (!found) throw UsageError(text::say(lang, &text::Catalogue::token_unknown, *id));
    if (app::revoke_token(store, *found))
      std::cout << text::say(lang, &text::Catalogue::token_revoked, *id, found->department) << '\n';
    else
      std::cout << text::say(lang, &text::Catalogue::token_already_revoked, *id, found->department,
                             text::timestamp_text(found->revoked_at, env.session.config().timezone))
                << '\n';
    env.exit_code = kOk;
  });
}

}  // namespace

void add_token_commands(CLI::App& app, CommandEnv env) {
  auto* token = app.add_subcommand("token", "Department tokens for hand entry through sosei serve");
  token->require_subcommand(1);
  add_create(*token, env);
  add_list(*token, env);
  add_revoke(*token, env);
}

}  // namespace sosei::cli
