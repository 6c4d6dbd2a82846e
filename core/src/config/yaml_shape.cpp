// The shape check of a configuration file, on yaml-cpp's event stream (yaml_shape.hpp). Events come
// before nodes exist, so a recursive alias or an alias bomb is refused before anything walks it.
#include "config/yaml_shape.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <vector>

#include "config/yaml_reader.hpp"

namespace sosei::config::detail {
namespace {

// "tag:yaml.org,2002:binary" as it was written: "!!binary".
std::string written_tag(const std::string& tag) {
  const std::string core = "tag:yaml.org,2002:";
  return tag.starts_with(core) ? "!!" + tag.substr(core.size()) : tag;
}

class ShapeCheck : public YAML::EventHandler {
 public:
  explicit ShapeCheck(const Document& doc) : doc_(doc) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) fail(doc_.at(mark), phrase(&Msg::several_documents));
  }
  void OnDocumentEnd() override {}
  void OnAnchor(const YAML::Mark&, const std::string& name) override { anchor_name_ = name; }

  void OnNull(const YAML::Mark&, YAML::anchor_t anchor) override { done(anchor, {1, 0}); }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, const std::string&) override {
    check_tag(mark, tag);
    done(anchor, {1, 0});
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto it = complete_.find(anchor);
    // yaml-cpp knows the anchor as soon as it is named, so an alias inside its own anchor finds it
    // still open: the node would contain itself, and anything walking it would never end.
    if (it == complete_.end()) fail(doc_.at(mark), phrase(&Msg::alias_recursive, names_[anchor], names_[anchor]));
    const Extent extent = it->second;
    if (static_cast<int>(open_.size()) + extent.height > kMaxNesting)
      fail(doc_.at(mark), phrase(&Msg::nested_too_deep, kMaxNesting));
    aliased_ += extent.values;
    if (aliased_ > kMaxAliasedValues) fail(doc_.at(mark), phrase(&Msg::aliases_too_large, kMaxAliasedValues));
    done(YAML::NullAnchor, extent);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, tag, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, tag, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  // A node as written out: how many values, and how many levels of maps and lists.
  struct Extent {
    std::uint64_t values = 0;
    int height = 0;
  };
  struct Open {
    YAML::anchor_t anchor;
    Extent inside;
  };

  void check_tag(const YAML::Mark& mark, const std::string& tag) {
    // "?" and "!" are yaml-cpp's marks for an untagged plain and quoted node; anything else was written.
    if (!tag.empty() && tag != "?" && tag != "!") fail(doc_.at(mark), phrase(&Msg::tag_not_allowed, written_tag(tag)));
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
    check_tag(mark, tag);
    if (static_cast<int>(open_.size()) + 1 > kMaxNesting)
      fail(doc_.at(mark), phrase(&Msg::nested_too_deep, kMaxNesting));
    name(anchor);
    open_.push_back({anchor, {}});
  }

  void close() {
    const Open o = open_.back();
    open_.pop_back();
    done(o.anchor, {o.inside.values + 1, o.inside.height + 1}, false);
  }

  void done(YAML::anchor_t anchor, Extent extent, bool leaf = true) {
    if (leaf) name(anchor);
    if (anchor != YAML::NullAnchor) complete_[anchor] = extent;
    if (open_.empty()) return;
    Extent& parent = open_.back().inside;
    parent.values += extent.values;
    parent.height = std::max(parent.height, extent.height);
  }

  // OnAnchor gives the name just before the node that carries its number.
  void name(YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) names_[anchor] = anchor_name_;
  }

  const Document& doc_;
  int documents_ = 0;
  std::vector<Open> open_;
  std::map<YAML::anchor_t, Extent> complete_;
  std::map<YAML::anchor_t, std::string> names_;
  std::string anchor_name_;
  std::uint64_t aliased_ = 0;
};

}  // namespace

void check_yaml_shape(const std::string& text, const Document& doc) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  ShapeCheck check(doc);
  try {
    while (parser.HandleNextDocument(check)) {
    }
  } catch (const YAML::DeepRecursion& e) {  // yaml-cpp's own guard, should a shape slip past ours
    fail(doc.at(e.mark), phrase(&Msg::nested_too_deep, kMaxNesting));
  } catch (const YAML::Exception& e) {
    fail(e.mark.is_null() ? doc.start_location() : doc.at(e.mark), phrase(&Msg::yaml_syntax, e.msg));
  }
}

}  // namespace sosei::config::detail
