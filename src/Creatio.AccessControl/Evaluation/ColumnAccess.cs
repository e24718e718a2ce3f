namespace Creatio.AccessControl;

/// <summary>The columns of an object a user may read and those they may edit.</summary>
/// <param name="Readable">The columns the user may read, system columns first, then in the object's order.</param>
/// <param name="Editable">The columns the user may edit, in the same order.</param>
public sealed record ColumnAccess(IReadOnlyList<ColumnName> Readable, IReadOnlyList<ColumnName> Editable)
{
    /// <summary>Gets the access to an unknown object: no column.</summary>
    public static ColumnAccess Empty { get; } = new([], []);
}
