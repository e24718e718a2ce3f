#if NET10_0_OR_GREATER
using System.Text.Json.Serialization;

namespace Creatio.AccessControl.Serialization;

/// <summary>The source-generated metadata that reads a policy document in one pass, as strictly as
/// <see cref="PolicyDocumentChecker"/> where the deserializer can be: duplicate members, enum names in another case
/// or as numbers, instants without an offset, dates not written <c>yyyy-MM-dd</c> and a JSON <see langword="null"/>
/// for the roles not inherited by managers all fail the read.</summary>
/// <remarks>Only for reading: <see cref="PolicyJsonContext"/> writes. What the read cannot refuse (a JSON
/// <see langword="null"/> elsewhere, blank strings, enum names listed twice, another format version)
/// <see cref="PolicyDocumentScreen"/> finds in the objects read. A document either refuses goes through the checker,
/// which reports every problem.</remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict,
    AllowDuplicateProperties = false,
    Converters =
    [
        typeof(StrictEnumConverter<PortalAvailabilityMode>),
        typeof(StrictEnumConverter<AccessAuditEventType>),
        typeof(StrictEnumConverter<LicenseType>),
        typeof(StrictEnumConverter<AdminUnitKind>),
        typeof(StrictEnumConverter<ObjectCategory>),
        typeof(StrictEnumConverter<ObjectOperation>),
        typeof(StrictEnumConverter<ColumnRightLevel>),
        typeof(StrictEnumConverter<RecordOperation>),
        typeof(StrictEnumConverter<RecordRightLevel>),
        typeof(StrictEnumConverter<RecordRightSource>),
        typeof(StrictEnumConverter<SupportAccessLevel>),
        typeof(StrictInstantConverter),
        typeof(StrictDateConverter),
        typeof(NonNullGuidListConverter),
    ])]
[JsonSerializable(typeof(PolicyDocument))]
internal sealed partial class PolicyJsonReadContext : JsonSerializerContext;
#endif
