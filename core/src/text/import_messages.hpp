// Why an import rejected a row or failed, in the city's language (`locale:` of sosei.yaml, Japanese
// by default): the validator's reasons, a repeated key, an error-level rule. They are stored with the
// run (`sosei runs --id`, the /entry page) and returned to hand entry, so they are worded once, as the
// run happens. A third table of the Catalogue's kind (catalogue.hpp), under the same completeness
// test (tests/text/message_tables_test.cpp).
#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <string>

#include "text/lang.hpp"

namespace sosei::text {

struct ImportMessages {
  const char* invalid_period;      // kind, year, month, day
  const char* outside_strategy;    // period, first year, last year
  const char* unknown_value_kind;  // kind code
  const char* not_finite;          //
  const char* wrong_period_kind;   // KPI, fiscal/calendar year, period
  const char* fiscal_year_values;  // what wrong_period_kind names
  const char* calendar_year_values;
  const char* below_minimum;       // value, KPI, minimum (with unit)
  const char* above_maximum;       // value, KPI, maximum (with unit)
  const char* bad_dimension_name;  // name
  const char* no_series;
  const char* source_not_bound;  // source, KPI
  const char* unknown_series;    // series, plugin
  const char* second_value;      // key, where the first one was
  const char* an_earlier_row;
  const char* rule_finding;  // series, rule, "value …", ", expected …", detail
  const char* rule_value;    // value
  const char* rule_no_value;
  const char* rule_expected;  // min, max
  const char* rule_detail;    // detail
  const char* how_to_go_on;   // appended when a bad row fails the run (on_bad_row: fail)
  const char* cut_text;       // after the first characters of a text too long to keep: its length in bytes
  // The store could not record the failed run either (a full or read-only disk): why, appended.
  const char* failure_not_recorded;
  const char* failure_not_recorded_same;  // … for the same reason as the run's failure
  // Log lines of a run (the configured language, as the daemon's).
  const char* log_rule_findings;     // source, warnings, errors
  const char* log_run_failed;        // source, why
  const char* log_run_aborted;       // source, why
  const char* plugin_not_installed;  // where, source, plugin, the installed plugins
  const char* setting_unknown;       // "file:line: " or "", source, plugin, setting, the plugin's settings
  const char* setting_wrong_type;    // "file:line: " or "", source, setting, plugin, type, the value
  const char* setting_required;      // "file:line: " or "", source, plugin, setting, its help
  // A download (host/http_fetch), in the language of the run (the worker is told it).
  const char* fetch_no_download_file;  // folder, URL
  const char* fetch_cannot_start;      // URL
  const char* fetch_cannot_write;      // URL, file
  const char* fetch_bare_304;          // URL
  const char* fetch_too_large;         // URL, bytes
  const char* fetch_http_status;       // URL, status
  const char* fetch_transfer;          // URL, what went wrong, libcurl's own words
  const char* fetch_check_url;         // (appended to a 4xx)
  const char* fetch_tries;             // tries (appended when there were several)
  const char* fetch_retry_later;       // (appended to a retried failure: the server may be away)
  const char* fetch_resolve;           // what went wrong: the host name
  const char* fetch_connect;           // … the connection
  const char* fetch_timeout;           // … the time limit
  const char* fetch_tls;               // … the server's certificate
  const char* fetch_cut_off;           // … the reply ended early or never came
  const char* fetch_other;             // … anything else (libcurl's words follow)
  const char* fetch_tls_handshake;     // … a TLS connection that could not be made
  const char* log_locked_notes_kept;   // source, count: approved values that came with another note only
  // A plugin that failed without the SDK's help (a C plugin, or an exception past its trampolines).
  const char* plugin_failed;               // plugin, its message
  const char* plugin_threw;                // step (create, run, destroy), the exception's text
  const char* plugin_threw_unknown;        // step
  const char* plugin_code_without_reason;  // plugin, code
  const char* file_cannot_open;            // path, the system's reason (text::system_error)
};

const ImportMessages& import_messages(Lang lang);
inline const ImportMessages& texts_of(Lang lang, const ImportMessages*) { return import_messages(lang); }

// An import message with its arguments, worded now.
template <class... Args>
std::string say(Lang lang, const char* ImportMessages::*text, const Args&... args) {
  return fmt::format(fmt::runtime(import_messages(lang).*text), args...);
}

// Every text in declaration order, for the completeness test.
std::size_t import_messages_size();
const char* import_messages_text(const ImportMessages& m, std::size_t index);

}  // namespace sosei::text
