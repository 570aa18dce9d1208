// The once-a-day run of notifications (issue 25): writes the day's reminders (actions a unit carries
// out that are due within 14 days, or overdue; plans to be followed up within 14 days, or overdue;
// consents that run out within 30 days — once per item, date and stage) and gathers
// everything waiting for the digest into one message per recipient, which the outbox sender then
// sends like any other (retries, Message-ID). Several app servers share it: the first to ask on a
// day runs it (daily_jobs).
#pragma once

#include <chrono>

#include "common/result.hpp"
#include "common/time.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

struct DigestRun {
    bool ran = false;   // false: today's run was already done (here or by another server)
    int reminders = 0;  // reminder messages written
    int digests = 0;    // digest messages written (one per recipient with something waiting)
    int items = 0;      // messages gathered into them
};

// Reminders start this many days before an action's due date or a plan's follow-up,
inline constexpr int kReminderDays = 14;
// and this many before a consent's last day (time to ask the family whether to renew it).
inline constexpr int kConsentReminderDays = 30;

class DailyDigest {
  public:
    DailyDigest(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

    // Runs once a day, on the first call at or after `at` (Swedish local time).
    Result<DigestRun> RunIfDue(std::chrono::minutes at);
    // Runs now, whatever the day's record says (tests, the CLI's "notify digest").
    Result<DigestRun> Run();

  private:
    store::Store& store_;
    const Clock& clock_;
    Date last_day_seen_{};
};

}  // namespace kronobarn::app
