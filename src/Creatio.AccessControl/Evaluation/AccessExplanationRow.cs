namespace Creatio.AccessControl;

/// <summary>One row a step of an explanation looked at.</summary>
public sealed record AccessExplanationRow
{
    /// <summary>Creates a row of an explanation.</summary>
    /// <param name="Grantee">The row's grantee.</param>
    /// <param name="GranteeName">The grantee's name.</param>
    /// <param name="Position">The row's position, for positioned rows.</param>
    /// <param name="Value">What the row gives, as text (for example <c>Read, Edit</c>, <c>ReadEdit</c>, <c>Allow Read</c>).</param>
    /// <param name="InEffectiveRoles">Whether the grantee is among the user's effective roles.</param>
    /// <param name="Decides">Whether this row decided the step.</param>
    public AccessExplanationRow(AdminUnitId Grantee, string GranteeName, int? Position, string Value, bool InEffectiveRoles, bool Decides)
    {
        this.Grantee = Grantee;
        this.GranteeName = GranteeName;
        this.Position = Position;
        this.Value = Value;
        this.InEffectiveRoles = InEffectiveRoles;
        this.Decides = Decides;
    }

    /// <summary>Gets the row's grantee.</summary>
    public AdminUnitId Grantee { get; init; }

    /// <summary>Gets the grantee's name.</summary>
    public string GranteeName { get; init; }

    /// <summary>Gets the row's position, for positioned rows.</summary>
    public int? Position { get; init; }

    /// <summary>Gets what the row gives, as text (for example <c>Read, Edit</c>, <c>ReadEdit</c>, <c>Allow Read</c>).</summary>
    public string Value { get; init; }

    /// <summary>Gets whether the grantee is among the user's effective roles.</summary>
    public bool InEffectiveRoles { get; init; }

    /// <summary>Gets whether this row decided the step.</summary>
    public bool Decides { get; init; }

    /// <summary>Gets how the grantee came into the user's effective roles, when it is among them; otherwise
    /// <see langword="null"/>.</summary>
    public EffectiveRoleOrigin? Origin { get; init; }
}
