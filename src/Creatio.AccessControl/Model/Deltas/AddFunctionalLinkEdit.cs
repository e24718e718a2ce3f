namespace Creatio.AccessControl;

/// <summary>Adds a link from a functional role to an organizational role; the link must be absent.</summary>
public sealed class AddFunctionalLinkEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="link">The link.</param>
    public AddFunctionalLinkEdit(FunctionalRoleLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        Link = link;
    }

    /// <summary>Gets the link.</summary>
    public FunctionalRoleLink Link { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        if (builder.FunctionalLinks.Contains(Link))
        {
            return $"link of `{Link.FunctionalRole}` to `{Link.OrganizationalRole}` already exists";
        }

        builder.FunctionalLinks.Add(Link);
        return null;
    }
}
