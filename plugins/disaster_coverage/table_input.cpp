// Opening the register or the roster, with the kept copy for a 304 of one input while the other changed.
#include "table_input.hpp"

#include <algorithm>
#include <cstring>

namespace disaster_coverage {
namespace {

std::string copy_key(const std::string& url) { return "text " + url; }

}  // namespace

TableInput TableInput::open(const sosei::Context& ctx, const std::string& role, const std::string& encoding,
                            const std::string& sheet) {
  const std::string file_setting = role + "_file", url_setting = role + "_url";
  TableInput t;
  if (auto file = ctx.setting(file_setting.c_str()); file && !file->empty()) {
    t.input_.emplace(ctx.open_file(*file, encoding, sheet));
    t.name_ = t.input_->name();
    return t;
  }
  auto url = ctx.setting(url_setting.c_str());
  if (!url || url->empty())
    throw sosei::PluginError(SOSEI_ERR_CONFIG, std::string(role == "households" ? "世帯数の表" : "自主防災組織の名簿") +
                                                   "の取り込み元を、設定 '" + file_setting + "'（ファイルを読む）か '" +
                                                   url_setting + "'（URL から取得する）のどちらかに書いてください");
  t.url_ = *url;
  t.name_ = *url;
  sosei_input* handle = nullptr;
  const int32_t rc = ctx.api()->fetch(ctx.host(), url->c_str(), encoding.c_str(), sheet.c_str(), &handle);
  if (rc == SOSEI_OK) {
    t.input_.emplace(ctx.api(), ctx.host(), handle);
    t.recording_ = true;
    return t;
  }
  if (rc != SOSEI_UNCHANGED) throw sosei::RunStopped(static_cast<sosei_status>(rc));  // the host said why
  t.unchanged_ = true;
  if (auto kept = ctx.state(copy_key(*url).c_str())) {
    t.kept_ = true;
    t.text_ = std::move(*kept);
  }
  return t;
}

void TableInput::require_text() const {
  if (unchanged_ && !kept_)
    throw sosei::PluginError(SOSEI_ERR_IO, url_ +
                                               " は前回の取り込みから変わっていません（HTTP 304）が、前回の内容の写しが"
                                               "保存されていません（" +
                                               std::to_string(kMaxKeptBytes) +
                                               " バイトを超えていたか、取り込み元の状態が消されたため）。もう一方の表が"
                                               "変わったので、この表の内容も必要です。取り込み元の取得状態を"
                                               "リセットして、ダウンロードし直してください");
}

std::size_t TableInput::read(char* buffer, std::size_t capacity) {
  if (unchanged_) {
    const std::size_t n = std::min(capacity, text_.size() - offset_);
    std::memcpy(buffer, text_.data() + offset_, n);
    offset_ += n;
    return n;
  }
  const std::size_t n = input_->read(buffer, capacity);
  if (recording_) {
    // The state holds C strings: a NUL byte (never in a real table) would cut the copy short.
    if (text_.size() + n <= kMaxKeptBytes && std::memchr(buffer, 0, n) == nullptr) {
      text_.append(buffer, n);
    } else {
      recording_ = false;
      std::string().swap(text_);
    }
  }
  return n;
}

void TableInput::remember(const sosei::Context& ctx) const {
  if (recording_) ctx.set_state(copy_key(url_).c_str(), text_);
}

}  // namespace disaster_coverage
