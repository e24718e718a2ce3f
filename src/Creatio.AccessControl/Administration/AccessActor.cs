namespace Creatio.AccessControl;

/// <summary>Who makes a change: a user, whose permissions are checked, or the system itself (imports, bootstrapping).</summary>
public readonly record struct AccessActor
{
    private AccessActor(UserId? user) => User = user;

    /// <summary>Gets the system itself: every change is allowed.</summary>
    public static AccessActor System { get; } = new(null);

    /// <summary>Gets the acting user, or <see langword="null"/> for <see cref="System"/>.</summary>
    public UserId? User { get; }

    /// <summary>Gets a value indicating whether this is the system itself.</summary>
    public bool IsSystem => User is null;

    /// <summary>Creates an actor for a user; the user's permissions are checked for every change.</summary>
    /// <param name="user">The acting user.</param>
    /// <returns>The actor.</returns>
    public static AccessActor ForUser(UserId user) => new(user);

    /// <inheritdoc/>
    public override string ToString() => User is { } user ? $"user {user}" : "system";
}
