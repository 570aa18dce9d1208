// PersonalNumber: a Swedish personnummer or samordningsnummer (coordination number), the identity
// a child is found by. Accepts the forms people type — YYMMDD-NNNN, YYMMDD+NNNN (100 years or older),
// YYYYMMDDNNNN, YYYYMMDD-NNNN, YYMMDDNNNN — and normalises to 12 digits. A samordningsnummer has
// 60 added to the day of birth. Validity: a real calendar date and a correct Luhn check digit.
#pragma once

#include <string>
#include <string_view>

#include "common/result.hpp"
#include "common/time.hpp"

namespace kronobarn::domain {

class PersonalNumber {
  public:
    // Parses `text` as typed. A two-digit year is resolved against `today`: the most recent century
    // that does not put the birth in the future (or 100 years further back with '+').
    // Errors (kInvalidArgument): "personal_number.format", "personal_number.date", "personal_number.checksum".
    static Result<PersonalNumber> Parse(std::string_view text, Date today);

    // Rebuilds a number the store kept (12 digits, validated when it was first parsed).
    static Result<PersonalNumber> FromStored(std::string_view normalised);

    // "YYYYMMDDNNNN": what the store keeps and indexes.
    const std::string& Normalised() const { return digits_; }
    // "YYYYMMDD-NNNN": how people read it.
    std::string Display() const;
    Date BirthDate() const { return birth_date_; }
    bool IsCoordinationNumber() const { return coordination_; }

    friend bool operator==(const PersonalNumber&, const PersonalNumber&) = default;

  private:
    PersonalNumber(std::string digits, Date birth_date, bool coordination)
        : digits_(std::move(digits)), birth_date_(birth_date), coordination_(coordination) {}

    std::string digits_;
    Date birth_date_;
    bool coordination_ = false;
};

// The Luhn check digit for the nine digits YYMMDDNNN.
int LuhnCheckDigit(std::string_view nine_digits);

}  // namespace kronobarn::domain
