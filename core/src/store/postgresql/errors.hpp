// What the PostgreSQL store says when the server refuses: texts for the people who run sosei (they
// reach them through the CLI), saying what to check or do.
#pragma once

#include <string>

namespace sosei::store::pg {

// The connection could not be made (server down, wrong host, database or role, no password); thrown
// as ConnectionLost (store/connection_lost.hpp), as is a connection the server dropped.
std::string cannot_connect(const std::string& location, const std::string& libpq_message);

// Throws StoreError for a failed statement: a lock wait that ran out and a lost connection get their
// own sentence; anything else names the step, the server's message and its SQLSTATE.
[[noreturn]] void throw_statement_error(const char* what, const std::string& sqlstate, const std::string& message,
                                        const std::string& location);

// The location must not carry a password: it comes from PGPASSFILE, ~/.pgpass or PGPASSWORD, never
// from the configuration file or the command line (where others can read it).
void refuse_password_in(const std::string& location);

}  // namespace sosei::store::pg
