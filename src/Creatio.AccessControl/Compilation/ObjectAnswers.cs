using System.Numerics;
using System.Runtime.CompilerServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>What an object's operation rows answer for every subject and operation, in one bit: whether the deciding row
/// (the first row by position whose grantee is in the subject's <c>E(u)</c>) allows the operation. The object step reads
/// this bit and nothing else; the deciding row itself, and whether a row matched at all (the reason of a deny), are looked
/// up in the rows only when a decision's <see cref="AccessDecision.Reason"/>, <see cref="AccessDecision.Grantee"/> or
/// <see cref="AccessDecision.Position"/> is asked for.</summary>
/// <remarks>One table per operation, the subjects' answers side by side: 2.5 KB per operation at 20,000 subjects where the
/// deciding rows take 20 KB, so that the data the checks of a server touch is as small as a table of precomputed answers
/// (the file-order benchmark's baseline holds the same bits, by user). Answers are kept only for rows without subjects
/// kept apart (<see cref="FirstMatchRows.HasChangedSubjects"/>): after a membership change the object step reads the
/// deciding rows until the rows are compiled whole again.</remarks>
internal sealed class ObjectAnswers
{
    private readonly ulong[] _bits;
    private readonly int _wordsPerOperation;

    private ObjectAnswers(FirstMatchRows rows, ulong[] bits, int wordsPerOperation)
    {
        Rows = rows;
        _bits = bits;
        _wordsPerOperation = wordsPerOperation;
    }

    /// <summary>Gets the answers: per operation, <see cref="WordsPerOperation"/> words of 64 subjects.</summary>
    public ulong[] Bits => _bits;

    /// <summary>Gets the number of words of one operation's answers.</summary>
    public int WordsPerOperation => _wordsPerOperation;

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
        int words = (subjects + 63) >> 6;
        const int operations = (int)ObjectOperation.Delete + 1;

        // Each row's answers to the four operations, by stored row (row + 1; 0 for no row, which allows nothing),
        // operation k's bit at bit 8 k: eight subjects' codes shifted side by side fill four 8-bit lanes, one per operation.
        byte[] value = rows.Value;
        var codes = new ulong[value.Length + 1];
        for (int row = 0; row < value.Length; row++)
        {
            for (int operation = 0; operation < operations; operation++)
            {
                if ((value[row] & OperationEncoding.Bit((ObjectOperation)operation)) != 0)
                {
                    codes[row + 1] |= 1UL << (8 * operation);
                }
            }
        }

        var bits = new ulong[operations * words];
        if (rows.Decided8.Length == subjects)
        {
            Fill(rows.Decided8, codes, bits, words);
        }
        else if (rows.Decided16.Length == subjects)
        {
            Fill(rows.Decided16, codes, bits, words);
        }
        else
        {
            Fill(rows.Decided32, codes, bits, words);
        }

        return new ObjectAnswers(rows, bits, words);
    }

    /// <summary>Writes the answers of every subject: eight subjects at a time, each operation's eight bits from one lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Fill<T>(ReadOnlySpan<T> decided, ulong[] codes, ulong[] bits, int words)
        where T : unmanaged, IBinaryInteger<T>
    {
        for (int start = 0; start < decided.Length; start += 8)
        {
            ReadOnlySpan<T> group = decided.Slice(start, Math.Min(8, decided.Length - start));
            ulong lanes = 0;
            for (int i = 0; i < group.Length; i++)
            {
                lanes |= codes[int.CreateTruncating(group[i])] << i;
            }

            int word = start >> 6;
            int shift = start & 63;
            bits[word] |= (lanes & 0xFF) << shift;
            bits[words + word] |= ((lanes >> 8) & 0xFF) << shift;
            bits[(2 * words) + word] |= ((lanes >> 16) & 0xFF) << shift;
            bits[(3 * words) + word] |= (lanes >> 24) << shift;
        }
    }

    /// <summary>Whether the deciding row allows a defined operation to a subject: 1 when it does, 0 when it denies or no
    /// row matches.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Of(int subject, ObjectOperation operation) => Of(_bits, _wordsPerOperation, subject, operation);

    /// <summary><see cref="Of(int, ObjectOperation)"/> on the answers' <see cref="Bits"/> and
    /// <see cref="WordsPerOperation"/> copied out beforehand (what an <see cref="AccessObject"/> holds, so that the object
    /// step does not load this instance first).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(ulong[] bits, int wordsPerOperation, int subject, ObjectOperation operation) =>
        unchecked((int)(bits[((int)operation * wordsPerOperation) + (subject >> 6)] >> (subject & 63))) & 1;
}
