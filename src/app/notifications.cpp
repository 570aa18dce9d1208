#include "app/notifications.hpp"

#include "common/crypto.hpp"
#include "store/outbox_repository.hpp"
#include "store/store.hpp"

namespace kronobarn::app {

Status NotifyUnit(store::UnitOfWork& uow, domain::NotificationKind kind, domain::UnitId unit_id, std::string link_path,
                  std::optional<Date> on_date, Timestamp now) {
    KB_ASSIGN_OR_RETURN(const auto unit, uow.Organisations().FindUnit(unit_id));
    if (!unit || !domain::IsDeliverableAddress(unit->email)) return Ok();
    domain::Notification notification;
    notification.kind = kind;
    notification.recipient_unit_id = unit->id;
    notification.address = unit->email;
    notification.unit_name = unit->name;
    notification.on_date = on_date;
    notification.link_path = std::move(link_path);
    // Stable across every attempt: a mail that went out twice after a crash is recognisably one.
    const std::string message_id = "<" + crypto::RandomToken(24) + "@kronobarn>";
    KB_RETURN_IF_ERROR(uow.Outbox().Enqueue(notification, message_id, now));
    return Ok();
}

}  // namespace kronobarn::app
