// The one way a handler reads a form into a use case's typed input: text, ticked boxes, dates,
// ids and the domain's codes, each failure kept with its field and message key so the page can
// show it at the field (plan_forms.hpp parses the plan's forms with it; the other areas' handlers
// read their few fields with it too).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "common/time.hpp"
#include "web/form.hpp"

namespace kronobarn::web {

// Reads one form into typed values. The first value that does not parse is remembered with its
// field and message key; the reads after it still answer (defaults), so a parser stays linear.
class FormReader {
  public:
    explicit FormReader(const FormFields& form) : form_(form) {}

    std::string Text(std::string_view name) const { return std::string(form_.Get(name)); }
    // A checkbox: ticked when its value is "ja".
    bool Flag(std::string_view name) const { return form_.Get(name) == "ja"; }
    Date RequiredDate(std::string_view name, std::string_view error_key);
    std::optional<Date> OptionalDate(std::string_view name, std::string_view error_key);
    // A positive id, as unit choices send them.
    std::int64_t Id(std::string_view name, std::string_view error_key);
    // A code the domain parses (a meeting kind, a status, a reason).
    template <typename Enum>
    Enum Code(std::string_view name, std::optional<Enum> (*parse)(std::string_view), std::string_view error_key) {
        if (const auto value = parse(form_.Get(name))) return *value;
        Fail(name, error_key);
        return Enum{};
    }
    // The version the form was rendered from; kConflict "plan.stale" when missing or malformed.
    Result<int> Version() const;

    // Ok, or kInvalidArgument with the message key of the first field that did not parse.
    Status Outcome() const;
    const std::string& ErrorField() const { return error_field_; }
    const FormFields& Fields() const { return form_; }

    void Fail(std::string_view name, std::string_view error_key);

  private:
    const FormFields& form_;
    std::string error_field_;
    std::string error_key_;
};

}  // namespace kronobarn::web
