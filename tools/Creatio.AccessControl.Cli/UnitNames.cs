namespace Creatio.AccessControl.Cli;

/// <summary>The names of a model's admin units, for output.</summary>
internal sealed class UnitNames
{
    private readonly Dictionary<Guid, (string Name, AdminUnitKind Kind)> _units = [];

    public UnitNames(AccessModel model)
    {
        foreach (RoleDefinition role in model.Roles)
        {
            _units[role.Id.Value] = (role.Name, role.Kind);
        }

        foreach (UserDefinition user in model.Users)
        {
            _units[user.Id.Value] = (user.Name, user.Kind);
        }
    }

    public string? Name(Guid id) => _units.TryGetValue(id, out var unit) ? unit.Name : null;

    public AdminUnitKind? Kind(Guid id) => _units.TryGetValue(id, out var unit) ? unit.Kind : null;

    /// <summary>Returns "Name (id)", or the id alone for a unit the model does not know.</summary>
    public string Describe(Guid id) => Name(id) is { } name ? $"{name} ({id})" : id.ToString();
}
