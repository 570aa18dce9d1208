// The second step of a local sign-in: a code from the person's authenticator app (TOTP), one of
// their recovery codes, or — the first time, when their roles require it — setting the app up.
#include <chrono>

#include "app/authentication.hpp"
#include "app/login_audit.hpp"
#include "common/crypto.hpp"
#include "common/totp.hpp"
#include "store/store.hpp"

namespace kronobarn::app {
namespace {

// Long enough to install an authenticator app and scan the code; short enough that a forgotten
// half-done sign-in on a shared computer is soon useless.
constexpr auto kStepLifetime = std::chrono::minutes(10);
constexpr std::string_view kIssuer = "Kronobarn";

std::string RecoveryCodeHash(std::string_view normalized) { return crypto::HashHex(normalized, "recovery-code"); }

std::string NewRecoveryCode() {
    std::string code;
    for (std::size_t i = 0; i < domain::kRecoveryCodeLength; ++i) {
        if (i > 0 && i % 4 == 0) code.push_back('-');
        code.push_back(domain::kRecoveryCodeAlphabet[crypto::RandomBelow(
            static_cast<std::uint32_t>(domain::kRecoveryCodeAlphabet.size()))]);
    }
    return code;
}

bool LooksLikeAppCode(std::string_view typed) {
    std::size_t digits = 0;
    for (const char c : typed) {
        if (c == ' ') continue;
        if (c < '0' || c > '9') return false;
        ++digits;
    }
    return digits == totp::kDigits;
}

}  // namespace

Result<Authentication::Step> Authentication::StepOf(store::UnitOfWork& uow, std::string_view step_token) {
    if (step_token.empty()) return Error::Unauthenticated("login.step_expired");
    KB_ASSIGN_OR_RETURN(const auto step, uow.Sessions().FindLoginStep(HashSessionToken(step_token)));
    if (!step || clock_.Now() - step->created_at > kStepLifetime) return Error::Unauthenticated("login.step_expired");
    KB_ASSIGN_OR_RETURN(auto account, uow.Users().Find(step->user_id));
    if (!account || account->disabled) return Error::Unauthenticated("login.step_expired");
    return Step{std::move(*account), step->first_method, {}};
}

Result<Authentication::Step> Authentication::StepAwaitingCode(std::string_view step_token, bool app_confirmed,
                                                              const RequestContext& context) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(auto step, StepOf(*uow, step_token));
    KB_ASSIGN_OR_RETURN(auto factor, uow->SecondFactors().Find(step.account.id));
    if (!factor || factor->confirmed_at.has_value() != app_confirmed) {
        return Error::Unauthenticated("login.step_expired");
    }
    KB_ASSIGN_OR_RETURN(const auto by_account, uow->LoginThrottle().Load(login::AccountKey(step.account.username)));
    KB_ASSIGN_OR_RETURN(const auto by_address, uow->LoginThrottle().Load(login::AddressKey(context.client_address)));
    if (domain::ThrottledUntil(throttle_policy_, by_account, now) ||
        domain::ThrottledUntil(throttle_policy_, by_address, now)) {
        return Error::ResourceExhausted("login.throttled");
    }
    step.secret = std::move(factor->secret);
    return step;
}

Result<LoginSucceeded> Authentication::FinishStep(store::UnitOfWork& uow, std::string_view step_token,
                                                  const domain::UserAccount& account, std::string_view method,
                                                  const RequestContext& context) {
    KB_RETURN_IF_ERROR(uow.Sessions().DeleteLoginStep(HashSessionToken(step_token)));
    KB_RETURN_IF_ERROR(uow.LoginThrottle().Clear(login::AccountKey(account.username)));
    return StartSessionIn(uow, account, method, context);
}

Result<SecondStepNeeded> Authentication::BeginSecondStepIn(store::UnitOfWork& uow, const domain::UserAccount& user,
                                                           bool has_app, std::string_view first_method,
                                                           const RequestContext& context, std::string_view acr) {
    const Timestamp now = clock_.Now();
    SecondStepNeeded step{crypto::RandomToken(32), !has_app};
    KB_RETURN_IF_ERROR(uow.Sessions().InsertLoginStep(
        {HashSessionToken(step.step_token), user.id, now, std::string(first_method)}, now - 2 * kStepLifetime));
    auto event = login::Event(now, context, &user, "login_step", domain::AuditOutcome::kAllowed);
    event.object_id = std::string(first_method);  // proven so far; the session's row names the whole method
    if (!acr.empty()) event.object_id += " acr=" + std::string(acr);
    KB_RETURN_IF_ERROR(uow.Audit().Append(event));
    return step;
}

Result<SecondStepNeeded> Authentication::BeginSecondStep(const domain::UserAccount& user, std::string_view first_method,
                                                         const RequestContext& context, std::string_view acr) {
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto current, uow->Users().Find(user.id));
    if (!current || current->disabled) return Error::Unauthenticated("login.failed");
    KB_ASSIGN_OR_RETURN(const auto factor, uow->SecondFactors().Find(user.id));
    KB_ASSIGN_OR_RETURN(auto step,
                        BeginSecondStepIn(*uow, *current, factor && factor->confirmed_at, first_method, context, acr));
    KB_RETURN_IF_ERROR(uow->Commit());
    return step;
}

Result<PendingSecondStep> Authentication::PendingStep(std::string_view step_token) {
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(const auto step, StepOf(*uow, step_token));
    KB_ASSIGN_OR_RETURN(const auto factor, uow->SecondFactors().Find(step.account.id));
    return PendingSecondStep{step.account.username, !(factor && factor->confirmed_at)};
}

Result<Enrolment> Authentication::BeginEnrolment(std::string_view step_token) {
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto step, StepOf(*uow, step_token));
    const domain::UserAccount& account = step.account;
    KB_ASSIGN_OR_RETURN(const auto factor, uow->SecondFactors().Find(account.id));
    // A confirmed app is never replaced from a sign-in that only knows the password.
    if (factor && factor->confirmed_at) return Error::FailedPrecondition("second_factor.already_set_up");
    std::string secret = factor ? factor->secret : totp::NewSecret();
    if (!factor) {
        KB_RETURN_IF_ERROR(uow->SecondFactors().SaveUnconfirmed(account.id, secret));
        KB_RETURN_IF_ERROR(uow->Commit());
    }
    std::string uri = totp::EnrolmentUri(kIssuer, account.username, secret);
    return Enrolment{std::move(secret), std::move(uri)};
}

Result<EnrolmentDone> Authentication::CompleteEnrolment(std::string_view step_token, std::string_view code,
                                                        const RequestContext& context) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(const auto step_found, StepAwaitingCode(step_token, /*app_confirmed=*/false, context));
    const domain::UserAccount& account = step_found.account;
    const std::string& secret = step_found.secret;
    const std::optional<std::int64_t> step = totp::MatchingStep(secret, code, now);
    if (!step) {
        KB_RETURN_IF_ERROR(RecordFailure(account.username, &account, context, "second_factor"));
        return Error::InvalidArgument("second_factor.wrong_code");
    }
    EnrolmentDone done;
    std::vector<std::string> hashes;
    for (int i = 0; i < domain::kRecoveryCodeCount; ++i) {
        done.recovery_codes.push_back(NewRecoveryCode());
        hashes.push_back(RecoveryCodeHash(*domain::NormalizeRecoveryCode(done.recovery_codes.back())));
    }
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_RETURN_IF_ERROR(uow->SecondFactors().Confirm(account.id, now, *step));
    KB_RETURN_IF_ERROR(uow->SecondFactors().ReplaceRecoveryCodes(account.id, hashes));
    domain::AuditEvent enrolled = login::Event(now, context, &account, "enrol", domain::AuditOutcome::kAllowed);
    enrolled.object_type = "second_factor";
    enrolled.object_id = "totp";
    KB_RETURN_IF_ERROR(uow->Audit().Append(enrolled));
    KB_ASSIGN_OR_RETURN(done.login, FinishStep(*uow, step_token, account, step_found.first_method + "+totp", context));
    KB_RETURN_IF_ERROR(uow->Commit());
    return done;
}

Result<LoginSucceeded> Authentication::CompleteWithCode(std::string_view step_token, std::string_view code,
                                                        const RequestContext& context) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(const auto step_found, StepAwaitingCode(step_token, /*app_confirmed=*/true, context));
    const domain::UserAccount& account = step_found.account;
    const std::string& secret = step_found.secret;

    // Whether the code is used up is decided by the write itself (UseStep, UseRecoveryCode), so two
    // servers given the same code at once let only one of them in.
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    bool accepted = false;
    std::string method = step_found.first_method;
    if (LooksLikeAppCode(code)) {
        if (const auto step = totp::MatchingStep(secret, code, now)) {
            KB_ASSIGN_OR_RETURN(accepted, uow->SecondFactors().UseStep(account.id, *step));
        }
        method += "+totp";
    } else if (const auto recovery = domain::NormalizeRecoveryCode(code)) {
        KB_ASSIGN_OR_RETURN(accepted,
                            uow->SecondFactors().UseRecoveryCode(account.id, RecoveryCodeHash(*recovery), now));
        method += "+recovery_code";
    }
    if (!accepted) {
        uow.reset();
        KB_RETURN_IF_ERROR(RecordFailure(account.username, &account, context, "second_factor"));
        return Error::InvalidArgument("second_factor.wrong_code");
    }
    KB_ASSIGN_OR_RETURN(auto success, FinishStep(*uow, step_token, account, method, context));
    KB_RETURN_IF_ERROR(uow->Commit());
    return success;
}

}  // namespace kronobarn::app
