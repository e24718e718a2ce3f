using System.Text.Json.Serialization;

namespace Creatio.AccessControl.Serialization;

/// <summary>The source-generated serialization metadata of the policy document (no reflection, trim and AOT safe).</summary>
/// <remarks>Enums are written by name; members holding <see langword="null"/> are left out; unknown members are
/// refused. <see cref="PolicyDocumentChecker"/> walks the same metadata to report every problem of a document.</remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(PolicyDocument))]
internal sealed partial class PolicyJsonContext : JsonSerializerContext;
