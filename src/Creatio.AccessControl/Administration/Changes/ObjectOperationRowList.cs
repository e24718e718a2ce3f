namespace Creatio.AccessControl;

/// <summary>An object's operation rows in order, as the row-level changes (<see cref="InsertObjectOperationRow"/>,
/// <see cref="RemoveObjectOperationRow"/>, <see cref="MoveObjectOperationRow"/>) edit them: read from the model as the
/// earlier changes of the batch left it, and written back whole, renumbered from 0, as <see cref="SetObjectOperationRows"/> does.</summary>
internal static class ObjectOperationRowList
{
    /// <summary>The object's rows ordered by position; refuses an object that does not exist.</summary>
    public static List<ObjectOperationRow> Of(ChangeContext context, ObjectName objectName)
    {
        if (!context.HasObject(objectName))
        {
            ChangeContext.Refuse(AccessChangeRefusal.NotFound, $"Object `{objectName}` does not exist.");
        }

        List<ObjectOperationRow> rows = [.. context.ObjectOperationRows.Where(r => r.Object == objectName)];
        rows.Sort((a, b) => a.Position.CompareTo(b.Position));
        return rows;
    }

    /// <summary>Refuses a position outside 0 to <paramref name="last"/>, naming the object and the position.</summary>
    public static void RequirePosition(ObjectName objectName, int position, int last, int count, string what)
    {
        if (position < 0 || position > last)
        {
            string range = last < 0 ? "it has no operation rows" : $"it has {count} operation rows, so {what} is 0 to {last}";
            ChangeContext.Refuse(AccessChangeRefusal.NotFound, $"Position {position} of object `{objectName}` is out of range: {range}.");
        }
    }

    /// <summary>The edit that replaces the object's rows with <paramref name="rows"/>, renumbered from 0 in their order.</summary>
    public static AccessModelDelta Replace(ObjectName objectName, List<ObjectOperationRow> rows)
    {
        var renumbered = new ObjectOperationRow[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            renumbered[i] = rows[i] with { Position = i };
        }

        return new AccessModelDelta([new ReplaceObjectOperationRowsEdit(objectName, renumbered)]);
    }
}
