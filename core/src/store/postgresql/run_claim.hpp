// How a PostgreSQL import run survives its connection: its run row is committed as "running" before
// the run writes anything, and the import's connection holds a session advisory lock of the run while
// the run is open. The lock goes with the connection, so a row still "running" whose lock is free was
// left by a process that died or a connection the server dropped: the next store open records it as
// failed (its writes were rolled back with its transaction).
#pragma once

#include <cstdint>
#include <string>

#include "store/postgresql/connection.hpp"
#include "store/store.hpp"

namespace sosei::store::pg {

// The error recorded for such a run (the store's own Japanese, like its other messages: the store
// does not know the city's language).
extern const char* const kAbandonedRunError;

// Registers the source and commits the run row as running (started_at and source from `record`),
// taking the run's lock on `db` before the row becomes visible; returns the run id. `db` must have no
// transaction open.
int64_t claim_run(Connection& db, const RunRecord& record);

// Lets the run's lock go once its row says how it ended. Never throws (a lost connection has let it
// go already).
void release_run(Connection& db, int64_t run_id) noexcept;

// Removes the row of a run that ends without a record (discarded, destroyed open, refused before it
// wrote) and lets its lock go. Never throws: a row it cannot remove is failed by a later open.
void withdraw_run(Connection& db, int64_t run_id) noexcept;

// Records the run as failed (kAbandonedRunError, finished `now`) when its connection dropped and
// nobody said how it ended; on a new connection, so only once the server answers again. Never throws
// (a row it cannot update is failed by a later open).
void abandon_run(Connection& db, int64_t run_id, const std::string& now) noexcept;

// Marks failed (kAbandonedRunError, finished `now`) every run still "running" whose lock nobody
// holds; returns how many. Called on a connection that holds no run's lock (a session may take its
// own locks again).
int fail_abandoned_runs(Connection& db, const std::string& now);

}  // namespace sosei::store::pg
