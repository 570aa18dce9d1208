// Demo data: a small Kronoberg county with its organisations and units, one staff login per role,
// N children with guardians, and Barnets plans (with consents) for a few of the school-age ones — realistic Swedish
// names, valid-format personal numbers in the synthetic serial range 900–999, plausible ages and units. Deterministic
// for a given seed and reference date. Never load it into a production database.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "common/crypto.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

struct DemoDataOptions {
    int children = 2000;
    std::uint64_t seed = 1;
    crypto::PasswordStrength password_strength = crypto::PasswordStrength::kInteractive;
    int plan_percent = 3;  // of school-age children, who get a Barnets plan with consent
};

struct DemoLogin {
    std::string username;
    std::string role;
    std::string unit;
};

struct DemoDataSummary {
    int organisations = 0;
    int units = 0;
    int children = 0;
    int plans = 0;
    std::vector<DemoLogin> logins;
    std::string password;  // the one demo password shared by all demo logins
};

// Errors: kFailedPrecondition "demo.not_empty" when the database already holds users or children;
// kInvalidArgument "demo.children_range" unless 0 ≤ children ≤ 3,000,000.
// Writes one audit row per child created (legal basis "demo_data").
Result<DemoDataSummary> LoadDemoData(store::Store& store, const Clock& clock, const DemoDataOptions& options,
                                     const RequestContext& context);

}  // namespace kronobarn::app
