#include "app/family_accounts.hpp"
#include "store/store.hpp"

#include <algorithm>

#include "app/child_access.hpp"
#include "app/child_context.hpp"
#include "app/family_sign_in.hpp"
#include "app/notifications.hpp"
#include "common/crypto.hpp"
#include "common/text.hpp"
#include "domain/coordination.hpp"
#include "domain/notification.hpp"

namespace kronobarn::app {
namespace {

AccessRequest FamilyAccessRequest(domain::ChildId child, std::string audit_action) {
    AccessRequest request{
        domain::AccessAction::kManageFamilyAccess, {}, "family_access", std::to_string(child), std::move(audit_action)};
    request.target.child_id = child;
    return request;
}

// A write unit of work in which the actor may manage the child's family access for `audit_action`,
// with the child's relations loaded (`target`); a refusal commits its denied audit row and is returned.
Result<std::unique_ptr<store::UnitOfWork>> AuthorizedFamilyWrite(store::Store& store, const Actor& actor,
                                                                 domain::ChildId child, std::string audit_action,
                                                                 const RequestContext& context, Timestamp now,
                                                                 domain::AccessTarget* target = nullptr) {
    KB_ASSIGN_OR_RETURN(auto uow, store.Begin(store::TransactionMode::kWrite));
    auto request = FamilyAccessRequest(child, std::move(audit_action));
    KB_RETURN_IF_ERROR(LoadChildRelations(*uow, request.target, now));
    if (auto allowed = Authorize(*uow, actor, request, context, now); !allowed) {
        KB_RETURN_IF_ERROR(uow->Commit());  // keep the denied row
        return allowed.error();
    }
    if (target != nullptr) *target = std::move(request.target);
    return uow;
}

std::string FullName(const domain::Guardian& guardian) { return guardian.given_name + " " + guardian.family_name; }

bool OldEnoughForOwnLogin(const domain::Child& child, Date today, int login_age) {
    return domain::AgeInYears(child.personal_number.BirthDate(), today) >= login_age;
}

}  // namespace

Result<FamilyAccessPage> FamilyAccounts::Page(const Actor& actor, domain::ChildId child_id,
                                              const RequestContext& context) {
    const Timestamp now = clock_.Now();
    AuditedRead reads(store_, actor, context, now);
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    auto request = FamilyAccessRequest(child_id, "read");
    KB_RETURN_IF_ERROR(LoadChildRelations(*uow, request.target, now));
    if (auto allowed = reads.Authorize(request); !allowed) {
        uow.reset();
        KB_RETURN_IF_ERROR(reads.Flush());
        return allowed.error();
    }
    KB_ASSIGN_OR_RETURN(const auto child, uow->Children().Find(child_id));
    KB_ASSIGN_OR_RETURN(const auto guardians, uow->Children().GuardiansOf(child_id));
    KB_ASSIGN_OR_RETURN(const auto accounts, uow->Family().AccountsOfChild(child_id));
    FamilyAccessPage page;
    page.child_login_age = options_.child_login_age;
    const auto account_of = [&](std::optional<domain::GuardianId> guardian) -> std::optional<store::FamilyAccount> {
        for (const auto& account : accounts) {
            if (account.guardian_id == guardian) return account;
        }
        return std::nullopt;
    };
    for (const auto& guardian : guardians) {
        page.members.push_back({guardian.id, FullName(guardian), guardian.access_restricted,
                                guardian.restriction_reason, account_of(guardian.id), false, guardian.personal_number});
    }
    if (child && OldEnoughForOwnLogin(*child, DayOf(now), options_.child_login_age)) {
        page.members.push_back({std::nullopt, child->given_name, false, "", account_of(std::nullopt)});
    }
    for (auto& member : page.members) {
        member.signs_in_with_eid = member.account && member.account->username.starts_with(kEidUsernamePrefix);
    }
    uow.reset();
    KB_RETURN_IF_ERROR(reads.Flush());
    return page;
}

// The invited member's account (made when missing: it cannot sign in until activated or proven by
// e-ID) and name, after checking the member is the child's: a guardian, or the child old enough.
Result<FamilyAccounts::Invited> FamilyAccounts::InvitedMember(store::UnitOfWork& uow, domain::ChildId child_id,
                                                              std::optional<domain::GuardianId> guardian_id,
                                                              Timestamp now) const {
    KB_ASSIGN_OR_RETURN(const auto child, uow.Children().Find(child_id));
    if (!child) return Error::NotFound("child");
    Invited invited;
    if (guardian_id) {
        KB_ASSIGN_OR_RETURN(const auto guardians, uow.Children().GuardiansOf(child_id));
        const auto found = std::find_if(guardians.begin(), guardians.end(),
                                        [&](const domain::Guardian& g) { return g.id == *guardian_id; });
        if (found == guardians.end()) return Error::InvalidArgument("family.guardian_unknown");
        invited.name = FullName(*found);
        invited.restricted = found->access_restricted;
    } else {
        if (!OldEnoughForOwnLogin(*child, DayOf(now), options_.child_login_age)) {
            return Error::InvalidArgument("family.child_too_young");
        }
        invited.name = child->given_name;
    }
    KB_ASSIGN_OR_RETURN(const auto accounts, uow.Family().AccountsOfChild(child_id));
    for (const auto& account : accounts) {
        if (account.guardian_id == guardian_id) invited.user_id = account.user_id;
    }
    if (invited.user_id == 0) {
        domain::UserAccount account;
        account.username = "inbjudan-" + crypto::RandomToken(9);
        account.display_name = invited.name;
        KB_ASSIGN_OR_RETURN(invited.user_id, uow.Users().Insert(account, ""));
        KB_RETURN_IF_ERROR(uow.Family().InsertLink(invited.user_id, {child_id, guardian_id, ""}));
    }
    return invited;
}

Result<Invitation> FamilyAccounts::Invite(const Actor& actor, domain::ChildId child_id,
                                          std::optional<domain::GuardianId> guardian_id,
                                          const RequestContext& context) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, AuthorizedFamilyWrite(store_, actor, child_id, "invite", context, now));
    KB_ASSIGN_OR_RETURN(const Invited invited, InvitedMember(*uow, child_id, guardian_id, now));
    KB_ASSIGN_OR_RETURN(auto invitation, IssueActivationLink(*uow, invited.user_id, invited.name, actor.user.id, now,
                                                             options_.activation_days));
    KB_RETURN_IF_ERROR(uow->Commit());
    return invitation;
}

Status FamilyAccounts::InviteByEmail(const Actor& actor, domain::ChildId child_id,
                                     std::optional<domain::GuardianId> guardian_id, std::string_view address_typed,
                                     const RequestContext& context) {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, AuthorizedFamilyWrite(store_, actor, child_id, "invite_by_email", context, now));
    const std::string address = Trimmed(address_typed);
    if (!domain::IsPlausibleEmail(address) || !domain::IsDeliverableAddress(address)) {
        return Error::InvalidFields({{"email", "family.staff.email_invalid"}});
    }
    KB_ASSIGN_OR_RETURN(const Invited invited, InvitedMember(*uow, child_id, guardian_id, now));
    // A guardian the child is protected from hears nothing from Kronobarn.
    if (invited.restricted) return Error::FailedPrecondition("family.staff.email_restricted");
    KB_ASSIGN_OR_RETURN(const auto account, uow->Users().Find(invited.user_id));
    if (!account) return Error::NotFound("user");
    KB_RETURN_IF_ERROR(uow->Users().SetProfile(account->id, account->display_name, address, account->phone));
    KB_ASSIGN_OR_RETURN(const auto holder, uow->Coordination().FindHolder(child_id));
    std::string unit_name;
    if (holder) {
        KB_ASSIGN_OR_RETURN(const auto unit, uow->Organisations().FindUnit(*holder));
        if (unit) unit_name = unit->name;
    }
    KB_RETURN_IF_ERROR(NotifyInvitation(*uow, account->id, address, unit_name, now));
    return uow->Commit();
}

Status FamilyAccounts::Restrict(const Actor& actor, domain::ChildId child_id, domain::GuardianId guardian_id,
                                bool restricted, const std::string& reason, const RequestContext& context) {
    const Timestamp now = clock_.Now();
    domain::AccessTarget target;
    KB_ASSIGN_OR_RETURN(
        auto uow, AuthorizedFamilyWrite(store_, actor, child_id, restricted ? "restrict_guardian" : "lift_restriction",
                                        context, now, &target));
    const auto& ids = target.guardian_ids;
    if (std::find(ids.begin(), ids.end(), guardian_id) == ids.end()) {
        return Error::InvalidArgument("family.guardian_unknown");
    }
    const bool blank = std::all_of(reason.begin(), reason.end(), [](unsigned char c) { return std::isspace(c); });
    if (restricted && blank) return Error::InvalidArgument("family.restriction_reason_missing");
    if (reason.size() > 2000) return Error::InvalidArgument("family.restriction_reason_too_long");
    KB_RETURN_IF_ERROR(uow->Family().SetGuardianRestriction(guardian_id, restricted, restricted ? reason : ""));
    return uow->Commit();
}

Status FamilyAccounts::SetPersonalNumber(const Actor& actor, domain::ChildId child_id, domain::GuardianId guardian_id,
                                         std::string_view text, const RequestContext& context) {
    const Timestamp now = clock_.Now();
    std::optional<domain::PersonalNumber> number;
    const bool blank = std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); });
    if (!blank) {
        auto parsed = domain::PersonalNumber::Parse(text, DayOf(now));
        if (!parsed) return Error::InvalidFields({{"personal_number", parsed.error().message_key}});
        number = std::move(*parsed);
    }
    KB_ASSIGN_OR_RETURN(auto uow,
                        AuthorizedFamilyWrite(store_, actor, child_id, "record_personal_number", context, now));
    KB_ASSIGN_OR_RETURN(const auto guardians, uow->Children().GuardiansOf(child_id));
    const auto found = std::find_if(guardians.begin(), guardians.end(),
                                    [&](const domain::Guardian& g) { return g.id == guardian_id; });
    if (found == guardians.end()) return Error::InvalidArgument("family.guardian_unknown");
    if (number) {
        KB_ASSIGN_OR_RETURN(const auto child, uow->Children().Find(child_id));
        if (child && child->personal_number == *number) {
            return Error::InvalidFields({{"personal_number", "family.staff.eid_is_child"}});
        }
        // Checked here, not left to the unique index: PostgreSQL would end the transaction.
        for (const auto& other : guardians) {
            if (other.id != guardian_id && other.personal_number == number) {
                return Error::ConflictOn("personal_number", "family.staff.eid_taken");
            }
        }
    }
    KB_RETURN_IF_ERROR(uow->Family().SetGuardianPersonalNumber(guardian_id, number));
    return uow->Commit();
}

Result<ActivationInfo> FamilyAccounts::CheckActivation(std::string_view token) {
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(const auto activation, uow->Family().FindActivation(crypto::HashHex(token)));
    if (!activation) return Error::FailedPrecondition("activation.unknown");
    if (activation->used_at) return Error::FailedPrecondition("activation.used");
    if (clock_.Now() >= activation->expires_at) return Error::FailedPrecondition("activation.expired");
    KB_ASSIGN_OR_RETURN(const auto user, uow->Users().Find(activation->user_id));
    if (!user) return Error::FailedPrecondition("activation.unknown");
    return ActivationInfo{user->display_name, activation->expires_at, user->roles.empty() ? "" : user->username};
}

Status FamilyAccounts::Activate(std::string_view token, const std::string& typed_username, const std::string& password,
                                const std::string& password_repeat, const RequestContext& context) {
    KB_ASSIGN_OR_RETURN(const auto info, CheckActivation(token));
    const bool staff = !info.fixed_username.empty();
    const std::string username = staff ? info.fixed_username : domain::NormalizeUsername(typed_username);
    // Every field at once: a person corrects them all in one go.
    std::vector<FieldError> problems;
    if (!domain::IsValidUsername(username)) problems.push_back({"username", "user.username_invalid"});
    if (!domain::IsAcceptablePassword(password)) problems.push_back({"password", "user.password_too_short"});
    if (password != password_repeat) problems.push_back({"password_repeat", "activation.passwords_differ"});
    if (!problems.empty()) return Error::InvalidFields(std::move(problems));
    KB_ASSIGN_OR_RETURN(const std::string password_hash, crypto::HashPassword(password, options_.strength));

    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    const std::string token_hash = crypto::HashHex(token);
    KB_ASSIGN_OR_RETURN(const auto activation, uow->Family().FindActivation(token_hash));
    if (!activation) return Error::FailedPrecondition("activation.unknown");
    // Checked again inside the transaction: two tabs submitting the same link race here.
    if (activation->used_at) return Error::FailedPrecondition("activation.used");
    if (now >= activation->expires_at) return Error::FailedPrecondition("activation.expired");
    KB_RETURN_IF_ERROR(uow->Family().UseActivation(token_hash, now));
    KB_RETURN_IF_ERROR(uow->Users().SetUsername(activation->user_id, username));
    KB_RETURN_IF_ERROR(uow->Users().SetPasswordHash(activation->user_id, password_hash));
    KB_RETURN_IF_ERROR(uow->Sessions().DeleteAllOf(activation->user_id));
    domain::AuditEvent event;
    event.at = now;
    event.user_id = activation->user_id;
    event.role = staff ? "staff" : "family";
    event.object_type = "account";
    event.object_id = std::to_string(activation->user_id);
    event.action = "activate";
    event.legal_basis = "own_account";
    event.outcome = domain::AuditOutcome::kAllowed;
    event.request_id = context.request_id;
    KB_RETURN_IF_ERROR(uow->Audit().Append(event));
    return uow->Commit();
}

}  // namespace kronobarn::app
