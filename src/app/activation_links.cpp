#include "app/activation_links.hpp"

#include "common/crypto.hpp"
#include "store/store.hpp"

namespace kronobarn::app {

Result<Invitation> IssueActivationLink(store::UnitOfWork& uow, domain::UserId user, std::string for_name,
                                       domain::UserId given_by, Timestamp now, int days) {
    KB_RETURN_IF_ERROR(uow.Family().RevokeActivationsOf(user, now));
    Invitation invitation{crypto::RandomToken(32), now + std::chrono::days(days), std::move(for_name)};
    KB_RETURN_IF_ERROR(uow.Family().InsertActivation(
        {crypto::HashHex(invitation.token), user, given_by, now, invitation.expires_at, std::nullopt}));
    return invitation;
}

}  // namespace kronobarn::app
