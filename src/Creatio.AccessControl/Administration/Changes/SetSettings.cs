namespace Creatio.AccessControl;

/// <summary>Replaces the system settings.</summary>
/// <param name="Settings">The new settings.</param>
public sealed record SetSettings(AccessSettings Settings) : AccessChange
{
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
