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

}  // namespace

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
    return out;
}

}  // namespace kronobarn::domain
