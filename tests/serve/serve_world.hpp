// The serve tests' world, built in code: a small strategy (KPIs entered by hand in two departments,
// one imported KPI, one whose name and note are hostile markup) and a database seeded with an import
// source's values and runs. Shared by the serve tests (serve_fixture.hpp) and the HTTP fuzz target.
#pragma once

#include <filesystem>
#include <string>

#include "config/model.hpp"
#include "store/store.hpp"

namespace sosei::serve::test {

// A KPI name and a note that would run script if any of it reached HTML unescaped.
inline const std::string kEvilName = "<script>alert(\"name\")</script> \"quoted\" 'single' & back\\slash";
inline const std::string kEvilNote = "<script>alert('note')</script> \"note\"";

// The world's configuration, its database at `database`; `grading_dir` holds the schemes (the
// repository's config/grading).
config::AppConfig app_config(const std::filesystem::path& database, const std::string& grading_dir);
// Seeds: kama_csv imported startups FY2023 (baseline) and FY2025, shops FY2025; a failed run of
// "tourism". Returns the store it used (closed by the caller when done).
void seed(const std::filesystem::path& database);

// A token for `department` in the database; returns its text.
std::string add_token(const std::filesystem::path& database, const std::string& department,
                      store::TokenRole role = store::TokenRole::Department);

}  // namespace sosei::serve::test
