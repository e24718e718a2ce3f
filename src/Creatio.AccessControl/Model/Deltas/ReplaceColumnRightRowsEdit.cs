namespace Creatio.AccessControl;

/// <summary>Replaces every permission row of a column; each new row must name the object and the column.</summary>
public sealed class ReplaceColumnRightRowsEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="object">The object.</param>
    /// <param name="column">The column.</param>
    /// <param name="rows">The new rows, in order.</param>
    public ReplaceColumnRightRowsEdit(ObjectName @object, ColumnName column, IReadOnlyList<ColumnRightRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Object = @object;
        Column = column;
        Rows = CopyOf(rows, nameof(rows));
    }

    /// <summary>Gets the object.</summary>
    public ObjectName Object { get; init; }

    /// <summary>Gets the column.</summary>
    public ColumnName Column { get; init; }

    /// <summary>Gets the new rows, in order.</summary>
    public IReadOnlyList<ColumnRightRow> Rows { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        if (Rows.FirstOrDefault(r => r.Object != Object || r.Column != Column) is { } other)
        {
            return $"a row names column `{other.Column}` of `{other.Object}`, not `{Column}` of `{Object}`";
        }

        RemoveAll(builder.ColumnRightRows, r => r.Object == Object && r.Column == Column);
        AddAll(builder.ColumnRightRows, Rows);
        return null;
    }
}
