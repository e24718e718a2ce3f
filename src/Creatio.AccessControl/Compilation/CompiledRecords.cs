using System.Runtime.CompilerServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>The records of one object and their rights, in compressed rows.</summary>
/// <remarks>Each record has a <see cref="RecordSlot"/> naming where its rights are in <see cref="Rights"/>. Rows of one
/// (record, grantee) are merged into one entry with a bit per operation. Implicit grantees (the manager units of the
/// organizational roles the author and owner directly belong to) are stored apart, in <see cref="ImplicitUnit"/>.</remarks>
internal sealed class CompiledRecords
{
    public static CompiledRecords Empty { get; } = new([], [], [], [0], [], [], [], [0], [], null);

    public CompiledRecords(
        Dictionary<Guid, int> index,
        int[] author,
        int[] owner,
        int[] rightStart,
        int[] rightUnit,
        byte[] rightAllow,
        byte[] rightGrant,
        int[] implicitStart,
        int[] implicitUnit,
        Guid[]? createdInSupportGrant)
    {
        CreatedInSupportGrant = createdInSupportGrant;
        Index = new RecordIndex(index);
        ImplicitUnit = implicitUnit;
        Slots = new RecordSlot[author.Length];
        for (int i = 0; i < Slots.Length; i++)
        {
            Slots[i] = new RecordSlot(author[i], owner[i], rightStart[i], rightStart[i + 1], implicitStart[i], implicitStart[i + 1]);
        }

        Rights = new RightEntry[rightUnit.Length];
        for (int i = 0; i < Rights.Length; i++)
        {
            Rights[i] = new RightEntry(rightUnit[i], rightAllow[i], rightGrant[i]);
        }
    }

    private CompiledRecords(CompiledRecords other, RecordSlot[] slots, RightEntry[] rights, int[]? implicitUnit = null)
    {
        CreatedInSupportGrant = other.CreatedInSupportGrant;
        Index = other.Index;
        ImplicitUnit = implicitUnit ?? other.ImplicitUnit;
        Slots = slots;
        Rights = rights;
    }

    /// <summary>Gets each record's slot: what the record step reads, in one place.</summary>
    public RecordSlot[] Slots { get; }

    /// <summary>Gets the merged rights packed for the record step.</summary>
    public RightEntry[] Rights { get; }

    public RecordIndex Index { get; }

    public int[] ImplicitUnit { get; }

    /// <summary>Gets, per record, the support grant it was created in (<see cref="Guid.Empty"/> for none);
    /// <see langword="null"/> when no record of the object was.</summary>
    public Guid[]? CreatedInSupportGrant { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(RecordId record) => Index.Find(record.Value);

    /// <summary>Whether a user (by ordinal) authors or owns one of these records.</summary>
    public bool MentionsUser(int user)
    {
        foreach (ref readonly RecordSlot slot in Slots.AsSpan())
        {
            if (slot.Author == user || slot.Owner == user)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns these records with every record's implicit grantees recomputed: the manager units of the author's
    /// and the owner's organizational roles, by unit index.</summary>
    /// <param name="managerUnitsOf">The manager units of a user (by ordinal), sorted.</param>
    public CompiledRecords WithImplicitUnits(Func<int, int[]> managerUnitsOf)
    {
        var slots = new RecordSlot[Slots.Length];
        var implicitUnits = new List<int>(ImplicitUnit.Length + 4);
        for (int r = 0; r < slots.Length; r++)
        {
            RecordSlot slot = Slots[r];
            int start = implicitUnits.Count;
            TableCompiler.UnionSorted(
                slot.Author >= 0 ? managerUnitsOf(slot.Author) : [],
                slot.Owner >= 0 ? managerUnitsOf(slot.Owner) : [],
                implicitUnits);
            slots[r] = slot with { ImplicitStart = start, ImplicitEnd = implicitUnits.Count };
        }

        return new CompiledRecords(this, slots, Rights, [.. implicitUnits]);
    }

    /// <summary>Returns these records with one grantee's right to one operation on one record replaced, as compiling the
    /// model after the share (or unshare) would merge it: the entry keeps its place by unit index and is dropped when it
    /// allows nothing.</summary>
    /// <param name="record">The record's index.</param>
    /// <param name="unit">The grantee's unit index.</param>
    /// <param name="operationBit">The operation's bit.</param>
    /// <param name="level">The new level, or <see langword="null"/> when the grantee's rows for the operation are removed.</param>
    public CompiledRecords WithRight(int record, int unit, int operationBit, RecordRightLevel? level)
    {
        RecordSlot slot = Slots[record];
        int at = slot.RightStart;
        while (at < slot.RightEnd && Rights[at].Unit < unit)
        {
            at++;
        }

        bool exists = at < slot.RightEnd && Rights[at].Unit == unit;
        int allow = exists ? Rights[at].Allow : 0;
        int grant = exists ? Rights[at].Grant : 0;
        allow = level >= RecordRightLevel.Allow ? allow | operationBit : allow & ~operationBit;
        grant = level == RecordRightLevel.AllowAndGrant ? grant | operationBit : grant & ~operationBit;
        bool keep = allow != 0;
        int delta = (keep ? 1 : 0) - (exists ? 1 : 0);

        var rights = new RightEntry[Rights.Length + delta];
        Array.Copy(Rights, rights, at);
        int tail = at + (exists ? 1 : 0);
        if (keep)
        {
            rights[at] = new RightEntry(unit, (byte)allow, (byte)grant);
        }

        Array.Copy(Rights, tail, rights, tail + delta, Rights.Length - tail);
        RecordSlot[] slots = Slots;
        if (delta != 0)
        {
            slots = (RecordSlot[])Slots.Clone();
            slots[record] = slot with { RightEnd = slot.RightEnd + delta };
            for (int r = record + 1; r < slots.Length; r++)
            {
                slots[r] = slots[r] with { RightStart = slots[r].RightStart + delta, RightEnd = slots[r].RightEnd + delta };
            }
        }

        return new CompiledRecords(this, slots, rights);
    }
}
