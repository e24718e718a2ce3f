namespace Creatio.AccessControl;

/// <summary>Adds a support-access grant, or replaces the grant of the same id in place.</summary>
public sealed class PutSupportGrantEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="grant">The grant.</param>
    public PutSupportGrantEdit(SupportAccessGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        Grant = grant;
    }

    /// <summary>Gets the grant.</summary>
    public SupportAccessGrant Grant { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        Put(builder.SupportGrants, Grant, g => g.Id == Grant.Id);
        return null;
    }
}
