#include "app/daily_digest.hpp"

#include <array>

#include "app/notifications.hpp"
#include "common/crypto.hpp"
#include "common/log.hpp"
#include "store/outbox_repository.hpp"
#include "store/store.hpp"

namespace kronobarn::app {
namespace {

constexpr std::string_view kJob = "notification_digest";

// A kind of reminder: where its items come from, how early it starts, what it opens, and whether an
// item past its date is reminded of once more (an overdue action is; an expired consent is gone).
struct ReminderSource {
    domain::NotificationKind kind;
    std::string_view key;
    int days_ahead;
    std::string_view link_prefix;
    std::string_view link_suffix;
    bool overdue_too;
    Result<std::vector<store::DueItem>> (*items)(store::OutboxRepository&, Date today, Date last_day);
};

constexpr std::array kReminderSources{
    ReminderSource{domain::NotificationKind::kActionDue, "action_due", kReminderDays, "/planer/", "", true,
                   [](store::OutboxRepository& outbox, Date, Date last_day) { return outbox.ActionsDueBy(last_day); }},
    ReminderSource{domain::NotificationKind::kFollowUpDue, "follow_up_due", kReminderDays, "/planer/", "", true,
                   [](store::OutboxRepository& outbox, Date today, Date last_day) {
                       return outbox.FollowUpsDueBy(today, last_day);
                   }},
    ReminderSource{domain::NotificationKind::kConsentExpiring, "consent_expiring", kConsentReminderDays, "/barn/",
                   "/samtycken", false,
                   [](store::OutboxRepository& outbox, Date today, Date last_day) {
                       return outbox.ConsentsExpiringBetween(today, last_day);
                   }},
};

// Today's reminders: one per item, date and stage ("soon", then "overdue"), however often the run
// looks — the outbox keeps each reminder key once.
Result<int> WriteReminders(store::UnitOfWork& uow, Timestamp now) {
    const Date today = SwedishDate(now);
    int written = 0;
    for (const auto& source : kReminderSources) {
        const Date last_day = std::chrono::sys_days{today} + std::chrono::days{source.days_ahead};
        KB_ASSIGN_OR_RETURN(const auto due, source.items(uow.Outbox(), today, last_day));
        for (const auto& item : due) {
            const bool overdue = std::chrono::sys_days{item.due} < std::chrono::sys_days{today};
            if (overdue && !source.overdue_too) continue;
            NotificationEvent event;
            event.kind = source.kind;
            event.link_path =
                std::string(source.link_prefix) + std::to_string(item.page_id) + std::string(source.link_suffix);
            event.on_date = item.due;
            event.reminder_key = std::string(source.key) + ":" + std::to_string(item.item_id) + ":" +
                                 FormatDate(item.due) + (overdue ? ":overdue" : ":soon");
            KB_ASSIGN_OR_RETURN(const int placed, NotifyUnit(uow, item.unit_id, event, now));
            written += placed;
        }
    }
    return written;
}

// One digest per address, listing what waited for it.
Status GatherDigests(store::UnitOfWork& uow, Timestamp now, DigestRun& run) {
    KB_ASSIGN_OR_RETURN(const auto waiting, uow.Outbox().WaitingForDigest());
    for (std::size_t first = 0; first < waiting.size();) {
        std::size_t end = first;
        while (end < waiting.size() && waiting[end].notification.address == waiting[first].notification.address) ++end;
        const auto& head = waiting[first].notification;
        domain::Notification digest;
        digest.kind = domain::NotificationKind::kDigest;
        digest.recipient_user_id = head.recipient_user_id;
        digest.recipient_unit_id = head.recipient_unit_id;
        digest.address = head.address;
        digest.language = head.language;
        digest.unit_name = head.recipient_unit_id ? head.unit_name : std::string();
        digest.on_date = SwedishDate(now);
        digest.link_path = "/start";
        KB_ASSIGN_OR_RETURN(const auto id,
                            uow.Outbox().Enqueue(digest, "<" + crypto::RandomToken(24) + "@kronobarn>", now));
        for (std::size_t i = first; i < end; ++i) KB_RETURN_IF_ERROR(uow.Outbox().AttachToDigest(waiting[i].id, id));
        ++run.digests;
        run.items += static_cast<int>(end - first);
        first = end;
    }
    return Ok();
}

// Reminders, then the digests (today's reminders go in them), committed together.
Result<DigestRun> RunIn(store::UnitOfWork& uow, Timestamp now) {
    DigestRun run;
    run.ran = true;
    KB_ASSIGN_OR_RETURN(run.reminders, WriteReminders(uow, now));
    KB_RETURN_IF_ERROR(GatherDigests(uow, now, run));
    KB_RETURN_IF_ERROR(uow.Commit());
    return run;
}

}  // namespace

Result<DigestRun> DailyDigest::RunIfDue(std::chrono::minutes at) {
    const Timestamp now = clock_.Now();
    const Date today = SwedishDate(now);
    const auto local = SwedishLocalTime(now);
    const auto minutes =
        std::chrono::duration_cast<std::chrono::minutes>(local - std::chrono::floor<std::chrono::days>(local));
    if (today == last_day_seen_ || minutes < at) return DigestRun{};
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const bool claimed, uow->Outbox().ClaimDailyJob(kJob, today));
    last_day_seen_ = today;
    if (!claimed) return DigestRun{};
    KB_ASSIGN_OR_RETURN(const DigestRun run, RunIn(*uow, now));
    log::Info("notification_digest", {{"reminders", std::to_string(run.reminders)},
                                      {"digests", std::to_string(run.digests)},
                                      {"items", std::to_string(run.items)}});
    return run;
}

Result<DigestRun> DailyDigest::Run() {
    const Timestamp now = clock_.Now();
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    return RunIn(*uow, now);
}

}  // namespace kronobarn::app
