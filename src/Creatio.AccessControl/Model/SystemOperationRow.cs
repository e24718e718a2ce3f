namespace Creatio.AccessControl;

/// <summary>One row of a system operation's permissions (Creatio's <c>SysAdminOperationGrantee</c>).</summary>
/// <remarks>The first row by position whose grantee is among the user's effective roles decides; no row denies.</remarks>
public sealed record SystemOperationRow
{
    /// <summary>Creates a row.</summary>
    /// <param name="Operation">The system operation.</param>
    /// <param name="Grantee">The admin unit the row is for.</param>
    /// <param name="Position">The row's position; 0 is the top. Unique within one operation.</param>
    /// <param name="CanExecute">Whether the row allows or denies the operation.</param>
    public SystemOperationRow(SystemOperationCode Operation, AdminUnitId Grantee, int Position, bool CanExecute)
    {
        this.Operation = Operation;
        this.Grantee = Grantee;
        this.Position = Position;
        this.CanExecute = CanExecute;
    }

    /// <summary>Gets the system operation.</summary>
    public SystemOperationCode Operation { get; init; }

    /// <summary>Gets the admin unit the row is for.</summary>
    public AdminUnitId Grantee { get; init; }

    /// <summary>Gets the row's position; 0 is the top. Unique within one operation.</summary>
    public int Position { get; init; }

    /// <summary>Gets a value indicating whether the row allows or denies the operation.</summary>
    public bool CanExecute { get; init; }
}
