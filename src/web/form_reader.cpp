#include "web/form_reader.hpp"

#include <limits>

#include "common/ids.hpp"

namespace kronobarn::web {

void FormReader::Fail(std::string_view name, std::string_view error_key) {
    if (!error_key_.empty()) return;
    error_field_ = std::string(name);
    error_key_ = std::string(error_key);
}

Date FormReader::RequiredDate(std::string_view name, std::string_view error_key) {
    if (const auto date = ParseDate(form_.Get(name))) return *date;
    Fail(name, error_key);
    return Date{};
}

std::optional<Date> FormReader::OptionalDate(std::string_view name, std::string_view error_key) {
    const std::string_view text = form_.Get(name);
    if (text.empty()) return std::nullopt;
    if (const auto date = ParseDate(text)) return *date;
    Fail(name, error_key);
    return std::nullopt;
}

std::int64_t FormReader::Id(std::string_view name, std::string_view error_key) {
    if (const auto id = ParsePositiveId(form_.Get(name))) return *id;
    Fail(name, error_key);
    return 0;
}

Result<int> FormReader::Version() const {
    const auto version = ParsePositiveId(form_.Get("version"));
    if (!version || *version > std::numeric_limits<int>::max()) return Error::Conflict("plan.stale");
    return static_cast<int>(*version);
}

Status FormReader::Outcome() const {
    if (error_key_.empty()) return Ok();
    return Error::InvalidArgument(error_key_);
}

}  // namespace kronobarn::web
