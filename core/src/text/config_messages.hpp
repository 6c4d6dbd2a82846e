// The configuration loader's messages: what is wrong in sosei.yaml, strategy.yaml, sources.yaml or a
// settings file, and what to write instead, in Japanese (the default) and English. A second struct
// of the same kind as the Catalogue (catalogue.hpp), so the ~80 loader texts do not swamp the texts
// of reports and tables; the same completeness test covers it (config_messages_test). The location
// ("file:line:col: ") is put in front by config::ConfigError, not written here. Values as the user
// wrote them are quoted by the text: 「…」 in Japanese, '…' in English.
#pragma once

#include <cstddef>

#include "text/lang.hpp"

namespace sosei::text {

struct ConfigMessages {
  // What a node is, for "expected a string, found a map".
  const char* found_nothing;
  const char* found_map;
  const char* found_list;
  const char* found_value;  // "「{}」"
  // Which map a key belongs to ("unknown key 'unti' in a KPI").
  const char* in_section;  // "「daemon」"
  const char* in_kpi;
  const char* in_target;
  const char* in_baseline;
  const char* in_goal;
  const char* in_measure;
  const char* in_project;
  const char* in_source;
  const char* in_strategy_file;
  const char* in_sources_file;
  const char* in_settings_file;
  const char* in_rule;        // a data-quality rule (docs/quality.md)
  const char* in_rules_file;  // the file named by `rules:` in sosei.yaml
  const char* in_series_rules;
  // The YAML reader.
  const char* cannot_read;      // "{file} を読めません: {reason}"
  const char* yaml_syntax;      // "YAML の書き方に誤りがあります: {yaml-cpp's words}"
  const char* expected_string;  // found {}
  const char* expected_number;
  const char* expected_int;
  const char* expected_bool;
  const char* expected_map;       // what, found
  const char* expected_key_name;  // what, found
  const char* unknown_key;        // key, what, keys
  const char* duplicate_key;      // key, what
  const char* missing_key;        // key, what
  const char* unknown_choice;     // key, value, choices
  const char* expected_list;      // key, found
  // sosei.yaml.
  const char* needs_path;         // key
  const char* duration_expected;  // key, text
  const char* max_concurrent_range;
  const char* quarantine_after_min;
  const char* overdue_check_min;
  const char* webhook_url;  // url
  const char* plugin_dir_path;
  const char* timezone_empty;
  const char* timezone_unknown;  // zone
  const char* default_scheme_empty;
  const char* default_scheme_no_file;  // name, grading folder, name
  // Schedules and workers in sources.yaml.
  const char* cron_invalid;  // text, the cron parser's reason
  const char* interval_min;  // duration
  const char* schedule_needs_cron_or_every;
  const char* schedule_cron_and_every;
  const char* jitter_too_long;  // jitter, interval
  const char* timeout_zero;
  const char* retries_range;          // max, got
  const char* backoff_cap;            // backoff
  const char* memory_limit_expected;  // text
  const char* memory_limit_small;     // text
  // sources.yaml and settings files.
  const char* source_id_chars;    // id
  const char* source_id_twice;    // id, first location
  const char* plugin_name_chars;  // name
  const char* source_needs_kpis;
  const char* source_unknown_kpi;  // id
  const char* source_kpi_twice;    // id
  const char* setting_not_scalar;  // key
  // strategy.yaml.
  const char* year_unreadable;        // text
  const char* number_contradicts;     // number, text, number read from the text
  const char* window_after_target;    // from, year
  const char* window_after_baseline;  // from, year
  const char* target_no_number;       // text, kind
  const char* projection_no_number;   // text
  const char* projection_only_vs;
  const char* below_min;  // what (target/baseline), value, min, KPI id
  const char* above_max;  // what, value, max, KPI id
  const char* what_target;
  const char* what_baseline;
  const char* month_day_expected;    // key, text
  const char* dimension_name_chars;  // name
  const char* labels_not_map;
  const char* label_part_twice;  // part
  const char* kpi_id_chars;      // id
  const char* kpi_id_twice;      // id, first location
  const char* publication_lag_range;
  const char* progress_needs_baseline;
  const char* allow_negative_and_min;
  const char* done_has_no_parts;
  const char* indicator_half_ratio;
  const char* indicator_id_chars;      // id
  const char* indicator_series_chars;  // series
  const char* max_below_min;
  const char* decimals_range;       // text as written
  const char* display_not_a_scale;  // display, unit, unit, unit, unit, unit
  const char* goal_number_min;
  const char* goal_number_twice;  // number, first location
  const char* period_reversed;
  const char* city_code_not_six_digits;  // text as written
  const char* city_code_five_digits;     // text, completed code
  const char* city_code_check_digit;     // text, code with the right check digit
  const char* goals_empty;
  const char* history_after_start;
  // Data-quality rules (issue 14, docs/quality.md).
  const char* rule_no_kind;
  const char* rule_unknown_kind;
  const char* rule_bad_level;
  const char* rule_key_not_for_kind;
  const char* rule_range_empty;
  const char* rule_bad_limit;
  const char* rule_completeness_what;
  const char* rule_relation_what;
  const char* rule_unknown_kpi;
  const char* rule_outlier_bounds;
  const char* rule_unknown_series;
  // The file before it is YAML, and the YAML's shape (docs/config.md, "Files that are refused").
  const char* not_a_regular_file;         // file
  const char* file_too_large;             // file, the cap in MiB
  const char* utf16_text;                 // (a BOM FF FE / FE FF at the start)
  const char* nul_byte;                   // (UTF-16 without a BOM, or not text)
  const char* invalid_utf8;               // the byte, two hex digits
  const char* several_documents;          // (at the second document's start)
  const char* tag_not_allowed;            // the tag as written (!!binary, !foo)
  const char* nested_too_deep;            // the most levels allowed
  const char* alias_recursive;            // anchor name, anchor name
  const char* aliases_too_large;          // the most values aliases may stand for
  const char* number_too_large;           // the number as written, the largest magnitude
  const char* grading_dir_missing;        // folder
  const char* grading_scheme_unreadable;  // scheme name, its error
  // A grading scheme (config/grading/NAME.yaml, evaluate/scheme_loader.cpp).
  const char* in_scheme_file;
  const char* in_band;  // the band's number, from 1
  const char* scheme_empty;
  const char* scheme_text_empty;  // key
  const char* scheme_percent;     // key, text as written
  const char* scheme_two_bands;
  const char* band_needs_min;       // symbol
  const char* last_band_has_min;    // symbol
  const char* band_min_order;       // symbol, its min_percent, the band above's
  const char* band_symbol_twice;    // symbol
  const char* other_is_a_band;      // symbol
  const char* round_ratio_range;    // text as written
  const char* unknown_grade;        // grade as written, the band symbols
  const char* status_has_no_score;  // status key
  const char* unknown_scheme;       // name, folder, the schemes there are
  const char* no_schemes;           // (in place of the list)
  const char* stated_other_unit;    // what (target/baseline), the value as written, KPI id, the KPI's unit
  const char* stated_unit_no_unit;  // what, the value as written, its unit, KPI id
};

const ConfigMessages& config_messages(Lang lang);
// Found by text::phrase() (phrase.hpp) for a pointer to a ConfigMessages member.
inline const ConfigMessages& texts_of(Lang lang, const ConfigMessages*) { return config_messages(lang); }

// Every text in declaration order, for the completeness test.
std::size_t config_messages_size();
const char* config_messages_text(const ConfigMessages& m, std::size_t index);

}  // namespace sosei::text
