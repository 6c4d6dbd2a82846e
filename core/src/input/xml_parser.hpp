// A thin RAII wrapper of expat's push parser for the XLSX parts: chunked input, element names
// without their namespace prefix, exceptions carried across expat's C frames, and suspension so
// that a consumer can stop the parser when it has produced enough output.
#pragma once

#include <cstddef>
#include <exception>
#include <string>
#include <string_view>

namespace sosei::input {

class ZipArchive;

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // `name` is the local name ("c" for both <c> and <x:c>); `attributes` is expat's
  // NULL-terminated name/value array (names as written, see attribute()).
  virtual void on_start(std::string_view name, const char** attributes) = 0;
  virtual void on_end(std::string_view name) = 0;
  virtual void on_text(std::string_view text) = 0;
};

// The value of the attribute whose local name is `name`, or nullptr.
const char* attribute(const char** attributes, std::string_view name);

class XmlParser {
 public:
  enum class Status { Done, Suspended };

  // `part` names the XML document in messages ("book.xlsx: xl/workbook.xml").
  XmlParser(XmlHandler& handler, std::string part);
  ~XmlParser();
  XmlParser(const XmlParser&) = delete;
  XmlParser& operator=(const XmlParser&) = delete;

  // Parses the next chunk (`last`: no more follow). Throws InputError on malformed XML and
  // rethrows what a handler threw. Suspended: call resume() before feeding more.
  Status feed(const char* data, std::size_t size, bool last);
  Status resume();
  // Called from inside a handler: stop after the current event, keeping the rest for resume().
  void suspend();
  bool suspended() const { return suspended_; }

 private:
  Status check(int status);

  static void start_thunk(void* self, const char* name, const char** attributes);
  static void end_thunk(void* self, const char* name);
  static void text_thunk(void* self, const char* text, int length);

  XmlHandler& handler_;
  std::string part_;
  void* parser_;  // XML_Parser
  std::exception_ptr error_;
  bool suspended_ = false;
};

// Parses a whole ZIP entry with `handler`, in fixed 64 KiB chunks.
void parse_entry(ZipArchive& zip, const std::string& entry, XmlHandler& handler);

}  // namespace sosei::input
