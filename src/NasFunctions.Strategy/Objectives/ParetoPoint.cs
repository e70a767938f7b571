namespace NasFunctions.Strategy.Objectives;

/// <summary>One item compared on several objectives, every value to be maximized (negate a value to minimize it).</summary>
/// <param name="Id">Names the item, for example a trial id.</param>
/// <param name="Values">One value per objective, in the same order for every point.</param>
public sealed record ParetoPoint(string Id, IReadOnlyList<double> Values);
