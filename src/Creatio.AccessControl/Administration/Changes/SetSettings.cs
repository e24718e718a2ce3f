namespace Creatio.AccessControl;

/// <summary>Replaces the system settings.</summary>
public sealed record SetSettings : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Settings">The new settings.</param>
    public SetSettings(AccessSettings Settings)
    {
        this.Settings = Settings;
    }

    /// <summary>Gets the new settings.</summary>
    public AccessSettings Settings { get; init; }

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.SystemSettingValues;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Settings);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageSysSettings);

    internal override AccessModelDelta ToDelta(ChangeContext context) => Delta(new ReplaceSettingsEdit(Settings));
}
