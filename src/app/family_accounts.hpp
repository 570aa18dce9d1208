// The family's logins (issue 5): the coordination holder invites a guardian — or the child, from
// the age set in config — with a one-time activation link shown once; the family member chooses
// a username and a password on that link. The login itself is the same as staff's (Argon2id,
// sessions, throttling). A guardian whose personal number the holder records here signs in with
// Swedish e-ID instead (family_sign_in.hpp), into the same account an invitation made — which is why
// an invitation creates the account and activation only sets how it is proven. The holder also
// records a documented restriction towards a guardian.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/activation_links.hpp"
#include "app/actor.hpp"
#include "common/crypto.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/personal_number.hpp"
#include "store/records/family_records.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

struct FamilyAccountOptions {
    int activation_days = 7;   // how long an activation link works
    int child_login_age = 13;  // from this age the child may have its own login
    crypto::PasswordStrength strength = crypto::PasswordStrength::kModerate;
};

// One member of the child's family as the holder sees it on the child page.
struct FamilyMemberStatus {
    std::optional<domain::GuardianId> guardian_id;  // empty: the child
    std::string name;
    bool restricted = false;
    std::string restriction_reason;
    std::optional<store::FamilyAccount> account;
    bool signs_in_with_eid = false;  // the account was made by an e-ID sign-in (no invitation)
    // A guardian's, when recorded: with it the guardian signs in with e-ID.
    std::optional<domain::PersonalNumber> personal_number;
};

struct FamilyAccessPage {
    std::vector<FamilyMemberStatus> members;  // guardians first, then the child when old enough
    int child_login_age = 13;
};

struct ActivationInfo {
    std::string display_name;
    Timestamp expires_at{};
    // A staff account's username, which its administrator gave: the link sets only the password.
    // Empty for a family account, whose member chooses a username.
    std::string fixed_username;
};

class FamilyAccounts {
  public:
    FamilyAccounts(store::Store& store, const Clock& clock, FamilyAccountOptions options)
        : store_(store), clock_(clock), options_(options) {}

    // kNotFound (audited) unless the actor's unit is the child's coordination holder.
    Result<FamilyAccessPage> Page(const Actor& actor, domain::ChildId child, const RequestContext& context);

    // Invites one guardian (or the child, `guardian` empty) and returns the link's token. A second
    // invitation replaces the first (earlier links stop working) and serves as a password reset.
    // Errors: kNotFound (audited); kInvalidArgument "family.guardian_unknown", "family.child_too_young".
    Result<Invitation> Invite(const Actor& actor, domain::ChildId child, std::optional<domain::GuardianId> guardian,
                              const RequestContext& context);
    // Sends the member an invitation by e-mail to `address` (kept as the account's address, which the
    // person can change): who invites and how to sign in, nothing about the child. Errors as Invite,
    // and kInvalidArgument "family.staff.email_invalid" (field "email"); kFailedPrecondition
    // "family.staff.email_restricted" for a guardian under a documented restriction.
    Status InviteByEmail(const Actor& actor, domain::ChildId child, std::optional<domain::GuardianId> guardian,
                         std::string_view address, const RequestContext& context);

    // Records or lifts a restriction towards a guardian. kInvalidArgument "family.restriction_reason_missing"
    // when restricting without a reason, "family.guardian_unknown".
    Status Restrict(const Actor& actor, domain::ChildId child, domain::GuardianId guardian, bool restricted,
                    const std::string& reason, const RequestContext& context);

    // Errors (kFailedPrecondition): "activation.unknown", "activation.used", "activation.expired".
    // Records a guardian's personal identity number (`text` as typed; empty: forget it), with which
    // the guardian signs in by Swedish e-ID without an invitation link. Errors: kNotFound (audited);
    // kInvalidArgument "family.guardian_unknown", "personal_number.*", "family.staff.eid_is_child";
    // kConflict "family.staff.eid_taken" (the child's other guardian has it).
    Status SetPersonalNumber(const Actor& actor, domain::ChildId child, domain::GuardianId guardian,
                             std::string_view text, const RequestContext& context);

    Result<ActivationInfo> CheckActivation(std::string_view token);

    // Sets the username (a family account's only) and password and uses the link up. Errors: those of CheckActivation;
    // kInvalidArgument "user.username_invalid", "user.password_too_short", "activation.passwords_differ";
    // kConflict "user.username_taken".
    Status Activate(std::string_view token, const std::string& username, const std::string& password,
                    const std::string& password_repeat, const RequestContext& context);

  private:
    struct Invited {
        domain::UserId user_id = 0;
        std::string name;
        bool restricted = false;
    };
    Result<Invited> InvitedMember(store::UnitOfWork& uow, domain::ChildId child,
                                  std::optional<domain::GuardianId> guardian, Timestamp now) const;

    store::Store& store_;
    const Clock& clock_;
    FamilyAccountOptions options_;
};

}  // namespace kronobarn::app
