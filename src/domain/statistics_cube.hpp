// A cube of counts for the steering group's statistics and its small-cell suppression (domain.md
// §8). Every filter the dashboard offers is a slice of one cube per calendar year, and every total
// it shows is an entry of that cube, so suppression decided once over the whole cube holds for
// every view: no total minus other shown numbers gives back a hidden cell, whichever filters are
// combined (a municipality from the county total, January from the first quarter).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kronobarn::domain {

// Entry `total` of a dimension holds the sum of entries `parts`: the county over its
// municipalities, a quarter over its months.
struct CubeTotal {
    std::size_t total = 0;
    std::vector<std::size_t> parts;
};

struct CubeDimension {
    std::size_t size = 0;
    // Empty where entries overlap (a signal names several wheel areas): no entry is a sum there.
    std::vector<CubeTotal> totals;
};

using CubeCoordinate = std::vector<std::size_t>;  // one entry per dimension

class CountCube {
  public:
    explicit CountCube(std::vector<CubeDimension> dimensions);

    // Counts one record once in every cell it belongs to: per dimension, the entries it falls in
    // (its member and each total over it).
    void Count(const std::vector<std::vector<std::size_t>>& entries_per_dimension);

    std::int64_t At(const CubeCoordinate& coordinate) const { return counts_[IndexOf(coordinate)]; }
    std::int64_t AtIndex(std::size_t index) const { return counts_[index]; }
    std::size_t IndexOf(const CubeCoordinate& coordinate) const;
    std::size_t CellCount() const { return counts_.size(); }
    std::size_t Stride(std::size_t dimension) const { return strides_[dimension]; }
    const std::vector<CubeDimension>& Dimensions() const { return dimensions_; }

  private:
    void CountFrom(std::size_t dimension, std::size_t index,
                   const std::vector<std::vector<std::size_t>>& entries_per_dimension);

    std::vector<CubeDimension> dimensions_;
    std::vector<std::size_t> strides_;
    std::vector<std::int32_t> counts_;
};

inline constexpr int kDefaultSuppressionThreshold = 5;
inline constexpr int kMinimumSuppressionThreshold = 3;

// Which cells must not be shown. Primary: every count from 1 to below the threshold. A zero is
// shown: it names no child, and a zero hidden beside a shown total would be recoverable anyway
// (hiding zeros honestly would hide nearly every table of a small county). Complementary: wherever a sum
// hides exactly one of its cells, or shows its total while its hidden parts hold fewer than the
// threshold together, the smallest shown part (else the total) is hidden too, until no sum does.
std::vector<bool> SuppressedCells(const CountCube& cube, int threshold);

}  // namespace kronobarn::domain
