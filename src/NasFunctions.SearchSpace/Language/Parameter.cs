namespace NasFunctions.SearchSpace.Language;

/// <summary>One named parameter of a custom search space: a choice, a number range, a repeat or a cell.</summary>
public abstract class Parameter
{
    /// <summary>Creates a parameter; throws <see cref="ArgumentException"/> when the name is not usable.</summary>
    private protected Parameter(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (ParameterText.NameProblem(name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }

        Name = name;
    }

    /// <summary>The parameter's name: letters, digits and '_', starting with a letter or '_'.</summary>
    public string Name { get; }

    /// <summary>How many distinct values the parameter can take (saturates at <see cref="long.MaxValue"/>).</summary>
    public abstract long Size { get; }
}
