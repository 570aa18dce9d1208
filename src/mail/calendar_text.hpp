// A meeting's calendar entry as iCalendar text (RFC 5545, iTIP RFC 5546), built with libical: a
// VCALENDAR with METHOD REQUEST or CANCEL, the Europe/Stockholm VTIMEZONE from the system's zone
// data, and one VEVENT (UID, SEQUENCE, DTSTART/DTEND in local time, the summary, the link).
#pragma once

#include <string>

#include "app/outbox_sender.hpp"
#include "common/time.hpp"

namespace kronobarn::mail {

// `stamp` is the DTSTAMP: when the message was written (the same on a resend).
std::string CalendarText(const app::CalendarEntry& entry, Timestamp stamp);

}  // namespace kronobarn::mail
