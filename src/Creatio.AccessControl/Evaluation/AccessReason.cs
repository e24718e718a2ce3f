namespace Creatio.AccessControl;

/// <summary>Why a step decided as it did.</summary>
public enum AccessReason : byte
{
    /// <summary>No reason: the <see langword="default"/> decision, which denies.</summary>
    None = 0,

    /// <summary>The snapshot does not know the user.</summary>
    UnknownUser = 1,

    /// <summary>The user is inactive.</summary>
    InactiveUser = 2,

    /// <summary>The request is malformed (an operation value that is not defined); it is denied.</summary>
    InvalidRequest = 3,

    /// <summary>The snapshot does not know the object.</summary>
    UnknownObject = 10,

    /// <summary>The snapshot does not know the record.</summary>
    UnknownRecord = 11,

    /// <summary>The object does not have the column.</summary>
    UnknownColumn = 12,

    /// <summary>The snapshot does not know the system operation.</summary>
    UnknownSystemOperation = 13,

    /// <summary>The <see cref="AccessObject"/> was resolved in another snapshot than the principal's; resolve it again in the
    /// principal's snapshot.</summary>
    ObjectFromAnotherSnapshot = 14,

    /// <summary>The object is not available to portal users.</summary>
    NotAvailableForPortal = 20,

    /// <summary>A super operation allowed the request.</summary>
    SuperOperation = 30,

    /// <summary>The object does not use operation permissions; employees may do all four operations.</summary>
    OperationPermissionsOff = 40,

    /// <summary>The object does not use operation permissions and portal users get least access: nothing.</summary>
    PortalUserLeastAccess = 41,

    /// <summary>The first matching object operation row allows the operation.</summary>
    ObjectRowAllows = 42,

    /// <summary>The first matching object operation row clears the operation's flag.</summary>
    ObjectRowDenies = 43,

    /// <summary>No object operation row matches the user's effective roles.</summary>
    NoMatchingObjectRow = 44,

    /// <summary>A system operation the user is allowed grants the object operation.</summary>
    GrantedBySystemOperation = 45,

    /// <summary>The object does not use record permissions; any record is accessible.</summary>
    RecordPermissionsOff = 50,

    /// <summary>A record right row with level Allow or AllowAndGrant matches the user's effective roles.</summary>
    RecordRight = 51,

    /// <summary>The record's author is in the user's effective roles: the user is the author, manages the author, or the
    /// author delegated to the user. The decision names the author.</summary>
    RecordAuthor = 52,

    /// <summary>The record's owner is in the user's effective roles: the user is the owner, manages the owner, or the
    /// owner delegated to the user. The decision names the owner.</summary>
    RecordOwner = 53,

    /// <summary>The user holds a manager unit of an organizational role the record's author or owner directly belongs to.</summary>
    ManagerOfAuthorOrOwner = 54,

    /// <summary>No record right allows the operation.</summary>
    NoRecordRight = 55,

    /// <summary>The user holds AllowAndGrant on the operation for the record, so may share it.</summary>
    CanGrant = 56,

    /// <summary>The user may share any readable record through <c>CanChangeEntitySchemaRecordRight</c>.</summary>
    CanChangeRecordRights = 57,

    /// <summary>The user may not share the operation on the record.</summary>
    NoGrantRight = 58,

    /// <summary>The object keeps its records and rights in the database (<see cref="ObjectDefinition.KeepsRecordsInDatabase"/>),
    /// so the in-memory record check cannot decide and denies; check the record through the database with
    /// <see cref="AccessPrincipal.CheckRecordAsync(IRecordRightReader, ObjectName, RecordId, RecordOperation, CancellationToken)"/>.</summary>
    RecordKeptInDatabase = 59,

    /// <summary>The first matching column row allows the operation.</summary>
    ColumnRowAllows = 60,

    /// <summary>The first matching column row makes the column read-only.</summary>
    ColumnReadOnly = 61,

    /// <summary>The first matching column row denies the column.</summary>
    ColumnRowDenies = 62,

    /// <summary>The column has rows and none matches the user's effective roles.</summary>
    NoMatchingColumnRow = 63,

    /// <summary>Portal users never read or write the system columns.</summary>
    SystemColumnForPortalUser = 64,

    /// <summary>The first matching system operation row allows the operation.</summary>
    SystemOperationRowAllows = 70,

    /// <summary>The first matching system operation row denies the operation.</summary>
    SystemOperationRowDenies = 71,

    /// <summary>No system operation row matches the user's effective roles.</summary>
    NoMatchingSystemOperationRow = 72,

    /// <summary>System administrators hold every built-in system operation by default.</summary>
    SystemAdministratorsByDefault = 73,

    /// <summary>The support grant is unknown.</summary>
    UnknownSupportGrant = 80,

    /// <summary>The support grant was deactivated.</summary>
    SupportGrantInactive = 81,

    /// <summary>The support grant's start date has not begun yet in the system's time zone.</summary>
    SupportGrantNotStarted = 82,

    /// <summary>The support grant's close date has ended in the system's time zone.</summary>
    SupportGrantExpired = 83,

    /// <summary>The support grant was given for another environment.</summary>
    SupportWrongEnvironment = 84,

    /// <summary>Data isolation: business-data records are hidden from support, except those created under the same grant.</summary>
    SupportDataIsolation = 85,

    /// <summary>Configuration restriction: configuration is read-only for support.</summary>
    SupportConfigurationRestriction = 86,

    /// <summary>A support session never changes users, roles, permissions or support grants.</summary>
    SupportAdministrationForbidden = 87,

    /// <summary>The object is outside the workplaces the grant is scoped to.</summary>
    SupportOutsideScope = 88,

    /// <summary>The grant's level does not allow the operation (Monitor reads only; Manage does not change configuration).</summary>
    SupportLevel = 89,

    /// <summary>Only members of System administrators may grant support access, unless the setting allows non-admins.</summary>
    NotSystemAdministrator = 90,
}
