#include "app/outbox_sender.hpp"

#include "common/log.hpp"
#include "i18n/catalogue.hpp"
#include "store/outbox_repository.hpp"
#include "store/store.hpp"

namespace kronobarn::app {

MailMessage WordedMessage(const OutboxSenderOptions& options, const store::OutboxMessage& message) {
    const auto& n = message.notification;
    const auto& type = domain::TypeOf(n.kind);
    const i18n::Translator t(n.language);
    const std::string date = n.on_date ? t.LongDate(*n.on_date) : std::string();
    const std::string link = options.public_url + n.link_path;
    MailMessage mail;
    mail.from = options.from;
    mail.to = n.address;
    mail.subject = t.Format(type.subject_key, {{"unit", n.unit_name}, {"date", date}});
    mail.text = t.Format(type.body_key, {{"unit", n.unit_name}, {"date", date}, {"link", link}}) + "\n\n-- \n" +
                std::string(t("notify.footer"));
    mail.message_id = message.message_id;
    mail.date = message.created_at;
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
            const auto sent = transport_.Send(WordedMessage(options_, message));
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
