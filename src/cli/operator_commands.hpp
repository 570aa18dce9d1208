// Operator commands around the store and the family's logins: the configured database opened,
// the acting staff user looked up, a family invitation, a plan exported as PDF, SQLite backup and restore, and moving
// all data between engines. Each returns the process exit code like cli/commands.hpp.
#pragma once

#include <memory>
#include <string>

#include "app/actor.hpp"
#include "app/family_accounts.hpp"
#include "cli/config.hpp"
#include "common/crypto.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "store/sql/sql_store.hpp"

namespace kronobarn::cli {

crypto::PasswordStrength PasswordStrengthOf(const Config& config);
app::FamilyAccountOptions FamilyOptionsOf(const Config& config);
// The database --database names (SQLite: its folder created first), sized for the server's threads.
Result<std::unique_ptr<store::sql::SqlStore>> OpenConfiguredStore(const Config& config);

// The operator acts as a named staff user, so the CLI goes through the same access decision and
// audit as the web: only the child's coordination holder can invite the family or export a plan.
Result<app::Actor> ActorFor(store::Store& store, const std::string& username);
Result<domain::ChildId> ChildByPersonalNumber(store::Store& store, const std::string& text, const Clock& clock);

// Prints a one-time activation link for a guardian (`guardian_index` 1 or 2) or the child itself.
int RunFamilyInvite(const Config& config, store::Store& store, const Clock& clock, const std::string& as,
                    const std::string& child_number, int guardian_index, bool child_self);
// SQLite only (PostgreSQL is backed up with its own tools, docs/operations.md): `to` set backs the
// configured database up into a new file; `from` set restores it from one.
int RunBackup(const Config& config, const std::string& from, const std::string& to);
// The child's open plan as a PDF in `lang`, cut to what the acting user may read, audited like the
// web's download ("export_pdf").
int RunExportPlan(const Config& config, store::Store& store, const Clock& clock, const std::string& as,
                  const std::string& child_number, const std::string& lang, const std::string& out);
// Moves all data into an empty, migrated database and verifies the audit chain where it now lives.
int RunMigrateData(const std::string& from_address, const std::string& to_address);

}  // namespace kronobarn::cli
