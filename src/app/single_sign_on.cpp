#include "app/single_sign_on.hpp"

#include <algorithm>

#include "app/family_sign_in.hpp"
#include "app/login_audit.hpp"
#include "common/crypto.hpp"
#include "store/store.hpp"

namespace kronobarn::app {
namespace {

// How long the provider may take to answer: the person types a password and perhaps approves a
// BankID request in that time.
constexpr auto kRequestLifetime = std::chrono::minutes(10);
constexpr std::string_view kMethodPrefix = "oidc:";

std::string Hash(std::string_view token) { return crypto::HashHex(token, "sso"); }

// What the provider said of how it proved the person, for the sign-in's audit row: the assurance
// level (acr) and, when sent, the methods (amr) — "loa3 amr=pwd,otp".
std::string Assurance(const oidc::IdTokenClaims& claims) {
    std::string assurance = claims.acr;
    if (claims.amr.empty()) return assurance;
    if (assurance.empty()) assurance = "none";
    assurance += " amr=";
    for (std::size_t i = 0; i < claims.amr.size(); ++i) assurance += (i == 0 ? "" : ",") + claims.amr[i];
    return assurance;
}

}  // namespace

SingleSignOn::SingleSignOn(store::Store& store, const Clock& clock, Authentication& authentication,
                           std::vector<std::shared_ptr<oidc::Provider>> providers, SsoPolicy policy)
    : store_(store),
      clock_(clock),
      authentication_(authentication),
      providers_(std::move(providers)),
      policy_(std::move(policy)) {}

std::vector<std::string> SingleSignOn::ProviderNames() const {
    std::vector<std::string> names;
    for (const auto& provider : providers_) names.push_back(provider->Config().name);
    return names;
}

bool SingleSignOn::Knows(std::string_view provider) const { return Find(provider) != nullptr; }

bool SingleSignOn::IsFamilyProvider(std::string_view provider) const {
    const auto& family = policy_.family_providers;
    return std::find(family.begin(), family.end(), provider) != family.end();
}

oidc::Provider* SingleSignOn::Find(std::string_view provider) const {
    for (const auto& candidate : providers_) {
        if (candidate->Config().name == provider) return candidate.get();
    }
    return nullptr;
}

Result<SsoStart> SingleSignOn::Begin(std::string_view provider_name, const RequestContext& context) {
    oidc::Provider* provider = Find(provider_name);
    if (provider == nullptr) return Error::NotFound("identity provider");
    const std::string state = crypto::RandomToken(32);
    const std::string nonce = crypto::RandomToken(32);
    const std::string verifier = crypto::RandomToken(32);  // 43 characters, RFC 7636 §4.1
    SsoStart start;
    start.browser_token = crypto::RandomToken(32);
    // A family sign-in asks the e-ID broker for the assurance it needs (checked again on the answer).
    std::string acr_values;
    if (IsFamilyProvider(provider_name)) {
        for (const auto& acr : policy_.family_acrs) acr_values += (acr_values.empty() ? "" : " ") + acr;
    }
    auto url = provider->AuthorizationUrl(state, nonce, crypto::Sha256Base64Url(verifier), acr_values);
    if (!url) {
        // Down, or its discovery document unusable: nobody to send the person to, and the log says why.
        const bool down = url.error().code == ErrorCode::kUnavailable;
        KB_RETURN_IF_ERROR(
            Refuse(provider_name, nullptr, down ? "provider_unavailable" : "discovery_unusable", context));
        return url.error();
    }
    start.redirect_url = std::move(*url);
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_RETURN_IF_ERROR(uow->Sessions().InsertSsoRequest(
        {Hash(state), std::string(provider_name), nonce, verifier, Hash(start.browser_token), now},
        now - std::chrono::hours(1)));
    KB_RETURN_IF_ERROR(uow->Commit());
    return start;
}

Status SingleSignOn::Refuse(std::string_view provider, const domain::UserAccount* user, std::string_view why,
                            const RequestContext& context) {
    auto event = login::Event(clock_.Now(), context, user, "login_failed", domain::AuditOutcome::kDenied);
    event.object_id = std::string(kMethodPrefix) + std::string(provider) + " " + std::string(why);
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_RETURN_IF_ERROR(uow->Audit().Append(event));
    return uow->Commit();
}

Result<LoginOutcome> SingleSignOn::Complete(std::string_view provider_name, std::string_view state,
                                            std::string_view code, std::string_view error,
                                            std::string_view browser_token, const RequestContext& context) {
    oidc::Provider* provider = Find(provider_name);
    if (provider == nullptr) return Error::NotFound("identity provider");
    const auto refused = [&](std::string why, const domain::UserAccount* user = nullptr) -> Error {
        if (auto audited = Refuse(provider_name, user, why, context); !audited) return audited.error();
        return Error::Unauthenticated("oidc.refused", std::move(why));
    };

    std::optional<store::SsoRequestRecord> request;
    if (!state.empty()) {
        KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
        KB_ASSIGN_OR_RETURN(request, uow->Sessions().TakeSsoRequest(Hash(state)));
        KB_RETURN_IF_ERROR(uow->Commit());
    }
    if (!request) return refused("state_unknown");  // none, replayed, or never ours
    if (request->provider != provider_name) return refused("state_of_another_provider");
    if (browser_token.empty() || !crypto::ConstantTimeEquals(request->browser_hash, Hash(browser_token))) {
        return refused("state_of_another_browser");
    }
    if (clock_.Now() - request->created_at > kRequestLifetime) return refused("state_expired");
    if (!error.empty()) return refused("provider_error:" + std::string(error.substr(0, 64)));
    if (code.empty()) return refused("no_code");

    auto claims = provider->Redeem(std::string(code), request->code_verifier, request->nonce);
    if (!claims) {
        const bool down = claims.error().code == ErrorCode::kUnavailable;
        if (auto audited =
                Refuse(provider_name, nullptr, down ? "provider_unavailable" : claims.error().detail, context);
            !audited) {
            return audited.error();
        }
        return claims.error();
    }
    const auto value = oidc::Claim(*claims, provider->Config().claim);
    if (!value || value->empty()) return refused("claim_missing");
    if (IsFamilyProvider(provider_name)) return CompleteFamily(provider_name, *claims, *value, context);

    std::optional<store::UserCredentials> account;
    {
        KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
        KB_ASSIGN_OR_RETURN(account, uow->Users().FindByUsername(domain::NormalizeUsername(*value)));
    }
    // Staff only: a family member signs in with e-ID, never through an organisation's provider.
    if (!account || account->user.IsFamily() || account->user.roles.empty()) {
        if (auto audited = Refuse(provider_name, nullptr, "no_account", context); !audited) {
            return audited.error();
        }
        return Error::Unauthenticated("sso.no_account", "no_account");
    }
    domain::UserAccount today = account->user;
    today.KeepRolesHeldOn(SwedishDate(clock_.Now()));
    const bool two_factor = std::find(policy_.two_factor_acrs.begin(), policy_.two_factor_acrs.end(), claims->acr) !=
                            policy_.two_factor_acrs.end();
    const std::string method = std::string(kMethodPrefix) + std::string(provider_name);
    if (domain::SecondFactorRequired(policy_.second_factor, today) && !two_factor) {
        // The provider proved one factor: the app's code (set up now if need be) is the second.
        KB_ASSIGN_OR_RETURN(auto step,
                            authentication_.BeginSecondStep(account->user, method, context, Assurance(*claims)));
        return LoginOutcome{std::move(step)};
    }
    KB_ASSIGN_OR_RETURN(auto session, authentication_.StartSession(account->user, method, context, Assurance(*claims)));
    return LoginOutcome{std::move(session)};
}

Result<LoginOutcome> SingleSignOn::CompleteFamily(std::string_view provider_name, const oidc::IdTokenClaims& claims,
                                                  const std::string& value, const RequestContext& context) {
    const auto refuse = [&](std::string_view why, std::string key) -> Error {
        if (auto audited = Refuse(provider_name, nullptr, why, context); !audited) return audited.error();
        return Error::Unauthenticated(std::move(key), std::string(why));
    };
    const auto& levels = policy_.family_acrs;
    if (std::find(levels.begin(), levels.end(), claims.acr) == levels.end()) {
        return refuse("acr_below_family_level", "sso.assurance_too_low");
    }
    const Timestamp now = clock_.Now();
    // Whatever the reason nothing opens, the person is told the same: no oracle of who has a child here.
    const auto number = domain::PersonalNumber::Parse(value, SwedishDate(now));
    if (!number) return refuse("personal_number_invalid", "sso.no_family_account");
    auto account = FamilyAccountForEid(store_, *number, now, policy_.child_login_age, context);
    if (!account) {
        if (account.error().code != ErrorCode::kNotFound) return account.error();
        return refuse("nothing_to_open", "sso.no_family_account");
    }
    const std::string method = std::string(kMethodPrefix) + std::string(provider_name);
    KB_ASSIGN_OR_RETURN(auto session, authentication_.StartSession(*account, method, context, Assurance(claims)));
    return LoginOutcome{std::move(session)};
}

std::string SingleSignOn::ProviderLogoutUrl(std::string_view method, const std::string& post_logout_redirect_uri) {
    if (!method.starts_with(kMethodPrefix)) return {};
    oidc::Provider* provider = Find(method.substr(kMethodPrefix.size()));
    return provider == nullptr ? std::string() : provider->LogoutUrl(post_logout_redirect_uri);
}

}  // namespace kronobarn::app
