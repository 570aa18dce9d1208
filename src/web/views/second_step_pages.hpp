// The pages of a sign-in's second step: the code from the authenticator app (or a recovery code),
// setting the app up the first time, and the recovery codes shown once after that.
#pragma once

#include <string>
#include <vector>

#include "web/html.hpp"
#include "web/i18n.hpp"

namespace kronobarn::web::views {

struct SecondStepForm {
    std::string csrf_token;
    std::string error_key;  // empty: no error
};

struct EnrolmentForm {
    SecondStepForm form;
    std::string secret;  // base32, shown grouped for typing
    std::string uri;     // what the QR code carries
};

Html SecondStepCodeContent(const Translator& t, const SecondStepForm& form);
Html EnrolmentContent(const Translator& t, const EnrolmentForm& form);
// `onward`: the person's start page.
Html RecoveryCodesContent(const Translator& t, const std::vector<std::string>& codes, std::string_view onward);

}  // namespace kronobarn::web::views
