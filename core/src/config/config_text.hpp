// Internal to the config concern: a configuration file's text, read so that a file which is not what
// it seems is refused with a reason instead of hanging or being half-read — a named pipe or a device
// (/dev/zero) is never read, a file over the size cap is refused, and the text must be UTF-8.
#pragma once

#include <cstddef>
#include <string>

namespace sosei::config::detail {

// The largest configuration file read (docs/config.md). The bundled strategy is 20 KiB; a city's with
// hundreds of KPIs stays far below this, so a larger file is the wrong file (a data export, a log).
inline constexpr std::size_t kMaxConfigFileBytes = std::size_t{8} << 20;

// The file's bytes. Throws ConfigError naming `display_path`: without a line when the file cannot be
// opened, is not a regular file or is over kMaxConfigFileBytes; at line:column for UTF-16 (a BOM or
// NUL bytes) and for bytes that are not UTF-8. A UTF-8 BOM is kept (locations skip it).
std::string read_config_text(const std::string& open_path, const std::string& display_path);

}  // namespace sosei::config::detail
