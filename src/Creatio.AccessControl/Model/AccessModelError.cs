namespace Creatio.AccessControl;

/// <summary>One problem found in a model.</summary>
/// <param name="Code">What kind of problem it is.</param>
/// <param name="Message">A one-line description that quotes the offending identifiers in backticks.</param>
/// <param name="Ids">The identifiers involved (admin unit ids, object names, record ids, operation codes), as text.</param>
public sealed record AccessModelError(AccessModelErrorCode Code, string Message, IReadOnlyList<string> Ids)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Code}: {Message}";
}
