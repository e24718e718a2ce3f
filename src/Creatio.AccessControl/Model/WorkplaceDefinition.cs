namespace Creatio.AccessControl;

/// <summary>A workplace: a named set of objects, which a support grant may be scoped to.</summary>
public sealed record WorkplaceDefinition
{
    /// <summary>Creates a workplace.</summary>
    /// <param name="Name">The workplace's name, unique in the model.</param>
    /// <param name="Objects">The objects of the workplace.</param>
    public WorkplaceDefinition(string Name, IReadOnlyList<ObjectName> Objects)
    {
        this.Name = Name;
        this.Objects = Objects;
    }

    /// <summary>Gets the workplace's name, unique in the model.</summary>
    public string Name { get; init; }

    /// <summary>Gets the objects of the workplace.</summary>
    public IReadOnlyList<ObjectName> Objects { get; init; }
}
