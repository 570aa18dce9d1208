// Administering Barnets bästa-hjulet's area catalogue: a system administrator publishes a new
// version (relabel, reorder, add areas); assessments keep the version they were made with. Not
// child data, but every publication is audited.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "common/result.hpp"
#include "domain/wheel.hpp"
#include "store/records/forward.hpp"
#include "store/records/praxis_records.hpp"

namespace kronobarn::app {

struct CataloguePage {
    int version = 0;
    std::vector<store::WheelArea> areas;
};

class WheelCatalogue {
  public:
    WheelCatalogue(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

    // kPermissionDenied unless the actor is a system administrator.
    Result<CataloguePage> Current(const Actor& actor);
    // `areas` in display order (codes of new areas included); the new version's number.
    Result<int> Publish(const Actor& actor, const std::vector<domain::WheelAreaDefinition>& areas,
                        const std::string& note, const RequestContext& context);

  private:
    store::Store& store_;
    const Clock& clock_;
};

}  // namespace kronobarn::app
