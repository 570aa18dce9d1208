// SQL text embedded at build time (cmake/EmbedFiles.cmake): queries shared by both engines in
// queries/, each engine's own queries where the dialects differ, and each engine's migrations.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kronobarn::store::sql {

enum class Dialect { kSqlite, kPostgresql };

// The text of query `name` for `dialect`: the dialect's own file when there is one, else the shared
// file. Shared files number their parameters ?1, ?2 …; for PostgreSQL they become $1, $2 ….
// Empty when there is no such query.
std::string QueryText(std::string_view name, Dialect dialect);

// ?N → $N outside string literals and comments.
std::string ToPostgresParameters(std::string_view sql);

std::string_view SharedQuery(std::string_view name);
std::vector<std::string_view> SharedQueryNames();
std::string_view PostgresQuery(std::string_view name);
std::vector<std::string_view> PostgresQueryNames();

// Migrations by stem ("0001_organisations_and_users"); names sort in apply order.
std::string_view SqliteMigration(std::string_view name);
std::vector<std::string_view> SqliteMigrationNames();
std::string_view PostgresMigration(std::string_view name);
std::vector<std::string_view> PostgresMigrationNames();

}  // namespace kronobarn::store::sql
