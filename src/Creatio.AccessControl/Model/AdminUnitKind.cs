namespace Creatio.AccessControl;

/// <summary>The kind of an admin unit, with Creatio's numeric values (<c>SysAdminUnitTypeValue</c>).</summary>
public enum AdminUnitKind
{
    /// <summary>An organizational role for a company or branch; a portal organization when linked to an account.</summary>
    Organization = 0,

    /// <summary>An organizational role for a department.</summary>
    Division = 1,

    /// <summary>The management role of one organizational role, whose parent is that role.</summary>
    Manager = 2,

    /// <summary>An organizational role for a team.</summary>
    Team = 3,

    /// <summary>A company employee.</summary>
    User = 4,

    /// <summary>A portal user.</summary>
    ExternalUser = 5,

    /// <summary>A functional role (job title), in its own forest.</summary>
    FunctionalRole = 6,
}
