#include "app/statistics.hpp"
#include "app/read_audit.hpp"
#include "store/statistics_repository.hpp"
#include "store/store.hpp"

#include <algorithm>
#include <map>

#include "app/audit_events.hpp"
#include "common/text.hpp"
#include "store/praxis_repositories.hpp"

namespace kronobarn::app {
namespace {

// Events of a year's cube can stem from records up to this long before it (a consent recorded
// two years before it expires, a decision on last December's signal).
constexpr int kRecordYearsBefore = 2;

domain::AuditEvent StatisticsEvent(const Actor& actor, std::string object_id, std::string action,
                                   const domain::AccessDecision& decision, const RequestContext& context,
                                   Timestamp now) {
    return EventActingAs(actor, domain::Role::kSteeringGroup, std::nullopt,
                         {"statistics", std::move(object_id), std::move(action)}, decision, context, now);
}

int DaysBetween(Date from, Date to) {
    return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

domain::StatisticsFact FactOf(const store::ChildFacts& child, Date on, std::size_t category) {
    domain::StatisticsFact fact;
    fact.on = on;
    fact.birth_date = child.birth_date;
    fact.municipality = child.municipality;
    fact.category = category;
    return fact;
}

Result<domain::YearMonth> MonthOrDefault(std::string_view typed, domain::YearMonth fallback) {
    const std::string text = Trimmed(typed);
    if (text.empty()) return fallback;
    const auto month = domain::ParseYearMonth(text);
    if (!month) return Error::InvalidArgument("statistics.month_invalid");
    return *month;
}

std::string ScopeOf(const domain::StatisticsFilter& filter) {
    std::string scope = std::string(domain::DefinitionOf(filter.measure).code) + " " +
                        domain::FormatYearMonth(filter.from) + ".." + domain::FormatYearMonth(filter.to);
    if (filter.by_quarter) scope += " by=quarter";
    if (filter.municipality) scope += " municipality=" + *filter.municipality;
    if (filter.sector) scope += " sector=" + std::string(domain::Code(*filter.sector));
    if (filter.age_band) scope += " age=" + std::string(domain::Code(*filter.age_band));
    if (filter.wheel_area) scope += " area=" + *filter.wheel_area;
    return scope;
}

}  // namespace

std::vector<domain::StatisticsFact> SignalFacts(const std::vector<store::SignalRecord>& signals) {
    std::vector<domain::StatisticsFact> facts;
    facts.reserve(signals.size());
    for (const auto& signal : signals) {
        auto fact = FactOf(signal.child, SwedishDate(signal.registered_at), 0);
        fact.unit_kind = signal.noticing_kind;
        fact.wheel_areas = signal.wheel_areas;
        facts.push_back(std::move(fact));
    }
    return facts;
}

std::vector<domain::StatisticsFact> DecisionFacts(const std::vector<store::SignalRecord>& signals) {
    std::vector<domain::StatisticsFact> facts;
    for (const auto& signal : signals) {
        if (signal.outcome.size() != 1 || !signal.decided_at) continue;
        const std::size_t outcome = static_cast<std::size_t>(signal.outcome[0] - 'A');
        if (outcome > 2) continue;
        const Date decided = SwedishDate(*signal.decided_at);
        auto fact = FactOf(signal.child, decided, outcome);
        fact.unit_kind = signal.deciding_kind;
        fact.wheel_areas = signal.wheel_areas;
        fact.days = DaysBetween(SwedishDate(signal.registered_at), decided);
        facts.push_back(std::move(fact));
    }
    return facts;
}

std::vector<domain::StatisticsFact> ReportFacts(const std::vector<store::SignalRecord>& signals) {
    std::vector<domain::StatisticsFact> facts;
    for (const auto& signal : signals) {
        if (!signal.report_date) continue;
        auto fact = FactOf(signal.child, *signal.report_date, 0);
        fact.unit_kind = signal.noticing_kind;
        facts.push_back(std::move(fact));
    }
    return facts;
}

std::vector<domain::StatisticsFact> ConsentFacts(const std::vector<store::ConsentRecord>& consents) {
    std::vector<domain::StatisticsFact> facts;
    facts.reserve(consents.size());
    for (const auto& consent : consents) {
        facts.push_back(FactOf(consent.child, SwedishDate(consent.recorded_at), consent.refused ? 1 : 0));
    }
    return facts;
}

std::vector<domain::StatisticsFact> ConsentEndFacts(const std::vector<store::ConsentRecord>& consents, Date today) {
    std::vector<domain::StatisticsFact> facts;
    for (const auto& consent : consents) {
        if (consent.refused) continue;  // never in force, so it never ends
        const Date expires{std::chrono::sys_days{consent.valid_to} + std::chrono::days(1)};
        if (consent.withdrawn_at && SwedishDate(*consent.withdrawn_at) < expires) {
            facts.push_back(FactOf(consent.child, SwedishDate(*consent.withdrawn_at), 0));
        } else if (expires <= today) {
            facts.push_back(FactOf(consent.child, expires, 1));
        }
    }
    return facts;
}

std::vector<domain::StatisticsFact> MeetingFacts(const std::vector<store::MeetingRecord>& meetings) {
    std::vector<domain::StatisticsFact> facts;
    facts.reserve(meetings.size());
    for (const auto& meeting : meetings)
        facts.push_back(FactOf(meeting.child, meeting.held_on, meeting.child_present ? 0 : 1));
    return facts;
}

std::vector<domain::StatisticsFact> HandoverFacts(const std::vector<store::HandoverRecord>& handovers) {
    std::vector<domain::StatisticsFact> facts;
    for (const auto& handover : handovers) {
        if (!handover.answered_at || (handover.state != "accepted" && handover.state != "declined")) continue;
        const Date answered = SwedishDate(*handover.answered_at);
        auto fact = FactOf(handover.child, answered, handover.state == "accepted" ? 0 : 1);
        fact.unit_kind = handover.to_kind;
        fact.days = DaysBetween(SwedishDate(handover.requested_at), answered);
        facts.push_back(std::move(fact));
    }
    return facts;
}

std::vector<domain::StatisticsFact> PlanFacts(const std::vector<store::PlanRecord>& plans) {
    std::vector<domain::StatisticsFact> facts;
    facts.reserve(plans.size());
    for (const auto& plan : plans) {
        const Date started = SwedishDate(plan.created_at);
        auto fact = FactOf(plan.child, started, plan.child_view_recorded ? 0 : 1);
        fact.unit_kind = plan.holder_kind;
        fact.wheel_areas = plan.support_areas;
        if (plan.signal_registered_at) fact.days = DaysBetween(SwedishDate(*plan.signal_registered_at), started);
        facts.push_back(std::move(fact));
    }
    return facts;
}

std::vector<domain::StatisticsFact> FirstMeetingFacts(const std::vector<store::PlanRecord>& plans) {
    std::vector<domain::StatisticsFact> facts;
    for (const auto& plan : plans) {
        if (!plan.first_meeting_on) continue;
        auto fact = FactOf(plan.child, *plan.first_meeting_on, 0);
        fact.unit_kind = plan.holder_kind;
        fact.wheel_areas = plan.support_areas;
        if (plan.signal_registered_at) {
            fact.days = DaysBetween(SwedishDate(*plan.signal_registered_at), *plan.first_meeting_on);
        }
        facts.push_back(std::move(fact));
    }
    return facts;
}

std::vector<domain::StatisticsFact> TransitionFacts(const std::vector<store::HandoverRecord>& handovers) {
    std::vector<domain::StatisticsFact> facts;
    for (const auto& handover : handovers) {
        if (handover.kind != "coordination" || handover.state != "accepted" || handover.after_decision ||
            !handover.answered_at) {
            continue;
        }
        const std::size_t category = handover.plan_outcome == "followed" ? 0
                                     : handover.plan_outcome == "stayed" ? 1
                                                                         : 2;
        auto fact = FactOf(handover.child, SwedishDate(*handover.answered_at), category);
        fact.unit_kind = handover.to_kind;
        facts.push_back(std::move(fact));
    }
    return facts;
}

std::vector<domain::StatisticsFact> PlanOrganisationFacts(const std::vector<store::PlanRecord>& plans) {
    std::vector<domain::StatisticsFact> facts;
    facts.reserve(plans.size());
    for (const auto& plan : plans) {
        const auto units = static_cast<std::size_t>(std::clamp(plan.participants, 1, 5));
        auto fact = FactOf(plan.child, SwedishDate(plan.created_at), units - 1);
        fact.unit_kind = plan.holder_kind;
        facts.push_back(std::move(fact));
    }
    return facts;
}

std::vector<domain::StatisticsFact> PlanAgreedFacts(const std::vector<store::PlanRecord>& plans) {
    std::vector<domain::StatisticsFact> facts;
    for (const auto& plan : plans) {
        if (!plan.agreed_at) continue;
        const Date agreed = SwedishDate(*plan.agreed_at);
        auto fact = FactOf(plan.child, agreed, 0);
        fact.unit_kind = plan.holder_kind;
        fact.wheel_areas = plan.support_areas;
        if (plan.signal_registered_at) fact.days = DaysBetween(SwedishDate(*plan.signal_registered_at), agreed);
        facts.push_back(std::move(fact));
    }
    return facts;
}

std::vector<domain::StatisticsFact> ActivePlanFacts(const std::vector<store::PlanRecord>& plans, Date first,
                                                    Date today) {
    using std::chrono::sys_days;
    std::vector<domain::StatisticsFact> facts;
    for (const auto& plan : plans) {
        const Date started = SwedishDate(plan.created_at);
        const sys_days closed = plan.closed_at ? sys_days{SwedishDate(*plan.closed_at)} : sys_days::max();
        for (auto month = std::chrono::year_month{first.year(), first.month()};; month += std::chrono::months(1)) {
            // The month running now is counted as of today.
            const Date month_end{month / std::chrono::last};
            const bool running = sys_days{month_end} > sys_days{today};
            const Date counted = running ? today : month_end;
            if (sys_days{started} <= sys_days{counted}) {
                if (closed <= sys_days{counted}) break;
                auto fact = FactOf(plan.child, counted, 0);
                fact.unit_kind = plan.holder_kind;
                fact.wheel_areas = plan.support_areas;
                facts.push_back(std::move(fact));
            }
            if (running) break;
        }
    }
    return facts;
}

std::vector<domain::StatisticsFact> FollowUpFacts(const std::vector<store::MeetingRecord>& meetings, Date today) {
    std::vector<domain::StatisticsFact> facts;
    for (std::size_t i = 0; i < meetings.size(); ++i) {
        const auto& meeting = meetings[i];
        if (!meeting.next_meeting) continue;
        const Date due = *meeting.next_meeting;
        const bool held_later = i + 1 < meetings.size() && meetings[i + 1].plan_id == meeting.plan_id;
        if (held_later) {
            facts.push_back(FactOf(meeting.child, due, meetings[i + 1].held_on <= due ? 0 : 1));
        } else if (due < today) {
            facts.push_back(FactOf(meeting.child, due, 2));
        }
    }
    return facts;
}

std::vector<domain::StatisticsFact> WheelChangeFacts(const std::vector<store::WheelStatusRecord>& statuses) {
    struct Course {
        const store::WheelStatusRecord* first = nullptr;
        const store::WheelStatusRecord* latest = nullptr;
    };
    std::map<std::pair<domain::ChildId, std::string>, Course> courses;
    for (const auto& status : statuses) {
        if (status.status != "challenging" && status.status != "works_well") continue;
        auto& course = courses[{status.child.child_id, status.area_code}];
        if (course.first == nullptr) course.first = &status;
        course.latest = &status;
    }
    std::vector<domain::StatisticsFact> facts;
    for (const auto& [key, course] : courses) {
        if (course.first == course.latest || course.first->assessed_on == course.latest->assessed_on) continue;
        const bool was_challenging = course.first->status == "challenging";
        const bool is_challenging = course.latest->status == "challenging";
        const std::size_t category = was_challenging == is_challenging ? 1 : (was_challenging ? 0 : 2);
        auto fact = FactOf(course.latest->child, course.latest->assessed_on, category);
        fact.wheel_areas = {key.second};
        facts.push_back(std::move(fact));
    }
    return facts;
}

Result<std::vector<domain::StatisticsFact>> Statistics::Facts(domain::StatisticsMeasure measure, int year, Date today) {
    using std::chrono::January;
    const Date first = std::chrono::year{year - kRecordYearsBefore} / January / 1;
    const Date after = std::chrono::year{year + 1} / January / 1;
    const Timestamp from = StartOfSwedishDay(first);
    const Timestamp to = StartOfSwedishDay(after);
    const Date last_day{std::chrono::sys_days{after} - std::chrono::days(1)};
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    auto& records = uow->Statistics();
    switch (measure) {
        case domain::StatisticsMeasure::kSignals: {
            KB_ASSIGN_OR_RETURN(const auto signals, records.Signals(from, to));
            return SignalFacts(signals);
        }
        case domain::StatisticsMeasure::kDecisions: {
            KB_ASSIGN_OR_RETURN(const auto signals, records.Signals(from, to));
            return DecisionFacts(signals);
        }
        case domain::StatisticsMeasure::kReportsOfConcern: {
            KB_ASSIGN_OR_RETURN(const auto signals, records.Signals(from, to));
            return ReportFacts(signals);
        }
        case domain::StatisticsMeasure::kConsents: {
            KB_ASSIGN_OR_RETURN(const auto consents, records.Consents(from, to));
            return ConsentFacts(consents);
        }
        case domain::StatisticsMeasure::kConsentEnds: {
            KB_ASSIGN_OR_RETURN(const auto consents, records.Consents(from, to));
            return ConsentEndFacts(consents, today);
        }
        case domain::StatisticsMeasure::kFirstMeetings: {
            KB_ASSIGN_OR_RETURN(const auto plans, records.Plans(from, to));
            return FirstMeetingFacts(plans);
        }
        case domain::StatisticsMeasure::kTransitions: {
            KB_ASSIGN_OR_RETURN(const auto handovers, records.Handovers(from, to));
            return TransitionFacts(handovers);
        }
        case domain::StatisticsMeasure::kMeetings: {
            KB_ASSIGN_OR_RETURN(const auto meetings, records.Meetings(first, last_day));
            return MeetingFacts(meetings);
        }
        case domain::StatisticsMeasure::kHandovers: {
            KB_ASSIGN_OR_RETURN(const auto handovers, records.Handovers(from, to));
            return HandoverFacts(handovers);
        }
        case domain::StatisticsMeasure::kPlansStarted: {
            KB_ASSIGN_OR_RETURN(const auto plans, records.Plans(from, to));
            return PlanFacts(plans);
        }
        case domain::StatisticsMeasure::kPlanOrganisations: {
            KB_ASSIGN_OR_RETURN(const auto plans, records.Plans(from, to));
            return PlanOrganisationFacts(plans);
        }
        case domain::StatisticsMeasure::kPlansAgreed: {
            KB_ASSIGN_OR_RETURN(const auto plans, records.Plans(from, to));
            return PlanAgreedFacts(plans);
        }
        case domain::StatisticsMeasure::kActivePlans: {
            // Plans open now may have started long before the period.
            KB_ASSIGN_OR_RETURN(const auto plans, records.Plans(Timestamp{}, to));
            return ActivePlanFacts(plans, std::chrono::year{year} / std::chrono::January / 1, today);
        }
        case domain::StatisticsMeasure::kFollowUps: {
            KB_ASSIGN_OR_RETURN(const auto meetings, records.Meetings(first, last_day));
            return FollowUpFacts(meetings, today);
        }
        case domain::StatisticsMeasure::kWheelChanges: {
            KB_ASSIGN_OR_RETURN(const auto statuses, records.WheelStatuses(first, last_day));
            return WheelChangeFacts(statuses);
        }
    }
    return std::vector<domain::StatisticsFact>{};
}

void Statistics::SetAnswerWithin(std::chrono::milliseconds answer_within) {
    const std::lock_guard lock(kept_mutex_);
    answer_within_ = answer_within;
}

void Statistics::Keep(const YearKey& key, const KeptYear& year) {
    if (count_for_.count() == 0) return;
    kept_[key] = year;
    while (kept_.size() > kProtectedYearsKept) {
        auto oldest = kept_.begin();
        for (auto it = kept_.begin(); it != kept_.end(); ++it) {
            if (it->second.used_at < oldest->second.used_at) oldest = it;
        }
        kept_.erase(oldest);
    }
}

Result<std::vector<Statistics::KeptYear>> Statistics::Years(
    domain::StatisticsMeasure measure, int from_year, int to_year, const std::vector<std::string>& municipalities,
    const std::vector<std::string>& wheel_areas, Timestamp now,
    std::optional<std::chrono::steady_clock::time_point> answer_by) {
    std::vector<std::optional<KeptYear>> years;
    std::vector<std::pair<YearKey, Counting>> waiting;
    bool launched = false;
    bool wait_for_none = false;
    {
        const std::lock_guard lock(kept_mutex_);
        wait_for_none = answer_within_.count() == 0;
        for (int year = from_year; year <= to_year; ++year) {
            const YearKey key{measure, year};
            const auto kept = kept_.find(key);
            // A municipality or wheel area added since would change the cube's layout: count again.
            if (kept != kept_.end() && now - kept->second.counted_at < count_for_ && now >= kept->second.counted_at &&
                kept->second.year->municipalities == municipalities && kept->second.year->wheel_areas == wheel_areas) {
                kept->second.used_at = now;
                years.emplace_back(kept->second);
                continue;
            }
            years.emplace_back(std::nullopt);
            auto counting = counting_.find(key);
            if (counting == counting_.end()) {
                // Each year counts on a thread of its own (a 2-core machine counts two at once);
                // the request only waits for it, so a view can give up waiting and come back.
                auto count = [this, measure, year, municipalities, wheel_areas, now]() -> Result<KeptYear> {
                    KB_ASSIGN_OR_RETURN(const auto facts, Facts(measure, year, SwedishDate(now)));
                    return KeptYear{std::make_shared<const domain::ProtectedYear>(domain::ProtectYear(
                                        measure, year, facts, municipalities, wheel_areas, threshold_)),
                                    now, now};
                };
                counting =
                    counting_.emplace(key, Counting{std::async(std::launch::async, count).share(), ++next_ticket_})
                        .first;
                launched = true;
            }
            waiting.emplace_back(key, counting->second);
        }
    }
    // answer_within 0: a view never waits for a count it starts (the next one finds it done).
    bool all_ready = !(answer_by && launched && wait_for_none);
    for (auto& [key, counting] : waiting) {
        if (!all_ready) break;
        if (answer_by && counting.result.wait_until(*answer_by) != std::future_status::ready) all_ready = false;
    }
    if (!all_ready) return Error{ErrorCode::kUnavailable, "statistics.counting", "still counting"};

    std::size_t next = 0;
    std::vector<KeptYear> result;
    for (auto& year : years) {
        if (year) {
            result.push_back(std::move(*year));
            continue;
        }
        auto& [key, counting] = waiting[next++];
        Result<KeptYear> counted = counting.result.get();
        {
            const std::lock_guard lock(kept_mutex_);
            // The first to see a count finished keeps it (a failed one is simply counted again).
            if (auto entry = counting_.find(key); entry != counting_.end() && entry->second.ticket == counting.ticket) {
                counting_.erase(entry);
                if (counted) Keep(key, *counted);
            }
        }
        if (!counted) return counted.error();
        result.push_back(std::move(*counted));
    }
    return result;
}

Result<StatisticsPage> Statistics::Choices() {
    StatisticsPage page;
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(page.municipalities, uow->Statistics().Municipalities());
    KB_ASSIGN_OR_RETURN(page.wheel_areas, uow->Wheel().CurrentAreas());
    return page;
}

Result<StatisticsPage> Statistics::Show(const Actor& actor, const StatisticsQuery& query, StatisticsUse use,
                                        const RequestContext& context) {
    const Timestamp now = clock_.Now();
    const std::string action = use == StatisticsUse::kDownload ? "download" : "read";
    const auto decision = domain::DecideStatistics(actor.user.roles);
    if (!decision.Allowed()) {
        KB_RETURN_IF_ERROR(RecordReads(store_, context, {StatisticsEvent(actor, "", action, decision, context, now)}));
        return Error::NotFound("not in the steering group");
    }
    KB_ASSIGN_OR_RETURN(auto page, Choices());
    auto& filter = page.filter;
    const std::string measure = Trimmed(query.measure);
    if (!measure.empty()) {
        const auto parsed = domain::ParseStatisticsMeasure(measure);
        if (!parsed) return Error::InvalidArgument("statistics.measure_unknown");
        filter.measure = *parsed;
    }
    const Date today = SwedishDate(now);
    const domain::YearMonth this_month{static_cast<int>(today.year()), static_cast<unsigned>(today.month())};
    const domain::YearMonth year_ago{this_month.month == 12 ? this_month.year : this_month.year - 1,
                                     this_month.month % 12 + 1};
    KB_ASSIGN_OR_RETURN(filter.to, MonthOrDefault(query.to, this_month));
    KB_ASSIGN_OR_RETURN(filter.from, MonthOrDefault(query.from, year_ago));
    filter.by_quarter = Trimmed(query.by) == "quarter";
    if (const std::string text = Trimmed(query.municipality); !text.empty()) {
        filter.municipality = text == "-" ? std::string() : text;  // "-": units serving the whole county
    }
    if (const std::string text = Trimmed(query.sector); !text.empty()) {
        filter.sector = domain::ParseSector(text);
        if (!filter.sector) return Error::InvalidArgument("statistics.sector_unknown");
    }
    if (const std::string text = Trimmed(query.age_band); !text.empty()) {
        filter.age_band = domain::ParseAgeBand(text);
        if (!filter.age_band) return Error::InvalidArgument("statistics.age_band_unknown");
    }
    if (const std::string text = Trimmed(query.area); !text.empty()) filter.wheel_area = text;
    std::vector<std::string> area_codes;
    for (const auto& area : page.wheel_areas) area_codes.push_back(area.code);
    KB_RETURN_IF_ERROR(domain::CheckStatisticsFilter(filter, page.municipalities, area_codes));

    std::optional<std::chrono::steady_clock::time_point> answer_by;
    if (use == StatisticsUse::kView && count_for_.count() > 0) {
        const std::lock_guard lock(kept_mutex_);
        answer_by = std::chrono::steady_clock::now() + answer_within_;
    }
    KB_ASSIGN_OR_RETURN(const auto years, Years(filter.measure, filter.from.year, filter.to.year, page.municipalities,
                                                area_codes, now, answer_by));
    for (const auto& kept : years) {
        if (!page.counted_at || kept.counted_at < *page.counted_at) page.counted_at = kept.counted_at;
    }
    std::vector<const domain::ProtectedYear*> protected_years;
    for (const auto& kept : years) protected_years.push_back(kept.year.get());
    page.table = domain::TableOf(filter, protected_years);
    page.scope = ScopeOf(filter);
    KB_RETURN_IF_ERROR(
        RecordReads(store_, context, {StatisticsEvent(actor, page.scope, action, decision, context, now)}));
    return page;
}

}  // namespace kronobarn::app
