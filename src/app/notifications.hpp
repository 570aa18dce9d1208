// Writing notifications into the outbox, inside the transaction of the event that causes them (so
// an event that rolls back sends nothing, and one that commits cannot lose its mail). Who hears of
// an event at a unit: its functional mailbox (the catalogue's default delivery) and the staff whose
// role acts for the unit (each as they chose: at once, in the daily digest, or — for what is not a
// duty — not at all). Internal to app.
#pragma once

#include <optional>
#include <string>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/consent.hpp"
#include "domain/notification.hpp"
#include "domain/plan.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

// What an event tells: its kind and the safe fields (the unit is the one the event happens at).
struct NotificationEvent {
    domain::NotificationKind kind = domain::NotificationKind::kNewSignal;
    std::string link_path;
    std::optional<Date> on_date;
    std::optional<domain::MeetingSlot> meeting;
    // A reminder is written once per recipient for this key (e.g. "action_due:12:2027-03-01:soon").
    std::string reminder_key;
};

// To a unit: its mailbox and the staff acting for it. Addresses no mail server could take are
// skipped (an administrator fixes them); the event itself goes ahead. How many messages were written.
Result<int> NotifyUnit(store::UnitOfWork& uow, domain::UnitId unit, const NotificationEvent& event, Timestamp now);

// To a child's family accounts that have an e-mail address, in the family's words (a family kind,
// or a staff kind's family counterpart, domain::FamilyKindOf); `unit_name` is the unit that sends it.
Result<int> NotifyFamily(store::UnitOfWork& uow, domain::ChildId child, const std::string& unit_name,
                         const NotificationEvent& event, Timestamp now);

// After a plan's planned meeting was planned, moved or called off (the plan as it was `before`; the
// saved one is read back for the meeting's id): a calendar invitation, change or cancellation to
// each invited unit, and to the family when it is invited. A unit or family no longer invited
// after a move gets the cancellation.
Status NotifyMeetingChange(store::UnitOfWork& uow, const domain::Plan& before, Timestamp now);

// A withdrawn consent: every unit it covered hears that it lost access (the link is the start page).
Status NotifyConsentWithdrawn(store::UnitOfWork& uow, const domain::Consent& consent, Timestamp now);

// The plan agreed: the family is told it can read it (from the unit that keeps it).
Status NotifyPlanAgreed(store::UnitOfWork& uow, const domain::Plan& plan, Timestamp now);

// An agreed or active plan changed in something a guardian reads: the family is told, at most once a
// day per plan (the planned meeting's changes have messages of their own).
Status NotifyPlanChanged(store::UnitOfWork& uow, const domain::Plan& before, const domain::Plan& after, Timestamp now);

// A guardian (or the child) invited to sign in, at the address the inviting unit was given: before
// the person has an account to choose anything, so it goes at once, in Swedish.
Status NotifyInvitation(store::UnitOfWork& uow, domain::UserId invited, const std::string& address,
                        const std::string& unit_name, Timestamp now);

}  // namespace kronobarn::app
