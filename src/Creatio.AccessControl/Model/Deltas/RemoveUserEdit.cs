namespace Creatio.AccessControl;

/// <summary>Removes a user; it must be present. Rows naming the user are removed by edits of their own.</summary>
public sealed class RemoveUserEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="user">The user.</param>
    public RemoveUserEdit(UserId user)
    {
        User = user;
    }

    /// <summary>Gets the user.</summary>
    public UserId User { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        return RemoveAll(builder.Users, u => u.Id == User) > 0 ? null : $"user `{User}` does not exist";
    }
}
