// The e-mail settings: the SMTP server (smtp:// with STARTTLS, or smtps://), the From address, and
// the account with its password file. A problem names the setting, never the password.
#include <fstream>

#include "cli/config.hpp"
#include "common/time.hpp"
#include "domain/notification.hpp"
#include "mail/smtp_transport.hpp"

namespace kronobarn::cli {

void RegisterMailOptions(CLI::App& app, Config& config) {
    app.add_option(
           "--smtp-url", config.smtp_url,
           "Send e-mail notifications through this SMTP server: smtp://HOST:587 (STARTTLS) or smtps://HOST:465; "
           "without it nothing is sent and the outbox keeps every message")
        ->envname("KRONOBARN_SMTP_URL");
    app.add_option("--smtp-from", config.smtp_from,
                   "The From of notifications, e.g. \"Kronobarn <kronobarn@kronoberg.se>\"")
        ->envname("KRONOBARN_SMTP_FROM")
        ->capture_default_str();
    app.add_option("--smtp-user", config.smtp_user, "The SMTP account (AUTH); empty: none")
        ->envname("KRONOBARN_SMTP_USER");
    app.add_option("--smtp-password-file", config.smtp_password_file,
                   "A file (chmod 600) holding the SMTP account's password")
        ->envname("KRONOBARN_SMTP_PASSWORD_FILE");
    app.add_option("--digest-time", config.digest_time_text,
                   "When each day's digest and reminders are written, Swedish local time (HH:MM)")
        ->envname("KRONOBARN_DIGEST_TIME")
        ->capture_default_str();
}

void ValidateMail(Config& config, std::vector<std::string>& problems) {
    if (const auto time = ParseTimeOfDay(config.digest_time_text)) {
        config.digest_time = *time;
    } else {
        problems.push_back("--digest-time must be a time of day, HH:MM (e.g. 07:00), not \"" + config.digest_time_text +
                           "\"");
    }
    if (config.smtp_url.empty()) return;
    if (!config.smtp_url.starts_with("smtp://") && !config.smtp_url.starts_with("smtps://")) {
        problems.push_back("--smtp-url must begin with smtp:// or smtps://");
    }
    if (!domain::IsDeliverableAddress(mail::AddressOf(config.smtp_from))) {
        problems.push_back("--smtp-from must hold an e-mail address, e.g. \"Kronobarn <kronobarn@kronoberg.se>\"");
    }
    if (!config.smtp_password_file.empty() &&
        IsPrivateFile("--smtp-password-file", config.smtp_password_file, problems)) {
        std::ifstream file(config.smtp_password_file);
        std::getline(file, config.smtp_password);
        if (config.smtp_password.empty())
            problems.push_back("--smtp-password-file " + config.smtp_password_file + " is empty");
    }
    while (config.public_url.ends_with('/')) config.public_url.pop_back();
    if (config.public_url.empty()) {
        problems.push_back("--smtp-url needs --public-url: the messages link to Kronobarn's pages");
    }
    if (!config.smtp_user.empty() && config.smtp_password_file.empty()) {
        problems.push_back("--smtp-user needs --smtp-password-file");
    }
}

}  // namespace kronobarn::cli
