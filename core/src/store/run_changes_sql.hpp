// The query both stores answer Store::run_changes with: the first imports of the observations a run
// created (their first value; their first note and location are the oldest revision's old ones, or
// the current ones when never revised), then the revisions, in run order. `P` is the placeholder of
// the run id: "?1" in SQLite, "$1" in PostgreSQL. Columns: run, series, period (4), dimensions, value
// kind and number, flags, note, location.
#pragma once

#define SOSEI_RUN_CHANGES_SQL(P)                                                                                \
  "SELECT run, series, period_kind, period_year, period_month, period_day, dimensions, kind, number, flags,"    \
  " note, location FROM ("                                                                                      \
  " SELECT o.first_run_id AS run, 0 AS step, o.id AS seq, o.series, o.period_kind, o.period_year,"              \
  " o.period_month, o.period_day, o.dimensions, o.first_value_kind AS kind, o.first_number AS number, o.flags," \
  " coalesce((SELECT r.old_note FROM revisions r WHERE r.observation_id = o.id ORDER BY r.id LIMIT 1), o.note)" \
  " AS note,"                                                                                                   \
  " coalesce((SELECT r.old_location FROM revisions r WHERE r.observation_id = o.id ORDER BY r.id LIMIT 1),"     \
  " o.location) AS location"                                                                                    \
  " FROM observations o WHERE o.first_run_id > " P                                                              \
  " UNION ALL"                                                                                                  \
  " SELECT r.run_id, 1, r.id, o.series, o.period_kind, o.period_year, o.period_month, o.period_day,"            \
  " o.dimensions, r.new_value_kind, r.new_number, o.flags, r.new_note, r.new_location"                          \
  " FROM revisions r JOIN observations o ON o.id = r.observation_id WHERE r.run_id > " P                        \
  ") AS changes ORDER BY run, step, seq"
