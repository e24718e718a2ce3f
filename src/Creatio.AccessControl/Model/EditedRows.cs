using System.Collections.Immutable;

namespace Creatio.AccessControl;

/// <summary>A list of model rows as a base array plus the edits made since, so that an edit costs O(log k) and not a copy
/// of the whole list: the record right rows (a share, an unshare) and the memberships (adding or removing one).</summary>
/// <remarks>
/// <para>Rows are edited by key: <see cref="Set"/> removes every row of the row's key and appends the row; <see cref="Remove"/>
/// removes every row of a key. <see cref="Materialize"/> gives exactly the list those edits make on the base: the base rows
/// whose key was never edited, in order, then the present rows of edited keys in the order of their last edit.</para>
/// <para>Immutable and safe for concurrent use; the index of the base rows (chains of rows by group, a coarser key that
/// keeps the index small) is built once, on first use, and shared by every list derived from the same base.</para>
/// </remarks>
/// <typeparam name="TRow">The row.</typeparam>
/// <typeparam name="TKey">What identifies a row for editing.</typeparam>
/// <typeparam name="TGroup">A coarser key the base index chains rows by.</typeparam>
internal sealed class EditedRows<TRow, TKey, TGroup>
    where TRow : class
    where TKey : notnull
    where TGroup : notnull
{
    private readonly ImmutableArray<TRow> _base;
    private readonly ImmutableDictionary<TKey, Edit> _edits;
    private readonly long _nextSequence;
    private readonly BaseIndex _index;

    // The materialized rows, once asked for.
    private ImmutableArray<TRow> _materialized;

    private EditedRows(ImmutableArray<TRow> rows, ImmutableDictionary<TKey, Edit> edits, long nextSequence, BaseIndex index)
    {
        _base = rows;
        _edits = edits;
        _nextSequence = nextSequence;
        _index = index;
    }

    /// <summary>Gets the number of edited keys: what materializing costs beyond the base.</summary>
    public int EditCount => _edits.Count;

    /// <summary>Starts a list whose base is a materialized array.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="keyOf">The key of a row.</param>
    /// <param name="groupOf">The group of a key; rows of one key are in one group.</param>
    public static EditedRows<TRow, TKey, TGroup> Over(ImmutableArray<TRow> rows, Func<TRow, TKey> keyOf, Func<TKey, TGroup> groupOf) =>
        new(rows, ImmutableDictionary<TKey, Edit>.Empty, 0, new BaseIndex(rows, keyOf, groupOf));

    /// <summary>Returns the list over the materialized rows, with no edits pending.</summary>
    public EditedRows<TRow, TKey, TGroup> Rebased() => Over(Materialize(), _index.KeyOf, _index.GroupOf);

    /// <summary>Returns this list, or the list <see cref="Rebased"/> when <paramref name="maxEdits"/> or more edits are
    /// pending: what keeps materializing and looking up edits cheap.</summary>
    public EditedRows<TRow, TKey, TGroup> RebasedBeyond(int maxEdits) => EditCount < maxEdits ? this : Rebased();

    /// <summary>Returns the list with every row of the row's key replaced by the row, at the end.</summary>
    public EditedRows<TRow, TKey, TGroup> Set(TRow row) =>
        new(_base, _edits.SetItem(_index.KeyOf(row), new Edit(row, _nextSequence)), _nextSequence + 1, _index);

    /// <summary>Returns the list without the rows of a key.</summary>
    public EditedRows<TRow, TKey, TGroup> Remove(TKey key) =>
        new(_base, _edits.SetItem(key, new Edit(null, _nextSequence)), _nextSequence + 1, _index);

    /// <summary>Adds the rows of a key, in list order, to <paramref name="rows"/>.</summary>
    public void RowsOf(TKey key, List<TRow> rows)
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

    /// <summary>Gives the rows as one array, made on the first call and kept.</summary>
    public ImmutableArray<TRow> Materialize()
    {
        if (_edits.IsEmpty)
        {
            return _base;
        }

        if (_materialized.IsDefault)
        {
            ImmutableInterlocked.InterlockedInitialize(ref _materialized, Materialized());
        }

        return _materialized;
    }

    private ImmutableArray<TRow> Materialized()
    {
        ImmutableArray<TRow>.Builder rows = ImmutableArray.CreateBuilder<TRow>(_base.Length + _edits.Count);
        foreach (TRow row in _base)
        {
            if (!_edits.ContainsKey(_index.KeyOf(row)))
            {
                rows.Add(row);
            }
        }

        foreach (KeyValuePair<TKey, Edit> edit in _edits.Where(e => e.Value.Row is not null).OrderBy(e => e.Value.Sequence))
        {
            rows.Add(edit.Value.Row!);
        }

        return rows.ToImmutable();
    }

    private readonly record struct Edit(TRow? Row, long Sequence);

    /// <summary>The base rows of each group, chained: built on first use.</summary>
    private sealed class BaseIndex(ImmutableArray<TRow> rows, Func<TRow, TKey> keyOf, Func<TKey, TGroup> groupOf)
    {
        private readonly Lazy<(Dictionary<TGroup, int> Last, int[] Previous)> _chains = new(() => Build(rows, keyOf, groupOf));

        public Func<TRow, TKey> KeyOf { get; } = keyOf;

        public Func<TKey, TGroup> GroupOf { get; } = groupOf;

        public void RowsOf(ImmutableArray<TRow> baseRows, TKey key, List<TRow> result)
        {
            (Dictionary<TGroup, int> last, int[] previous) = _chains.Value;
            if (!last.TryGetValue(GroupOf(key), out int at))
            {
                return;
            }

            int start = result.Count;
            for (; at >= 0; at = previous[at])
            {
                if (EqualityComparer<TKey>.Default.Equals(KeyOf(baseRows[at]), key))
                {
                    result.Add(baseRows[at]);
                }
            }

            // The chain runs from the last row of the group to the first.
            result.Reverse(start, result.Count - start);
        }

        private static (Dictionary<TGroup, int>, int[]) Build(ImmutableArray<TRow> rows, Func<TRow, TKey> keyOf, Func<TKey, TGroup> groupOf)
        {
            var last = new Dictionary<TGroup, int>();
            var previous = new int[rows.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                TGroup group = groupOf(keyOf(rows[i]));
                previous[i] = last.TryGetValue(group, out int before) ? before : -1;
                last[group] = i;
            }

            return (last, previous);
        }
    }
}

/// <summary>The record right rows of a model, edited by share and unshare.</summary>
internal static class RecordRightList
{
    /// <summary>Starts a list whose base is a materialized array; rows are indexed by record.</summary>
    public static EditedRows<RecordRightRow, RecordRightKey, (string, Guid)> Over(ImmutableArray<RecordRightRow> rows) =>
        EditedRows<RecordRightRow, RecordRightKey, (string, Guid)>.Over(rows, RecordRightKey.Of, key => (key.Object.Value, key.Record.Value));
}

/// <summary>The memberships of a model, edited by adding and removing one: the membership is its own key.</summary>
internal static class MembershipList
{
    /// <summary>Starts a list whose base is a materialized array; rows are indexed by user.</summary>
    public static EditedRows<RoleMembership, RoleMembership, UserId> Over(ImmutableArray<RoleMembership> rows) =>
        EditedRows<RoleMembership, RoleMembership, UserId>.Over(rows, row => row, key => key.User);
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
