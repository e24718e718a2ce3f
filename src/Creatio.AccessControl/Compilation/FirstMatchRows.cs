using System.Numerics;
using System.Runtime.CompilerServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>Rows decided by "the first row by position whose grantee is in E(u)" (object, column and system operation
/// rows), with the deciding row of every subject precomputed so that a check is one array read.</summary>
internal sealed class FirstMatchRows
{
    // The deciding row + 1 of every subject (0: no row matches), in the narrowest array the row count allows, so that
    // the table a check reads is as small as it can be.
    private readonly byte[]? _decided8;
    private readonly ushort[]? _decided16;
    private readonly int[]? _decided32;

    // Subjects whose deciding row changed since the table above was computed (sorted), and their row + 1: a membership
    // change adds a few here instead of copying the table. Null when there are none.
    private readonly int[]? _changedSubjects;
    private readonly int[]? _changedRows;

    private FirstMatchRows(
        int[] unit,
        int[] position,
        byte[] value,
        RowEntry[] entries,
        byte[]? decided8,
        ushort[]? decided16,
        int[]? decided32,
        int[]? changedSubjects = null,
        int[]? changedRows = null)
    {
        Unit = unit;
        Position = position;
        Value = value;
        Entries = entries;
        _decided8 = decided8;
        _decided16 = decided16;
        _decided32 = decided32;
        _changedSubjects = changedSubjects;
        _changedRows = changedRows;
    }

    /// <summary>The most subjects whose rows a table keeps apart from its per-subject table before a change copies the table
    /// with them written in.</summary>
    internal const int MaxChangedSubjects = 64;

    /// <summary>Gets each row packed for the check path: what a decision needs in one cache line.</summary>
    public RowEntry[] Entries { get; }

    /// <summary>Gets the grantee unit index of each row, rows sorted by position.</summary>
    public int[] Unit { get; }

    /// <summary>Gets each row's position; -1 for a row the engine adds itself (System administrators' default).</summary>
    public int[] Position { get; }

    /// <summary>Gets each row's value: operation flags, a column level, or 1/0 for can-execute.</summary>
    public byte[] Value { get; }

    public int Count => Unit.Length;

    /// <summary>Compiles rows for every subject.</summary>
    /// <param name="rows">The rows: unit index, position (-1 sorts last), value.</param>
    /// <param name="inverse">The subjects of each unit.</param>
    /// <param name="subjectCount">The number of subjects.</param>
    /// <param name="ids">The id of each unit index, for the packed entries.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FirstMatchRows Create(List<(int Unit, int Position, byte Value)> rows, SubjectsByUnit inverse, int subjectCount, AdminUnitId[] ids)
    {
        // By position, rows the engine adds (-1) last; equal positions keep their order.
        int count = rows.Count;
        var keys = new ulong[count];
        for (int i = 0; i < count; i++)
        {
            int rowPosition = rows[i].Position;
            keys[i] = ((ulong)(rowPosition < 0 ? uint.MaxValue : (uint)rowPosition) << 32) | (uint)i;
        }

        Array.Sort(keys);
        var unit = new int[count];
        var position = new int[count];
        var value = new byte[count];
        for (int i = 0; i < count; i++)
        {
            (int Unit, int Position, byte Value) row = rows[(int)(keys[i] & uint.MaxValue)];
            unit[i] = row.Unit;
            position[i] = row.Position;
            value[i] = row.Value;
        }

        var entries = new RowEntry[count];
        for (int i = 0; i < count; i++)
        {
            entries[i] = new RowEntry(ids[unit[i]].Value, position[i], value[i]);
        }

        // The per-subject table in the narrowest element type that holds row + 1.
        if (count < byte.MaxValue)
        {
            var decided = new byte[subjectCount];
            Decide(unit, new AllSubjects(inverse), decided);
            return new FirstMatchRows(unit, position, value, entries, decided, null, null);
        }

        if (count < ushort.MaxValue)
        {
            var decided = new ushort[subjectCount];
            Decide(unit, new AllSubjects(inverse), decided);
            return new FirstMatchRows(unit, position, value, entries, null, decided, null);
        }

        var wide = new int[subjectCount];
        Decide(unit, new AllSubjects(inverse), wide);
        return new FirstMatchRows(unit, position, value, entries, null, null, wide);
    }

    /// <summary>Gets the per-subject table (row + 1, 0 when no row decides) when its elements are bytes; empty otherwise.
    /// Exact only without <see cref="HasChangedSubjects"/>.</summary>
    public ReadOnlySpan<byte> Decided8 => _decided8;

    /// <summary>Gets the per-subject table when its elements are 16-bit; empty otherwise.</summary>
    public ReadOnlySpan<ushort> Decided16 => _decided16;

    /// <summary>Gets the per-subject table when its elements are 32-bit; empty otherwise.</summary>
    public ReadOnlySpan<int> Decided32 => _decided32;

    /// <summary>Gets a value indicating whether some subjects' deciding rows are kept apart from the per-subject table.</summary>
    public bool HasChangedSubjects => _changedSubjects is not null;

    /// <summary>Gets the number of subjects the rows were compiled for.</summary>
    public int SubjectCount => _decided8?.Length ?? _decided16?.Length ?? _decided32!.Length;

    /// <summary>Returns these rows with the deciding row of some subjects recomputed from their effective roles in
    /// <paramref name="roles"/> (the same subjects, after a membership change): what <see cref="Create"/> gives when only
    /// those subjects' <c>E(u)</c> changed. Returns this instance, copying nothing, when no deciding row changes.</summary>
    /// <remarks>The changed rows are kept apart, next to the per-subject table they override, until more than
    /// <see cref="MaxChangedSubjects"/> subjects have changed; the table is then copied with them written in. A change
    /// therefore costs its subjects, not the table.</remarks>
    /// <param name="roles">The effective roles to read the listed subjects' from; the other subjects keep their rows.</param>
    /// <param name="subjects">The subjects whose effective roles changed.</param>
    /// <returns>Rows sharing this instance's row arrays; this instance is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A subject is not one of the <see cref="SubjectCount"/> subjects.</exception>
    public FirstMatchRows WithSubjects(EffectiveRoleTable roles, ReadOnlySpan<int> subjects)
    {
        ArgumentNullException.ThrowIfNull(roles);
        int subjectCount = SubjectCount;
        int[] listed = subjects.ToArray();
        foreach (int subject in listed)
        {
            if (unchecked((uint)subject) >= (uint)subjectCount || unchecked((uint)subject) >= (uint)roles.SubjectCount)
            {
                throw new ArgumentOutOfRangeException(nameof(subjects), subject, $"Subject {subject} is not one of the {subjectCount} subjects.");
            }
        }

        // The listed subjects' rows by the one rule, each stored at the subject's place in the list.
        var decided = new int[listed.Length];
        Decide(Unit, new ListedSubjects(roles, listed), decided);
        List<(int Subject, int Stored)>? changes = null;
        for (int i = 0; i < listed.Length; i++)
        {
            if (decided[i] != DecidingRow(listed[i]) + 1)
            {
                (changes ??= []).Add((listed[i], decided[i]));
            }
        }

        if (changes is null)
        {
            return this;
        }

        // The subjects changed before and now, by subject: the new rows win.
        var merged = new SortedList<int, int>(changes.Count + (_changedSubjects?.Length ?? 0));
        for (int i = 0; i < (_changedSubjects?.Length ?? 0); i++)
        {
            merged[_changedSubjects![i]] = _changedRows![i];
        }

        foreach ((int subject, int stored) in changes)
        {
            merged[subject] = stored;
        }

        if (merged.Count <= MaxChangedSubjects)
        {
            return new FirstMatchRows(Unit, Position, Value, Entries, _decided8, _decided16, _decided32, [.. merged.Keys], [.. merged.Values]);
        }

        byte[]? decided8 = (byte[]?)_decided8?.Clone();
        ushort[]? decided16 = (ushort[]?)_decided16?.Clone();
        int[]? decided32 = (int[]?)_decided32?.Clone();
        foreach ((int subject, int stored) in merged)
        {
            if (decided8 is not null)
            {
                decided8[subject] = (byte)stored;
            }
            else if (decided16 is not null)
            {
                decided16[subject] = (ushort)stored;
            }
            else
            {
                decided32![subject] = stored;
            }
        }

        return new FirstMatchRows(Unit, Position, Value, Entries, decided8, decided16, decided32);
    }

    /// <summary>Returns the row that decides for a subject, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DecidingRow(int subject)
    {
        int stored = _decided8 is { } narrowest ? narrowest[subject] : _decided16 is { } narrow ? narrow[subject] : _decided32![subject];
        return (_changedSubjects is null ? stored : Changed(subject, stored)) - 1;
    }

    /// <summary>Returns the row that decides for a subject, if any.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public RowIndex DecidingRow(SubjectIndex subject) => new(DecidingRow(subject.Value));

    /// <summary>First match, the one implementation: the row that decides for a subject is the first row, by position,
    /// whose grantee is in the subject's <c>E(u)</c>. The rows are walked top-down and each subject keeps the first row
    /// that reaches it; row + 1 is stored at the subject's place, 0 when no row reaches it.</summary>
    /// <typeparam name="T">The element type of the table: the narrowest that holds the row count + 1.</typeparam>
    /// <typeparam name="THolders">Where the places of the subjects holding a grantee come from.</typeparam>
    /// <param name="unit">The grantee of each row, rows sorted by position.</param>
    /// <param name="holders">The places of the subjects holding a unit.</param>
    /// <param name="decided">The table, all zero, one element per place.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Decide<T, THolders>(int[] unit, THolders holders, T[] decided)
        where T : unmanaged, IBinaryInteger<T>
        where THolders : struct, IHolders
    {
        for (int row = 0; row < unit.Length; row++)
        {
            foreach (int place in holders.Of(unit[row]))
            {
                if (decided[place] == T.Zero)
                {
                    decided[place] = T.CreateTruncating(row + 1);
                }
            }
        }
    }

    /// <summary>The stored row of a subject when some subjects' rows are kept apart.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Changed(int subject, int stored)
    {
        int at = Array.BinarySearch(_changedSubjects!, subject);
        return at >= 0 ? _changedRows![at] : stored;
    }

    /// <summary>The places, in a table being decided, of the subjects whose <c>E(u)</c> holds a unit.</summary>
    private interface IHolders
    {
        ReadOnlySpan<int> Of(int unit);
    }

    /// <summary>Every subject, at its own index: the inverse of the effective role table.</summary>
    private readonly struct AllSubjects(SubjectsByUnit inverse) : IHolders
    {
        public ReadOnlySpan<int> Of(int unit) => inverse.SubjectsOf(unit);
    }

    /// <summary>Some subjects, each at its index in the list, read from their effective roles.</summary>
    private readonly struct ListedSubjects(EffectiveRoleTable roles, int[] subjects) : IHolders
    {
        private readonly int[] _places = new int[subjects.Length];

        public ReadOnlySpan<int> Of(int unit)
        {
            int count = 0;
            for (int i = 0; i < subjects.Length; i++)
            {
                if (roles.Contains(subjects[i], unit))
                {
                    _places[count++] = i;
                }
            }

            return _places.AsSpan(0, count);
        }
    }
}
