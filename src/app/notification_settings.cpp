#include "app/notification_settings.hpp"

#include <algorithm>
#include <set>

#include "store/outbox_repository.hpp"
#include "store/store.hpp"

namespace kronobarn::app {
namespace {

domain::Audience AudienceOf(const Actor& actor) {
    return actor.user.IsFamily() ? domain::Audience::kFamily : domain::Audience::kStaff;
}

std::string Trimmed(std::string text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

Result<NotificationSettingsPage> NotificationSettings::Load(const Actor& actor) {
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(const auto chosen, uow->Outbox().PreferencesOf(actor.user.id));
    KB_ASSIGN_OR_RETURN(const auto user, uow->Users().Find(actor.user.id));
    NotificationSettingsPage page;
    page.email = user ? user->email : std::string();
    page.email_editable = actor.user.IsFamily();
    const auto audience = AudienceOf(actor);
    for (const auto& type : domain::NotificationTypes()) {
        if (type.audience != audience) continue;
        const auto found = chosen.find(std::string(type.code));
        page.choices.push_back(
            {&type, domain::DeliveryFor(
                        type, found == chosen.end() ? std::nullopt : std::optional<domain::Delivery>(found->second))});
    }
    return page;
}

Status NotificationSettings::Save(const Actor& actor, const std::map<std::string, std::string>& chosen,
                                  const std::optional<std::string>& email) {
    const auto audience = AudienceOf(actor);
    std::vector<std::pair<std::string, domain::Delivery>> checked;
    for (const auto& [code, delivery_code] : chosen) {
        const auto* type = domain::FindNotificationType(code);
        if (type == nullptr || type->audience != audience) {
            return Error::InvalidArgument("notify.settings.unknown_kind", code);
        }
        const auto delivery = domain::ParseDelivery(delivery_code);
        if (!delivery) return Error::InvalidArgument("notify.settings.unknown_delivery", code);
        if (type->duty && *delivery == domain::Delivery::kOff) {
            return Error::InvalidArgument("notify.settings.duty_not_off", code);
        }
        checked.emplace_back(code, *delivery);
    }
    std::optional<std::string> address;
    if (email && actor.user.IsFamily()) {
        address = Trimmed(*email);
        if (!address->empty() && (!domain::IsPlausibleEmail(*address) || !domain::IsDeliverableAddress(*address))) {
            return Error::InvalidArgument("notify.settings.email_invalid", "email");
        }
    }
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    for (const auto& [code, delivery] : checked) {
        KB_RETURN_IF_ERROR(uow->Outbox().SavePreference(actor.user.id, code, delivery));
    }
    if (address) {
        KB_ASSIGN_OR_RETURN(const auto user, uow->Users().Find(actor.user.id));
        if (!user) return Error::NotFound("user");
        KB_RETURN_IF_ERROR(uow->Users().SetProfile(user->id, user->display_name, *address, user->phone));
    }
    return uow->Commit();
}

Result<std::vector<FailedDelivery>> NotificationSettings::FailedDeliveries(const Actor& actor, int limit) {
    const bool county = actor.user.HasRole(domain::Role::kCountyAdmin);
    const auto* admin = actor.user.AssignmentOf(domain::Role::kSystemAdmin);
    if (!county && admin == nullptr) return Error::PermissionDenied("failed deliveries are for administrators");
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(const auto failed, uow->Outbox().Failed(limit));
    std::vector<FailedDelivery> shown;
    for (const auto& message : failed) {
        const auto& n = message.notification;
        FailedDelivery delivery{message, {}};
        bool own = county;
        if (n.recipient_unit_id) {
            KB_ASSIGN_OR_RETURN(const auto unit, uow->Organisations().FindUnit(*n.recipient_unit_id));
            if (unit) {
                delivery.recipient = unit->name;
                own = own || unit->organisation_id == admin->organisation_id;
            }
        } else if (n.recipient_user_id) {
            KB_ASSIGN_OR_RETURN(const auto user, uow->Users().Find(*n.recipient_user_id));
            // A family's address would tell that a child has a plan: never shown to administrators
            // (staff hold roles; a family account holds none).
            if (user && user->roles.empty()) continue;
            if (user) {
                delivery.recipient = user->display_name;
                own = own || std::any_of(user->roles.begin(), user->roles.end(), [&](const auto& role) {
                          return role.organisation_id == admin->organisation_id;
                      });
            }
        }
        if (own) shown.push_back(std::move(delivery));
    }
    return shown;
}

}  // namespace kronobarn::app
