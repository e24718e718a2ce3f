namespace Creatio.AccessControl;

/// <summary>Identifies a support session.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct SupportSessionId(Guid Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value.ToString();
}
