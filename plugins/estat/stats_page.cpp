// Parsing one getStatsData page with nlohmann-json (see stats_page.hpp).
#include "stats_page.hpp"

#include <nlohmann/json.hpp>

namespace estat {
namespace {

using nlohmann::json;

// The API writes a list of one as a bare object (CLASS, VALUE, NOTE, CLASS_OBJ): read both alike.
std::vector<const json*> items(const json& node) {
  std::vector<const json*> out;
  if (node.is_array())
    for (const auto& item : node) out.push_back(&item);
  else if (node.is_object())
    out.push_back(&node);
  return out;
}

const json* member(const json& node, const char* name) {
  if (!node.is_object()) return nullptr;
  auto it = node.find(name);
  return it == node.end() ? nullptr : &*it;
}

// Numbers and codes arrive as JSON numbers or strings, depending on the field and the release.
std::string text(const json* node) {
  if (!node) return "";
  if (node->is_string()) return node->get<std::string>();
  if (node->is_number_integer()) return std::to_string(node->get<long long>());
  if (node->is_number_unsigned()) return std::to_string(node->get<unsigned long long>());
  if (node->is_number_float()) return node->dump();
  if (node->is_object()) return text(member(*node, "$"));  // {"@code": …, "$": "人口動態調査"}
  return "";
}

}  // namespace

const std::string& Cell::code(std::string_view id) const {
  static const std::string kNone;
  for (const auto& [k, v] : codes)
    if (k == id) return v;
  return kNone;
}

uint64_t fnv1a(std::string_view bytes, uint64_t hash) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

StatsPage parse_stats_page(std::string_view body) {
  const json root = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded())
    throw PageError("e-Stat の応答が JSON ではありません（先頭: 「" + std::string(body.substr(0, 40)) +
                    "」）。base_url が …/rest/3.0/app/json で終わっているか確かめてください");
  const json* envelope = member(root, "GET_STATS_DATA");
  const json* result = envelope ? member(*envelope, "RESULT") : nullptr;
  if (!result || !member(*result, "STATUS"))
    throw PageError("e-Stat の応答に GET_STATS_DATA.RESULT.STATUS がありません。getStatsData の応答ではないようです");
  StatsPage page;
  try {
    page.status = std::stoi(text(member(*result, "STATUS")));
  } catch (const std::exception&) {
    throw PageError("e-Stat の応答の STATUS「" + text(member(*result, "STATUS")) + "」が数ではありません");
  }
  page.error_message = text(member(*result, "ERROR_MSG"));
  const json* data = member(*envelope, "STATISTICAL_DATA");
  if (!data) return page;  // errors and "no data" come without it
  page.content_hash = fnv1a(data->dump());

  if (const json* info = member(*data, "RESULT_INF")) {
    const std::string next = text(member(*info, "NEXT_KEY"));
    if (!next.empty()) {
      try {
        page.next_key = std::stoull(next);
      } catch (const std::exception&) {
        throw PageError("e-Stat の応答の NEXT_KEY「" + next + "」が数ではありません");
      }
    }
  }
  if (const json* table = member(*data, "TABLE_INF")) {
    page.title = text(member(*table, "STATISTICS_NAME"));
    const std::string title = text(member(*table, "TITLE"));
    if (!title.empty()) page.title += (page.title.empty() ? "" : " ") + title;
  }
  const json* classes = member(*data, "CLASS_INF");
  if (const json* objects = classes ? member(*classes, "CLASS_OBJ") : nullptr)
    for (const json* obj : items(*objects)) {
      const std::string id = text(member(*obj, "@id"));
      page.class_names[id] = text(member(*obj, "@name"));
      auto& names = page.code_names[id];
      if (const json* list = member(*obj, "CLASS"))
        for (const json* c : items(*list)) names[text(member(*c, "@code"))] = text(member(*c, "@name"));
    }
  const json* values = member(*data, "DATA_INF");
  if (!values) return page;
  if (const json* notes = member(*values, "NOTE"))
    for (const json* n : items(*notes)) page.marks[text(member(*n, "@char"))] = text(member(*n, "$"));
  if (const json* notes = member(*values, "ANNOTATION"))
    for (const json* n : items(*notes)) page.annotations[text(member(*n, "@annotation"))] = text(member(*n, "$"));
  if (const json* list = member(*values, "VALUE"))
    for (const json* v : items(*list)) {
      Cell cell;
      for (const auto& [key, field] : v->items()) {
        if (key == "$")
          cell.value = text(&field);
        else if (key == "@unit")
          cell.unit = text(&field);
        else if (key == "@annotation")
          cell.annotation = text(&field);
        else if (key.starts_with("@"))
          cell.codes.emplace_back(key.substr(1), text(&field));
      }
      page.cells.push_back(std::move(cell));
    }
  return page;
}

}  // namespace estat
