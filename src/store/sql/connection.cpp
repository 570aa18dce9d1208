#include "store/sql/connection.hpp"

#include "common/log.hpp"

namespace kronobarn::store::sql {

Status Statement::Decoded() const {
    if (corrupt_column_ < 0) return Ok();
    log::Error("store_corrupt_value",
               {{"query", std::string(name_.substr(0, 80))}, {"column", cursor_->ColumnName(corrupt_column_)}});
    return Error::Internal("store.corrupt_value");
}

Status Statement::Run() {
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, Step());
        if (!has_row) return Ok();
    }
}

}  // namespace kronobarn::store::sql
