namespace Creatio.AccessControl;

/// <summary>One row a step of an explanation looked at.</summary>
/// <param name="Grantee">The row's grantee.</param>
/// <param name="GranteeName">The grantee's name.</param>
/// <param name="Position">The row's position, for positioned rows.</param>
/// <param name="Value">What the row gives, as text (for example <c>Read, Edit</c>, <c>ReadEdit</c>, <c>Allow Read</c>).</param>
/// <param name="InEffectiveRoles">Whether the grantee is among the user's effective roles.</param>
/// <param name="Decides">Whether this row decided the step.</param>
public sealed record AccessExplanationRow(
    AdminUnitId Grantee,
    string GranteeName,
    int? Position,
    string Value,
    bool InEffectiveRoles,
    bool Decides);
