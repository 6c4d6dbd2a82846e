// expat push parser wrapper: chunked input, local names, exceptions kept out of expat's C frames.
#include "input/xml_parser.hpp"

#include <expat.h>

#include <climits>
#include <cstring>
#include <vector>

#include "input/input_stream.hpp"
#include "input/zip_archive.hpp"

namespace sosei::input {
namespace {

std::string_view local_name(const char* qualified) {
  std::string_view name(qualified);
  const std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

XML_Parser as_expat(void* parser) { return static_cast<XML_Parser>(parser); }

}  // namespace

const char* attribute(const char** attributes, std::string_view name) {
  for (const char** a = attributes; a != nullptr && a[0] != nullptr; a += 2) {
    if (local_name(a[0]) == name) return a[1];
  }
  return nullptr;
}

XmlParser::XmlParser(XmlHandler& handler, std::string part) : handler_(handler), part_(std::move(part)) {
  XML_Parser parser = XML_ParserCreate("UTF-8");
  if (parser == nullptr) throw std::bad_alloc();
  parser_ = parser;
  XML_SetUserData(parser, this);
  XML_SetElementHandler(parser, start_thunk, end_thunk);
  XML_SetCharacterDataHandler(parser, text_thunk);
}

XmlParser::~XmlParser() { XML_ParserFree(as_expat(parser_)); }

// A handler's exception must not unwind through expat (C code): keep it, stop, rethrow later.
void XmlParser::start_thunk(void* self, const char* name, const char** attributes) {
  auto* parser = static_cast<XmlParser*>(self);
  try {
    parser->handler_.on_start(local_name(name), attributes);
  } catch (...) {
    parser->error_ = std::current_exception();
    XML_StopParser(as_expat(parser->parser_), XML_FALSE);
  }
}

void XmlParser::end_thunk(void* self, const char* name) {
  auto* parser = static_cast<XmlParser*>(self);
  try {
    parser->handler_.on_end(local_name(name));
  } catch (...) {
    parser->error_ = std::current_exception();
    XML_StopParser(as_expat(parser->parser_), XML_FALSE);
  }
}

void XmlParser::text_thunk(void* self, const char* text, int length) {
  auto* parser = static_cast<XmlParser*>(self);
  try {
    parser->handler_.on_text(std::string_view(text, static_cast<std::size_t>(length)));
  } catch (...) {
    parser->error_ = std::current_exception();
    XML_StopParser(as_expat(parser->parser_), XML_FALSE);
  }
}

void XmlParser::suspend() {
  if (!suspended_ && XML_StopParser(as_expat(parser_), XML_TRUE) == XML_STATUS_OK) suspended_ = true;
}

XmlParser::Status XmlParser::feed(const char* data, std::size_t size, bool last) {
  while (size > INT_MAX / 2) {  // expat takes an int length
    if (feed(data, INT_MAX / 2, false) == Status::Suspended) {
      throw std::logic_error("XmlParser::feed: suspended inside an oversized chunk");
    }
    data += INT_MAX / 2;
    size -= INT_MAX / 2;
  }
  return check(XML_Parse(as_expat(parser_), data, static_cast<int>(size), last ? XML_TRUE : XML_FALSE));
}

XmlParser::Status XmlParser::resume() {
  suspended_ = false;
  return check(XML_ResumeParser(as_expat(parser_)));
}

XmlParser::Status XmlParser::check(int status) {
  if (error_) std::rethrow_exception(error_);
  if (status == XML_STATUS_SUSPENDED) {
    suspended_ = true;
    return Status::Suspended;
  }
  suspended_ = false;
  if (status == XML_STATUS_ERROR) {
    XML_Parser parser = as_expat(parser_);
    throw InputError(part_ + " is not well-formed XML (line " + std::to_string(XML_GetCurrentLineNumber(parser)) +
                     ": " + XML_ErrorString(XML_GetErrorCode(parser)) +
                     "). The file is damaged; open it in Excel and save it again.");
  }
  return Status::Done;
}

void parse_entry(ZipArchive& zip, const std::string& entry, XmlHandler& handler) {
  zip.open_entry(entry);
  XmlParser parser(handler, zip.display() + ": " + entry);
  std::vector<char> chunk(64 * 1024);
  for (;;) {
    const std::size_t got = zip.read_entry(chunk.data(), chunk.size());
    parser.feed(chunk.data(), got, got == 0);
    if (got == 0) return;
  }
}

}  // namespace sosei::input
