#include "app/demo_data.hpp"

#include <array>
#include <map>
#include <random>

#include "domain/consent.hpp"
#include "domain/personal_number.hpp"
#include "domain/plan.hpp"

namespace kronobarn::app {
namespace {

using domain::OrganisationKind;
using domain::Role;
using domain::UnitKind;

constexpr std::array<std::string_view, 8> kMunicipalities{"Alvesta",  "Lessebo",    "Ljungby", "Markaryd",
                                                          "Tingsryd", "Uppvidinge", "Växjö",   "Älmhult"};
constexpr std::array<std::string_view, 24> kGivenNames{
    "Alice", "Olivia",  "Astrid", "Maja", "Vera",  "Ebba",   "Ella",  "Wilma", "Alma", "Lilly",     "Saga", "Selma",
    "Noah",  "William", "Hugo",   "Liam", "Lucas", "Oliver", "Elias", "Adam",  "Leo",  "Alexander", "Ali",  "Nora"};
constexpr std::array<std::string_view, 20> kFamilyNames{"Andersson",  "Johansson", "Karlsson", "Nilsson",  "Eriksson",
                                                        "Larsson",    "Olsson",    "Persson",  "Svensson", "Gustafsson",
                                                        "Pettersson", "Jonsson",   "Jansson",  "Hansson",  "Bengtsson",
                                                        "Jönsson",    "Lindberg",  "Mohammed", "Hussein",  "Lindqvist"};
constexpr std::array<std::string_view, 12> kAdultNames{"Anna", "Eva",   "Maria",  "Karin", "Sara",  "Fatima",
                                                       "Lars", "Johan", "Anders", "Erik",  "Ahmed", "Peter"};
constexpr std::string_view kDemoPassword = "kronobarn-demo";

// Portable, seed-stable draws (std distributions differ between standard libraries).
class Draw {
  public:
    explicit Draw(std::uint64_t seed) : engine_(seed) {}
    std::uint64_t Below(std::uint64_t n) { return engine_() % n; }
    bool Percent(int p) { return Below(100) < static_cast<std::uint64_t>(p); }
    template <typename Array>
    std::string_view Pick(const Array& values) {
        return values[Below(values.size())];
    }

  private:
    std::mt19937_64 engine_;
};

struct County {
    std::map<std::string, domain::UnitId> unit_ids;           // by unit name
    std::map<std::string, domain::OrganisationId> unit_orgs;  // by unit name
    int organisations = 0;
};

Status AddUnit(store::UnitOfWork& uow, County& county, domain::OrganisationId org, std::string name, UnitKind kind,
               std::string area = {}) {
    KB_ASSIGN_OR_RETURN(const auto id, uow.Organisations().InsertUnit({0, org, name, kind, std::move(area)}));
    county.unit_ids[name] = id;
    county.unit_orgs[name] = org;
    return Ok();
}

Result<County> CreateCounty(store::UnitOfWork& uow) {
    County county;
    auto add_org = [&](std::string name, OrganisationKind kind) -> Result<domain::OrganisationId> {
        ++county.organisations;
        return uow.Organisations().Insert({0, std::move(name), kind});
    };
    for (std::string_view m : kMunicipalities) {
        const std::string name(m);
        KB_ASSIGN_OR_RETURN(const auto org, add_org(name + " kommun", OrganisationKind::kMunicipality));
        KB_RETURN_IF_ERROR(AddUnit(uow, county, org, name + " Centralskola", UnitKind::kSchoolUnit, name));
        KB_RETURN_IF_ERROR(AddUnit(uow, county, org, name + " Norra skola", UnitKind::kSchoolUnit, name));
        KB_RETURN_IF_ERROR(AddUnit(uow, county, org, name + " förskola Solen", UnitKind::kPreschool, name));
        KB_RETURN_IF_ERROR(AddUnit(uow, county, org, name + " förskola Månen", UnitKind::kPreschool, name));
        KB_RETURN_IF_ERROR(AddUnit(uow, county, org, "Socialtjänsten " + name, UnitKind::kSocialServices, name));
        KB_RETURN_IF_ERROR(AddUnit(uow, county, org, "KAA " + name, UnitKind::kKaa, name));
        KB_RETURN_IF_ERROR(AddUnit(uow, county, org, "Kommunledning " + name, UnitKind::kAdministration, name));
    }
    KB_ASSIGN_OR_RETURN(const auto region, add_org("Region Kronoberg", OrganisationKind::kRegion));
    for (std::string_view m : kMunicipalities) {
        KB_RETURN_IF_ERROR(AddUnit(uow, county, region, "BVC " + std::string(m), UnitKind::kBvc, std::string(m)));
    }
    KB_RETURN_IF_ERROR(AddUnit(uow, county, region, "MVC Växjö", UnitKind::kMvc));
    KB_RETURN_IF_ERROR(AddUnit(uow, county, region, "BUP Växjö", UnitKind::kBup));
    KB_RETURN_IF_ERROR(AddUnit(uow, county, region, "Habiliteringen Kronoberg", UnitKind::kHab));
    KB_RETURN_IF_ERROR(AddUnit(uow, county, region, "UMO Växjö", UnitKind::kUmo));
    KB_RETURN_IF_ERROR(AddUnit(uow, county, region, "Regionledning", UnitKind::kAdministration));
    KB_ASSIGN_OR_RETURN(const auto police, add_org("Polismyndigheten", OrganisationKind::kPolice));
    KB_RETURN_IF_ERROR(AddUnit(uow, county, police, "Lokalpolisområde Växjö", UnitKind::kPoliceArea, "Växjö"));
    KB_RETURN_IF_ERROR(AddUnit(uow, county, police, "Lokalpolisområde Ljungby", UnitKind::kPoliceArea, "Ljungby"));
    for (std::string_view club : {"Växjö IBK ungdom", "Alvesta GIF", "Ljungby simsällskap"}) {
        KB_ASSIGN_OR_RETURN(const auto org, add_org(std::string(club), OrganisationKind::kAssociation));
        KB_RETURN_IF_ERROR(AddUnit(uow, county, org, std::string(club) + " barn och unga", UnitKind::kClub));
    }
    return county;
}

// One Barnets plan for a school-age child: the school holds coordination, social services (and
// sometimes BUP or a club) take part under a consent from every guardian, one or two goals, three
// to five actions, a collaboration meeting; most plans are agreed, some followed up. A few consents
// are withdrawn or expired so that every state exists in the demo.
Status AddDemoPlan(store::UnitOfWork& uow, const County& county, domain::ChildId child, domain::UnitId school,
                   const std::string& municipality, domain::UserId author, Draw& draw, Timestamp now, Date today) {
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
    if (draw.Percent(85)) KB_RETURN_IF_ERROR(domain::Agree(plan, plan.version));
    return uow.Plans().Save(draft, plan, author, now);
}

struct DemoStaff {
    std::string_view username;
    std::string_view display_name;
    Role role;
    std::string_view unit;
};

constexpr std::array<DemoStaff, 14> kDemoStaff{{
    {"rektor", "Rut Rektorsson", Role::kPrincipal, "Växjö Centralskola"},
    {"elevhalsa", "Elin Kurator", Role::kStudentHealth, "Växjö Centralskola"},
    {"forskollarare", "Frida Förskollärare", Role::kTeacher, "Växjö förskola Solen"},
    {"bvc", "Britt BVC-sköterska", Role::kBvcNurse, "BVC Växjö"},
    {"mvc", "Mona Barnmorska", Role::kMidwife, "MVC Växjö"},
    {"bup", "Bo Psykolog", Role::kClinician, "BUP Växjö"},
    {"socialsekreterare", "Sara Socialsekreterare", Role::kSocialWorker, "Socialtjänsten Växjö"},
    {"kaa", "Kalle KAA-handläggare", Role::kKaaOfficer, "KAA Växjö"},
    {"polis", "Per Polis", Role::kPoliceOfficer, "Lokalpolisområde Växjö"},
    {"foreningsledare", "Fia Ledare", Role::kClubLeader, "Växjö IBK ungdom barn och unga"},
    {"loggranskare", "Lena Loggranskare", Role::kLogReviewer, "Kommunledning Växjö"},
    {"admin", "Adam Administratör", Role::kSystemAdmin, "Kommunledning Växjö"},
    {"styrgrupp", "Stina Styrgrupp", Role::kSteeringGroup, "Regionledning"},
    {"forskare", "Fredrik Forskare", Role::kResearcher, "Regionledning"},
}};

// A personal number for `birth` with a serial in the synthetic range 900–999.
std::string SyntheticPersonalNumber(Date birth, int serial) {
    char nine[32];
    std::snprintf(nine, sizeof nine, "%02d%02u%02u%03d", static_cast<int>(birth.year()) % 100,
                  static_cast<unsigned>(birth.month()), static_cast<unsigned>(birth.day()), serial);
    return std::to_string(static_cast<int>(birth.year()) / 100) + nine + std::to_string(domain::LuhnCheckDigit(nine));
}

}  // namespace

Result<DemoDataSummary> LoadDemoData(store::Store& store, const Clock& clock, const DemoDataOptions& options,
                                     const RequestContext& context) {
    if (options.children < 0 || options.children > 3'000'000) {
        return Error::InvalidArgument("demo.children_range");
    }
    const Timestamp now = clock.Now();
    const Date today{std::chrono::floor<std::chrono::days>(now)};
    DemoDataSummary summary;
    summary.password = std::string(kDemoPassword);

    // Hash passwords before the write transaction: Argon2id is deliberately slow.
    std::vector<std::string> password_hashes;
    for (std::size_t i = 0; i < kDemoStaff.size(); ++i) {
        KB_ASSIGN_OR_RETURN(auto hash, crypto::HashPassword(kDemoPassword, options.password_strength));
        password_hashes.push_back(std::move(hash));
    }

    KB_ASSIGN_OR_RETURN(auto uow, store.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(const auto existing_users, uow->Users().List());
    KB_ASSIGN_OR_RETURN(const auto existing_children, uow->Children().Count());
    if (!existing_users.empty() || existing_children > 0) return Error::FailedPrecondition("demo.not_empty");

    KB_ASSIGN_OR_RETURN(County county, CreateCounty(*uow));
    domain::UserId plan_author = 0;
    summary.organisations = county.organisations;
    summary.units = static_cast<int>(county.unit_ids.size());

    for (std::size_t i = 0; i < kDemoStaff.size(); ++i) {
        const auto& staff = kDemoStaff[i];
        const std::string unit(staff.unit);
        domain::UserAccount user;
        user.username = std::string(staff.username);
        user.display_name = std::string(staff.display_name);
        user.roles.push_back({county.unit_ids.at(unit), county.unit_orgs.at(unit), staff.role});
        KB_ASSIGN_OR_RETURN(const auto user_id, uow->Users().Insert(user, password_hashes[i]));
        if (staff.role == Role::kPrincipal) plan_author = user_id;
        summary.logins.push_back({user.username, std::string(domain::Code(staff.role)), unit});
    }

    Draw draw(options.seed);
    Draw plans_draw(options.seed + 1);  // a stream of its own, so the children stay the same as before
    // The first school-age children go to the principal's own school with two guardians and a
    // plan, so every demo — however small — shows `rektor` plans and a family to invite.
    int showcase_left = 3;
    for (int n = 0; n < options.children; ++n) {
        const std::string municipality(draw.Pick(kMunicipalities));
        const auto age_days = static_cast<int>(draw.Below(18 * 365));
        const Date birth{std::chrono::sys_days{today} - std::chrono::days{age_days}};
        const int serial = 900 + static_cast<int>(draw.Below(100));
        auto number = domain::PersonalNumber::Parse(SyntheticPersonalNumber(birth, serial), today);
        if (!number) return Error::Internal("demo personal number invalid");  // generator bug, not input

        domain::Child child{.personal_number = *number};
        child.given_name = std::string(draw.Pick(kGivenNames));
        child.family_name = std::string(draw.Pick(kFamilyNames));
        child.protected_identity = draw.Percent(1);
        const int age_years = age_days / 365;
        const bool showcase = age_years >= 6 && showcase_left > 0;
        const int guardians = draw.Percent(80) || showcase ? 2 : 1;
        child.joint_custody = guardians == 2;
        for (int g = 0; g < guardians; ++g) {
            child.guardians.push_back({0, std::string(draw.Pick(kAdultNames)), child.family_name,
                                       "070-" + std::to_string(1000000 + draw.Below(8999999))});
        }
        if (age_years >= 6) {
            child.school_unit_id =
                county.unit_ids.at(municipality + (draw.Percent(50) ? " Centralskola" : " Norra skola"));
            if (showcase) child.school_unit_id = county.unit_ids.at("Växjö Centralskola");
        } else {
            if (age_years >= 1) {
                child.school_unit_id =
                    county.unit_ids.at(municipality + (draw.Percent(50) ? " förskola Solen" : " förskola Månen"));
            }
            child.health_unit_id = county.unit_ids.at("BVC " + municipality);
        }
        auto inserted = uow->Children().Insert(child);
        if (!inserted && inserted.error().code == ErrorCode::kConflict) continue;  // same synthetic number drawn twice
        if (!inserted) return inserted.error();

        domain::AuditEvent event;
        event.at = now;
        event.child_id = *inserted;
        event.object_type = "child";
        event.object_id = std::to_string(*inserted);
        event.action = "create";
        event.legal_basis = "demo_data";
        event.request_id = context.request_id;
        KB_RETURN_IF_ERROR(uow->Audit().Append(event));
        ++summary.children;
        if (showcase) --showcase_left;
        if (age_years >= 6 && plan_author != 0 && (showcase || plans_draw.Percent(options.plan_percent))) {
            KB_RETURN_IF_ERROR(AddDemoPlan(*uow, county, *inserted, *child.school_unit_id, municipality, plan_author,
                                           plans_draw, now, today));
            event.object_type = "plan";
            event.action = "create";
            KB_RETURN_IF_ERROR(uow->Audit().Append(event));
            ++summary.plans;
        }
    }
    KB_RETURN_IF_ERROR(uow->Commit());
    return summary;
}

}  // namespace kronobarn::app
