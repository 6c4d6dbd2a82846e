// One import run over SQLite: a BEGIN IMMEDIATE transaction holding the run row and every write.
#pragma once

#include <memory>

#include "store/sqlite/session.hpp"
#include "store/store.hpp"

namespace sosei::store {

std::unique_ptr<ImportTransaction> begin_sqlite_import(std::shared_ptr<Session> session, const RunStart& start);

}  // namespace sosei::store
