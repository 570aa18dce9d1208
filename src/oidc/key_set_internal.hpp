// The parts of a signing key id_token.cpp needs; internal to the oidc library.
#pragma once

#include <cjose/jwk.h>

#include <string>

#include "oidc/key_set.hpp"

namespace kronobarn::oidc {

struct SigningKey {
    cjose_jwk_t* jwk = nullptr;  // owned
    std::string kid;
    cjose_jwk_kty_t kty = CJOSE_JWK_KTY_RSA;
    std::string alg;  // as the key set declares it; empty when it does not
    std::string crv;  // EC keys: P-256, P-384, P-521

    SigningKey() = default;
    SigningKey(const SigningKey&) = delete;
    SigningKey& operator=(const SigningKey&) = delete;
    ~SigningKey() {
        if (jwk != nullptr) cjose_jwk_release(jwk);
    }
};

}  // namespace kronobarn::oidc
