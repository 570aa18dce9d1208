// What a signed-in staff user sees first: who they are acting as (roles per unit) and the work
// areas their roles give them. Reads no child data.
#pragma once

#include <string>
#include <vector>

#include "app/actor.hpp"
#include "common/result.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

struct RoleAtUnit {
    std::string role;  // role code
    std::string unit_name;
};

// Work areas shown on the start page. Each later issue fills one with its list.
enum class StartSection {
    kNewSignal,
    kSignalInbox,
    kHandovers,
    kMyTasks,
    kEmergency,  // ask for emergency access; holders see emergency access to their children
    kLogReview,
    kUserAdmin,
    kStatistics,
    kResearch
};

struct StartPageModel {
    std::string display_name;
    std::vector<RoleAtUnit> roles;
    std::vector<StartSection> sections;
};

// The sections a set of roles opens, in display order, without duplicates. Administrators,
// steering group and researchers get no child-data sections.
std::vector<StartSection> SectionsFor(const domain::UserAccount& user);

// The start page's frame: who is signed in, in which roles at which units, and which sections.
class StartPages {
  public:
    explicit StartPages(store::Store& store) : store_(store) {}
    Result<StartPageModel> Load(const Actor& actor) const;

  private:
    store::Store& store_;
};

}  // namespace kronobarn::app
