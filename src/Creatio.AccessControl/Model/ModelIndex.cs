namespace Creatio.AccessControl;

/// <summary>The lookups the validator builds over a model: users, roles, objects and records by id.</summary>
/// <remarks>Filled once by <see cref="AccessModelValidator.Validate(ModelRows, out ModelIndex, out ResolvedRecordRights)"/> and never
/// changed after: a valid model keeps it, and models derived by edits that add or remove none of these rows share it.</remarks>
internal sealed class ModelIndex
{
    public Dictionary<AdminUnitId, UserDefinition> Users { get; } = [];

    public Dictionary<AdminUnitId, RoleDefinition> Roles { get; } = [];

    /// <summary>Gets every admin unit, users and roles, with its number: a user's place among the users, a role's place
    /// among the roles after every user (what <see cref="ResolvedRecordRights.Unit"/> holds).</summary>
    public GuidTable Units { get; } = new();

    public Dictionary<ObjectName, ObjectDefinition> Objects { get; } = [];

    /// <summary>Gets each object's records, with each record's place among the model's records.</summary>
    public Dictionary<ObjectName, GuidTable> Records { get; } = [];
}
