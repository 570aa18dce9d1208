#include "app/demo_parts.hpp"
#include "store/store.hpp"

#include <cctype>

#include "domain/consent.hpp"
#include "domain/plan.hpp"

namespace kronobarn::app::demo {

namespace {

// A functional mailbox for a demo unit under a domain that never receives mail (RFC 6761):
// "BVC Växjö" → bvc.vaxjo@example.invalid.
std::string DemoMailbox(std::string_view name) {
    std::string local;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c == 0xC3 && i + 1 < name.size()) {  // å ä ö Å Ä Ö in UTF-8
            const auto next = static_cast<unsigned char>(name[++i]);
            local += (next == 0xB6 || next == 0x96) ? 'o' : 'a';
        } else if (std::isalnum(c)) {
            local += static_cast<char>(std::tolower(c));
        } else if (!local.empty() && local.back() != '.') {
            local += '.';
        }
    }
    while (!local.empty() && local.back() == '.') local.pop_back();
    return local + "@example.invalid";
}

}  // namespace

Status AddUnit(store::UnitOfWork& uow, County& county, domain::OrganisationId org, std::string name,
               domain::UnitKind kind, std::string area) {
    domain::Unit unit{0, org, name, kind, std::move(area)};
    unit.email = DemoMailbox(name);
    KB_ASSIGN_OR_RETURN(const auto id, uow.Organisations().InsertUnit(unit));
    county.unit_ids[name] = id;
    county.unit_orgs[name] = org;
    return Ok();
}

domain::AuditEvent GeneratedEvent(domain::ChildId child, std::string object_type, std::int64_t object_id, Timestamp now,
                                  const std::string& request_id) {
    domain::AuditEvent event;
    event.at = now;
    event.child_id = child;
    event.object_type = std::move(object_type);
    event.object_id = std::to_string(object_id);
    event.action = "create";
    event.legal_basis = "demo_data";
    event.request_id = request_id;
    return event;
}

Result<County> LoadCounty(store::UnitOfWork& uow) {
    County county;
    KB_ASSIGN_OR_RETURN(const auto organisations, uow.Organisations().List());
    county.organisations = static_cast<int>(organisations.size());
    KB_ASSIGN_OR_RETURN(const auto units, uow.Organisations().ListUnits());
    for (const auto& unit : units) {
        county.unit_ids[unit.name] = unit.id;
        county.unit_orgs[unit.name] = unit.organisation_id;
    }
    return county;
}

Result<domain::PlanId> AddDemoPlan(store::UnitOfWork& uow, const County& county, domain::ChildId child,
                                   domain::UnitId school, const std::string& municipality, domain::UserId author,
                                   Draw& draw, Timestamp now, Date today) {
    using std::chrono::days;
    static constexpr std::array<std::string_view, 4> kReasons{
        "Hög frånvaro och trötthet under hösten.", "Ensam på rasterna och har slutat äta lunch.",
        "Oro för hemsituationen efter en separation.", "Svårt att koncentrera sig; familjen ber om stöd."};
    static constexpr std::array<std::string_view, 5> kAreas{"trygg", "ma_bra", "utvecklas", "aktiv", "delaktig"};
    static constexpr std::array<std::string_view, 5> kActions{
        "Samtal med familjen varannan vecka", "Extra stöd i matematik", "Rastaktivitet två gånger i veckan",
        "Bedömning av sömn och ork", "Äter frukost hemma varje dag"};
    KB_RETURN_IF_ERROR(uow.Coordination().SetHolder(child, school, now));
    KB_ASSIGN_OR_RETURN(const auto guardians, uow.Children().GuardiansOf(child));

    std::vector<domain::Participant> participants{
        {school, "Rut Rektorsson", "0470-410 00"},
        {county.unit_ids.at("Socialtjänsten " + municipality), "Sara Socialsekreterare", "0470-411 00"}};
    if (draw.Percent(40)) participants.push_back({county.unit_ids.at("BUP Växjö"), "Bo Psykolog", "0470-588 00"});
    if (municipality == "Växjö" && draw.Percent(30)) {
        participants.push_back({county.unit_ids.at("Växjö IBK ungdom barn och unga"), "Fia Ledare", "070-111 22 33"});
    }

    domain::Consent consent;
    consent.child_id = child;
    consent.purpose = "Samverkan i Barnets plan";
    for (const auto& participant : participants) consent.unit_ids.push_back(participant.unit_id);
    consent.categories = domain::AllDataCategories();
    consent.valid_from = Date{std::chrono::sys_days{today} - days{60}};
    consent.valid_to = Date{std::chrono::sys_days{today} + days{draw.Percent(5) ? -1 : 300}};
    for (const auto& guardian : guardians) {
        consent.parties.push_back({guardian.id, guardian.given_name + " " + guardian.family_name});
    }
    consent.recorded_by = author;
    consent.recorded_at = now;
    if (draw.Percent(5)) {
        consent.withdrawn_at = now;
        consent.withdrawn_by = author;
        consent.withdrawn_on_word_of = consent.parties.empty() ? "vårdnadshavare" : consent.parties.front().name;
    }
    KB_ASSIGN_OR_RETURN(consent.id, uow.Consents().Insert(consent));
    if (consent.withdrawn_at) KB_RETURN_IF_ERROR(uow.Consents().SaveWithdrawal(consent));

    const std::string area(draw.Pick(kAreas));
    KB_ASSIGN_OR_RETURN(auto draft,
                        domain::StartPlan(child, std::nullopt, std::string(draw.Pick(kReasons)), {area}, author, now));
    draft.participants = participants;
    KB_ASSIGN_OR_RETURN(draft.id, uow.Plans().Insert(draft));
    domain::Plan plan = draft;
    domain::Meeting meeting;
    meeting.held_on = Date{std::chrono::sys_days{today} - days{40}};
    meeting.place = "Skolan";
    meeting.guardians_present = true;
    meeting.child_present = draw.Percent(70);
    if (!meeting.child_present) meeting.child_absent_reason = "Barnet ville inte; har berättat för mentorn.";
    meeting.recorded_by = author;
    meeting.recorded_at = now;
    const std::vector<std::string> catalogue(kAreas.begin(), kAreas.end());
    KB_RETURN_IF_ERROR(domain::RecordMeeting(plan, plan.version, meeting, today, domain::kDefaultFollowUpMonths));
    KB_RETURN_IF_ERROR(domain::AddGoal(plan, plan.version,
                                       {0, area, "Barnet mår bättre och är i skolan", "Vi frågar barnet",
                                        Date{std::chrono::sys_days{today} + days{120}}},
                                       catalogue));
    const int actions = 3 + static_cast<int>(draw.Below(3));
    for (int i = 0; i < actions; ++i) {
        const auto& owner = participants[static_cast<std::size_t>(i) % participants.size()];
        domain::PlanAction action;
        action.what = std::string(kActions[static_cast<std::size_t>(i) % kActions.size()]);
        action.unit_id = owner.unit_id;
        action.responsible = owner.contact_name;
        action.start = Date{std::chrono::sys_days{today} - days{35}};
        action.frequency = "varje vecka";
        action.due = Date{std::chrono::sys_days{today} + days{static_cast<int>(draw.Below(60)) - 10}};
        KB_RETURN_IF_ERROR(domain::AddAction(plan, plan.version, std::move(action)));
    }
    // The family's own part of the plan, which a guardian reports on from the family's view.
    domain::PlanAction family;
    family.what = "Läsa tillsammans en stund varje kväll";
    family.responsible = "Vårdnadshavarna";
    family.start = Date{std::chrono::sys_days{today} - days{35}};
    family.frequency = "varje kväll";
    family.due = Date{std::chrono::sys_days{today} + days{60}};
    KB_RETURN_IF_ERROR(domain::AddAction(plan, plan.version, std::move(family)));
    if (draw.Percent(85)) {
        // The guardians were at the collaboration meeting where the plan was agreed.
        std::vector<domain::GuardianPart> parts;
        std::vector<std::int64_t> guardian_ids;
        for (const auto& guardian : guardians) {
            parts.push_back({guardian.id, guardian.given_name + " " + guardian.family_name,
                             domain::GuardianPartKind::kPresentAtMeeting, "", today});
            guardian_ids.push_back(guardian.id);
        }
        KB_RETURN_IF_ERROR(domain::Agree(plan, plan.version, parts, guardian_ids, today));
    }
    KB_RETURN_IF_ERROR(uow.Plans().Save(draft, plan, author, now));
    return draft.id;
}

std::string SyntheticPersonalNumber(Date birth, int serial) {
    char nine[32];
    std::snprintf(nine, sizeof nine, "%02d%02u%02u%03d", static_cast<int>(birth.year()) % 100,
                  static_cast<unsigned>(birth.month()), static_cast<unsigned>(birth.day()), serial);
    return std::to_string(static_cast<int>(birth.year()) / 100) + nine + std::to_string(domain::LuhnCheckDigit(nine));
}

}  // namespace kronobarn::app::demo
