// The rule check of an import run (quality_pass.hpp): each series with rules judged by the stream that
// wrote it (rule_stream.hpp), or read back once in the order of the store's key index (no sort).
#include "import/quality_pass.hpp"

#include "import/quality_rules.hpp"
#include "import/series_check.hpp"
#include "text/import_messages.hpp"
#include "text/quality_text.hpp"

namespace sosei::import {
namespace {

std::string number_text(double v) { return Value::of(v).str(); }

}  // namespace

std::string finding_reason(const std::string& series, const store::FlagRaise& f, text::Lang lang) {
  using text::ImportMessages;
  using text::say;
  const std::string value = f.value ? say(lang, &ImportMessages::rule_value, number_text(*f.value))
                                    : say(lang, &ImportMessages::rule_no_value);
  const std::string expected =
      f.expected_min || f.expected_max
          ? say(lang, &ImportMessages::rule_expected, f.expected_min ? number_text(*f.expected_min) : std::string(),
                f.expected_max ? number_text(*f.expected_max) : std::string())
          : std::string();
  const std::string detail = f.detail.empty()
                                 ? std::string()
                                 : say(lang, &ImportMessages::rule_detail, text::flag_detail_text(f.detail, lang));
  return say(lang, &ImportMessages::rule_finding, series, text::rule_text(f.rule, lang), value, expected, detail);
}

QualityOutcome check_quality(const config::AppConfig& config, const std::set<std::string>& series, store::Store& store,
                             store::ImportTransaction& run, config::OnBadRow policy, RuleStream* stream) {
  QualityOutcome outcome;
  for (const std::string& name : series) {
    std::vector<config::Rule> rules = config.rules_for(name);
    if (rules.empty()) continue;
    std::optional<std::vector<Finding>> streamed = stream ? stream->findings(name) : std::nullopt;
    // Written after the scan: the scan's statement must not see its own changes.
    const std::vector<Finding> found =
        streamed ? std::move(*streamed) : SeriesCheck(name, std::move(rules), store, run.run_id()).judge_stored();
    for (const Finding& f : found) {
      bool error = false;
      for (const auto& r : f.raised) {
        if (r.level != store::FlagLevel::Error) {
          ++outcome.warnings;
          continue;
        }
        error = true;
        ++outcome.errors;
        run.reject({r.location, finding_reason(name, r, config.lang)});
        if (policy == config::OnBadRow::Fail && outcome.stop_reason.empty())
          outcome.stop_reason = (r.location.empty() ? std::string() : r.location + ": ") +
                                finding_reason(name, r, config.lang) +
                                text::say(config.lang, &text::ImportMessages::how_to_go_on);
      }
      if (!outcome.stop_reason.empty()) return outcome;  // the run fails: nothing is stored
      if (error) run.withdraw(f.key);                    // rejected like a bad row; its flag stays open for follow-up
      run.set_flags(f.key, f.raised);
    }
  }
  return outcome;
}

}  // namespace sosei::import
