// Benchmark datasets (issue 7): the demo county grown to a county's or a country's size — more
// municipalities with more schools and preschools, regions, associations, thousands of staff,
// children with guardians, signals (most decided), Barnets plans with consents in every state, and
// two years of audit history on the plans. Deterministic for a seed and a reference date. Written
// in batches of their own transactions, so memory stays bounded by the number of plans and staff,
// not children or audit rows. Never load it into a production database.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "app/actor.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

struct ScaleOptions {
    int municipalities = 8;  // Kronoberg's eight, then "Kommun 009" … as many as asked
    int children = 45'000;   // all of them, the demo's 2,000 included
    int associations = 20;
    int staff = 3'000;  // generated staff beside the demo logins
    int signals = 4'000;
    int plans = 1'000;                    // the demo's included
    std::int64_t audit_rows = 5'000'000;  // at least this many rows when done
    std::uint64_t seed = 1;
};

// ≈ 45,000 children in Kronoberg's 8 municipalities, 3,000 staff, 4,000 signals, 1,000 plans,
// ≥ 5 million audit rows.
ScaleOptions CountyDataset();
// ≈ 2.2 million children in 290 municipalities, 50,000 plans, ≥ 20 million audit rows.
ScaleOptions NationalDataset();

struct ScaleSummary {
    std::int64_t children = 0;
    std::int64_t staff = 0;
    std::int64_t signals = 0;
    std::int64_t plans = 0;
    std::int64_t audit_rows = 0;
};

// Called after each batch: what is being generated, how far, of how many.
using ScaleProgress = std::function<void(std::string_view stage, std::int64_t done, std::int64_t total)>;

// Loads the demo (demo_data.hpp) and grows it to `options`. Errors as LoadDemoData, plus
// kInvalidArgument "scale.options" for sizes that do not fit together.
Result<ScaleSummary> LoadScaleData(store::Store& store, const Clock& clock, const ScaleOptions& options,
                                   const ScaleProgress& progress, const RequestContext& context);

}  // namespace kronobarn::app
