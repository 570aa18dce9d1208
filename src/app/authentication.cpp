#include "app/authentication.hpp"

#include "app/login_audit.hpp"
#include "common/crypto.hpp"
#include "store/store.hpp"

namespace kronobarn::app {
using login::AccountKey;
using login::AddressKey;
constexpr auto LoginEvent = login::Event;

Authentication::Authentication(store::Store& store, const Clock& clock, domain::SessionPolicy session_policy,
                               domain::ThrottlePolicy throttle_policy, domain::SecondFactorPolicy second_factor)
    : store_(store),
      clock_(clock),
      session_policy_(session_policy),
      throttle_policy_(throttle_policy),
      second_factor_(std::move(second_factor)) {
    dummy_password_hash_ = crypto::HashPassword(crypto::RandomToken(), crypto::PasswordStrength::kInteractive)
                               .value();  // only fails when out of memory at start-up, before serving
}

Status Authentication::SetPreferredLanguage(const Actor& actor, std::string_view lang) {
    if (actor.user.preferred_language == lang) return Ok();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_RETURN_IF_ERROR(uow->Users().SetPreferredLanguage(actor.user.id, lang));
    return uow->Commit();
}

std::string Authentication::HashSessionToken(std::string_view session_token) { return crypto::HashHex(session_token); }

Result<LoginOutcome> Authentication::Login(std::string_view typed_username, std::string_view password,
                                           const RequestContext& context) {
    const Timestamp now = clock_.Now();
    // "Fatima" and "fatima " are one account, and one throttle key.
    const std::string username = domain::NormalizeUsername(typed_username);

    // Phase 1 (read): throttle state and the account. Hashing happens outside any transaction
    // so the writer lock is never held for the ~50 ms Argon2id takes.
    std::optional<store::UserCredentials> account;
    {
        KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
        KB_ASSIGN_OR_RETURN(const auto by_account, uow->LoginThrottle().Load(AccountKey(username)));
        KB_ASSIGN_OR_RETURN(const auto by_address, uow->LoginThrottle().Load(AddressKey(context.client_address)));
        if (domain::ThrottledUntil(throttle_policy_, by_account, now) ||
            domain::ThrottledUntil(throttle_policy_, by_address, now)) {
            uow.reset();
            KB_ASSIGN_OR_RETURN(auto write, store_.Begin(store::TransactionMode::kWrite));
            KB_RETURN_IF_ERROR(write->Audit().Append(
                LoginEvent(now, context, nullptr, "login_throttled", domain::AuditOutcome::kDenied)));
            KB_RETURN_IF_ERROR(write->Commit());
            return Error::ResourceExhausted("login.throttled");
        }
        KB_ASSIGN_OR_RETURN(account, uow->Users().FindByUsername(username));
    }

    // Phase 2: verify. An unknown account still costs one verification.
    const bool password_ok = account ? crypto::VerifyPassword(account->password_hash, password)
                                     : (crypto::VerifyPassword(dummy_password_hash_, password), false);
    if (!password_ok || account->user.disabled) {
        KB_RETURN_IF_ERROR(RecordFailure(username, account ? &account->user : nullptr, context,
                                         password_ok ? "disabled" : "credentials"));
        return Error::Unauthenticated("login.failed");
    }

    // Phase 3 (write): reset the account's failures, then a session — or, for a person with an
    // authenticator app or a role that requires one, the second step — and its audit row.
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_RETURN_IF_ERROR(uow->LoginThrottle().Clear(AccountKey(username)));
    KB_ASSIGN_OR_RETURN(const auto factor, uow->SecondFactors().Find(account->user.id));
    const bool has_app = factor && factor->confirmed_at;
    domain::UserAccount today = account->user;
    today.KeepRolesHeldOn(SwedishDate(now));
    if (has_app || domain::SecondFactorRequired(second_factor_, today)) {
        KB_ASSIGN_OR_RETURN(auto step, BeginSecondStepIn(*uow, account->user, has_app, "password", context, {}));
        KB_RETURN_IF_ERROR(uow->Commit());
        return LoginOutcome{std::move(step)};
    }
    KB_ASSIGN_OR_RETURN(auto success, StartSessionIn(*uow, account->user, "password", context));
    KB_RETURN_IF_ERROR(uow->Commit());
    return LoginOutcome{std::move(success)};
}

Result<LoginSucceeded> Authentication::StartSession(const domain::UserAccount& user, std::string_view method,
                                                    const RequestContext& context, std::string_view acr) {
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    // The provider proved a person; whether the account may log in is read fresh, not trusted.
    KB_ASSIGN_OR_RETURN(const auto current, uow->Users().Find(user.id));
    if (!current) return Error::Unauthenticated("login.failed");
    if (current->disabled) {
        auto refused = LoginEvent(clock_.Now(), context, &*current, "login_failed", domain::AuditOutcome::kDenied);
        refused.object_id = "disabled";
        KB_RETURN_IF_ERROR(uow->Audit().Append(refused));
        KB_RETURN_IF_ERROR(uow->Commit());
        return Error::Unauthenticated("login.failed");
    }
    KB_ASSIGN_OR_RETURN(auto success, StartSessionIn(*uow, *current, method, context, acr));
    KB_RETURN_IF_ERROR(uow->Commit());
    return success;
}

Result<LoginSucceeded> Authentication::StartSessionIn(store::UnitOfWork& uow, const domain::UserAccount& user,
                                                      std::string_view method, const RequestContext& context,
                                                      std::string_view acr) {
    // Callers have refused disabled accounts already (each audits that in its own way).
    const Timestamp now = clock_.Now();
    LoginSucceeded success{crypto::RandomToken(32), user};
    KB_RETURN_IF_ERROR(
        uow.Sessions().Insert({HashSessionToken(success.session_token), user.id, now, now, std::string(method)}));
    auto event = LoginEvent(now, context, &user, "login", domain::AuditOutcome::kAllowed);
    // How the person was proven, and how strongly the provider says so: the log reviewer needs both.
    event.object_id = std::string(method);
    if (!acr.empty()) event.object_id += " acr=" + std::string(acr);
    KB_RETURN_IF_ERROR(uow.Audit().Append(event));
    return success;
}

Status Authentication::RecordFailure(std::string_view username, const domain::UserAccount* user,
                                     const RequestContext& context, std::string_view reason) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    for (const std::string& key : {AccountKey(username), AddressKey(context.client_address)}) {
        KB_ASSIGN_OR_RETURN(const auto record, uow->LoginThrottle().Load(key));
        KB_RETURN_IF_ERROR(uow->LoginThrottle().Save(key, domain::RecordFailure(throttle_policy_, record, now)));
    }
    auto event = LoginEvent(now, context, user, "login_failed", domain::AuditOutcome::kDenied);
    event.object_id = std::string(reason);
    KB_RETURN_IF_ERROR(uow->Audit().Append(event));
    return uow->Commit();
}

Result<Actor> Authentication::Authenticate(std::string_view session_token) {
    if (session_token.empty()) return Error::Unauthenticated("session.missing");
    const Timestamp now = clock_.Now();
    const std::string token_hash = HashSessionToken(session_token);
    std::optional<store::SessionWithUser> found;
    {
        KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
        KB_ASSIGN_OR_RETURN(found, uow->Sessions().FindWithUser(token_hash, SwedishDate(now)));
        if (!found) return Error::Unauthenticated("session.missing");
    }
    const store::SessionRecord& session = found->session;
    std::optional<domain::UserAccount>& user = found->user;
    const auto state = domain::EvaluateSession(session_policy_, session.created_at, session.last_seen_at, now);
    if (state != domain::SessionState::kActive || !user || user->disabled) {
        KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
        KB_RETURN_IF_ERROR(uow->Sessions().Delete(token_hash));
        KB_RETURN_IF_ERROR(uow->Commit());
        return Error::Unauthenticated("session.expired");
    }
    if (domain::SessionNeedsTouch(session_policy_, session.last_seen_at, now)) {
        KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
        KB_RETURN_IF_ERROR(uow->Sessions().Touch(token_hash, now));
        KB_RETURN_IF_ERROR(uow->Commit());
    }
    return Actor{std::move(*user), token_hash, session.method};
}

Status Authentication::Logout(const Actor& actor, const RequestContext& context) {
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_RETURN_IF_ERROR(uow->Sessions().Delete(actor.session_token_hash));
    KB_RETURN_IF_ERROR(
        uow->Audit().Append(LoginEvent(clock_.Now(), context, &actor.user, "logout", domain::AuditOutcome::kAllowed)));
    return uow->Commit();
}

}  // namespace kronobarn::app
