namespace Creatio.AccessControl.EntityFrameworkCore;

/// <summary>One record right row in Creatio's shape: a record of an object, a grantee unit, an operation, a level and a
/// source, mapped by default to the table <c>SysEntityRecordRight</c> that <c>Creatio.AccessControl.PostgreSql</c> manages.</summary>
/// <remarks>
/// <para>Creatio keeps one <c>Sys&lt;Object&gt;Right</c> table per object; this table holds them all, the object named in
/// <see cref="ObjectName"/> (column <c>SubjectSchemaName</c>). The numbers are Creatio's: operation Read 0, Edit 1,
/// Delete 2; level Deny 0, Allow 1, AllowAndGrant 2; source Manual 0, Default 1.</para>
/// <para>Rights are additive: a row with level Allow or AllowAndGrant whose grantee is among the user's effective roles
/// allows its operation on its record; a Deny row grants nothing and takes nothing away.</para>
/// </remarks>
public sealed class EntityRecordRight
{
    /// <summary>Gets or sets the row's surrogate key (column <c>Id</c>).</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the object the record belongs to (column <c>SubjectSchemaName</c>).</summary>
    public string ObjectName { get; set; } = string.Empty;

    /// <summary>Gets or sets the record (column <c>RecordId</c>).</summary>
    public Guid RecordId { get; set; }

    /// <summary>Gets or sets the admin unit the right is granted to: a role or a user (column <c>SysAdminUnitId</c>).</summary>
    public Guid GranteeId { get; set; }

    /// <summary>Gets or sets the operation: Read 0, Edit 1, Delete 2 (column <c>Operation</c>).</summary>
    public short Operation { get; set; }

    /// <summary>Gets or sets the level: Deny 0, Allow 1, AllowAndGrant 2 (column <c>RightLevel</c>).</summary>
    public short Level { get; set; }

    /// <summary>Gets or sets where the row comes from: Manual 0, Default 1 (column <c>Source</c>).</summary>
    public short Source { get; set; }

    /// <summary>Creates the row that stores a model's record right.</summary>
    /// <param name="row">The record right.</param>
    /// <returns>A new row with the right's values and no key (the database assigns it).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is <see langword="null"/>.</exception>
    public static EntityRecordRight From(RecordRightRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new EntityRecordRight
        {
            ObjectName = row.Object.Value,
            RecordId = row.Record.Value,
            GranteeId = row.Grantee.Value,
            Operation = (short)row.Operation,
            Level = (short)row.Level,
            Source = (short)row.Source,
        };
    }
}
