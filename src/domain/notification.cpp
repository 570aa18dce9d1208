#include "domain/notification.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace kronobarn::domain {
namespace {

using enum NotificationKind;
using enum Audience;

constexpr std::array kTypes{
    NotificationType{kNewSignal, "new_signal", "notify.new_signal.subject", "notify.new_signal.body", true,
                     Delivery::kAtOnce, kStaff, false},
    NotificationType{kHandoverRequest, "handover_request", "notify.handover_request.subject",
                     "notify.handover_request.body", true, Delivery::kAtOnce, kStaff, false},
    NotificationType{kHandoverAnswered, "handover_answered", "notify.handover_answered.subject",
                     "notify.handover_answered.body", true, Delivery::kAtOnce, kStaff, false},
    NotificationType{kMeetingInvitation, "meeting_invitation", "notify.meeting_invitation.subject",
                     "notify.meeting_invitation.body", false, Delivery::kAtOnce, kStaff, true},
    NotificationType{kMeetingChanged, "meeting_changed", "notify.meeting_changed.subject",
                     "notify.meeting_changed.body", false, Delivery::kAtOnce, kStaff, true},
    NotificationType{kMeetingCancelled, "meeting_cancelled", "notify.meeting_cancelled.subject",
                     "notify.meeting_cancelled.body", false, Delivery::kAtOnce, kStaff, true},
    NotificationType{kActionDue, "action_due", "notify.action_due.subject", "notify.action_due.body", true,
                     Delivery::kDailyDigest, kStaff, false},
    NotificationType{kFollowUpDue, "follow_up_due", "notify.follow_up_due.subject", "notify.follow_up_due.body", true,
                     Delivery::kDailyDigest, kStaff, false},
    NotificationType{kConsentExpiring, "consent_expiring", "notify.consent_expiring.subject",
                     "notify.consent_expiring.body", true, Delivery::kDailyDigest, kStaff, false},
    NotificationType{kEmergencyAccess, "emergency_access", "notify.emergency_access.subject",
                     "notify.emergency_access.body", true, Delivery::kAtOnce, kStaff, false},
    NotificationType{kAddedToPlan, "added_to_plan", "notify.added_to_plan.subject", "notify.added_to_plan.body", true,
                     Delivery::kAtOnce, kStaff, false},
    NotificationType{kConsentWithdrawn, "consent_withdrawn", "notify.consent_withdrawn.subject",
                     "notify.consent_withdrawn.body", true, Delivery::kAtOnce, kStaff, false},
    NotificationType{kFamilyMeetingInvitation, "family_meeting_invitation", "family.notify.meeting_invitation.subject",
                     "family.notify.meeting_invitation.body", false, Delivery::kAtOnce, kFamily, true},
    NotificationType{kFamilyMeetingChanged, "family_meeting_changed", "family.notify.meeting_changed.subject",
                     "family.notify.meeting_changed.body", false, Delivery::kAtOnce, kFamily, true},
    NotificationType{kFamilyMeetingCancelled, "family_meeting_cancelled", "family.notify.meeting_cancelled.subject",
                     "family.notify.meeting_cancelled.body", false, Delivery::kAtOnce, kFamily, true},
    NotificationType{kFamilyEmergencyAccess, "family_emergency_access", "family.notify.emergency_access.subject",
                     "family.notify.emergency_access.body", false, Delivery::kAtOnce, kFamily, false},
    NotificationType{kFamilyPlanAgreed, "family_plan_agreed", "family.notify.plan_agreed.subject",
                     "family.notify.plan_agreed.body", false, Delivery::kAtOnce, kFamily, false},
    NotificationType{kFamilyPlanChanged, "family_plan_changed", "family.notify.plan_changed.subject",
                     "family.notify.plan_changed.body", false, Delivery::kAtOnce, kFamily, false},
    // Not a choice: it reaches an address given for it, before the person has chosen anything.
    NotificationType{kFamilyInvitation, "family_invitation", "family.notify.invitation.subject",
                     "family.notify.invitation.body", true, Delivery::kAtOnce, kInternal, false},
    NotificationType{kDigest, "digest", "notify.digest.subject", "notify.digest.body", true, Delivery::kAtOnce,
                     kInternal, false},
};

constexpr std::array<std::pair<Delivery, std::string_view>, 3> kDeliveryCodes{
    {{Delivery::kAtOnce, "at_once"}, {Delivery::kDailyDigest, "daily_digest"}, {Delivery::kOff, "off"}}};

}  // namespace

std::span<const NotificationType> NotificationTypes() { return kTypes; }

const NotificationType& TypeOf(NotificationKind kind) {
    return *std::find_if(kTypes.begin(), kTypes.end(), [&](const NotificationType& t) { return t.kind == kind; });
}

const NotificationType* FindNotificationType(std::string_view code) {
    const auto found =
        std::find_if(kTypes.begin(), kTypes.end(), [&](const NotificationType& t) { return t.code == code; });
    return found == kTypes.end() ? nullptr : &*found;
}

bool InFamilyWords(const NotificationType& type) { return type.audience == kFamily || type.kind == kFamilyInvitation; }

std::optional<NotificationKind> FamilyKindOf(NotificationKind staff_kind) {
    switch (staff_kind) {
        case kMeetingInvitation:
            return kFamilyMeetingInvitation;
        case kMeetingChanged:
            return kFamilyMeetingChanged;
        case kMeetingCancelled:
            return kFamilyMeetingCancelled;
        case kEmergencyAccess:
            return kFamilyEmergencyAccess;
        default:
            return std::nullopt;
    }
}

Delivery DeliveryFor(const NotificationType& type, std::optional<Delivery> chosen) {
    if (!chosen || (type.duty && *chosen == Delivery::kOff)) return type.default_delivery;
    return *chosen;
}

std::string_view Code(Delivery delivery) {
    for (const auto& [value, code] : kDeliveryCodes) {
        if (value == delivery) return code;
    }
    return "at_once";
}

std::optional<Delivery> ParseDelivery(std::string_view code) {
    for (const auto& [value, known] : kDeliveryCodes) {
        if (known == code) return value;
    }
    return std::nullopt;
}

bool IsDeliverableAddress(std::string_view address) {
    if (address.empty() || address.size() > 254) return false;
    const auto at = address.find('@');
    if (at == 0 || at == std::string_view::npos || address.find('@', at + 1) != std::string_view::npos) return false;
    const std::string_view domain = address.substr(at + 1);
    if (domain.size() < 3 || domain.find('.') == std::string_view::npos || domain.front() == '.' ||
        domain.back() == '.') {
        return false;
    }
    // No spaces, controls, angle brackets or commas: nothing that could add a header or a recipient.
    return std::none_of(address.begin(), address.end(), [](unsigned char c) {
        return c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' || c == '\\';
    });
}

std::chrono::seconds RetryDelay(int attempts) {
    const int doublings = std::clamp(attempts - 1, 0, 20);
    const auto delay = std::chrono::seconds(60) * (1LL << std::min(doublings, 9));
    return std::min<std::chrono::seconds>(delay, std::chrono::hours(6));
}

}  // namespace kronobarn::domain
