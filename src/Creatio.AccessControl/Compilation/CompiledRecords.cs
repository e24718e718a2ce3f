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
}
