namespace Creatio.AccessControl.Stores;

/// <summary>The rows an <see cref="ISystemOperationStore"/> holds.</summary>
/// <param name="Operations">The system operations (the built-in ones may be left out).</param>
/// <param name="Rows">The system operation rows.</param>
public sealed record SystemOperationRows(IReadOnlyList<SystemOperationDefinition> Operations, IReadOnlyList<SystemOperationRow> Rows);
