#include "store/audit_chain.hpp"

#include "common/crypto.hpp"

namespace kronobarn::store {

std::string ChainedAuditHash(std::string_view previous_hash, const domain::AuditEvent& event) {
    std::string input(previous_hash);
    input.push_back('|');
    input.append(domain::CanonicalForm(event));
    return crypto::HashHex(input);
}

}  // namespace kronobarn::store
