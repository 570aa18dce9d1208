// The audit hash chain rule, shared by every backend: a row's hash is BLAKE2b-256 over the previous
// row's hash followed by the row's canonical form.
#pragma once

#include <string>
#include <string_view>

#include "domain/audit_event.hpp"

namespace kronobarn::store {

std::string ChainedAuditHash(std::string_view previous_hash, const domain::AuditEvent& event);

}  // namespace kronobarn::store
