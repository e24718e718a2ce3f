namespace Creatio.AccessControl;

/// <summary>A workplace: a named set of objects, which a support grant may be scoped to.</summary>
/// <param name="Name">The workplace's name, unique in the model.</param>
/// <param name="Objects">The objects of the workplace.</param>
public sealed record WorkplaceDefinition(string Name, IReadOnlyList<ObjectName> Objects);
