#include "domain/consent.hpp"

#include <algorithm>

#include "domain/coordination.hpp"

namespace kronobarn::domain {
namespace {

bool Blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::chrono::sys_days Days(Date date) { return std::chrono::sys_days{date}; }

bool HasParty(const Consent& consent, std::optional<GuardianId> who) {
    return std::any_of(consent.parties.begin(), consent.parties.end(),
                       [&](const ConsentParty& party) { return party.guardian_id == who; });
}

}  // namespace

std::string_view Code(DataCategory category) {
    switch (category) {
        case DataCategory::kSchool:
            return "school";
        case DataCategory::kHealth:
            return "health";
        case DataCategory::kSocial:
            return "social";
        case DataCategory::kOther:
            return "other";
    }
    return "other";
}

std::optional<DataCategory> ParseDataCategory(std::string_view code) {
    for (auto category : AllDataCategories()) {
        if (Code(category) == code) return category;
    }
    return std::nullopt;
}

const std::vector<DataCategory>& AllDataCategories() {
    static const std::vector<DataCategory> all{DataCategory::kSchool, DataCategory::kHealth, DataCategory::kSocial,
                                               DataCategory::kOther};
    return all;
}

DataCategory CategoryOf(UnitKind kind) { return TraitsOf(kind).category; }

std::string_view Code(ConsentForm form) { return form == ConsentForm::kOral ? "oral" : "written"; }

std::optional<ConsentForm> ParseConsentForm(std::string_view code) {
    if (code == "written") return ConsentForm::kWritten;
    if (code == "oral") return ConsentForm::kOral;
    return std::nullopt;
}

std::string_view Code(ConsentState state) {
    switch (state) {
        case ConsentState::kInForce:
            return "in_force";
        case ConsentState::kPartial:
            return "partial";
        case ConsentState::kNotYetValid:
            return "not_yet_valid";
        case ConsentState::kExpired:
            return "expired";
        case ConsentState::kRefused:
            return "refused";
        case ConsentState::kWithdrawn:
            return "withdrawn";
        case ConsentState::kEndedAtAdulthood:
            return "ended_at_adulthood";
    }
    return "withdrawn";
}

Status ValidateConsent(const Consent& consent, const std::vector<GuardianId>& guardians) {
    if (Blank(consent.purpose)) return Error::InvalidArgument("consent.purpose_missing");
    if (consent.purpose.size() > kMaxConsentText || consent.documented_by.size() > kMaxConsentText ||
        consent.maturity_note.size() > kMaxConsentText) {
        return Error::InvalidArgument("consent.text_too_long");
    }
    if (consent.unit_ids.empty()) return Error::InvalidArgument("consent.no_units");
    if (consent.categories.empty()) return Error::InvalidArgument("consent.no_categories");
    if (Days(consent.valid_to) < Days(consent.valid_from)) return Error::InvalidArgument("consent.period_reversed");
    if (consent.parties.empty()) return Error::InvalidArgument("consent.no_party");
    for (const auto& party : consent.parties) {
        if (!party.guardian_id) continue;
        if (std::find(guardians.begin(), guardians.end(), *party.guardian_id) == guardians.end())
            return Error::InvalidArgument("consent.party_not_guardian");
    }
    if (consent.form == ConsentForm::kOral && Blank(consent.documented_by)) {
        return Error::InvalidArgument("consent.oral_needs_documentation");
    }
    return Ok();
}

bool AllRequiredPartiesConsented(const Consent& consent, const std::vector<GuardianId>& guardians) {
    // A child with no guardian on record cannot have a complete consent from the family.
    if (guardians.empty()) return false;
    for (const auto guardian : guardians) {
        if (!HasParty(consent, guardian)) return false;
    }
    return !consent.child_assessed_mature || HasParty(consent, std::nullopt);
}

ConsentState StateOf(const Consent& consent, const std::vector<GuardianId>& guardians, Date today,
                     std::optional<Date> adult_on) {
    if (consent.refused) return ConsentState::kRefused;
    if (consent.withdrawn_at) return ConsentState::kWithdrawn;
    if (Days(today) > Days(consent.valid_to)) return ConsentState::kExpired;
    if (Days(today) < Days(consent.valid_from)) return ConsentState::kNotYetValid;
    if (IsAdultBy(adult_on, today)) {
        return HasParty(consent, std::nullopt) ? ConsentState::kInForce : ConsentState::kEndedAtAdulthood;
    }
    if (!AllRequiredPartiesConsented(consent, guardians)) return ConsentState::kPartial;
    return ConsentState::kInForce;
}

bool Covers(const Consent& consent, const std::vector<GuardianId>& guardians, UnitId unit, DataCategory category,
            Date today, std::optional<Date> adult_on) {
    return StateOf(consent, guardians, today, adult_on) == ConsentState::kInForce &&
           std::find(consent.unit_ids.begin(), consent.unit_ids.end(), unit) != consent.unit_ids.end() &&
           std::find(consent.categories.begin(), consent.categories.end(), category) != consent.categories.end();
}

Status Withdraw(Consent& consent, UserId by, std::string on_word_of, Timestamp at) {
    if (consent.refused) return Error::FailedPrecondition("consent.refused");
    if (consent.withdrawn_at) return Error::FailedPrecondition("consent.already_withdrawn");
    if (Blank(on_word_of)) return Error::InvalidArgument("consent.withdrawn_by_missing");
    consent.withdrawn_at = at;
    consent.withdrawn_by = by;
    consent.withdrawn_on_word_of = std::move(on_word_of);
    return Ok();
}

Status GiveConsent(Consent& consent, const Guardian& guardian, const std::vector<GuardianId>& guardians, Date today) {
    if (consent.refused) return Error::FailedPrecondition("consent.refused");
    if (consent.withdrawn_at) return Error::FailedPrecondition("consent.already_withdrawn");
    if (today > consent.valid_to) return Error::FailedPrecondition("consent.already_expired");
    if (std::find(guardians.begin(), guardians.end(), guardian.id) == guardians.end()) {
        return Error::InvalidArgument("consent.party_not_guardian");
    }
    for (const auto& party : consent.parties) {
        if (party.guardian_id == guardian.id) return Error::FailedPrecondition("consent.already_given");
    }
    consent.parties.push_back({guardian.id, guardian.given_name + " " + guardian.family_name});
    return Ok();
}

int DaysUntilExpiry(const Consent& consent, Date today) {
    return static_cast<int>((Days(consent.valid_to) - Days(today)).count());
}

}  // namespace kronobarn::domain
