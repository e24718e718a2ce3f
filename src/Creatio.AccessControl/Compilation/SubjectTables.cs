namespace Creatio.AccessControl.Compilation;

/// <summary>The compiled tables indexed by subject: what a membership change recomputes.</summary>
/// <param name="Roles">The effective role sets.</param>
/// <param name="Inverse">Their inverse: the subjects of each unit.</param>
/// <param name="Operations">The system operations and their deciding rows.</param>
/// <param name="States">Each subject's packed state.</param>
/// <param name="Objects">The compiled objects, whose rows and granted operations are indexed by subject.</param>
internal readonly record struct SubjectTables(
    EffectiveRoleTable Roles,
    SubjectsByUnit Inverse,
    CompiledSystemOperations Operations,
    SubjectState[] States,
    CompiledObject[] Objects);
