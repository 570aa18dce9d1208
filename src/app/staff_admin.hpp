// An organisation's system administrator and that organisation's staff: who works there, in which
// unit and role, and closing an account at once when someone leaves (every session of it ends
// with it) or opening it again. Only the administrator's own organisation: any other account is
// "not found". No child data, yet every change is audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/activation_links.hpp"
#include "app/actor.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/organisation.hpp"
#include "domain/user_account.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

struct StaffRole {
    domain::UnitId unit_id = 0;
    domain::Role role = domain::Role::kTeacher;
    std::string unit_name;
    std::optional<Date> from;  // the period it is held, when given
    std::optional<Date> to;
};

struct StaffMember {
    domain::UserAccount account;
    std::vector<StaffRole> roles;  // its roles in the administrator's organisation, by unit
    bool is_me = false;            // the administrator's own account (which it cannot close)
    bool has_app = false;          // an authenticator app is set up (a reset is offered)
};

struct StaffUnit {
    domain::UnitId id = 0;
    std::string name;
};

struct StaffPage {
    std::string organisation_name;
    std::vector<StaffMember> staff;         // by name
    std::vector<StaffUnit> units;           // the organisation's open units, by name: where a role is held
    std::vector<domain::Role> roles_given;  // the roles an organisation's administrator gives
};

// A new staff account: who it is, how to reach them, and the first role in one of the
// organisation's units. The password is the person's own, set through an activation link.
struct NewStaffInput {
    std::string display_name;
    std::string username;
    std::string email;
    std::string phone;  // optional
    domain::UnitId unit_id = 0;
    std::optional<domain::Role> role;  // empty: a code the form did not know
};

// One role in one unit, given or taken back; given, optionally for a period (typed days, empty
// for open ends).
struct RoleChange {
    domain::UserId user = 0;
    domain::UnitId unit = 0;
    std::optional<domain::Role> role;
    std::string from;
    std::string to;
};

// The new account's own fields (name, username, e-mail, phone) normalised onto `account`, and
// every one in error; the unit and role are the caller's to check.
std::vector<FieldError> CheckNewAccount(const NewStaffInput& input, domain::UserAccount& account);

class StaffAdmin {
  public:
    StaffAdmin(store::Store& store, const Clock& clock, int activation_days = 7)
        : store_(store), clock_(clock), activation_days_(activation_days) {}

    // kPermissionDenied unless the actor is a system administrator of an organisation.
    Result<StaffPage> Staff(const Actor& actor);
    // Creates the account with its first role and returns its activation link. Errors: kInvalidArgument
    // with every field in error ("staff.name_missing", "staff.name_too_long", "user.username_invalid",
    // "staff.email_invalid", "staff.phone_invalid", "staff.unit_unknown", "staff.role_unknown");
    // kConflict "user.username_taken".
    Result<Invitation> Create(const Actor& actor, const NewStaffInput& input, const RequestContext& context);
    // A fresh activation link (a forgotten password): earlier links stop working. kNotFound for an
    // account of another organisation; kFailedPrecondition "staff.account_closed".
    Result<Invitation> NewActivationLink(const Actor& actor, domain::UserId user, const RequestContext& context);
    // Errors: kNotFound (the account); kInvalidArgument "staff.unit_unknown", "staff.role_unknown",
    // "staff.date_invalid" (on valid_from or valid_to), "staff.period_reversed"; kConflict
    // "staff.role_exists".
    Status AddRole(const Actor& actor, const RoleChange& change, const RequestContext& context);
    // Errors: kNotFound (the account, or a role it does not hold); kFailedPrecondition
    // "staff.cannot_remove_own_admin", "staff.last_role" (close the account instead).
    Status RemoveRole(const Actor& actor, const RoleChange& change, const RequestContext& context);
    // Closes (`open` false) or opens an account of the administrator's organisation. Closing ends
    // every session of it in the same transaction. kNotFound for an account of another organisation
    // (or none); kFailedPrecondition "staff.cannot_close_self".
    // Forgets the person's authenticator app and recovery codes (a lost phone); their sessions end
    // and their next sign-in sets up a new one. kNotFound outside the organisation,
    // kFailedPrecondition "second_factor.none" when none is set up.
    Status ResetSecondFactor(const Actor& actor, domain::UserId user, const RequestContext& context);
    Status SetOpen(const Actor& actor, domain::UserId user, bool open, const RequestContext& context);

  private:
    store::Store& store_;
    const Clock& clock_;
    int activation_days_;
};

}  // namespace kronobarn::app
