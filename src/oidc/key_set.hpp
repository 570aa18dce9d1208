// A provider's signing keys (its JWKS document, RFC 7517), imported by cjose. Only keys for
// signatures with asymmetric algorithms are kept: a shared-secret ("oct") key in a provider's
// public key set is ignored, so an HMAC token can never be checked against a public key.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace kronobarn::oidc {

struct SigningKey;  // a cjose key with its kid, type and the algorithm it is declared for

class KeySet {
  public:
    KeySet();
    ~KeySet();
    KeySet(KeySet&&) noexcept;
    KeySet& operator=(KeySet&&) noexcept;

    // Errors (kInvalidArgument "oidc.bad_keys"): not JSON, no "keys" array. Keys that cjose cannot
    // import, that are for encryption ("use": "enc") or symmetric are left out, not an error:
    // providers publish several kinds.
    static Result<KeySet> FromJwks(std::string_view json);

    // The key a token names by `kid`; without a kid, the only signing key when there is exactly one.
    const SigningKey* Find(const std::optional<std::string>& kid) const;
    std::size_t size() const { return keys_.size(); }

  private:
    std::vector<std::unique_ptr<SigningKey>> keys_;
};

}  // namespace kronobarn::oidc
