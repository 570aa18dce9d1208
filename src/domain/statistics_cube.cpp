#include "domain/statistics_cube.hpp"

#include <limits>
#include <stdexcept>

namespace kronobarn::domain {

CountCube::CountCube(std::vector<CubeDimension> dimensions) : dimensions_(std::move(dimensions)) {
    strides_.assign(dimensions_.size(), 1);
    std::size_t cells = 1;
    for (std::size_t d = dimensions_.size(); d-- > 0;) {
        strides_[d] = cells;
        cells *= dimensions_[d].size;
    }
    counts_.assign(cells, 0);
}

std::size_t CountCube::IndexOf(const CubeCoordinate& coordinate) const {
    if (coordinate.size() != dimensions_.size()) throw std::invalid_argument("cube coordinate of the wrong rank");
    std::size_t index = 0;
    for (std::size_t d = 0; d < coordinate.size(); ++d) {
        if (coordinate[d] >= dimensions_[d].size) throw std::out_of_range("cube coordinate outside its dimension");
        index += coordinate[d] * strides_[d];
    }
    return index;
}

void CountCube::Count(const std::vector<std::vector<std::size_t>>& entries_per_dimension) {
    if (entries_per_dimension.size() != dimensions_.size()) throw std::invalid_argument("record of the wrong rank");
    CountFrom(0, 0, entries_per_dimension);
}

void CountCube::CountFrom(std::size_t dimension, std::size_t index,
                          const std::vector<std::vector<std::size_t>>& entries_per_dimension) {
    if (dimension == dimensions_.size()) {
        ++counts_[index];
        return;
    }
    for (const std::size_t entry : entries_per_dimension[dimension]) {
        if (entry >= dimensions_[dimension].size) throw std::out_of_range("record entry outside its dimension");
        CountFrom(dimension + 1, index + entry * strides_[dimension], entries_per_dimension);
    }
}

namespace {

// Hides one more cell of a sum that gives a hidden cell away and notes it in `newly_hidden`. A sum gives
// it away when it hides exactly one cell (subtraction recovers it), or when its total is shown and
// its hidden parts together hold fewer than the threshold (each is then known to be smaller than
// what "<5" already says). A shown zero is no protection: the smallest shown non-zero part goes.
void ProtectSum(const CountCube& cube, std::vector<std::uint8_t>& hidden, std::size_t base, std::size_t stride,
                const CubeTotal& sum, int threshold, std::vector<std::size_t>& newly_hidden) {
    const bool total_hidden = hidden[base + sum.total * stride];
    std::size_t hidden_count = total_hidden ? 1 : 0;
    std::int64_t hidden_parts = 0;
    for (const std::size_t part : sum.parts) {
        if (!hidden[base + part * stride]) continue;
        ++hidden_count;
        hidden_parts += cube.AtIndex(base + part * stride);
    }
    const bool recoverable = hidden_count == 1;
    const bool narrowed = hidden_count > 0 && !total_hidden && hidden_parts < threshold;
    if (!recoverable && !narrowed) return;
    std::size_t chosen = std::numeric_limits<std::size_t>::max();
    std::int64_t smallest = std::numeric_limits<std::int64_t>::max();
    for (const std::size_t part : sum.parts) {
        const std::size_t index = base + part * stride;
        if (!hidden[index] && cube.AtIndex(index) > 0 && cube.AtIndex(index) < smallest) {
            smallest = cube.AtIndex(index);
            chosen = index;
        }
    }
    if (chosen == std::numeric_limits<std::size_t>::max()) chosen = base + sum.total * stride;
    if (hidden[chosen]) return;
    hidden[chosen] = 1;
    newly_hidden.push_back(chosen);
}

}  // namespace

std::vector<bool> SuppressedCells(const CountCube& cube, int threshold) {
    std::vector<std::uint8_t> hidden(cube.CellCount());
    for (std::size_t i = 0; i < hidden.size(); ++i) {
        hidden[i] = cube.AtIndex(i) > 0 && cube.AtIndex(i) < threshold ? 1 : 0;
    }
    const auto& dimensions = cube.Dimensions();
    // One pass over every sum; after it, only the sums through a cell hidden since need a look.
    std::vector<std::size_t> newly_hidden;
    for (std::size_t d = 0; d < dimensions.size(); ++d) {
        if (dimensions[d].totals.empty()) continue;
        const std::size_t stride = cube.Stride(d);
        const std::size_t block = stride * dimensions[d].size;
        // Every cell whose coordinate in `d` is 0 starts one line along `d`.
        for (std::size_t outer = 0; outer < hidden.size(); outer += block) {
            for (std::size_t base = outer; base < outer + stride; ++base) {
                for (const auto& sum : dimensions[d].totals) {
                    ProtectSum(cube, hidden, base, stride, sum, threshold, newly_hidden);
                }
            }
        }
    }
    std::vector<std::size_t> to_check;
    while (!newly_hidden.empty()) {
        to_check.swap(newly_hidden);
        newly_hidden.clear();
        for (const std::size_t cell : to_check) {
            for (std::size_t d = 0; d < dimensions.size(); ++d) {
                if (dimensions[d].totals.empty()) continue;
                const std::size_t stride = cube.Stride(d);
                const std::size_t base = cell - (cell / stride) % dimensions[d].size * stride;
                for (const auto& sum : dimensions[d].totals) {
                    ProtectSum(cube, hidden, base, stride, sum, threshold, newly_hidden);
                }
            }
        }
    }
    return {hidden.begin(), hidden.end()};
}

}  // namespace kronobarn::domain
