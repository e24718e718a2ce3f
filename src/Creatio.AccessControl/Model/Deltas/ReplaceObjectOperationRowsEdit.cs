namespace Creatio.AccessControl;

/// <summary>Replaces every operation row of an object; each new row must name the object.</summary>
public sealed class ReplaceObjectOperationRowsEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="object">The object.</param>
    /// <param name="rows">The new rows, in order.</param>
    public ReplaceObjectOperationRowsEdit(ObjectName @object, IReadOnlyList<ObjectOperationRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Object = @object;
        Rows = CopyOf(rows, nameof(rows));
    }

    /// <summary>Gets the object.</summary>
    public ObjectName Object { get; init; }

    /// <summary>Gets the new rows, in order.</summary>
    public IReadOnlyList<ObjectOperationRow> Rows { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        if (Rows.FirstOrDefault(r => r.Object != Object) is { } other)
        {
            return $"a row names object `{other.Object}`, not `{Object}`";
        }

        RemoveAll(builder.ObjectOperationRows, r => r.Object == Object);
        AddAll(builder.ObjectOperationRows, Rows);
        return null;
    }
}
