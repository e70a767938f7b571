namespace NasFunctions.Api;

/// <summary>What <c>GET /api/searches/{id}</c> says a search has spent: against each budget limit, and in money.</summary>
public sealed record SearchSpend(BudgetSpend Budget, CostEstimate Cost);

/// <summary>Spend against each of the budget's hard stops, and which one ended the search.</summary>
/// <param name="StoppedBy">What ended the search (rounds, maxTrials, maxWallClock, maxComputeSeconds, ...); null while it runs.</param>
/// <param name="Trials">Trials finished against <c>maxTrials</c>.</param>
/// <param name="WallClockSeconds">Seconds run against <c>maxWallClock</c>.</param>
/// <param name="ComputeSeconds">Training seconds against <c>maxComputeSeconds</c>.</param>
public sealed record BudgetSpend(string? StoppedBy, LimitSpend Trials, LimitSpend WallClockSeconds, LimitSpend ComputeSeconds);

/// <summary>One limit: what was spent and the limit (null when the spec sets none).</summary>
public sealed record LimitSpend(double Spent, double? Limit);

/// <summary>The estimated cost: training seconds priced by the host's table for the spec's device.</summary>
/// <param name="Device">The spec's device (cpu, cuda or auto; auto is priced as cuda).</param>
/// <param name="Currency">The table's currency.</param>
/// <param name="PricePerHour">The price of an hour of training on that device.</param>
/// <param name="Estimated">Training seconds x price per hour / 3,600.</param>
public sealed record CostEstimate(string Device, string Currency, double PricePerHour, double Estimated);
