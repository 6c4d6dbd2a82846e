// What every fuzz target of tests/fuzz defines: libFuzzer's entry point. The same source builds two
// ways — linked with libFuzzer by tools/run-fuzz (clang, ASan + UBSan) to search for inputs, and with
// replay_main.cpp by the normal build, so that CTest feeds it the seed corpus and every input that
// ever crashed it (tests/fuzz/regressions/TARGET/) as an ordinary test.
#pragma once

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size);
