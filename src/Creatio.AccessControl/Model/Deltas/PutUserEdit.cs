namespace Creatio.AccessControl;

/// <summary>Adds a user, or replaces the user of the same id in place.</summary>
public sealed class PutUserEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="user">The user.</param>
    public PutUserEdit(UserDefinition user)
    {
        ArgumentNullException.ThrowIfNull(user);
        User = user;
    }

    /// <summary>Gets the user.</summary>
    public UserDefinition User { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        Put(builder.Users, User, u => u.Id == User.Id);
        return null;
    }
}
