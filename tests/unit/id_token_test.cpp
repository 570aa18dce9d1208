// The ID token checks of oidc/id_token as pure functions: tokens signed here by cjose with keys made
// here (RSA and EC), never hand-built strings, and each way a token can be wrong refused with the
// check it failed.
#include "oidc/id_token.hpp"

#include <cjose/base64.h>
#include <cjose/header.h>
#include <cjose/jwk.h>
#include <cjose/jws.h>
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <cstdlib>

namespace kronobarn::oidc {
namespace {

constexpr std::string_view kIssuer = "https://login.example.invalid/region";
constexpr std::string_view kClient = "kronobarn-staff";
constexpr std::string_view kNonce = "n-0S6_WzA2Mj";
const Timestamp kNow{std::chrono::seconds(1'800'000'000)};

// A key pair made by cjose, with the public half as a JWKS entry.
struct TestKey {
    cjose_jwk_t* jwk = nullptr;
    std::string kid;
    ~TestKey() { cjose_jwk_release(jwk); }

    static std::unique_ptr<TestKey> Rsa(std::string kid) {
        static const uint8_t e[] = {0x01, 0x00, 0x01};
        auto key = std::make_unique<TestKey>();
        cjose_err err;
        key->jwk = cjose_jwk_create_RSA_random(2048, e, sizeof e, &err);
        key->kid = std::move(kid);
        cjose_jwk_set_kid(key->jwk, key->kid.c_str(), key->kid.size(), &err);
        return key;
    }
    static std::unique_ptr<TestKey> Ec(std::string kid) {
        auto key = std::make_unique<TestKey>();
        cjose_err err;
        key->jwk = cjose_jwk_create_EC_random(CJOSE_JWK_EC_P_256, &err);
        key->kid = std::move(kid);
        cjose_jwk_set_kid(key->jwk, key->kid.c_str(), key->kid.size(), &err);
        return key;
    }
    std::string PublicJson() const {
        cjose_err err;
        char* json = cjose_jwk_to_json(jwk, false, &err);
        std::string text(json);
        std::free(json);
        return text;
    }
};

std::string Jwks(std::initializer_list<std::string> entries) {
    std::string json = "{\"keys\":[";
    bool first = true;
    for (const auto& entry : entries) {
        json += (first ? "" : ",") + entry;
        first = false;
    }
    return json + "]}";
}

KeySet KeysOf(std::initializer_list<std::string> entries) { return KeySet::FromJwks(Jwks(entries)).value(); }

std::int64_t Seconds(Timestamp at) {
    return std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count();
}

boost::json::object GoodClaims() {
    return {{"iss", kIssuer},
            {"sub", "emp-4711"},
            {"aud", kClient},
            {"exp", Seconds(kNow) + 300},
            {"iat", Seconds(kNow) - 5},
            {"nonce", kNonce},
            {"acr", "http://id.elegnamnden.se/loa/1.0/loa3"},
            {"amr", boost::json::array{"pwd", "otp"}},
            {"https://id.oidc.se/claim/personalIdentityNumber", "201401012386"}};
}

std::string Sign(const cjose_jwk_t* jwk, std::string_view alg, std::string_view kid,
                 const boost::json::object& claims) {
    cjose_err err;
    cjose_header_t* header = cjose_header_new(&err);
    cjose_header_set(header, CJOSE_HDR_ALG, std::string(alg).c_str(), &err);
    if (!kid.empty()) cjose_header_set(header, CJOSE_HDR_KID, std::string(kid).c_str(), &err);
    const std::string payload = boost::json::serialize(claims);
    cjose_jws_t* jws =
        cjose_jws_sign(jwk, header, reinterpret_cast<const uint8_t*>(payload.data()), payload.size(), &err);
    cjose_header_release(header);
    EXPECT_NE(jws, nullptr) << "cjose could not sign with " << alg;
    if (jws == nullptr) return {};
    const char* compact = nullptr;
    cjose_jws_export(jws, &compact, &err);
    std::string token(compact);
    cjose_jws_release(jws);
    return token;
}

std::string Base64Url(std::string_view bytes) {
    char* out = nullptr;
    std::size_t length = 0;
    cjose_err err;
    cjose_base64url_encode(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), &out, &length, &err);
    std::string text(out, length);
    std::free(out);
    return text;
}

Expected Expectations() { return {std::string(kIssuer), std::string(kClient), std::string(kNonce)}; }

class IdTokenTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        rsa_ = TestKey::Rsa("rsa-2026").release();
        ec_ = TestKey::Ec("ec-2026").release();
    }
    static void TearDownTestSuite() {
        delete rsa_;
        delete ec_;
    }
    static std::string CheckFails(const std::string& token, const KeySet& keys, Expected expected = Expectations()) {
        auto result = VerifyIdToken(token, keys, expected, kNow);
        if (result) return "accepted";
        EXPECT_EQ(result.error().code, ErrorCode::kUnauthenticated);
        EXPECT_EQ(result.error().message_key, "oidc.refused");
        return result.error().detail;
    }
    KeySet Keys() const { return KeysOf({rsa_->PublicJson(), ec_->PublicJson()}); }
    static TestKey* rsa_;
    static TestKey* ec_;
};
TestKey* IdTokenTest::rsa_ = nullptr;
TestKey* IdTokenTest::ec_ = nullptr;

TEST_F(IdTokenTest, AGoodTokenGivesItsClaimsWithRsaAndWithEc) {
    for (const auto& [key, alg] : {std::pair{rsa_, "RS256"}, std::pair{rsa_, "PS256"}, std::pair{ec_, "ES256"}}) {
        const std::string token = Sign(key->jwk, alg, key->kid, GoodClaims());
        EXPECT_EQ(KeyIdOf(token), key->kid);
        auto claims = VerifyIdToken(token, Keys(), Expectations(), kNow);
        ASSERT_TRUE(claims) << alg << ": " << claims.error().detail;
        EXPECT_EQ(claims->subject, "emp-4711");
        EXPECT_EQ(claims->acr, "http://id.elegnamnden.se/loa/1.0/loa3");
        EXPECT_EQ(claims->amr, (std::vector<std::string>{"pwd", "otp"}));
        EXPECT_EQ(Claim(*claims, "https://id.oidc.se/claim/personalIdentityNumber"), "201401012386");
        EXPECT_EQ(Claim(*claims, "email"), std::nullopt);
    }
}

TEST_F(IdTokenTest, ATamperedSignatureOrPayloadIsRefused) {
    const std::string token = Sign(rsa_->jwk, "RS256", rsa_->kid, GoodClaims());
    std::string bad_signature = token;
    bad_signature[bad_signature.size() - 5] = bad_signature[bad_signature.size() - 5] == 'A' ? 'B' : 'A';
    EXPECT_EQ(CheckFails(bad_signature, Keys()), "bad_signature");

    auto other = GoodClaims();
    other["sub"] = "someone-else";
    const std::string forged_payload = Sign(rsa_->jwk, "RS256", rsa_->kid, other);
    const auto first_dot = token.find('.');
    const auto second_dot = token.find('.', first_dot + 1);
    const auto other_first = forged_payload.find('.');
    const auto other_second = forged_payload.find('.', other_first + 1);
    const std::string spliced = token.substr(0, first_dot + 1) +
                                forged_payload.substr(other_first + 1, other_second - other_first - 1) +
                                token.substr(second_dot);
    EXPECT_EQ(CheckFails(spliced, Keys()), "bad_signature");
}

TEST_F(IdTokenTest, AlgNoneAndAnHmacTokenSignedWithThePublicKeyAreRefused) {
    const std::string payload = Base64Url(boost::json::serialize(GoodClaims()));
    const std::string none = Base64Url(R"({"alg":"none","kid":"rsa-2026"})") + "." + payload + ".";
    EXPECT_NE(CheckFails(none, Keys()), "accepted");

    // The classic confusion: the provider's public key as an HMAC secret, hoping the verifier
    // hands the same key to HMAC.
    const std::string public_key = rsa_->PublicJson();
    cjose_err err;
    cjose_jwk_t* secret =
        cjose_jwk_create_oct_spec(reinterpret_cast<const uint8_t*>(public_key.data()), public_key.size(), &err);
    ASSERT_NE(secret, nullptr);
    const std::string hmac = Sign(secret, "HS256", rsa_->kid, GoodClaims());
    cjose_jwk_release(secret);
    EXPECT_EQ(CheckFails(hmac, Keys()), "algorithm_not_allowed");
    // Nor is a symmetric key of a published set ever used.
    const std::string oct = R"({"kty":"oct","kid":"shared","k":"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA"})";
    EXPECT_EQ(KeysOf({oct}).size(), 0U);
}

TEST_F(IdTokenTest, EveryClaimTheRelyingPartyMustCheckIsChecked) {
    const auto refused = [&](const std::function<void(boost::json::object&)>& change) {
        auto claims = GoodClaims();
        change(claims);
        return CheckFails(Sign(rsa_->jwk, "RS256", rsa_->kid, claims), Keys());
    };
    EXPECT_EQ(refused([](auto& c) { c["iss"] = "https://evil.example.invalid"; }), "wrong_issuer");
    EXPECT_EQ(refused([](auto& c) { c["aud"] = "another-client"; }), "wrong_audience");
    EXPECT_EQ(refused([](auto& c) { c.erase("aud"); }), "wrong_audience");
    EXPECT_EQ(refused([](auto& c) { c["aud"] = boost::json::array{kClient, "api"}; }), "wrong_azp") << "no azp";
    EXPECT_EQ(refused([](auto& c) {
                  c["aud"] = boost::json::array{kClient, "api"};
                  c["azp"] = "api";
              }),
              "wrong_azp");
    EXPECT_EQ(refused([](auto& c) {
                  c["aud"] = boost::json::array{kClient, "api"};
                  c["azp"] = kClient;
              }),
              "accepted");
    EXPECT_EQ(refused([](auto& c) { c["exp"] = Seconds(kNow) - 61; }), "expired");
    EXPECT_EQ(refused([](auto& c) { c["exp"] = Seconds(kNow) - 30; }), "accepted") << "within the clock skew";
    EXPECT_EQ(refused([](auto& c) { c["iat"] = Seconds(kNow) + 120; }), "issued_in_future");
    EXPECT_EQ(refused([](auto& c) { c["iat"] = Seconds(kNow) - 3600; }), "issued_too_long_ago");
    EXPECT_EQ(refused([](auto& c) { c.erase("exp"); }), "missing_time");
    EXPECT_EQ(refused([](auto& c) { c["nonce"] = "another-browser"; }), "nonce_mismatch");
    EXPECT_EQ(refused([](auto& c) { c.erase("nonce"); }), "nonce_mismatch");
    EXPECT_EQ(refused([](auto& c) { c.erase("sub"); }), "missing_subject");
}

TEST_F(IdTokenTest, AnUnknownKeyIsNamedSoTheKeysCanBeFetchedAgainAndThenAccepted) {
    const auto rotated = TestKey::Rsa("rsa-2027");
    const std::string token = Sign(rotated->jwk, "RS256", rotated->kid, GoodClaims());
    EXPECT_EQ(KeyIdOf(token), "rsa-2027");
    EXPECT_EQ(CheckFails(token, Keys()), "unknown_key");
    const KeySet refetched = KeysOf({rsa_->PublicJson(), rotated->PublicJson()});
    EXPECT_TRUE(VerifyIdToken(token, refetched, Expectations(), kNow));
}

TEST_F(IdTokenTest, AKeyIsUsedOnlyForTheAlgorithmItFitsAndHugeOrBrokenTokensCostNothing) {
    // An EC key named by an RS256 token; an RSA key the set declares for RS512 only.
    EXPECT_EQ(CheckFails(Sign(rsa_->jwk, "RS256", ec_->kid, GoodClaims()), Keys()), "key_does_not_fit_algorithm");
    auto declared = boost::json::parse(rsa_->PublicJson()).as_object();
    declared["alg"] = "RS512";
    EXPECT_EQ(CheckFails(Sign(rsa_->jwk, "RS256", rsa_->kid, GoodClaims()), KeysOf({boost::json::serialize(declared)})),
              "key_does_not_fit_algorithm");
    // An encryption key is not a signing key.
    auto encryption = boost::json::parse(rsa_->PublicJson()).as_object();
    encryption["use"] = "enc";
    EXPECT_EQ(KeysOf({boost::json::serialize(encryption)}).size(), 0U);

    EXPECT_EQ(CheckFails(std::string(1024 * 1024, 'a'), Keys()), "token_too_large");
    EXPECT_EQ(KeyIdOf(std::string(1024 * 1024, 'a')), std::nullopt);
    EXPECT_EQ(CheckFails("not.a.token", Keys()), "malformed");
    EXPECT_EQ(CheckFails("", Keys()), "malformed");
    EXPECT_FALSE(KeySet::FromJwks("{\"no\":1}"));
    EXPECT_FALSE(KeySet::FromJwks("<html>"));
}

}  // namespace
}  // namespace kronobarn::oidc
