// The TOTP codes of common/totp (liboath underneath) against RFC 6238's own test vectors, and the
// rules around them: one step either side, nothing else; the key URI an app reads.
#include "common/totp.hpp"

#include <gtest/gtest.h>

#include "common/crypto.hpp"
#include "domain/second_factor.hpp"

namespace kronobarn {
namespace {

// RFC 6238 appendix B: the SHA-1 key "12345678901234567890" (base32 below); its 8-digit codes end
// in these 6 digits, which are the 6-digit codes (RFC 4226 truncation keeps the low digits).
constexpr std::string_view kRfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

Timestamp At(std::int64_t unix_seconds) { return Timestamp{std::chrono::seconds(unix_seconds)}; }

TEST(Totp, CodesAreThoseOfRfc6238) {
    EXPECT_EQ(totp::CodeAt(kRfcSecret, At(59)), "287082");
    EXPECT_EQ(totp::CodeAt(kRfcSecret, At(1111111109)), "081804");
    EXPECT_EQ(totp::CodeAt(kRfcSecret, At(1234567890)), "005924");
    EXPECT_EQ(totp::CodeAt(kRfcSecret, At(2000000000)), "279037");
}

TEST(Totp, ACodeMatchesItsOwnStepAndOneEitherSideOnlyAndSaysWhichStep) {
    const Timestamp now = At(1111111109);
    const std::int64_t step = 1111111109 / totp::kStepSeconds;
    EXPECT_EQ(totp::MatchingStep(kRfcSecret, "081804", now), step);
    EXPECT_EQ(totp::MatchingStep(kRfcSecret, "081 804", now), step) << "typed with a space";
    EXPECT_EQ(totp::MatchingStep(kRfcSecret, totp::CodeAt(kRfcSecret, now - std::chrono::seconds(30)), now), step - 1);
    EXPECT_EQ(totp::MatchingStep(kRfcSecret, totp::CodeAt(kRfcSecret, now + std::chrono::seconds(30)), now), step + 1);
    EXPECT_FALSE(totp::MatchingStep(kRfcSecret, totp::CodeAt(kRfcSecret, now - std::chrono::seconds(90)), now));
    EXPECT_FALSE(totp::MatchingStep(kRfcSecret, "081805", now));
    for (const std::string_view bad : {"", "08180", "0818044", "08180a", "-81804", "081804\n"}) {
        EXPECT_FALSE(totp::MatchingStep(kRfcSecret, bad, now)) << bad;
    }
    EXPECT_FALSE(totp::MatchingStep("not base32!", "081804", now));
}

TEST(Totp, NewSecretsAreTwentyRandomBytesInBase32AndWorkInTheEnrolmentUri) {
    ASSERT_TRUE(crypto::InitialiseCrypto());
    const std::string a = totp::NewSecret();
    EXPECT_EQ(a.size(), 32U);
    EXPECT_NE(a, totp::NewSecret());
    EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), std::string::npos);
    EXPECT_EQ(totp::MatchingStep(a, totp::CodeAt(a, At(1700000000)), At(1700000000)), 1700000000 / 30);
    EXPECT_EQ(totp::EnrolmentUri("Kronobarn", "anna.å", a), "otpauth://totp/Kronobarn:anna.%C3%A5?secret=" + a +
                                                                "&issuer=Kronobarn&algorithm=SHA1&digits=6&period=30");
    EXPECT_EQ(totp::GroupedForReading("ABCDEFGHIJ"), "ABCD EFGH IJ");
}

TEST(RecoveryCode, IsReadTheWayPeopleTypeItAndNothingElse) {
    EXPECT_EQ(domain::NormalizeRecoveryCode("abcd-efgh-jkmn"), "abcdefghjkmn");
    EXPECT_EQ(domain::NormalizeRecoveryCode(" ABCD EFGH JKMN "), "abcdefghjkmn");
    EXPECT_FALSE(domain::NormalizeRecoveryCode("abcd-efgh-jkm"));
    EXPECT_FALSE(domain::NormalizeRecoveryCode("abcd-efgh-jkml")) << "l is not in the alphabet";
    EXPECT_FALSE(domain::NormalizeRecoveryCode("abcd-efgh-jkm'"));
}

}  // namespace
}  // namespace kronobarn
