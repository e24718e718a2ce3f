using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>The records of one object and their rights, laid out so that a record check reads one place in memory.</summary>
/// <remarks>
/// <para>Every record is a <see cref="RecordHeader"/> followed directly by its rights, in one array of 8-byte cells,
/// records one after the other by id. A record is named by the cell its header starts at (its <em>record index</em>), so
/// that reaching its rights after finding it touches the same or the next cache line and the same memory page: on a large
/// model, a page not yet in the TLB costs more than the check.</para>
/// <para>Records are found by id through an open-addressing table, at most half full, of 8-byte slots: the upper half of
/// the id's hash and the record index + 1 (0 marks a free slot). The table is small enough to stay cached; the id is
/// compared only when the hash matches.</para>
/// <para>Rows of one (record, grantee) are merged into one <see cref="RightEntry"/> with a bit per operation, ordered by
/// unit index; the implicit grantees follow them, marked <see cref="RightEntry.Implicit"/>: the manager units of the
/// organizational roles the author and owner directly belong to, by unit index, then the author's and the owner's own
/// units: these rights are matched like rows, grantee in <c>E(u)</c>.</para>
/// <para>The array ends with <see cref="Slack"/> zero cells, so that the rights of every record can be read in whole groups
/// of four (<see cref="RightsInGroups(int, int)"/>).</para>
/// </remarks>
internal sealed class CompiledRecords
{
    /// <summary>The zero cells after the last record.</summary>
    public const int Slack = RoleSignature.Group - 1;

    private readonly ulong[] _cells;
    private readonly long[] _slots;
    private readonly int _mask;

    // Per record ordinal: the support grant the record was created in, or null for none; the array is null when no record
    // was. No id stands for "none", so that no grant a caller can name matches a record created outside every grant.
    private readonly SupportGrantId?[]? _createdInSupportGrant;

    /// <summary>Lays out the records of one object.</summary>
    /// <param name="ids">Each record's id, by ordinal.</param>
    /// <param name="author">Each record's author (user ordinal, or -1).</param>
    /// <param name="owner">Each record's owner (user ordinal, or -1).</param>
    /// <param name="rightStart">Where each record's merged rights start in the three right arrays, plus the first entry's
    /// value (the place of this object's rights among longer arrays); one more entry ends the last.</param>
    /// <param name="rightUnit">The merged rights' grantees, by record, then unit index.</param>
    /// <param name="rightAllow">The operations each merged right allows.</param>
    /// <param name="rightGrant">The operations each merged right holds at AllowAndGrant.</param>
    /// <param name="implicitStart">Where each record's implicit grantees start; one more entry ends the last.</param>
    /// <param name="implicitUnit">The implicit grantees, by record, each record's as <see cref="AppendImplicitGrantees"/> gives them.</param>
    /// <param name="createdInSupportGrant">Each record's support grant (<see langword="null"/> for none), or <see langword="null"/>
    /// when no record was created in one.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CompiledRecords(
        ReadOnlySpan<Guid> ids,
        ReadOnlySpan<int> author,
        ReadOnlySpan<int> owner,
        ReadOnlySpan<int> rightStart,
        ReadOnlySpan<int> rightUnit,
        ReadOnlySpan<byte> rightAllow,
        ReadOnlySpan<byte> rightGrant,
        ReadOnlySpan<int> implicitStart,
        ReadOnlySpan<int> implicitUnit,
        SupportGrantId?[]? createdInSupportGrant)
    {
        _cells = new ulong[(ids.Length * RecordHeader.Cells) + rightUnit.Length + implicitUnit.Length + Slack];
        var starts = new int[ids.Length];
        int at = 0;
        for (int r = 0; r < ids.Length; r++)
        {
            starts[r] = at;
            int count = rightStart[r + 1] - rightStart[r] + implicitStart[r + 1] - implicitStart[r];
            WritableHeader(_cells, at) = new RecordHeader(ids[r], author[r], owner[r], count, r);
            Span<RightEntry> rights = RightsOf(at, count);
            int k = 0;
            // Right starts may be offsets into longer arrays: the first record's start is where this object's rights begin.
            for (int i = rightStart[r] - rightStart[0]; i < rightStart[r + 1] - rightStart[0]; i++)
            {
                rights[k++] = new RightEntry(rightUnit[i], rightAllow[i], rightGrant[i], isImplicit: false);
            }

            for (int i = implicitStart[r]; i < implicitStart[r + 1]; i++)
            {
                rights[k++] = RightEntry.ImplicitGrantee(implicitUnit[i]);
            }

            at += RecordHeader.Cells + count;
        }

        (_slots, _mask) = Slots(ids, starts);
        _createdInSupportGrant = createdInSupportGrant;
        Count = ids.Length;
    }

    private CompiledRecords(CompiledRecords other, ulong[] cells, long[] slots)
    {
        _cells = cells;
        _slots = slots;
        _mask = other._mask;
        _createdInSupportGrant = other._createdInSupportGrant;
        Count = other.Count;
    }

    public static CompiledRecords Empty { get; } = new([], [], [], [0], [], [], [], [0], [], null);

    /// <summary>Gets the number of records.</summary>
    public int Count { get; }

    /// <summary>Returns a record's index, or -1 when the object has no such record.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(RecordId record) => Find(record.Value);

    /// <summary>Returns a record's index, or -1 when the object has no such record.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(Guid id)
    {
        long[] slots = _slots;
        int hash = Hash(id);
        int slot = hash & _mask;
        while (true)
        {
            long entry = slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            int record = unchecked((int)entry) - 1;
            if (unchecked((int)(entry >> 32)) == hash && Header(record).Id == id)
            {
                return record;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Gets a record's header by index (from <see cref="Find(Guid)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref readonly RecordHeader Header(int record) => ref WritableHeader(_cells, record);

    /// <summary>Gets a record's rights: its merged rights by unit index, then its implicit grantees by unit index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<RightEntry> Rights(int record, int count) => RightsOf(record, count);

    /// <summary>Gets a record's rights and the cells after them, up to a whole number of groups of
    /// <see cref="RoleSignature.Group"/>: what <see cref="RoleSignature.Candidates"/> reads. Entries past
    /// <paramref name="count"/> are not rights of the record.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<RightEntry> RightsInGroups(int record, int count) =>
        RightsOf(record, (count + Slack) & ~Slack);

    /// <summary>Returns a record's index, if the object has the record.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public RecordIndex IndexOf(RecordId record) => new(Find(record.Value));

    /// <summary>Gets a record's header.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref readonly RecordHeader Header(RecordIndex record) => ref Header(record.Value);

    /// <summary>Gets a record's rights (see <see cref="Rights(int, int)"/>).</summary>
    public ReadOnlySpan<RightEntry> Rights(RecordIndex record, int count) => Rights(record.Value, count);

    /// <summary>Gets a record's rights in whole groups (see <see cref="RightsInGroups(int, int)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<RightEntry> RightsInGroups(RecordIndex record, int count) => RightsInGroups(record.Value, count);

    /// <summary>Gets the support grant a record was created in, or <see langword="null"/> when it was created outside every grant.</summary>
    public SupportGrantId? CreatedInSupportGrant(int record) =>
        _createdInSupportGrant is { } createdIn ? createdIn[Header(record).Ordinal] : null;

    /// <summary>Whether a user (by ordinal) authors or owns one of these records.</summary>
    public bool MentionsUser(int user)
    {
        for (int record = 0; record < _cells.Length - Slack; record += RecordHeader.Cells + Header(record).RightCount)
        {
            ref readonly RecordHeader header = ref Header(record);
            if (header.Author == user || header.Owner == user)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Appends a record's implicit grantees: the manager units of the organizational roles its
    /// author and owner directly belong to, by unit index, then the author's unit and the owner's, each once.</summary>
    /// <param name="author">The author's user ordinal, or -1.</param>
    /// <param name="owner">The owner's user ordinal, or -1.</param>
    /// <param name="managerUnitsOf">The manager units of a user (by ordinal), sorted.</param>
    /// <param name="roleCount">The number of roles: user ordinal <c>u</c> is unit <c>roleCount + u</c>.</param>
    /// <param name="target">The list to append to.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AppendImplicitGrantees(int author, int owner, Func<int, int[]> managerUnitsOf, int roleCount, List<int> target)
    {
        TableCompiler.UnionSorted(author >= 0 ? managerUnitsOf(author) : [], owner >= 0 ? managerUnitsOf(owner) : [], target);
        if (author >= 0)
        {
            target.Add(roleCount + author);
        }

        if (owner >= 0 && owner != author)
        {
            target.Add(roleCount + owner);
        }
    }

    /// <summary>Returns these records with every record's implicit grantees recomputed
    /// (<see cref="AppendImplicitGrantees"/>).</summary>
    /// <param name="managerUnitsOf">The manager units of a user (by ordinal), sorted.</param>
    /// <param name="roleCount">The number of roles.</param>
    public CompiledRecords WithImplicitUnits(Func<int, int[]> managerUnitsOf, int roleCount)
    {
        var cells = new List<ulong>(_cells.Length + 8);
        var starts = new int[Count];
        var ids = new Guid[Count];
        var units = new List<int>();
        for (int record = 0; record < _cells.Length - Slack; record += RecordHeader.Cells + Header(record).RightCount)
        {
            RecordHeader header = Header(record);
            int start = cells.Count;
            starts[header.Ordinal] = start;
            ids[header.Ordinal] = header.Id;
            cells.AddRange(_cells.AsSpan(record, RecordHeader.Cells));
            ReadOnlySpan<RightEntry> rights = Rights(record, header.RightCount);
            int kept = 0;
            while (kept < rights.Length && !rights[kept].Implicit)
            {
                kept++;
            }

            foreach (RightEntry right in rights[..kept])
            {
                cells.Add(right.Bits);
            }

            units.Clear();
            AppendImplicitGrantees(header.Author, header.Owner, managerUnitsOf, roleCount, units);
            foreach (int unit in units)
            {
                cells.Add(RightEntry.ImplicitGrantee(unit).Bits);
            }

            SetRightCount(CollectionsMarshal.AsSpan(cells), start, cells.Count - start - RecordHeader.Cells);
        }

        cells.AddRange(new ulong[Slack]);
        return new CompiledRecords(this, [.. cells], Slots(ids, starts).Slots);
    }

    /// <summary>Returns these records with one grantee's right to one operation on one record replaced, as compiling the
    /// model after the share (or unshare) would merge it: the merged right keeps its place by unit index and is dropped
    /// when it allows nothing.</summary>
    /// <param name="record">The record's index.</param>
    /// <param name="unit">The grantee's unit index.</param>
    /// <param name="operationBit">The operation's bit.</param>
    /// <param name="level">The new level, or <see langword="null"/> when the grantee's rows for the operation are removed.</param>
    public CompiledRecords WithRight(int record, int unit, int operationBit, RecordRightLevel? level)
    {
        RecordHeader header = Header(record);
        ReadOnlySpan<RightEntry> rights = Rights(record, header.RightCount);
        int at = 0;
        while (at < rights.Length && !rights[at].Implicit && rights[at].Unit < unit)
        {
            at++;
        }

        bool exists = at < rights.Length && !rights[at].Implicit && rights[at].Unit == unit;
        int allow = exists ? rights[at].Allow : 0;
        int grant = exists ? rights[at].Grant : 0;
        allow = level >= RecordRightLevel.Allow ? allow | operationBit : allow & ~operationBit;
        grant = level == RecordRightLevel.AllowAndGrant ? grant | operationBit : grant & ~operationBit;
        bool keep = allow != 0;
        int delta = (keep ? 1 : 0) - (exists ? 1 : 0);

        // The cells up to the right, the new right if it is kept, then the rest; the records after this one move by delta.
        int cell = record + RecordHeader.Cells + at;
        int tail = cell + (exists ? 1 : 0);
        var cells = new ulong[_cells.Length + delta];
        Array.Copy(_cells, cells, cell);
        if (keep)
        {
            cells[cell] = new RightEntry(unit, (byte)allow, (byte)grant, isImplicit: false).Bits;
        }

        Array.Copy(_cells, tail, cells, tail + delta, _cells.Length - tail);
        if (delta == 0)
        {
            return new CompiledRecords(this, cells, _slots);
        }

        SetRightCount(cells, record, header.RightCount + delta);
        var slots = (long[])_slots.Clone();
        for (int slot = 0; slot < slots.Length; slot++)
        {
            if (unchecked((int)slots[slot]) - 1 > record)
            {
                slots[slot] += delta;
            }
        }

        return new CompiledRecords(this, cells, slots);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref RecordHeader WritableHeader(Span<ulong> cells, int record) =>
        ref MemoryMarshal.AsRef<RecordHeader>(MemoryMarshal.AsBytes(cells.Slice(record, RecordHeader.Cells)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<RightEntry> RightsOf(int record, int count) =>
        MemoryMarshal.Cast<ulong, RightEntry>(_cells.AsSpan(record + RecordHeader.Cells, count));

    private static void SetRightCount(Span<ulong> cells, int record, int count)
    {
        ref RecordHeader header = ref WritableHeader(cells, record);
        header = header with { RightCount = count };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (long[] Slots, int Mask) Slots(ReadOnlySpan<Guid> ids, int[] starts)
    {
        int capacity = 4;
        while (capacity < ids.Length * 2)
        {
            capacity <<= 1;
        }

        var slots = new long[capacity];
        int mask = capacity - 1;
        for (int r = 0; r < ids.Length; r++)
        {
            int hash = Hash(ids[r]);
            int slot = hash & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = ((long)hash << 32) | (uint)(starts[r] + 1);
        }

        return (slots, mask);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(Guid id)
    {
        ReadOnlySpan<ulong> halves = MemoryMarshal.Cast<Guid, ulong>(new ReadOnlySpan<Guid>(in id));
        return unchecked((int)(((halves[0] ^ halves[1]) * 0x9E3779B97F4A7C15UL) >> 32));
    }
}
