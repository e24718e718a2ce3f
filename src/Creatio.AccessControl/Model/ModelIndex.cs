namespace Creatio.AccessControl;

/// <summary>The lookups the validator builds over a model: users, roles, objects and records by id.</summary>
/// <remarks>Filled once by <see cref="AccessModelValidator.Validate(AccessModelBuilder, out ModelIndex)"/> and never
/// changed after: a valid model keeps it, and models derived by edits that add or remove none of these rows share it.</remarks>
internal sealed class ModelIndex
{
    public Dictionary<AdminUnitId, UserDefinition> Users { get; } = [];

    public Dictionary<AdminUnitId, RoleDefinition> Roles { get; } = [];

    /// <summary>Gets every admin unit: users and roles.</summary>
    public HashSet<AdminUnitId> Units { get; } = [];

    public Dictionary<ObjectName, ObjectDefinition> Objects { get; } = [];

    public Dictionary<ObjectName, HashSet<RecordId>> Records { get; } = [];
}
