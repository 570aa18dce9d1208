// "Mina aviseringar": a person's own notification settings (staff and families alike, in their
// language), and the administrators' list of deliveries that failed (address, error, attempts).
#pragma once

#include <string>
#include <vector>

#include "app/notification_settings.hpp"
#include "web/html.hpp"
#include "web/i18n.hpp"
#include "web/views/form_fields.hpp"

namespace kronobarn::web::views {

struct NotificationSettingsState {
    std::string csrf_token;
    std::string action;       // where the form posts
    std::string error_key;    // empty: no error
    std::string error_field;  // the element id the error summary links to
    std::string notice_key;   // "saved"
    TypedValues typed;        // what was sent, kept after an error
    std::string key_prefix;   // "family." on a family's page: its words, in Arabic too
};

Html NotificationSettingsContent(const Translator& t, const app::NotificationSettingsPage& page,
                                 const NotificationSettingsState& state);

Html FailedDeliveriesContent(const Translator& t, const std::vector<app::FailedDelivery>& failed);

}  // namespace kronobarn::web::views
