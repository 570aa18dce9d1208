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
    message.message_id = row.Text("message_id");
    message.created_at = FromUnixMillis(row.Int("created_at"));
    message.attempts = static_cast<int>(row.Int("attempts"));
    if (with_state) {
        message.last_error = row.Text("last_error");
        if (const auto sent = row.OptionalInt("sent_at")) message.sent_at = FromUnixMillis(*sent);
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

}  // namespace

Result<std::int64_t> SqlOutboxRepository::Enqueue(const domain::Notification& n, const std::string& message_id,
                                                  Timestamp now) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("outbox_insert"));
    stmt.Bind(1, domain::TypeOf(n.kind).code).Bind(2, n.recipient_user_id).Bind(3, n.recipient_unit_id);
    stmt.Bind(4, n.address).Bind(5, n.language).Bind(6, n.unit_name);
    stmt.BindTextOrNull(7, n.on_date ? std::optional<std::string>(FormatDate(*n.on_date)) : std::nullopt);
    stmt.Bind(8, n.link_path).Bind(9, message_id).Bind(10, ToUnixMillis(now));
    KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
    if (!has_row) return Error::Internal("outbox insert returned no id");
    return stmt.Int("id");
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

}  // namespace kronobarn::store::sql
