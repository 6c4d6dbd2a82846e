// The HTML report's inline style sheet and script: the page carries them, so it works offline and
// from a USB stick. The script only sorts and filters; the page reads fully without it.
#pragma once

namespace sosei::report {

extern const char* const kReportCss;
extern const char* const kReportJs;

}  // namespace sosei::report
