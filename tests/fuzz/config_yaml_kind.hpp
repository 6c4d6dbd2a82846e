// The config_yaml fuzz target's input format, shared with the seed corpus: the first byte chooses the
// loader (modulo the number of kinds, so every byte means one), the rest is the file's text.
#pragma once

#include <cstdint>

enum class FuzzConfigKind : std::uint8_t { App, Sources, Rules, Grading, Hub };

inline constexpr std::uint8_t kFuzzConfigKinds = 5;

inline FuzzConfigKind fuzz_config_kind(std::uint8_t first_byte) {
  return static_cast<FuzzConfigKind>(first_byte % kFuzzConfigKinds);
}

// The input's file name in the target's folder: never strategy.yaml or sources.yaml, which the
// folder keeps for a sosei.yaml input to name.
inline const char* fuzz_config_file_name(FuzzConfigKind kind) {
  switch (kind) {
    case FuzzConfigKind::App:
      return "sosei.yaml";
    case FuzzConfigKind::Sources:
      return "input-sources.yaml";
    case FuzzConfigKind::Rules:
      return "rules.yaml";
    case FuzzConfigKind::Grading:
      return "scheme.yaml";
    case FuzzConfigKind::Hub:
      return "hub.yaml";
  }
  return "input.yaml";
}
