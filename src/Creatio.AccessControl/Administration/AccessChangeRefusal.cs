namespace Creatio.AccessControl;

/// <summary>Why a change was refused.</summary>
public enum AccessChangeRefusal
{
    /// <summary>The change was not refused.</summary>
    None = 0,

    /// <summary>The acting user may not make the change (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/administration-and-audit.md">administration and audit</see>).</summary>
    NotPermitted = 1,

    /// <summary>What the change updates or removes does not exist.</summary>
    NotFound = 2,

    /// <summary>What the change adds already exists, or it would orphan something that depends on it: the model refuses
    /// it, so applying the same change again gives the same answer. (A store that moved on is
    /// <see cref="StoreConflict"/>.)</summary>
    Conflict = 3,

    /// <summary>The model after the change would be invalid; <see cref="AccessChangeResult.Errors"/> lists why.</summary>
    InvalidModel = 4,

    /// <summary>A support session may not make this change: it never changes users, roles, permissions, settings or grants.</summary>
    SupportSessionForbidden = 5,

    /// <summary>Free and trial systems cannot grant support access.</summary>
    LicenseForbidsSupportAccess = 6,

    /// <summary>The support grant's grantor is not an active employee, or the grant names someone else as having granted it.</summary>
    InvalidGrantor = 7,

    /// <summary>The support grant's close date precedes its start date.</summary>
    InvalidSupportPeriod = 8,

    /// <summary>The support grant lasts longer than the maximum duration.</summary>
    SupportPeriodTooLong = 9,

    /// <summary>The store does not hold the version the change was made on: another host, or another writer of the store,
    /// committed first (<see cref="Stores.AccessStoreCommitResult.Conflict"/>). Nothing was stored or published, and
    /// <see cref="AccessChangeResult.Message"/> names both versions. The change itself may be valid: apply it again once
    /// the evaluator holds what the store holds.</summary>
    StoreConflict = 10,

    /// <summary>The support grant is deactivated: it cannot be changed (<see cref="ChangeSupportAccess"/>); grant support
    /// access again instead.</summary>
    SupportGrantInactive = 11,

    /// <summary>The batch mixes changes to records an object keeps in the database (<see cref="ObjectDefinition.KeepsRecordsInDatabase"/>)
    /// with changes to the model, or with changes to another object's records: such a batch cannot land atomically, so
    /// nothing of it is applied. <see cref="AccessChangeResult.ChangeIndex"/> names the first change that does not fit with
    /// the first one; apply the two kinds in separate batches.</summary>
    MixedBatch = 12,

    /// <summary>The batch changes records an object keeps in the database, and the administration was given no
    /// <see cref="IRecordRightReader"/> or no <see cref="IRecordRightWriter"/> to read and write them; the message names
    /// what to register.</summary>
    RecordStoreMissing = 13,

    /// <summary>Reading or writing the records an object keeps in the database failed (the store threw); nothing was
    /// written, and the message quotes the failure.</summary>
    RecordStoreFailed = 14,

    /// <summary>The change cannot be made on records an object keeps in the database (<see cref="UpdateRecordPermissions"/>,
    /// which rewrites every record of the object), or cannot be checked without reading them (the synchronous
    /// <see cref="IAccessAdministration.CheckBatch"/>: call <see cref="IAccessAdministration.CheckBatchAsync"/>).</summary>
    NotSupportedForDatabaseRecords = 15,
}
