// SQL text embedded at build time from queries/*.sql and migrations/*.sql (cmake/EmbedFiles.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace kronobarn::store::sqlite {

// The query whose file stem is `name`, or empty when there is none.
std::string_view SqliteQuery(std::string_view name);
std::vector<std::string_view> SqliteQueryNames();

// The migration whose stem is `name` ("0001_organisations_and_users"); names sort in apply order.
std::string_view SqliteMigration(std::string_view name);
std::vector<std::string_view> SqliteMigrationNames();

}  // namespace kronobarn::store::sqlite
