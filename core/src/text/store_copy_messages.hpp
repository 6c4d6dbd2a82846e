// What `sosei store copy` tells a person, in Japanese (the default) and English: what was copied and
// verified, that the target already held it, or why nothing was written and what to do. A table of
// the Catalogue's kind (catalogue.hpp), under the same completeness test
// (tests/text/message_tables_test.cpp).
#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <string>

#include "text/lang.hpp"

namespace sosei::text {

struct StoreCopyMessages {
  const char* copied;           // from, to, tables, rows
  const char* already_there;    // to, from, tables, rows
  const char* target_differs;   // to, from
  const char* differing_table;  // table, source rows, target rows
  const char* what_to_do;       // to
  const char* mismatch;         // to
  const char* failed;           // from, to, error
  const char* same_store;       // location
  const char* no_source;        // location
  const char* table_heading;    // the table column
  const char* rows_heading;     // the rows column
  const char* checksum_heading;
  const char* total;     // tables, rows
  const char* bad_city;  // text as written
};

const StoreCopyMessages& store_copy_messages(Lang lang);
inline const StoreCopyMessages& texts_of(Lang lang, const StoreCopyMessages*) { return store_copy_messages(lang); }

template <class... Args>
std::string say(Lang lang, const char* StoreCopyMessages::*text, const Args&... args) {
  return fmt::format(fmt::runtime(store_copy_messages(lang).*text), args...);
}

// Every text in declaration order, for the completeness test.
std::size_t store_copy_messages_size();
const char* store_copy_messages_text(const StoreCopyMessages& m, std::size_t index);

}  // namespace sosei::text
