// Each person's own notification settings (issue 25): per kind of event meant for them, at once,
// in the daily digest, or off — off only for what is not a duty; a family account also gives the
// address it is told at (staff addresses are the administrator's, or the identity management's).
// And the failed deliveries an administrator looks into: address, error, attempts — a message has
// no content to show.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/notification.hpp"
#include "store/records/forward.hpp"
#include "store/records/outbox_records.hpp"

namespace kronobarn::app {

struct NotificationChoice {
    const domain::NotificationType* type = nullptr;
    domain::Delivery delivery = domain::Delivery::kAtOnce;  // as it now reaches the person
};

struct NotificationSettingsPage {
    std::string email;            // where the messages go; empty: nowhere yet
    bool email_editable = false;  // a family account gives its own
    std::vector<NotificationChoice> choices;
};

struct FailedDelivery {
    store::OutboxMessage message;
    std::string recipient;  // the unit's or the person's name
};

class NotificationSettings {
  public:
    NotificationSettings(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

    Result<NotificationSettingsPage> Load(const Actor& actor);
    // `chosen`: kind code → delivery code, as the form sent them; `email` for a family account.
    // Nothing is saved unless all of it is valid. kInvalidArgument: "notify.settings.unknown_kind"
    // (a kind not meant for this person), "notify.settings.unknown_delivery",
    // "notify.settings.duty_not_off" (the error's detail: the kind's code), "notify.settings.email_invalid".
    Status Save(const Actor& actor, const std::map<std::string, std::string>& chosen,
                const std::optional<std::string>& email);

    // The newest failed deliveries an administrator may see: the county administrator every one,
    // an organisation's system administrator those to its units and staff. Never one to a family
    // (its address would tell that a child has a plan). kPermissionDenied for anyone else.
    Result<std::vector<FailedDelivery>> FailedDeliveries(const Actor& actor, int limit = 200);

  private:
    store::Store& store_;
    const Clock& clock_;
};

}  // namespace kronobarn::app
