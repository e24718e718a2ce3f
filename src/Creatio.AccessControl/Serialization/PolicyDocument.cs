using System.Text.Json;
using System.Text.Json.Serialization;

namespace Creatio.AccessControl.Serialization;

// The data transfer objects of the policy document format, version 1. Member names are the camel-cased model
// property names; schemas/access-policy.v1.schema.json describes the same shape (a test keeps them in step).
// Reference-typed members are never null in a valid document (PolicyDocumentChecker rejects JSON null for them);
// a missing optional member keeps its initializer, which is why optional members have setters: the source generator
// sets every init-only member, present in the document or not, and would overwrite the initializer with null.

/// <summary>A whole policy document.</summary>
internal sealed class PolicyDocument
{
    /// <summary>Gets the JSON Schema an editor checks the document against (<c>"$schema"</c>); accepted at the top level
    /// only, never read and never written.</summary>
    [JsonPropertyName("$schema")]
    [JsonConverter(typeof(SchemaReferenceConverter))]
    public string? Schema { get; set; }

    public required int FormatVersion { get; init; }

    public PolicySettings Settings { get; set; } = new();

    public List<PolicyUser> Users { get; set; } = [];

    public List<PolicyRole> Roles { get; set; } = [];

    public List<PolicyMembership> Memberships { get; set; } = [];

    public List<PolicyFunctionalLink> FunctionalLinks { get; set; } = [];

    public List<PolicyDelegation> Delegations { get; set; } = [];

    /// <summary>Gets the roles not inherited by managers; <see langword="null"/> when the document leaves them out,
    /// which means the builder's default.</summary>
    public List<Guid>? RolesNotInheritedByManagers { get; set; }

    public List<PolicyObject> Objects { get; set; } = [];

    public List<PolicyObjectOperationRow> ObjectOperationRows { get; set; } = [];

    public List<PolicyColumnRightRow> ColumnRightRows { get; set; } = [];

    public List<PolicyRecord> Records { get; set; } = [];

    public List<PolicyRecordRightRow> RecordRightRows { get; set; } = [];

    public List<PolicyDefaultRecordRightRule> DefaultRecordRightRules { get; set; } = [];

    public List<PolicySystemOperation> SystemOperations { get; set; } = [];

    public List<PolicySystemOperationRow> SystemOperationRows { get; set; } = [];

    public List<PolicyWorkplace> Workplaces { get; set; } = [];

    public List<PolicySupportGrant> SupportGrants { get; set; } = [];
}

internal sealed class PolicySettings
{
    public PortalAvailabilityMode PortalAvailabilityMode { get; set; } = AccessSettings.Default.PortalAvailabilityMode;

    public PolicySupportAccessSettings SupportAccess { get; set; } = new();

    public List<AccessAuditEventType> EnabledAuditEvents { get; set; } = [];
}

internal sealed class PolicySupportAccessSettings
{
    public string TimeZoneId { get; set; } = SupportAccessSettings.Default.TimeZoneId;

    public int MaxDurationDays { get; set; } = SupportAccessSettings.Default.MaxDurationDays;

    public int DefaultDurationDays { get; set; } = SupportAccessSettings.Default.DefaultDurationDays;

    public bool AllowNonAdminsToGrant { get; set; } = SupportAccessSettings.Default.AllowNonAdminsToGrant;

    public LicenseType License { get; set; } = SupportAccessSettings.Default.License;

    public string Environment { get; set; } = SupportAccessSettings.Default.Environment;

    public bool AllowAdministrationWhenUnrestricted { get; set; } = SupportAccessSettings.Default.AllowAdministrationWhenUnrestricted;

    public string ExternalAccessObject { get; set; } = SupportAccessSettings.Default.ExternalAccessObject;
}

internal sealed class PolicyUser
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    [JsonConverter(typeof(AdminUnitKindConverter))]
    public AdminUnitKind Kind { get; set; } = AdminUnitKind.User;

    public bool IsActive { get; set; } = true;

    public Guid? Contact { get; set; }

    public Guid? Account { get; set; }
}

internal sealed class PolicyRole
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    [JsonConverter(typeof(AdminUnitKindConverter))]
    public required AdminUnitKind Kind { get; init; }

    public Guid? Parent { get; set; }

    public Guid? Account { get; set; }
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

    public DateTimeOffset? EndsAt { get; set; }
}

internal sealed class PolicyObject
{
    public required string Name { get; init; }

    public ObjectCategory Category { get; set; } = ObjectCategory.BusinessData;

    public bool UseOperationPermissions { get; set; }

    public bool UseRecordPermissions { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool KeepsRecordsInDatabase { get; set; }

    public bool IsAvailableForPortal { get; set; }

    public List<string> Columns { get; set; } = [];
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

    public Guid? Author { get; set; }

    public Guid? Owner { get; set; }

    public Guid? CreatedInSupportGrant { get; set; }
}

internal sealed class PolicyRecordRightRow
{
    public required string Object { get; init; }

    public required Guid Record { get; init; }

    public required Guid Grantee { get; init; }

    public required RecordOperation Operation { get; init; }

    public required RecordRightLevel Level { get; init; }

    public RecordRightSource Source { get; set; } = RecordRightSource.Manual;
}

internal sealed class PolicyDefaultRecordRightRule
{
    public required string Object { get; init; }

    public required Guid Author { get; init; }

    /// <summary>Gets the grantee; <see langword="null"/> (or missing) for the author's portal organization.</summary>
    public Guid? Grantee { get; set; }

    public required RecordOperation Operation { get; init; }

    public required RecordRightLevel Level { get; init; }
}

internal sealed class PolicySystemOperation
{
    public required string Code { get; init; }

    public bool IsConfiguration { get; set; }

    public List<PolicyObjectAccessGrant> ObjectAccess { get; set; } = [];
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

internal sealed class PolicyWorkplace
{
    public required string Name { get; init; }

    public required List<string> Objects { get; init; }
}

internal sealed class PolicySupportGrant
{
    // The model's own defaults, read from a grant built with placeholder required values.
    private static readonly SupportAccessGrant s_defaults = new(default, string.Empty, default, default, default, default);

    public required Guid Id { get; init; }

    public required string Reason { get; init; }

    /// <summary>Gets the first day, written <c>yyyy-MM-dd</c>.</summary>
    public required DateOnly StartDate { get; init; }

    /// <summary>Gets the last day, written <c>yyyy-MM-dd</c>.</summary>
    public required DateOnly CloseDate { get; init; }

    public required Guid Grantor { get; init; }

    public required Guid GrantedBy { get; init; }

    public bool DenyDataAccess { get; set; } = s_defaults.DenyDataAccess;

    public bool DenyConfiguration { get; set; } = s_defaults.DenyConfiguration;

    public bool IsActive { get; set; } = s_defaults.IsActive;

    public List<string> Workplaces { get; set; } = [];

    public SupportAccessLevel Level { get; set; } = s_defaults.Level;

    public string Environment { get; set; } = s_defaults.Environment;
}

/// <summary>Reads <c>"$schema"</c> as a string and refuses a JSON <see langword="null"/>, which the default converter
/// would read as a left-out member; the writer never writes it (it is <see langword="null"/> in every document written).</summary>
internal sealed class SchemaReferenceConverter : JsonConverter<string>
{
    public override bool HandleNull => true;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("Not a string.");

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>Reads an admin unit kind from its exact name, or from <c>PortalUser</c>, the name Creatio gave external users
/// before 8.0.9; writes the name.</summary>
internal sealed class AdminUnitKindConverter : JsonConverter<AdminUnitKind>
{
    /// <summary>The names a document may give a kind besides its own.</summary>
    public static readonly IReadOnlyDictionary<string, AdminUnitKind> Aliases = new Dictionary<string, AdminUnitKind>(StringComparer.Ordinal)
    {
        ["PortalUser"] = AdminUnitKind.ExternalUser,
    };

    private static readonly AdminUnitKind[] s_kinds = Enum.GetValues<AdminUnitKind>();

    public override AdminUnitKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        foreach (AdminUnitKind kind in s_kinds)
        {
            if (string.Equals(kind.ToString(), name, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return name is not null && Aliases.TryGetValue(name, out AdminUnitKind alias) ? alias : throw new JsonException("Not a name of AdminUnitKind.");
    }

    public override void Write(Utf8JsonWriter writer, AdminUnitKind value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
