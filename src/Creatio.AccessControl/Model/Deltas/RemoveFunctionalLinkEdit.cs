namespace Creatio.AccessControl;

/// <summary>Removes a link from a functional role to an organizational role; the link must be present.</summary>
public sealed class RemoveFunctionalLinkEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="link">The link.</param>
    public RemoveFunctionalLinkEdit(FunctionalRoleLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        Link = link;
    }

    /// <summary>Gets the link.</summary>
    public FunctionalRoleLink Link { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        return RemoveAll(builder.FunctionalLinks, l => l == Link) > 0 ? null : $"link of `{Link.FunctionalRole}` to `{Link.OrganizationalRole}` does not exist";
    }
}
