// The hub's page (`sosei hub serve`, docs/hub.md): the cities of the hub, a prefecture or a group in
// one table — each city's grades as counts and a bar of their shares, KPIs with a value, open flags,
// stopped and failing imports — with a form to choose the scope and headers that sort. Plain HTML:
// every choice is a GET the server answers, so it works without script and can be bookmarked.
#pragma once

#include <set>
#include <string>

#include "app/hub_summary.hpp"
#include "config/hub.hpp"
#include "text/lang.hpp"

namespace sosei::serve {

// `with_pages`: the cities whose own dashboards the hub serves (/city/{code}/), linked from their rows.
std::string hub_page_html(const config::Hub& hub, const app::HubScope& scope, app::HubSort sort,
                          const app::HubSummary& summary, text::Lang lang,
                          const std::set<std::string>& with_pages = {});

// The hub as Prometheus metrics, one sample per city (label `city`, its code): whether it has an
// evaluation, its KPIs per grade, counted and with a value, open flags, stopped and failing sources.
std::string hub_metrics_text(const app::HubSummary& summary);

}  // namespace sosei::serve
