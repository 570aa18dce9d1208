#include "common/crypto.hpp"

#include <gtest/gtest.h>

#include <set>

namespace kronobarn::crypto {
namespace {

class Crypto : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { ASSERT_TRUE(InitialiseCrypto()); }
};

TEST_F(Crypto, PasswordHashRoundTripAcceptsOnlyTheRightPassword) {
    auto hash = HashPassword("correct horse battery", PasswordStrength::kInteractive);
    ASSERT_TRUE(hash);
    EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << "must be Argon2id";
    EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery"));
    EXPECT_FALSE(VerifyPassword(*hash, "correct horse batterY"));
    EXPECT_FALSE(VerifyPassword(*hash, ""));
}

TEST_F(Crypto, ThePkceChallengeIsRfc7636sOwnExample) {
    // RFC 7636 appendix B.
    EXPECT_EQ(Sha256Base64Url("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
              "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST_F(Crypto, SamePasswordHashesDifferentlyEachTime) {
    auto a = HashPassword("same password here", PasswordStrength::kInteractive);
    auto b = HashPassword("same password here", PasswordStrength::kInteractive);
    ASSERT_TRUE(a && b);
    EXPECT_NE(*a, *b) << "salts must differ";
}

TEST_F(Crypto, MalformedHashNeverVerifies) {
    EXPECT_FALSE(VerifyPassword("", "x"));
    EXPECT_FALSE(VerifyPassword("$argon2id$garbage", "x"));
    EXPECT_FALSE(VerifyPassword(std::string(500, 'a'), "x"));
}

TEST_F(Crypto, RandomTokensAreUrlSafeAndUnique) {
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        const std::string token = RandomToken(32);
        EXPECT_EQ(token.size(), 43u);  // 256 bits in unpadded base64
        EXPECT_EQ(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
                  std::string::npos);
        seen.insert(token);
    }
    EXPECT_EQ(seen.size(), 200u);
}

TEST_F(Crypto, KeyedHashDependsOnKey) {
    EXPECT_EQ(HashHex("data").size(), 64u);
    EXPECT_NE(HashHex("data", "key-one-16-bytes"), HashHex("data", "key-two-16-bytes"));
    EXPECT_EQ(HashHex("data", "key-one-16-bytes"), HashHex("data", "key-one-16-bytes"));
}

}  // namespace
}  // namespace kronobarn::crypto
