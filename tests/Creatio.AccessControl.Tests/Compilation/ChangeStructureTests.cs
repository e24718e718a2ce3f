using System.Collections.Immutable;
using Creatio.AccessControl.Compilation;
using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Compilation;

/// <summary>The structures that let an administration change cost what it touches (issue 15): an object's operation rows
/// replaced beside the other objects' rows, and per-user arrays copied a page at a time.</summary>
public sealed class ChangeStructureTests
{
    private static readonly RoleId s_role = Ids.Role("r");

    [Fact]
    public void ObjectRowEdits_ReplacingObjects_MaterializesOthersInOrderThenReplacedByLastReplacement()
    {
        ImmutableArray<ObjectOperationRow> rows = [Row("A", 0), Row("B", 0), Row("A", 1), Row("C", 0), Row("B", 1)];
        ObjectRowEdits list = ObjectRowEdits.Over(rows);

        ObjectRowEdits edited = list.Replace("A", [Row("A", 5)]).Replace("B", []).Replace("A", [Row("A", 7), Row("A", 8)]).Replace("D", [Row("D", 0)]);

        Assert.Equal(["C0", "A7", "A8", "D0"], edited.Materialize().Select(Text));
        Assert.Same(edited.Materialize().ToArray()[0], rows[3]);
        Assert.Equal(["A0", "B0", "A1", "C0", "B1"], list.Materialize().Select(Text));
    }

    [Fact]
    public void ObjectRowEdits_ManyReplacements_GiveWhatReplacingInAnArrayGives()
    {
        ObjectRowEdits list = ObjectRowEdits.Over([.. Enumerable.Range(0, 40).Select(i => Row($"O{i % 7}", i))]);
        List<ObjectOperationRow> expected = [.. list.Materialize()];
        for (int i = 0; i < 600; i++)
        {
            string name = $"O{(i * 5) % 11}";
            ObjectOperationRow[] replacement = [.. Enumerable.Range(0, i % 3).Select(p => Row(name, (i * 3) + p))];
            list = list.Replace(name, [.. replacement]);
            expected.RemoveAll(r => r.Object == name);
            expected.AddRange(replacement);
            if (i % 50 == 0)
            {
                Assert.Equal(expected.Select(Text), list.Materialize().Select(Text));
            }
        }

        Assert.Equal(expected.Select(Text), list.Materialize().Select(Text));
    }

    [Fact]
    public void PagedArray_With_ChangesOneElementOfACopyAcrossPages()
    {
        int[] items = [.. Enumerable.Range(0, 3000)];
        var array = new PagedArray<int>(items);

        PagedArray<int> changed = array.With(1024, -1).With(2999, -2).With(0, -3);

        Assert.Equal(3000, changed.Length);
        Assert.Equal(items, Enumerable.Range(0, array.Length).Select(i => array[i]));
        Assert.Equal(
            items.Select(i => i switch { 0 => -3, 1024 => -1, 2999 => -2, _ => i }),
            Enumerable.Range(0, changed.Length).Select(i => changed[i]));
        Assert.Throws<ArgumentOutOfRangeException>(() => array.With(3000, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => array.With(-1, 1));
        Assert.Equal(0, new PagedArray<int>([]).Length);
    }

    private static ObjectOperationRow Row(string objectName, int position) => new(objectName, s_role, position, ObjectOperations.Read);

    private static string Text(ObjectOperationRow row) => $"{row.Object}{row.Position}";
}
