namespace NasFunctions.SearchSpace.Language;

/// <summary>A categorical parameter: one of a list of names (<c>{ "choice": ["adam", "sgd"] }</c>); its typed value is the string.</summary>
public sealed class ChoiceParameter(string name, IReadOnlyList<string> values) : ScalarParameter(name, values)
{
    /// <inheritdoc />
    public override object ValueOf(string text) => text;
}
