using System.Numerics;
using System.Runtime.CompilerServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>The inverse of <see cref="EffectiveRoleTable"/>: for each admin unit, the subjects whose <c>E(u)</c> contains it.</summary>
/// <remarks>
/// <para>A membership change adds and removes a few (unit, subject) pairs, but a unit that many subjects hold has a long
/// list, and copying it for every change would cost the list, not the change. So <see cref="With"/> only records the
/// pairs: the lists are merged when first read, every change recorded since the last merge at once, or when the
/// recorded changes grow past a share of the pairs. <see cref="SubjectsOfUnit"/> reads one unit's subjects without
/// merging the rest.</para>
/// <para>Instances are immutable in what they answer; merging is serialized and publishes the merged lists once.</para>
/// </remarks>
internal sealed class SubjectsByUnit
{
    // The subjects of each unit, ascending, in pages of 4,096 units, so that a merge replaces only the units it touches
    // and copies only their pages (each below the large object heap). A compile lists them all in one array and slices it.
    private const int PageShift = 12;
    private const int PageMask = (1 << PageShift) - 1;

    // The most changes recorded before they are merged: the most pairs (at least, or a share of all pairs), the most
    // changes in a row.
    private const int MinPendingPairs = 4096;
    private const int MaxPendingChanges = 64;

    // The words of units whose subjects are listed in one sweep over the subjects.
    private const int BlockWords = 8;

    private readonly object _gate = new();
    private readonly long _pairCount;
    private readonly long _pendingPairs;
    private readonly int _pendingChanges;

    // The merged lists; null until merged. Until then, the inverse these changes apply to and the changes, sorted by unit
    // then subject.
    private volatile ReadOnlyMemory<int>[][]? _subjects;
    private SubjectsByUnit? _before;
    private (int Unit, int Subject, bool Added)[]? _changes;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SubjectsByUnit(EffectiveRoleTable roles)
    {
        UnitTable units = roles.Units;
        int unitCount = units.UnitCount;
        var counts = new int[unitCount + 1];
        var pairs = new PairWriter(counts, null);
        ForEachPair(roles, ref pairs);
        for (int i = 0; i < unitCount; i++)
        {
            counts[i + 1] += counts[i];
        }

        int[] start = (int[])counts.Clone();
        var all = new int[counts[unitCount]];
        pairs = new PairWriter(counts, all);
        ForEachPair(roles, ref pairs);
        // Every list is a slice of the one array: copying them out would allocate as much again, young, for the collector
        // to copy while promoting it.
        var subjects = new ReadOnlyMemory<int>[(unitCount + PageMask) >> PageShift][];
        for (int page = 0; page < subjects.Length; page++)
        {
            int first = page << PageShift;
            subjects[page] = new ReadOnlyMemory<int>[Math.Min(1 << PageShift, unitCount - first)];
            for (int i = 0; i < subjects[page].Length; i++)
            {
                subjects[page][i] = new ReadOnlyMemory<int>(all, start[first + i], start[first + i + 1] - start[first + i]);
            }
        }

        _subjects = subjects;
        _pairCount = all.Length;
    }

    private SubjectsByUnit(SubjectsByUnit before, (int Unit, int Subject, bool Added)[] changes)
    {
        _before = before;
        _changes = changes;
        int added = changes.Count(c => c.Added);
        _pairCount = before._pairCount + added - (changes.Length - added);
        bool merged = before._subjects is not null;
        _pendingPairs = (merged ? 0 : before._pendingPairs) + changes.Length;
        _pendingChanges = (merged ? 0 : before._pendingChanges) + 1;
    }

    /// <summary>Returns the inverse with some (unit, subject) pairs added or removed; each pair added must be absent and
    /// each pair removed present.</summary>
    /// <param name="changes">The pairs, sorted by unit then subject.</param>
    public SubjectsByUnit With(List<(int Unit, int Subject, bool Added)> changes)
    {
        var next = new SubjectsByUnit(this, [.. changes]);
        if (next._pendingChanges > MaxPendingChanges || next._pendingPairs > Math.Max(MinPendingPairs, next._pairCount / 4))
        {
            next.Merged();
        }

        return next;
    }

    /// <summary>The subjects of one unit, ascending, read without merging the lists of the other units.</summary>
    public ReadOnlyMemory<int> SubjectsOfUnit(int unit)
    {
        if (_subjects is { } subjects)
        {
            return subjects[unit >> PageShift][unit & PageMask];
        }

        // Each batch changes a pair at most once, so applying the batches in turn is exact.
        List<(int Unit, int Subject, bool Added)[]> pending = Pending(out SubjectsByUnit merged);
        ReadOnlyMemory<int> result = merged._subjects![unit >> PageShift][unit & PageMask];
        foreach ((int Unit, int Subject, bool Added)[] batch in pending)
        {
            int from = FirstOf(batch, unit);
            int to = from;
            while (to < batch.Length && batch[to].Unit == unit)
            {
                to++;
            }

            if (to > from)
            {
                result = Apply(result.Span, batch, from, to);
            }
        }

        return result;
    }

    /// <summary>The subjects of a unit, ascending; merges the recorded changes first if there are any.</summary>
    public ReadOnlySpan<int> SubjectsOf(int unit) => Merged()[unit >> PageShift][unit & PageMask].Span;

    /// <summary>The merged lists: merges every change recorded since the last merged inverse, at once.</summary>
    private ReadOnlyMemory<int>[][] Merged()
    {
        if (_subjects is { } subjects)
        {
            return subjects;
        }

        lock (_gate)
        {
            if (_subjects is { } done)
            {
                return done;
            }

            // Every recorded change by unit then subject; of the changes of one pair (one per batch), the last wins.
            List<(int Unit, int Subject, bool Added)[]> pending = Pending(out SubjectsByUnit merged);
            var keys = new long[pending.Sum(p => p.Length)];
            var batches = new int[keys.Length];
            int count = 0;
            for (int b = 0; b < pending.Count; b++)
            {
                foreach ((int unit, int subject, bool added) in pending[b])
                {
                    keys[count] = ((long)unit << 32) | (uint)subject;
                    batches[count++] = (b << 1) | (added ? 1 : 0);
                }
            }

            Array.Sort(keys, batches);
            var changes = new List<(int Unit, int Subject, bool Added)>(keys.Length);
            for (int i = 0; i < keys.Length; i++)
            {
                int last = batches[i];
                while (i + 1 < keys.Length && keys[i + 1] == keys[i])
                {
                    last = Math.Max(last, batches[++i]);
                }

                changes.Add(((int)(keys[i] >> 32), unchecked((int)keys[i]), (last & 1) != 0));
            }

            ReadOnlyMemory<int>[][] before = merged._subjects!;
            var result = (ReadOnlyMemory<int>[][])before.Clone();
            int next = 0;
            while (next < changes.Count)
            {
                int unit = changes[next].Unit;
                int end = next;
                while (end < changes.Count && changes[end].Unit == unit)
                {
                    end++;
                }

                int page = unit >> PageShift;
                if (ReferenceEquals(result[page], before[page]))
                {
                    result[page] = (ReadOnlyMemory<int>[])before[page].Clone();
                }

                result[page][unit & PageMask] = Apply(before[page][unit & PageMask].Span, changes, next, end);
                next = end;
            }

            _subjects = result;
            _before = null;
            _changes = null;
            return result;
        }
    }

    /// <summary>The change batches since the last merged inverse, oldest first, and that inverse.</summary>
    private List<(int Unit, int Subject, bool Added)[]> Pending(out SubjectsByUnit merged)
    {
        var pending = new List<(int Unit, int Subject, bool Added)[]>();
        SubjectsByUnit current = this;
        while (true)
        {
            lock (current._gate)
            {
                if (current._subjects is not null)
                {
                    break;
                }

                pending.Add(current._changes!);
                current = current._before!;
            }
        }

        pending.Reverse();
        merged = current;
        return pending;
    }

    /// <summary>Applies changes of one unit, sorted by subject, one per subject, to its subjects.</summary>
    private static int[] Apply(ReadOnlySpan<int> old, IList<(int Unit, int Subject, bool Added)> changes, int from, int to)
    {
        var merged = new List<int>(old.Length + to - from);
        int read = 0;
        for (int i = from; i < to; i++)
        {
            (_, int subject, bool added) = changes[i];
            while (read < old.Length && old[read] < subject)
            {
                merged.Add(old[read++]);
            }

            if (read < old.Length && old[read] == subject)
            {
                read++;
            }

            if (added)
            {
                merged.Add(subject);
            }
        }

        merged.AddRange(old[read..]);
        return [.. merged];
    }

    private static int FirstOf((int Unit, int Subject, bool Added)[] batch, int unit)
    {
        int low = 0;
        int high = batch.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (batch[middle].Unit < unit)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForEachPair(EffectiveRoleTable roles, ref PairWriter pairs)
    {
        // Block by block of units, every subject's bits of the block: the subjects of a block's units are written at
        // BlockWords * 64 places at a time, which stay cached, instead of at one place per unit of the whole table.
        int roleCount = roles.Units.RoleCount;
        int subjectCount = roles.SubjectCount;
        for (int word = 0; word < roles.RoleWords; word += BlockWords)
        {
            int end = Math.Min(word + BlockWords, roles.RoleWords);
            for (int subject = 0; subject < subjectCount; subject++)
            {
                ReadOnlySpan<ulong> roleBits = roles.RolesOf(subject);
                for (int w = word; w < end; w++)
                {
                    for (ulong bits = roleBits[w]; bits != 0; bits &= bits - 1)
                    {
                        pairs.Add((w << 6) + BitOperations.TrailingZeroCount(bits), subject);
                    }
                }
            }
        }

        int userWords = Bits.WordsFor(roles.Units.UserCount);
        for (int word = 0; word < userWords; word += BlockWords)
        {
            int end = Math.Min(word + BlockWords, userWords);
            for (int subject = 0; subject < subjectCount; subject++)
            {
                int own = roles.SubjectUser[subject];
                ulong[]? users = roles.UsersOf(subject);
                for (int w = word; w < end; w++)
                {
                    ulong bits = users is null ? 0 : users[w];
                    if (own >> 6 == w)
                    {
                        bits |= 1UL << own;
                    }

                    for (; bits != 0; bits &= bits - 1)
                    {
                        pairs.Add(roleCount + (w << 6) + BitOperations.TrailingZeroCount(bits), subject);
                    }
                }
            }
        }
    }

    /// <summary>Counts the pairs of each unit (<c>counts[unit + 1]</c>) when there is no target, and otherwise writes each
    /// subject at <c>counts[unit]</c>, moving it on.</summary>
    private readonly struct PairWriter(int[] counts, int[]? subjects)
    {
        public void Add(int unit, int subject)
        {
            if (subjects is null)
            {
                counts[unit + 1]++;
            }
            else
            {
                subjects[counts[unit]++] = subject;
            }
        }
    }
}
