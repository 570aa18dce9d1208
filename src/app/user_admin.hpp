// Staff account administration (CLI today; an admin page later). Each change writes an audit row
// with legal basis "administration" so account changes are reviewable like everything else.
#pragma once

#include <string>
#include <vector>

#include "app/actor.hpp"
#include "common/crypto.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

struct NewUser {
    std::string username;
    std::string display_name;
    std::string password;
    std::string unit_name;  // the unit the role is held in
    std::string role;       // role code, e.g. "bvc_nurse"
    std::string email;      // optional here (the administrator's page asks for it)
    std::string phone;      // optional
};

class UserAdmin {
  public:
    UserAdmin(store::Store& store, const Clock& clock, crypto::PasswordStrength strength)
        : store_(store), clock_(clock), strength_(strength) {}

    // Errors (kInvalidArgument): "user.username_invalid", "user.display_name_missing",
    // "user.password_too_short", "user.role_unknown", "user.unit_unknown", "staff.email_invalid",
    // "staff.phone_invalid" (each only when given); kConflict "user.username_taken".
    Result<domain::UserId> Add(const NewUser& request, const RequestContext& context);
    Result<std::vector<domain::UserAccount>> List();
    // Disables the account and ends all its sessions. kNotFound when the username is unknown.
    Status Disable(std::string_view username, const RequestContext& context);
    // Forgets the person's authenticator app and recovery codes (a lost phone): their next sign-in
    // sets up a new one. kNotFound for an unknown username, kFailedPrecondition when none is set up.
    Status ResetSecondFactor(std::string_view username, const RequestContext& context);

  private:
    store::Store& store_;
    const Clock& clock_;
    crypto::PasswordStrength strength_;
};

}  // namespace kronobarn::app
