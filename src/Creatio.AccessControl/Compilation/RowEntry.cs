namespace Creatio.AccessControl.Compilation;

/// <summary>One positioned row as the check path reads it: the grantee's id, the position and the value together.</summary>
/// <param name="Grantee">The grantee's id.</param>
/// <param name="Position">The row's position; -1 for a row the engine adds.</param>
/// <param name="Value">Operation flags, a column level, or 1/0 for can-execute.</param>
internal readonly record struct RowEntry(Guid Grantee, int Position, byte Value);
