using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>Finds a record's index by id with one probe in the common case: an open-addressing table of (id, index)
/// pairs, at most half full, so a lookup touches one cache line where a <see cref="Dictionary{TKey, TValue}"/> touches two.</summary>
internal sealed class RecordIndex
{
    private readonly Entry[] _entries;
    private readonly int _mask;

    public RecordIndex(Dictionary<Guid, int> records)
    {
        int capacity = 4;
        while (capacity < records.Count * 2)
        {
            capacity <<= 1;
        }

        _entries = new Entry[capacity];
        _mask = capacity - 1;
        foreach ((Guid id, int index) in records)
        {
            int slot = Hash(id) & _mask;
            while (_entries[slot].IndexPlusOne != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _entries[slot] = new Entry(id, index + 1);
        }
    }

    /// <summary>Returns the record's index, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(Guid id)
    {
        Entry[] entries = _entries;
        int slot = Hash(id) & _mask;
        while (true)
        {
            ref readonly Entry entry = ref entries[slot];
            if (entry.IndexPlusOne == 0)
            {
                return -1;
            }

            if (entry.Id == id)
            {
                return entry.IndexPlusOne - 1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(Guid id)
    {
        ReadOnlySpan<ulong> halves = MemoryMarshal.Cast<Guid, ulong>(new ReadOnlySpan<Guid>(in id));
        return unchecked((int)(((halves[0] ^ halves[1]) * 0x9E3779B97F4A7C15UL) >> 32));
    }

    private readonly record struct Entry(Guid Id, int IndexPlusOne);
}
