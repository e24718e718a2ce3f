namespace Creatio.AccessControl;

/// <summary>Identifies a support-access grant.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct SupportGrantId(Guid Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value.ToString();
}
