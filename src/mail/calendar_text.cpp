#include "mail/calendar_text.hpp"

#include "mail/smtp_transport.hpp"

#include <libical/ical.h>

#include <memory>

namespace kronobarn::mail {
namespace {

constexpr const char* kZone = "Europe/Stockholm";

struct ComponentFree {
    void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

icaltimetype LocalTime(Date day, std::chrono::minutes after_midnight, icaltimezone* zone) {
    icaltimetype time = icaltime_null_time();
    time.year = static_cast<int>(day.year());
    time.month = static_cast<int>(static_cast<unsigned>(day.month()));
    time.day = static_cast<int>(static_cast<unsigned>(day.day()));
    time.hour = static_cast<int>(after_midnight.count() / 60);
    time.minute = static_cast<int>(after_midnight.count() % 60);
    time.is_date = 0;
    return icaltime_set_timezone(&time, zone);
}

icalproperty* WithZone(icalproperty* property) {
    icalproperty_add_parameter(property, icalparameter_new_tzid(kZone));
    return property;
}

icalproperty* Person(icalproperty* property, const std::string& name, bool attendee) {
    if (!name.empty() && !attendee) icalproperty_add_parameter(property, icalparameter_new_cn(name.c_str()));
    if (attendee) {
        icalproperty_add_parameter(property, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
        icalproperty_add_parameter(property, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
        icalproperty_add_parameter(property, icalparameter_new_rsvp(ICAL_RSVP_FALSE));
    }
    return property;
}

// "Kronobarn <kronobarn@region.se>" → its display name ("Kronobarn").
std::string DisplayName(const std::string& mailbox) {
    const auto open = mailbox.find('<');
    if (open == std::string::npos) return {};
    std::string name = mailbox.substr(0, open);
    while (!name.empty() && (name.back() == ' ' || name.back() == '"')) name.pop_back();
    while (!name.empty() && (name.front() == ' ' || name.front() == '"')) name.erase(0, 1);
    return name;
}

}  // namespace

std::string CalendarText(const app::CalendarEntry& entry, Timestamp stamp) {
    icaltimezone* zone = icaltimezone_get_builtin_timezone(kZone);
    Component calendar(icalcomponent_new_vcalendar());
    icalcomponent* cal = calendar.get();
    icalcomponent_add_property(cal, icalproperty_new_prodid("-//Region Kronoberg//Kronobarn//SV"));
    icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(cal,
                               icalproperty_new_method(entry.cancelled ? ICAL_METHOD_CANCEL : ICAL_METHOD_REQUEST));
    if (zone != nullptr) {
        // libical names its zones "/freeassociation.sourceforge.net/Europe/Stockholm"; calendars
        // know the plain IANA name, which the VTIMEZONE beside it defines all the same.
        icalcomponent* vtimezone = icalcomponent_new_clone(icaltimezone_get_component(zone));
        icalproperty* tzid = icalcomponent_get_first_property(vtimezone, ICAL_TZID_PROPERTY);
        if (tzid != nullptr) icalproperty_set_tzid(tzid, kZone);
        icalcomponent_add_component(cal, vtimezone);
    }

    icalcomponent* event = icalcomponent_new_vevent();
    icalcomponent_add_property(event, icalproperty_new_uid(entry.uid.c_str()));
    icalcomponent_add_property(event, icalproperty_new_sequence(entry.sequence));
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(stamp.time_since_epoch()).count();
    icalcomponent_add_property(
        event, icalproperty_new_dtstamp(icaltime_from_timet_with_zone(seconds, 0, icaltimezone_get_utc_timezone())));
    const icaltimetype start = LocalTime(entry.on, entry.starts_at, zone);
    // The end as the same wall-clock arithmetic a calendar does (a meeting crossing a change of
    // summer time keeps its length in local hours).
    icaltimetype end = start;
    icaltime_adjust(&end, 0, 0, static_cast<int>(entry.length.count()), 0);
    if (zone != nullptr) {
        icalcomponent_add_property(event, WithZone(icalproperty_new_dtstart(start)));
        icalcomponent_add_property(event, WithZone(icalproperty_new_dtend(end)));
    } else {
        icalcomponent_add_property(event, icalproperty_new_dtstart(start));
        icalcomponent_add_property(event, icalproperty_new_dtend(end));
    }
    icalcomponent_add_property(event, icalproperty_new_summary(entry.summary.c_str()));
    icalcomponent_add_property(event, icalproperty_new_description(entry.description.c_str()));
    icalcomponent_add_property(
        event, icalproperty_new_status(entry.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
    icalcomponent_add_property(event, icalproperty_new_class(ICAL_CLASS_PRIVATE));
    const std::string organizer = "mailto:" + AddressOf(entry.organizer);
    icalcomponent_add_property(
        event, Person(icalproperty_new_organizer(organizer.c_str()), DisplayName(entry.organizer), false));
    const std::string attendee = "mailto:" + entry.attendee;
    icalcomponent_add_property(event, Person(icalproperty_new_attendee(attendee.c_str()), {}, true));
    icalcomponent_add_component(cal, event);

    // icalcomponent_as_ical_string_r gives a string the caller frees.
    char* text = icalcomponent_as_ical_string_r(cal);
    std::string result = text != nullptr ? text : "";
    icalmemory_free_buffer(text);
    return result;
}

}  // namespace kronobarn::mail
