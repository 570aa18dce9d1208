// Information gathering on Barnets bästa-hjulet (Praxismodellen step 2, story 3): the coordination
// holder records assessments of the child's situation per wheel area over time and sees how each
// area has changed. Reads go through AuditedRead, writes through Authorize, both audited.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/wheel_assessment.hpp"
#include "store/records/forward.hpp"
#include "store/records/praxis_records.hpp"

namespace kronobarn::app {

// One area as typed into the form.
struct AreaForm {
    std::string status;  // "not_known" | "works_well" | "challenging"
    std::string description;
    std::string child_words;
    std::string guardian_view;
    std::string professional_note;
    bool support_needed = false;
};

struct AssessmentForm {
    std::string assessed_on;  // YYYY-MM-DD
    std::string sources;
    std::map<std::string, AreaForm> areas;  // by area code
};

struct WheelOverview {
    domain::ChildId child_id = 0;
    std::string child_name;
    std::vector<store::WheelArea> catalogue;           // current version, display order
    std::vector<domain::WheelAssessment> assessments;  // oldest first
    // The signal the form was opened from, and the areas it names: the form shows them first.
    std::optional<domain::ConcernId> signal_id;
    std::vector<std::string> signal_areas;
};

class WheelAssessments {
  public:
    WheelAssessments(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

    // kNotFound (audited as denied) unless the actor acts for the child's coordination holder.
    // `from_signal`: a signal about this child the actor may read (its own audited read); any other
    // is ignored, and the form shows every area alike.
    Result<WheelOverview> Overview(const Actor& actor, domain::ChildId child, const RequestContext& context,
                                   std::optional<domain::ConcernId> from_signal = std::nullopt);

    // Errors: kNotFound as above; kInvalidArgument "assessment.date_invalid", "assessment.status_invalid"
    // and those of domain::ValidateAssessment. One transaction: nothing is half-saved.
    Result<domain::AssessmentId> Record(const Actor& actor, domain::ChildId child, const AssessmentForm& form,
                                        const RequestContext& context);

  private:
    store::Store& store_;
    const Clock& clock_;
};

}  // namespace kronobarn::app
