// The notification catalogue and the rules a message must pass before a mail server sees it: every
// kind has its texts in Swedish and English and they use only the safe fields; an address that could
// add a header or a recipient is never handed on; the wait after a failure grows and is capped.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "app/outbox_sender.hpp"
#include "domain/notification.hpp"
#include "i18n/catalogue.hpp"
#include "mail/smtp_transport.hpp"

namespace kronobarn::domain {
namespace {

TEST(NotificationCatalogue, EveryKindIsWordedInSwedishAndEnglishWithOnlyTheSafeFields) {
    const std::regex placeholder("\\{([a-z_]+)\\}");
    std::set<std::string_view> codes;
    for (const auto& type : NotificationTypes()) {
        EXPECT_TRUE(codes.insert(type.code).second) << "code given twice: " << type.code;
        EXPECT_EQ(FindNotificationType(type.code), &type);
        for (const char* lang : {"sv", "en"}) {
            for (const auto key : {type.subject_key, type.body_key}) {
                ASSERT_TRUE(i18n::Catalogue::Instance().Has(lang, key)) << lang << " " << key;
                const std::string text(i18n::Catalogue::Instance().Text(lang, key));
                for (std::sregex_iterator it(text.begin(), text.end(), placeholder), end; it != end; ++it) {
                    const std::string field = (*it)[1];
                    EXPECT_TRUE(field == "unit" || field == "date" || field == "link")
                        << key << " uses {" << field << "}, which is not a safe field";
                }
            }
        }
    }
    EXPECT_EQ(FindNotificationType("child_name"), nullptr);
}

TEST(NotificationCatalogue, AMessageIsWordedFromTheSafeFieldsInItsLanguage) {
    store::OutboxMessage message;
    message.notification.kind = NotificationKind::kHandoverRequest;
    message.notification.address = "bvc.vaxjo@example.invalid";
    message.notification.language = "en";
    message.notification.unit_name = "BVC Växjö";
    message.notification.link_path = "/inkorg";
    message.message_id = "<abc@kronobarn>";
    const auto mail = app::WordedMessage({"Kronobarn <k@kronoberg.se>", "https://kronobarn.kronoberg.se"}, message);
    EXPECT_EQ(mail.subject, "A request to take over coordination in Kronobarn");
    EXPECT_NE(mail.text.find("To BVC Växjö:"), std::string::npos) << mail.text;
    EXPECT_NE(mail.text.find("https://kronobarn.kronoberg.se/inkorg"), std::string::npos);
    EXPECT_EQ(mail.to, "bvc.vaxjo@example.invalid");
    EXPECT_EQ(mail.message_id, "<abc@kronobarn>");
}

TEST(DeliverableAddress, OnlyAPlainAddressIsHandedToTheMailServer) {
    for (const char* good : {"rektor@vaxjo.se", "bvc.vaxjo@example.invalid", "a+b@kronoberg.se"}) {
        EXPECT_TRUE(IsDeliverableAddress(good)) << good;
    }
    for (const char* bad : {"", "rektor", "@vaxjo.se", "rektor@", "rektor@vaxjo", "a@b@vaxjo.se", "rektor@.se",
                            "rektor@vaxjo.se.", "rek tor@vaxjo.se", "rektor@vaxjo.se\r\nBcc: x@y.se",
                            "rektor@vaxjo.se, annan@vaxjo.se", "<rektor@vaxjo.se>", "\"x\"@vaxjo.se"}) {
        EXPECT_FALSE(IsDeliverableAddress(bad)) << bad;
    }
    EXPECT_FALSE(IsDeliverableAddress(std::string(250, 'a') + "@vaxjo.se")) << "over 254 characters";
}

TEST(RetryDelay, DoublesFromAMinuteAndStopsAtSixHours) {
    EXPECT_EQ(RetryDelay(1), std::chrono::minutes(1));
    EXPECT_EQ(RetryDelay(2), std::chrono::minutes(2));
    EXPECT_EQ(RetryDelay(5), std::chrono::minutes(16));
    EXPECT_EQ(RetryDelay(9), std::chrono::minutes(256));
    EXPECT_EQ(RetryDelay(11), std::chrono::hours(6));
    EXPECT_EQ(RetryDelay(1000), std::chrono::hours(6));
}

TEST(MailHeaders, ASubjectBeyondAsciiIsEncodedAndADateIsWrittenAsRfc5322Says) {
    EXPECT_EQ(mail::EncodedHeader("Plain subject"), "Plain subject");
    const std::string encoded = mail::EncodedHeader("Ny signal att ta ställning till i Kronobarn");
    EXPECT_EQ(encoded.rfind("=?UTF-8?B?", 0), 0u) << encoded;
    EXPECT_EQ(encoded.find("ä"), std::string::npos);
    const std::string long_one = mail::EncodedHeader(std::string(40, 'x') + "åäöåäöåäöåäö");
    EXPECT_NE(long_one.find("?=\r\n =?UTF-8?B?"), std::string::npos) << "folded into words of at most 75 characters";
    EXPECT_EQ(mail::MailDate(Timestamp{std::chrono::seconds(1796644800)}), "Mon, 07 Dec 2026 12:00:00 +0000");
    EXPECT_EQ(mail::AddressOf("Kronobarn <kronobarn@kronoberg.se>"), "kronobarn@kronoberg.se");
    EXPECT_EQ(mail::AddressOf("kronobarn@kronoberg.se"), "kronobarn@kronoberg.se");
}

}  // namespace
}  // namespace kronobarn::domain
