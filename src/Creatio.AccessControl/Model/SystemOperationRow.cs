namespace Creatio.AccessControl;

/// <summary>One row of a system operation's permissions (Creatio's <c>SysAdminOperationGrantee</c>).</summary>
/// <param name="Operation">The system operation.</param>
/// <param name="Grantee">The admin unit the row is for.</param>
/// <param name="Position">The row's position; 0 is the top. Unique within one operation.</param>
/// <param name="CanExecute">Whether the row allows or denies the operation.</param>
/// <remarks>The first row by position whose grantee is among the user's effective roles decides; no row denies.</remarks>
public sealed record SystemOperationRow(SystemOperationCode Operation, AdminUnitId Grantee, int Position, bool CanExecute);
