namespace Creatio.AccessControl.AspNetCore;

/// <summary>Options of the access control health check.</summary>
public sealed class AccessControlHealthCheckOptions
{
    /// <summary>Gets or sets the age of the snapshot in use beyond which the check reports Degraded: a model that should be
    /// refreshed (by reloads or changes) and was not.</summary>
    /// <value>The default value is <see langword="null"/>: any age is healthy. When set, it must be positive.</value>
    public TimeSpan? MaxModelAge { get; set; }

    /// <summary>Gets or sets a value indicating whether the check reads the model's source: the policy file must exist, or the
    /// settings store must answer within the check's time.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool CheckSource { get; set; } = true;
}
