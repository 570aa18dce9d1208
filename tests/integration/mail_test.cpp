// E-mail notifications against a real SMTP server (npm smtp-server, tests/smtp/server.mjs, the CTest
// fixture "smtp"): a signal puts one message in the outbox in its own transaction, and the holder
// unit's mailbox gets exactly that one — with nothing about the child in it; a mail server that is
// down keeps the message waiting and it goes out once it is back, once; a sender that dies between
// sending and marking resends with the same Message-ID; a refused address is given up, a busy one
// tried again. Meetings carry calendar entries that npm ical.js reads back (in the fixture) with
// the right instant across a change of summer time; reminders come once a day in one digest.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>

#include "app/daily_digest.hpp"
#include "common/crypto.hpp"
#include "integration/plan_fixture.hpp"
#include "mail/smtp_transport.hpp"
#include "store/outbox_repository.hpp"
#include "store/store.hpp"
#include "support/fixture_state.hpp"

namespace kronobarn::testing {
namespace {

std::string SmtpUrl() {
    return "smtp://127.0.0.1:" + FixtureState(KRONOBARN_TEST_SMTP_STATE, "smtp", "tests/smtp/server.mjs")[0];
}

// A calendar entry as npm ical.js read it (tests/smtp/server.mjs readCalendar).
struct ReceivedCalendar {
    std::string method, uid, summary, status, start_zone, start, end, raw;
    bool has_location = false;
    std::int64_t sequence = -1;
};

struct ReceivedMail {
    std::string message_id, subject, text, raw;
    std::vector<ReceivedCalendar> calendars;
};

// What the SMTP server received for `address`, oldest first.
std::vector<ReceivedMail> MailTo(const std::string& address) {
    std::vector<std::filesystem::path> files;
    const std::filesystem::path dir = std::string(KRONOBARN_TEST_SMTP_STATE) + ".d";
    if (std::filesystem::exists(dir)) {
        for (const auto& entry : std::filesystem::directory_iterator(dir)) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<ReceivedMail> mail;
    for (const auto& file : files) {
        std::ifstream in(file);
        const std::string json{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        const auto record = boost::json::parse(json).as_object();
        bool ours = false;
        for (const auto& to : record.at("envelopeTo").as_array()) ours = ours || to.as_string() == address;
        if (!ours) continue;
        const auto text = [&](const char* key) {
            const auto* value = record.if_contains(key);
            return value != nullptr && value->is_string() ? std::string(value->as_string()) : std::string();
        };
        ReceivedMail received{text("messageId"), text("subject"), text("text"), text("raw"), {}};
        if (const auto* calendars = record.if_contains("calendars")) {
            for (const auto& value : calendars->as_array()) {
                const auto& c = value.as_object();
                const auto field = [&](const char* key) {
                    const auto* v = c.if_contains(key);
                    return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
                };
                ReceivedCalendar calendar{field("method"),    field("uid"),   field("summary"), field("status"),
                                          field("startZone"), field("start"), field("end"),     field("raw")};
                calendar.has_location = c.contains("location") && !c.at("location").is_null();
                if (const auto* sequence = c.if_contains("sequence"); sequence && sequence->is_int64()) {
                    calendar.sequence = sequence->as_int64();
                }
                received.calendars.push_back(std::move(calendar));
            }
        }
        mail.push_back(std::move(received));
    }
    return mail;
}

TestServerOptions WithMail(std::string smtp_url = SmtpUrl()) {
    TestServerOptions options;
    options.smtp_url = std::move(smtp_url);
    return options;
}

class MailTest : public PlanFixture {
  protected:
    explicit MailTest(TestServerOptions options = WithMail()) : PlanFixture(std::move(options)) {}

    // Gives Växjö Centralskola (the principal's school, the holder of a school child's signal) a
    // mailbox of its own for this test, so tests running side by side never read each other's mail.
    std::string GiveTheSchoolAMailbox(const std::string& local = "centralskolan") {
        return GiveAMailbox("Växjö Centralskola", local);
    }

    std::string GiveAMailbox(const std::string& unit_name, const std::string& local) {
        const std::string address = local + "-" + crypto::RandomToken(6) + "@vaxjo.example";
        auto uow = *server_.Store().Begin(store::TransactionMode::kWrite);
        auto unit = **uow->Organisations().FindUnit(server_.UnitId(unit_name));
        unit.email = address;
        EXPECT_TRUE(uow->Organisations().UpdateUnit(unit));
        EXPECT_TRUE(uow->Commit());
        return address;
    }

    // Gives a person's account an e-mail address of its own for this test.
    std::string GiveAnAddress(const std::string& username) {
        const std::string address = username + "-" + crypto::RandomToken(6) + "@home.example";
        auto uow = *server_.Store().Begin(store::TransactionMode::kWrite);
        const auto user = (**uow->Users().FindByUsername(username)).user;
        EXPECT_TRUE(uow->Users().SetProfile(user.id, user.display_name, address, user.phone));
        EXPECT_TRUE(uow->Commit());
        return address;
    }

    // Nothing from the test data about the child, in the text as read or in the raw message.
    void ExpectNothingAboutTheChild(const ReceivedMail& mail) {
        const std::string number = ElevenYearOld();
        for (const std::string& secret :
             {number, number.substr(2), number.substr(0, 8) + "-" + number.substr(8),
              number.substr(2, 6) + "-" + number.substr(8), std::string("Maja"), std::string("Berg"),
              std::string("Ofta ensam"), std::string("Eva"), std::string("Per "), std::string("Rum 3")}) {
            EXPECT_EQ(mail.text.find(secret), std::string::npos) << secret;
            EXPECT_EQ(mail.raw.find(secret), std::string::npos) << secret;
            for (const auto& calendar : mail.calendars) EXPECT_EQ(calendar.raw.find(secret), std::string::npos);
        }
        EXPECT_FALSE(std::regex_search(mail.raw, std::regex("\\b\\d{6}[-+]?\\d{4}\\b"))) << "no personal number shape";
    }
};

TEST_F(MailTest, ASignalReachesTheHolderUnitsMailboxOnceWithNothingAboutTheChild) {
    const std::string mailbox = GiveTheSchoolAMailbox();
    StartPlan();
    const auto outbox = server_.Outbox();
    ASSERT_EQ(outbox.size(), 1u) << "written with the signal";
    EXPECT_FALSE(outbox[0].sent_at.has_value());

    const auto run = server_.DeliverMail();
    EXPECT_EQ(run.sent, 1);
    EXPECT_EQ(run.failed, 0);
    const auto mail = MailTo(mailbox);
    ASSERT_EQ(mail.size(), 1u);
    EXPECT_EQ(mail[0].subject, "Ny signal att ta ställning till i Kronobarn");
    EXPECT_EQ(mail[0].message_id, outbox[0].message_id);
    EXPECT_NE(mail[0].text.find("https://kronobarn.example/oro/"), std::string::npos) << mail[0].text;
    EXPECT_NE(mail[0].text.find("Växjö Centralskola"), std::string::npos);
    ExpectNothingAboutTheChild(mail[0]);

    EXPECT_EQ(server_.DeliverMail().sent, 0) << "sent once";
    EXPECT_EQ(MailTo(mailbox).size(), 1u);
    EXPECT_TRUE(server_.Outbox()[0].sent_at.has_value());
}

class MailServerDownTest : public MailTest {
  protected:
    MailServerDownTest() : MailTest(WithMail("smtp://127.0.0.1:1")) {}
};

TEST_F(MailServerDownTest, MessagesWaitInTheOutboxAndGoOutOnceTheServerIsBack) {
    const std::string mailbox = GiveTheSchoolAMailbox();
    StartPlan();
    const auto down = server_.DeliverMail();
    EXPECT_EQ(down.sent, 0);
    EXPECT_EQ(down.failed, 1);
    auto outbox = server_.Outbox();
    ASSERT_EQ(outbox.size(), 1u);
    EXPECT_EQ(outbox[0].attempts, 1);
    EXPECT_FALSE(outbox[0].last_error.empty());
    EXPECT_FALSE(outbox[0].sent_at.has_value());

    // The server is back (a sender that reaches it), but the next attempt waits its turn.
    mail::SmtpTransport transport({SmtpUrl(), "", ""});
    app::OutboxSender sender(server_.Store(), server_.Clock(), transport,
                             {"Kronobarn <kronobarn@kronoberg.example>", "https://kronobarn.example"});
    EXPECT_EQ(sender.RunOnce()->sent, 0) << "not before its retry time";
    server_.Clock().Advance(domain::RetryDelay(1) + std::chrono::seconds(1));
    EXPECT_EQ(sender.RunOnce()->sent, 1);
    EXPECT_EQ(sender.RunOnce()->sent, 0);
    const auto mail = MailTo(mailbox);
    ASSERT_EQ(mail.size(), 1u);
    EXPECT_EQ(mail[0].message_id, outbox[0].message_id);
}

TEST_F(MailTest, ASenderThatDiesBetweenSendingAndMarkingResendsWithTheSameMessageId) {
    const std::string mailbox = GiveTheSchoolAMailbox();
    StartPlan();
    {
        // What a sender did before it died: claimed and sent, never marked.
        auto uow = *server_.Store().Begin(store::TransactionMode::kWrite);
        const auto now = server_.Clock().Now();
        const auto claimed = *uow->Outbox().Claim(now, now + std::chrono::seconds(120), 10, 12);
        ASSERT_TRUE(uow->Commit());
        ASSERT_EQ(claimed.size(), 1u);
        mail::SmtpTransport transport({SmtpUrl(), "", ""});
        ASSERT_TRUE(transport.Send(
            app::WordedMessage({"Kronobarn <kronobarn@kronoberg.example>", "https://kronobarn.example"}, claimed[0])));
    }
    EXPECT_EQ(server_.DeliverMail().sent, 0) << "still claimed by the sender that died";
    server_.Clock().Advance(std::chrono::seconds(121));
    EXPECT_EQ(server_.DeliverMail().sent, 1) << "the claim ran out: sent again";
    const auto mail = MailTo(mailbox);
    ASSERT_EQ(mail.size(), 2u) << "at least once";
    EXPECT_EQ(mail[0].message_id, mail[1].message_id) << "a resend is recognisably the same message";
}

TEST_F(MailTest, AnAddressTheServerRefusesIsGivenUpAndABusyServerIsTriedAgain) {
    GiveTheSchoolAMailbox("refuse");
    StartPlan();
    EXPECT_EQ(server_.DeliverMail().failed, 1);
    auto outbox = server_.Outbox();
    ASSERT_EQ(outbox.size(), 1u);
    EXPECT_EQ(outbox[0].attempts, domain::kMaxDeliveryAttempts) << "550: trying again changes nothing";
    EXPECT_NE(outbox[0].last_error.find("550"), std::string::npos) << outbox[0].last_error;
    server_.Clock().Advance(std::chrono::hours(24));
    EXPECT_EQ(server_.DeliverMail().failed, 0) << "not tried again";
}

TEST_F(MailTest, AMeetingInvitationIsACalendarEntryThatMovesAcrossSummerTimeAndIsCancelled) {
    StartPlan();
    AddSocialServices();
    ASSERT_EQ(RecordConsent().status, 303);
    Guardian("1", "eva.b");
    const std::string social = GiveAMailbox("Socialtjänsten Växjö", "socialtjansten");
    const std::string family = GiveAnAddress("eva.b");
    server_.DeliverMail();  // the signal's own mail, if any, out of the way

    // Monday 29 March 2027, 09:00 in Sweden: the first day of summer time, 07:00 UTC.
    ASSERT_EQ(PostPlan("moten/planera", "&kind=follow_up&meets_on=2027-03-29&starts_at=09%3A00&place=" +
                                            UrlEncode("Rum 3, Växjö Centralskola") +
                                            "&invited=familjen&invited=" + Unit("Socialtjänsten Växjö"))
                  .status,
              303);
    EXPECT_EQ(server_.DeliverMail().failed, 0);
    auto to_social = MailTo(social);
    ASSERT_EQ(to_social.size(), 1u);
    EXPECT_EQ(to_social[0].subject, "Inbjudan till möte 29 mars 2027 i Kronobarn");
    ASSERT_EQ(to_social[0].calendars.size(), 1u) << to_social[0].raw;
    const ReceivedCalendar invited = to_social[0].calendars[0];
    EXPECT_EQ(invited.method, "REQUEST");
    EXPECT_EQ(invited.summary, "Samverkansmöte (Kronobarn)");
    EXPECT_EQ(invited.start_zone, "Europe/Stockholm");
    EXPECT_EQ(invited.start, "2027-03-29T07:00:00.000Z") << "09:00 summer time";
    EXPECT_EQ(invited.end, "2027-03-29T08:00:00.000Z");
    EXPECT_EQ(invited.sequence, 0);
    EXPECT_FALSE(invited.has_location) << "the place stays behind sign-in";
    EXPECT_NE(invited.uid.find("kronobarn-meeting-"), std::string::npos);
    EXPECT_NE(to_social[0].text.find("måndag 29 mars 2027 kl. 09.00"), std::string::npos) << to_social[0].text;
    ExpectNothingAboutTheChild(to_social[0]);
    auto to_family = MailTo(family);
    ASSERT_EQ(to_family.size(), 1u);
    EXPECT_EQ(to_family[0].subject, "Inbjudan till möte om barnets plan 29 mars 2027");
    ASSERT_EQ(to_family[0].calendars.size(), 1u);
    EXPECT_EQ(to_family[0].calendars[0].uid, invited.uid);
    EXPECT_NE(to_family[0].text.find("https://kronobarn.example/familj/barn/"), std::string::npos);
    ExpectNothingAboutTheChild(to_family[0]);

    // Moved to Friday 26 March, still winter time: the same entry, a higher SEQUENCE, 08:00 UTC.
    ASSERT_EQ(PostPlan("moten/planera", "&kind=follow_up&meets_on=2027-03-26&starts_at=09%3A00&place=" +
                                            UrlEncode("Rum 3, Växjö Centralskola") +
                                            "&invited=familjen&invited=" + Unit("Socialtjänsten Växjö"))
                  .status,
              303);
    server_.DeliverMail();
    to_social = MailTo(social);
    ASSERT_EQ(to_social.size(), 2u);
    ASSERT_EQ(to_social[1].calendars.size(), 1u);
    const ReceivedCalendar moved = to_social[1].calendars[0];
    EXPECT_EQ(moved.method, "REQUEST");
    EXPECT_EQ(moved.uid, invited.uid);
    EXPECT_EQ(moved.sequence, 1);
    EXPECT_EQ(moved.start, "2027-03-26T08:00:00.000Z") << "09:00 winter time";
    EXPECT_NE(to_social[1].subject.find("Ändrad tid"), std::string::npos);

    // Called off: METHOD:CANCEL for the same entry, a higher SEQUENCE still.
    ASSERT_EQ(PostPlan("moten/stall-in", "").status, 303);
    server_.DeliverMail();
    to_social = MailTo(social);
    ASSERT_EQ(to_social.size(), 3u);
    ASSERT_EQ(to_social[2].calendars.size(), 1u);
    const ReceivedCalendar cancelled = to_social[2].calendars[0];
    EXPECT_EQ(cancelled.method, "CANCEL");
    EXPECT_EQ(cancelled.status, "CANCELLED");
    EXPECT_EQ(cancelled.uid, invited.uid);
    EXPECT_EQ(cancelled.sequence, 2);
    to_family = MailTo(family);
    ASSERT_EQ(to_family.size(), 3u);
    EXPECT_EQ(to_family[2].calendars.at(0).method, "CANCEL");
}

TEST_F(MailTest, FiveActionsDueComeInOneDailyDigestWithFiveLinksOnceADay) {
    StartPlan();
    server_.DeliverMail();
    const std::string mailbox = GiveTheSchoolAMailbox("digest");
    // Five actions of the school due within 14 days (the clock says 18 November 2026), one later.
    for (const std::string due : {"2026-11-20", "2026-11-22", "2026-11-25", "2026-11-30", "2026-12-01", "2027-02-01"}) {
        ASSERT_EQ(PostPlan("insatser", "&what=" + UrlEncode("Samtal " + due) + "&unit_id=" +
                                           Unit("Växjö Centralskola") + "&responsible=Anna&start=2026-11-19&due=" + due)
                      .status,
                  303);
    }
    EXPECT_EQ(server_.DeliverMail().sent, 0) << "reminders wait for the digest";
    app::DailyDigest digest(server_.Store(), server_.Clock());
    const auto run = digest.Run();
    ASSERT_TRUE(run) << run.error().detail;
    EXPECT_GE(run->reminders, 5);
    EXPECT_EQ(server_.DeliverMail().failed, 0);
    auto mail = MailTo(mailbox);
    ASSERT_EQ(mail.size(), 1u) << "one digest for the mailbox";
    EXPECT_EQ(mail[0].subject, "Sammanfattning från Kronobarn 18 november 2026");
    std::size_t links = 0;
    for (auto at = mail[0].text.find("https://kronobarn.example/planer/"); at != std::string::npos;
         at = mail[0].text.find("https://kronobarn.example/planer/", at + 1)) {
        ++links;
    }
    EXPECT_EQ(links, 5u) << mail[0].text;
    EXPECT_NE(mail[0].text.find("(5)"), std::string::npos);
    EXPECT_EQ(mail[0].text.find("Samtal"), std::string::npos) << "no action text";
    ExpectNothingAboutTheChild(mail[0]);

    // The next run the same day, and the next day: nothing new is due, nothing is sent again.
    EXPECT_EQ(digest.Run()->digests, 0);
    EXPECT_EQ(digest.RunIfDue(std::chrono::hours(7))->digests, 0) << "today's reminders were written already";
    server_.Clock().Advance(std::chrono::hours(24));
    EXPECT_EQ(digest.RunIfDue(std::chrono::hours(7))->digests, 0);
    EXPECT_EQ(server_.DeliverMail().sent, 0);
    EXPECT_EQ(MailTo(mailbox).size(), 1u);
    // Overdue is a stage of its own: a second reminder, once.
    server_.Clock().Advance(std::chrono::hours(24 * 2));
    const auto overdue = digest.RunIfDue(std::chrono::hours(7));
    ASSERT_TRUE(overdue);
    EXPECT_TRUE(overdue->ran);
    EXPECT_GE(overdue->items, 1);
    server_.DeliverMail();
    mail = MailTo(mailbox);
    ASSERT_EQ(mail.size(), 2u);
    EXPECT_NE(mail[1].text.find("senast 20 november 2026"), std::string::npos) << mail[1].text;
}

TEST_F(MailTest, ADigestRunForTenThousandRecipientsGathersEachOnceAndLosesNothing) {
    {
        auto uow = *server_.Store().Begin(store::TransactionMode::kWrite);
        for (int n = 0; n < 10'000; ++n) {
            domain::Notification waiting;
            waiting.kind = domain::NotificationKind::kActionDue;
            waiting.recipient_unit_id = server_.UnitId("Växjö Centralskola");
            waiting.address = "r" + std::to_string(n) + "@many.example";
            waiting.unit_name = "Växjö Centralskola";
            waiting.link_path = "/planer/1";
            ASSERT_TRUE(uow->Outbox().Add(waiting, "<d" + std::to_string(n) + "@k>", server_.Clock().Now(),
                                          {true, "many:" + std::to_string(n)}));
        }
        ASSERT_TRUE(uow->Commit());
    }
    app::DailyDigest digest(server_.Store(), server_.Clock());
    const auto run = digest.Run();
    ASSERT_TRUE(run) << run.error().detail;
    EXPECT_EQ(run->digests, 10'000);
    EXPECT_EQ(run->items, 10'000);
    EXPECT_EQ(digest.Run()->digests, 0) << "each gathered once";
    const auto outbox = server_.Outbox();
    std::set<std::int64_t> digests;
    int items = 0;
    for (const auto& message : outbox) {
        if (message.notification.kind == domain::NotificationKind::kDigest) digests.insert(message.id);
        if (message.digest) {
            ++items;
            ASSERT_TRUE(message.digest_id.has_value()) << "none left behind";
        }
    }
    EXPECT_EQ(digests.size(), 10'000u);
    EXPECT_EQ(items, 10'000);
}

TEST_F(MailTest, APersonChoosesOnTheirPageHowASignalReachesThemButCannotTurnADutyOff) {
    const std::string anna = GiveAnAddress("anna");
    const std::string page = server_.Get("/aviseringar", Session("anna")).body;
    EXPECT_NE(page.find("Mina aviseringar"), std::string::npos);
    EXPECT_NE(page.find(anna), std::string::npos) << "where the messages go";
    EXPECT_NE(page.find("id=\"kind_new_signal_at_once\" value=\"at_once\" checked"), std::string::npos)
        << "new signals at once by default";
    EXPECT_EQ(page.find("id=\"kind_new_signal_off\""), std::string::npos) << "a duty has no 'off'";
    EXPECT_NE(page.find("id=\"kind_meeting_invitation_off\""), std::string::npos);
    EXPECT_EQ(page.find("kind_family_meeting"), std::string::npos) << "the family's kinds are the family's";

    // Off for a duty, a made-up kind, a family's kind, an unknown delivery: refused, nothing saved.
    for (const std::string bad : {"&kind_new_signal=off", "&kind_child_name=at_once",
                                  "&kind_family_meeting_invitation=off", "&kind_new_signal=sometimes"}) {
        SCOPED_TRACE(bad);
        const HttpResult refused = server_.PostForm(
            "/aviseringar", Csrf("anna") + "&kind_handover_request=daily_digest" + bad, Session("anna"));
        EXPECT_EQ(refused.status, 400);
        EXPECT_NE(refused.body.find("kb-error-summary"), std::string::npos);
    }
    const HttpResult duty = server_.PostForm("/aviseringar", Csrf("anna") + "&kind_new_signal=off", Session("anna"));
    EXPECT_NE(duty.body.find("kan inte stängas av"), std::string::npos);
    EXPECT_NE(duty.body.find("href=\"#kind_new_signal\""), std::string::npos) << "the summary links to the choice";
    EXPECT_NE(duty.body.find("id=\"kind_new_signal_at_once\" value=\"at_once\" checked"), std::string::npos)
        << "the current choice again, not nothing";
    EXPECT_NE(server_.Get("/aviseringar", Session("anna"))
                  .body.find("id=\"kind_handover_request_at_once\" "
                             "value=\"at_once\" checked"),
              std::string::npos)
        << "nothing of a refused form was saved";

    // New signals in the daily digest: the signal waits for it, then comes in it.
    const HttpResult saved =
        server_.PostForm("/aviseringar", Csrf("anna") + "&kind_new_signal=daily_digest", Session("anna"));
    ASSERT_EQ(saved.status, 303);
    EXPECT_NE(server_.Get(saved.Header("location"), Session("anna")).body.find("Dina val är sparade."),
              std::string::npos);
    StartPlan();
    server_.DeliverMail();
    EXPECT_TRUE(MailTo(anna).empty()) << "waits for the digest";
    ASSERT_TRUE(app::DailyDigest(server_.Store(), server_.Clock()).Run());
    server_.DeliverMail();
    const auto mail = MailTo(anna);
    ASSERT_EQ(mail.size(), 1u);
    EXPECT_NE(mail[0].subject.find("Sammanfattning"), std::string::npos);
    EXPECT_NE(mail[0].text.find("Ny signal att ta ställning till"), std::string::npos) << mail[0].text;
    ExpectNothingAboutTheChild(mail[0]);
}

TEST_F(MailTest, AGuardianGivesAnAddressAndMayTurnMeetingInvitationsOff) {
    StartPlan();
    AddSocialServices();
    ASSERT_EQ(RecordConsent().status, 303);
    Guardian("1", "eva.b");
    const std::string page = server_.Get("/familj/aviseringar", Session("eva.b")).body;
    EXPECT_NE(page.find("id=\"email\""), std::string::npos);
    EXPECT_NE(page.find("id=\"kind_family_meeting_invitation_off\""), std::string::npos);
    EXPECT_EQ(page.find("kind_new_signal"), std::string::npos) << "staff kinds are not the family's";

    const HttpResult bad =
        server_.PostForm("/familj/aviseringar",
                         Csrf("eva.b") + "&email=" + UrlEncode("eva@home.example\r\nBcc: x@y.se"), Session("eva.b"));
    EXPECT_EQ(bad.status, 400);
    EXPECT_NE(bad.body.find("href=\"#email\""), std::string::npos);
    EXPECT_NE(bad.body.find("aria-invalid=\"true\" value=\"eva@home.example"), std::string::npos)
        << "what was typed stays, at the field in error";
    const std::string address = "eva-" + crypto::RandomToken(6) + "@home.example";
    ASSERT_EQ(server_.PostForm("/familj/aviseringar", Csrf("eva.b") + "&email=" + UrlEncode(address), Session("eva.b"))
                  .status,
              303);
    const auto plan_meeting = [&](const std::string& day) {
        return PostPlan("moten/planera",
                        "&kind=follow_up&meets_on=" + day + "&starts_at=10%3A00&place=Rum+3" + "&invited=familjen")
            .status;
    };
    ASSERT_EQ(plan_meeting("2027-01-12"), 303);
    server_.DeliverMail();
    ASSERT_EQ(MailTo(address).size(), 1u) << "invited by e-mail";
    EXPECT_EQ(MailTo(address)[0].subject, "Inbjudan till möte om barnets plan 12 januari 2027");

    ASSERT_EQ(server_
                  .PostForm("/familj/aviseringar",
                            Csrf("eva.b") + "&email=" + UrlEncode(address) + "&kind_family_meeting_changed=off",
                            Session("eva.b"))
                  .status,
              303);
    ASSERT_EQ(plan_meeting("2027-01-19"), 303);
    server_.DeliverMail();
    EXPECT_EQ(MailTo(address).size(), 1u) << "a move she turned off";

    // Under a documented restriction a guardian is told nothing, not even a cancellation.
    const std::string family_page = server_.Get("/barn/" + ChildId() + "/familj", Session("anna")).body;
    const std::string eva = AttributeAfter(family_page, family_page.find("name=\"guardian_id\""), "value");
    ASSERT_EQ(
        server_
            .PostForm("/barn/" + ChildId() + "/familj/begransning",
                      Csrf("anna") + "&guardian_id=" + eva + "&restricted=1&reason=" + UrlEncode("Beslut om skydd"),
                      Session("anna"))
            .status,
        303);
    ASSERT_EQ(PostPlan("moten/stall-in", "").status, 303);
    server_.DeliverMail();
    EXPECT_EQ(MailTo(address).size(), 1u) << "nothing to a restricted guardian";
}

TEST_F(MailTest, AUnitAddedToAPlanHearsSoTheFamilyHearsTheAgreedPlanAndAWithdrawnConsentIsTold) {
    StartPlan();
    Guardian("1", "eva.b");
    const std::string family = GiveAnAddress("eva.b");
    const std::string social = GiveAMailbox("Socialtjänsten Växjö", "soc-plan");
    server_.DeliverMail();
    AddSocialServices();
    ASSERT_EQ(RecordConsent().status, 303);
    server_.DeliverMail();
    auto to_social = MailTo(social);
    ASSERT_EQ(to_social.size(), 1u);
    EXPECT_EQ(to_social[0].subject, "Er enhet har lagts till i ett barns plan i Kronobarn");
    EXPECT_NE(to_social[0].text.find("https://kronobarn.example/planer/"), std::string::npos);

    AgreeThePlan();
    server_.DeliverMail();
    const auto to_family = MailTo(family);
    ASSERT_EQ(to_family.size(), 1u);
    EXPECT_EQ(to_family[0].subject, "Barnets plan är upprättad");
    EXPECT_NE(to_family[0].text.find("Växjö Centralskola"), std::string::npos) << "from the unit that keeps it";
    ExpectNothingAboutTheChild(to_family[0]);

    WithdrawFirstConsent();
    server_.DeliverMail();
    to_social = MailTo(social);
    ASSERT_EQ(to_social.size(), 2u);
    EXPECT_EQ(to_social[1].subject, "Ett samtycke har återkallats i Kronobarn");
    for (const auto& mail : to_social) ExpectNothingAboutTheChild(mail);
}

TEST_F(MailTest, EmergencyAccessIsToldToTheHolderAndTheFamilyWithoutTheReason) {
    StartPlan();
    Guardian("1", "eva.b");
    const std::string family = GiveAnAddress("eva.b");
    const std::string school = GiveTheSchoolAMailbox("nod");
    server_.DeliverMail();
    const std::string reason = "Polisen har hittat barnet ensamt ute i natt";
    ASSERT_EQ(server_
                  .PostForm("/nodatkomst",
                            Csrf("alva") + "&personal_number=" + ElevenYearOld() +
                                "&unit_id=" + Unit("Socialtjänsten Alvesta") + "&reason=" + UrlEncode(reason),
                            Session("alva"))
                  .status,
              303);
    server_.DeliverMail();
    const auto to_school = MailTo(school);
    ASSERT_EQ(to_school.size(), 1u);
    EXPECT_EQ(to_school[0].subject, "Nödåtkomst har använts i Kronobarn");
    EXPECT_NE(to_school[0].text.find("https://kronobarn.example/start"), std::string::npos);
    const auto to_family = MailTo(family);
    ASSERT_EQ(to_family.size(), 1u);
    EXPECT_EQ(to_family[0].subject, "Någon har öppnat barnets uppgifter med nödåtkomst");
    EXPECT_NE(to_family[0].text.find("Socialtjänsten Alvesta"), std::string::npos)
        << "which organisation, as the log shows";
    EXPECT_NE(to_family[0].text.find("/vem-har-oppnat"), std::string::npos);
    for (const auto& mail : {to_school[0], to_family[0]}) {
        EXPECT_EQ(mail.raw.find("Polisen"), std::string::npos) << "never the reason";
        EXPECT_EQ(mail.text.find("Alva"), std::string::npos) << "never who";
        ExpectNothingAboutTheChild(mail);
    }
}

TEST_F(MailTest, AdministratorsSeeFailedDeliveriesToTheirOwnWithoutContentAndNeverAFamilys) {
    GiveTheSchoolAMailbox("refuse-skolan");
    StartPlan();
    server_.DeliverMail();
    const HttpResult own = server_.Get("/admin/utskick", Session("adam"));
    ASSERT_EQ(own.status, 200);
    EXPECT_NE(own.body.find("Växjö Centralskola"), std::string::npos);
    EXPECT_NE(own.body.find("refuse-skolan-"), std::string::npos) << "the address";
    EXPECT_NE(own.body.find("550"), std::string::npos) << "the error";
    EXPECT_NE(own.body.find("Servern tog inte emot adressen."), std::string::npos) << "in words";
    EXPECT_NE(own.body.find("ges upp"), std::string::npos);
    EXPECT_EQ(own.body.find("/oro/"), std::string::npos) << "no link, no content";
    EXPECT_EQ(own.body.find("Maja"), std::string::npos);
    EXPECT_NE(server_.Get("/admin/utskick", Session("linnea")).body.find("refuse-skolan-"), std::string::npos)
        << "the county administrator sees every organisation's";
    EXPECT_EQ(server_.Get("/admin/utskick", Session("anna")).status, 404) << "not an administrator";
}

// Reminders of the day: a plan to be followed up within 14 days goes to the unit responsible for
// it, a consent that runs out within 30 days to the child's holder — each once, in the digest. A
// follow-up meeting already planned is not reminded beside its invitation; called off, it is.
TEST_F(MailTest, AFollowUpDueAndAConsentRunningOutAreRemindedOnceInTheDigest) {
    StartPlan();
    AddSocialServices();
    ASSERT_EQ(RecordConsent(2, "2026-12-10").status, 303);  // runs out within 30 days of 18 November
    AgreeThePlan();
    ASSERT_EQ(PostPlan("moten/planera",
                       "&kind=follow_up&meets_on=2026-11-26&starts_at=10%3A00&place=Rum+3"
                       "&invited=" +
                           Unit("Växjö Centralskola"))
                  .status,
              303);
    server_.DeliverMail();
    const std::string mailbox = GiveTheSchoolAMailbox("reminders");
    app::DailyDigest digest(server_.Store(), server_.Clock());
    ASSERT_TRUE(digest.Run());
    server_.DeliverMail();
    auto mail = MailTo(mailbox);
    ASSERT_EQ(mail.size(), 1u);
    EXPECT_NE(mail[0].text.find("Ett samtycke upphör att gälla 10 december 2026"), std::string::npos) << mail[0].text;
    EXPECT_NE(mail[0].text.find("https://kronobarn.example/barn/" + ChildId() + "/samtycken"), std::string::npos)
        << "the link opens the child's consents, behind sign-in";
    EXPECT_EQ(mail[0].text.find("följas upp"), std::string::npos) << "the meeting's invitation already said it";
    ExpectNothingAboutTheChild(mail[0]);

    // The meeting is called off: the follow-up date stands, and the next day's digest reminds of it.
    ASSERT_EQ(PostPlan("moten/stall-in", "").status, 303);
    server_.DeliverMail();
    server_.Clock().Advance(std::chrono::hours(24));
    ASSERT_TRUE(digest.Run());
    server_.DeliverMail();
    mail = MailTo(mailbox);
    ASSERT_EQ(mail.size(), 3u) << "the calling off (at once) and the digest";
    EXPECT_NE(mail[2].text.find("Barnets plan ska följas upp senast 26 november 2026"), std::string::npos)
        << mail[2].text;
    EXPECT_NE(mail[2].text.find("https://kronobarn.example" + plan_), std::string::npos);
    EXPECT_EQ(mail[2].text.find("samtycke"), std::string::npos) << "the consent was reminded once";
    ExpectNothingAboutTheChild(mail[2]);

    // The next days: nothing new until the follow-up is overdue; an expired consent is not chased.
    server_.Clock().Advance(std::chrono::hours(24 * 2));
    EXPECT_EQ(digest.Run()->digests, 0);
    server_.Clock().Advance(std::chrono::hours(24 * 20));  // 10 December has passed
    ASSERT_TRUE(digest.Run());
    server_.DeliverMail();
    mail = MailTo(mailbox);
    ASSERT_EQ(mail.size(), 4u);
    EXPECT_NE(mail[3].text.find("senast 26 november 2026"), std::string::npos) << "overdue, once more";
    EXPECT_EQ(mail[3].text.find("samtycke"), std::string::npos) << mail[3].text;
}

// The family hears that the agreed plan changed — at most once a day, never about a draft, and not
// for a planned meeting (its own invitation tells of that).
TEST_F(MailTest, TheFamilyHearsOnceADayThatTheAgreedPlanChanged) {
    StartPlan();
    Guardian("1", "eva.b");
    const std::string family = GiveAnAddress("eva.b");
    AddSocialServices();  // a draft's changes are not told
    AgreeThePlan();
    server_.DeliverMail();
    ASSERT_EQ(MailTo(family).size(), 1u) << "the plan agreed";
    const auto add_goal = [&](const std::string& outcome) {
        return PostPlan("mal", "&area_code=ma_bra&outcome=" + UrlEncode(outcome) +
                                   "&how_we_know=" + UrlEncode("Maja säger det") + "&by_when=2027-05-01")
            .status;
    };
    ASSERT_EQ(add_goal("Sover hela natten"), 303);
    ASSERT_EQ(add_goal("Äter frukost"), 303);
    ASSERT_EQ(
        PostPlan("moten/planera", "&kind=follow_up&meets_on=2027-01-12&starts_at=10%3A00&place=Rum+3&invited=familjen")
            .status,
        303);
    server_.DeliverMail();
    auto mail = MailTo(family);
    ASSERT_EQ(mail.size(), 3u) << "agreed, changed once today, the meeting";
    EXPECT_EQ(mail[1].subject, "Barnets plan har ändrats");
    EXPECT_NE(mail[1].text.find("ändrats 18 november 2026"), std::string::npos) << mail[1].text;
    EXPECT_NE(mail[1].text.find("https://kronobarn.example/familj/barn/" + ChildId()), std::string::npos);
    EXPECT_EQ(mail[1].text.find("Sover"), std::string::npos) << "not what changed";
    EXPECT_NE(mail[2].subject.find("Inbjudan till möte"), std::string::npos);
    for (const auto& one : mail) ExpectNothingAboutTheChild(one);

    server_.Clock().Advance(std::chrono::hours(24));
    server_.Forget("anna");  // sessions time out over a day
    ASSERT_EQ(add_goal("Har en kompis"), 303);
    server_.DeliverMail();
    mail = MailTo(family);
    ASSERT_EQ(mail.size(), 4u) << "a new day, a new message";
    EXPECT_NE(mail[3].text.find("ändrats 19 november 2026"), std::string::npos);
}

// A guardian invited by e-mail learns who invites and how to sign in — nothing about the child; a
// wrong address is shown at its field and nothing is sent; a restricted guardian is sent nothing.
TEST_F(MailTest, AGuardianInvitedByEmailIsToldHowToSignInAndNothingAboutTheChild) {
    StartPlan();
    const std::string child = ChildId();
    const std::string eva = Member("1");
    const auto invite = [&](const std::string& member, const std::string& address, const std::string& who = "anna") {
        return server_.PostForm("/barn/" + child + "/familj/inbjudan-epost",
                                Csrf(who) + "&member=" + member + "&email=" + UrlEncode(address), Session(who));
    };
    const HttpResult wrong = invite(eva, "eva@home.example\r\nBcc: x@y.se");
    EXPECT_EQ(wrong.status, 400);
    EXPECT_NE(wrong.body.find("href=\"#mail-" + eva + "-email\""), std::string::npos) << "the summary links to it";
    EXPECT_NE(wrong.body.find("<details class=\"kb-fold\" id=\"form-mail-" + eva + "\" open"), std::string::npos)
        << "the form is open where the error is";
    EXPECT_EQ(invite(eva, "eva@home.example", "sara").status, 404) << "not the child's holder";
    server_.DeliverMail();

    const std::string address = "eva-" + crypto::RandomToken(6) + "@home.example";
    const HttpResult sent = invite(eva, address);
    ASSERT_EQ(sent.status, 303);
    EXPECT_NE(server_.Get(sent.Header("location"), Session("anna")).body.find("Inbjudan skickas med e-post"),
              std::string::npos);
    server_.DeliverMail();
    const auto mail = MailTo(address);
    ASSERT_EQ(mail.size(), 1u);
    EXPECT_EQ(mail[0].subject, "Du är inbjuden till Kronobarn");
    EXPECT_NE(mail[0].text.find("Växjö Centralskola har bjudit in dig"), std::string::npos) << mail[0].text;
    EXPECT_NE(mail[0].text.find("https://kronobarn.example/logga-in"), std::string::npos);
    EXPECT_EQ(mail[0].text.find("/aktivera/"), std::string::npos) << "never the one-time link";
    ExpectNothingAboutTheChild(mail[0]);
    int invited = 0;
    int denied = 0;
    for (const auto& row : server_.AuditRowsSinceSetup()) {
        if (row.event.action != "invite_by_email") continue;
        (row.event.outcome == domain::AuditOutcome::kAllowed ? invited : denied) += 1;
    }
    EXPECT_EQ(invited, 1) << "the wrong address wrote no row: nothing happened";
    EXPECT_EQ(denied, 1) << "the social worker's attempt";

    // Under a documented restriction: nothing is sent, and the page says why.
    const std::string per = Member("2");
    ASSERT_EQ(
        server_
            .PostForm("/barn/" + child + "/familj/begransning",
                      Csrf("anna") + "&guardian_id=" + per + "&restricted=1&reason=" + UrlEncode("Beslut om skydd"),
                      Session("anna"))
            .status,
        303);
    const std::string per_address = "per-" + crypto::RandomToken(6) + "@home.example";
    const HttpResult restricted = invite(per, per_address);
    EXPECT_EQ(restricted.status, 422);
    EXPECT_NE(restricted.body.find("dokumenterad begränsning"), std::string::npos);
    server_.DeliverMail();
    EXPECT_TRUE(MailTo(per_address).empty());
}

}  // namespace
}  // namespace kronobarn::testing
