namespace Creatio.AccessControl.Serialization;

// The data transfer objects of the policy document format, version 1. Member names are the camel-cased model
// property names; schemas/access-policy.v1.schema.json describes the same shape (a test keeps them in step).
// Reference-typed members are never null in a valid document (PolicyDocumentChecker rejects JSON null for them);
// a missing optional list stays at its initializer.

/// <summary>A whole policy document.</summary>
internal sealed class PolicyDocument
{
    public required int FormatVersion { get; init; }

    public PolicySettings Settings { get; init; } = new();

    public List<PolicyUser> Users { get; init; } = [];

    public List<PolicyRole> Roles { get; init; } = [];

    public List<PolicyMembership> Memberships { get; init; } = [];

    public List<PolicyFunctionalLink> FunctionalLinks { get; init; } = [];

    public List<PolicyDelegation> Delegations { get; init; } = [];

    /// <summary>Gets the roles not inherited by managers; <see langword="null"/> when the document leaves them out,
    /// which means the builder's default.</summary>
    public List<Guid>? RolesNotInheritedByManagers { get; init; }

    public List<PolicyObject> Objects { get; init; } = [];

    public List<PolicyObjectOperationRow> ObjectOperationRows { get; init; } = [];

    public List<PolicyColumnRightRow> ColumnRightRows { get; init; } = [];

    public List<PolicyRecord> Records { get; init; } = [];

    public List<PolicyRecordRightRow> RecordRightRows { get; init; } = [];

    public List<PolicyDefaultRecordRightRule> DefaultRecordRightRules { get; init; } = [];

    public List<PolicySystemOperation> SystemOperations { get; init; } = [];

    public List<PolicySystemOperationRow> SystemOperationRows { get; init; } = [];
}

internal sealed class PolicySettings
{
    public PortalAvailabilityMode PortalAvailabilityMode { get; init; } = AccessSettings.Default.PortalAvailabilityMode;
}

internal sealed class PolicyUser
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public AdminUnitKind Kind { get; init; } = AdminUnitKind.User;

    public bool IsActive { get; init; } = true;

    public Guid? Contact { get; init; }

    public Guid? Account { get; init; }
}

internal sealed class PolicyRole
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required AdminUnitKind Kind { get; init; }

    public Guid? Parent { get; init; }

    public Guid? Account { get; init; }
}

internal sealed class PolicyMembership
{
    public required Guid User { get; init; }

    public required Guid Role { get; init; }
}

internal sealed class PolicyFunctionalLink
{
    public required Guid FunctionalRole { get; init; }

    public required Guid OrganizationalRole { get; init; }
}

internal sealed class PolicyDelegation
{
    public required Guid Grantor { get; init; }

    public required Guid Recipient { get; init; }

    public DateTimeOffset? EndsAt { get; init; }
}

internal sealed class PolicyObject
{
    public required string Name { get; init; }

    public ObjectCategory Category { get; init; } = ObjectCategory.BusinessData;

    public bool UseOperationPermissions { get; init; }

    public bool UseRecordPermissions { get; init; }

    public bool IsAvailableForPortal { get; init; }

    public List<string> Columns { get; init; } = [];
}

internal sealed class PolicyObjectOperationRow
{
    public required string Object { get; init; }

    public required Guid Grantee { get; init; }

    public required int Position { get; init; }

    public required List<ObjectOperation> Operations { get; init; }
}

internal sealed class PolicyColumnRightRow
{
    public required string Object { get; init; }

    public required string Column { get; init; }

    public required Guid Grantee { get; init; }

    public required int Position { get; init; }

    public required ColumnRightLevel Level { get; init; }
}

internal sealed class PolicyRecord
{
    public required string Object { get; init; }

    public required Guid Id { get; init; }

    public Guid? Author { get; init; }

    public Guid? Owner { get; init; }
}

internal sealed class PolicyRecordRightRow
{
    public required string Object { get; init; }

    public required Guid Record { get; init; }

    public required Guid Grantee { get; init; }

    public required RecordOperation Operation { get; init; }

    public required RecordRightLevel Level { get; init; }

    public RecordRightSource Source { get; init; } = RecordRightSource.Manual;
}

internal sealed class PolicyDefaultRecordRightRule
{
    public required string Object { get; init; }

    public required Guid Author { get; init; }

    /// <summary>Gets the grantee; <see langword="null"/> (or missing) for the author's portal organization.</summary>
    public Guid? Grantee { get; init; }

    public required RecordOperation Operation { get; init; }

    public required RecordRightLevel Level { get; init; }
}

internal sealed class PolicySystemOperation
{
    public required string Code { get; init; }

    public bool IsConfiguration { get; init; }

    public List<PolicyObjectAccessGrant> ObjectAccess { get; init; } = [];
}

internal sealed class PolicyObjectAccessGrant
{
    public required string Object { get; init; }

    public required List<ObjectOperation> Operations { get; init; }
}

internal sealed class PolicySystemOperationRow
{
    public required string Operation { get; init; }

    public required Guid Grantee { get; init; }

    public required int Position { get; init; }

    public required bool CanExecute { get; init; }
}
