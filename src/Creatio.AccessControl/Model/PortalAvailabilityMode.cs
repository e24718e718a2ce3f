namespace Creatio.AccessControl;

/// <summary>How the engine decides whether an object is available to portal users.</summary>
public enum PortalAvailabilityMode
{
    /// <summary>The object must be in the list of objects available for portal users (Creatio up to 8.0.9). The default.</summary>
    Lookup = 0,

    /// <summary>The object must have Use operation permissions on; the list is not used (Creatio 8.0.10+).</summary>
    OperationPermissions = 1,
}
