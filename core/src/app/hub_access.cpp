// The hub's tokens and scopes (hub_access.hpp).
#include "app/hub_access.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "text/hub_messages.hpp"
#include "text/system_errors.hpp"

namespace sosei::app {
namespace {

using nlohmann::json;
using text::HubMessages;

[[noreturn]] void fail(const char* HubMessages::*what, const std::string& file, const text::Phrase& why) {
  throw HubTokenFileError(text::phrase(what, file, why));
}
[[noreturn]] void fail(const char* HubMessages::*what, const std::string& file, const std::string& why) {
  fail(what, file, text::verbatim(why));
}

HubToken token_from(const json& j, const std::string& file) {
  try {
    HubToken t;
    t.id = j.at("id").get<int64_t>();
    t.sha256 = j.at("sha256").get<std::string>();
    const std::string kind = j.at("scope").get<std::string>();
    if (kind == "nation") {
      t.scope.kind = HubScope::Kind::All;
    } else if (kind == "prefecture") {
      t.scope.kind = HubScope::Kind::Prefecture;
      t.scope.prefecture = j.at("prefecture").get<std::string>();
    } else if (kind == "group") {
      t.scope.kind = HubScope::Kind::Group;
      t.scope.group = j.at("group").get<std::string>();
    } else {
      fail(&HubMessages::tokens_bad, file, "scope \"" + kind + "\"");
    }
    t.note = j.value("note", "");
    t.created_at = j.value("created_at", "");
    t.created_by = j.value("created_by", "");
    t.revoked_at = j.value("revoked_at", "");
    t.revoked_by = j.value("revoked_by", "");
    if (t.sha256.size() != 64) fail(&HubMessages::tokens_bad, file, "token " + std::to_string(t.id) + ": sha256");
    return t;
  } catch (const json::exception& e) {
    fail(&HubMessages::tokens_bad, file, e.what());
  }
}

json to_json(const HubToken& t) {
  json j{{"id", t.id},
         {"sha256", t.sha256},
         {"scope", t.scope.kind == HubScope::Kind::All          ? "nation"
                   : t.scope.kind == HubScope::Kind::Prefecture ? "prefecture"
                                                                : "group"},
         {"note", t.note},
         {"created_at", t.created_at},
         {"created_by", t.created_by}};
  if (t.scope.kind == HubScope::Kind::Prefecture) j["prefecture"] = t.scope.prefecture;
  if (t.scope.kind == HubScope::Kind::Group) j["group"] = t.scope.group;
  if (t.revoked()) {
    j["revoked_at"] = t.revoked_at;
    j["revoked_by"] = t.revoked_by;
  }
  return j;
}

std::vector<HubToken> read_tokens(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    if (errno == ENOENT) return {};
    fail(&HubMessages::tokens_unreadable, file, text::system_error(errno));
  }
  // A token file holds a few dozen tokens; a file far larger is not one.
  constexpr std::streamsize kMaxBytes = 4 << 20;
  std::string body(static_cast<std::size_t>(kMaxBytes) + 1, '\0');
  in.read(body.data(), kMaxBytes + 1);
  if (in.gcount() > kMaxBytes) fail(&HubMessages::tokens_bad, file, "over 4 MiB");
  body.resize(static_cast<std::size_t>(in.gcount()));
  const json doc = json::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("tokens") || !doc["tokens"].is_array())
    fail(&HubMessages::tokens_bad, file, "not {\"tokens\": [...]}");
  std::vector<HubToken> out;
  std::set<int64_t> ids;
  for (const auto& j : doc["tokens"]) {
    out.push_back(token_from(j, file));
    if (!ids.insert(out.back().id).second)
      fail(&HubMessages::tokens_bad, file, "id " + std::to_string(out.back().id) + " twice");
  }
  return out;
}

// The whole file again: a temporary file beside it, flushed, then renamed over it.
void write_tokens(const std::string& file, const std::vector<HubToken>& tokens) {
  json doc{{"tokens", json::array()}};
  for (const auto& t : tokens) doc["tokens"].push_back(to_json(t));
  const std::string body = doc.dump(2) + "\n";
  // A fresh file of our own (never a leftover or a link someone placed), private before it holds anything.
  std::string temp = file + ".XXXXXX";
  const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) fail(&HubMessages::tokens_unwritable, file, text::system_error(errno));
  ::fchmod(fd, 0600);
  std::size_t done = 0;
  while (done < body.size()) {
    const ssize_t n = ::write(fd, body.data() + done, body.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int e = errno;
      ::close(fd);
      ::unlink(temp.c_str());
      fail(&HubMessages::tokens_unwritable, file, text::system_error(e));
    }
    done += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  const int e = errno;
  ::close(fd);
  if (!synced || ::rename(temp.c_str(), file.c_str()) != 0) {
    ::unlink(temp.c_str());
    fail(&HubMessages::tokens_unwritable, file, text::system_error(synced ? errno : e));
  }
  // The rename itself made durable: a revocation must survive a crash.
  const std::string folder = std::filesystem::path(file).parent_path().string();
  const int dir = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

// Holds FILE.lock exclusively while a change reads and rewrites the file.
class ChangeLock {
 public:
  explicit ChangeLock(const std::string& file) {
    const std::string lock = file + ".lock";
    fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0) fail(&HubMessages::tokens_unwritable, file, text::system_error(errno));
    while (::flock(fd_, LOCK_EX) != 0)
      if (errno != EINTR) fail(&HubMessages::tokens_unwritable, file, text::system_error(errno));
  }
  ~ChangeLock() { ::close(fd_); }
  ChangeLock(const ChangeLock&) = delete;
  ChangeLock& operator=(const ChangeLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace

HubTokenFileError::HubTokenFileError(text::Phrase text)
    : std::runtime_error(text(text::Locale{text::Lang::Ja, text::YearStyle::Era})), text_(std::move(text)) {}

HubTokens::HubTokens(std::string file) : file_(std::move(file)) {}

std::vector<HubToken> HubTokens::list() const {
  if (file_.empty()) return {};
  return read_tokens(file_);
}

std::optional<HubToken> HubTokens::find(const std::string& sha256) const {
  for (auto& t : list())
    if (t.sha256 == sha256 && !t.revoked()) return t;
  return std::nullopt;
}

int64_t HubTokens::add(const std::string& sha256, const HubScope& scope, const std::string& note, const std::string& by,
                       const Clock& clock) {
  if (scope.kind == HubScope::Kind::City) throw std::invalid_argument("a city's tokens are kept in its store");
  ChangeLock lock(file_);
  auto tokens = read_tokens(file_);
  int64_t id = 1;
  for (const auto& t : tokens) {
    if (t.sha256 == sha256) throw std::invalid_argument("a token with this hash exists");
    id = std::max(id, t.id + 1);
  }
  HubToken t;
  t.id = id;
  t.sha256 = sha256;
  t.scope = scope;
  t.note = note;
  t.created_at = iso8601_utc(clock.now_ms());
  t.created_by = by;
  tokens.push_back(std::move(t));
  write_tokens(file_, tokens);
  return id;
}

bool HubTokens::revoke(int64_t id, const std::string& by, const Clock& clock) {
  ChangeLock lock(file_);
  auto tokens = read_tokens(file_);
  for (auto& t : tokens) {
    if (t.id != id || t.revoked()) continue;
    t.revoked_at = iso8601_utc(clock.now_ms());
    t.revoked_by = by;
    write_tokens(file_, tokens);
    return true;
  }
  return false;
}

std::string HubTokens::stamp() const {
  struct stat st {};
  if (file_.empty() || ::stat(file_.c_str(), &st) != 0) return "";
  std::ostringstream s;
  s << st.st_mtim.tv_sec << '.' << st.st_mtim.tv_nsec << ':' << st.st_size << ':' << st.st_ino;
  return s.str();
}

HubScope token_scope(const config::Hub& hub, const std::string& text) {
  if (text == "nation") return {};
  const auto colon = text.find(':');
  if (colon != std::string::npos) {
    const std::string kind = text.substr(0, colon), name = text.substr(colon + 1);
    if (kind == "prefecture" && !name.empty()) return hub_scope(hub, name, "");
    if (kind == "group" && !name.empty()) return hub_scope(hub, "", name);
  }
  throw HubRequestError(text::phrase(&HubMessages::token_scope_bad, text));
}

std::string scope_text(const HubScope& scope) {
  switch (scope.kind) {
    case HubScope::Kind::All:
      return "nation";
    case HubScope::Kind::Prefecture:
      return "prefecture:" + scope.prefecture;
    case HubScope::Kind::Group:
      return "group:" + scope.group;
    case HubScope::Kind::City:
      return "city:" + scope.city;
  }
  return "";
}

HubScope city_scope(const std::string& code) {
  return {.kind = HubScope::Kind::City, .prefecture = "", .group = "", .city = code};
}

bool scope_within(const config::Hub& hub, const HubScope& asked, const HubScope& allowed) {
  // A city the hub does not have lies in no token's scope: a scoped token cannot tell it from another
  // prefecture's city by the answer.
  if (asked.kind == HubScope::Kind::City && !hub.city(asked.city)) return false;
  if (allowed.kind == HubScope::Kind::All) return true;
  // "Everything" and a prefecture are more than their cities listed today: a city the hub adds later
  // would join them. Only the token of that prefecture (or the nation's) reads them.
  if (asked.kind == HubScope::Kind::All) return false;
  if (asked.kind == HubScope::Kind::Prefecture)
    return allowed.kind == HubScope::Kind::Prefecture && asked.prefecture == allowed.prefecture;
  std::set<std::string> may;
  for (const auto* c : cities_in_scope(hub, allowed)) may.insert(c->code);
  for (const auto* c : cities_in_scope(hub, asked))
    if (!may.contains(c->code)) return false;
  return true;
}

}  // namespace sosei::app
