#include "store/sql/embedded_sql.hpp"

namespace kronobarn::store::sql {

std::string QueryText(std::string_view name, Dialect dialect) {
    if (dialect == Dialect::kPostgresql) {
        if (const auto own = PostgresQuery(name); !own.empty()) return std::string(own);
        return ToPostgresParameters(SharedQuery(name));
    }
    return std::string(SharedQuery(name));
}

std::string ToPostgresParameters(std::string_view sql) {
    std::string out;
    out.reserve(sql.size());
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'') {  // copy a string literal whole ('' inside is an escaped quote)
            const std::size_t end = sql.find('\'', i + 1);
            const std::size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
            out.append(sql.substr(i, stop - i));
            i = stop - 1;
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {  // copy a comment to its line end
            const std::size_t end = sql.find('\n', i);
            const std::size_t stop = end == std::string_view::npos ? sql.size() : end;
            out.append(sql.substr(i, stop - i));
            i = stop - 1;
        } else if (c == '?' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
            out.push_back('$');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

}  // namespace kronobarn::store::sql
