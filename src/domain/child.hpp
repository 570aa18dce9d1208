// Child and Guardian: the person the whole model exists for, and the adults who hold custody.
// A child with protected identity (skyddad identitet) must never have address or school shown
// without a specific need; the flag travels with the child everywhere.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/organisation.hpp"
#include "domain/personal_number.hpp"

namespace kronobarn::domain {

using GuardianId = std::int64_t;

struct Guardian {
    GuardianId id = 0;
    std::string given_name;
    std::string family_name;
    std::string phone;
    // A documented restriction (domain.md §6: secrecy towards a guardian where disclosure would
    // seriously harm the child): the guardian's own view shows nothing of this child.
    bool access_restricted = false;
    std::string restriction_reason;
    // Recorded by the coordination holder: with it the guardian signs in with Swedish e-ID.
    std::optional<PersonalNumber> personal_number;
};

struct Child {
    ChildId id = 0;
    PersonalNumber personal_number;
    std::string given_name;
    std::string family_name;
    bool protected_identity = false;
    bool joint_custody = false;
    std::vector<Guardian> guardians;       // 1–2
    std::optional<UnitId> school_unit_id;  // school or preschool the child attends
    std::optional<UnitId> health_unit_id;  // the child's BVC (or MVC before birth)
};

}  // namespace kronobarn::domain
