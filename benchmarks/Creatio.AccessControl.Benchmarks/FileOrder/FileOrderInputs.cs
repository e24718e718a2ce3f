using Creatio.AccessControl.Benchmarks.Workload;

namespace Creatio.AccessControl.Benchmarks.FileOrder;

/// <summary>The workload's check streams in file order, as the arguments each measured call takes: dense numbers for the
/// resolved paths and the baselines, user Guids, object names and record ids for the paths a request takes.</summary>
/// <remarks>Expected answers are bytes, 1 allow and 0 deny, so a loop counts mismatches without a branch. The pages of
/// <see cref="PageSize"/> ids are the record check stream cut in runs of <see cref="PageSize"/>: page <c>p</c> is asked by
/// the user and on the object of check <c>p * PageSize</c>, and holds the records of checks <c>p * PageSize</c> … taken in
/// that object; its expected answers come from the answer table (itself checked against every expected answer of the
/// file).</remarks>
internal sealed class FileOrderInputs
{
    public const int PageSize = 50;

    public FileOrderInputs(ReferenceWorkloadModel model, AnswerTable answers)
    {
        ReferenceWorkload w = model.Workload;
        int ops = w.OpCheckUser.Length;
        OpUser = w.OpCheckUser;
        OpPair = new int[ops];
        OpOperation = new ObjectOperation[ops];
        OpUserId = new UserId[ops];
        OpName = new ObjectName[ops];
        OpExpected = new byte[ops];
        for (int i = 0; i < ops; i++)
        {
            OpPair[i] = (w.OpCheckObject[i] * 4) + w.OpCheckOperation[i];
            OpOperation[i] = ReferenceWorkloadModel.ToObjectOperation(w.OpCheckOperation[i]);
            OpUserId[i] = model.UserIds[w.OpCheckUser[i]];
            OpName[i] = model.OperationObjects[OpPair[i]];
            OpExpected[i] = w.OpCheckExpected[i] ? (byte)1 : (byte)0;
        }

        int records = w.RecordCheckUser.Length;
        RecordUser = w.RecordCheckUser;
        RecordObject = w.RecordCheckObject;
        RecordDense = new int[records];
        RecordIds = new RecordId[records];
        RecordUserId = new UserId[records];
        RecordName = new ObjectName[records];
        RecordExpected = new byte[records];
        for (int i = 0; i < records; i++)
        {
            RecordDense[i] = (w.RecordCheckObject[i] * w.RecordsPerObject) + w.RecordCheckRecord[i];
            RecordIds[i] = model.RecordIds[RecordDense[i]];
            RecordUserId[i] = model.UserIds[w.RecordCheckUser[i]];
            RecordName[i] = model.RecordObjects[w.RecordCheckObject[i]];
            RecordExpected[i] = w.RecordCheckExpected[i] ? (byte)1 : (byte)0;
        }

        int pages = records / PageSize;
        PageUserId = new UserId[pages];
        PageName = new ObjectName[pages];
        PageRecords = new RecordId[pages * PageSize];
        PageExpected = new byte[pages * PageSize];
        for (int p = 0; p < pages; p++)
        {
            int first = p * PageSize;
            int user = w.RecordCheckUser[first];
            int obj = w.RecordCheckObject[first];
            PageUserId[p] = model.UserIds[user];
            PageName[p] = model.RecordObjects[obj];
            for (int j = first; j < first + PageSize; j++)
            {
                int dense = (obj * w.RecordsPerObject) + w.RecordCheckRecord[j];
                PageRecords[j] = model.RecordIds[dense];
                PageExpected[j] = AnswerTable.Bit(answers.RecordBits, ((long)user * answers.RecordKeys) + dense) ? (byte)1 : (byte)0;
            }
        }
    }

    public int[] OpUser { get; }

    /// <summary>Gets the (object, operation) pair of each object check, <c>object * 4 + operation</c>.</summary>
    public int[] OpPair { get; }

    public ObjectOperation[] OpOperation { get; }

    public UserId[] OpUserId { get; }

    public ObjectName[] OpName { get; }

    public byte[] OpExpected { get; }

    public int[] RecordUser { get; }

    public int[] RecordObject { get; }

    /// <summary>Gets the dense record of each record check, <c>object * RecordsPerObject + record</c>.</summary>
    public int[] RecordDense { get; }

    public RecordId[] RecordIds { get; }

    public UserId[] RecordUserId { get; }

    public ObjectName[] RecordName { get; }

    public byte[] RecordExpected { get; }

    public UserId[] PageUserId { get; }

    public ObjectName[] PageName { get; }

    public RecordId[] PageRecords { get; }

    public byte[] PageExpected { get; }
}
