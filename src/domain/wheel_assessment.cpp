#include "domain/wheel_assessment.hpp"

#include <algorithm>
#include <set>

namespace kronobarn::domain {

std::string_view Code(AreaStatus status) {
    switch (status) {
        case AreaStatus::kWorksWell:
            return "works_well";
        case AreaStatus::kChallenging:
            return "challenging";
        case AreaStatus::kNotKnown:
            return "not_known";
    }
    return "not_known";
}

std::optional<AreaStatus> ParseAreaStatus(std::string_view code) {
    for (auto status : {AreaStatus::kNotKnown, AreaStatus::kWorksWell, AreaStatus::kChallenging}) {
        if (Code(status) == code) return status;
    }
    return std::nullopt;
}

Status ValidateAssessment(const WheelAssessment& assessment, const std::vector<std::string>& catalogue_codes,
                          Date today) {
    if (std::chrono::sys_days{assessment.assessed_on} > std::chrono::sys_days{today}) {
        return Error::InvalidArgument("assessment.date_in_future");
    }
    if (assessment.sources.size() > kMaxAssessmentText) return Error::InvalidArgument("assessment.text_too_long");
    std::set<std::string_view> seen;
    bool anything = false;
    for (const auto& area : assessment.areas) {
        if (std::find(catalogue_codes.begin(), catalogue_codes.end(), area.area_code) == catalogue_codes.end()) {
            return Error::InvalidArgument("assessment.area_unknown");
        }
        if (!seen.insert(area.area_code).second) return Error::InvalidArgument("assessment.area_repeated");
        for (const std::string* text :
             {&area.description, &area.child_words, &area.guardian_view, &area.professional_note}) {
            if (text->size() > kMaxAssessmentText) return Error::InvalidArgument("assessment.text_too_long");
            if (text->find_first_not_of(" \t\r\n") != std::string::npos) anything = true;
        }
        if (area.status != AreaStatus::kNotKnown || area.support_needed) anything = true;
    }
    if (!anything) return Error::InvalidArgument("assessment.empty");
    return Ok();
}

}  // namespace kronobarn::domain
