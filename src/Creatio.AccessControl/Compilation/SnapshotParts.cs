namespace Creatio.AccessControl.Compilation;

/// <summary>The parts of a compiled snapshot a delta makes the compiler build again.</summary>
[Flags]
internal enum SnapshotParts
{
    None = 0,

    /// <summary>Users, roles, memberships, links, delegations: effective roles and every table indexed by subject.</summary>
    Units = 1,

    /// <summary>Objects and their rows, system operations and their rows, default record rules.</summary>
    Permissions = 2,

    /// <summary>Records and record rights of the objects named.</summary>
    Records = 4,

    /// <summary>Settings, workplaces and support grants.</summary>
    Settings = 8,
}
