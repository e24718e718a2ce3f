using System.Collections.Frozen;

namespace Creatio.AccessControl.Compilation;

/// <summary>The system operations, their rows, and per subject the super operations it is allowed.</summary>
internal sealed class CompiledSystemOperations
{
    public CompiledSystemOperations(
        FrozenDictionary<string, int> index,
        SystemOperationDefinition[] definitions,
        FirstMatchRows[] rows,
        int[] superOperations,
        int changeRecordRights)
    {
        Index = index;
        Definitions = definitions;
        Rows = rows;
        SuperOperations = superOperations;
        ChangeRecordRights = changeRecordRights;
    }

    public FrozenDictionary<string, int> Index { get; }

    public SystemOperationDefinition[] Definitions { get; }

    /// <summary>Gets each operation's rows (value: 1 can execute, 0 cannot).</summary>
    public FirstMatchRows[] Rows { get; }

    /// <summary>Gets the operation index of the super operation of each <see cref="ObjectOperation"/>.</summary>
    public int[] SuperOperations { get; }

    /// <summary>Gets the operation index of <c>CanChangeEntitySchemaRecordRight</c>.</summary>
    public int ChangeRecordRights { get; }

    public bool IsAllowed(int operation, int subject)
    {
        FirstMatchRows rows = Rows[operation];
        int row = rows.DecidingRow(subject);
        return row >= 0 && rows.Value[row] != 0;
    }
}
