using System.Runtime.CompilerServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>What an object's operation rows answer for every subject and operation, in two bits: whether a row matches,
/// and whether the deciding row allows the operation. The object step reads these two bits and nothing else; the deciding
/// row itself is looked up only when a decision's <see cref="AccessDecision.Grantee"/> or
/// <see cref="AccessDecision.Position"/> is asked for.</summary>
/// <remarks>One table per operation, the subjects' answers side by side: 5 KB per operation at 20,000 users where the
/// deciding rows take 20 KB, so that the data a check on an (object, operation) touches is a quarter of what it was.
/// Answers are kept only for rows without subjects kept apart (<see cref="FirstMatchRows.HasChangedSubjects"/>): after
/// a membership change the object step reads the deciding rows until the rows are compiled whole again.</remarks>
internal sealed class ObjectAnswers
{
    /// <summary>The answer of a subject whose deciding row allows the operation.</summary>
    public const int Allows = 3;

    /// <summary>The answer of a subject whose deciding row denies the operation.</summary>
    public const int Denies = 1;

    private readonly ulong[] _bits;
    private readonly int _wordsPerOperation;

    private ObjectAnswers(FirstMatchRows rows, ulong[] bits, int wordsPerOperation)
    {
        Rows = rows;
        _bits = bits;
        _wordsPerOperation = wordsPerOperation;
    }

    /// <summary>Gets the rows these answers were computed from: the rows a decision names.</summary>
    public FirstMatchRows Rows { get; }

    /// <summary>Computes the answers of <paramref name="rows"/>, or returns <see langword="null"/> when the rows keep some
    /// subjects apart.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ObjectAnswers? Create(FirstMatchRows rows)
    {
        if (rows.HasChangedSubjects)
        {
            return null;
        }

        int subjects = rows.SubjectCount;
        int words = (subjects + 31) >> 5;
        const int operations = (int)ObjectOperation.Delete + 1;
        var bits = new ulong[operations * words];
        byte[] value = rows.Value;
        for (int subject = 0; subject < subjects; subject++)
        {
            int row = rows.DecidingRow(subject);
            if (row < 0)
            {
                continue;
            }

            int word = subject >> 5;
            int shift = (subject & 31) << 1;
            for (int operation = 0; operation < operations; operation++)
            {
                ulong answer = (value[row] & OperationEncoding.Bit((ObjectOperation)operation)) != 0 ? (ulong)Allows : Denies;
                bits[(operation * words) + word] |= answer << shift;
            }
        }

        return new ObjectAnswers(rows, bits, words);
    }

    /// <summary>The answer for a subject and a defined operation: 0 when no row matches, <see cref="Denies"/> or
    /// <see cref="Allows"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Of(int subject, ObjectOperation operation) =>
        unchecked((int)(_bits[((int)operation * _wordsPerOperation) + (subject >> 5)] >> ((subject & 31) << 1))) & 3;
}
