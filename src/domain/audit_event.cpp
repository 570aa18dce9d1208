#include "domain/audit_event.hpp"

namespace kronobarn::domain {
namespace {

void AppendField(std::string& out, std::string_view value) {
    out.append(std::to_string(value.size())).push_back(':');
    out.append(value).push_back(';');
}

template <typename T>
void AppendOptional(std::string& out, const std::optional<T>& value) {
    AppendField(out, value ? std::to_string(*value) : std::string("-"));
}

// Reads one `length:value;` field from the front of `text`; nothing when it is not one.
std::optional<std::string_view> TakeField(std::string_view& text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 9) return std::nullopt;
    std::size_t length = 0;
    for (const char digit : text.substr(0, colon)) {
        if (digit < '0' || digit > '9') return std::nullopt;
        length = length * 10 + static_cast<std::size_t>(digit - '0');
    }
    const std::size_t end = colon + 1 + length;
    if (end >= text.size() || text[end] != ';') return std::nullopt;
    const std::string_view value = text.substr(colon + 1, length);
    text.remove_prefix(end + 1);
    return value;
}

}  // namespace

void NoteChange(std::vector<AuditChange>& changes, std::string field, std::string before, std::string after) {
    if (before != after) changes.push_back({std::move(field), std::move(before), std::move(after)});
}

std::string EncodeChanges(const std::vector<AuditChange>& changes) {
    std::string out;
    for (const auto& change : changes) {
        AppendField(out, change.field);
        AppendField(out, change.before);
        AppendField(out, change.after);
    }
    return out;
}

std::optional<std::vector<AuditChange>> DecodeChanges(std::string_view encoded) {
    std::vector<AuditChange> changes;
    while (!encoded.empty()) {
        const auto field = TakeField(encoded);
        const auto before = field ? TakeField(encoded) : std::nullopt;
        const auto after = before ? TakeField(encoded) : std::nullopt;
        if (!after) return std::nullopt;
        changes.push_back({std::string(*field), std::string(*before), std::string(*after)});
    }
    return changes;
}

std::string_view Code(AuditOutcome outcome) { return outcome == AuditOutcome::kAllowed ? "allowed" : "denied"; }

std::string CanonicalForm(const AuditEvent& event) {
    std::string out;
    out.reserve(128);
    AppendField(out, std::to_string(ToUnixMillis(event.at)));
    AppendOptional(out, event.user_id);
    AppendField(out, event.role);
    AppendOptional(out, event.unit_id);
    AppendOptional(out, event.organisation_id);
    AppendOptional(out, event.child_id);
    AppendField(out, event.object_type);
    AppendField(out, event.object_id);
    AppendField(out, event.action);
    AppendField(out, event.legal_basis);
    AppendField(out, Code(event.outcome));
    AppendField(out, event.request_id);
    if (!event.changes.empty()) AppendField(out, EncodeChanges(event.changes));
    return out;
}

}  // namespace kronobarn::domain
