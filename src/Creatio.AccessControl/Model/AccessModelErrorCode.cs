namespace Creatio.AccessControl;

/// <summary>What is wrong with a model.</summary>
public enum AccessModelErrorCode
{
    /// <summary>Two admin units, objects, records or system operations share an identifier.</summary>
    DuplicateId = 1,

    /// <summary>A row names an admin unit, object, column, record or system operation the model does not define.</summary>
    DanglingReference = 2,

    /// <summary>A kind value is not valid where it is used (a user of a role kind, a role of a user kind, an unknown enum value).</summary>
    InvalidKind = 3,

    /// <summary>Roles form a cycle through their parents.</summary>
    Cycle = 4,

    /// <summary>A role's parent is of a kind it cannot have (an organizational role under a functional role, a parent that is a user…).</summary>
    InvalidParent = 5,

    /// <summary>A manager unit whose parent is missing or not an organizational role.</summary>
    ManagerWithoutOrganizationalParent = 6,

    /// <summary>Two manager units manage one organizational role.</summary>
    DuplicateManager = 7,

    /// <summary>A portal user is a member of a role that is not All portal users or below it.</summary>
    ExternalUserInNonPortalRole = 8,

    /// <summary>A functional link whose ends are not a functional role and an organizational role.</summary>
    InvalidFunctionalLink = 9,

    /// <summary>Two rows of one object, column or system operation share a position, or a position is negative.</summary>
    InvalidPosition = 10,

    /// <summary>A value is out of its allowed range (an empty name, an undefined enum value).</summary>
    InvalidValue = 11,

    /// <summary>A policy document is not well-formed JSON (or not valid UTF-8).</summary>
    InvalidJson = 12,

    /// <summary>A policy document has a member the format does not define.</summary>
    UnknownMember = 13,

    /// <summary>A policy document lacks a member the format requires.</summary>
    MissingMember = 14,

    /// <summary>A policy document has one member twice in one object.</summary>
    DuplicateMember = 15,

    /// <summary>A value in a policy document has the wrong JSON type (a number where a string is expected…).</summary>
    InvalidType = 16,

    /// <summary>A policy document declares a format version this library does not read.</summary>
    UnsupportedFormatVersion = 17,

    /// <summary>A policy document is larger than the configured maximum size.</summary>
    DocumentTooLarge = 18,

    /// <summary>An edit of an <see cref="AccessModelDelta"/> does not apply to the model: a row it removes is missing,
    /// a membership, link or delegation it adds is there already, or a row names another object than the edit.</summary>
    EditDoesNotApply = 19,

    /// <summary>A record or a record right is given for an object that keeps its records and rights in the database
    /// (<see cref="ObjectDefinition.KeepsRecordsInDatabase"/>); the model must not hold a second copy of them.</summary>
    RecordKeptInDatabase = 20,
}
