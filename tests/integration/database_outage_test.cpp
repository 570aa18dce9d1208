// PostgreSQL stopped in the middle of a run (issue 6): every request gets a clear 503 page instead
// of a login page or a crash, a form posted during the outage saves nothing, and the server
// recovers by itself as soon as the database is back, with sessions intact. Runs on a PostgreSQL
// server of its own (stopping the shared one would fail the other tests); a SQLite file has no
// server to stop, so the SQLite run skips it and says so.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "integration/plan_fixture.hpp"

namespace kronobarn::testing {
namespace {

class OwnPostgresServer {
  public:
    OwnPostgresServer() : state_(dir_.File("cluster.state")) { ok_ = Run("start"); }
    ~OwnPostgresServer() { Run("stop"); }
    OwnPostgresServer(const OwnPostgresServer&) = delete;
    OwnPostgresServer& operator=(const OwnPostgresServer&) = delete;

    bool Ok() const { return ok_; }
    bool Pause() { return Run("pause"); }
    bool Resume() { return Run("resume"); }
    std::string Parameters() const {
        std::ifstream file(state_);
        std::string parameters;
        std::getline(file, parameters);
        return parameters;
    }

  private:
    bool Run(const std::string& command) {
        const std::string line =
            std::string(KRONOBARN_SOURCE_DIR) + "/tests/postgres-cluster " + command + " '" + state_ + "' >/dev/null";
        return std::system(line.c_str()) == 0;
    }

    TempDir dir_;
    std::string state_;
    bool ok_ = false;
};

TEST(DatabaseOutageTest, RequestsGetA503DuringTheOutageNothingIsHalfSavedAndTheServerRecoversByItself) {
    if (!TestDatabase::PostgresRun()) GTEST_SKIP() << "PostgreSQL only: a SQLite file has no server to stop";
    OwnPostgresServer postgres;
    ASSERT_TRUE(postgres.Ok());
    TestServer server(std::make_shared<TestDatabase>(postgres.Parameters()));
    const std::string cookie = server.SessionOf("bertil");
    ASSERT_FALSE(cookie.empty());
    const std::string csrf = server.CsrfField("bertil");
    const std::string nine = "150312981";
    const std::string signal =
        csrf + "&personal_number=20" + nine + std::to_string(domain::LuhnCheckDigit(nine)) +
        "&given_name=Maja&family_name=Berg&noticing_unit_id=" + std::to_string(server.UnitId("Växjö Centralskola")) +
        "&child_unit_id=" + std::to_string(server.UnitId("Växjö Centralskola")) + "&noticed_on=2026-11-17&description=";
    ASSERT_EQ(server.PostForm("/oro", signal + UrlEncode("Före avbrottet."), cookie).status, 303);

    ASSERT_TRUE(postgres.Pause());
    const HttpResult start = server.Get("/start", cookie);
    EXPECT_EQ(start.status, 503) << "not a login page: the session may well be valid";
    EXPECT_NE(start.body.find("tillfälligt otillgänglig"), std::string::npos);
    const HttpResult posted = server.PostForm("/oro", signal + UrlEncode("Under avbrottet."), cookie);
    EXPECT_EQ(posted.status, 503);
    EXPECT_EQ(server.Get("/healthz").status, 200) << "the process itself is alive";

    ASSERT_TRUE(postgres.Resume());
    const HttpResult back = server.Get("/start", cookie);
    ASSERT_EQ(back.status, 200) << "the first request after the outage already works";
    EXPECT_EQ(server.Database().RawQuery("SELECT count(*) FROM concerns"), "1")
        << "the signal posted during the outage was not saved";
    EXPECT_EQ(server.PostForm("/oro", signal + UrlEncode("Efter avbrottet."), cookie).status, 303);

    // A restart nobody noticed: every pooled connection died while idle and learns so only when used.
    ASSERT_TRUE(postgres.Pause());
    ASSERT_TRUE(postgres.Resume());
    EXPECT_EQ(server.Get("/start", cookie).status, 200) << "a quiet restart costs no request an error";
    EXPECT_EQ(server.PostForm("/oro", signal + UrlEncode("Efter omstarten."), cookie).status, 303);
    EXPECT_EQ(server.Database().RawQuery("SELECT count(*) FROM concerns"), "3");
}

}  // namespace
}  // namespace kronobarn::testing
