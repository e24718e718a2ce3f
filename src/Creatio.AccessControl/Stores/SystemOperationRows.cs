namespace Creatio.AccessControl.Stores;

/// <summary>The rows an <see cref="ISystemOperationStore"/> holds.</summary>
public sealed record SystemOperationRows
{
    /// <summary>Creates a set of rows.</summary>
    /// <param name="Operations">The system operations (the built-in ones may be left out).</param>
    /// <param name="Rows">The system operation rows.</param>
    public SystemOperationRows(
        IReadOnlyList<SystemOperationDefinition> Operations,
        IReadOnlyList<SystemOperationRow> Rows)
    {
        this.Operations = Operations;
        this.Rows = Rows;
    }

    /// <summary>Gets the system operations (the built-in ones may be left out).</summary>
    public IReadOnlyList<SystemOperationDefinition> Operations { get; init; }

    /// <summary>Gets the system operation rows.</summary>
    public IReadOnlyList<SystemOperationRow> Rows { get; init; }
}
