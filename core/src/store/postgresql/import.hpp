// An import run over PostgreSQL: one transaction on the store's connection.
#pragma once

#include <memory>

#include "store/postgresql/session.hpp"
#include "store/store.hpp"

namespace sosei::store::pg {

std::unique_ptr<ImportTransaction> begin_import(std::shared_ptr<Session> session, const RunStart& start);

}  // namespace sosei::store::pg
