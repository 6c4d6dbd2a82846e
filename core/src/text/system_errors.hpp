// Why the system refused a file operation, in the reader's language: the errno values a person meets
// when a file is missing, closed to them, or the disk is full or read-only get a Japanese (and an
// English) sentence; any other is the C library's own text. strerror() alone would put English into
// a Japanese message.
#pragma once

#include "text/phrase.hpp"

namespace sosei::text {

Phrase system_error(int errnum);

}  // namespace sosei::text
