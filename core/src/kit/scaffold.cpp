// Filling the scaffold templates and writing them without overwriting anybody's work.
#include "kit/scaffold.hpp"

#include <fstream>

#include "common/identifiers.hpp"
#include "sosei/sdk.h"

namespace sosei::kit {
namespace {

namespace fs = std::filesystem;

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// "bus_stops" → "BusStops", for the C++ class name.
std::string camel(const std::string& name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out.push_back(upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    upper = false;
  }
  return out;
}

}  // namespace

std::vector<std::string> write_scaffold(const ScaffoldRequest& r) {
  if (r.name.empty() || !is_identifier(r.name) || !(r.name[0] >= 'a' && r.name[0] <= 'z'))
    throw ScaffoldError(text::phrase(&text::KitMessages::bad_name, r.name));
  if (r.department.empty()) throw ScaffoldError(text::phrase(&text::KitMessages::no_department));
  std::error_code ec;
  if (fs::exists(r.directory, ec) && !fs::is_empty(r.directory, ec))
    throw ScaffoldError(text::phrase(&text::KitMessages::folder_not_empty, r.directory.string()));
  fs::create_directories(r.directory, ec);
  if (ec) throw ScaffoldError(text::phrase(&text::KitMessages::cannot_create, r.directory.string(), ec.message()));

  std::vector<std::string> written;
  for (const auto& t : scaffold_templates(r.kind)) {
    std::string path = replace_all(t.path, "{{name}}", r.name);
    std::string text = t.text;
    text = replace_all(text, "{{name}}", r.name);
    text = replace_all(text, "{{Name}}", camel(r.name));
    text = replace_all(text, "{{department}}", r.department);
    text = replace_all(text, "{{kind}}", r.kind == PluginKind::Import ? "import" : "fetch");
    text = replace_all(text, "{{api}}", std::to_string(SOSEI_API_VERSION));
    const fs::path file = r.directory / path;
    fs::create_directories(file.parent_path(), ec);
    std::ofstream out(file, std::ios::binary);
    out << text;
    if (!out) throw ScaffoldError(text::phrase(&text::KitMessages::cannot_write, file.string()));
    written.push_back(path);
  }
  return written;
}

}  // namespace sosei::kit
