// Reading and writing series_info (docs/schema.md).
#include "store/sqlite/series_info.hpp"

namespace sosei::store {
namespace {

// The WHERE keeps an unchanged declaration's updated_at: it says when the plugin last changed it.
constexpr const char* kWrite =
    "INSERT INTO series_info(series, unit, help, label_ja, label_en, plugin, plugin_version, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    " ON CONFLICT(series) DO UPDATE SET unit = excluded.unit, help = excluded.help,"
    " label_ja = excluded.label_ja, label_en = excluded.label_en, plugin = excluded.plugin,"
    " plugin_version = excluded.plugin_version, updated_at = excluded.updated_at"
    " WHERE unit <> excluded.unit OR help <> excluded.help OR label_ja <> excluded.label_ja"
    " OR label_en <> excluded.label_en OR plugin <> excluded.plugin OR plugin_version <> excluded.plugin_version";
constexpr const char* kList =
    "SELECT series, unit, help, label_ja, label_en, plugin, plugin_version, updated_at FROM series_info"
    " ORDER BY series";

}  // namespace

void write_sqlite_series_info(sqlite::Connection& db, const SeriesInfo& info, const std::string& now) {
  sqlite::Statement& s = db.statement("record a series' metadata", kWrite);
  s.bind(1, info.series);
  s.bind(2, info.unit);
  s.bind(3, info.help);
  s.bind(4, info.label_ja);
  s.bind(5, info.label_en);
  s.bind(6, info.plugin);
  s.bind(7, info.plugin_version);
  s.bind(8, now);
  s.run();
}

std::vector<SeriesInfo> read_sqlite_series_infos(sqlite::Connection& db) {
  sqlite::Statement& s = db.statement("list series metadata", kList);
  sqlite::Use use(s);
  std::vector<SeriesInfo> out;
  while (s.step())
    out.push_back(
        {s.string(0), s.string(1), s.string(2), s.string(3), s.string(4), s.string(5), s.string(6), s.string(7)});
  return out;
}

}  // namespace sosei::store
