using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl.Tests.Evaluation;

/// <summary>The one encoding of operations in compiled tables and checks.</summary>
public sealed class OperationEncodingTests
{
    [Theory]
    [InlineData(RecordOperation.Read, ObjectOperation.Read)]
    [InlineData(RecordOperation.Edit, ObjectOperation.Edit)]
    [InlineData(RecordOperation.Delete, ObjectOperation.Delete)]
    public void ToObjectOperation_RecordOperation_TheObjectOperationItNeeds(RecordOperation operation, ObjectOperation expected) =>
        Assert.Equal(expected, OperationEncoding.ToObjectOperation(operation));

    [Theory]
    [InlineData(ColumnOperation.Read, ObjectOperation.Read, RecordOperation.Read)]
    [InlineData(ColumnOperation.Edit, ObjectOperation.Edit, RecordOperation.Edit)]
    public void ColumnOperation_NeedsTheObjectAndRecordOperationOfItsKind(ColumnOperation operation, ObjectOperation objectOperation, RecordOperation recordOperation)
    {
        Assert.Equal(objectOperation, OperationEncoding.ToObjectOperation(operation));
        Assert.Equal(recordOperation, OperationEncoding.ToRecordOperation(operation));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void OutOfRangeRecordOrColumnOperation_NeverAValidObjectOperation(int value)
    {
        Assert.False(OperationEncoding.IsDefined((RecordOperation)value));
        Assert.False(OperationEncoding.IsDefined(OperationEncoding.ToObjectOperation((RecordOperation)value)));
        Assert.False(OperationEncoding.IsDefined(OperationEncoding.ToObjectOperation((ColumnOperation)value)));
    }

    [Fact]
    public void IsDefined_ExactlyTheEnumsValues()
    {
        foreach (int value in new[] { int.MinValue, -1, 0, 1, 2, 3, 4, 5, 255, int.MaxValue })
        {
            Assert.Equal(Enum.IsDefined((ObjectOperation)value), OperationEncoding.IsDefined((ObjectOperation)value));
            Assert.Equal(Enum.IsDefined((RecordOperation)value), OperationEncoding.IsDefined((RecordOperation)value));
            Assert.Equal(Enum.IsDefined((ColumnOperation)value), OperationEncoding.IsDefined((ColumnOperation)value));
        }
    }

    [Fact]
    public void ObjectOperationBits_AreThePublicFlags()
    {
        Assert.Equal(ObjectOperations.Read, OperationEncoding.Flag(ObjectOperation.Read));
        Assert.Equal(ObjectOperations.Create, OperationEncoding.Flag(ObjectOperation.Create));
        Assert.Equal(ObjectOperations.Edit, OperationEncoding.Flag(ObjectOperation.Edit));
        Assert.Equal(ObjectOperations.Delete, OperationEncoding.Flag(ObjectOperation.Delete));
    }

    [Fact]
    public void Super_OneStateBitPerObjectOperationInOrder()
    {
        Assert.Equal(
            [SubjectState.SuperRead, SubjectState.SuperCreate, SubjectState.SuperEdit, SubjectState.SuperDelete],
            Enum.GetValues<ObjectOperation>().Select(OperationEncoding.Super));
    }

    [Theory]
    [InlineData(RecordOperation.Read, RecordRightLevel.Deny, 0, 0)]
    [InlineData(RecordOperation.Edit, RecordRightLevel.Allow, 0b010, 0)]
    [InlineData(RecordOperation.Delete, RecordRightLevel.AllowAndGrant, 0b100, 0b100)]
    public void RightMask_AllowAndGrantApart_AndAskedFindsEach(RecordOperation operation, RecordRightLevel level, int allow, int grant)
    {
        ushort masks = OperationEncoding.RightMask(operation, level);
        int bit = OperationEncoding.Bit(operation);

        Assert.Equal((allow, grant), (OperationEncoding.AllowOf(masks), OperationEncoding.GrantOf(masks)));
        Assert.Equal(allow != 0, (masks & OperationEncoding.Asked(bit, grant: false)) != 0);
        Assert.Equal(grant != 0, (masks & OperationEncoding.Asked(bit, grant: true)) != 0);
        Assert.Equal(0b111, OperationEncoding.AllRecordOperations);
    }
}
