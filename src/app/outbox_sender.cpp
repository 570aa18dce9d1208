#include "app/outbox_sender.hpp"

#include "common/log.hpp"
#include "i18n/catalogue.hpp"
#include "store/outbox_repository.hpp"
#include "store/store.hpp"

namespace kronobarn::app {

namespace {

std::string Subject(const i18n::Translator& t, const domain::Notification& n, const std::string& date) {
    return t.Format(domain::TypeOf(n.kind).subject_key, {{"unit", n.unit_name}, {"date", date}});
}

}  // namespace

std::string MeetingUid(const std::string& public_url, std::int64_t planned_meeting_id) {
    std::string host = public_url;
    if (const auto scheme = host.find("://"); scheme != std::string::npos) host.erase(0, scheme + 3);
    host = host.substr(0, host.find_first_of(":/"));
    return "kronobarn-meeting-" + std::to_string(planned_meeting_id) + "@" + (host.empty() ? "kronobarn" : host);
}

MailMessage WordedMessage(const OutboxSenderOptions& options, const store::OutboxMessage& message,
                          const std::vector<store::OutboxMessage>& items) {
    const auto& n = message.notification;
    const auto& type = domain::TypeOf(n.kind);
    const i18n::Translator t(n.language);
    const std::string date = n.on_date ? t.LongDate(*n.on_date) : std::string();
    // A meeting's day and time in the reader's words ("tisdag 12 januari 2027 kl. 13.30").
    const std::string when = n.meeting && n.on_date ? t.MeetingTime(*n.on_date, n.meeting->starts_at) : date;
    const std::string link = options.public_url + n.link_path;
    MailMessage mail;
    mail.from = options.from;
    mail.to = n.address;
    mail.message_id = message.message_id;
    mail.date = message.created_at;
    // A family's digest is in the family's words (and language).
    const bool family = domain::InFamilyWords(type) ||
                        (!items.empty() && domain::InFamilyWords(domain::TypeOf(items[0].notification.kind)));
    const std::string prefix = family ? "family." : "";
    if (n.kind == domain::NotificationKind::kDigest) {
        mail.subject = t.Format(prefix + "notify.digest.subject", {{"date", date}});
        std::string list;
        for (const auto& item : items) {
            const auto& i = item.notification;
            const std::string item_date = i.on_date ? t.LongDate(*i.on_date) : std::string();
            list += "\n- " + Subject(t, i, item_date) + "\n  " + options.public_url + i.link_path + "\n";
        }
        mail.text = t.Format(prefix + "notify.digest.body",
                             {{"unit", n.unit_name}, {"count", std::to_string(items.size())}, {"list", list}});
    } else {
        mail.subject = Subject(t, n, date);
        mail.text = t.Format(type.body_key, {{"unit", n.unit_name}, {"date", date}, {"when", when}, {"link", link}});
    }
    mail.text += "\n\n-- \n" + std::string(t(prefix + "notify.footer"));
    if (type.calendar && n.meeting && n.on_date) {
        CalendarEntry entry;
        entry.uid = MeetingUid(options.public_url, n.meeting->planned_meeting_id);
        entry.sequence = n.meeting->sequence;
        entry.cancelled = n.kind == domain::NotificationKind::kMeetingCancelled ||
                          n.kind == domain::NotificationKind::kFamilyMeetingCancelled;
        entry.on = *n.on_date;
        entry.starts_at = n.meeting->starts_at;
        entry.length = domain::kMeetingLength;
        entry.summary = t(prefix + "notify.calendar.summary");
        entry.description = t.Format(prefix + "notify.calendar.description", {{"link", link}});
        entry.organizer = options.from;
        entry.attendee = n.address;
        mail.calendar = std::move(entry);
    }
    return mail;
}

Result<OutboxRun> OutboxSender::RunOnce() {
    OutboxRun run;
    for (;;) {
        const Timestamp now = clock_.Now();
        std::vector<store::OutboxMessage> due;
        {
            KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
            KB_ASSIGN_OR_RETURN(
                due, uow->Outbox().Claim(now, now + options_.claim_for, options_.batch, domain::kMaxDeliveryAttempts));
            KB_RETURN_IF_ERROR(uow->Commit());
        }
        if (due.empty()) return run;
        for (const auto& message : due) {
            std::vector<store::OutboxMessage> items;
            if (message.notification.kind == domain::NotificationKind::kDigest) {
                KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
                KB_ASSIGN_OR_RETURN(items, uow->Outbox().DigestItems(message.id));
            }
            const auto sent = transport_.Send(WordedMessage(options_, message, items));
            KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
            if (sent) {
                KB_RETURN_IF_ERROR(uow->Outbox().MarkSent(message.id, clock_.Now()));
                ++run.sent;
            } else {
                // A refusal that will not change (5xx) is tried no more; anything else after a wait.
                const bool final = sent.error().code == ErrorCode::kInvalidArgument;
                const int attempts = final ? domain::kMaxDeliveryAttempts : message.attempts + 1;
                const Timestamp next = clock_.Now() + domain::RetryDelay(attempts);
                KB_RETURN_IF_ERROR(uow->Outbox().MarkFailed(message.id, attempts, sent.error().detail, next));
                ++run.failed;
                log::Warn("mail_not_sent", {{"outbox_id", std::to_string(message.id)},
                                            {"attempt", std::to_string(message.attempts + 1)},
                                            {"error", sent.error().detail}});
            }
            KB_RETURN_IF_ERROR(uow->Commit());
        }
    }
}

}  // namespace kronobarn::app
