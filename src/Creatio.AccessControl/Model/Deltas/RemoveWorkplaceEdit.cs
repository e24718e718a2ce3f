namespace Creatio.AccessControl;

/// <summary>Removes a workplace; it must be present.</summary>
public sealed class RemoveWorkplaceEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="name">The workplace's name.</param>
    public RemoveWorkplaceEdit(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    /// <summary>Gets the workplace's name.</summary>
    public string Name { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        return RemoveAll(builder.Workplaces, w => w.Name == Name) > 0 ? null : $"workplace `{Name}` does not exist";
    }
}
