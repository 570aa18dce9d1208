// Information gathering on Barnets bästa-hjulet (Praxismodellen step 2): per area of the wheel,
// what works well and what is challenging — from the child's own words, the guardians' view and
// the professional's note — and where support is needed. Qualitative, not a score; repeated over
// time so change is visible. Each assessment keeps the catalogue version it was made with.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/organisation.hpp"

namespace kronobarn::domain {

using AssessmentId = std::int64_t;

enum class AreaStatus { kNotKnown, kWorksWell, kChallenging };
std::string_view Code(AreaStatus status);  // "not_known" | "works_well" | "challenging"
std::optional<AreaStatus> ParseAreaStatus(std::string_view code);

struct AreaAssessment {
    std::string area_code;
    AreaStatus status = AreaStatus::kNotKnown;
    std::string description;    // what works well / what is hard
    std::string child_words;    // the child's own words (UN CRC art. 12)
    std::string guardian_view;  // the guardians' view; disagreements written out
    std::string professional_note;
    bool support_needed = false;
};

struct WheelAssessment {
    AssessmentId id = 0;
    ChildId child_id = 0;
    int catalogue_version = 0;
    Date assessed_on;
    std::string sources;  // who and what was consulted
    UserId recorded_by = 0;
    UnitId unit_id = 0;
    Timestamp recorded_at{};
    std::vector<AreaAssessment> areas;
};

inline constexpr std::size_t kMaxAssessmentText = 4000;

// Errors (kInvalidArgument): "assessment.date_in_future", "assessment.area_unknown",
// "assessment.area_repeated", "assessment.text_too_long", "assessment.empty" (no area has a status
// other than not known, nor any text).
Status ValidateAssessment(const WheelAssessment& assessment, const std::vector<std::string>& catalogue_codes,
                          Date today);

}  // namespace kronobarn::domain
