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
    /// <remarks>The in-memory checks cannot see a record of an object that keeps its records in the database
    /// (<see cref="ObjectDefinition.KeepsRecordsInDatabase"/>): wherever the record step would look at it, they deny
    /// (<see cref="AccessReason.RecordKeptInDatabase"/>) and its columns are hidden. Use <see cref="RedactColumnsAsync"/>
    /// for such records.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="redaction"/> is not a defined value.</exception>
    public static JsonObject RedactColumns(
        this AccessPrincipal principal, ObjectName objectName, RecordId? record, JsonObject json, ColumnRedaction redaction = ColumnRedaction.Remove)
    {
        ArgumentNullException.ThrowIfNull(json);
        RequirementArguments.Defined(redaction);
        return Redact(principal, objectName, record, null, json, redaction);
    }

    /// <summary>Removes or masks the columns the principal may not read in one record of an object that may keep its records
    /// in the database, reading the record through a reader when it does.</summary>
    /// <param name="principal">The principal.</param>
    /// <param name="reader">Reads the record and its rights when its object keeps them in the database
    /// (<see cref="ObjectDefinition.KeepsRecordsInDatabase"/>); not called for an object held in memory.</param>
    /// <param name="objectName">The object the record belongs to.</param>
    /// <param name="record">The record.</param>
    /// <param name="json">The record as a JSON object; changed in place.</param>
    /// <param name="redaction">Whether unreadable columns are removed or masked.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns><paramref name="json"/>.</returns>
    /// <remarks>A column of such a record is readable when the record is
    /// (<see cref="AccessPrincipal.CheckRecordAsync(IRecordRightReader, ObjectName, RecordId, RecordOperation, CancellationToken)"/>
    /// allows Read) and the column is (<see cref="AccessPrincipal.CheckColumn(ObjectName, ColumnName, ColumnOperation)"/>):
    /// the decision <see cref="RedactColumns"/> makes for a record held in memory. The reader's exceptions are not caught.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="redaction"/> is not a defined value.</exception>
    public static async ValueTask<JsonObject> RedactColumnsAsync(
        this AccessPrincipal principal,
        IRecordRightReader reader,
        ObjectName objectName,
        RecordId record,
        JsonObject json,
        ColumnRedaction redaction = ColumnRedaction.Remove,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(json);
        RequirementArguments.Defined(redaction);
        AccessDecision inMemory = principal.CheckRecord(objectName, record, RecordOperation.Read);
        AccessDecision? read = DatabaseRecordChecks.NeedsDatabase(principal, objectName, inMemory)
            ? await principal.CheckRecordAsync(reader, objectName, record, RecordOperation.Read, cancellationToken).ConfigureAwait(false)
            : null;
        return Redact(principal, objectName, record, read, json, redaction);
    }

    /// <summary>Redacts one record; <paramref name="databaseRead"/> is the Read decision of a record its object keeps in the
    /// database, <see langword="null"/> for a record held in memory (or none).</summary>
    internal static JsonObject Redact(
        AccessPrincipal principal, ObjectName objectName, RecordId? record, AccessDecision? databaseRead, JsonObject json, ColumnRedaction redaction)
    {
        // The in-memory record step cannot see a database-kept record: ask the columns without it, and the record apart.
        ColumnAccess access = principal.GetColumnAccess(objectName, databaseRead is null ? record : null);
        IReadOnlyList<ColumnName> declared = DeclaredColumns(principal.Snapshot, objectName);
        List<string>? hidden = null;
        foreach (KeyValuePair<string, JsonNode?> property in json)
        {
            if (!IsReadable(principal, objectName, record, databaseRead, access, declared, property.Key))
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
        AccessPrincipal principal,
        ObjectName objectName,
        RecordId? record,
        AccessDecision? databaseRead,
        ColumnAccess access,
        IReadOnlyList<ColumnName> declared,
        string property)
    {
        if (string.IsNullOrWhiteSpace(property))
        {
            return true;
        }

        if (Find(access.Readable, property) is not null)
        {
            return databaseRead is not { IsAllowed: false };
        }

        // Not readable, or not a column. A declared column is one; otherwise ask the check under the column's usual spelling
        // (system columns are PascalCase): only "no such column" means the property is not a column.
        ColumnName column = Find(declared, property) ?? new ColumnName(char.ToUpperInvariant(property[0]) + property[1..]);
        if (databaseRead is { } read)
        {
            // The column check with a record is steps 1-4, the record step, the column step, then a support overlay that
            // lets a record created in the grant through data isolation. Without the record: steps 1-4 (the record check's
            // too), the column step, and isolation for every record; the record check read from the database holds the
            // record step and the overlay with the record's creating grant.
            AccessDecision decision = principal.CheckColumn(objectName, column, ColumnOperation.Read);
            return decision.Reason == AccessReason.UnknownColumn
                || (read.IsAllowed && (decision.IsAllowed || decision.Reason == AccessReason.SupportDataIsolation));
        }

        AccessDecision inMemory = record is { } id
            ? principal.CheckColumn(objectName, id, column, ColumnOperation.Read)
            : principal.CheckColumn(objectName, column, ColumnOperation.Read);
        return inMemory.IsAllowed || inMemory.Reason == AccessReason.UnknownColumn;
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

    private static IReadOnlyList<ColumnName> DeclaredColumns(AccessSnapshot? snapshot, ObjectName objectName) =>
        snapshot?.GetObject(objectName).Definition is { } definition ? definition.Columns : [];
}
