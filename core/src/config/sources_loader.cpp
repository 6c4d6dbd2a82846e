// sources.yaml → Sources: which plugin feeds which KPIs, with plugin settings kept as written
// (the plugin validates them; the host hands them over as plain key/value text).
#include <map>
#include <set>

#include "common/identifiers.hpp"
#include "config/load.hpp"
#include "config/schedule_reader.hpp"
#include "config/yaml_reader.hpp"

namespace sosei::config {

using detail::Document;
using detail::fail;
using detail::MapReader;
using detail::Msg;
using text::phrase;

std::vector<Source> load_sources(const std::string& path, const Strategy& strategy) {
  Document doc(path, path);
  MapReader top(doc, doc.root(), doc.start_location(), phrase(&Msg::in_sources_file), {"sources"});
  if (!top.has("sources")) top.missing("sources");
  std::vector<Source> sources;
  std::map<std::string, Location> ids;
  for (const auto& [node, where] : top.list("sources")) {
    MapReader m(doc, node, where, phrase(&Msg::in_source),
                {"id", "plugin", "kpis", "schedule", "isolation", "memory_limit", "on_bad_row", "settings"});
    Source s;
    s.where = m.where();
    s.id = m.required_string("id");
    if (!is_identifier(s.id)) fail(m.value_at("id"), phrase(&Msg::source_id_chars, s.id));
    if (auto first = ids.find(s.id); first != ids.end())
      fail(m.value_at("id"), phrase(&Msg::source_id_twice, s.id, first->second.str()));
    ids.emplace(s.id, s.where);
    s.plugin = m.required_string("plugin");
    if (!is_identifier(s.plugin)) fail(m.value_at("plugin"), phrase(&Msg::plugin_name_chars, s.plugin));

    if (!m.has("kpis")) m.missing("kpis");
    auto kpis = m.list("kpis");
    if (kpis.empty()) fail(m.value_at("kpis"), phrase(&Msg::source_needs_kpis));
    std::set<std::string> seen;
    for (const auto& [kn, kwhere] : kpis) {
      std::string id = detail::as_string(kn, kwhere);
      if (!strategy.find_kpi(id)) fail(kwhere, phrase(&Msg::source_unknown_kpi, id));
      if (!seen.insert(id).second) fail(kwhere, phrase(&Msg::source_kpi_twice, id));
      s.kpis.push_back(std::move(id));
    }

    if (m.has("schedule")) s.schedule = detail::read_schedule(doc, m);
    s.isolation = detail::read_isolation(m);
    s.memory_limit = detail::read_memory_limit(m);
    if (auto b = m.choice("on_bad_row", {"fail", "skip"}))
      s.on_bad_row = *b == "fail" ? OnBadRow::Fail : OnBadRow::Skip;

    if (m.has("settings")) {
      MapReader settings(doc, m.node("settings"), m.value_at("settings"), detail::section("settings"), {});
      for (const auto& it : m.node("settings")) {
        const std::string key = it.first.Scalar();
        const Location at = settings.value_at(key);
        if (!it.second.IsScalar()) fail(at, phrase(&Msg::setting_not_scalar, key));
        s.settings.emplace(key, SettingValue{it.second.Scalar(), at});
      }
    }
    sources.push_back(std::move(s));
  }
  return sources;
}

}  // namespace sosei::config
