namespace Creatio.AccessControl;

/// <summary>Who makes a change: a user, whose permissions are checked, or the system itself (imports, bootstrapping).</summary>
/// <remarks>The <see langword="default"/> value is nobody: the administration API refuses every change it makes. Only
/// <see cref="System"/> makes changes without a permission check.</remarks>
public readonly record struct AccessActor
{
    // Set only on System, so that the default value, which names nobody, is never mistaken for it.
    private readonly bool _isSystem;

    private AccessActor(UserId? user, SupportGrantId? supportGrant = null, bool isSystem = false)
    {
        User = user;
        SupportGrant = supportGrant;
        _isSystem = isSystem;
    }

    /// <summary>Gets the system itself: every change is allowed.</summary>
    public static AccessActor System { get; } = new(null, null, isSystem: true);

    /// <summary>Gets the acting user, or <see langword="null"/> for <see cref="System"/>.</summary>
    public UserId? User { get; }

    /// <summary>Gets the support grant of a support session acting, or <see langword="null"/>.</summary>
    public SupportGrantId? SupportGrant { get; }

    /// <summary>Gets a value indicating whether this is the system itself; <see langword="false"/> for the
    /// <see langword="default"/> value.</summary>
    public bool IsSystem => _isSystem;

    /// <summary>Creates an actor for a user; the user's permissions are checked for every change.</summary>
    /// <param name="user">The acting user.</param>
    /// <returns>The actor.</returns>
    public static AccessActor ForUser(UserId user) => new(user);

    /// <summary>Creates an actor for a support session: the grantor's permissions under the grant's overlay (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/support-access.md">support access</see>).</summary>
    /// <param name="grant">The support grant the session runs under.</param>
    /// <returns>The actor.</returns>
    /// <remarks>A support session may create, edit and delete data within its overlay; it never changes users, roles,
    /// permissions, settings or support grants.</remarks>
    public static AccessActor ForSupportSession(SupportGrantId grant) => new(null, grant);

    /// <inheritdoc/>
    public override string ToString() =>
        SupportGrant is { } grant ? $"support session of grant {grant}" : User is { } user ? $"user {user}" : _isSystem ? "system" : "nobody";
}
