// What the hub tells a person (docs/hub.md): the problems of a hub file (config/hub.yaml), and
// `sosei hub summary`'s table of a prefecture's or a group's cities, in Japanese (the default) and
// English. A table of the Catalogue's kind (catalogue.hpp), under the same completeness test
// (tests/text/message_tables_test.cpp).
#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <string>

#include "text/lang.hpp"

namespace sosei::text {

struct HubMessages {
  // The hub file (config::load_hub); each is prefixed with file:line:column.
  const char* in_hub_file;
  const char* code_not_six_digits;  // text as written
  const char* code_five_digits;     // text, completed code
  const char* code_check_digit;     // text, code with the right check digit
  const char* unknown_prefecture;   // code, its first two digits
  const char* city_twice;           // code, first location
  const char* group_twice;          // name, first location
  const char* group_empty;          // name
  const char* member_not_a_city;    // code, group
  const char* member_twice;         // code, group
  const char* no_cities;
  const char* no_database_for_city;  // code, name
  const char* sqlite_shared;         // file, first city, second city
  const char* indicator_id_chars;    // id
  const char* indicator_twice;       // id, first location
  const char* indicator_scale;
  const char* merged_not_a_day;       // text as written
  const char* predecessor_is_a_city;  // code, name
  const char* predecessor_twice;      // code, name, the city it is already merged into
  // `sosei hub summary`.
  const char* unknown_group;      // name, the groups there are
  const char* unknown_indicator;  // id, the indicators there are
  const char* bad_prefecture;     // text as written
  const char* no_city_in_scope;   // scope
  const char* scope_all;          // hub name, cities
  const char* scope_prefecture;   // hub name, prefecture name, code, cities
  const char* scope_group;        // hub name, group name, kind, cities
  const char* heading_code;
  const char* heading_city;
  const char* heading_as_of;
  const char* heading_grades;
  const char* heading_with_value;
  const char* heading_open_flags;
  const char* heading_stopped;
  const char* heading_failing;
  const char* state_no_evaluation;
  const char* state_no_database;
  const char* state_unreachable;  // error
  const char* stale_mark;         // after the as-of date of a stale evaluation
  const char* cities_missing;     // count, names: cities without an evaluation
  const char* totals;             // grades over every evaluated city
  const char* list_separator;
  // `sosei hub indicators`.
  const char* no_indicators;
  const char* indicator_title;      // name, id, unit, how it aggregates, period
  const char* indicator_no_period;  // name, id
  const char* aggregate_sum;
  const char* aggregate_ratio;  // scale
  const char* aggregate_level;
  const char* heading_kpi;
  const char* heading_value;
  const char* heading_numerator;
  const char* heading_denominator;
  const char* heading_note;
  const char* state_no_value;
  const char* state_not_reported;
  const char* state_needs_parts;  // kpi
  const char* state_no_configuration;
  const char* prefecture_total;   // prefecture name
  const char* indicator_without;  // count, names
  const char* bad_period;         // text as written
  const char* indicators_title;   // hub name
  const char* indicators_link;
  const char* from_predecessors;  // names
  // The hub's page (`sosei hub serve`).
  const char* bad_sort;  // text as written
  const char* scope_both;
  const char* page_title;  // hub name
  const char* filter_all;
  const char* filter_prefecture;
  const char* filter_group;
  const char* sort_label;
  const char* sort_code;
  const char* sort_name;
  const char* sort_best;
  const char* sort_missing;
  const char* show;
  const char* not_loopback;  // address
  // Access (`sosei hub token`, and the hub's server once the hub has a token).
  const char* tokens_unreadable;    // file, why
  const char* tokens_unwritable;    // file, why
  const char* tokens_bad;           // file, what is wrong
  const char* token_scope_bad;      // text as written
  const char* token_created;        // id, scope
  const char* token_revoked;        // id
  const char* token_not_revoked;    // id
  const char* token_required;       // 401
  const char* token_unknown;        // 401
  const char* token_out_of_scope;   // 403: token's scope, what was asked
  const char* city_token_hub_page;  // 403: city code
  const char* city_not_in_hub;      // 404: code
  const char* city_without_pages;   // 404: code, name
  const char* city_config_other;    // the hub's code, name, config file, the config's city_code
  const char* scope_nation;
  const char* scope_city;  // code
  const char* city_pages_link;
  const char* tokens_unavailable;  // 503: the token file cannot be read
  const char* heading_scope;
  const char* no_hub_tokens;  // the token file
  // City → hub bundles (`sosei bundle …`).
  const char* bundle_key_unusable;         // file, why
  const char* bundle_private_key_missing;  // file
  const char* bundle_public_key_missing;   // file
  const char* bundle_key_exists;           // file
  const char* bundle_key_not_ed25519;      // file
  const char* bundle_key_written;          // private file, public file, key id
  const char* key_cannot_write;            // (reasons of bundle_key_unusable)
  const char* key_cannot_make;
  const char* key_cannot_sign;
  const char* key_cannot_encode;
  const char* bundle_no_city_code;   // strategy file
  const char* bundle_exported;       // file, city code, since, through, runs, values, key id
  const char* bundle_unreadable;     // file, why
  const char* bundle_truncated;      // file
  const char* bundle_malformed;      // file, line, what
  const char* bundle_tampered;       // file
  const char* bundle_unsigned;       // file
  const char* bundle_bad_signature;  // file, code, name, key file
  const char* bundle_city_unknown;   // file, code
  const char* bundle_no_key;         // code, name
  const char* bundle_out_of_order;   // code, name, runs the hub has through, the bundle's since
  const char* bundle_older;          // code, name, the bundle's through, the hub's
  const char* bundle_already;        // code, name, through
  const char* bundle_applied;        // code, name, runs, values, since, through
  // `sosei hub daemon`.
  const char* daemon_no_city;  // hub file
  // `sosei hub evaluate`.
  const char* heading_scheme;
  const char* heading_inherited;
  const char* heading_saved;
  const char* state_refused;            // why
  const char* evaluate_no_city;         // hub file
  const char* evaluate_city_no_config;  // code, name, hub file
  const char* evaluate_saved;           // cities
  const char* evaluate_inherited_note;  // (legend of the inherited column)
};

const HubMessages& hub_messages(Lang lang);
inline const HubMessages& texts_of(Lang lang, const HubMessages*) { return hub_messages(lang); }

template <class... Args>
std::string say(Lang lang, const char* HubMessages::*text, const Args&... args) {
  return fmt::format(fmt::runtime(hub_messages(lang).*text), args...);
}

// Every text in declaration order, for the completeness test.
std::size_t hub_messages_size();
const char* hub_messages_text(const HubMessages& m, std::size_t index);

}  // namespace sosei::text
