#include "cli/commands.hpp"

#include <chrono>
#include <cstdio>
#include <iostream>

#include "app/audit_retention.hpp"
#include "app/audit_verification.hpp"
#include "app/demo_data.hpp"
#include "app/research_extract.hpp"
#include "app/scale_data.hpp"
#include "app/user_admin.hpp"

namespace kronobarn::cli {
namespace {

app::RequestContext CliContext() { return {"cli-" + crypto::RandomToken(6), "cli"}; }

}  // namespace

int ReportError(const Error& error) {
    std::cerr << "error: " << ErrorCodeName(error.code) << " (" << error.message_key << ")";
    if (!error.detail.empty()) std::cerr << ": " << error.detail;
    std::cerr << "\n";
    return error.code == ErrorCode::kInternal ? 2 : 1;
}

int RunMigrate(store::Store& store) {
    auto migrated = store.Migrate();
    if (!migrated) return ReportError(migrated.error());
    auto version = store.SchemaVersion();
    if (!version) return ReportError(version.error());
    std::cout << "schema at version " << *version << "\n";
    return 0;
}

int RunDemoData(store::Store& store, const Clock& clock, int children, std::uint64_t seed,
                crypto::PasswordStrength strength) {
    std::cout << "loading demo data: " << children << " children (seed " << seed << ")…\n" << std::flush;
    auto summary = app::LoadDemoData(store, clock, {children, seed, strength}, CliContext());
    if (!summary) return ReportError(summary.error());
    std::cout << "created " << summary->organisations << " organisations, " << summary->units << " units, "
              << summary->children << " children, " << summary->plans << " plans with consents\n\n"
              << "Demo logins (password for all: " << summary->password << ")\n";
    for (const auto& login : summary->logins) {
        std::printf("  %-18s %-16s %s\n", login.username.c_str(), login.role.c_str(), login.unit.c_str());
    }
    std::cout << std::flush;
    return 0;
}

int RunScaleData(store::Store& store, const Clock& clock, const std::string& dataset, std::uint64_t seed) {
    auto options = dataset == "national" ? app::NationalDataset() : app::CountyDataset();
    options.seed = seed;
    std::cerr << "generating the " << dataset << " dataset: " << options.children << " children, " << options.plans
              << " plans, " << options.audit_rows << " audit rows (seed " << seed << ")\n";
    const auto started = std::chrono::steady_clock::now();
    std::string last_stage;
    std::int64_t last_tenth = -1;
    auto progress = [&](std::string_view stage, std::int64_t done, std::int64_t total) {
        const std::int64_t tenth = total > 0 ? done * 10 / total : 10;
        if (stage == last_stage && tenth == last_tenth) return;  // about every tenth of each stage
        last_stage = std::string(stage);
        last_tenth = tenth;
        const auto seconds =
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started).count();
        std::cerr << "  " << stage << ": " << done << " / " << total << " (" << seconds << " s)\n";
    };
    auto summary = app::LoadScaleData(store, clock, options, progress, CliContext());
    if (!summary) return ReportError(summary.error());
    std::cout << "created " << summary->children << " children, " << summary->staff << " generated staff (password "
              << "kronobarn-demo), " << summary->signals << " signals, " << summary->plans << " plans; the audit log "
              << "holds " << summary->audit_rows << " rows\n";
    return 0;
}

int RunUserAdd(store::Store& store, const Clock& clock, crypto::PasswordStrength strength, const app::NewUser& user) {
    app::UserAdmin admin(store, clock, strength);
    auto id = admin.Add(user, CliContext());
    if (!id) return ReportError(id.error());
    std::cout << "added user " << user.username << " (id " << *id << ")\n";
    return 0;
}

int RunUserList(store::Store& store, const Clock& clock) {
    app::UserAdmin admin(store, clock, crypto::PasswordStrength::kInteractive);
    auto users = admin.List();
    if (!users) return ReportError(users.error());
    for (const auto& user : *users) {
        std::cout << user.username << "\t" << user.display_name << "\t" << (user.disabled ? "disabled" : "active");
        for (const auto& role : user.roles) std::cout << "\t" << domain::Code(role.role) << "@" << role.unit_id;
        std::cout << "\n";
    }
    return 0;
}

int RunUserDisable(store::Store& store, const Clock& clock, const std::string& username) {
    app::UserAdmin admin(store, clock, crypto::PasswordStrength::kInteractive);
    auto disabled = admin.Disable(username, CliContext());
    if (!disabled) return ReportError(disabled.error());
    std::cout << "disabled user " << username << " and ended their sessions\n";
    return 0;
}

int RunUserResetSecondFactor(store::Store& store, const Clock& clock, const std::string& username) {
    app::UserAdmin admin(store, clock, crypto::PasswordStrength::kInteractive);
    auto reset = admin.ResetSecondFactor(username, CliContext());
    if (!reset) return ReportError(reset.error());
    std::cout << "reset the second factor of " << username
              << ": their sessions ended, and their next sign-in sets up an authenticator app again\n";
    return 0;
}

int RunAuditVerify(store::Store& store) {
    auto verification = app::VerifyAuditChain(store);
    if (!verification) return ReportError(verification.error());
    if (!verification->first_broken_sequence) {
        std::cout << "OK: " << verification->rows_checked << " audit rows, hash chain intact\n";
        return 0;
    }
    std::cout << "BROKEN at audit row " << *verification->first_broken_sequence << ": " << verification->problem << " ("
              << verification->rows_checked << " rows checked)\n";
    return 1;
}

int RunAuditRetain(store::Store& store, const Clock& clock, int years) {
    auto retained = app::ApplyAuditRetention(store, clock, years, CliContext());
    if (!retained) return ReportError(retained.error());
    if (retained->deleted_rows == 0) {
        std::cout << "nothing to delete: no audit rows older than " << FormatIso8601(retained->cutoff) << "\n";
        return 0;
    }
    std::cout << "deleted " << retained->deleted_rows << " audit rows written before "
              << FormatIso8601(retained->cutoff) << " (through row " << retained->through_sequence
              << "); the deletion is itself audited\n";
    return 0;
}

int RunExportResearch(store::Store& store, const Clock& clock, const std::string& researcher,
                      const app::ResearchExtractRequest& request) {
    std::optional<app::Actor> actor;
    {
        auto uow = store.Begin(store::TransactionMode::kRead);
        if (!uow) return ReportError(uow.error());
        auto found = (*uow)->Users().FindByUsername(domain::NormalizeUsername(researcher));
        if (!found) return ReportError(found.error());
        if (!*found || (*found)->user.disabled) {
            return ReportError(Error::NotFound("no such user: " + researcher));
        }
        (*found)->user.KeepRolesHeldOn(SwedishDate(clock.Now()));  // as for a request
        actor = app::Actor{std::move((*found)->user), ""};
    }
    auto summary = app::ExportResearchExtract(store, clock, *actor, request, CliContext());
    if (!summary) return ReportError(summary.error());
    std::cout << "research extract written to " << request.out.string()
              << " (pseudonyms valid in this extract only):\n";
    for (const auto& file : summary->files) std::cout << "  " << file.name << ": " << file.rows << " rows\n";
    std::cout << "  data_dictionary.csv, manifest.json\nthe extract is recorded in the audit log\n";
    return 0;
}

}  // namespace kronobarn::cli
