// `sosei plugins`: what is installed, and what was refused and why.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/text_table.hpp"
#include "text/phrase.hpp"

namespace sosei::cli {

void add_plugins_command(CLI::App& app, CommandEnv env) {
  auto* cmd = app.add_subcommand("plugins", "List the installed indicator plugins");
  auto json = std::make_shared<bool>(false);
  cmd->add_flag("--json", *json, "print as JSON");
  add_locale_options(cmd, env.session);
  cmd->callback([env, json] {
    const auto& registry = env.session.plugins();
    if (*json) {
      nlohmann::json out = {{"plugins", nlohmann::json::array()}, {"refused", nlohmann::json::array()}};
      for (const auto& p : registry.plugins()) {
        const auto& m = p->meta();
        nlohmann::json settings = nlohmann::json::array();
        for (const auto& s : m.settings)
          settings.push_back({{"name", s.name},
                              {"type", host::setting_type_name(s.type)},
                              {"required", s.required},
                              {"default", s.has_default ? nlohmann::json(s.default_value) : nlohmann::json()},
                              {"help", s.help}});
        out["plugins"].push_back({{"name", m.name},
                                  {"version", m.version},
                                  {"api_version", m.api_version},
                                  {"department", m.department},
                                  {"description", m.description},
                                  {"file", m.file},
                                  {"settings", settings}});
      }
      for (const auto& r : registry.refusals()) out["refused"].push_back({{"file", r.file()}, {"reason", r.reason()}});
      std::cout << out.dump(2) << '\n';
    } else {
      const text::Lang lang = env.session.locale().lang;
      const text::Catalogue& c = text::catalogue(lang);
      TextTable table({c.name, c.version, c.api_version, c.department, c.file});
      for (const auto& p : registry.plugins()) {
        const auto& m = p->meta();
        table.add({m.name, m.version, std::to_string(m.api_version), m.department, m.file});
      }
      table.print(std::cout);
      for (const auto& r : registry.refusals())
        std::cerr << text::say(lang, &text::Catalogue::plugin_refused, r.what()) << '\n';
      if (registry.plugins().empty()) {
        std::cerr << c.no_plugins;
        for (const auto& d : host::plugin_search_path(env.session.config().plugin_dirs)) std::cerr << ' ' << d;
        std::cerr << '\n';
      }
    }
    env.exit_code = kOk;
  });
}

}  // namespace sosei::cli
