// Format names and file extensions of `sosei report` (writers.hpp).
#include <algorithm>
#include <cctype>

#include "report/writers.hpp"

namespace sosei::report {

std::optional<Format> format_named(std::string_view name) {
  if (name == "html") return Format::Html;
  if (name == "xlsx") return Format::Xlsx;
  if (name == "csv") return Format::Csv;
  if (name == "md" || name == "markdown") return Format::Markdown;
  if (name == "json") return Format::Json;
  return std::nullopt;
}

std::optional<Format> format_of_path(std::string_view path) {
  const auto slash = path.find_last_of('/');
  const auto dot = path.find_last_of('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return std::nullopt;
  std::string ext(path.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == "htm") return Format::Html;
  return format_named(ext);
}

std::string format_name(Format format) {
  switch (format) {
    case Format::Html:
      return "html";
    case Format::Xlsx:
      return "xlsx";
    case Format::Csv:
      return "csv";
    case Format::Markdown:
      return "md";
    case Format::Json:
      return "json";
  }
  return "";
}

bool is_binary(Format format) { return format == Format::Xlsx; }

}  // namespace sosei::report
