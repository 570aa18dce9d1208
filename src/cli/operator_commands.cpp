#include "cli/operator_commands.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/family_accounts.hpp"
#include "app/family_view.hpp"
#include "app/plans.hpp"
#include "cli/commands.hpp"
#include "documents/plan_document.hpp"
#include "domain/personal_number.hpp"
#include "i18n/catalogue.hpp"
#include "pdf/document.hpp"
#include "store/open_store.hpp"
#include "store/sql/data_transfer.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace kronobarn::cli {

crypto::PasswordStrength PasswordStrengthOf(const Config& config) {
    return config.password_strength == "moderate" ? crypto::PasswordStrength::kModerate
                                                  : crypto::PasswordStrength::kInteractive;
}

Result<std::unique_ptr<store::sql::SqlStore>> OpenConfiguredStore(const Config& config) {
    KB_ASSIGN_OR_RETURN(const auto address, store::ParseDatabaseAddress(config.database));
    if (address.engine == store::DatabaseAddress::Engine::kSqlite) {
        const std::filesystem::path path(address.location);
        if (path.has_parent_path()) {
            std::error_code ec;
            std::filesystem::create_directories(path.parent_path(), ec);
            if (ec) return Error::Unavailable("cannot create " + path.parent_path().string() + ": " + ec.message());
        }
    }
    return store::OpenStore(address, config.threads + 2);
}

app::FamilyAccountOptions FamilyOptionsOf(const Config& config) {
    return {config.activation_days, config.child_login_age, PasswordStrengthOf(config)};
}

Result<app::Actor> ActorFor(store::Store& store, const std::string& username) {
    KB_ASSIGN_OR_RETURN(auto uow, store.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(auto found, uow->Users().FindByUsername(domain::NormalizeUsername(username)));
    if (!found || found->user.disabled) return Error::NotFound("no such staff user: " + username);
    found->user.KeepRolesHeldOn(SwedishDate(SystemClock().Now()));  // as for a request
    return app::Actor{std::move(found->user), ""};
}

Result<domain::ChildId> ChildByPersonalNumber(store::Store& store, const std::string& text, const Clock& clock) {
    KB_ASSIGN_OR_RETURN(const auto number,
                        domain::PersonalNumber::Parse(text, Date{std::chrono::floor<std::chrono::days>(clock.Now())}));
    KB_ASSIGN_OR_RETURN(auto uow, store.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(const auto child, uow->Children().FindByPersonalNumber(number.Normalised()));
    if (!child) return Error::NotFound("no child with personnummer " + text);
    return child->id;
}

int RunFamilyInvite(const Config& config, store::Store& store, const Clock& clock, const std::string& as,
                    const std::string& child_number, int guardian_index, bool child_self) {
    auto actor = ActorFor(store, as);
    if (!actor) return ReportError(actor.error());
    auto child = ChildByPersonalNumber(store, child_number, clock);
    if (!child) return ReportError(child.error());
    std::optional<domain::GuardianId> guardian;
    if (!child_self) {
        auto uow = store.Begin(store::TransactionMode::kRead);
        if (!uow) return ReportError(uow.error());
        auto guardians = (*uow)->Children().GuardiansOf(*child);
        if (!guardians) return ReportError(guardians.error());
        if (guardian_index < 1 || guardian_index > static_cast<int>(guardians->size())) {
            std::cerr << "error: the child has " << guardians->size() << " guardian(s); use --guardian 1–"
                      << guardians->size() << " or --child-self\n";
            return 1;
        }
        guardian = (*guardians)[guardian_index - 1].id;
    }
    app::FamilyAccounts accounts(store, clock, FamilyOptionsOf(config));
    auto invitation = accounts.Invite(*actor, *child, guardian, {"cli", "cli"});
    if (!invitation) return ReportError(invitation.error());
    std::cout << "Activation link for " << invitation->for_name << " (shown once, valid until "
              << FormatIso8601(invitation->expires_at) << "):\n  /aktivera/" << invitation->token << "\n";
    return 0;
}

int RunBackup(const Config& config, const std::string& from, const std::string& to) {
    auto address = store::ParseDatabaseAddress(config.database);
    if (!address) return ReportError(address.error());
    if (address->engine != store::DatabaseAddress::Engine::kSqlite) {
        std::cerr << "error: backup and restore are for SQLite; back PostgreSQL up with pg_dump or base backups "
                     "(docs/operations.md)\n";
        return 2;
    }
    const bool restore = to.empty();
    const std::string source = restore ? from : address->location;
    const std::string target = restore ? address->location : to;
    if (auto copied = store::sqlite::BackupSqlite(source, target); !copied) return ReportError(copied.error());
    std::cout << (restore ? "restored " : "backed up ") << source << " to " << target << "\n";
    return 0;
}

int RunMigrateData(const std::string& from_address, const std::string& to_address) {
    auto from_parsed = store::ParseDatabaseAddress(from_address);
    if (!from_parsed) return ReportError(from_parsed.error());
    auto to_parsed = store::ParseDatabaseAddress(to_address);
    if (!to_parsed) return ReportError(to_parsed.error());
    auto from = store::OpenStore(*from_parsed, 2);
    if (!from) return ReportError(from.error());
    auto to = store::OpenStore(*to_parsed, 2);
    if (!to) return ReportError(to.error());
    if (auto migrated = (*to)->Migrate(); !migrated) return ReportError(migrated.error());
    std::cout << "moving all data from " << (*from)->EngineName() << " to " << (*to)->EngineName() << "…\n";
    auto moved = store::sql::TransferAllData(**from, **to, [](std::string_view table, std::int64_t rows) {
        std::cout << "  " << table << ": " << rows << " rows\n" << std::flush;
    });
    if (!moved) return ReportError(moved.error());
    // The chain was copied verbatim; verify it where it now lives.
    return RunAuditVerify(**to);
}

int RunExportPlan(const cli::Config& config, store::Store& store, const Clock& clock, const std::string& as,
                  const std::string& child_number, const std::string& lang, const std::string& out) {
    if (!i18n::Catalogue::Instance().IsKnown(lang)) {
        std::cerr << "error: unknown language \"" << lang << "\" (use sv, en or ar)\n";
        return 1;
    }
    auto actor = ActorFor(store, as);
    if (!actor) return ReportError(actor.error());
    auto child = ChildByPersonalNumber(store, child_number, clock);
    if (!child) return ReportError(child.error());
    app::Plans plans(store, clock, config.follow_up_months);
    app::FamilyView family(store, clock, plans, {});
    // The open plan of the child, cut to the reader's sections, with the same audit row
    // ("export_pdf") as the web's PDF.
    auto view = family.Plan(*actor, *child, {"cli", "cli"}, "export_pdf");
    if (!view) return ReportError(view.error());
    const i18n::Translator t(lang, /*family_page=*/true);
    auto bytes = pdf::RenderPdf(documents::PlanDocument(t, *view, clock.Now()));
    if (!bytes) return ReportError(bytes.error());
    std::ofstream file(out, std::ios::binary);
    file.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
    if (!file) {
        std::cerr << "error: cannot write " << out << "\n";
        return 1;
    }
    std::cout << "Wrote " << out << " (" << bytes->size() << " bytes)\n";
    return 0;
}

}  // namespace kronobarn::cli
