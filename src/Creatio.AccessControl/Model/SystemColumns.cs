namespace Creatio.AccessControl;

/// <summary>The system columns every object has, which portal users never read or write (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/columns.md#system-columns-and-portal-users">system columns</see>).</summary>
internal static class SystemColumns
{
    /// <summary>Gets the system columns, in the order grids list them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["Id", "CreatedOn", "CreatedBy", "ModifiedOn", "ModifiedBy"];

    /// <summary>Whether a column is a system column.</summary>
    public static bool Contains(string column) => Names.Contains(column, StringComparer.Ordinal);
}
