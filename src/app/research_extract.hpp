// The researchers' extract (kronobarn export research): child-level process data of a period,
// pseudonymised with a key made for this extract alone and then forgotten, so two extracts cannot
// be joined; no names, personal numbers, addresses or free text; a data dictionary and a manifest
// beside the CSV files. Every extract, and every refused attempt, is audited.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "common/result.hpp"
#include "common/time.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::app {

struct ResearchExtractRequest {
    std::string approval;  // the ethics approval reference, recorded in the manifest and the audit log
    std::string from;      // YYYY-MM-DD, both inclusive
    std::string to;
    std::filesystem::path out;  // a new or empty directory
};

struct ResearchExtractFile {
    std::string name;
    std::size_t rows = 0;
};

struct ResearchExtractSummary {
    std::vector<ResearchExtractFile> files;  // the data files, without the dictionary and manifest
};

// Errors: kNotFound for anyone without the researcher role (recorded as denied); kInvalidArgument
// with the keys of domain::CheckApproval and domain::CheckResearchPeriod, and
// "research.out_not_empty" (nothing is overwritten); kInternal when a file cannot be written
// (what was written is removed again).
Result<ResearchExtractSummary> ExportResearchExtract(store::Store& store, const Clock& clock, const Actor& actor,
                                                     const ResearchExtractRequest& request,
                                                     const RequestContext& context);

}  // namespace kronobarn::app
