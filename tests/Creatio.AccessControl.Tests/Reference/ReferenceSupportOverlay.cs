namespace Creatio.AccessControl.Tests.Reference;

/// <summary>
/// A deliberately naive transcription of DESIGN.md §8 — what a support session may do of what its grantor may do — over
/// the raw rows of an <see cref="AccessModel"/>: the grantor's decision comes from a function the caller passes (normally
/// <see cref="ReferenceEvaluator"/> at the instant), the overlay is the spec's list read top to bottom. Nothing is shared
/// with the library's overlay.
/// </summary>
/// <remarks>Decisions the engine takes where DESIGN.md leaves room, and which this reference follows: when several rules
/// deny, the first in the order data isolation, configuration restriction, administration, scope, level decides; a request
/// the grantor is denied keeps the grantor's decision; sharing is judged on the grantor's share decision, then the overlay
/// of reading the record, then the overlay of sharing (configuration restriction, administration, level Admin).</remarks>
internal sealed class ReferenceSupportOverlay
{
    private static readonly string[] s_administration =
    [
        "CanManageUsers", "CanManageAdministration", "CanChangeAdminOperationGrantee", "CanChangeAdminUnitGrantedRight",
        "CanChangeEntitySchemaRecordRight", "CanDelegateExternalAccess", "CanAdministratePortalUsers",
    ];

    private readonly AccessModel _model;
    private readonly Func<UserId, DateTimeOffset, AccessRequest, ReferenceDecision> _grantor;
    private readonly Dictionary<SupportGrantId, SupportAccessWindow> _windows = [];

    public ReferenceSupportOverlay(AccessModel model, Func<UserId, DateTimeOffset, AccessRequest, ReferenceDecision> grantor)
    {
        _model = model;
        _grantor = grantor;
    }

    public ReferenceDecision Check(SupportGrantId id, DateTimeOffset now, AccessRequest request)
    {
        SupportAccessGrant? grant = _model.SupportGrants.FirstOrDefault(g => g.Id == id);
        if (grant is null)
        {
            return Deny(AccessReason.UnknownSupportGrant);
        }

        // Inactive, not started, expired (access ends at the start of the day after the close date), another environment.
        SupportAccessSettings settings = _model.Settings.SupportAccess;
        if (!_windows.TryGetValue(id, out SupportAccessWindow window))
        {
            window = SupportAccessWindow.For(grant, settings);
            _windows.Add(id, window);
        }

        if (!grant.IsActive)
        {
            return Deny(AccessReason.SupportGrantInactive);
        }

        if (now < window.StartsAt)
        {
            return Deny(AccessReason.SupportGrantNotStarted);
        }

        if (now >= window.EndsAt)
        {
            return Deny(AccessReason.SupportGrantExpired);
        }

        if (!string.Equals(grant.Environment, settings.Environment, StringComparison.OrdinalIgnoreCase))
        {
            return Deny(AccessReason.SupportWrongEnvironment);
        }

        ReferenceDecision grantor = _grantor(grant.Grantor, now, request);
        if (!grantor.IsAllowed)
        {
            return grantor;
        }

        switch (request.Kind)
        {
            case AccessRequestKind.SystemOperation:
                return SystemOperation(grant, request.SystemOperation) ?? grantor;
            case AccessRequestKind.Share:
                return Objects(grant, request.Object, ObjectOperation.Read, request.Record, column: false) ?? Share(grant) ?? grantor;
            case AccessRequestKind.Column:
                return Objects(grant, request.Object, request.ColumnOperation == ColumnOperation.Read ? ObjectOperation.Read : ObjectOperation.Edit, request.Record, column: true) ?? grantor;
            case AccessRequestKind.Record:
                ObjectOperation operation = request.RecordOperation switch
                {
                    RecordOperation.Read => ObjectOperation.Read,
                    RecordOperation.Edit => ObjectOperation.Edit,
                    _ => ObjectOperation.Delete,
                };
                return Objects(grant, request.Object, operation, request.Record, column: false) ?? grantor;
            default:
                return Objects(grant, request.Object, request.ObjectOperation, null, column: false) ?? grantor;
        }
    }

    private static ReferenceDecision Deny(AccessReason reason) => ReferenceDecision.Deny(AccessStage.SupportAccess, reason);

    /// <summary>Whether the host relaxed the ban on administration and the grant clears both modes.</summary>
    private bool Relaxed(SupportAccessGrant grant) =>
        _model.Settings.SupportAccess.AllowAdministrationWhenUnrestricted && !grant.DenyDataAccess && !grant.DenyConfiguration;

    /// <summary>The overlay of an object, record or column request; null when it keeps the grantor's decision.</summary>
    private ReferenceDecision? Objects(SupportAccessGrant grant, ObjectName name, ObjectOperation operation, RecordId? record, bool column)
    {
        ObjectDefinition definition = _model.Objects.Single(o => o.Name == name);
        bool business = definition.Category == ObjectCategory.BusinessData;
        bool writes = operation != ObjectOperation.Read;

        // Data isolation: business records are hidden but those created in this grant; a request naming no record is
        // denied too, except creating one.
        bool createsWithoutRecord = operation == ObjectOperation.Create && record is null && !column;
        bool createdHere = record is { } id && _model.Records.Any(r => r.Object == name && r.Id == id && r.CreatedInSupportGrant == grant.Id);
        if (grant.DenyDataAccess && business && !createsWithoutRecord && !createdHere)
        {
            return Deny(AccessReason.SupportDataIsolation);
        }

        // Configuration restriction: lookups and configuration objects are read-only.
        if (grant.DenyConfiguration && writes && !business)
        {
            return Deny(AccessReason.SupportConfigurationRestriction);
        }

        // Support never changes support-access grants (the external access object) unless relaxed.
        if (writes && name.Value == "SysExternalAccess" && !Relaxed(grant))
        {
            return Deny(AccessReason.SupportAdministrationForbidden);
        }

        // Scope: only the objects of the granted workplaces, when some are granted.
        if (grant.Workplaces.Count > 0 &&
            !_model.Workplaces.Any(w => grant.Workplaces.Contains(w.Name) && w.Objects.Contains(name)))
        {
            return Deny(AccessReason.SupportOutsideScope);
        }

        // Level: Monitor reads only; Manage writes business data only; Admin is everything within the modes.
        if (writes && (grant.Level == SupportAccessLevel.Monitor || (grant.Level == SupportAccessLevel.Manage && !business)))
        {
            return Deny(AccessReason.SupportLevel);
        }

        return null;
    }

    /// <summary>The overlay of a system operation; null when it keeps the grantor's decision.</summary>
    private ReferenceDecision? SystemOperation(SupportAccessGrant grant, SystemOperationCode code)
    {
        bool configuration = _model.SystemOperations.Single(o => o.Code == code).IsConfiguration;
        if (grant.DenyConfiguration && configuration)
        {
            return Deny(AccessReason.SupportConfigurationRestriction);
        }

        if (s_administration.Contains(code.Value) && !Relaxed(grant))
        {
            return Deny(AccessReason.SupportAdministrationForbidden);
        }

        // Monitor executes no system operation at all; below Admin, configuration operations are read-only.
        if (grant.Level == SupportAccessLevel.Monitor || (configuration && grant.Level != SupportAccessLevel.Admin))
        {
            return Deny(AccessReason.SupportLevel);
        }

        return null;
    }

    /// <summary>The overlay of sharing record rights; null when it keeps the grantor's decision.</summary>
    private ReferenceDecision? Share(SupportAccessGrant grant) =>
        grant.DenyConfiguration ? Deny(AccessReason.SupportConfigurationRestriction)
        : !Relaxed(grant) ? Deny(AccessReason.SupportAdministrationForbidden)
        : grant.Level != SupportAccessLevel.Admin ? Deny(AccessReason.SupportLevel)
        : null;
}
