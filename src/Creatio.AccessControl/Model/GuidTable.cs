using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Creatio.AccessControl;

/// <summary>A map from ids to numbers for the validator's lookups of a million rows: open addressing, each slot holding
/// the id and its number side by side, so that a lookup that misses the processor's caches waits for memory once (a
/// <see cref="Dictionary{TKey, TValue}"/> waits twice: its buckets, then its entries).</summary>
/// <remarks>Any id may be a key, the empty one too. Not thread-safe while added to; a table no longer added to may be read
/// concurrently.</remarks>
internal sealed class GuidTable
{
    private Slot[] _slots;
    private int _mask;

    /// <summary>Creates a table with room for <paramref name="capacity"/> ids before it grows.</summary>
    public GuidTable(int capacity = 0)
    {
        int size = 8;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _slots = new Slot[size];
        _mask = size - 1;
    }

    /// <summary>Gets the number of ids.</summary>
    public int Count { get; private set; }

    /// <summary>Adds an id with its number, unless the table has it.</summary>
    /// <returns>Whether the id was added.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(Guid id, int number)
    {
        if ((Count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        int slot = Hash(id) & _mask;
        while (_slots[slot].Stored != 0)
        {
            if (_slots[slot].Id == id)
            {
                return false;
            }

            slot = (slot + 1) & _mask;
        }

        _slots[slot] = new Slot(id, number + 1);
        Count++;
        return true;
    }

    /// <summary>Gets an id's number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(Guid id, out int number)
    {
        Slot[] slots = _slots;
        int slot = Hash(id) & _mask;
        while (true)
        {
            ref Slot entry = ref slots[slot];
            if (entry.Stored == 0)
            {
                number = -1;
                return false;
            }

            if (entry.Id == id)
            {
                number = entry.Stored - 1;
                return true;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Whether the table has an id.</summary>
    public bool Contains(Guid id) => TryGetValue(id, out _);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Grow()
    {
        Slot[] old = _slots;
        _slots = new Slot[old.Length * 2];
        _mask = _slots.Length - 1;
        foreach (Slot entry in old)
        {
            if (entry.Stored != 0)
            {
                int slot = Hash(entry.Id) & _mask;
                while (_slots[slot].Stored != 0)
                {
                    slot = (slot + 1) & _mask;
                }

                _slots[slot] = entry;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(Guid id)
    {
        ReadOnlySpan<ulong> halves = MemoryMarshal.Cast<Guid, ulong>(new ReadOnlySpan<Guid>(in id));
        return unchecked((int)(((halves[0] ^ halves[1]) * 0x9E3779B97F4A7C15UL) >> 32));
    }

    /// <summary>An id and its number + 1; 0 marks a free slot.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly record struct Slot(Guid Id, int Stored);
}
