#include "cli/config.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "domain/access.hpp"
#include "domain/second_factor.hpp"

#include <charconv>

#include "common/log.hpp"

namespace kronobarn::cli {

void RegisterConfigOptions(CLI::App& app, Config& config) {
    app.add_option("--listen", config.listen, "Address and port to serve on")
        ->envname("KRONOBARN_LISTEN")
        ->capture_default_str();
    app.add_option("--database", config.database,
                   "sqlite:PATH (embedded, the default) or postgresql://user@host:port/db")
        ->envname("KRONOBARN_DATABASE")
        ->capture_default_str();
    app.add_option("--assets-dir", config.assets_dir, "Directory of built CSS/JS assets")
        ->envname("KRONOBARN_ASSETS_DIR")
        ->capture_default_str();
    app.add_flag("--secure-cookies", config.secure_cookies, "Mark cookies Secure (set when served over HTTPS)")
        ->envname("KRONOBARN_SECURE_COOKIES");
    app.add_option("--session-idle-minutes", config.session_idle_minutes, "Log out after this long without activity")
        ->envname("KRONOBARN_SESSION_IDLE_MINUTES")
        ->capture_default_str();
    app.add_option("--session-absolute-hours", config.session_absolute_hours, "Log out this long after login")
        ->envname("KRONOBARN_SESSION_ABSOLUTE_HOURS")
        ->capture_default_str();
    app.add_option("--log-level", config.log_level, "debug | info | warn | error")
        ->envname("KRONOBARN_LOG_LEVEL")
        ->capture_default_str();
    app.add_option("--slow-statement-ms", config.slow_statement_ms,
                   "Log SQLite statements that run this long or longer (0: off)")
        ->envname("KRONOBARN_SLOW_STATEMENT_MS")
        ->capture_default_str();
    app.add_option("--threads", config.threads, "HTTP worker threads (0: two per core on SQLite, 16 on PostgreSQL)")
        ->envname("KRONOBARN_THREADS")
        ->capture_default_str();
    app.add_option("--max-body-kib", config.max_body_kib, "Largest request body accepted, in KiB")
        ->envname("KRONOBARN_MAX_BODY_KIB")
        ->capture_default_str();
    RegisterSingleSignOnOptions(app, config);
    RegisterMailOptions(app, config);
    app.add_option("--scim-token-file", config.scim_token_file,
                   "SCIM provisioning: a file of \"organisation-code token\" lines (not readable by others)")
        ->envname("KRONOBARN_SCIM_TOKEN_FILE");
    app.add_option("--password-strength", config.password_strength, "Argon2id cost: interactive | moderate")
        ->envname("KRONOBARN_PASSWORD_STRENGTH")
        ->capture_default_str();
    app.add_option("--follow-up-months", config.follow_up_months, "Default months to a plan's next follow-up")
        ->envname("KRONOBARN_FOLLOW_UP_MONTHS")
        ->capture_default_str();
    app.add_option("--child-consent-age", config.child_consent_age, "Age from which the child's own consent is asked")
        ->envname("KRONOBARN_CHILD_CONSENT_AGE")
        ->capture_default_str();
    app.add_option("--child-login-age", config.child_login_age, "Age from which a child may have its own login")
        ->envname("KRONOBARN_CHILD_LOGIN_AGE")
        ->capture_default_str();
    app.add_option("--activation-days", config.activation_days,
                   "Days an activation link works (a family member's login, a new staff account)")
        ->envname("KRONOBARN_ACTIVATION_DAYS")
        ->capture_default_str();
    app.add_flag("--family-log-names", config.family_log_shows_names,
                 "Show professionals' names (not only role and unit) in the family's access log")
        ->envname("KRONOBARN_FAMILY_LOG_NAMES");
    app.add_option("--emergency-minutes", config.emergency_minutes, "How long an emergency access grant lasts")
        ->envname("KRONOBARN_EMERGENCY_MINUTES")
        ->capture_default_str();
    app.add_option("--emergency-roles", config.emergency_roles,
                   "Comma-separated role codes that may request emergency access (default: social_worker, "
                   "student_health, bvc_nurse, clinician)")
        ->envname("KRONOBARN_EMERGENCY_ROLES")
        ->capture_default_str();
    app.add_option("--require-second-factor", config.require_second_factor,
                   "Comma-separated role codes that must give a code from an authenticator app at local sign-in, "
                   "or \"none\" (default: every role that reads children's data)")
        ->envname("KRONOBARN_REQUIRE_SECOND_FACTOR")
        ->capture_default_str();
    app.add_option("--statistics-threshold", config.statistics_threshold,
                   "Statistics show counts below this as suppressed (at least 3)")
        ->envname("KRONOBARN_STATISTICS_THRESHOLD")
        ->capture_default_str();
    app.add_option("--statistics-count-seconds", config.statistics_count_seconds,
                   "Statistics are counted again when older than this (0: on every view)")
        ->envname("KRONOBARN_STATISTICS_COUNT_SECONDS")
        ->capture_default_str();
    app.add_option("--transition-notice-days", config.transition_notice_days,
                   "Days before a stage transition that the holder gets a handover task")
        ->envname("KRONOBARN_TRANSITION_NOTICE_DAYS")
        ->capture_default_str();
    app.add_option("--school-year-start", config.school_year_start,
                   "The day the autumn term starts (MM-DD): förskoleklass begins then in the year a child turns "
                   "six, upper-secondary school in the year it turns sixteen")
        ->envname("KRONOBARN_SCHOOL_YEAR_START")
        ->capture_default_str();
}

namespace {

constexpr std::size_t kMinimumScimTokenLength = 32;

void ParseSecondFactorRoles(Config& config, std::vector<std::string>& problems) {
    config.second_factor_roles.clear();
    const std::string& list = config.require_second_factor;
    if (list.empty()) {
        config.second_factor_roles = domain::RolesReadingChildData();
        return;
    }
    if (list == "none") return;
    for (std::size_t start = 0; start <= list.size();) {
        const auto comma = std::min(list.find(',', start), list.size());
        const std::string code = list.substr(start, comma - start);
        start = comma + 1;
        if (code.empty()) continue;
        if (const auto role = domain::ParseRole(code)) {
            config.second_factor_roles.push_back(*role);
        } else {
            problems.push_back("--require-second-factor: \"" + code + "\" is not a role code");
        }
    }
}

// The identity managements' tokens. A problem names the line, never a token.
void ReadScimTokens(Config& config, std::vector<std::string>& problems) {
    const std::string& path = config.scim_token_file;
    if (!IsPrivateFile("--scim-token-file", path, problems)) return;
    std::ifstream file(path);
    std::string line;
    for (int number = 1; std::getline(file, line); ++number) {
        std::istringstream fields(line);
        std::string code, token, extra;
        fields >> code >> token >> extra;
        if (code.empty() || code.starts_with('#')) continue;
        if (token.size() < kMinimumScimTokenLength || !extra.empty()) {
            problems.push_back("--scim-token-file: line " + std::to_string(number) +
                               " is not \"organisation-code token\" with a token of at least 32 characters");
            continue;
        }
        config.scim_tokens.emplace_back(code, token);
    }
}

}  // namespace

int ServerThreadsFor(bool postgresql, unsigned cores) {
    // Measured on the county dataset (bench/run --threads, docs/performance.md, session 23): on
    // SQLite the participant's plan page gave 4,670 req/s with 2–4 threads on one core, 4,008 with 8
    // and 2,454 with 16.
    if (postgresql) return 16;
    return static_cast<int>(std::clamp(2 * cores, 2U, 64U));
}

std::vector<std::string> Validate(Config& config) {
    std::vector<std::string> problems;

    const auto colon = config.listen.rfind(':');
    int port = -1;
    if (colon != std::string::npos) {
        const char* first = config.listen.data() + colon + 1;
        const char* last = config.listen.data() + config.listen.size();
        auto [end, ec] = std::from_chars(first, last, port);
        if (ec != std::errc{} || end != last) port = -1;
    }
    if (colon == std::string::npos || colon == 0 || port < 0 || port > 65535) {
        problems.push_back("--listen must be HOST:PORT with PORT 0–65535, got \"" + config.listen + "\"");
    } else {
        config.listen_host = config.listen.substr(0, colon);
        config.listen_port = static_cast<std::uint16_t>(port);
    }

    const bool sqlite = config.database.rfind("sqlite:", 0) == 0 && config.database.size() > 7;
    const bool postgresql =
        config.database.rfind("postgresql://", 0) == 0 || config.database.rfind("postgres://", 0) == 0;
    if (!sqlite && !postgresql) {
        problems.push_back("--database must be sqlite:PATH or postgresql://user@host:port/db, got \"" +
                           config.database + "\"");
    }

    if (config.session_idle_minutes < 1 || config.session_idle_minutes > 24 * 60) {
        problems.push_back("--session-idle-minutes must be 1–1440");
    }
    if (config.session_absolute_hours < 1 || config.session_absolute_hours > 72) {
        problems.push_back("--session-absolute-hours must be 1–72");
    } else if (config.session_absolute_hours * 60 < config.session_idle_minutes) {
        problems.push_back("--session-absolute-hours must not be shorter than --session-idle-minutes");
    }
    log::Level level{};
    if (!log::ParseLevel(config.log_level, level)) problems.push_back("--log-level must be debug, info, warn or error");
    if (config.threads < 0 || config.threads > 256) problems.push_back("--threads must be 0–256");
    if (config.threads == 0) config.threads = ServerThreadsFor(postgresql, std::thread::hardware_concurrency());
    if (config.slow_statement_ms < 0 || config.slow_statement_ms > 60000) {
        problems.push_back("--slow-statement-ms must be 0–60000");
    }
    if (config.follow_up_months < 1 || config.follow_up_months > 12) {
        problems.push_back("--follow-up-months must be 1–12");
    }
    if (config.child_consent_age < 7 || config.child_consent_age > 17) {
        problems.push_back("--child-consent-age must be 7–17");
    }
    if (config.child_login_age < 7 || config.child_login_age > 18) problems.push_back("--child-login-age must be 7–18");
    if (config.activation_days < 1 || config.activation_days > 30) problems.push_back("--activation-days must be 1–30");
    if (const auto start = domain::ParseSchoolYearStart(config.school_year_start)) {
        config.school_year = *start;
    } else {
        problems.push_back("--school-year-start must be a day of the year as MM-DD, e.g. 08-15");
    }
    if (config.transition_notice_days < 7 || config.transition_notice_days > 365) {
        problems.push_back("--transition-notice-days must be 7–365");
    }
    if (config.statistics_threshold < 3 || config.statistics_threshold > 100) {
        problems.push_back("--statistics-threshold must be 3–100");
    }
    if (config.statistics_count_seconds < 0 || config.statistics_count_seconds > 3600) {
        problems.push_back("--statistics-count-seconds must be 0–3600");
    }
    if (config.emergency_minutes < 5 || config.emergency_minutes > 480) {
        problems.push_back("--emergency-minutes must be 5–480");
    }
    config.emergency_role_list.clear();
    if (config.emergency_roles.empty()) config.emergency_role_list = domain::DefaultEmergencyRoles();
    for (std::size_t start = 0; start <= config.emergency_roles.size();) {
        const auto comma = std::min(config.emergency_roles.find(',', start), config.emergency_roles.size());
        const std::string code = config.emergency_roles.substr(start, comma - start);
        start = comma + 1;
        if (code.empty()) continue;
        const auto role = domain::ParseRole(code);
        // Roles that never act on individual children cannot be given emergency access.
        if (!role || !domain::MayRegisterConcern(*role)) {
            problems.push_back("--emergency-roles: \"" + code + "\" is not a role that works with children");
        } else {
            config.emergency_role_list.push_back(*role);
        }
    }
    ParseSecondFactorRoles(config, problems);
    ValidateSingleSignOn(config, problems);
    ValidateMail(config, problems);
    if (!config.scim_token_file.empty()) ReadScimTokens(config, problems);
    if (config.max_body_kib < 1 || config.max_body_kib > 64 * 1024)
        problems.push_back("--max-body-kib must be 1–65536");
    if (config.password_strength != "interactive" && config.password_strength != "moderate") {
        problems.push_back("--password-strength must be interactive or moderate");
    }
    return problems;
}

}  // namespace kronobarn::cli
