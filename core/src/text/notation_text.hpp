// The SDK's notation refusals (sosei/notation.hpp: "\"abc\" is not a number: expected digits …") as
// the city's staff read them. The SDK words them in English, once, for every plugin; a plugin passes
// them on as a rejected row's reason, and the host words them here (through sdk_text, with the SDK's
// other texts), in the configured language, before they are stored and shown (sosei runs, webhooks).
#pragma once

#include <string>
#include <string_view>

#include "text/lang.hpp"

namespace sosei::text {

// `message` with each SDK refusal in it (after any prefix the plugin wrote: "column 値: …") in
// Japanese: 「abc」は数値として読めません（数字（万・千・億と単位を付けてよい…）…）, what the plugin
// wrote after the reason kept after it. English, or a message without such a refusal, is returned as
// it is, and so is a Japanese result; a reason this file does not know keeps its English words
// inside the Japanese sentence, which then runs to the end of the message.
std::string notation_text(std::string_view message, Lang lang);

}  // namespace sosei::text
