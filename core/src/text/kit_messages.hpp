// What `sosei plugin new` and `sosei plugin check` say to a department writing its plugin, in the
// language of --lang (Japanese by default). A table of the Catalogue's kind (catalogue.hpp), under the
// same completeness test (tests/text/message_tables_test.cpp). The JSON of `plugin check --json`
// keeps its English codes and texts.
#pragma once

#include <cstddef>

#include "text/lang.hpp"

namespace sosei::text {

struct KitMessages {
  // plugin new
  const char* wrote;             // path
  const char* next_step;         // folder, build folder, build folder
  const char* bad_name;          // name
  const char* no_department;     //
  const char* folder_not_empty;  // folder
  const char* cannot_create;     // folder, reason
  const char* cannot_write;      // file
  // plugin check: the report
  const char* refused;           // why the plugin could not be loaded
  const char* plugin_line;       // name, version, department, description
  const char* file_line;         // file, API version
  const char* settings_heading;  //
  const char* col_name;
  const char* col_required;
  const char* col_default;
  const char* col_value;
  const char* col_help;
  const char* required_yes;
  const char* settings_refused;  // why
  const char* dry_run;           // result word, " — error" or ""
  const char* observations;      // count
  const char* first_shown;       // how many of them are shown
  const char* col_series;
  const char* col_period;
  const char* col_dimensions;
  const char* col_note;
  const char* col_location;
  const char* col_problem;
  const char* rejected;        // file:line, reason
  const char* verdict_ok;      //
  const char* verdict_not_ok;  //
  const char* summary;         // verdict, rejected rows, observations with a problem
  // plugin check: what the host would refuse in an observation
  const char* problem_no_series;
  const char* problem_series_undeclared;  // series
  const char* problem_period_kind;
  const char* problem_year;  // year
  const char* problem_month;
  const char* problem_day;
  const char* problem_value_kind;  // kind number
  const char* problem_not_finite;
  const char* problem_repeated;  // the first one's location
};

const KitMessages& kit_messages(Lang lang);
inline const KitMessages& texts_of(Lang lang, const KitMessages*) { return kit_messages(lang); }

// Every text in declaration order, for the completeness test.
std::size_t kit_messages_size();
const char* kit_messages_text(const KitMessages& m, std::size_t index);

}  // namespace sosei::text
