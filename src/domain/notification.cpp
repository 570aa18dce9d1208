#include "domain/notification.hpp"

#include <algorithm>
#include <array>

namespace kronobarn::domain {
namespace {

constexpr std::array kTypes{
    NotificationType{NotificationKind::kNewSignal, "new_signal", "notify.new_signal.subject", "notify.new_signal.body",
                     true, Delivery::kAtOnce},
    NotificationType{NotificationKind::kHandoverRequest, "handover_request", "notify.handover_request.subject",
                     "notify.handover_request.body", true, Delivery::kAtOnce},
    NotificationType{NotificationKind::kHandoverAnswered, "handover_answered", "notify.handover_answered.subject",
                     "notify.handover_answered.body", true, Delivery::kAtOnce},
};

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
