using System.Collections.Immutable;

namespace Creatio.AccessControl;

/// <summary>The object operation rows of a model as a base array plus the objects whose rows were replaced since, so that
/// replacing one object's rows costs those rows and not a copy of every object's.</summary>
/// <remarks>
/// <para><see cref="Materialize"/> gives exactly the list replacing would have made on an array: the base rows of objects
/// never replaced, in order, then the rows of each replaced object, objects in the order of their last replacement.</para>
/// <para>Immutable and safe for concurrent use; the materialized array is made once, on first use.</para>
/// </remarks>
internal sealed class ObjectRowEdits
{
    // Replacements kept beside the base array before it is rebuilt, bounding the cost of materializing it.
    private const int MaxPendingEdits = 256;

    private readonly ImmutableArray<ObjectOperationRow> _base;
    private readonly ImmutableDictionary<string, (ImmutableArray<ObjectOperationRow> Rows, long Sequence)> _replaced;
    private readonly long _nextSequence;
    private ImmutableArray<ObjectOperationRow> _materialized;

    private ObjectRowEdits(
        ImmutableArray<ObjectOperationRow> rows,
        ImmutableDictionary<string, (ImmutableArray<ObjectOperationRow>, long)> replaced,
        long nextSequence)
    {
        _base = rows;
        _replaced = replaced;
        _nextSequence = nextSequence;
    }

    /// <summary>Starts a list whose base is a materialized array.</summary>
    public static ObjectRowEdits Over(ImmutableArray<ObjectOperationRow> rows) =>
        new(rows, ImmutableDictionary.Create<string, (ImmutableArray<ObjectOperationRow>, long)>(StringComparer.Ordinal), 0);

    /// <summary>Returns the list with every row of <paramref name="name"/> replaced by <paramref name="rows"/>, placed
    /// after every other object's.</summary>
    public ObjectRowEdits Replace(ObjectName name, ImmutableArray<ObjectOperationRow> rows)
    {
        ObjectRowEdits list = _replaced.Count < MaxPendingEdits ? this : Over(Materialize());
        return new(list._base, list._replaced.SetItem(name.Value, (rows, list._nextSequence)), list._nextSequence + 1);
    }

    /// <summary>Gives the rows as one array, made on the first call and kept.</summary>
    public ImmutableArray<ObjectOperationRow> Materialize()
    {
        if (_replaced.IsEmpty)
        {
            return _base;
        }

        if (_materialized.IsDefault)
        {
            ImmutableInterlocked.InterlockedInitialize(ref _materialized, Materialized());
        }

        return _materialized;
    }

    private ImmutableArray<ObjectOperationRow> Materialized()
    {
        var rows = ImmutableArray.CreateBuilder<ObjectOperationRow>(_base.Length);
        foreach (ObjectOperationRow row in _base)
        {
            if (row.Object.Value is not { } name || !_replaced.ContainsKey(name))
            {
                rows.Add(row);
            }
        }

        foreach ((ImmutableArray<ObjectOperationRow> replaced, long _) in _replaced.Values.OrderBy(r => r.Sequence))
        {
            rows.AddRange(replaced);
        }

        return rows.ToImmutable();
    }
}
