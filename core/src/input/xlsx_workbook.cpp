// The sheet list and shared string table of an XLSX workbook.
#include "input/xlsx_workbook.hpp"

#include <map>

#include "input/input_stream.hpp"
#include "input/xlsx_text.hpp"
#include "input/xml_parser.hpp"
#include "input/zip_archive.hpp"

namespace sosei::input {
namespace {

constexpr std::string_view kWorkbookPart = "xl/workbook.xml";
constexpr std::string_view kWorkbookRelsPart = "xl/_rels/workbook.xml.rels";

struct SheetRef {
  std::string name;
  std::string relationship;
};

class WorkbookHandler final : public XmlHandler {
 public:
  std::vector<SheetRef> sheets;
  bool date1904 = false;
  void on_start(std::string_view name, const char** attributes) override {
    if (name == "workbookPr") {
      const char* flag = attribute(attributes, "date1904");
      date1904 = flag != nullptr && (std::string_view(flag) == "1" || std::string_view(flag) == "true");
    }
    if (name != "sheet") return;
    const char* sheet_name = attribute(attributes, "name");
    const char* id = attribute(attributes, "id");  // r:id
    if (sheet_name != nullptr && id != nullptr) sheets.push_back({sheet_name, id});
  }
  void on_end(std::string_view) override {}
  void on_text(std::string_view) override {}
};

class RelationshipsHandler final : public XmlHandler {
 public:
  std::map<std::string, std::string, std::less<>> targets;  // Id → Target
  std::string shared_strings;
  std::string styles;
  void on_start(std::string_view name, const char** attributes) override {
    if (name != "Relationship") return;
    const char* id = attribute(attributes, "Id");
    const char* target = attribute(attributes, "Target");
    const char* type = attribute(attributes, "Type");
    const char* mode = attribute(attributes, "TargetMode");
    if (id == nullptr || target == nullptr || (mode != nullptr && std::string_view(mode) == "External")) return;
    targets[id] = target;
    if (type != nullptr && std::string_view(type).ends_with("/sharedStrings")) shared_strings = target;
    if (type != nullptr && std::string_view(type).ends_with("/styles")) styles = target;
  }
  void on_end(std::string_view) override {}
  void on_text(std::string_view) override {}
};

}  // namespace

WorkbookIndex read_workbook(ZipArchive& zip) {
  WorkbookHandler workbook;
  parse_entry(zip, std::string(kWorkbookPart), workbook);
  RelationshipsHandler relationships;
  if (zip.contains(std::string(kWorkbookRelsPart))) {
    parse_entry(zip, std::string(kWorkbookRelsPart), relationships);
  }
  WorkbookIndex index;
  for (const SheetRef& sheet : workbook.sheets) {
    const auto target = relationships.targets.find(sheet.relationship);
    if (target == relationships.targets.end()) continue;  // a chart sheet or a broken link
    index.sheets.push_back({sheet.name, resolve_part("xl/", target->second)});
  }
  if (!relationships.shared_strings.empty()) {
    index.shared_strings_part = resolve_part("xl/", relationships.shared_strings);
  } else if (zip.contains("xl/sharedStrings.xml")) {
    index.shared_strings_part = "xl/sharedStrings.xml";
  }
  if (!relationships.styles.empty()) {
    index.styles_part = resolve_part("xl/", relationships.styles);
  } else if (zip.contains("xl/styles.xml")) {
    index.styles_part = "xl/styles.xml";
  }
  index.date1904 = workbook.date1904;
  if (index.sheets.empty()) {
    throw InputError(zip.display() +
                     ": the workbook has no worksheet that can be read (the XLSX "
                     "file is damaged or holds only charts). Open it in Excel and "
                     "save it again.");
  }
  return index;
}

namespace {

// "256 MiB", or "64 KiB" below a MiB.
std::string size_text(std::size_t bytes) {
  return bytes >= (std::size_t{1} << 20) ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes >> 10) + " KiB";
}

}  // namespace

// Collects <si> items: text of <t> elements, outside <rPh> (phonetic guide) runs.
class SharedStringsLoader final : public XmlHandler {
 public:
  SharedStringsLoader(SharedStrings& table, std::string display, std::string part)
      : table_(table), display_(std::move(display)), part_(std::move(part)) {}

  void on_start(std::string_view name, const char**) override {
    if (name == "si") {
      in_item_ = true;
      item_.clear();
    } else if (name == "rPh") {
      ++phonetic_depth_;
    } else if (name == "t" && in_item_ && phonetic_depth_ == 0) {
      in_text_ = true;
    }
  }
  void on_end(std::string_view name) override {
    if (name == "si") {
      in_item_ = false;
      check_room(0, 1);
      table_.text_ += decode_xstring(item_);
      table_.ends_.push_back(table_.text_.size());
    } else if (name == "rPh") {
      --phonetic_depth_;
    } else if (name == "t") {
      in_text_ = false;
    }
  }
  void on_text(std::string_view text) override {
    if (!in_text_) return;
    check_room(text.size(), 0);
    item_ += text;
  }

 private:
  // Refuses before the table would hold more than its cap: the text so far, the item being read, and
  // the offsets, with `more_text` bytes and `more_strings` strings added.
  void check_room(std::size_t more_text, std::size_t more_strings) const {
    const std::size_t strings = table_.ends_.size() + more_strings;
    const std::size_t used = table_.text_.size() + item_.size() + more_text + strings * sizeof(std::uint64_t);
    if (used <= table_.max_bytes_) return;
    throw InputError(display_ + ": " + part_ + " (the shared string table) needs more than " +
                     size_text(table_.max_bytes_) + " of memory (" + std::to_string(strings) +
                     " strings so far); the file may be damaged or crafted. Split the workbook, or export "
                     "the sheet as CSV and read that.");
  }

  SharedStrings& table_;
  std::string display_;
  std::string part_;
  std::string item_;
  bool in_item_ = false;
  bool in_text_ = false;
  int phonetic_depth_ = 0;
};

void SharedStrings::load(ZipArchive& zip, const std::string& part) {
  text_.clear();
  ends_.clear();
  SharedStringsLoader loader(*this, zip.display(), part);
  parse_entry(zip, part, loader);
  text_.shrink_to_fit();
  ends_.shrink_to_fit();
}

std::string_view SharedStrings::at(std::size_t index) const {
  const std::uint64_t begin = index == 0 ? 0 : ends_[index - 1];
  return std::string_view(text_).substr(begin, ends_[index] - begin);
}

}  // namespace sosei::input
