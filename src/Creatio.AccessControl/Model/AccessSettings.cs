namespace Creatio.AccessControl;

/// <summary>The system settings that change decisions.</summary>
public sealed record AccessSettings
{
    /// <summary>Gets the default settings.</summary>
    public static AccessSettings Default { get; } = new();

    /// <summary>Gets how the engine decides whether an object is available to portal users.</summary>
    /// <value>The default value is <see cref="PortalAvailabilityMode.Lookup"/>.</value>
    public PortalAvailabilityMode PortalAvailabilityMode { get; init; } = PortalAvailabilityMode.Lookup;
}
