namespace NasFunctions.SearchSpace;

/// <summary>One named choice a search space asks for, with the values it may take.</summary>
/// <param name="Label">Stable label, for example <c>b0.op</c>.</param>
/// <param name="Choices">The allowed values, in the space's order.</param>
public sealed record Decision(string Label, IReadOnlyList<string> Choices);
