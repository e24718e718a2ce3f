namespace Creatio.AccessControl.Compilation;

/// <summary>One merged record right as the record step reads it.</summary>
/// <param name="Unit">The grantee's unit index.</param>
/// <param name="Allow">The operations allowed (bit <c>1 &lt;&lt; RecordOperation</c>) at level Allow or above.</param>
/// <param name="Grant">The operations held at level AllowAndGrant.</param>
internal readonly record struct RightEntry(int Unit, byte Allow, byte Grant);
