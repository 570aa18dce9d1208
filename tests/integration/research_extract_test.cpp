// The researchers' extract on a real database: a signal decided C with its plan and consent is
// exported as pseudonymised process data with a dictionary and a manifest; the files hold no
// personal number, name or free text; two extracts of the same data cannot be joined; only a
// researcher may make one, every extract is audited, and bad requests change nothing.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "app/research_extract.hpp"
#include "integration/plan_fixture.hpp"

namespace kronobarn::testing {
namespace {

std::string ReadText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The data lines of a CSV file (without the header), split at commas (the test data has no quotes).
std::vector<std::vector<std::string>> DataRows(const std::filesystem::path& path) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(ReadText(path));
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::vector<std::string> fields;
        std::size_t start = 0;
        for (std::size_t comma; (comma = line.find(',', start)) != std::string::npos; start = comma + 1) {
            fields.push_back(line.substr(start, comma - start));
        }
        fields.push_back(line.substr(start));
        rows.push_back(std::move(fields));
    }
    return rows;
}

class ResearchExtractTest : public PlanFixture {
  protected:
    Result<app::ResearchExtractSummary> Export(const std::filesystem::path& out, const std::string& user = "fredrik",
                                               const std::string& approval = "Dnr 2026-01234-01",
                                               const std::string& from = "2026-01-01",
                                               const std::string& to = "2026-12-31") {
        auto uow = Must(server_.Store().Begin(store::TransactionMode::kRead), "begin");
        auto found = Must(uow->Users().FindByUsername(user), "user");
        uow.reset();
        const app::Actor actor{found->user, ""};
        return app::ExportResearchExtract(server_.Store(), server_.Clock(), actor, {approval, from, to, out},
                                          {"test", "test"});
    }
    template <typename T>
    static T Must(Result<T> result, const char* what) {
        EXPECT_TRUE(result.has_value()) << what;
        return std::move(*result);
    }
    std::filesystem::path Dir(const std::string& name) { return dir_.Path() / name; }

    TempDir dir_;
};

TEST_F(ResearchExtractTest, ExportsPseudonymisedProcessDataWithADictionaryAndAManifest) {
    StartPlan();
    ASSERT_EQ(RecordConsent().status, 303);
    AddSocialServices();
    const auto summary = Export(Dir("first"));
    ASSERT_TRUE(summary.has_value()) << summary.error().message_key;

    const auto signals = DataRows(Dir("first") / "signals.csv");
    ASSERT_EQ(signals.size(), 1U);
    EXPECT_EQ(signals[0][1], "2015-Q1") << "birth coarsened to year and quarter";
    EXPECT_EQ(signals[0][2], "Växjö");
    EXPECT_EQ(signals[0][4], "school");
    EXPECT_EQ(signals[0][6], "C");
    const auto plans = DataRows(Dir("first") / "plans.csv");
    ASSERT_EQ(plans.size(), 1U);
    EXPECT_EQ(plans[0][1], signals[0][0]) << "one child, one pseudonym within the extract";
    const auto consents = DataRows(Dir("first") / "consents.csv");
    ASSERT_EQ(consents.size(), 1U);
    EXPECT_EQ(consents[0][0], signals[0][0]);
    EXPECT_EQ(consents[0][6], "school;social");
    EXPECT_EQ(consents[0][7], "given");
    const auto actions = DataRows(Dir("first") / "plan_actions.csv");
    ASSERT_EQ(actions.size(), 1U);
    EXPECT_EQ(actions[0][0], plans[0][0]);
    EXPECT_EQ(actions[0][1], "social_services");

    const std::string dictionary = ReadText(Dir("first") / "data_dictionary.csv");
    EXPECT_NE(dictionary.find("signals.csv,days_to_decision,integer,"), std::string::npos);
    EXPECT_NE(dictionary.find("wheel_statuses.csv,status,code,"), std::string::npos);
    const std::string manifest = ReadText(Dir("first") / "manifest.json");
    EXPECT_NE(manifest.find("\"approval\":\"Dnr 2026-01234-01\""), std::string::npos) << manifest;
    EXPECT_NE(manifest.find("\"from\":\"2026-01-01\""), std::string::npos);
    EXPECT_NE(manifest.find("{\"file\":\"signals.csv\",\"rows\":1}"), std::string::npos);
    EXPECT_NE(manifest.find("\"generated_at\""), std::string::npos);

    const auto audit = server_.AuditRowsSinceSetup();
    const auto& exported = audit.back().event;
    EXPECT_EQ(exported.object_type, "research_extract");
    EXPECT_EQ(exported.action, "export");
    EXPECT_EQ(exported.legal_basis, "research_approval");
    EXPECT_NE(exported.object_id.find("approval=Dnr 2026-01234-01 period=2026-01-01..2026-12-31"), std::string::npos);
}

TEST_F(ResearchExtractTest, TheFilesHoldNoIdentifierNameOrFreeText) {
    StartPlan();
    ASSERT_EQ(RecordConsent().status, 303);
    ASSERT_TRUE(Export(Dir("scan")).has_value());
    const std::string number = ElevenYearOld();
    const std::vector<std::string> forbidden{number,
                                             number.substr(2),
                                             number.substr(0, 8) + "-",
                                             "2015-03-12",
                                             "Maja",
                                             "Berg",
                                             "Eva",
                                             "Ofta ensam på rasterna",
                                             "Flera behövs",
                                             "Samverkan",
                                             "Anna Rektor",
                                             "Kurator",
                                             "Centralskola"};
    for (const auto& entry : std::filesystem::directory_iterator(Dir("scan"))) {
        const std::string text = ReadText(entry.path());
        for (const auto& word : forbidden) {
            EXPECT_EQ(text.find(word), std::string::npos) << entry.path().filename() << " holds " << word;
        }
    }
}

TEST_F(ResearchExtractTest, TwoExtractsOfTheSameDataCannotBeJoined) {
    StartPlan();
    ASSERT_TRUE(Export(Dir("one")).has_value());
    ASSERT_TRUE(Export(Dir("two")).has_value());
    const auto one = DataRows(Dir("one") / "signals.csv");
    const auto two = DataRows(Dir("two") / "signals.csv");
    ASSERT_EQ(one.size(), 1U);
    ASSERT_EQ(two.size(), 1U);
    EXPECT_EQ(one[0][3], two[0][3]) << "the same signal";
    EXPECT_NE(one[0][0], two[0][0]) << "but another pseudonym";
    EXPECT_EQ(ReadText(Dir("two") / "plans.csv").find(one[0][0]), std::string::npos);
}

TEST_F(ResearchExtractTest, BadRequestsGetAClearErrorAndChangeNothing) {
    StartPlan();
    const auto missing = Export(Dir("missing"), "fredrik", "   ");
    ASSERT_FALSE(missing.has_value());
    EXPECT_EQ(missing.error().message_key, "research.approval_missing");
    EXPECT_FALSE(std::filesystem::exists(Dir("missing")));

    const auto control = Export(Dir("control"), "fredrik", "Dnr\n1");
    ASSERT_FALSE(control.has_value());
    EXPECT_EQ(control.error().message_key, "research.approval_invalid");

    const auto reversed = Export(Dir("reversed"), "fredrik", "Dnr 1", "2026-12-31", "2026-01-01");
    ASSERT_FALSE(reversed.has_value());
    EXPECT_EQ(reversed.error().message_key, "research.period_order");
    const auto date = Export(Dir("date"), "fredrik", "Dnr 1", "2026-02-30");
    ASSERT_FALSE(date.has_value());
    EXPECT_EQ(date.error().message_key, "research.date_invalid");

    std::filesystem::create_directories(Dir("used"));
    std::ofstream(Dir("used") / "notes.txt") << "keep me";
    const auto used = Export(Dir("used"));
    ASSERT_FALSE(used.has_value());
    EXPECT_EQ(used.error().message_key, "research.out_not_empty");
    EXPECT_EQ(ReadText(Dir("used") / "notes.txt"), "keep me");
    EXPECT_FALSE(std::filesystem::exists(Dir("used") / "signals.csv"));

    for (const std::string user : {"stina", "anna", "adam"}) {
        const auto refused = Export(Dir("refused-" + user), user);
        ASSERT_FALSE(refused.has_value());
        EXPECT_EQ(refused.error().code, ErrorCode::kNotFound) << user;
        EXPECT_FALSE(std::filesystem::exists(Dir("refused-" + user)));
        const auto audit = server_.AuditRowsSinceSetup();
        EXPECT_EQ(audit.back().event.object_type, "research_extract");
        EXPECT_EQ(audit.back().event.outcome, domain::AuditOutcome::kDenied) << user;
    }
}

}  // namespace
}  // namespace kronobarn::testing
