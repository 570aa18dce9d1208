// Operator commands that need no web server: migrate, demo data, user administration, audit
// verification. Each prints a short human-readable result and returns the process exit code
// (0 success, 1 failure the operator can fix, 2 unexpected).
#pragma once

#include <cstdint>
#include <string>

#include "app/research_extract.hpp"
#include "app/user_admin.hpp"
#include "common/crypto.hpp"
#include "common/time.hpp"
#include "store/store.hpp"

namespace kronobarn::cli {

int RunMigrate(store::Store& store);
int RunDemoData(store::Store& store, const Clock& clock, int children, std::uint64_t seed,
                crypto::PasswordStrength strength);
int RunUserAdd(store::Store& store, const Clock& clock, crypto::PasswordStrength strength, const app::NewUser& user);
int RunUserList(store::Store& store, const Clock& clock);
int RunUserDisable(store::Store& store, const Clock& clock, const std::string& username);
int RunUserResetSecondFactor(store::Store& store, const Clock& clock, const std::string& username);
int RunAuditVerify(store::Store& store);
// The county or national benchmark dataset (app/scale_data.hpp), with progress on stderr.
int RunScaleData(store::Store& store, const Clock& clock, const std::string& dataset, std::uint64_t seed);
// Deletes audit rows older than `years` (≥ 5) and records the run; prints what it did.
int RunAuditRetain(store::Store& store, const Clock& clock, int years);
// The researchers' pseudonymised extract of a period, made as `researcher` (app/research_extract.hpp).
int RunExportResearch(store::Store& store, const Clock& clock, const std::string& researcher,
                      const app::ResearchExtractRequest& request);

// Prints an error for an operator: the Swedish message and, for diagnosis, the code and detail.
int ReportError(const Error& error);

}  // namespace kronobarn::cli
