namespace Creatio.AccessControl;

/// <summary>Which parts of a compiled snapshot a change touches, so that only those are compiled again.</summary>
[Flags]
internal enum ChangeScope
{
    None = 0,

    /// <summary>Users, roles, memberships, links, delegations: effective roles and every table indexed by subject.</summary>
    Units = 1,

    /// <summary>Objects and their rows, system operations and their rows.</summary>
    Permissions = 2,

    /// <summary>Records and record rights of one object.</summary>
    Records = 4,

    /// <summary>Settings.</summary>
    Settings = 8,
}
