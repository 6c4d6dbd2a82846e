// Counts heap allocations of the test binary, to prove the per-row paths allocate nothing.
// csv_test.cpp replaces the global operator new to count; any test may read the count.
#pragma once

namespace sosei::test {
long long allocation_count();
}  // namespace sosei::test
