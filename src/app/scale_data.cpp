#include "app/scale_data.hpp"
#include "store/store.hpp"

#include <cstdio>
#include <map>
#include <vector>

#include "app/demo_data.hpp"
#include "app/demo_parts.hpp"
#include "common/crypto.hpp"
#include "domain/concern.hpp"
#include "domain/personal_number.hpp"

namespace kronobarn::app {
namespace {

using domain::Role;
using domain::UnitKind;
using std::chrono::days;

constexpr int kDemoChildren = 2000;
constexpr int kDaysOfChildhood = 18 * 365;  // 6570 = 2·3²·5·73
constexpr std::int64_t kAgeStride = 2731;   // a prime that divides none of them
constexpr int kChildrenPerBatch = 10'000;
constexpr int kStaffPerBatch = 5'000;
constexpr std::int64_t kAuditRowsPerBatch = 50'000;
constexpr int kMunicipalitiesPerRegion = 14;
constexpr std::uint64_t kPerMillion = 1'000'000;

struct Municipality {
    std::string name;
    domain::OrganisationId organisation = 0;
    domain::OrganisationId region = 0;
    std::vector<domain::UnitId> schools;
    std::vector<domain::UnitId> preschools;
    domain::UnitId social = 0;
    domain::UnitId bvc = 0;
    domain::UnitId kaa = 0;
};

struct StaffMember {
    domain::UserId id = 0;
    Role role = Role::kTeacher;
};

struct StaffedUnit {
    domain::UnitId id = 0;
    domain::OrganisationId organisation = 0;
    UnitKind kind = UnitKind::kSchoolUnit;
};

// A plan the audit history reads: its child, its holder school and its social-services participant.
struct PlanRef {
    domain::PlanId plan = 0;
    domain::ChildId child = 0;
    domain::UnitId school = 0;
    domain::OrganisationId school_organisation = 0;
    domain::UnitId social = 0;
    domain::OrganisationId social_organisation = 0;
};

std::string Numbered(std::string_view prefix, int number, int width) {
    char digits[16];
    std::snprintf(digits, sizeof digits, "%0*d", width, number);
    return std::string(prefix) + digits;
}

Role RoleAt(UnitKind kind, std::size_t already_there) {
    switch (kind) {
        case UnitKind::kSchoolUnit:
            return already_there == 0 ? Role::kPrincipal : already_there == 1 ? Role::kStudentHealth : Role::kTeacher;
        case UnitKind::kSocialServices:
            return Role::kSocialWorker;
        case UnitKind::kBvc:
            return Role::kBvcNurse;
        case UnitKind::kKaa:
            return Role::kKaaOfficer;
        case UnitKind::kClub:
            return Role::kClubLeader;
        default:
            return Role::kTeacher;
    }
}

Result<std::vector<Municipality>> AddUnits(store::Store& store, const ScaleOptions& options, demo::County& county,
                                           std::vector<StaffedUnit>& staffed) {
    std::vector<Municipality> municipalities;
    KB_ASSIGN_OR_RETURN(auto uow, store.Begin(store::TransactionMode::kWrite));
    KB_ASSIGN_OR_RETURN(county, demo::LoadCounty(*uow));
    const int per_municipality = options.children / options.municipalities;
    const int schools = std::max(1, per_municipality / 500);
    const int preschools = std::max(1, per_municipality / 300);
    domain::OrganisationId region = 0;
    for (int i = 0; i < options.municipalities; ++i) {
        Municipality m;
        const bool kronoberg = i < static_cast<int>(demo::kMunicipalities.size());
        m.name =
            kronoberg ? std::string(demo::kMunicipalities[static_cast<std::size_t>(i)]) : Numbered("Kommun ", i + 1, 3);
        if (kronoberg) {
            m.organisation = county.unit_orgs.at(m.name + " Centralskola");
            m.social = county.unit_ids.at("Socialtjänsten " + m.name);
            m.kaa = county.unit_ids.at("KAA " + m.name);
            m.bvc = county.unit_ids.at("BVC " + m.name);
            m.region = county.unit_orgs.at("BVC " + m.name);
        } else {
            KB_ASSIGN_OR_RETURN(m.organisation,
                                uow->Organisations().Insert({0, m.name, domain::OrganisationKind::kMunicipality}));
            if ((i - static_cast<int>(demo::kMunicipalities.size())) % kMunicipalitiesPerRegion == 0) {
                const int number = 1 + (i - static_cast<int>(demo::kMunicipalities.size())) / kMunicipalitiesPerRegion;
                KB_ASSIGN_OR_RETURN(region, uow->Organisations().Insert({0, Numbered("Region ", number, 2),
                                                                         domain::OrganisationKind::kRegion}));
            }
            m.region = region;
            KB_RETURN_IF_ERROR(demo::AddUnit(*uow, county, m.organisation, "Socialtjänsten " + m.name,
                                             UnitKind::kSocialServices, m.name));
            KB_RETURN_IF_ERROR(demo::AddUnit(*uow, county, m.organisation, "KAA " + m.name, UnitKind::kKaa, m.name));
            KB_RETURN_IF_ERROR(demo::AddUnit(*uow, county, m.organisation, "Kommunledning " + m.name,
                                             UnitKind::kAdministration, m.name));
            KB_RETURN_IF_ERROR(demo::AddUnit(*uow, county, region, "BVC " + m.name, UnitKind::kBvc, m.name));
            m.social = county.unit_ids.at("Socialtjänsten " + m.name);
            m.kaa = county.unit_ids.at("KAA " + m.name);
            m.bvc = county.unit_ids.at("BVC " + m.name);
        }
        for (int k = 1; k <= schools; ++k) {
            const std::string name = m.name + " skola " + std::to_string(k);
            KB_RETURN_IF_ERROR(demo::AddUnit(*uow, county, m.organisation, name, UnitKind::kSchoolUnit, m.name));
            m.schools.push_back(county.unit_ids.at(name));
        }
        for (int k = 1; k <= preschools; ++k) {
            const std::string name = m.name + " förskola " + std::to_string(k);
            KB_RETURN_IF_ERROR(demo::AddUnit(*uow, county, m.organisation, name, UnitKind::kPreschool, m.name));
            m.preschools.push_back(county.unit_ids.at(name));
        }
        for (const auto school : m.schools) staffed.push_back({school, m.organisation, UnitKind::kSchoolUnit});
        for (const auto preschool : m.preschools) staffed.push_back({preschool, m.organisation, UnitKind::kPreschool});
        staffed.push_back({m.social, m.organisation, UnitKind::kSocialServices});
        staffed.push_back({m.bvc, m.region, UnitKind::kBvc});
        staffed.push_back({m.kaa, m.organisation, UnitKind::kKaa});
        municipalities.push_back(std::move(m));
    }
    for (int k = 4; k <= options.associations; ++k) {  // the demo has three
        const std::string name = Numbered("Förening ", k, 3);
        KB_ASSIGN_OR_RETURN(const auto organisation,
                            uow->Organisations().Insert({0, name, domain::OrganisationKind::kAssociation}));
        KB_RETURN_IF_ERROR(demo::AddUnit(*uow, county, organisation, name + " barn och unga", UnitKind::kClub));
        staffed.push_back({county.unit_ids.at(name + " barn och unga"), organisation, UnitKind::kClub});
    }
    KB_RETURN_IF_ERROR(uow->Commit());
    return municipalities;
}

Result<std::map<domain::UnitId, std::vector<StaffMember>>> AddStaff(store::Store& store, const ScaleOptions& options,
                                                                    const std::vector<StaffedUnit>& units,
                                                                    demo::Draw& draw, const ScaleProgress& progress) {
    std::map<domain::UnitId, std::vector<StaffMember>> staff_of;
    // One hash for every generated login: Argon2id is deliberately slow, and these are test accounts.
    KB_ASSIGN_OR_RETURN(const auto hash,
                        crypto::HashPassword(demo::kDemoPassword, crypto::PasswordStrength::kInteractive));
    for (int first = 0; first < options.staff; first += kStaffPerBatch) {
        KB_ASSIGN_OR_RETURN(auto uow, store.Begin(store::TransactionMode::kWrite));
        for (int i = first; i < std::min(options.staff, first + kStaffPerBatch); ++i) {
            const auto& unit = units[static_cast<std::size_t>(i) % units.size()];
            auto& colleagues = staff_of[unit.id];
            domain::UserAccount user;
            user.username = Numbered("personal", i + 1, 7);
            user.display_name =
                std::string(draw.Pick(demo::kAdultNames)) + " " + std::string(draw.Pick(demo::kFamilyNames));
            const Role role = RoleAt(unit.kind, colleagues.size());
            user.roles.push_back({unit.id, unit.organisation, role, unit.kind});
            KB_ASSIGN_OR_RETURN(const auto id, uow->Users().Insert(user, hash));
            colleagues.push_back({id, role});
        }
        KB_RETURN_IF_ERROR(uow->Commit());
        progress("staff", std::min(options.staff, first + kStaffPerBatch), options.staff);
    }
    return staff_of;
}

Status AddSignal(store::UnitOfWork& uow, domain::ChildId child, const std::string& name, domain::UnitId noticing_unit,
                 domain::UnitId holder, const std::vector<StaffMember>& noticers,
                 const std::vector<StaffMember>& holders, demo::Draw& draw, Timestamp now,
                 std::vector<domain::AuditEvent>& audit) {
    static constexpr std::array<std::string_view, 4> kDescriptions{
        "Kommer ofta för sent och verkar trött.", "Har berättat att det är bråk hemma.",
        "Äter inte lunch och håller sig undan.", "Stor frånvaro sedan höstlovet."};
    KB_RETURN_IF_ERROR(uow.Coordination().SetHolder(child, holder, now));
    domain::Concern concern;
    concern.child_id = child;
    const Timestamp registered = now - days(static_cast<int>(draw.Below(700)));
    concern.noticed_on = Date{std::chrono::floor<days>(registered)};
    concern.description = std::string(draw.Pick(kDescriptions));
    concern.child_name_given = name;
    concern.wheel_areas = {"trygg"};
    concern.noticing_user_id = noticers.empty() ? 0 : noticers.back().id;
    concern.noticing_unit_id = noticing_unit;
    concern.holder_unit_id = holder;
    concern.registered_at = registered;
    if (concern.noticing_user_id == 0) return Ok();  // a unit without staff notices nothing
    KB_ASSIGN_OR_RETURN(concern.id, uow.Concerns().Insert(concern));
    domain::AuditEvent event;
    event.at = registered;
    event.user_id = concern.noticing_user_id;
    event.unit_id = noticing_unit;
    event.child_id = child;
    event.object_type = "concern";
    event.object_id = std::to_string(concern.id);
    event.action = "create";
    event.legal_basis = "register_concern";
    event.request_id = "scale";
    audit.push_back(event);
    if (holders.empty() || !draw.Percent(75)) return Ok();  // still in the inbox
    domain::ConcernDecision decision{domain::DecisionOutcome::kOwnOrganisation,
                                     "Behovet kan mötas inom verksamheten.",
                                     "Samtal med vårdnadshavarna och extra stöd.",
                                     holders.front().id,
                                     holder,
                                     registered + days(3)};
    KB_RETURN_IF_ERROR(domain::DecideOwnOrganisation(concern, decision));
    return uow.Concerns().SaveDecision(concern.id, *concern.decision);
}

Status AddAuditHistory(store::Store& store, const ScaleOptions& options, const std::vector<PlanRef>& plans,
                       const std::map<domain::UnitId, std::vector<StaffMember>>& staff_of, demo::Draw& draw,
                       Timestamp now, const ScaleProgress& progress) {
    std::int64_t existing = 0;
    {
        KB_ASSIGN_OR_RETURN(auto uow, store.Begin(store::TransactionMode::kRead));
        KB_ASSIGN_OR_RETURN(existing, uow->Audit().Count());
    }
    const std::int64_t wanted = options.audit_rows - existing;
    if (wanted <= 0 || plans.empty()) return Ok();
    // Two years of reads, evenly spread and in time order: the holder's principal or elevhälsa,
    // or the participating social worker under the consent.
    const Timestamp start = now - days(730);
    const auto step =
        std::chrono::milliseconds(std::chrono::duration_cast<std::chrono::milliseconds>(days(730)) / wanted);
    for (std::int64_t first = 0; first < wanted; first += kAuditRowsPerBatch) {
        std::vector<domain::AuditEvent> events;
        for (std::int64_t r = first; r < std::min(wanted, first + kAuditRowsPerBatch); ++r) {
            const auto& plan = plans[draw.Below(plans.size())];
            const auto social = staff_of.find(plan.social);
            // Plans are only made at schools with staff; social services may have none when staff are few.
            const bool holder_side = draw.Percent(60) || social == staff_of.end() || social->second.empty();
            const auto unit = holder_side ? plan.school : plan.social;
            const auto& readers = holder_side ? staff_of.at(plan.school) : social->second;
            const auto& reader = holder_side ? readers[draw.Below(std::min<std::size_t>(2, readers.size()))]
                                             : readers[draw.Below(readers.size())];
            domain::AuditEvent event;
            event.at = start + step * r;
            event.user_id = reader.id;
            event.role = std::string(domain::Code(reader.role));
            event.unit_id = unit;
            event.organisation_id = holder_side ? plan.school_organisation : plan.social_organisation;
            event.child_id = plan.child;
            event.object_type = "plan";
            event.object_id = std::to_string(plan.plan);
            event.action = "read";
            event.legal_basis = holder_side ? "coordination_holder" : "participant_with_consent";
            event.request_id = "scale";
            events.push_back(std::move(event));
        }
        KB_ASSIGN_OR_RETURN(auto uow, store.Begin(store::TransactionMode::kWrite));
        KB_RETURN_IF_ERROR(uow->Audit().AppendAll(events));
        KB_RETURN_IF_ERROR(uow->Commit());
        progress("audit history", std::min(wanted, first + kAuditRowsPerBatch), wanted);
    }
    return Ok();
}

}  // namespace

ScaleOptions CountyDataset() { return {}; }

ScaleOptions NationalDataset() {
    ScaleOptions options;
    options.municipalities = 290;
    options.children = 2'200'000;
    options.associations = 200;
    options.staff = 60'000;
    options.signals = 100'000;
    options.plans = 50'000;
    options.audit_rows = 20'000'000;
    return options;
}

Result<ScaleSummary> LoadScaleData(store::Store& store, const Clock& clock, const ScaleOptions& options,
                                   const ScaleProgress& progress, const RequestContext& context) {
    const int kronoberg = static_cast<int>(demo::kMunicipalities.size());
    if (options.municipalities < kronoberg || options.municipalities > 999 || options.children < kDemoChildren ||
        options.children > 5'000'000 || options.plans < 0 || options.plans > options.children / 4 ||
        options.staff < 0 || options.signals < 0 || options.associations < 3) {
        return Error::InvalidArgument("scale.options", "sizes out of range");
    }
    const Timestamp now = clock.Now();
    const Date today{std::chrono::floor<days>(now)};
    KB_ASSIGN_OR_RETURN(
        const auto demo,
        LoadDemoData(store, clock, {kDemoChildren, options.seed, crypto::PasswordStrength::kInteractive, 3}, context));
    ScaleSummary summary{demo.children, options.staff, 0, demo.plans, 0};
    progress("demo", demo.children, demo.children);

    demo::County county;
    std::vector<StaffedUnit> staffed;
    KB_ASSIGN_OR_RETURN(const auto municipalities, AddUnits(store, options, county, staffed));
    demo::Draw draw(options.seed + 7);
    KB_ASSIGN_OR_RETURN(const auto staff_of, AddStaff(store, options, staffed, draw, progress));
    const auto staff_at = [&](domain::UnitId unit) -> const std::vector<StaffMember>& {
        static const std::vector<StaffMember> none;
        const auto found = staff_of.find(unit);
        return found == staff_of.end() ? none : found->second;
    };

    const std::int64_t extra = options.children - demo.children;
    const std::uint64_t signal_ppm = extra > 0 ? kPerMillion * static_cast<std::uint64_t>(options.signals) / extra : 0;
    const std::int64_t school_age = extra * 12 / 18;
    const std::int64_t plans_wanted = std::max<std::int64_t>(0, options.plans - demo.plans);
    const std::uint64_t plan_ppm =
        school_age > 0 ? kPerMillion * static_cast<std::uint64_t>(plans_wanted) / school_age : 0;
    std::vector<PlanRef> plans;
    for (std::int64_t first = 0; first < extra; first += kChildrenPerBatch) {
        std::vector<domain::AuditEvent> audit;
        KB_ASSIGN_OR_RETURN(auto uow, store.Begin(store::TransactionMode::kWrite));
        for (std::int64_t n = first; n < std::min(extra, first + kChildrenPerBatch); ++n) {
            const auto& m = municipalities[static_cast<std::size_t>(n) % municipalities.size()];
            // Birth day and serial from the running number: unique without remembering any of them
            // (within each block of kDaysOfChildhood numbers the stride, prime to it, visits every day
            // once), spread over all ages from the first child on, and apart from the demo's serials.
            const int age_days = static_cast<int>((n * kAgeStride) % kDaysOfChildhood);
            const int serial = 100 + static_cast<int>(n / kDaysOfChildhood);
            const Date birth{std::chrono::sys_days{today} - days{age_days}};
            auto number = domain::PersonalNumber::Parse(demo::SyntheticPersonalNumber(birth, serial), today);
            if (!number) return Error::Internal("scale personal number invalid");
            domain::Child child{.personal_number = *number};
            child.given_name = std::string(draw.Pick(demo::kGivenNames));
            child.family_name = std::string(draw.Pick(demo::kFamilyNames));
            child.protected_identity = draw.Percent(1);
            const int guardians = draw.Percent(80) ? 2 : 1;
            child.joint_custody = guardians == 2;
            for (int g = 0; g < guardians; ++g) {
                child.guardians.push_back({0, std::string(draw.Pick(demo::kAdultNames)), child.family_name,
                                           "070-" + std::to_string(1000000 + draw.Below(8999999))});
            }
            const int age_years = age_days / 365;
            const bool at_school = age_years >= 6;
            child.school_unit_id =
                at_school ? m.schools[draw.Below(m.schools.size())] : m.preschools[draw.Below(m.preschools.size())];
            if (!at_school) child.health_unit_id = m.bvc;
            auto inserted = uow->Children().Insert(child);
            if (!inserted && inserted.error().code == ErrorCode::kConflict) continue;
            if (!inserted) return inserted.error();
            ++summary.children;
            audit.push_back(demo::GeneratedEvent(*inserted, "child", *inserted, now, context.request_id));
            const auto school = *child.school_unit_id;
            if (draw.Below(kPerMillion) < signal_ppm) {
                const auto holder = at_school ? school : m.bvc;
                KB_RETURN_IF_ERROR(AddSignal(*uow, *inserted, child.given_name + " " + child.family_name, school,
                                             holder, staff_at(school), staff_at(holder), draw, now, audit));
                ++summary.signals;
            }
            if (at_school && draw.Below(kPerMillion) < plan_ppm && !staff_at(school).empty()) {
                KB_ASSIGN_OR_RETURN(const auto plan, demo::AddDemoPlan(*uow, county, *inserted, school, m.name,
                                                                       staff_at(school).front().id, draw, now, today));
                plans.push_back({plan, *inserted, school, m.organisation, m.social, m.organisation});
                audit.push_back(demo::GeneratedEvent(*inserted, "plan", plan, now, context.request_id));
                ++summary.plans;
            }
        }
        KB_RETURN_IF_ERROR(uow->Audit().AppendAll(audit));
        KB_RETURN_IF_ERROR(uow->Commit());
        progress("children", std::min(extra, first + kChildrenPerBatch), extra);
    }
    KB_RETURN_IF_ERROR(AddAuditHistory(store, options, plans, staff_of, draw, now, progress));
    KB_ASSIGN_OR_RETURN(auto uow, store.Begin(store::TransactionMode::kRead));
    KB_ASSIGN_OR_RETURN(summary.audit_rows, uow->Audit().Count());
    return summary;
}

}  // namespace kronobarn::app
