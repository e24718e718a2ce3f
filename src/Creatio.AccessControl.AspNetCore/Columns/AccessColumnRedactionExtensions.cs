using System.Text.Json.Nodes;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Removes or masks, in JSON records, the columns a principal may not read (<see cref="AccessPrincipal.CheckColumn(ObjectName, RecordId, ColumnName, ColumnOperation)"/>).</summary>
/// <remarks>
/// <para>A property is matched to a column by name, ignoring case, so that <c>email</c> (the web's camel case) is the column
/// <c>Email</c>. A property that is a readable column stays. A property that is a column the principal may not read (a column
/// of the object, or a system column such as <c>Id</c>, which portal users never read) is removed or masked. A property that
/// is no column of the object stays: it is the app's, and the app decides what it shows.</para>
/// <para>Only the top-level properties of each record are columns; nested objects are left as they are.</para>
/// </remarks>
public static class AccessColumnRedactionExtensions
{
    /// <summary>Removes or masks the columns the principal may not read in one record.</summary>
    /// <param name="principal">The principal.</param>
    /// <param name="objectName">The object the record belongs to.</param>
    /// <param name="record">The record, or <see langword="null"/> for the object as a whole (a record being created).</param>
    /// <param name="json">The record as a JSON object; changed in place.</param>
    /// <param name="redaction">Whether unreadable columns are removed or masked.</param>
    /// <returns><paramref name="json"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="redaction"/> is not a defined value.</exception>
    public static JsonObject RedactColumns(
        this AccessPrincipal principal, ObjectName objectName, RecordId? record, JsonObject json, ColumnRedaction redaction = ColumnRedaction.Remove)
    {
        ArgumentNullException.ThrowIfNull(json);
        RequirementArguments.Defined(redaction);
        ColumnAccess access = principal.GetColumnAccess(objectName, record);
        IReadOnlyList<ColumnName> declared = DeclaredColumns(principal.Snapshot, objectName);
        List<string>? hidden = null;
        foreach (KeyValuePair<string, JsonNode?> property in json)
        {
            if (!IsReadable(principal, objectName, record, access, declared, property.Key))
            {
                (hidden ??= []).Add(property.Key);
            }
        }

        if (hidden is not null)
        {
            foreach (string name in hidden)
            {
                if (redaction == ColumnRedaction.Remove)
                {
                    json.Remove(name);
                }
                else
                {
                    json[name] = null;
                }
            }
        }

        return json;
    }

    private static bool IsReadable(
        AccessPrincipal principal, ObjectName objectName, RecordId? record, ColumnAccess access, IReadOnlyList<ColumnName> declared, string property)
    {
        if (string.IsNullOrWhiteSpace(property) || Find(access.Readable, property) is not null)
        {
            return true;
        }

        // Not readable, or not a column. A declared column is one; otherwise ask the check under the column's usual spelling
        // (system columns are PascalCase): only "no such column" means the property is not a column.
        ColumnName column = Find(declared, property) ?? new ColumnName(char.ToUpperInvariant(property[0]) + property[1..]);
        AccessDecision decision = record is { } id
            ? principal.CheckColumn(objectName, id, column, ColumnOperation.Read)
            : principal.CheckColumn(objectName, column, ColumnOperation.Read);
        return decision.IsAllowed || decision.Reason == AccessReason.UnknownColumn;
    }

    private static ColumnName? Find(IReadOnlyList<ColumnName> columns, string property)
    {
        for (int i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i].Value, property, StringComparison.OrdinalIgnoreCase))
            {
                return columns[i];
            }
        }

        return null;
    }

    private static IReadOnlyList<ColumnName> DeclaredColumns(AccessSnapshot? snapshot, ObjectName objectName)
    {
        if (snapshot is not null)
        {
            foreach (ObjectDefinition definition in snapshot.Model.Objects)
            {
                if (definition.Name == objectName)
                {
                    return definition.Columns;
                }
            }
        }

        return [];
    }
}
