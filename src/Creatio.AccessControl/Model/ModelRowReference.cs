namespace Creatio.AccessControl;

/// <summary>The lists of a model, as the validator names them when it reports where a problem is.</summary>
internal enum ModelList
{
    Users,
    Roles,
    Memberships,
    FunctionalLinks,
    Delegations,
    RolesNotInheritedByManagers,
    Objects,
    ObjectOperationRows,
    ColumnRightRows,
    Records,
    RecordRightRows,
    DefaultRecordRightRules,
    SystemOperations,
    SystemOperationRows,
    Settings,
    Workplaces,
    SupportGrants,
}

/// <summary>Where in a model the validator found a problem: a row of one list and, optionally, a member of it.</summary>
/// <param name="List">The list.</param>
/// <param name="Index">The row's index in the list (0 for <see cref="ModelList.Settings"/>).</param>
/// <param name="Member">The camel-cased property path inside the row, such as <c>parent</c> or <c>columns[2]</c>; or
/// <see langword="null"/> for the whole row.</param>
internal readonly record struct ModelRowReference(ModelList List, int Index, string? Member = null);
