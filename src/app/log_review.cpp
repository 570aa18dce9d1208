#include "app/log_review.hpp"
#include "app/read_audit.hpp"
#include "store/log_review_repository.hpp"
#include "store/store.hpp"

#include <algorithm>
#include <charconv>

#include "app/audit_events.hpp"
#include "common/crypto.hpp"
#include "common/ids.hpp"
#include "common/text.hpp"
#include "domain/personal_number.hpp"

namespace kronobarn::app {
namespace {

// A child id no child has: the log search for it finds nothing.
constexpr domain::ChildId kNoChild = -1;

constexpr auto kDefaultPeriod = std::chrono::days(30);
constexpr std::uint32_t kSeedRange = 1'000'000;

domain::AuditEvent ReviewEvent(const Actor& actor, domain::OrganisationId organisation, std::string object_type,
                               std::string object_id, std::string action, const domain::AccessDecision& decision,
                               const RequestContext& context, Timestamp now) {
    return EventActingAs(actor, domain::Role::kLogReviewer, organisation,
                         {std::move(object_type), std::move(object_id), std::move(action)}, decision, context, now);
}

// The organisation the query names, or the reviewer's first; 0 when the text is no id.
domain::OrganisationId ChosenOrganisation(const Actor& actor, std::string_view typed) {
    if (!Trimmed(typed).empty()) return ParsePositiveId(Trimmed(typed)).value_or(0);
    const auto reviewable = domain::ReviewableOrganisations(actor.user.roles);
    return reviewable.empty() ? 0 : reviewable.front();
}

Result<Date> DateOrDefault(std::string_view typed, Date fallback) {
    const std::string text = Trimmed(typed);
    if (text.empty()) return fallback;
    const auto date = ParseDate(text);
    if (!date) return Error::InvalidArgument("log_review.date_invalid");
    return *date;
}

Result<std::size_t> SampleSize(std::string_view typed) {
    const std::string text = Trimmed(typed);
    if (text.empty()) return std::size_t{0};
    std::size_t size = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), size);
    if (error != std::errc{} || end != text.data() + text.size() || size == 0 || size > LogReviews::kMaxSample) {
        return Error::InvalidArgument("log_review.sample_invalid");
    }
    return size;
}

Result<std::uint64_t> SeedOrNew(std::string_view typed) {
    const std::string text = Trimmed(typed);
    if (text.empty()) return std::uint64_t{crypto::RandomBelow(kSeedRange)};
    std::uint64_t seed = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
    if (error != std::errc{} || end != text.data() + text.size())
        return Error::InvalidArgument("log_review.sample_invalid");
    return seed;
}

// One line naming everything that chose the rows, in a fixed order, for the review and the audit row.
std::string ScopeOf(domain::OrganisationId organisation, Date from, Date to, const LogReviewQuery& query,
                    std::size_t sample, std::optional<std::uint64_t> seed, std::int64_t through) {
    std::string scope =
        "organisation=" + std::to_string(organisation) + " period=" + FormatDate(from) + ".." + FormatDate(to);
    auto add = [&](const char* name, const std::string& value) {
        if (!value.empty()) scope += std::string(" ") + name + "=" + value;
    };
    add("user", Trimmed(query.username));
    add("child", Trimmed(query.personal_number).empty() ? "" : "(personnummer)");
    add("unit", Trimmed(query.unit));
    add("action", Trimmed(query.action));
    add("method", Trimmed(query.method));
    add("flag", Trimmed(query.flag));
    if (through != 0) scope += " through=" + std::to_string(through);
    if (seed) scope += " sample=" + std::to_string(sample) + " seed=" + std::to_string(*seed);
    return scope;
}

}  // namespace

Result<std::vector<LogReviewOrganisation>> LogReviews::Organisations(const Actor& actor) {
    std::vector<LogReviewOrganisation> organisations;
    const auto reviewable = domain::ReviewableOrganisations(actor.user.roles);
    if (reviewable.empty()) return organisations;
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(const auto all, uow->Organisations().List());
    for (const auto& organisation : all) {
        if (std::find(reviewable.begin(), reviewable.end(), organisation.id) != reviewable.end()) {
            organisations.push_back({organisation.id, organisation.name});
        }
    }
    return organisations;
}

Result<LogReviewPage> LogReviews::Search(const Actor& actor, const LogReviewQuery& query,
                                         const RequestContext& context) {
    const Timestamp now = clock_.Now();
    LogReviewPage page;
    page.organisation_id = ChosenOrganisation(actor, query.organisation);
    const auto decision = domain::DecideLogReview(actor.user.roles, page.organisation_id);
    if (!decision.Allowed()) {
        KB_RETURN_IF_ERROR(
            RecordReads(store_, context,
                        {ReviewEvent(actor, page.organisation_id, "audit_log", "", "read", decision, context, now)}));
        return Error::NotFound("not a log reviewer of organisation " + std::to_string(page.organisation_id));
    }
    KB_ASSIGN_OR_RETURN(page.organisations, Organisations(actor));

    const Date today{std::chrono::floor<std::chrono::days>(SwedishLocalTime(now))};
    KB_ASSIGN_OR_RETURN(page.to, DateOrDefault(query.to, today));
    KB_ASSIGN_OR_RETURN(page.from, DateOrDefault(query.from, Date{std::chrono::sys_days{page.to} - kDefaultPeriod}));
    if (std::chrono::sys_days{page.to} < std::chrono::sys_days{page.from}) {
        return Error::InvalidArgument("log_review.period_order");
    }
    KB_ASSIGN_OR_RETURN(const std::size_t sample, SampleSize(query.sample));
    std::optional<domain::ReviewFlag> flag;
    const std::string flag_code = Trimmed(query.flag);
    if (!flag_code.empty() && flag_code != "any") {
        flag = domain::ParseReviewFlag(flag_code);
        if (!flag) return Error::InvalidArgument("log_review.flag_unknown");
    }

    store::AuditSearch search;
    search.organisation_id = page.organisation_id;
    search.from = StartOfSwedishDay(page.from);
    search.to = StartOfSwedishDay(Date{std::chrono::sys_days{page.to} + std::chrono::days(1)});
    search.action = Trimmed(query.action);
    search.sign_in_method = Trimmed(query.method);
    if (search.sign_in_method.size() > 64) return Error::InvalidArgument("log_review.method_unknown");
    search.limit = kReadLimit;
    if (const std::string typed = Trimmed(query.through); !typed.empty()) {
        const auto through = ParsePositiveId(typed);
        if (!through) return Error::InvalidArgument("log_review.through_invalid");
        search.through_sequence = *through;
    }
    std::vector<store::AuditListing> listings;
    {
        KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kRead));
        KB_ASSIGN_OR_RETURN(const auto units, uow->Organisations().ListUnits());
        for (const auto& unit : units) {
            if (unit.organisation_id == page.organisation_id) page.units.push_back(unit);
        }
        if (const std::string username = domain::NormalizeUsername(query.username); !username.empty()) {
            KB_ASSIGN_OR_RETURN(const auto user, uow->Users().FindByUsername(username));
            if (!user) return Error::InvalidArgument("log_review.user_unknown");
            search.user_id = user->user.id;
        }
        if (const std::string typed = Trimmed(query.personal_number); !typed.empty()) {
            KB_ASSIGN_OR_RETURN(const auto number, domain::PersonalNumber::Parse(typed, today));
            KB_ASSIGN_OR_RETURN(const auto child, uow->Children().FindByPersonalNumber(number.Normalised()));
            // A number of no child in Kronobarn answers like a child the organisation never
            // touched — an empty table — so the search tells nobody whether a child exists.
            search.child_id = child ? child->id : kNoChild;
        }
        if (const std::string typed = Trimmed(query.unit); !typed.empty()) {
            const auto unit = ParsePositiveId(typed);
            const bool ours = unit && std::any_of(page.units.begin(), page.units.end(),
                                                  [&](const domain::Unit& candidate) { return candidate.id == *unit; });
            if (!ours) return Error::InvalidArgument("log_review.unit_unknown");
            search.unit_id = *unit;
        }
        KB_ASSIGN_OR_RETURN(listings, uow->LogReviews().Search(search));
        KB_ASSIGN_OR_RETURN(page.reviews, uow->LogReviews().OfOrganisation(page.organisation_id, 20));
    }
    page.read_limit_reached = listings.size() >= static_cast<std::size_t>(kReadLimit);
    // Later rows (this very look at the log among them) must not change a sample drawn again.
    page.through = listings.empty() ? search.through_sequence : listings.front().row.sequence;

    std::vector<domain::ReviewedAccess> accesses;
    accesses.reserve(listings.size());
    for (const auto& listing : listings) {
        const auto& event = listing.row.event;
        accesses.push_back(
            {event.at, event.user_id, event.child_id, event.legal_basis, event.outcome, listing.child_protected});
    }
    const auto flags = domain::FlagAccesses(accesses, rules_);
    std::vector<ReviewedRow> matching;
    for (std::size_t i = 0; i < listings.size(); ++i) {
        if (flag_code == "any" && !flags[i].Any()) continue;
        if (flag && !flags[i].Has(*flag)) continue;
        for (const auto each : flags[i].List()) ++page.flag_counts[static_cast<std::size_t>(each)];
        matching.push_back({std::move(listings[i]), flags[i]});
    }
    page.matching = matching.size();
    if (sample > 0) {
        KB_ASSIGN_OR_RETURN(const auto seed, SeedOrNew(query.seed));
        page.seed = seed;
        for (const auto position : domain::DrawSample(matching.size(), sample, seed)) {
            page.rows.push_back(matching[position]);
        }
    } else {
        const std::size_t shown = std::min(matching.size(), kShownRows);
        page.rows.assign(std::make_move_iterator(matching.begin()),
                         std::make_move_iterator(matching.begin() + static_cast<std::ptrdiff_t>(shown)));
    }
    page.scope = ScopeOf(page.organisation_id, page.from, page.to, query, sample, page.seed, page.through);

    auto event = ReviewEvent(actor, page.organisation_id, "audit_log", page.scope, "read", decision, context, now);
    if (search.child_id > 0) event.child_id = search.child_id;
    KB_RETURN_IF_ERROR(RecordReads(store_, context, {std::move(event)}));
    return page;
}

Result<domain::LogReviewId> LogReviews::Record(const Actor& actor, const RecordedReview& review,
                                               const RequestContext& context) {
    const Timestamp now = clock_.Now();
    const domain::OrganisationId organisation = ChosenOrganisation(actor, review.organisation);
    const auto decision = domain::DecideLogReview(actor.user.roles, organisation);
    if (!decision.Allowed()) {
        KB_RETURN_IF_ERROR(RecordReads(
            store_, context, {ReviewEvent(actor, organisation, "log_review", "", "create", decision, context, now)}));
        return Error::NotFound("not a log reviewer of organisation " + std::to_string(organisation));
    }
    KB_ASSIGN_OR_RETURN(
        auto record, domain::RecordLogReview(organisation, actor.user.id, review.scope, review.checked, review.finding,
                                             review.finding_text, review.action_taken, now));
    KB_ASSIGN_OR_RETURN(auto uow, store_.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(record.id, uow->LogReviews().Insert(record));
    KB_RETURN_IF_ERROR(uow->Audit().Append(
        ReviewEvent(actor, organisation, "log_review", std::to_string(record.id), "create", decision, context, now)));
    KB_RETURN_IF_ERROR(uow->Commit());
    return record.id;
}

}  // namespace kronobarn::app
