// Consent (samtycke, domain.md §6): the guardians — each separately when custody is joint — and the
// child when assessed mature enough lift secrecy between the units the consent names, for a purpose,
// for some data categories and for a period. A consent is IN FORCE only when every required party
// has consented, the period covers the day, and it has not been withdrawn; otherwise it grants
// nothing. Withdrawal takes effect at once: access decisions read consents on every request.
//
// One consent names a set of units that may exchange information with each other (each unit is
// both disclosing and receiving), which is how a collaboration meeting asks for it in practice.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/child.hpp"
#include "domain/organisation.hpp"

namespace kronobarn::domain {

using ConsentId = std::int64_t;

// What kind of information a unit holds: secrecy chapters of OSL differ per sector.
std::string_view Code(DataCategory category);
std::optional<DataCategory> ParseDataCategory(std::string_view code);
const std::vector<DataCategory>& AllDataCategories();
// The sector whose information a unit of this kind holds (and whose secrecy it is bound by).
DataCategory CategoryOf(UnitKind kind);

enum class ConsentForm { kWritten, kOral };
std::string_view Code(ConsentForm form);
std::optional<ConsentForm> ParseConsentForm(std::string_view code);

struct ConsentParty {
    std::optional<GuardianId> guardian_id;  // nullopt: the child itself
    std::string name;                       // as recorded, for the consent page
};

struct Consent {
    ConsentId id = 0;
    ChildId child_id = 0;
    std::string purpose;
    std::vector<UnitId> unit_ids;  // units that may share with each other
    std::vector<DataCategory> categories;
    Date valid_from;
    Date valid_to;  // inclusive
    ConsentForm form = ConsentForm::kWritten;
    std::string documented_by;  // for oral consent: who documented it, and how
    std::vector<ConsentParty> parties;
    bool child_assessed_mature = false;  // then the child's own consent is required too
    std::string maturity_note;
    UserId recorded_by = 0;
    Timestamp recorded_at{};
    std::optional<Timestamp> withdrawn_at;
    UserId withdrawn_by = 0;
    std::string withdrawn_on_word_of;  // whose wish it was (a guardian, the child)
    // Asked for and refused by `parties`: recorded so the request is known, lifts no secrecy,
    // and can be neither withdrawn nor given later (a new request is a new consent).
    bool refused = false;
};

inline constexpr std::size_t kMaxConsentText = 2000;

// Checks a consent about to be recorded for a child with these guardians. Errors (kInvalidArgument), first found wins:
// "consent.purpose_missing", "consent.text_too_long", "consent.no_units", "consent.no_categories",
// "consent.period_reversed", "consent.no_party", "consent.party_not_guardian",
// "consent.oral_needs_documentation".
Status ValidateConsent(const Consent& consent, const std::vector<GuardianId>& guardians);

// Every required party has consented: each guardian of the child (both when custody is joint;
// the listed guardians otherwise) and the child itself when assessed mature.
bool AllRequiredPartiesConsented(const Consent& consent, const std::vector<GuardianId>& guardians);

// kEndedAtAdulthood: from the 18th birthday the young person decides alone — a consent the guardians
// gave no longer counts; one the young person gave themselves still does.
enum class ConsentState { kInForce, kPartial, kNotYetValid, kExpired, kWithdrawn, kRefused, kEndedAtAdulthood };
std::string_view Code(ConsentState state);
// `adult_on`: the child's 18th birthday (nullopt: not known, as for a test's consent alone).
ConsentState StateOf(const Consent& consent, const std::vector<GuardianId>& guardians, Date today,
                     std::optional<Date> adult_on);

// In force, naming `unit`, covering `category`.
bool Covers(const Consent& consent, const std::vector<GuardianId>& guardians, UnitId unit, DataCategory category,
            Date today, std::optional<Date> adult_on);

// Records withdrawal; kFailedPrecondition "consent.already_withdrawn", "consent.refused".
Status Withdraw(Consent& consent, UserId by, std::string on_word_of, Timestamp at);

// A guardian gives their own consent to one the holder recorded with the other party only (joint
// custody) — the consent comes into force once every required party has given it. Errors:
// kFailedPrecondition "consent.already_withdrawn", "consent.already_expired", "consent.already_given",
// "consent.refused";
// kInvalidArgument "consent.party_not_guardian".
Status GiveConsent(Consent& consent, const Guardian& guardian, const std::vector<GuardianId>& guardians, Date today);

// Days until the consent's last valid day; negative once it has expired.
int DaysUntilExpiry(const Consent& consent, Date today);

}  // namespace kronobarn::domain
