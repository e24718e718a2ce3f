namespace Creatio.AccessControl;

/// <summary>What the model's validation says of the record edits of a batch on records kept in the database, which the
/// model does not hold: the rules it applies to every record and record right row of the model
/// (<see cref="AccessModelValidator.ForDatabaseRecords"/>), with the same messages, codes and ids.</summary>
internal static class DatabaseRecordEdits
{
    /// <summary>The refusal listing the problems of the edits, or <see langword="null"/>.</summary>
    /// <param name="before">The snapshot before the batch.</param>
    /// <param name="edits">The batch's edits.</param>
    /// <param name="records">The records of the object after the batch, of those the batch names.</param>
    public static AccessChangeResult? Validate(AccessSnapshot before, IReadOnlyList<AccessModelEdit> edits, IEnumerable<RecordDefinition> records)
    {
        var existing = new HashSet<RecordId>(records.Select(r => r.Id));
        AccessModelValidator rules = AccessModelValidator.ForDatabaseRecords(before.Model);
        foreach (AccessModelEdit edit in edits)
        {
            switch (edit)
            {
                case PutRecordRightEdit put:
                    rules.CheckDatabaseRecordRightRow(put.Right, existing);
                    break;
                case AddRecordRightEdit add:
                    rules.CheckDatabaseRecordRightRow(add.Right, existing);
                    break;
                case PutRecordEdit record:
                    rules.CheckDatabaseRecord(record.Record);
                    break;
            }
        }

        if (!rules.HasErrors)
        {
            return null;
        }

        AccessModelErrorList errors = rules.Errors;
        return AccessChangeResult.Refused(
            before.Version, AccessChangeRefusal.InvalidModel, $"The records after the changes would be invalid: {errors.TotalCount} problems.", -1, errors: errors);
    }
}
