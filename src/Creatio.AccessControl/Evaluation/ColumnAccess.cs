namespace Creatio.AccessControl;

/// <summary>The columns of an object a user may read and those they may edit.</summary>
public sealed record ColumnAccess
{
    /// <summary>Creates the column access of a user to an object.</summary>
    /// <param name="Readable">The columns the user may read, system columns first, then in the object's order.</param>
    /// <param name="Editable">The columns the user may edit, in the same order.</param>
    public ColumnAccess(IReadOnlyList<ColumnName> Readable, IReadOnlyList<ColumnName> Editable)
    {
        this.Readable = Readable;
        this.Editable = Editable;
    }

    /// <summary>Gets the access to an unknown object: no column.</summary>
    public static ColumnAccess Empty { get; } = new([], []);

    /// <summary>Gets the columns the user may read, system columns first, then in the object's order.</summary>
    public IReadOnlyList<ColumnName> Readable { get; init; }

    /// <summary>Gets the columns the user may edit, in the same order.</summary>
    public IReadOnlyList<ColumnName> Editable { get; init; }
}
