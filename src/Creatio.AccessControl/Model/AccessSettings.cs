namespace Creatio.AccessControl;

/// <summary>The system settings that change decisions.</summary>
public sealed record AccessSettings
{
    /// <summary>Gets the default settings.</summary>
    public static AccessSettings Default { get; } = new();

    /// <summary>Gets how the engine decides whether an object is available to portal users.</summary>
    /// <value>The default value is <see cref="PortalAvailabilityMode.Lookup"/>.</value>
    public PortalAvailabilityMode PortalAvailabilityMode { get; init; } = PortalAvailabilityMode.Lookup;

    /// <summary>Gets the support access settings.</summary>
    /// <value>The default value is <see cref="SupportAccessSettings.Default"/>.</value>
    public SupportAccessSettings SupportAccess { get; init; } = SupportAccessSettings.Default;

    /// <summary>Gets the audit event types that are written; the others are not even built.</summary>
    /// <value>The default value is empty: every type is disabled, as in Creatio.</value>
    public IReadOnlyList<AccessAuditEventType> EnabledAuditEvents { get; init; } = [];

    /// <summary>Whether an audit event type is enabled.</summary>
    /// <param name="type">The event type.</param>
    /// <returns><see langword="true"/> if events of the type are written.</returns>
    public bool IsAuditEnabled(AccessAuditEventType type)
    {
        foreach (AccessAuditEventType enabled in EnabledAuditEvents)
        {
            if (enabled == type)
            {
                return true;
            }
        }

        return false;
    }
}
