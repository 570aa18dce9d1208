#include "app/family_sign_in.hpp"

#include <algorithm>

#include "common/crypto.hpp"
#include "domain/family_sign_in.hpp"
#include "store/store.hpp"

namespace kronobarn::app {
namespace {

domain::AuditEvent FamilyEvent(Timestamp now, domain::UserId user, const RequestContext& context) {
    domain::AuditEvent event;
    event.at = now;
    event.user_id = user;
    event.role = "family";
    event.outcome = domain::AuditOutcome::kAllowed;
    event.request_id = context.request_id;
    return event;
}

// What happened to the family account itself ("create_by_eid", "invitation_completed_by_eid").
domain::AuditEvent AccountEvent(Timestamp now, domain::UserId user, std::string action, const RequestContext& context) {
    auto event = FamilyEvent(now, user, context);
    event.object_type = "account";
    event.object_id = std::to_string(user);
    event.action = std::move(action);
    event.legal_basis = "own_account";
    return event;
}

// Never typed: no password is ever set on it.
std::string EidUsername() { return std::string(kEidUsernamePrefix) + crypto::RandomToken(9); }

// The name the family's pages greet the person by: as the child's record has it.
Result<std::string> RecordedName(store::UnitOfWork& uow, const domain::FamilyLink& link) {
    if (link.IsChildSelf()) {
        KB_ASSIGN_OR_RETURN(const auto child, uow.Children().Find(link.child_id));
        return child ? child->given_name + " " + child->family_name : std::string();
    }
    KB_ASSIGN_OR_RETURN(const auto guardians, uow.Children().GuardiansOf(link.child_id));
    for (const auto& guardian : guardians) {
        if (guardian.id == *link.guardian_id) return guardian.given_name + " " + guardian.family_name;
    }
    return std::string();
}

}  // namespace

Result<domain::UserAccount> FamilyAccountForEid(store::Store& store, const domain::PersonalNumber& number,
                                                Timestamp now, int child_login_age, const RequestContext& context) {
    KB_ASSIGN_OR_RETURN(auto uow, store.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto as_guardian, uow->Family().GuardianRecordsOf(number));
    std::optional<domain::OwnChildRecord> own;
    KB_ASSIGN_OR_RETURN(const auto own_record, uow->Children().FindByPersonalNumber(number.Normalised()));
    if (own_record) own = domain::OwnChildRecord{own_record->id, own_record->personal_number.BirthDate()};
    const auto links = domain::EidFamilyLinks(as_guardian, own, SwedishDate(now), child_login_age);
    if (links.empty()) return Error::NotFound("family.nothing_to_open");

    // Whose account each link has today, if any.
    std::vector<std::pair<domain::FamilyLink, std::optional<store::FamilyAccount>>> held;
    for (const auto& link : links) {
        KB_ASSIGN_OR_RETURN(const auto accounts, uow->Family().AccountsOfChild(link.child_id));
        const auto found = std::find_if(accounts.begin(), accounts.end(), [&](const store::FamilyAccount& a) {
            return a.guardian_id == link.guardian_id;
        });
        held.emplace_back(link, found == accounts.end() ? std::nullopt : std::optional(*found));
    }
    std::optional<domain::UserId> user_id;
    for (const auto& [link, account] : held) {
        if (!account) continue;
        user_id = account->user_id;
        if (!account->activated && !account->username.starts_with(kEidUsernamePrefix)) {
            // An invitation not yet used: e-ID has proven the person, so the link is no longer needed.
            KB_RETURN_IF_ERROR(uow->Users().SetUsername(*user_id, EidUsername()));
            KB_RETURN_IF_ERROR(uow->Family().RevokeActivationsOf(*user_id, now));
            KB_RETURN_IF_ERROR(
                uow->Audit().Append(AccountEvent(now, *user_id, "invitation_completed_by_eid", context)));
        }
        break;
    }
    if (!user_id) {
        domain::UserAccount account;
        account.username = EidUsername();
        KB_ASSIGN_OR_RETURN(account.display_name, RecordedName(*uow, links.front()));
        KB_ASSIGN_OR_RETURN(user_id, uow->Users().Insert(account, ""));
        KB_RETURN_IF_ERROR(uow->Audit().Append(AccountEvent(now, *user_id, "create_by_eid", context)));
    }
    for (const auto& [link, account] : held) {
        if (account) continue;
        KB_RETURN_IF_ERROR(uow->Family().InsertLink(*user_id, link));
        auto linked = FamilyEvent(now, *user_id, context);
        linked.child_id = link.child_id;
        linked.object_type = "family_access";
        linked.object_id = std::to_string(link.child_id);
        linked.action = "link_by_eid";
        linked.legal_basis =
            domain::Code(link.IsChildSelf() ? domain::LegalBasis::kChildSelf : domain::LegalBasis::kGuardian);
        KB_RETURN_IF_ERROR(uow->Audit().Append(linked));
    }
    KB_ASSIGN_OR_RETURN(const auto account, uow->Users().Find(*user_id));
    KB_RETURN_IF_ERROR(uow->Commit());
    if (!account) return Error::Internal("family account vanished");
    return *account;
}

}  // namespace kronobarn::app
