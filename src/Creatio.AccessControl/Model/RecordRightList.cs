using System.Collections.Immutable;

namespace Creatio.AccessControl;

/// <summary>The record right rows of a model as a base array plus the shares and unshares made since, so that a share
/// costs O(log k) and not a copy of a million rows.</summary>
/// <remarks>
/// <para>A share removes every row of its key (object, record, grantee, operation) and appends the new row; an unshare
/// removes every row of its key. <see cref="Materialize"/> gives exactly the list those edits make on the base: the base
/// rows whose key was never edited, in order, then the present rows of edited keys in the order of their last share.</para>
/// <para>Immutable and safe for concurrent use; the index of the base rows is built once, on first use, and shared by
/// every list derived from the same base.</para>
/// </remarks>
internal sealed class RecordRightList
{
    private readonly ImmutableArray<RecordRightRow> _base;
    private readonly ImmutableDictionary<RecordRightKey, Edit> _edits;
    private readonly long _nextSequence;
    private readonly BaseIndex _index;

    private RecordRightList(ImmutableArray<RecordRightRow> rows, ImmutableDictionary<RecordRightKey, Edit> edits, long nextSequence, BaseIndex index)
    {
        _base = rows;
        _edits = edits;
        _nextSequence = nextSequence;
        _index = index;
    }

    /// <summary>Starts a list whose base is a materialized array.</summary>
    public static RecordRightList Over(ImmutableArray<RecordRightRow> rows) =>
        new(rows, ImmutableDictionary<RecordRightKey, Edit>.Empty, 0, new BaseIndex(rows));

    /// <summary>Gets the number of edited keys: what materializing costs beyond the base.</summary>
    public int EditCount => _edits.Count;

    /// <summary>Returns the list with every row of the row's key replaced by the row.</summary>
    public RecordRightList Share(RecordRightRow row) =>
        new(_base, _edits.SetItem(RecordRightKey.Of(row), new Edit(row, _nextSequence)), _nextSequence + 1, _index);

    /// <summary>Returns the list without the rows of a key.</summary>
    public RecordRightList Unshare(RecordRightKey key) =>
        new(_base, _edits.SetItem(key, new Edit(null, _nextSequence)), _nextSequence + 1, _index);

    /// <summary>Adds the rows of a key, in list order, to <paramref name="rows"/>.</summary>
    public void RowsOf(RecordRightKey key, List<RecordRightRow> rows)
    {
        if (_edits.TryGetValue(key, out Edit edit))
        {
            if (edit.Row is { } row)
            {
                rows.Add(row);
            }

            return;
        }

        _index.RowsOf(_base, key, rows);
    }

    /// <summary>Gives the rows as one array.</summary>
    public ImmutableArray<RecordRightRow> Materialize()
    {
        if (_edits.IsEmpty)
        {
            return _base;
        }

        ImmutableArray<RecordRightRow>.Builder rows = ImmutableArray.CreateBuilder<RecordRightRow>(_base.Length + _edits.Count);
        foreach (RecordRightRow row in _base)
        {
            if (!_edits.ContainsKey(RecordRightKey.Of(row)))
            {
                rows.Add(row);
            }
        }

        foreach (KeyValuePair<RecordRightKey, Edit> edit in _edits.Where(e => e.Value.Row is not null).OrderBy(e => e.Value.Sequence))
        {
            rows.Add(edit.Value.Row!);
        }

        return rows.ToImmutable();
    }

    private readonly record struct Edit(RecordRightRow? Row, long Sequence);

    /// <summary>The base rows of each record, chained: built on first use.</summary>
    private sealed class BaseIndex(ImmutableArray<RecordRightRow> rows)
    {
        private readonly Lazy<(Dictionary<(string, Guid), int> First, int[] Next)> _chains = new(() => Build(rows));

        public void RowsOf(ImmutableArray<RecordRightRow> baseRows, RecordRightKey key, List<RecordRightRow> result)
        {
            (Dictionary<(string, Guid), int> first, int[] next) = _chains.Value;
            if (!first.TryGetValue((key.Object.Value, key.Record.Value), out int at))
            {
                return;
            }

            int start = result.Count;
            for (; at >= 0; at = next[at])
            {
                RecordRightRow row = baseRows[at];
                if (row.Grantee == key.Grantee && row.Operation == key.Operation)
                {
                    result.Add(row);
                }
            }

            // The chain runs from the last row of the record to the first.
            result.Reverse(start, result.Count - start);
        }

        private static (Dictionary<(string, Guid), int>, int[]) Build(ImmutableArray<RecordRightRow> rows)
        {
            var first = new Dictionary<(string, Guid), int>();
            var next = new int[rows.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                RecordRightRow row = rows[i];
                (string, Guid) record = (row.Object.Value, row.Record.Value);
                next[i] = first.TryGetValue(record, out int previous) ? previous : -1;
                first[record] = i;
            }

            return (first, next);
        }
    }
}

/// <summary>What identifies a record right for sharing: one grantee's right to one operation on one record.</summary>
/// <param name="Object">The object.</param>
/// <param name="Record">The record.</param>
/// <param name="Grantee">The grantee.</param>
/// <param name="Operation">The operation.</param>
internal readonly record struct RecordRightKey(ObjectName Object, RecordId Record, AdminUnitId Grantee, RecordOperation Operation)
{
    public static RecordRightKey Of(RecordRightRow row) => new(row.Object, row.Record, row.Grantee, row.Operation);
}
