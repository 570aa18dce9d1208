#include "cli/config.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include <filesystem>
#include <fstream>

#include "support/temp_dir.hpp"

namespace kronobarn::cli {
namespace {

bool Mentions(const std::vector<std::string>& problems, std::string_view flag) {
    for (const auto& problem : problems) {
        if (problem.find(flag) != std::string::npos) return true;
    }
    return false;
}

TEST(Config, DefaultsAreValid) {
    Config config;
    EXPECT_TRUE(Validate(config).empty());
    EXPECT_EQ(config.listen_host, "127.0.0.1");
    EXPECT_EQ(config.listen_port, 8080);
    EXPECT_EQ(config.database, "sqlite:./data/kronobarn.db");
}

TEST(Config, AcceptsAPostgresqlAddressAndRejectsOthers) {
    Config config;
    config.database = "postgresql://kronobarn@db.example:5432/kronobarn";
    EXPECT_TRUE(Validate(config).empty());
    config.database = "sqlite:";
    EXPECT_TRUE(Mentions(Validate(config), "--database"));
}

TEST(Config, ReportsEveryProblemAtOnce) {
    Config config;
    config.listen = "localhost";
    config.database = "mysql://x";
    config.session_idle_minutes = 0;
    config.log_level = "loud";
    config.threads = -1;
    const auto problems = Validate(config);
    EXPECT_EQ(problems.size(), 5u);
    EXPECT_TRUE(Mentions(problems, "--listen"));
    EXPECT_TRUE(Mentions(problems, "--database"));
    EXPECT_TRUE(Mentions(problems, "--session-idle-minutes"));
    EXPECT_TRUE(Mentions(problems, "--log-level"));
    EXPECT_TRUE(Mentions(problems, "--threads"));
}

// No thread waits on a page's audit commit any more: on SQLite a few per core; on PostgreSQL
// every statement is a round trip that holds its thread, so more.
TEST(Config, TheServersThreadsFollowTheEngineUnlessChosen) {
    Config config;
    config.database = "sqlite:./x.db";
    ASSERT_TRUE(Validate(config).empty());
    EXPECT_EQ(config.threads, ServerThreadsFor(false, std::thread::hardware_concurrency()));
    EXPECT_EQ(ServerThreadsFor(false, 2), 4);
    EXPECT_EQ(ServerThreadsFor(false, 0), 2) << "cores unknown";
    EXPECT_EQ(ServerThreadsFor(true, 2), 16);
    config.database = "postgresql://kb@localhost/kb";
    config.threads = 0;
    ASSERT_TRUE(Validate(config).empty());
    EXPECT_EQ(config.threads, 16);
    config.threads = 7;
    ASSERT_TRUE(Validate(config).empty());
    EXPECT_EQ(config.threads, 7) << "an operator's choice stands";
}

TEST(Config, LocalChoicesOfTheModelAreBounded) {
    Config config;
    config.follow_up_months = 0;
    config.child_consent_age = 3;
    config.transition_notice_days = 1000;
    config.statistics_threshold = 2;
    config.statistics_count_seconds = -1;
    config.slow_statement_ms = -5;
    const auto problems = Validate(config);
    EXPECT_TRUE(Mentions(problems, "--statistics-threshold")) << "a count of 1 or 2 would name a child";
    EXPECT_TRUE(Mentions(problems, "--statistics-count-seconds"));
    EXPECT_TRUE(Mentions(problems, "--slow-statement-ms"));
    EXPECT_TRUE(Mentions(problems, "--follow-up-months"));
    EXPECT_TRUE(Mentions(problems, "--child-consent-age"));
    EXPECT_TRUE(Mentions(problems, "--transition-notice-days"));
}

TEST(Config, RejectsPortOutOfRangeAndTrailingGarbage) {
    for (const char* listen : {"127.0.0.1:70000", "127.0.0.1:80x", ":8080", "127.0.0.1:"}) {
        Config config;
        config.listen = listen;
        EXPECT_TRUE(Mentions(Validate(config), "--listen")) << listen;
    }
}

TEST(Config, AbsoluteSessionMustNotBeShorterThanIdle) {
    Config config;
    config.session_idle_minutes = 180;
    config.session_absolute_hours = 2;
    EXPECT_TRUE(Mentions(Validate(config), "--session-absolute-hours"));
}

TEST(Config, EmergencyAccessRolesAreRolesThatWorkWithChildren) {
    Config config;
    ASSERT_TRUE(Validate(config).empty());
    EXPECT_EQ(config.emergency_role_list.size(), 4u);
    config.emergency_roles = "social_worker,system_admin,nurse";
    config.emergency_minutes = 2;
    const auto problems = Validate(config);
    EXPECT_TRUE(Mentions(problems, "system_admin"));
    EXPECT_TRUE(Mentions(problems, "\"nurse\""));
    EXPECT_TRUE(Mentions(problems, "--emergency-minutes"));
}

TEST(Config, ASecondFactorIsRequiredOfEveryRoleThatReadsChildrenUnlessTheCountySaysOtherwise) {
    Config config;
    ASSERT_TRUE(Validate(config).empty());
    const auto& roles = config.second_factor_roles;
    EXPECT_NE(std::find(roles.begin(), roles.end(), domain::Role::kPrincipal), roles.end());
    EXPECT_NE(std::find(roles.begin(), roles.end(), domain::Role::kLogReviewer), roles.end()) << "reads who read whom";
    EXPECT_EQ(std::find(roles.begin(), roles.end(), domain::Role::kSteeringGroup), roles.end()) << "counts only";
    config.require_second_factor = "none";
    ASSERT_TRUE(Validate(config).empty());
    EXPECT_TRUE(config.second_factor_roles.empty());
    config.require_second_factor = "system_admin,county_admin";
    ASSERT_TRUE(Validate(config).empty());
    EXPECT_EQ(config.second_factor_roles,
              (std::vector<domain::Role>{domain::Role::kSystemAdmin, domain::Role::kCountyAdmin}));
    config.require_second_factor = "principal,rektor";
    EXPECT_TRUE(Mentions(Validate(config), "--require-second-factor: \"rektor\""));
}

TEST(Config, TheSchoolYearStartIsADayOfEveryYear) {
    Config config;
    ASSERT_TRUE(Validate(config).empty());
    EXPECT_EQ(config.school_year.month, std::chrono::August);
    EXPECT_EQ(config.school_year.day, std::chrono::day{15});
    config.school_year_start = "01-10";
    ASSERT_TRUE(Validate(config).empty());
    EXPECT_EQ(config.school_year.month, std::chrono::January);
    for (const char* bad : {"02-29", "2026-08-15", "aug-15", ""}) {
        config.school_year_start = bad;
        EXPECT_TRUE(Mentions(Validate(config), "--school-year-start")) << bad;
    }
}

TEST(Config, EnvironmentVariablesSetOptions) {
    CLI::App app;
    Config config;
    RegisterConfigOptions(app, config);
    setenv("KRONOBARN_THREADS", "4", 1);
    app.parse(std::vector<std::string>{});
    unsetenv("KRONOBARN_THREADS");
    EXPECT_EQ(config.threads, 4);
}

TEST(Config, ScimTokensAreReadFromAFileOnlyTheServiceCanReadAndABadLineIsNamedNeverShown) {
    const testing::TempDir dir;
    const std::string path = dir.File("scim-tokens");
    std::ofstream(path) << "# organisation-code token\n0780 vaxjo-0123456789abcdef0123456789abcdef\n\n"
                           "0764 short-secret\n";
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    Config config;
    config.scim_token_file = path;
    const auto problems = Validate(config);
    ASSERT_EQ(problems.size(), 1U);
    EXPECT_NE(problems[0].find("line 4"), std::string::npos) << problems[0];
    EXPECT_EQ(problems[0].find("short-secret"), std::string::npos) << "a token never reaches a message";
    ASSERT_EQ(config.scim_tokens.size(), 1U);
    EXPECT_EQ(config.scim_tokens[0].first, "0780");

    std::filesystem::permissions(path, std::filesystem::perms::others_read, std::filesystem::perm_options::add);
    Config readable;
    readable.scim_token_file = path;
    EXPECT_TRUE(Mentions(Validate(readable), "readable by others"));
    EXPECT_TRUE(readable.scim_tokens.empty());
    Config missing;
    missing.scim_token_file = dir.File("nowhere");
    EXPECT_TRUE(Mentions(Validate(missing), "--scim-token-file"));
}

TEST(Config, SingleSignOnProvidersNeedAnHttpsIssuerASecretOnlyTheServiceCanReadAndAPublicUrl) {
    const testing::TempDir dir;
    const std::string secret = dir.File("region.secret");
    std::ofstream(secret) << "region-client-secret\n";
    std::filesystem::permissions(secret, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    Config config;
    config.oidc_providers = {"region,https://login.regionkronoberg.se,kronobarn," + secret +
                             ",preferred_username,Region Kronoberg"};
    config.public_url = "https://kronobarn.kronoberg.se/";
    config.two_factor_acrs = "http://id.elegnamnden.se/loa/1.0/loa3,mfa";
    ASSERT_TRUE(Validate(config).empty());
    ASSERT_EQ(config.oidc_provider_list.size(), 1U);
    const auto& region = config.oidc_provider_list[0];
    EXPECT_EQ(region.client_secret, "region-client-secret");
    EXPECT_EQ(region.label, "Region Kronoberg");
    EXPECT_EQ(region.RedirectUri(config.public_url), "https://kronobarn.kronoberg.se/logga-in/sso/region/svar");
    EXPECT_EQ(config.two_factor_acr_list.size(), 2U);

    Config bad;
    bad.oidc_providers = {"Region,http://login.example.com,kronobarn," + secret + ",sub",
                          "eid,https://eid.example.com,kronobarn," + dir.File("nowhere") + ",sub", "short,https://x"};
    const auto problems = Validate(bad);
    EXPECT_TRUE(Mentions(problems, "NAME must be"));
    EXPECT_TRUE(Mentions(problems, "ISSUER must be an https address"));
    EXPECT_TRUE(Mentions(problems, "cannot read"));
    EXPECT_TRUE(Mentions(problems, "expected NAME,ISSUER"));
    EXPECT_TRUE(Mentions(problems, "--public-url"));
    for (const auto& problem : problems) EXPECT_EQ(problem.find("region-client-secret"), std::string::npos);
}

TEST(Config, AMailServerNeedsAnSmtpAddressAFromAddressThePublicUrlAndAPrivatePasswordFile) {
    const testing::TempDir dir;
    const std::string secret = dir.File("smtp.secret");
    std::ofstream(secret) << "smtp-password-123\n";
    std::filesystem::permissions(secret, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    Config config;
    config.smtp_url = "smtp://smtp.kronoberg.se:587";
    config.smtp_from = "Kronobarn <kronobarn@kronoberg.se>";
    config.smtp_user = "kronobarn";
    config.smtp_password_file = secret;
    config.public_url = "https://kronobarn.kronoberg.se/";
    ASSERT_TRUE(Validate(config).empty());
    EXPECT_EQ(config.smtp_password, "smtp-password-123");
    EXPECT_EQ(config.public_url, "https://kronobarn.kronoberg.se");

    Config bad;
    bad.smtp_url = "http://smtp.kronoberg.se";
    bad.smtp_from = "Kronobarn";
    bad.smtp_user = "kronobarn";
    const auto problems = Validate(bad);
    EXPECT_TRUE(Mentions(problems, "--smtp-url must begin with smtp://"));
    EXPECT_TRUE(Mentions(problems, "--smtp-from must hold an e-mail address"));
    EXPECT_TRUE(Mentions(problems, "--smtp-url needs --public-url"));
    EXPECT_TRUE(Mentions(problems, "--smtp-user needs --smtp-password-file"));
    Config without;
    EXPECT_TRUE(Validate(without).empty()) << "no mail server: nothing sent, nothing required";
    EXPECT_EQ(without.digest_time, std::chrono::minutes(7 * 60)) << "the digest at seven by default";
}

TEST(Config, TheDigestTimeIsATimeOfDay) {
    Config config;
    config.digest_time_text = "16:30";
    ASSERT_TRUE(Validate(config).empty());
    EXPECT_EQ(config.digest_time, std::chrono::minutes(16 * 60 + 30));
    for (const char* bad : {"25:00", "seven", "", "07:00:00"}) {
        Config wrong;
        wrong.digest_time_text = bad;
        EXPECT_TRUE(Mentions(Validate(wrong), "--digest-time must be a time of day")) << bad;
    }
}

TEST(Config, AnEidProviderSignsInFamiliesAndAsksForLoa3AndUpByDefault) {
    const testing::TempDir dir;
    const std::string secret = dir.File("eid.secret");
    std::ofstream(secret) << "eid-client-secret\n";
    std::filesystem::permissions(secret, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    Config config;
    config.oidc_providers = {"region,https://login.regionkronoberg.se,kronobarn," + secret + ",preferred_username"};
    config.eid_providers = {"eid,https://eid.example.se,kronobarn," + secret +
                            ",https://id.oidc.se/claim/personalIdentityNumber,BankID / Freja eID"};
    config.public_url = "https://kronobarn.kronoberg.se";
    ASSERT_TRUE(Validate(config).empty());
    ASSERT_EQ(config.oidc_provider_list.size(), 2U);
    EXPECT_FALSE(config.oidc_provider_list[0].family);
    EXPECT_TRUE(config.oidc_provider_list[1].family);
    EXPECT_EQ(config.oidc_provider_list[1].label, "BankID / Freja eID");
    EXPECT_NE(
        std::find(config.eid_acr_list.begin(), config.eid_acr_list.end(), "http://id.elegnamnden.se/loa/1.0/loa3"),
        config.eid_acr_list.end());
    EXPECT_EQ(
        std::find(config.eid_acr_list.begin(), config.eid_acr_list.end(), "http://id.elegnamnden.se/loa/1.0/loa2"),
        config.eid_acr_list.end());

    Config clash = config;
    clash.eid_providers = {"region,https://eid.example.se,kronobarn," + secret + ",pnr"};
    EXPECT_TRUE(Mentions(Validate(clash), "region: NAME given twice"));
    Config no_level = config;
    no_level.eid_acrs = ",";
    EXPECT_TRUE(Mentions(Validate(no_level), "--eid-acr must name at least one"));
}

}  // namespace
}  // namespace kronobarn::cli
