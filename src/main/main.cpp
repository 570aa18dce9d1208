// The composition root: parses the command line and configuration, opens the store, wires use
// cases, web application and server, and runs the chosen command. Nothing else constructs
// concrete implementations.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "app/authentication.hpp"
#include "app/child_overview.hpp"
#include "app/concerns.hpp"
#include "app/consents.hpp"
#include "app/daily_digest.hpp"
#include "app/emergency_access.hpp"
#include "app/family_accounts.hpp"
#include "app/family_view.hpp"
#include "app/handovers.hpp"
#include "app/log_review.hpp"
#include "app/organisation_admin.hpp"
#include "app/plans.hpp"
#include "app/single_sign_on.hpp"
#include "app/staff_admin.hpp"
#include "app/unit_admin.hpp"
#include "app/wheel_assessments.hpp"
#include "app/wheel_catalogue.hpp"
#include "cli/commands.hpp"
#include "cli/config.hpp"
#include "cli/directory_commands.hpp"
#include "cli/operator_commands.hpp"
#include "common/crypto.hpp"
#include "common/log.hpp"
#include "domain/audit_retention.hpp"
#include "mail/smtp_transport.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "web/http_server.hpp"
#include "web/static_assets.hpp"
#include "web/web_app.hpp"

#include <condition_variable>
#include <fstream>
#include <mutex>
#include <thread>

#ifndef KRONOBARN_DEFAULT_ASSETS_DIR
#define KRONOBARN_DEFAULT_ASSETS_DIR "web/assets"
#endif

namespace kronobarn {
namespace {

struct ServeOptions {
    bool migrate = false;
    int demo_children = -1;  // < 0: do not load demo data
};

web::WebOptions WebOptionsOf(const cli::Config& config) {
    web::WebOptions options{config.secure_cookies, {}};
    for (const auto& [organisation, token] : config.scim_tokens) options.scim_tokens.push_back({organisation, token});
    for (const auto& provider : config.oidc_provider_list) {
        auto& list = provider.family ? options.family_sso_providers : options.sso_providers;
        list.emplace_back(provider.name, provider.label);
    }
    options.public_url = config.public_url;
    return options;
}

int Serve(const cli::Config& config, const ServeOptions& options, store::Store& store, const Clock& clock) {
    const auto started = std::chrono::steady_clock::now();
    if (options.migrate) {
        if (auto migrated = store.Migrate(); !migrated) return cli::ReportError(migrated.error());
    }
    auto version = store.SchemaVersion();
    if (!version) return cli::ReportError(version.error());
    if (*version != store.LatestSchemaVersion()) {
        std::cerr << "error: database schema is at version " << *version << ", this build needs "
                  << store.LatestSchemaVersion() << ": run `kronobarn migrate` first\n";
        return 1;
    }
    if (options.demo_children >= 0) {
        auto uow = store.Begin(store::TransactionMode::kRead);
        if (!uow) return cli::ReportError(uow.error());
        auto users = (*uow)->Users().List();
        if (!users) return cli::ReportError(users.error());
        const bool empty = users->empty();
        uow->reset();
        if (empty) {
            const int rc = cli::RunDemoData(store, clock, options.demo_children, 1, cli::PasswordStrengthOf(config));
            if (rc != 0) return rc;
        } else {
            std::cout << "database already has data: demo data not loaded (demo password: kronobarn-demo)\n";
        }
    }
    auto assets = web::StaticAssets::Load(config.assets_dir);
    if (!assets) return cli::ReportError(assets.error());

    domain::SessionPolicy session_policy;
    session_policy.idle_timeout = std::chrono::minutes(config.session_idle_minutes);
    session_policy.absolute_timeout = std::chrono::hours(config.session_absolute_hours);
    app::Authentication authentication(store, clock, session_policy, domain::ThrottlePolicy{},
                                       domain::SecondFactorPolicy{config.second_factor_roles});
    std::vector<std::shared_ptr<oidc::Provider>> providers;
    for (const auto& provider : config.oidc_provider_list) {
        oidc::ProviderConfig settings{provider.name,          provider.issuer, provider.client_id,
                                      provider.client_secret, provider.claim,  provider.RedirectUri(config.public_url)};
        if (provider.family) settings.scope = config.eid_scope;
        providers.push_back(std::make_shared<oidc::Provider>(std::move(settings), clock));
    }
    app::SsoPolicy sso_policy{config.two_factor_acr_list, domain::SecondFactorPolicy{config.second_factor_roles}};
    for (const auto& provider : config.oidc_provider_list) {
        if (provider.family) sso_policy.family_providers.push_back(provider.name);
    }
    sso_policy.family_acrs = config.eid_acr_list;
    sso_policy.child_login_age = config.child_login_age;
    app::SingleSignOn sso(store, clock, authentication, std::move(providers), std::move(sso_policy));
    app::Concerns concerns(store, clock, config.school_year);
    app::WheelAssessments wheel(store, clock);
    app::Handovers handovers(store, clock, config.child_consent_age);
    app::Consents consents(store, clock, config.child_consent_age);
    app::Plans plans(store, clock, config.follow_up_months);
    app::ChildOverviews children(store, clock, config.transition_notice_days, config.school_year,
                                 config.child_consent_age);
    app::WheelCatalogue catalogue(store, clock);
    app::OrganisationAdmin organisations(store, clock, config.activation_days);
    app::StaffAdmin staff(store, clock, config.activation_days);
    app::UnitAdmin units(store, clock);
    app::DirectoryImport directory(store, clock);
    app::NotificationSettings notification_settings(store, clock);
    const app::ReadAudit read_audit(store);
    app::FamilyAccounts family_accounts(store, clock, cli::FamilyOptionsOf(config));
    app::FamilyView family_view(store, clock, plans, {200, config.family_log_shows_names, config.child_consent_age});
    app::EmergencyAccess emergency(store, clock,
                                   {config.emergency_role_list, std::chrono::minutes(config.emergency_minutes)});
    app::LogReviews log_reviews(store, clock);
    app::Statistics statistics(store, clock, config.statistics_threshold,
                               std::chrono::seconds(config.statistics_count_seconds));
    app::RefusedRequests refusals(store, clock);
    const app::StartPages start_pages(store);
    web::WebApp web_app(
        {authentication, sso,         concerns,        wheel,       handovers, consents,    plans,
         children,       catalogue,   family_accounts, family_view, emergency, log_reviews, statistics,
         refusals,       start_pages, organisations,   staff,       units,     directory,   notification_settings,
         read_audit},
        clock, *assets, WebOptionsOf(config));

    web::ServerOptions server_options;
    server_options.address = config.listen_host;
    server_options.port = config.listen_port;
    server_options.threads = config.threads;
    server_options.max_body_bytes = static_cast<std::size_t>(config.max_body_kib) * 1024;
    web::HttpServer server(web_app, server_options);
    auto port = server.Listen();
    if (!port) return cli::ReportError(port.error());
    const auto startup_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    std::cout << "Kronobarn listening on http://" << config.listen_host << ":" << *port << "/ (started in "
              << startup_ms << " ms; Ctrl-C stops)" << std::endl;
    // Notifications: once a day the digest and reminders are written (also without a mail server:
    // the outbox records); with one, every few seconds what is due goes out.
    std::unique_ptr<mail::SmtpTransport> transport;
    std::unique_ptr<app::OutboxSender> sender;
    if (!config.smtp_url.empty()) {
        transport = std::make_unique<mail::SmtpTransport>(
            mail::SmtpSettings{config.smtp_url, config.smtp_user, config.smtp_password});
        sender = std::make_unique<app::OutboxSender>(store, clock, *transport,
                                                     app::OutboxSenderOptions{config.smtp_from, config.public_url});
    }
    app::DailyDigest digest(store, clock);
    std::jthread notifying([&sender, &digest, at = config.digest_time](std::stop_token stop) {
        std::mutex mutex;
        std::condition_variable_any wake;
        while (!stop.stop_requested()) {
            if (auto run = digest.RunIfDue(at); !run) log::Warn("digest_not_written", {{"error", run.error().detail}});
            if (sender) {
                if (auto run = sender->RunOnce(); !run) log::Warn("outbox_not_read", {{"error", run.error().detail}});
            }
            std::unique_lock lock(mutex);
            wake.wait_for(lock, stop, std::chrono::seconds(5), [] { return false; });
        }
    });
    server.Run(/*handle_signals=*/true);
    return 0;
}

int Main(int argc, char** argv) {
    CLI::App app{"Kronobarn – support for Kronobarnsmodellen (Barnens bästa gäller! i Kronoberg)", "kronobarn"};
    app.require_subcommand(1);
    app.fallthrough();  // settings such as --database may follow the subcommand (inherited by subcommands)
    app.footer(
        "Examples:\n"
        "  kronobarn serve --migrate --demo-children 2000\n"
        "  kronobarn migrate --database sqlite:./data/kronobarn.db\n"
        "  kronobarn demo-data --children 500 --seed 7\n"
        "  kronobarn demo-data --dataset county          # benchmark data, see bench/run\n"
        "  kronobarn user add --username anna --name \"Anna Andersson\" --unit \"BVC Växjö\" --role bvc_nurse\n"
        "  kronobarn user list\n"
        "  kronobarn audit verify\n"
        "  kronobarn audit retain --years 5\n"
        "  kronobarn family invite --as rektor --child 20150312-1234 --guardian 1\n"
        "  kronobarn export plan --as rektor --child 20150312-1234 --lang ar --out plan.pdf\n"
        "  kronobarn export research --as forskare --approval Dnr-2026-01234 --from 2026-01-01 --to 2026-06-30 "
        "--out extract/\n"
        "  kronobarn backup --to /backup/kronobarn-2026-11-23.db\n"
        "  kronobarn migrate-data --from sqlite:./data/kronobarn.db --to postgresql://kronobarn@db/kronobarn\n");
    cli::Config config;
    config.assets_dir = KRONOBARN_DEFAULT_ASSETS_DIR;
    cli::RegisterConfigOptions(app, config);

    ServeOptions serve_options;
    auto* serve = app.add_subcommand("serve", "Serve the web application");
    serve->add_flag("--migrate", serve_options.migrate, "Apply pending migrations first");
    serve->add_option("--demo-children", serve_options.demo_children,
                      "Load demo data with this many children if the database is empty");

    app.add_subcommand("migrate", "Apply pending database migrations");

    int demo_children = 2000;
    std::uint64_t demo_seed = 1;
    auto* demo = app.add_subcommand("demo-data", "Load deterministic demo data into an empty database");
    demo->add_option("--children", demo_children, "Number of children")->capture_default_str();
    demo->add_option("--seed", demo_seed, "Random seed")->capture_default_str();
    std::string dataset;
    demo->add_option("--dataset", dataset,
                     "A benchmark dataset instead: county (45,000 children) or national (2.2 million)")
        ->check(CLI::IsMember({"county", "national"}));

    auto* user = app.add_subcommand("user", "Manage staff accounts");
    user->require_subcommand(1);
    std::string username, display_name, unit, role, email, phone;
    auto* user_add = user->add_subcommand("add", "Add a staff user (password read from standard input)");
    user_add->add_option("--username", username, "Login name")->required();
    user_add->add_option("--name", display_name, "Name shown to others")->required();
    user_add->add_option("--unit", unit, "Unit name, e.g. \"BVC Växjö\"")->required();
    user_add->add_option("--role", role, "Role code, e.g. bvc_nurse, principal, social_worker")->required();
    user_add->add_option("--email", email, "E-mail address, e.g. anna.andersson@vaxjo.se");
    user_add->add_option("--phone", phone, "Phone number, e.g. 0470-123 45");
    user->add_subcommand("list", "List staff users");
    auto* user_disable = user->add_subcommand("disable", "Disable a user and end their sessions");
    user_disable->add_option("--username", username, "Login name")->required();
    auto* user_reset_second_factor = user->add_subcommand(
        "reset-second-factor", "Forget a user's authenticator app (a lost phone): the next sign-in sets up a new one");
    user_reset_second_factor->add_option("--username", username, "Login name")->required();

    std::string as_user, child_number, language = "sv", out_file;
    int guardian_index = 0;
    bool child_self = false;
    auto* family = app.add_subcommand("family", "The family's logins");
    family->require_subcommand(1);
    auto* family_invite =
        family->add_subcommand("invite", "Create a one-time activation link for a guardian or the child");
    family_invite->add_option("--as", as_user, "Staff username of the child's coordination holder")->required();
    family_invite->add_option("--child", child_number, "The child's personnummer")->required();
    family_invite->add_option("--guardian", guardian_index, "Which guardian (1 or 2)");
    family_invite->add_flag("--child-self", child_self, "Invite the child itself (from --child-login-age)");

    auto* export_cmd = app.add_subcommand("export", "Export documents");
    export_cmd->require_subcommand(1);
    auto* export_plan = export_cmd->add_subcommand("plan", "Barnets plan as a PDF, audited like a read");
    export_plan->add_option("--as", as_user, "Username of the reader (staff)")->required();
    export_plan->add_option("--child", child_number, "The child's personnummer")->required();
    export_plan->add_option("--lang", language, "sv, en or ar")->capture_default_str();
    export_plan->add_option("--out", out_file, "Output file")->required();
    std::string approval, period_from, period_to;
    auto* export_research = export_cmd->add_subcommand(
        "research", "Pseudonymised process data of a period for researchers, with a data dictionary (audited)");
    export_research->add_option("--as", as_user, "Username of the researcher")->required();
    export_research->add_option("--approval", approval, "Ethics approval reference the extract is made under");
    export_research->add_option("--from", period_from, "First day, YYYY-MM-DD")->required();
    export_research->add_option("--to", period_to, "Last day, YYYY-MM-DD")->required();
    export_research->add_option("--out", out_file, "A new or empty directory for the files")->required();

    // An organisation's units and staff from and to its own registers (app/directory_import.hpp).
    std::string organisation_code, csv_file;
    bool dry_run = false;
    auto* import_cmd = app.add_subcommand("import", "Import an organisation's units or staff from a CSV file");
    import_cmd->require_subcommand(1);
    auto* import_units = import_cmd->add_subcommand("units",
                                                    "Units: external_id, name, kind, area, phone, email, "
                                                    "active_from, active_to");
    auto* import_staff = import_cmd->add_subcommand(
        "staff", "Staff: external_id, username, display_name, email, phone, roles (UNIT-ID=role …)");
    for (auto* command : {import_units, import_staff}) {
        command->add_option("file", csv_file, "CSV file, UTF-8, ';' or ',' separated, with a header row")->required();
        command->add_option("--organisation", organisation_code, "The organisation's code, e.g. 0780")->required();
        command->add_flag("--dry-run", dry_run, "Print what would change; write nothing");
    }
    auto* export_units = export_cmd->add_subcommand("units", "An organisation's units as CSV, the import's format");
    auto* export_staff = export_cmd->add_subcommand("staff", "An organisation's staff as CSV, the import's format");
    for (auto* command : {export_units, export_staff}) {
        command->add_option("--organisation", organisation_code, "The organisation's code, e.g. 0780")->required();
        command->add_option("--out", out_file, "Output file; - for standard output")->required();
    }

    std::string backup_to, restore_from;
    auto* backup = app.add_subcommand("backup", "Copy the SQLite database to a new file, online (the server may run)");
    backup->add_option("--to", backup_to, "The backup file to create (must not exist)")->required();
    auto* restore = app.add_subcommand("restore", "Recreate the SQLite database from a backup (server stopped)");
    restore->add_option("--from", restore_from, "The backup file")->required();

    std::string transfer_from, transfer_to;
    auto* migrate_data =
        app.add_subcommand("migrate-data", "Move all data into an empty database, e.g. SQLite to PostgreSQL");
    migrate_data->add_option("--from", transfer_from, "Source: sqlite:PATH or postgresql://…")->required();
    migrate_data
        ->add_option("--to", transfer_to, "Target (migrated, must have no users): sqlite:PATH or postgresql://…")
        ->required();

    auto* audit = app.add_subcommand("audit", "Audit log tools");
    audit->require_subcommand(1);
    audit->add_subcommand("verify", "Verify the audit log hash chain");
    int retain_years = domain::kMinimumAuditRetentionYears;
    auto* audit_retain = audit->add_subcommand("retain", "Delete audit rows older than the retention period (audited)");
    audit_retain->add_option("--years", retain_years, "Keep this many years (at least 5)")->capture_default_str();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }

    if (auto problems = cli::Validate(config); !problems.empty()) {
        std::cerr << "Kronobarn cannot start; fix these settings:\n";
        for (const auto& problem : problems) std::cerr << "  - " << problem << "\n";
        return 2;
    }
    log::Level level{};
    log::ParseLevel(config.log_level, level);
    log::SetLevel(level);
    store::sqlite::SetSlowStatementLog(config.slow_statement_ms);
    if (!crypto::InitialiseCrypto()) {
        std::cerr << "error: libsodium could not initialise\n";
        return 2;
    }

    // These name their databases themselves; opening --database first could create a stray file.
    if (backup->parsed()) return cli::RunBackup(config, "", backup_to);
    if (restore->parsed()) return cli::RunBackup(config, restore_from, "");
    if (migrate_data->parsed()) return cli::RunMigrateData(transfer_from, transfer_to);

    auto store = cli::OpenConfiguredStore(config);
    if (!store) return cli::ReportError(store.error());
    SystemClock clock;

    if (serve->parsed()) return Serve(config, serve_options, **store, clock);
    if (app.got_subcommand("migrate")) return cli::RunMigrate(**store);
    if (demo->parsed() && !dataset.empty()) return cli::RunScaleData(**store, clock, dataset, demo_seed);
    if (demo->parsed())
        return cli::RunDemoData(**store, clock, demo_children, demo_seed, cli::PasswordStrengthOf(config));
    if (user_add->parsed()) {
        std::string password;
        std::getline(std::cin, password);
        return cli::RunUserAdd(**store, clock, cli::PasswordStrengthOf(config),
                               {username, display_name, password, unit, role, email, phone});
    }
    if (user->got_subcommand("list")) return cli::RunUserList(**store, clock);
    if (user_disable->parsed()) return cli::RunUserDisable(**store, clock, username);
    if (user_reset_second_factor->parsed()) return cli::RunUserResetSecondFactor(**store, clock, username);
    if (audit->got_subcommand("verify")) return cli::RunAuditVerify(**store);
    if (audit_retain->parsed()) return cli::RunAuditRetain(**store, clock, retain_years);
    if (family_invite->parsed()) {
        return cli::RunFamilyInvite(config, **store, clock, as_user, child_number, guardian_index, child_self);
    }
    if (export_plan->parsed())
        return cli::RunExportPlan(config, **store, clock, as_user, child_number, language, out_file);
    if (import_units->parsed() || import_staff->parsed()) {
        const auto kind = import_units->parsed() ? app::ImportKind::kUnits : app::ImportKind::kStaff;
        return cli::RunImport(**store, clock, kind, organisation_code, csv_file, dry_run);
    }
    if (export_units->parsed() || export_staff->parsed()) {
        const auto kind = export_units->parsed() ? app::ImportKind::kUnits : app::ImportKind::kStaff;
        return cli::RunDirectoryExport(**store, clock, kind, organisation_code, out_file);
    }
    if (export_research->parsed()) {
        return cli::RunExportResearch(**store, clock, as_user, {approval, period_from, period_to, out_file});
    }
    return 1;
}

}  // namespace
}  // namespace kronobarn

int main(int argc, char** argv) { return kronobarn::Main(argc, argv); }
