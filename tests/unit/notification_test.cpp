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

TEST(NotificationCatalogue, EveryKindIsWordedInItsReadersLanguagesWithOnlyTheSafeFields) {
    const std::regex placeholder("\\{([a-z_]+)\\}");
    const std::set<std::string> safe{"unit", "date", "when", "link", "count", "list"};
    std::set<std::string_view> codes;
    for (const auto& type : NotificationTypes()) {
        EXPECT_TRUE(codes.insert(type.code).second) << "code given twice: " << type.code;
        EXPECT_EQ(FindNotificationType(type.code), &type);
        const bool family = type.audience == Audience::kFamily;
        // A family's texts are family keys; so is the invitation's, which no one chooses.
        const bool family_words = InFamilyWords(type);
        EXPECT_TRUE(family_words || !family) << type.code;
        EXPECT_EQ(type.subject_key.starts_with("family."), family_words) << type.code << ": family words, family keys";
        EXPECT_EQ(type.body_key.starts_with("family."), family_words) << type.code;
        for (const char* lang : {"sv", "en", "ar"}) {
            if (std::string_view(lang) == "ar" && !family_words) continue;  // Arabic is for families
            for (const auto key : {type.subject_key, type.body_key}) {
                ASSERT_TRUE(i18n::Catalogue::Instance().Has(lang, key)) << lang << " " << key;
                const std::string text(i18n::Catalogue::Instance().Text(lang, key));
                for (std::sregex_iterator it(text.begin(), text.end(), placeholder), end; it != end; ++it) {
                    const std::string field = (*it)[1];
                    EXPECT_TRUE(safe.contains(field)) << key << " uses {" << field << "}, not a safe field";
                }
            }
        }
        if (family) {
            EXPECT_FALSE(type.duty) << type.code << ": nothing is a family's duty";
        }
    }
    EXPECT_EQ(FindNotificationType("child_name"), nullptr);
}

TEST(NotificationCatalogue, EveryMeetingKindHasAFamilyCounterpartWithACalendarEntry) {
    for (const auto kind : {NotificationKind::kMeetingInvitation, NotificationKind::kMeetingChanged,
                            NotificationKind::kMeetingCancelled}) {
        EXPECT_TRUE(TypeOf(kind).calendar);
        const auto family = FamilyKindOf(kind);
        ASSERT_TRUE(family.has_value());
        EXPECT_EQ(TypeOf(*family).audience, Audience::kFamily);
        EXPECT_TRUE(TypeOf(*family).calendar);
    }
    EXPECT_FALSE(FamilyKindOf(NotificationKind::kNewSignal).has_value()) << "a signal is never told to the family";
}

TEST(NotificationDelivery, ADutyIsNeverTurnedOffAndNothingChosenIsTheDefault) {
    const auto& signal = TypeOf(NotificationKind::kNewSignal);
    const auto& reminder = TypeOf(NotificationKind::kActionDue);
    const auto& meeting = TypeOf(NotificationKind::kFamilyMeetingInvitation);
    EXPECT_EQ(DeliveryFor(signal, std::nullopt), Delivery::kAtOnce) << "new signals go out at once";
    EXPECT_EQ(DeliveryFor(reminder, std::nullopt), Delivery::kDailyDigest) << "reminders in the digest";
    EXPECT_EQ(DeliveryFor(signal, Delivery::kOff), Delivery::kAtOnce) << "a duty cannot be turned off";
    EXPECT_EQ(DeliveryFor(signal, Delivery::kDailyDigest), Delivery::kDailyDigest);
    EXPECT_EQ(DeliveryFor(meeting, Delivery::kOff), Delivery::kOff);
    for (const auto delivery : {Delivery::kAtOnce, Delivery::kDailyDigest, Delivery::kOff}) {
        EXPECT_EQ(ParseDelivery(Code(delivery)), delivery);
    }
    EXPECT_FALSE(ParseDelivery("sometimes").has_value());
}

TEST(NotificationCatalogue, AMeetingCarriesACalendarEntryWithAStableUidAndNoPlace) {
    store::OutboxMessage message;
    message.notification.kind = NotificationKind::kMeetingCancelled;
    message.notification.address = "soc@vaxjo.se";
    message.notification.unit_name = "Socialtjänsten Växjö";
    message.notification.on_date = Date{std::chrono::year{2027} / 3 / 29};
    message.notification.meeting = MeetingSlot{42, 3, std::chrono::minutes{9 * 60}};
    message.notification.link_path = "/planer/7";
    const auto mail =
        app::WordedMessage({"Kronobarn <k@kronoberg.se>", "https://kronobarn.kronoberg.se:8443"}, message);
    ASSERT_TRUE(mail.calendar.has_value());
    EXPECT_EQ(mail.calendar->uid, "kronobarn-meeting-42@kronobarn.kronoberg.se");
    EXPECT_EQ(mail.calendar->sequence, 3);
    EXPECT_TRUE(mail.calendar->cancelled);
    EXPECT_EQ(mail.calendar->summary, "Samverkansmöte (Kronobarn)");
    EXPECT_NE(mail.text.find("måndag 29 mars 2027 kl. 09.00"), std::string::npos) << mail.text;
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
