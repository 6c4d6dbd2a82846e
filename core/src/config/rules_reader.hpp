// Internal to the config concern: the `rules:` list of a KPI (strategy.yaml) and the rules file
// named by sosei.yaml's `rules:` (docs/quality.md). Messages in the reader's language (text::phrase), with
// file:line:column.
#pragma once

#include <yaml-cpp/yaml.h>

#include <vector>

#include "config/model.hpp"
#include "config/yaml_reader.hpp"
#include "text/catalogue.hpp"

namespace sosei::config::detail {

// The list under `key` of `owner`. A relation must name a KPI of `strategy`; null: checked later
// (the strategy file itself, whose KPIs are still being read).
std::vector<Rule> read_rules(const Document& doc, const MapReader& owner, const std::string& key,
                             const Strategy* strategy);

}  // namespace sosei::config::detail
