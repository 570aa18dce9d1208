// Parses application/x-www-form-urlencoded bodies (Boost.URL does the percent-decoding) and
// rejects text that is not valid UTF-8, so nothing malformed reaches a use case or the database.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace kronobarn::web {

class FormFields {
  public:
    // The first value of `name`, or empty.
    std::string_view Get(std::string_view name) const;
    // Every value of `name` in order (checkbox groups).
    std::vector<std::string> GetAll(std::string_view name) const;
    bool Has(std::string_view name) const { return fields_.count(name) > 0; }
    std::vector<std::string> Names() const {
        std::vector<std::string> names;
        for (const auto& [name, values] : fields_) names.push_back(name);
        return names;
    }
    void Add(std::string name, std::string value) { fields_[std::move(name)].push_back(std::move(value)); }

  private:
    std::map<std::string, std::vector<std::string>, std::less<>> fields_;
};

// Errors (kInvalidArgument): "form.malformed", "form.invalid_utf8". Repeated fields keep every
// value; Get() answers the first.
Result<FormFields> ParseForm(std::string_view body);

// The first value of `name` in a URL's query string; empty when absent or malformed (a query
// parameter only narrows what a page shows, so a bad one shows the default).
std::string QueryValue(std::string_view query, std::string_view name);

}  // namespace kronobarn::web
