using NasFunctions.SearchSpace;

namespace NasFunctions.Strategy.Progressive;

/// <summary>An unmeasured architecture the predictor may rank: its canonical string, active features and complexity.</summary>
/// <param name="Canonical">The canonical string.</param>
/// <param name="Active">The predictor's active features.</param>
/// <param name="Complexity">The space's size measure.</param>
/// <param name="ListingIndex">Its position in the space's listing, or -1 when the space is not listed.</param>
/// <param name="Architecture">The architecture, or null when it is built from the listing on demand.</param>
internal sealed record PoolEntry(string Canonical, int[] Active, int Complexity, int ListingIndex, Architecture? Architecture);
