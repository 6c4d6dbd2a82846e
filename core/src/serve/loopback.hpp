// Whether a --bind address only listens on this machine: `sosei serve` refuses any other address
// until a department token exists, because hand entry would otherwise be reachable by anyone.
#pragma once

#include <string_view>

namespace sosei::serve {

// 127.0.0.0/8, ::1, ::ffff:127.x.x.x and "localhost". Everything else, host names included (they
// may resolve anywhere), is not loopback.
bool is_loopback(std::string_view address);

}  // namespace sosei::serve
