// A bundle's lines as JSON (bundle_lines.hpp).
#include "app/bundle_lines.hpp"

#include <stdexcept>

namespace sosei::app::bundle {
namespace {

using nlohmann::json;

const json& field(const json& j, const char* name) {
  if (!j.is_object() || !j.contains(name)) throw std::invalid_argument(std::string("missing \"") + name + "\"");
  return j.at(name);
}

std::string text(const json& j, const char* name) {
  const json& v = field(j, name);
  if (!v.is_string()) throw std::invalid_argument(std::string("\"") + name + "\" is not a text");
  return v.get<std::string>();
}

int64_t integer(const json& j, const char* name) {
  const json& v = field(j, name);
  if (!v.is_number_integer()) throw std::invalid_argument(std::string("\"") + name + "\" is not an integer");
  return v.get<int64_t>();
}

std::optional<double> optional_number(const json& j, const char* name) {
  if (!j.contains(name) || j.at(name).is_null()) return std::nullopt;
  if (!j.at(name).is_number()) throw std::invalid_argument(std::string("\"") + name + "\" is not a number");
  return j.at(name).get<double>();
}

json or_null(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

template <class Enum, std::size_t N>
Enum enum_from(const std::array<Enum, N>& all, const std::string& name, const char* what) {
  for (Enum e : all)
    if (to_string(e) == name) return e;
  throw std::invalid_argument(std::string(what) + " \"" + name + "\"");
}

constexpr std::array kStatuses{store::RunStatus::Running, store::RunStatus::Succeeded, store::RunStatus::Failed,
                               store::RunStatus::Unchanged, store::RunStatus::Aborted};
constexpr std::array kLevels{store::FlagLevel::Error, store::FlagLevel::Warning};

}  // namespace

std::string signed_text(const std::string& sha256) { return "sosei-bundle-v1\n" + sha256; }

json key_json(const store::ObservationKey& key) {
  return {{"series", key.series}, {"period", key.period.str()}, {"dimensions", key.dimensions}};
}

json value_json(const Value& v) {
  if (v.is_number()) return {{"kind", "number"}, {"number", v.number}};
  return {{"kind", to_string(v.kind)}};
}

json run_json(const store::RunRecord& run) {
  json rejections = json::array();
  for (const auto& r : run.rejections) rejections.push_back({{"location", r.location}, {"reason", r.reason}});
  return {{"id", run.id},
          {"source", run.source},
          {"plugin", run.plugin},
          {"plugin_version", run.plugin_version},
          {"started_at", run.started_at},
          {"finished_at", run.finished_at},
          {"status", to_string(run.status)},
          {"error", run.error},
          {"fingerprint", run.fingerprint},
          {"accepted", run.accepted},
          {"rejected", run.rejected},
          {"inserted", run.inserted},
          {"revised", run.revised},
          {"rejections", rejections}};
}

json put_json(const store::ObservationKey& key, const store::ObservationData& data) {
  json j = key_json(key);
  j["value"] = value_json(data.value);
  j["flags"] = data.flags;
  j["note"] = data.note;
  j["location"] = data.location;
  return j;
}

json raise_json(const store::FlagRaise& r) {
  return {{"rule", r.rule},
          {"level", to_string(r.level)},
          {"value", or_null(r.value)},
          {"min", or_null(r.expected_min)},
          {"max", or_null(r.expected_max)},
          {"detail", r.detail},
          {"location", r.location}};
}

json approval_json(const store::Approval& a) {
  return {{"kpi", a.kpi},
          {"period", a.period.str()},
          {"state", to_string(a.state)},
          {"changed_at", a.changed_at},
          {"changed_by", a.changed_by}};
}

json comment_json(const store::Comment& c) {
  return {{"kpi", c.kpi},
          {"year", c.year},
          {"kind", to_string(c.kind)},
          {"version", c.version},
          {"text", c.text},
          {"entered_at", c.entered_at},
          {"entered_by", c.entered_by},
          {"department", c.department}};
}

store::ObservationKey key_from(const json& j) {
  store::ObservationKey key;
  key.series = text(j, "series");
  const auto period = Period::parse(text(j, "period"));
  if (!period) throw std::invalid_argument("period \"" + text(j, "period") + "\"");
  key.period = *period;
  const json& dims = field(j, "dimensions");
  if (!dims.is_object()) throw std::invalid_argument("\"dimensions\" is not an object");
  for (const auto& [name, value] : dims.items()) {
    if (!value.is_string()) throw std::invalid_argument("dimension \"" + name + "\" is not a text");
    key.dimensions.emplace(name, value.get<std::string>());
  }
  return key;
}

Value value_from(const json& j) {
  const std::string kind = text(j, "kind");
  if (kind == "number") {
    const json& n = field(j, "number");
    if (!n.is_number()) throw std::invalid_argument("\"number\" is not a number");
    return Value::of(n.get<double>());
  }
  const auto k = value_kind_from(kind);
  if (!k) throw std::invalid_argument("value kind \"" + kind + "\"");
  return Value::status(*k);
}

store::RunRecord run_from(const json& j) {
  store::RunRecord r;
  r.id = integer(j, "id");
  r.source = text(j, "source");
  r.plugin = text(j, "plugin");
  r.plugin_version = text(j, "plugin_version");
  r.started_at = text(j, "started_at");
  r.finished_at = text(j, "finished_at");
  r.status = enum_from(kStatuses, text(j, "status"), "run status");
  r.error = text(j, "error");
  r.fingerprint = text(j, "fingerprint");
  r.accepted = integer(j, "accepted");
  r.rejected = integer(j, "rejected");
  r.inserted = integer(j, "inserted");
  r.revised = integer(j, "revised");
  for (const auto& x : field(j, "rejections")) r.rejections.push_back({text(x, "location"), text(x, "reason")});
  return r;
}

store::ObservationData data_from(const json& j) {
  store::ObservationData d;
  d.value = value_from(field(j, "value"));
  d.flags = static_cast<uint32_t>(integer(j, "flags"));
  d.note = text(j, "note");
  d.location = text(j, "location");
  return d;
}

store::FlagRaise raise_from(const json& j) {
  store::FlagRaise r;
  r.rule = text(j, "rule");
  r.level = enum_from(kLevels, text(j, "level"), "flag level");
  r.value = optional_number(j, "value");
  r.expected_min = optional_number(j, "min");
  r.expected_max = optional_number(j, "max");
  r.detail = text(j, "detail");
  r.location = text(j, "location");
  return r;
}

store::Approval approval_from(const json& j) {
  store::Approval a;
  a.kpi = text(j, "kpi");
  const auto period = Period::parse(text(j, "period"));
  if (!period) throw std::invalid_argument("period \"" + text(j, "period") + "\"");
  a.period = *period;
  const auto state = store::approval_state_from(text(j, "state"));
  if (!state) throw std::invalid_argument("approval state \"" + text(j, "state") + "\"");
  a.state = *state;
  a.changed_at = text(j, "changed_at");
  a.changed_by = text(j, "changed_by");
  return a;
}

store::Comment comment_from(const json& j) {
  store::Comment c;
  c.kpi = text(j, "kpi");
  c.year = static_cast<int>(integer(j, "year"));
  const auto kind = store::comment_kind_from(text(j, "kind"));
  if (!kind) throw std::invalid_argument("comment kind \"" + text(j, "kind") + "\"");
  c.kind = *kind;
  c.version = static_cast<int>(integer(j, "version"));
  c.text = text(j, "text");
  c.entered_at = text(j, "entered_at");
  c.entered_by = text(j, "entered_by");
  c.department = text(j, "department");
  return c;
}

}  // namespace sosei::app::bundle
