// Checking a bundle before it is applied (bundle_check.hpp).
#include "app/bundle_check.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "app/bundle_key.hpp"
#include "app/bundle_lines.hpp"
#include "text/hub_messages.hpp"
#include "text/system_errors.hpp"

namespace sosei::app {
namespace {

using nlohmann::json;
using text::HubMessages;

// One line's shape, by its kind; `in_run` says whether a run line came before (values and flags
// belong to the run before them). Throws std::invalid_argument naming what is wrong.
void check_line(const json& j, bool& in_run) {
  if (!j.is_object() || j.size() != 1) throw std::invalid_argument("not an object with one kind of line");
  // One line is one key: its kind. (Not a structured binding over items(): that binds into a
  // temporary iterator, which AddressSanitizer caught.)
  const std::string kind = j.begin().key();
  const json& body = j.begin().value();
  if (kind == "run") {
    bundle::run_from(body);
    in_run = true;
  } else if (kind == "put" || kind == "flags") {
    if (!in_run) throw std::invalid_argument("\"" + kind + "\" before any run");
    bundle::key_from(body);
    if (kind == "put")
      bundle::data_from(body);
    else if (!body.contains("raised") || !body["raised"].is_array())
      throw std::invalid_argument("\"raised\" is not a list");
    else
      for (const auto& r : body["raised"]) bundle::raise_from(r);
  } else if (kind == "resolved") {
    bundle::key_from(body);
    for (const char* name : {"rule", "note", "by", "at"})
      if (!body.contains(name) || !body[name].is_string())
        throw std::invalid_argument(std::string("\"") + name + "\" is not a text");
    in_run = false;
  } else if (kind == "approval") {
    bundle::approval_from(body);
    in_run = false;
  } else if (kind == "comment") {
    bundle::comment_from(body);
    in_run = false;
  } else {
    throw std::invalid_argument("unknown line \"" + kind + "\"");
  }
}

struct Header {
  std::string city;
  int64_t since = 0;
  int64_t through = 0;
  std::string created_at;
};

Header header_from(const json& j) {
  if (!j.is_object() || !j.contains("sosei_bundle")) throw std::invalid_argument("not a sosei bundle");
  if (j["sosei_bundle"] != bundle::kVersion)
    throw std::invalid_argument("version " + j["sosei_bundle"].dump() + ": this sosei reads version 1");
  Header h;
  if (!j.contains("city") || !j["city"].is_string()) throw std::invalid_argument("\"city\" is not a text");
  h.city = j["city"].get<std::string>();
  for (auto [name, out] : {std::pair{"since_run", &h.since}, std::pair{"through_run", &h.through}}) {
    if (!j.contains(name) || !j[name].is_number_integer())
      throw std::invalid_argument(std::string("\"") + name + "\" is not an integer");
    *out = j[name].get<int64_t>();
  }
  if (h.since < 0 || h.through < h.since) throw std::invalid_argument("runs after since_run through through_run");
  if (!j.contains("created_at") || !j["created_at"].is_string())
    throw std::invalid_argument("\"created_at\" is not a text");
  h.created_at = j["created_at"].get<std::string>();
  return h;
}

std::string text_of(const json& j, const char* name) {
  return j.is_object() && j.contains(name) && j[name].is_string() ? j[name].get<std::string>() : std::string();
}

}  // namespace

CheckedBundle check_bundle(const config::Hub& hub, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw BundleError(text::phrase(&HubMessages::bundle_unreadable, file, text::system_error(errno)));
  CheckedBundle out;
  out.lines.reset(std::tmpfile());
  if (!out.lines) throw BundleError(text::phrase(&HubMessages::bundle_unreadable, file, text::system_error(errno)));

  Sha256 sha;
  int64_t count = 0;
  std::optional<json> end;
  bool after_end = false;
  bool in_run = false;
  std::optional<std::pair<int64_t, std::string>> malformed;  // the first line that does not read
  Header header;
  std::string line;
  while (std::getline(in, line)) {
    const bool complete = !in.eof();  // a last line without its newline was cut off
    if (end) {
      after_end = true;
      break;
    }
    json j = json::parse(line, nullptr, false);
    if (!complete) throw BundleError(text::phrase(&HubMessages::bundle_truncated, file));
    if (j.is_object() && j.size() == 1 && j.contains("end")) {
      end = j["end"];
      continue;
    }
    sha.add(line);
    sha.add("\n");
    if (std::fwrite(line.data(), 1, line.size(), out.lines.get()) != line.size() ||
        std::fputc('\n', out.lines.get()) == EOF)
      throw BundleError(text::phrase(&HubMessages::bundle_unreadable, file, text::system_error(errno)));
    ++count;
    if (malformed) continue;
    try {
      if (j.is_discarded()) throw std::invalid_argument("not JSON");
      if (count == 1)
        header = header_from(j);
      else
        check_line(j, in_run);
    } catch (const std::exception& e) {
      malformed.emplace(count, e.what());
    }
  }
  if (in.bad()) throw BundleError(text::phrase(&HubMessages::bundle_unreadable, file, text::system_error(errno)));
  if (!end) throw BundleError(text::phrase(&HubMessages::bundle_truncated, file));
  const std::string signature = text_of(*end, "signature");
  if (signature.empty() || text_of(*end, "key").empty())
    throw BundleError(text::phrase(&HubMessages::bundle_unsigned, file));
  const std::string digest = sha.hex();
  if (after_end || !end->contains("lines") || (*end)["lines"] != count || text_of(*end, "sha256") != digest)
    throw BundleError(text::phrase(&HubMessages::bundle_tampered, file));
  if (malformed)
    throw BundleError(text::phrase(&HubMessages::bundle_malformed, file, malformed->first, malformed->second));

  out.city = hub.city(header.city);
  if (!out.city) throw BundleError(text::phrase(&HubMessages::bundle_city_unknown, file, header.city));
  if (out.city->key.empty())
    throw BundleError(text::phrase(&HubMessages::bundle_no_key, out.city->code, out.city->name));
  out.key_id = key_id(out.city->key);
  if (text_of(*end, "key") != out.key_id || !verify_with(out.city->key, bundle::signed_text(digest), signature))
    throw BundleError(
        text::phrase(&HubMessages::bundle_bad_signature, file, out.city->code, out.city->name, out.city->key));
  out.since_run = header.since;
  out.through_run = header.through;
  out.created_at = header.created_at;
  std::rewind(out.lines.get());
  return out;
}

}  // namespace sosei::app
