// Sends a plugin's output to the parent; a broken pipe (the parent stopped the run) stops the plugin.
#include "worker/pipe_sink.hpp"

#include "text/bounded_text.hpp"
#include "text/sdk_text.hpp"
#include "worker/protocol.hpp"

namespace sosei::worker {

int32_t PipeSink::send(std::string_view frame) {
  if (!stop_reason_.empty()) return SOSEI_ERR_REJECTED;
  try {
    out_.write(frame);
    return SOSEI_OK;
  } catch (const ProtocolError& e) {
    stop_reason_ = std::string("the parent process stopped the run: ") + e.what();
    return SOSEI_ERR_REJECTED;
  }
}

int32_t PipeSink::accept(const Observation& observation) {
  try {
    encode_observation(frame_, observation);
    return send(frame_.finish());
  } catch (const ProtocolError& e) {  // a text too long to send
    if (stop_reason_.empty()) stop_reason_ = e.what();
    return SOSEI_ERR_REJECTED;
  }
}

int32_t PipeSink::reject(const std::string& location, const std::string& reason) {
  // Cut here as the parent would (import/store_sink.cpp): a reason quoting a 10 MiB cell twice must
  // not fail the run for a frame too long to send.
  frame_.start(kReject);
  frame_.str(text::bounded_text(location, lang_));
  // Worded before it is cut: a cut can take the end of an SDK sentence that the wording needs.
  frame_.str(text::bounded_text(text::sdk_text(reason, lang_), lang_));
  return send(frame_.finish());
}

void PipeSink::progress(uint64_t done, uint64_t total) {
  frame_.start(kProgress);
  frame_.u64(done);
  frame_.u64(total);
  send(frame_.finish());
}

std::optional<std::string> PipeSink::state(const std::string& key) {
  frame_.start(kStateGet);
  frame_.str(key);
  if (send(frame_.finish()) != SOSEI_OK) return std::nullopt;
  try {
    out_.flush();
    FrameCursor reply;
    if (!read_one_frame(in_fd_, reply_, reply) || reply.type() != kStateValue)
      throw ProtocolError("no answer to a state request");
    if (reply.u8() == 0) return std::nullopt;
    return std::string(reply.str());
  } catch (const ProtocolError& e) {
    if (stop_reason_.empty()) stop_reason_ = std::string("the parent process stopped the run: ") + e.what();
    return std::nullopt;
  }
}

void PipeSink::set_state(const std::string& key, const std::string& value) {
  frame_.start(kStateSet);
  frame_.str(key);
  frame_.str(value);
  send(frame_.finish());
}

}  // namespace sosei::worker
