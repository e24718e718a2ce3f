using System.Text.Json.Serialization;

namespace Creatio.AccessControl;

/// <summary>An object (entity schema) and its administration switches.</summary>
public sealed record ObjectDefinition
{
    /// <summary>Creates an object.</summary>
    /// <param name="Name">The object's name.</param>
    /// <param name="Category">What the object holds.</param>
    public ObjectDefinition(ObjectName Name, ObjectCategory Category = ObjectCategory.BusinessData)
    {
        this.Name = Name;
        this.Category = Category;
    }

    /// <summary>Gets the object's name.</summary>
    public ObjectName Name { get; init; }

    /// <summary>Gets what the object holds.</summary>
    public ObjectCategory Category { get; init; }

    /// <summary>Gets a value indicating whether object operation rows decide access ("Use operation permissions").</summary>
    /// <value>The default value is <see langword="false"/>: every employee may do all four operations, portal users none.</value>
    public bool UseOperationPermissions { get; init; }

    /// <summary>Gets a value indicating whether record rights decide access to records ("Use record permissions").</summary>
    /// <value>The default value is <see langword="false"/>: any record is accessible to whoever passed the object step.</value>
    public bool UseRecordPermissions { get; init; }

    /// <summary>Gets a value indicating whether the object keeps its records and record rights in the database instead of
    /// in the model.</summary>
    /// <value>The default value is <see langword="false"/>: the model holds the object's records and record rights.</value>
    /// <remarks>
    /// <para>The model holds no record and no record right of such an object: validation refuses them
    /// (<see cref="AccessModelErrorCode.RecordKeptInDatabase"/>), so that no right is kept in two places. A host lists
    /// its records with a database filter (<see cref="AccessPrincipal.GetRecordFilter(ObjectName, RecordOperation)"/>) and
    /// checks them with <see cref="AccessPrincipal.CheckRecordsAsync(IRecordRightReader, ObjectName, IReadOnlyList{RecordId}, RecordOperation, CancellationToken)"/>,
    /// which reads just the records asked about. The administration writes them there (<see cref="AccessAdministration.WithRecordRights"/>,
    /// <see cref="IRecordRightWriter"/>).</para>
    /// <para>The in-memory record check (<see cref="AccessPrincipal.CheckRecord(ObjectName, RecordId, RecordOperation)"/>)
    /// cannot see those records: where the record step would look at a record, it denies with
    /// <see cref="AccessReason.RecordKeptInDatabase"/>, never with an allow. Steps that decide without the record
    /// (an object without record permissions for an employee, a super operation, an object step that denies) decide as
    /// for any object.</para>
    /// </remarks>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool KeepsRecordsInDatabase { get; init; }

    /// <summary>Gets a value indicating whether the object is in the list of objects available for portal users.</summary>
    /// <value>The default value is <see langword="false"/>. Used only in <see cref="PortalAvailabilityMode.Lookup"/> mode.</value>
    public bool IsAvailableForPortal { get; init; }

    /// <summary>Gets the object's columns, besides the system columns every object has.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<ColumnName> Columns { get; init; } = [];
}
