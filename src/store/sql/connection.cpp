#include "store/sql/connection.hpp"

#include "common/log.hpp"

namespace kronobarn::store::sql {

int Cursor::ColumnIndex(std::string_view name) const {
    if (column_names_.empty()) {
        const int count = ColumnCount();
        column_names_.reserve(static_cast<std::size_t>(count));
        for (int column = 0; column < count; ++column) column_names_.push_back(ColumnName(column));
    }
    for (std::size_t column = 0; column < column_names_.size(); ++column) {
        if (column_names_[column] == name) return static_cast<int>(column);
    }
    return -1;
}

Status Statement::Decoded() const {
    if (!unknown_column_.empty()) {
        log::Error("store_unknown_column", {{"query", std::string(name_.substr(0, 80))}, {"column", unknown_column_}});
        return Error::Internal("store.unknown_column");
    }
    if (corrupt_column_.empty()) return Ok();
    log::Error("store_corrupt_value", {{"query", std::string(name_.substr(0, 80))}, {"column", corrupt_column_}});
    return Error::Internal("store.corrupt_value");
}

Status Statement::Run() {
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, Step());
        if (!has_row) return Ok();
    }
}

}  // namespace kronobarn::store::sql
