// The notification outbox on either engine (outbox_claim.sql has a PostgreSQL version of its own).
#include "store/sql/repositories.hpp"

namespace kronobarn::store::sql {
namespace {

// Columns: those of outbox_claim.sql's RETURNING (and more in outbox_list.sql).
Result<OutboxMessage> MessageOf(const Statement& row, bool with_state) {
    OutboxMessage message;
    message.id = row.Int("id");
    const auto* type = domain::FindNotificationType(row.Text("kind"));
    if (type == nullptr) return Error::Internal("outbox: unknown kind " + row.Text("kind"));
    auto& n = message.notification;
    n.kind = type->kind;
    n.recipient_user_id = row.OptionalInt("recipient_user_id");
    n.recipient_unit_id = row.OptionalInt("recipient_unit_id");
    n.address = row.Text("address");
    n.language = row.Text("language");
    n.unit_name = row.Text("unit_name");
    if (!row.IsNull("on_date")) n.on_date = row.Decode("on_date", ParseDate(row.Text("on_date")));
    n.link_path = row.Text("link_path");
    if (const auto meeting = row.OptionalInt("meeting_id")) {
        n.meeting = domain::MeetingSlot{*meeting, static_cast<int>(row.OptionalInt("meeting_sequence").value_or(0)),
                                        std::chrono::minutes(row.OptionalInt("meeting_minute").value_or(0))};
    }
    message.message_id = row.Text("message_id");
    message.created_at = FromUnixMillis(row.Int("created_at"));
    message.attempts = static_cast<int>(row.Int("attempts"));
    if (with_state) {
        message.last_error = row.Text("last_error");
        if (const auto sent = row.OptionalInt("sent_at")) message.sent_at = FromUnixMillis(*sent);
        message.digest = row.Int("digest") != 0;
        message.digest_id = row.OptionalInt("digest_id");
    }
    return message;
}

Result<std::vector<OutboxMessage>> MessagesOf(Statement& stmt, bool with_state) {
    std::vector<OutboxMessage> messages;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) break;
        KB_ASSIGN_OR_RETURN(auto message, MessageOf(stmt, with_state));
        messages.push_back(std::move(message));
    }
    KB_RETURN_IF_ERROR(stmt.Decoded());
    return messages;
}

Result<std::vector<NotificationRecipient>> RecipientsOf(Statement& stmt, bool staff) {
    std::vector<NotificationRecipient> recipients;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) break;
        NotificationRecipient recipient;
        recipient.user_id = stmt.Int("user_id");
        recipient.email = stmt.Text("email");
        recipient.language = stmt.Text("preferred_language");
        if (staff) recipient.role = domain::ParseRole(stmt.Text("role"));
        if (!stmt.IsNull("delivery")) recipient.chosen = domain::ParseDelivery(stmt.Text("delivery"));
        recipients.push_back(std::move(recipient));
    }
    return recipients;
}

// Rows of a reminders' source: item_id, page_id, unit_id, due_on.
Result<std::vector<DueItem>> ReadDueItems(Statement& stmt) {
    std::vector<DueItem> due;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) break;
        due.push_back({stmt.Int("item_id"), stmt.Int("page_id"), stmt.Int("unit_id"),
                       stmt.Decode("due_on", ParseDate(stmt.Text("due_on")))});
    }
    KB_RETURN_IF_ERROR(stmt.Decoded());
    return due;
}

}  // namespace

Result<std::optional<std::int64_t>> SqlOutboxRepository::Add(const domain::Notification& n,
                                                             const std::string& message_id, Timestamp now,
                                                             const OutboxPlacement& placement) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("outbox_insert"));
    stmt.Bind(1, domain::TypeOf(n.kind).code).Bind(2, n.recipient_user_id).Bind(3, n.recipient_unit_id);
    stmt.Bind(4, n.address).Bind(5, n.language).Bind(6, n.unit_name);
    stmt.BindTextOrNull(7, n.on_date ? std::optional<std::string>(FormatDate(*n.on_date)) : std::nullopt);
    stmt.Bind(8, n.link_path).Bind(9, message_id).Bind(10, ToUnixMillis(now));
    std::optional<std::int64_t> meeting_id, sequence, minute;
    if (n.meeting) {
        meeting_id = n.meeting->planned_meeting_id;
        sequence = n.meeting->sequence;
        minute = n.meeting->starts_at.count();
    }
    stmt.Bind(11, meeting_id).Bind(12, sequence).Bind(13, minute).Bind(14, std::int64_t{placement.digest ? 1 : 0});
    stmt.BindTextOrNull(
        15, placement.reminder_key.empty() ? std::nullopt : std::optional<std::string>(placement.reminder_key));
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    if (!has_row) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(stmt.Int("id"));
}

Result<std::vector<OutboxMessage>> SqlOutboxRepository::Claim(Timestamp now, Timestamp claim_until, int limit,
                                                              int max_attempts) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("outbox_claim"));
    stmt.Bind(1, ToUnixMillis(now)).Bind(2, ToUnixMillis(claim_until)).Bind(3, std::int64_t{limit});
    stmt.Bind(4, std::int64_t{max_attempts});
    KB_ASSIGN_OR_RETURN(auto messages, MessagesOf(stmt, false));
    // RETURNING gives no order: the oldest first, as claimed.
    std::sort(messages.begin(), messages.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return messages;
}

Status SqlOutboxRepository::MarkSent(std::int64_t id, Timestamp at) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("outbox_mark_sent"));
    return stmt.Bind(1, id).Bind(2, ToUnixMillis(at)).Run();
}

Status SqlOutboxRepository::MarkFailed(std::int64_t id, int attempts, const std::string& error,
                                       Timestamp next_attempt_at) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("outbox_mark_failed"));
    stmt.Bind(1, id).Bind(2, error.substr(0, 500)).Bind(3, ToUnixMillis(next_attempt_at));
    return stmt.Bind(4, std::int64_t{attempts}).Run();
}

Result<std::vector<OutboxMessage>> SqlOutboxRepository::List() {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("outbox_list"));
    return MessagesOf(stmt, true);
}

Result<std::vector<OutboxMessage>> SqlOutboxRepository::Failed(int limit) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("outbox_failed"));
    stmt.Bind(1, std::int64_t{limit});
    return MessagesOf(stmt, true);
}

Result<std::vector<OutboxMessage>> SqlOutboxRepository::WaitingForDigest() {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("outbox_digest_waiting"));
    return MessagesOf(stmt, true);
}

Status SqlOutboxRepository::AttachToDigest(std::int64_t item, std::int64_t digest) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("outbox_attach_to_digest"));
    return stmt.Bind(1, item).Bind(2, digest).Run();
}

Result<std::vector<OutboxMessage>> SqlOutboxRepository::DigestItems(std::int64_t digest) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("outbox_digest_items"));
    stmt.Bind(1, digest);
    return MessagesOf(stmt, true);
}

Result<bool> SqlOutboxRepository::ClaimDailyJob(std::string_view job, Date day) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("daily_job_claim"));
    stmt.Bind(1, std::string(job)).Bind(2, FormatDate(day));
    return stmt.Step();
}

Result<std::vector<NotificationRecipient>> SqlOutboxRepository::UnitStaff(domain::UnitId unit, Date day,
                                                                          std::string_view kind) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("unit_staff_recipients"));
    stmt.Bind(1, unit).Bind(2, FormatDate(day)).Bind(3, std::string(kind));
    return RecipientsOf(stmt, true);
}

Result<std::vector<NotificationRecipient>> SqlOutboxRepository::Family(domain::ChildId child, std::string_view kind) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("family_recipients"));
    stmt.Bind(1, child).Bind(2, std::string(kind));
    return RecipientsOf(stmt, false);
}

Result<std::map<std::string, domain::Delivery>> SqlOutboxRepository::PreferencesOf(domain::UserId user) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("notification_preferences_of"));
    stmt.Bind(1, user);
    std::map<std::string, domain::Delivery> chosen;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return chosen;
        if (const auto delivery = domain::ParseDelivery(stmt.Text("delivery"))) chosen[stmt.Text("kind")] = *delivery;
    }
}

Status SqlOutboxRepository::SavePreference(domain::UserId user, std::string_view kind, domain::Delivery delivery) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("notification_preference_save"));
    return stmt.Bind(1, user).Bind(2, std::string(kind)).Bind(3, std::string(domain::Code(delivery))).Run();
}

Result<std::vector<DueItem>> SqlOutboxRepository::ActionsDueBy(Date last_day) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_actions_due_by"));
    stmt.Bind(1, FormatDate(last_day));
    return ReadDueItems(stmt);
}

Result<std::vector<DueItem>> SqlOutboxRepository::FollowUpsDueBy(Date today, Date last_day) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("plan_follow_ups_due_by"));
    stmt.Bind(1, FormatDate(last_day)).Bind(2, FormatDate(today));
    return ReadDueItems(stmt);
}

Result<std::vector<DueItem>> SqlOutboxRepository::ConsentsExpiringBetween(Date first_day, Date last_day) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("consents_expiring_between"));
    stmt.Bind(1, FormatDate(first_day));
    stmt.Bind(2, FormatDate(last_day));
    return ReadDueItems(stmt);
}

}  // namespace kronobarn::store::sql
