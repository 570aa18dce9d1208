// Config: every setting Kronobarn reads, declared once with its default, flag and environment
// variable. Validate() checks all of them and reports every problem at once, so an operator fixes
// a bad deployment in one go instead of one error per restart.
#pragma once

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "domain/coordination.hpp"
#include "domain/organisation.hpp"

namespace kronobarn::cli {

struct Config {
    std::string listen = "127.0.0.1:8080";
    std::string database = "sqlite:./data/kronobarn.db";
    std::string assets_dir;  // default set by the build (KRONOBARN_DEFAULT_ASSETS_DIR)
    bool secure_cookies = false;
    int session_idle_minutes = 30;
    int session_absolute_hours = 10;
    std::string log_level = "info";
    // 0: chosen for the engine (ServerThreadsFor). A page no longer holds its thread while its audit
    // row is committed (ADR 007), so on SQLite, where reads run in this process, a few threads per
    // core do best; on PostgreSQL each statement is a round trip that holds its thread.
    int threads = 0;
    int max_body_kib = 1024;
    std::string password_strength = "interactive";
    // Local choices of the model (domain.md marks them so).
    int follow_up_months = 3;                 // default gap to the next follow-up meeting of a plan
    int child_consent_age = 12;               // from this age the consent form asks for the child's own consent
    int transition_notice_days = 60;          // stage transitions show up as handover tasks this many days ahead
    std::string school_year_start = "08-15";  // MM-DD: the autumn term starts (förskoleklass, upper-secondary)
    domain::SchoolYearStart school_year;      // parsed from school_year_start
    int child_login_age = 13;                 // from this age the child may have its own login
    int activation_days = 7;                  // how long a family member's activation link works
    bool family_log_shows_names = false;      // the family's access log names the professional, not only the role
    int emergency_minutes = 60;               // how long an emergency access grant lasts
    int statistics_threshold = 5;             // counts below it show as "<N" (never below 3)
    int slow_statement_ms = 0;                // SQLite: log statements this slow (0: off)
    int statistics_count_seconds = 300;       // a measure's counted year is kept this long (0: count every view)
    std::string emergency_roles;              // who may ask for one (role codes); empty: the role table's default
    std::string scim_token_file;              // "organisation-code token" per line; empty: no SCIM
    // Role codes whose holders give a code from an authenticator app after the password; "none":
    // nobody; empty: every role that reads children's data.
    std::string require_second_factor;
    // Single sign-on: "NAME,ISSUER,CLIENT_ID,CLIENT_SECRET_FILE,CLAIM[,LABEL]" per provider.
    std::vector<std::string> oidc_providers;
    std::vector<std::string> eid_providers;  // the same for families' Swedish e-ID (an e-ID broker)
    // The assurance levels (acr) a family's e-ID sign-in must have: the Swedish eID framework's LoA 3
    // and 4, and their eIDAS counterparts (substantial, high).
    std::string eid_acrs =
        "http://id.elegnamnden.se/loa/1.0/loa3,http://id.elegnamnden.se/loa/1.0/loa4,"
        "http://id.elegnamnden.se/loa/1.0/eidas-sub,http://id.elegnamnden.se/loa/1.0/eidas-high";
    std::string public_url;       // where browsers reach Kronobarn (the providers' redirect URIs)
    std::string two_factor_acrs;  // acr values a provider's sign-in counts as two-factor, comma-separated

    // Derived by Validate().
    std::string listen_host;
    std::uint16_t listen_port = 0;
    std::vector<domain::Role> emergency_role_list;
    std::vector<domain::Role> second_factor_roles;
    struct OidcProvider {
        std::string name, issuer, client_id, client_secret, claim, label;
        bool family = false;  // an e-ID broker: CLAIM is a personal identity number
        std::string RedirectUri(const std::string& public_url) const {
            return public_url + "/logga-in/sso/" + name + "/svar";
        }
    };
    std::vector<OidcProvider> oidc_provider_list;
    std::vector<std::string> two_factor_acr_list;
    std::vector<std::string> eid_acr_list;
    // What an e-ID broker is asked for: Sweden Connect's OIDC profile gives the personal identity
    // number with this scope.
    std::string eid_scope = "openid https://id.oidc.se/scope/naturalPersonNumber";
    std::vector<std::pair<std::string, std::string>> scim_tokens;  // (organisation code, token)

    // E-mail notifications (mail_config.cpp). Without smtp_url nothing is sent; the outbox still records.
    std::string smtp_url;
    std::string smtp_from = "Kronobarn <kronobarn@example.invalid>";
    std::string smtp_user;
    std::string smtp_password_file;
    std::string smtp_password;  // read from smtp_password_file by Validate
    // When the daily digest and reminders are written, Swedish local time ("07:00").
    std::string digest_time_text = "07:00";
    std::chrono::minutes digest_time{7 * 60};  // parsed by Validate
};

// Registers every setting as a flag (with its KRONOBARN_* environment variable) on `app`.
void RegisterConfigOptions(CLI::App& app, Config& config);

// Empty when the config is valid; otherwise one human-readable line per problem.
std::vector<std::string> Validate(Config& config);

// The server's HTTP threads when --threads is 0 (the default).
int ServerThreadsFor(bool postgresql, unsigned cores);

// A file of secrets: a regular file others cannot read. Adds a problem naming `flag` otherwise.
bool IsPrivateFile(std::string_view flag, const std::string& path, std::vector<std::string>& problems);
// The single sign-on settings (sso_config.cpp): providers, their secrets, the public URL, the acrs.
void ValidateSingleSignOn(Config& config, std::vector<std::string>& problems);
void RegisterSingleSignOnOptions(CLI::App& app, Config& config);
void RegisterMailOptions(CLI::App& app, Config& config);
void ValidateMail(Config& config, std::vector<std::string>& problems);

}  // namespace kronobarn::cli
