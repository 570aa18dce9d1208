// Records of Praxismodellen's reads: the wheel catalogue, held children and signal lists.
#pragma once

#include <string>

#include "common/time.hpp"
#include "domain/concern.hpp"
#include "domain/user_account.hpp"

namespace kronobarn::store {

struct WheelArea {
    int version = 0;
    std::string code;
    std::string label_sv;
    std::string label_en;
    std::string child_label_sv;
    std::string description_sv;
    std::string shanarri;
    std::string bbic;
};

struct HeldChild {
    domain::ChildId id = 0;
    std::string given_name;
    std::string family_name;
    Date birth_date;
};

// Both ends included.
struct DateRange {
    Date first;
    Date last;
};

struct InboxEntry {
    domain::ConcernId concern_id = 0;
    domain::ChildId child_id = 0;
    Timestamp registered_at{};
    std::string child_given_name;
    std::string child_family_name;
    std::string birth_date;        // YYYY-MM-DD
    std::string child_name_given;  // as the noticer typed it
};

struct OwnConcernEntry {
    domain::ConcernId concern_id = 0;
    domain::ChildId child_id = 0;
    Timestamp registered_at{};
    domain::ConcernStatus status = domain::ConcernStatus::kReceived;
    std::string child_name_given;  // as the noticer typed it
    std::string holder_unit_name;  // the unit that received it
};

}  // namespace kronobarn::store
