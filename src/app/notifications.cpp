#include "app/notifications.hpp"

#include <algorithm>
#include <set>

#include "common/crypto.hpp"
#include "domain/plan_fields.hpp"
#include "store/outbox_repository.hpp"
#include "store/plan_repositories.hpp"
#include "store/store.hpp"

namespace kronobarn::app {
namespace {

// Places one message, as `delivery` says; nothing for "off". How many were written (0 or 1).
Result<int> Place(store::UnitOfWork& uow, domain::Notification notification, domain::Delivery delivery,
                  const std::string& reminder_key, Timestamp now) {
    if (delivery == domain::Delivery::kOff || !domain::IsDeliverableAddress(notification.address)) return 0;
    store::OutboxPlacement placement;
    placement.digest = delivery == domain::Delivery::kDailyDigest;
    if (!reminder_key.empty()) {
        // One reminder per recipient: the key names who it is for.
        placement.reminder_key = reminder_key + (notification.recipient_user_id
                                                     ? ":user:" + std::to_string(*notification.recipient_user_id)
                                                     : ":unit:" + std::to_string(*notification.recipient_unit_id));
    }
    // Stable across every attempt: a mail that went out twice after a crash is recognisably one.
    const std::string message_id = "<" + crypto::RandomToken(24) + "@kronobarn>";
    KB_ASSIGN_OR_RETURN(const auto id, uow.Outbox().Add(notification, message_id, now, placement));
    return id ? 1 : 0;
}

domain::Notification Message(const NotificationEvent& event, domain::NotificationKind kind, std::string unit_name) {
    domain::Notification notification;
    notification.kind = kind;
    notification.unit_name = std::move(unit_name);
    notification.on_date = event.on_date;
    notification.link_path = event.link_path;
    notification.meeting = event.meeting;
    return notification;
}

// The name of the unit that keeps the plan (the family's messages come from it).
Result<std::string> KeeperName(store::UnitOfWork& uow, const domain::Plan& plan) {
    KB_ASSIGN_OR_RETURN(auto keeper, uow.Coordination().FindHolder(plan.child_id));
    if (plan.kept_by_unit_id) keeper = plan.kept_by_unit_id;
    if (!keeper) return std::string();
    KB_ASSIGN_OR_RETURN(const auto unit, uow.Organisations().FindUnit(*keeper));
    return unit ? unit->name : std::string();
}

// Staff read Swedish or English (the staff pages' languages).
std::string StaffLanguage(const std::string& preferred) { return preferred == "en" ? "en" : "sv"; }

}  // namespace

Result<int> NotifyUnit(store::UnitOfWork& uow, domain::UnitId unit_id, const NotificationEvent& event, Timestamp now) {
    KB_ASSIGN_OR_RETURN(const auto unit, uow.Organisations().FindUnit(unit_id));
    if (!unit) return 0;
    int written = 0;
    const auto& type = domain::TypeOf(event.kind);
    std::set<std::string> addresses;  // one message per address, however many roles lead to it
    if (domain::IsDeliverableAddress(unit->email)) {
        auto notification = Message(event, event.kind, unit->name);
        notification.recipient_unit_id = unit->id;
        notification.address = unit->email;
        addresses.insert(unit->email);
        KB_ASSIGN_OR_RETURN(const int placed,
                            Place(uow, std::move(notification), type.default_delivery, event.reminder_key, now));
        written += placed;
    }
    KB_ASSIGN_OR_RETURN(const auto staff, uow.Outbox().UnitStaff(unit->id, SwedishDate(now), type.code));
    for (const auto& person : staff) {
        if (!person.role || !domain::TraitsOf(*person.role).acts_for_unit) continue;
        if (!addresses.insert(person.email).second) continue;
        auto notification = Message(event, event.kind, unit->name);
        notification.recipient_user_id = person.user_id;
        notification.address = person.email;
        notification.language = StaffLanguage(person.language);
        KB_ASSIGN_OR_RETURN(const int placed, Place(uow, std::move(notification),
                                                    domain::DeliveryFor(type, person.chosen), event.reminder_key, now));
        written += placed;
    }
    return written;
}

Result<int> NotifyFamily(store::UnitOfWork& uow, domain::ChildId child, const std::string& unit_name,
                         const NotificationEvent& event, Timestamp now) {
    // A family kind as it is, or a staff kind's family counterpart.
    const auto kind = domain::TypeOf(event.kind).audience == domain::Audience::kFamily
                          ? std::optional<domain::NotificationKind>(event.kind)
                          : domain::FamilyKindOf(event.kind);
    if (!kind) return 0;
    int written = 0;
    const auto& type = domain::TypeOf(*kind);
    KB_ASSIGN_OR_RETURN(const auto family, uow.Outbox().Family(child, type.code));
    std::set<std::string> addresses;
    for (const auto& person : family) {
        if (!addresses.insert(person.email).second) continue;
        auto notification = Message(event, *kind, unit_name);
        notification.recipient_user_id = person.user_id;
        notification.address = person.email;
        notification.language = person.language;
        KB_ASSIGN_OR_RETURN(const int placed, Place(uow, std::move(notification),
                                                    domain::DeliveryFor(type, person.chosen), event.reminder_key, now));
        written += placed;
    }
    return written;
}

Status NotifyConsentWithdrawn(store::UnitOfWork& uow, const domain::Consent& consent, Timestamp now) {
    for (const auto unit : consent.unit_ids) {
        KB_RETURN_IF_ERROR(NotifyUnit(uow, unit, {domain::NotificationKind::kConsentWithdrawn, "/start"}, now));
    }
    return Ok();
}

Status NotifyMeetingChange(store::UnitOfWork& uow, const domain::Plan& before, Timestamp now) {
    using domain::NotificationKind;
    KB_ASSIGN_OR_RETURN(const auto after, uow.Plans().Find(before.id));
    if (!after) return Ok();
    const auto& was = before.planned_meeting;
    const auto& is = after->planned_meeting;
    if (!was && !is) return Ok();
    const bool same_meeting = was && is && was->id == is->id;
    const std::string plan_link = "/planer/" + std::to_string(after->id);
    const std::string family_link = "/familj/barn/" + std::to_string(after->child_id);

    // The meeting as it now is (or, called off, as it was) in a calendar.
    const auto event_for = [&](NotificationKind kind, const domain::PlannedMeeting& meeting, int sequence,
                               const std::string& link) {
        NotificationEvent event;
        event.kind = kind;
        event.link_path = link;
        event.on_date = meeting.on;
        event.meeting = domain::MeetingSlot{meeting.id, sequence, meeting.starts_at};
        return event;
    };
    const auto invited = [](const std::optional<domain::PlannedMeeting>& meeting, domain::UnitId unit) {
        return meeting && std::find(meeting->invited_units.begin(), meeting->invited_units.end(), unit) !=
                              meeting->invited_units.end();
    };
    // A cancellation outranks the sequence it cancels; a move raised it already.
    const int cancel_sequence = is && same_meeting ? is->sequence : (was ? was->sequence + 1 : 0);

    if (is) {
        const NotificationKind kind =
            same_meeting ? NotificationKind::kMeetingChanged : NotificationKind::kMeetingInvitation;
        for (const auto unit : is->invited_units) {
            const bool was_invited = same_meeting && invited(was, unit);
            KB_RETURN_IF_ERROR(NotifyUnit(
                uow, unit,
                event_for(was_invited ? kind : NotificationKind::kMeetingInvitation, *is, is->sequence, plan_link),
                now));
        }
    }
    if (was && (!same_meeting || !is)) {
        // Called off (or replaced by another meeting): everyone invited to it hears so.
        for (const auto unit : was->invited_units) {
            KB_RETURN_IF_ERROR(NotifyUnit(
                uow, unit, event_for(NotificationKind::kMeetingCancelled, *was, cancel_sequence, plan_link), now));
        }
    } else if (was && is) {
        for (const auto unit : was->invited_units) {
            if (invited(is, unit)) continue;
            KB_RETURN_IF_ERROR(NotifyUnit(
                uow, unit, event_for(NotificationKind::kMeetingCancelled, *was, cancel_sequence, plan_link), now));
        }
    }

    // The family: invited, moved, or no longer invited / called off.
    const bool family_was = was && was->family_invited;
    const bool family_is = is && is->family_invited;
    if (!family_was && !family_is) return Ok();
    KB_ASSIGN_OR_RETURN(const std::string keeper_name, KeeperName(uow, *after));
    if (family_is) {
        const NotificationKind kind =
            same_meeting && family_was ? NotificationKind::kMeetingChanged : NotificationKind::kMeetingInvitation;
        KB_RETURN_IF_ERROR(
            NotifyFamily(uow, after->child_id, keeper_name, event_for(kind, *is, is->sequence, family_link), now));
    }
    if (family_was && (!family_is || !same_meeting)) {
        KB_RETURN_IF_ERROR(
            NotifyFamily(uow, after->child_id, keeper_name,
                         event_for(NotificationKind::kMeetingCancelled, *was, cancel_sequence, family_link), now));
    }
    return Ok();
}

Status NotifyPlanAgreed(store::UnitOfWork& uow, const domain::Plan& plan, Timestamp now) {
    KB_ASSIGN_OR_RETURN(const std::string keeper_name, KeeperName(uow, plan));
    const std::string link = "/familj/barn/" + std::to_string(plan.child_id);
    KB_RETURN_IF_ERROR(
        NotifyFamily(uow, plan.child_id, keeper_name, {domain::NotificationKind::kFamilyPlanAgreed, link}, now));
    return Ok();
}

Status NotifyPlanChanged(store::UnitOfWork& uow, const domain::Plan& before, const domain::Plan& after, Timestamp now) {
    const auto agreed = [](domain::PlanState state) {
        return state == domain::PlanState::kAgreed || state == domain::PlanState::kActive;
    };
    if (!agreed(before.state) || !domain::GuardianSeesChange(before, after)) return Ok();
    KB_ASSIGN_OR_RETURN(const std::string keeper_name, KeeperName(uow, after));
    NotificationEvent event{domain::NotificationKind::kFamilyPlanChanged,
                            "/familj/barn/" + std::to_string(after.child_id)};
    event.on_date = SwedishDate(now);
    event.reminder_key = "family_plan_changed:" + std::to_string(after.id) + ":" + FormatDate(*event.on_date);
    KB_RETURN_IF_ERROR(NotifyFamily(uow, after.child_id, keeper_name, event, now));
    return Ok();
}

Status NotifyInvitation(store::UnitOfWork& uow, domain::UserId invited, const std::string& address,
                        const std::string& unit_name, Timestamp now) {
    auto notification = Message({domain::NotificationKind::kFamilyInvitation, "/logga-in"},
                                domain::NotificationKind::kFamilyInvitation, unit_name);
    notification.recipient_user_id = invited;
    notification.address = address;
    KB_RETURN_IF_ERROR(Place(uow, std::move(notification), domain::Delivery::kAtOnce, "", now));
    return Ok();
}

}  // namespace kronobarn::app
