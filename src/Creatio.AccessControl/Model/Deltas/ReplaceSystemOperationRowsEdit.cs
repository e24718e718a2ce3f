namespace Creatio.AccessControl;

/// <summary>Replaces every row of a system operation; each new row must name the operation.</summary>
public sealed class ReplaceSystemOperationRowsEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="rows">The new rows, in order.</param>
    public ReplaceSystemOperationRowsEdit(SystemOperationCode operation, IReadOnlyList<SystemOperationRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Operation = operation;
        Rows = CopyOf(rows, nameof(rows));
    }

    /// <summary>Gets the operation.</summary>
    public SystemOperationCode Operation { get; init; }

    /// <summary>Gets the new rows, in order.</summary>
    public IReadOnlyList<SystemOperationRow> Rows { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        if (Rows.FirstOrDefault(r => r.Operation != Operation) is { } other)
        {
            return $"a row names operation `{other.Operation}`, not `{Operation}`";
        }

        RemoveAll(builder.SystemOperationRows, r => r.Operation == Operation);
        AddAll(builder.SystemOperationRows, Rows);
        return null;
    }
}
