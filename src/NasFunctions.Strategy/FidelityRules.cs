namespace NasFunctions.Strategy;

/// <summary>The rules a <see cref="Fidelity"/> must follow: at least one epoch, a data fraction in (0, 1].</summary>
public static class FidelityRules
{
    /// <summary>Every rule <paramref name="fidelity"/> breaks, as messages; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(Fidelity fidelity)
    {
        ArgumentNullException.ThrowIfNull(fidelity);
        var problems = new List<string>();
        if (fidelity.Epochs < 1)
        {
            problems.Add($"epochs must be at least 1, not {fidelity.Epochs}");
        }

        if (!(fidelity.DataFraction > 0 && fidelity.DataFraction <= 1))
        {
            problems.Add($"dataFraction must be in (0, 1], not {fidelity.DataFraction}");
        }

        return problems;
    }
}
