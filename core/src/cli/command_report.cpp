// `sosei report --format html|xlsx|csv|md|json [--as-of …] [--scheme …] [--lang ja|en]
// [--years era|western] -o PATH`: the council's tables (事業一覧, 基本目標達成状況等一覧表) from an
// evaluation of the stored values, in one of five formats (docs/report.md).
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>

#include "app/evaluation.hpp"
#include "app/flags.hpp"
#include "app/report.hpp"
#include "cli/commands.hpp"
#include "report/writers.hpp"
#include "text/system_errors.hpp"

namespace sosei::cli {
namespace {

struct ReportArgs {
  std::string format;
  std::string as_of;
  std::string scheme;
  std::string output;
  std::string encoding = "utf-8";
  std::string table = "projects";
  bool approved_only = false;
  std::size_t drilldown_rows = report::ReportOptions{}.drilldown_rows;
};

report::Format chosen_format(const ReportArgs& a, text::Lang lang) {
  if (!a.format.empty()) return *report::format_named(a.format);  // CLI11 checked the name
  if (a.output == "-") throw UsageError("report: " + text::say(lang, &text::Catalogue::report_stdout_needs_format));
  if (auto f = report::format_of_path(a.output)) return *f;
  throw UsageError("report: " + text::say(lang, &text::Catalogue::report_format_unknown, a.output));
}

// Writes next to the target and renames, so a failed write never leaves half a report behind.
void write_file(const std::string& path, text::Lang lang, const std::function<void(const std::string&)>& write) {
  const auto folder = std::filesystem::absolute(path).parent_path();
  if (!std::filesystem::is_directory(folder))
    throw report::ReportError(text::say(lang, &text::Catalogue::report_folder_missing, path, folder.string()));
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  try {
    write(tmp);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    throw;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::error_code ignored;  // the rename's error is the one to report
    std::filesystem::remove(tmp, ignored);
    throw report::ReportError(text::say(lang, &text::Catalogue::report_cannot_write, path,
                                        text::system_error(ec.value())(text::Locale{lang, text::YearStyle::Era})));
  }
}

void write_text(const std::string& path, text::Lang lang, const std::string& body) {
  if (path == "-") {
    std::cout << body << std::flush;
    return;
  }
  write_file(path, lang, [&](const std::string& tmp) {
    const auto why = [&](int errnum) {
      return text::say(lang, &text::Catalogue::report_cannot_write, path,
                       text::system_error(errnum)(text::Locale{lang, text::YearStyle::Era}));
    };
    std::ofstream out(tmp, std::ios::binary);
    if (!out) throw report::ReportError(why(errno));
    errno = 0;  // what a failed write leaves, not an older error
    out << body;
    out.close();
    if (!out) throw report::ReportError(why(errno != 0 ? errno : EIO));
  });
}

}  // namespace

void add_report_command(CLI::App& app, CommandEnv env) {
  auto* cmd =
      app.add_subcommand("report",
                         "Write the council report (project table, goal summary, numeric targets) as HTML, XLSX, CSV, "
                         "Markdown or JSON");
  auto a = std::make_shared<ReportArgs>();
  cmd->add_option("--format", a->format, "html, xlsx, csv, md or json (default: from the extension of -o)")
      ->check(CLI::IsMember({"html", "xlsx", "csv", "md", "json"}));
  cmd->add_option("-o,--output", a->output, "file to write; - writes a text format to stdout")->required();
  cmd->add_option("--as-of", a->as_of, "use what was published by: 2026-01-31, FY2025, R7 (default: today)");
  cmd->add_option("--scheme", a->scheme, "grading scheme in the grading folder (default: the configured one)");
  add_locale_options(cmd, env.session);
  cmd->add_option("--encoding", a->encoding, "csv only: utf-8 (with BOM, for Excel) or cp932")
      ->check(CLI::IsMember({"utf-8", "cp932"}))
      ->capture_default_str();
  cmd->add_option("--table", a->table,
                  "csv only: projects, goals (the goal summary), targets (numeric targets) or comments (the "
                  "commentary)")
      ->check(CLI::IsMember({"projects", "goals", "targets", "comments"}))
      ->capture_default_str();
  cmd->add_flag("--approved-only", a->approved_only,
                "the council's final report: values not approved by the policy division show as 未確定, never "
                "graded (docs/signoff.md)");
  cmd->add_option("--drilldown-rows", a->drilldown_rows,
                  "rows of each drill-down (the largest by the latest year); the rest are summed into one "
                  "「その他」 row. 0 shows every row")
      ->capture_default_str();
  cmd->callback([env, a] {
    const text::Lang lang = env.session.locale().lang;
    const report::Format format = chosen_format(*a, lang);
    if (a->output == "-" && report::is_binary(format))
      throw UsageError("report: " +
                       text::say(lang, &text::Catalogue::report_binary_to_stdout, report::format_name(format)));
    if (format != report::Format::Csv && (a->encoding != "utf-8" || a->table != "projects"))
      throw UsageError("report: " + text::say(lang, &text::Catalogue::report_csv_only, report::format_name(format)));

    const app::Environment& app_env = env.session.env();
    const Date as_of =
        from_user_input(env.session.locale(), "report: --as-of", [&] { return app::as_of_date(app_env, a->as_of); });
    const auto scheme =
        from_user_input(env.session.locale(), "report", [&] { return app::grading_scheme(app_env, a->scheme); });
    auto& store = env.session.store(app::StoreOpen::ReadOnly);
    const auto evaluation = app::evaluate_stored(app_env, store, as_of, scheme);
    const text::Locale locale = env.session.locale();
    report::ReportOptions options{locale.lang, locale.years, app::flagged_kpis(store, evaluation)};
    options.drilldown_rows = a->drilldown_rows;
    const auto model = app::report_model(app_env, evaluation, app::stored_drilldowns(app_env, store), options,
                                         app::stored_signoff(store, a->approved_only));

    try {
      switch (format) {
        case report::Format::Html:
          write_text(a->output, lang, report::html_report(model));
          break;
        case report::Format::Markdown:
          write_text(a->output, lang, report::markdown_report(model));
          break;
        case report::Format::Json:
          write_text(a->output, lang, report::json_report(model));
          break;
        case report::Format::Csv: {
          const auto table = a->table == "goals"      ? report::CsvTable::Goals
                             : a->table == "targets"  ? report::CsvTable::Targets
                             : a->table == "comments" ? report::CsvTable::Comments
                                                      : report::CsvTable::Projects;
          const auto encoding = a->encoding == "cp932" ? report::CsvEncoding::Cp932 : report::CsvEncoding::Utf8Bom;
          write_text(a->output, lang, report::csv_report(model, table, encoding));
          break;
        }
        case report::Format::Xlsx:
          write_file(a->output, lang, [&](const std::string& tmp) { report::write_xlsx(model, tmp); });
          break;
      }
    } catch (const report::ReportError& e) {
      std::cerr << "sosei: report: " << e.what() << '\n';
      env.exit_code = kRunFailed;
      return;
    }
    if (a->output != "-")
      std::cout << text::say(lang, &text::Catalogue::report_wrote, a->output, report::format_name(format),
                             model.projects.size(), model.numeric_targets.size(), model.as_of_text, model.scheme)
                << '\n';
    env.exit_code = kOk;
  });
}

}  // namespace sosei::cli
