// One of the plugin's two input tables, from a local file (<role>_file) or a URL (<role>_url).
//
// Why a cache: the host answers "unchanged" (HTTP 304) per URL and then hands over no body. With two
// inputs, the roster may change while the register does not, and the rate needs both. So the text of
// a fetched table (already UTF-8, an XLSX sheet already as CSV) is kept in the source's state, which
// is saved only when the run commits, and read back when its URL answers 304.
#pragma once

#include <optional>
#include <string>

#include <sosei/plugin.hpp>

namespace disaster_coverage {

// Tables larger than this are not kept (the state is meant to stay small); a later 304 for such a
// table while the other input changed fails the run with a message saying so.
inline constexpr std::size_t kMaxKeptBytes = 1u << 20;

class TableInput : public sosei::ByteReader {
 public:
  // Opens `<role>_file`, else fetches `<role>_url`; a PluginError (config) when neither is set.
  static TableInput open(const sosei::Context& ctx, const std::string& role, const std::string& encoding,
                         const std::string& sheet);
  TableInput(TableInput&&) = default;
  ~TableInput() override = default;

  std::size_t read(char* buffer, std::size_t capacity) override;
  const std::string& name() const { return name_; }
  // The URL answered 304: the text comes from the copy kept by the last import.
  bool unchanged() const { return unchanged_; }
  // Throws when the URL answered 304 but no copy was kept (call once the run needs the text).
  void require_text() const;
  // After the whole table was read and used: keeps the fetched text for a later 304.
  void remember(const sosei::Context& ctx) const;

 private:
  TableInput() = default;

  std::string name_;
  std::string url_;  // fetch mode
  bool unchanged_ = false;
  bool kept_ = false;                  // unchanged_ and a copy was found
  std::optional<sosei::Input> input_;  // the file, or the fresh download
  std::string text_;                   // the kept copy (unchanged_) or the copy being recorded
  std::size_t offset_ = 0;             // read position in text_ when unchanged_
  bool recording_ = false;
};

}  // namespace disaster_coverage
