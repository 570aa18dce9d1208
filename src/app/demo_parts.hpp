// The building blocks of generated data, shared by the demo (demo_data.hpp) and the benchmark
// datasets (scale_data.hpp): seed-stable draws, Swedish names, units by name, synthetic personal
// numbers and one realistic Barnets plan. Never for production data.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/audit_event.hpp"
#include "domain/organisation.hpp"
#include "domain/plan.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app::demo {

// The one password of every generated login.
inline constexpr std::string_view kDemoPassword = "kronobarn-demo";

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

// Units by name, with their organisation, as generated so far.
struct County {
    std::map<std::string, domain::UnitId> unit_ids;           // by unit name
    std::map<std::string, domain::OrganisationId> unit_orgs;  // by unit name
    int organisations = 0;
};

Status AddUnit(store::UnitOfWork& uow, County& county, domain::OrganisationId org, std::string name,
               domain::UnitKind kind, std::string area = {});

// The units already in the database, by name (to extend a county generated earlier).
Result<County> LoadCounty(store::UnitOfWork& uow);

// One Barnets plan for a school-age child held by `school`: the school holds coordination, social
// services (and sometimes BUP or a club) take part under a consent from every guardian, one goal,
// three to five actions, a collaboration meeting; most plans are agreed. A few consents are
// withdrawn or expired so that every state exists.
// Returns the plan's id.
Result<domain::PlanId> AddDemoPlan(store::UnitOfWork& uow, const County& county, domain::ChildId child,
                                   domain::UnitId school, const std::string& municipality, domain::UserId author,
                                   Draw& draw, Timestamp now, Date today);

// The audit row of a generated record about a child (legal basis "demo_data").
domain::AuditEvent GeneratedEvent(domain::ChildId child, std::string object_type, std::int64_t object_id, Timestamp now,
                                  const std::string& request_id);

// A personal number for `birth` with the given three-digit serial (and its check digit).
std::string SyntheticPersonalNumber(Date birth, int serial);

}  // namespace kronobarn::app::demo
