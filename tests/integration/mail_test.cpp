// E-mail notifications against a real SMTP server (npm smtp-server, tests/smtp/server.mjs, the CTest
// fixture "smtp"): a signal puts one message in the outbox in its own transaction, and the holder
// unit's mailbox gets exactly that one — with nothing about the child in it; a mail server that is
// down keeps the message waiting and it goes out once it is back, once; a sender that dies between
// sending and marking resends with the same Message-ID; a refused address is given up, a busy one
// tried again.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>

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

struct ReceivedMail {
    std::string message_id, subject, text, raw;
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
        mail.push_back({text("messageId"), text("subject"), text("text"), text("raw")});
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
        const std::string address = local + "-" + crypto::RandomToken(6) + "@vaxjo.example";
        auto uow = *server_.Store().Begin(store::TransactionMode::kWrite);
        auto unit = **uow->Organisations().FindUnit(server_.UnitId("Växjö Centralskola"));
        unit.email = address;
        EXPECT_TRUE(uow->Organisations().UpdateUnit(unit));
        EXPECT_TRUE(uow->Commit());
        return address;
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
    // Nothing from the test data about the child, in the text as read or in the raw message.
    const std::string number = ElevenYearOld();
    for (const std::string& secret :
         {number, number.substr(2), number.substr(0, 8) + "-" + number.substr(8),
          number.substr(2, 6) + "-" + number.substr(8), std::string("Maja"), std::string("Berg"),
          std::string("Ofta ensam"), std::string("Eva"), std::string("Per ")}) {
        EXPECT_EQ(mail[0].text.find(secret), std::string::npos) << secret;
        EXPECT_EQ(mail[0].raw.find(secret), std::string::npos) << secret;
    }
    EXPECT_FALSE(std::regex_search(mail[0].raw, std::regex("\\b\\d{6}[-+]?\\d{4}\\b"))) << "no personal number shape";

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

}  // namespace
}  // namespace kronobarn::testing
