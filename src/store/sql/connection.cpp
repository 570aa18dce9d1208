#include "store/sql/connection.hpp"

namespace kronobarn::store::sql {

Status Statement::Run() {
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, Step());
        if (!has_row) return Ok();
    }
}

}  // namespace kronobarn::store::sql
