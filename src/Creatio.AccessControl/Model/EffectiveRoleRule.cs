namespace Creatio.AccessControl;

/// <summary>The rule of <see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/effective-roles.md">effective roles</see>
/// that brought an admin unit into a user's effective roles <c>E(u)</c>.</summary>
public enum EffectiveRoleRule
{
    /// <summary>Rule 1: the user's own unit.</summary>
    Self = 0,

    /// <summary>Rule 2: the user was added to the role (a <see cref="RoleMembership"/>).</summary>
    DirectMembership = 1,

    /// <summary>Rule 2, built in: every employee is a member of All employees without a membership row.</summary>
    BuiltInMembership = 2,

    /// <summary>Rule 3: an ancestor of the role it came through (its parent, for that role).</summary>
    Inheritance = 3,

    /// <summary>Rule 4: a functional role linked to the organizational role it came through.</summary>
    FunctionalLink = 4,

    /// <summary>Rule 5: obtained through the manager unit it came through: a unit of the managed subtree, an employee of
    /// it, or what such an employee holds as an employee.</summary>
    Manager = 5,

    /// <summary>Rule 6: delegated by the unit it came through (the grantor).</summary>
    Delegation = 6,
}
