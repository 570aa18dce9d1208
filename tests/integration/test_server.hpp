// A real Kronobarn server for integration tests: a fresh database (SQLite, or PostgreSQL in the
// PostgreSQL run, see support/test_database.hpp), migrated, with organisations, units and staff
// users, served on a free port by the real HttpServer in a background thread. A second server can
// join the same database, as app servers behind a load balancer do. Plus a small blocking HTTP
// client (Boost.Beast) and a browser-like login.
#pragma once

#include "domain/coordination.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "app/authentication.hpp"
#include "app/child_overview.hpp"
#include "app/concerns.hpp"
#include "app/consents.hpp"
#include "app/directory_import.hpp"
#include "app/emergency_access.hpp"
#include "app/handovers.hpp"
#include "app/log_review.hpp"
#include "app/notification_settings.hpp"
#include "app/organisation_admin.hpp"
#include "app/outbox_sender.hpp"
#include "app/plans.hpp"
#include "app/refused_requests.hpp"
#include "app/single_sign_on.hpp"
#include "app/staff_admin.hpp"
#include "app/statistics.hpp"
#include "app/unit_admin.hpp"
#include "app/wheel_catalogue.hpp"
#include "store/sql/sql_store.hpp"
#include "support/temp_dir.hpp"
#include "support/test_database.hpp"
#include "web/http_server.hpp"
#include "web/static_assets.hpp"
#include "web/web_app.hpp"

namespace kronobarn::testing {

inline constexpr const char* kPassword = "rätt-lösenord-123";
// The identity managements' bearer tokens the server is configured with: Växjö's (code 0780) and
// Alvesta's (0764, a code a test gives Alvesta when it needs one).
inline constexpr const char* kScimTokenVaxjo = "vaxjo-scim-token-0123456789abcdef0123";
inline constexpr const char* kScimTokenAlvesta = "alvesta-scim-token-0123456789abcdef012";

struct HttpResult {
    int status = 0;
    std::multimap<std::string, std::string> headers;  // names lower-cased
    std::string body;

    std::string Header(const std::string& name) const;
    std::vector<std::string> SetCookies() const;
    // The value the response sets for cookie `name`, or empty.
    std::string CookieValue(const std::string& name) const;
};

struct RequestSpec {
    std::string method = "GET";
    std::string target = "/";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

// The county's settings a test may choose (the rest are the product's defaults).
struct TestServerOptions {
    domain::SchoolYearStart school_year;
    std::vector<domain::Role> second_factor_roles;  // none: local sign-in with the password alone
    // Single sign-on providers (their redirect URIs name this server's callback paths; the port in
    // them is a placeholder, as the test's own agent carries the provider's answer here).
    std::vector<oidc::ProviderConfig> sso_providers;
    std::vector<std::string> two_factor_acrs;
    // Of sso_providers, those that sign in families by e-ID, and the acr values they must give.
    std::vector<std::string> family_providers;
    std::vector<std::string> family_acrs;
    // The outbox's mail server: DeliverMail() sends what is due there (none: the outbox only records).
    std::string smtp_url;
};

class TestServer {
  public:
    TestServer() : TestServer(std::make_shared<TestDatabase>()) {}
    // A server on a database the test made (e.g. on a PostgreSQL server of its own).
    explicit TestServer(std::shared_ptr<TestDatabase> database, TestServerOptions options = {});
    // Another app server on `other`'s database: same data, sessions and audit chain; its own
    // process state (pools, caches, the group-commit writer).
    explicit TestServer(const TestServer& other);
    ~TestServer();
    TestServer& operator=(const TestServer&) = delete;

    HttpResult Send(const RequestSpec& request) const;
    HttpResult Get(const std::string& target, const std::string& cookie = "") const;
    HttpResult PostForm(const std::string& target, const std::string& body, const std::string& cookie) const;
    // Bytes as-is over a new connection; returns everything the server answered before closing.
    std::string SendRaw(const std::string& bytes) const;
    // Bytes as-is over a new connection that is closed at once, without reading the answer.
    void SendAndLeave(const std::string& bytes) const;

    // Logs in like a browser (GET form, echo CSRF token, POST). Returns the "Cookie:" header value
    // for later requests, or empty when login failed.
    std::string Login(const std::string& username, const std::string& password, int* status = nullptr) const;
    // The CSRF token the page embeds for this session.
    std::string CsrfTokenFor(const std::string& cookie) const;

    // A session of a fixture user (password kPassword), logged in on first use and then reused;
    // empty when the login failed. Forget() makes the next use log in again (after a timeout).
    const std::string& SessionOf(const std::string& user);
    void Forget(const std::string& user) { sessions_.erase(user); }
    // Days pass: the clock moves on and everyone signs in again.
    void AdvanceDays(int days) {
        clock_.Advance(std::chrono::hours(24 * days));
        sessions_.clear();
    }
    // "csrf_token=…" for a form posted in that session.
    std::string CsrfField(const std::string& user) { return "csrf_token=" + CsrfTokenFor(SessionOf(user)); }

    FakeClock& Clock() { return clock_; }
    app::Statistics& Statistics() { return *statistics_; }
    store::sql::SqlStore& Store() { return *store_; }
    const TestDatabase& Database() const { return *database_; }
    std::uint16_t Port() const { return port_; }
    domain::UnitId UnitId(const std::string& name);
    const web::WebApp& App() const { return *web_app_; }
    // Sends what the outbox holds now (options' smtp_url), as the server's sender does every few seconds.
    app::OutboxRun DeliverMail();
    // Every outbox message with its delivery state.
    std::vector<store::OutboxMessage> Outbox();
    // Audit rows written after the fixture's own setup (user creation), in chain order.
    std::vector<store::AuditRow> AuditRowsSinceSetup();
    std::int64_t SetupAuditRows() const { return setup_audit_rows_; }

  private:
    void Serve();

    TempDir dir_;
    FakeClock clock_;
    std::shared_ptr<TestDatabase> database_;
    std::unique_ptr<store::sql::SqlStore> store_;
    std::unique_ptr<web::StaticAssets> assets_;
    std::unique_ptr<app::Authentication> authentication_;
    std::unique_ptr<app::SingleSignOn> sso_;
    std::unique_ptr<app::Concerns> concerns_;
    std::unique_ptr<app::WheelAssessments> wheel_;
    std::unique_ptr<app::Handovers> handovers_;
    std::unique_ptr<app::Consents> consents_;
    std::unique_ptr<app::Plans> plans_;
    std::unique_ptr<app::ChildOverviews> children_;
    std::unique_ptr<app::WheelCatalogue> catalogue_;
    std::unique_ptr<app::OrganisationAdmin> organisations_;
    std::unique_ptr<app::StaffAdmin> staff_;
    std::unique_ptr<app::UnitAdmin> units_;
    std::unique_ptr<app::DirectoryImport> directory_;
    std::unique_ptr<app::NotificationSettings> notification_settings_;
    std::unique_ptr<app::ReadAudit> read_audit_;
    std::unique_ptr<app::FamilyAccounts> family_accounts_;
    std::unique_ptr<app::FamilyView> family_view_;
    std::unique_ptr<app::EmergencyAccess> emergency_;
    std::unique_ptr<app::LogReviews> log_reviews_;
    std::unique_ptr<app::Statistics> statistics_;
    std::unique_ptr<app::RefusedRequests> refusals_;
    std::unique_ptr<app::StartPages> start_pages_;
    std::unique_ptr<app::MailTransport> mail_transport_;
    std::unique_ptr<app::OutboxSender> outbox_sender_;
    std::unique_ptr<web::WebApp> web_app_;
    std::unique_ptr<web::HttpServer> server_;
    std::thread thread_;
    std::uint16_t port_ = 0;
    std::int64_t setup_audit_rows_ = 0;
    TestServerOptions options_;
    std::map<std::string, std::string> sessions_;
};

// The decimal id right after the first `prefix` in `text` ("/planer/" in a link), or empty.
std::string IdAfter(const std::string& text, const std::string& prefix);

// The body with the response's own request id taken out: two refusals compare byte for byte.
std::string BodyWithoutRequestId(const HttpResult& result);

// The value of <input name="csrf_token" value="…"> in a page, or empty.
std::string ExtractCsrfToken(const std::string& html);
std::string UrlEncode(const std::string& text);

// The plan page's agree form filled in: every guardian it lists took part as `kind` ("present",
// "not_taking_part" with `reason`), as "&part_<guardian>=…" fields.
std::string GuardianPartFields(const std::string& plan_page, const std::string& kind = "present",
                               const std::string& reason = "");

}  // namespace kronobarn::testing
