#include "integration/test_server.hpp"
#include "mail/smtp_transport.hpp"
#include "store/outbox_repository.hpp"

#include <algorithm>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fstream>
#include <stdexcept>

#include "app/user_admin.hpp"
#include "common/crypto.hpp"
#include "common/log.hpp"

namespace kronobarn::testing {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

template <typename T>
T Must(Result<T> result, const char* what) {
    if (!result) throw std::runtime_error(std::string(what) + ": " + result.error().detail);
    return std::move(result).value();
}

void Must(Status status, const char* what) {
    if (!status) throw std::runtime_error(std::string(what) + ": " + status.error().detail);
}

}  // namespace

std::string HttpResult::Header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

std::vector<std::string> HttpResult::SetCookies() const {
    std::vector<std::string> out;
    auto [first, last] = headers.equal_range("set-cookie");
    for (auto it = first; it != last; ++it) out.push_back(it->second);
    return out;
}

std::string HttpResult::CookieValue(const std::string& name) const {
    for (const auto& cookie : SetCookies()) {
        if (cookie.rfind(name + "=", 0) == 0) return cookie.substr(name.size() + 1, cookie.find(';') - name.size() - 1);
    }
    return {};
}

TestServer::TestServer(std::shared_ptr<TestDatabase> database, TestServerOptions options)
    : clock_(FromUnixMillis(1'795'000'000'000)), database_(std::move(database)), options_(options) {
    log::SetLevel(log::Level::kWarn);
    if (!crypto::InitialiseCrypto()) throw std::runtime_error("libsodium");
    store_ = database_->Open(6);
    Must(store_->Migrate(), "migrate");
    {
        // Växjö: a school, a preschool, social services; the region's BVC for Växjö; Alvesta's school.
        auto uow = Must(store_->Begin(store::TransactionMode::kWrite), "begin");
        auto& orgs = uow->Organisations();
        const auto vaxjo =
            Must(orgs.Insert({0, "Växjö kommun", domain::OrganisationKind::kMunicipality, "0780", true}), "org");
        const auto alvesta = Must(orgs.Insert({0, "Alvesta kommun", domain::OrganisationKind::kMunicipality}), "org");
        const auto region = Must(orgs.Insert({0, "Region Kronoberg", domain::OrganisationKind::kRegion}), "org");
        Must(orgs.InsertUnit({0, vaxjo, "Växjö Centralskola", domain::UnitKind::kSchoolUnit, "Växjö"}), "unit");
        Must(orgs.InsertUnit({0, vaxjo, "Växjö förskola Solen", domain::UnitKind::kPreschool, "Växjö"}), "unit");
        Must(orgs.InsertUnit({0, vaxjo, "Socialtjänsten Växjö", domain::UnitKind::kSocialServices, "Växjö"}), "unit");
        Must(orgs.InsertUnit({0, region, "BVC Växjö", domain::UnitKind::kBvc, "Växjö"}), "unit");
        Must(orgs.InsertUnit({0, alvesta, "Alvesta Centralskola", domain::UnitKind::kSchoolUnit, "Alvesta"}), "unit");
        Must(orgs.InsertUnit({0, alvesta, "Socialtjänsten Alvesta", domain::UnitKind::kSocialServices, "Alvesta"}),
             "unit");
        Must(orgs.InsertUnit({0, region, "BUP Kronoberg", domain::UnitKind::kBup, ""}), "unit");
        Must(orgs.InsertUnit({0, vaxjo, "Kommunledning Växjö", domain::UnitKind::kAdministration, "Växjö"}), "unit");
        const auto club = Must(orgs.Insert({0, "IFK Växjö", domain::OrganisationKind::kAssociation}), "org");
        Must(orgs.InsertUnit({0, club, "IFK Växjö ungdom", domain::UnitKind::kClub, "Växjö"}), "unit");
        const auto police = Must(orgs.Insert({0, "Polismyndigheten", domain::OrganisationKind::kPolice}), "org");
        Must(orgs.InsertUnit({0, police, "Lokalpolisområde Växjö", domain::UnitKind::kPoliceArea, "Växjö"}), "unit");
        Must(uow->Commit(), "commit");
    }
    app::UserAdmin admin(*store_, clock_, crypto::PasswordStrength::kInteractive);
    const std::vector<app::NewUser> users{
        {"anna", "Anna Rektor", kPassword, "Växjö Centralskola", "principal"},
        {"bertil", "Bertil <b>Kurator</b>", kPassword, "Växjö Centralskola", "student_health"},
        {"frida", "Frida Förskollärare", kPassword, "Växjö förskola Solen", "teacher"},
        {"britt", "Britt BVC-sköterska", kPassword, "BVC Växjö", "bvc_nurse"},
        {"sara", "Sara Socialsekreterare", kPassword, "Socialtjänsten Växjö", "social_worker"},
        {"olle", "Olle Rektor", kPassword, "Alvesta Centralskola", "principal"},
        {"alva", "Alva Socialsekreterare", kPassword, "Socialtjänsten Alvesta", "social_worker"},
        {"petra", "Petra Polis", kPassword, "Lokalpolisområde Växjö", "police_officer"},
        {"bosse", "Bo BUP-psykolog", kPassword, "BUP Kronoberg", "clinician"},
        {"kalle", "Kalle Fotbollsledare", kPassword, "IFK Växjö ungdom", "club_leader"},
        {"adam", "Adam Administratör", kPassword, "Kommunledning Växjö", "system_admin"},
        {"linnea", "Linnea Länsadministratör", kPassword, "Kommunledning Växjö", "county_admin"},
        {"lena", "Lena Loggranskare", kPassword, "Kommunledning Växjö", "log_reviewer"},
        {"rolf", "Rolf Loggranskare", kPassword, "BUP Kronoberg", "log_reviewer"},
        {"stina", "Stina Styrgrupp", kPassword, "Kommunledning Växjö", "steering_group"},
        {"fredrik", "Fredrik Forskare", kPassword, "BUP Kronoberg", "researcher"},
    };
    for (const auto& user : users) Must(admin.Add(user, {"setup", "test"}), "user");
    {
        auto uow = Must(store_->Begin(store::TransactionMode::kRead), "begin");
        setup_audit_rows_ = Must(uow->Audit().Count(), "count");
    }
    Serve();
}

TestServer::TestServer(const TestServer& other)
    : clock_(other.clock_.Now()),
      database_(other.database_),
      setup_audit_rows_(other.setup_audit_rows_),
      options_(other.options_) {
    log::SetLevel(log::Level::kWarn);
    store_ = database_->Open(6);
    Serve();
}

namespace {

web::WebOptions WebOptionsFor(const TestServerOptions& options) {
    web::WebOptions web{false, {{"0780", kScimTokenVaxjo}, {"0764", kScimTokenAlvesta}}};
    for (const auto& provider : options.sso_providers) {
        const auto& family = options.family_providers;
        const bool for_families = std::find(family.begin(), family.end(), provider.name) != family.end();
        (for_families ? web.family_sso_providers : web.sso_providers).emplace_back(provider.name, provider.name);
    }
    web.public_url = "http://127.0.0.1";  // as the providers know it; the test agent brings answers here
    return web;
}

}  // namespace

void TestServer::Serve() {
    std::filesystem::create_directories(dir_.Path() / "assets");
    std::ofstream(dir_.Path() / "assets" / "kronobarn.css") << std::string(4000, ' ') << "body { color: black; }\n";
    assets_ =
        std::make_unique<web::StaticAssets>(Must(web::StaticAssets::Load((dir_.Path() / "assets").string()), "assets"));
    authentication_ =
        std::make_unique<app::Authentication>(*store_, clock_, domain::SessionPolicy{}, domain::ThrottlePolicy{},
                                              domain::SecondFactorPolicy{options_.second_factor_roles});
    std::vector<std::shared_ptr<oidc::Provider>> providers;
    for (const auto& provider : options_.sso_providers)
        providers.push_back(std::make_shared<oidc::Provider>(provider, clock_));
    sso_ = std::make_unique<app::SingleSignOn>(
        *store_, clock_, *authentication_, std::move(providers),
        app::SsoPolicy{options_.two_factor_acrs, domain::SecondFactorPolicy{options_.second_factor_roles},
                       options_.family_providers, options_.family_acrs, 13});
    if (!options_.smtp_url.empty()) {
        mail_transport_ = std::make_unique<mail::SmtpTransport>(mail::SmtpSettings{options_.smtp_url, "", ""});
        outbox_sender_ = std::make_unique<app::OutboxSender>(
            *store_, clock_, *mail_transport_,
            app::OutboxSenderOptions{"Kronobarn <kronobarn@kronoberg.example>", "https://kronobarn.example"});
    }
    concerns_ = std::make_unique<app::Concerns>(*store_, clock_, options_.school_year);
    wheel_ = std::make_unique<app::WheelAssessments>(*store_, clock_);
    handovers_ = std::make_unique<app::Handovers>(*store_, clock_, 12);
    consents_ = std::make_unique<app::Consents>(*store_, clock_);
    plans_ = std::make_unique<app::Plans>(*store_, clock_);
    children_ = std::make_unique<app::ChildOverviews>(*store_, clock_, 60, options_.school_year);
    catalogue_ = std::make_unique<app::WheelCatalogue>(*store_, clock_);
    organisations_ = std::make_unique<app::OrganisationAdmin>(*store_, clock_);
    staff_ = std::make_unique<app::StaffAdmin>(*store_, clock_);
    units_ = std::make_unique<app::UnitAdmin>(*store_, clock_);
    directory_ = std::make_unique<app::DirectoryImport>(*store_, clock_);
    notification_settings_ = std::make_unique<app::NotificationSettings>(*store_, clock_);
    read_audit_ = std::make_unique<app::ReadAudit>(*store_);
    family_accounts_ = std::make_unique<app::FamilyAccounts>(
        *store_, clock_, app::FamilyAccountOptions{7, 13, crypto::PasswordStrength::kInteractive});
    family_view_ = std::make_unique<app::FamilyView>(*store_, clock_, *plans_, app::FamilyViewOptions{});
    emergency_ = std::make_unique<app::EmergencyAccess>(*store_, clock_, domain::EmergencyPolicy{});
    log_reviews_ = std::make_unique<app::LogReviews>(*store_, clock_);
    refusals_ = std::make_unique<app::RefusedRequests>(*store_, clock_);
    start_pages_ = std::make_unique<app::StartPages>(*store_);
    // Views wait for their counts here (a test's counts take milliseconds, but a sanitizer build on a
    // busy machine must not turn them into "counting" pages); a test can ask for the real wait.
    statistics_ = std::make_unique<app::Statistics>(*store_, clock_, domain::kDefaultSuppressionThreshold,
                                                    app::kDefaultStatisticsCountFor, std::chrono::minutes(1));
    web_app_ =
        std::make_unique<web::WebApp>(web::AppServices{*authentication_,  *sso_,           *concerns_,
                                                       *wheel_,           *handovers_,     *consents_,
                                                       *plans_,           *children_,      *catalogue_,
                                                       *family_accounts_, *family_view_,   *emergency_,
                                                       *log_reviews_,     *statistics_,    *refusals_,
                                                       *start_pages_,     *organisations_, *staff_,
                                                       *units_,           *directory_,     *notification_settings_,
                                                       *read_audit_},
                                      clock_, *assets_, WebOptionsFor(options_));
    web::ServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.max_body_bytes = 64 * 1024;
    options.max_header_bytes = 8 * 1024;
    server_ = std::make_unique<web::HttpServer>(*web_app_, options);
    port_ = Must(server_->Listen(), "listen");
    thread_ = std::thread([this] { server_->Run(false); });
}

TestServer::~TestServer() {
    server_->Stop();
    thread_.join();
}

HttpResult TestServer::Send(const RequestSpec& spec) const {
    asio::io_context io;
    beast::tcp_stream stream(io);
    stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
    http::request<http::string_body> request{http::string_to_verb(spec.method), spec.target, 11};
    request.set(http::field::host, "127.0.0.1");
    for (const auto& [name, value] : spec.headers) request.set(name, value);
    request.body() = spec.body;
    request.prepare_payload();
    http::write(stream, request);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    if (spec.method == "HEAD") parser.skip(true);
    http::read(stream, buffer, parser);
    HttpResult result;
    result.status = static_cast<int>(parser.get().result_int());
    for (const auto& field : parser.get()) {
        std::string name(field.name_string());
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        result.headers.emplace(std::move(name), std::string(field.value()));
    }
    result.body = parser.get().body();
    beast::error_code ignored;
    stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    return result;
}

HttpResult TestServer::Get(const std::string& target, const std::string& cookie) const {
    RequestSpec spec{"GET", target, {}, ""};
    if (!cookie.empty()) spec.headers.emplace_back("Cookie", cookie);
    return Send(spec);
}

HttpResult TestServer::PostForm(const std::string& target, const std::string& body, const std::string& cookie) const {
    RequestSpec spec{"POST", target, {{"Content-Type", "application/x-www-form-urlencoded"}}, body};
    if (!cookie.empty()) spec.headers.emplace_back("Cookie", cookie);
    return Send(spec);
}

std::string TestServer::SendRaw(const std::string& bytes) const {
    asio::io_context io;
    asio::ip::tcp::socket socket(io);
    socket.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
    beast::error_code ec;
    asio::write(socket, asio::buffer(bytes), ec);
    socket.shutdown(asio::ip::tcp::socket::shutdown_send, ec);
    std::string response;
    char chunk[4096];
    for (;;) {
        const std::size_t n = socket.read_some(asio::buffer(chunk), ec);
        response.append(chunk, n);
        if (ec) break;
    }
    return response;
}

void TestServer::SendAndLeave(const std::string& bytes) const {
    asio::io_context io;
    asio::ip::tcp::socket socket(io);
    socket.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
    beast::error_code ec;
    asio::write(socket, asio::buffer(bytes), ec);
    socket.close(ec);
}

std::string ExtractCsrfToken(const std::string& html) {
    const std::string marker = "name=\"csrf_token\" value=\"";
    const auto start = html.find(marker);
    if (start == std::string::npos) return {};
    const auto value = start + marker.size();
    return html.substr(value, html.find('"', value) - value);
}

std::string GuardianPartFields(const std::string& plan_page, const std::string& kind, const std::string& reason) {
    static const std::string kMarker = "name=\"part_";
    std::string fields;
    for (auto at = plan_page.find(kMarker); at != std::string::npos; at = plan_page.find(kMarker, at + 1)) {
        const auto name = at + 6;
        const std::string field = plan_page.substr(name, plan_page.find('"', name) - name);
        if (field.starts_with("part_reason_")) continue;
        fields += "&" + field + "=" + kind;
        if (!reason.empty()) fields += "&part_reason_" + field.substr(5) + "=" + UrlEncode(reason);
    }
    return fields;
}

std::string UrlEncode(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

std::string TestServer::Login(const std::string& username, const std::string& password, int* status) const {
    const HttpResult form = Get("/logga-in");
    const std::string csrf_cookie = "kb_login_csrf=" + form.CookieValue("kb_login_csrf");
    const HttpResult result = PostForm("/logga-in",
                                       "csrf_token=" + ExtractCsrfToken(form.body) +
                                           "&username=" + UrlEncode(username) + "&password=" + UrlEncode(password),
                                       csrf_cookie);
    if (status != nullptr) *status = result.status;
    const std::string session = result.CookieValue("kb_session");
    return session.empty() ? std::string() : "kb_session=" + session;
}

const std::string& TestServer::SessionOf(const std::string& user) {
    auto& cookie = sessions_[user];
    if (cookie.empty()) cookie = Login(user, kPassword);
    return cookie;
}

domain::UnitId TestServer::UnitId(const std::string& name) {
    auto uow = Must(store_->Begin(store::TransactionMode::kRead), "begin");
    for (const auto& unit : Must(uow->Organisations().ListUnits(), "units")) {
        if (unit.name == name) return unit.id;
    }
    throw std::runtime_error("no unit " + name);
}

app::OutboxRun TestServer::DeliverMail() {
    if (!outbox_sender_) throw std::logic_error("DeliverMail needs TestServerOptions::smtp_url");
    return Must(outbox_sender_->RunOnce(), "outbox");
}

std::vector<store::OutboxMessage> TestServer::Outbox() {
    auto uow = Must(store_->Begin(store::TransactionMode::kRead), "begin");
    return Must(uow->Outbox().List(), "outbox");
}

std::vector<store::AuditRow> TestServer::AuditRowsSinceSetup() {
    std::vector<store::AuditRow> rows;
    auto uow = Must(store_->Begin(store::TransactionMode::kRead), "begin");
    Must(uow->Audit().ForEach([&](const store::AuditRow& row) {
        if (row.sequence > setup_audit_rows_) rows.push_back(row);
        return true;
    }),
         "audit");
    return rows;
}

std::string TestServer::CsrfTokenFor(const std::string& cookie) const {
    // Staff land on /start, family accounts on /familj; both pages carry the logout form's token.
    HttpResult page = Get("/start", cookie);
    for (int hops = 0; page.status == 303 && hops < 3; ++hops) page = Get(page.Header("location"), cookie);
    return ExtractCsrfToken(page.body);
}

std::string IdAfter(const std::string& text, const std::string& prefix) {
    const auto at = text.find(prefix);
    if (at == std::string::npos) return {};
    const auto start = at + prefix.size();
    const auto end = text.find_first_not_of("0123456789", start);
    return text.substr(start, (end == std::string::npos ? text.size() : end) - start);
}

std::string BodyWithoutRequestId(const HttpResult& result) {
    std::string body = result.body;
    const std::string id = result.Header("x-request-id");
    if (id.empty()) return body;
    for (auto at = body.find(id); at != std::string::npos; at = body.find(id, at)) body.erase(at, id.size());
    return body;
}

}  // namespace kronobarn::testing
