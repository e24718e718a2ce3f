namespace Creatio.AccessControl;

/// <summary>What the model's validation would say of the record edits of a batch on records kept in the database, which the
/// model does not hold: the units, users and support grants they name are defined, their values are.</summary>
internal static class DatabaseRecordEdits
{
    /// <summary>The refusal listing the problems of the edits, or <see langword="null"/>.</summary>
    /// <param name="before">The snapshot before the batch.</param>
    /// <param name="edits">The batch's edits.</param>
    /// <param name="records">The records of the object after the batch, of those the batch names.</param>
    public static AccessChangeResult? Validate(AccessSnapshot before, IReadOnlyList<AccessModelEdit> edits, IEnumerable<RecordDefinition> records)
    {
        var existing = new HashSet<RecordId>(records.Select(r => r.Id));
        var errors = new List<AccessModelError>();
        ModelIndex index = before.Model.Index;
        foreach (AccessModelEdit edit in edits)
        {
            switch (edit)
            {
                case PutRecordRightEdit put:
                    Right(put.Right, index, existing, errors);
                    break;
                case AddRecordRightEdit add:
                    Right(add.Right, index, existing, errors);
                    break;
                case PutRecordEdit record:
                    Record(record.Record, before.Model, errors);
                    break;
            }
        }

        return errors.Count == 0
            ? null
            : AccessChangeResult.Refused(
                before.Version, AccessChangeRefusal.InvalidModel, $"The records after the changes would be invalid: {errors.Count} problems.", -1, errors: errors);
    }

    private static void Right(RecordRightRow row, ModelIndex index, HashSet<RecordId> existing, List<AccessModelError> errors)
    {
        if (!existing.Contains(row.Record))
        {
            errors.Add(new(AccessModelErrorCode.DanglingReference, $"The right of `{row.Grantee}` to {row.Operation} record `{row.Record}` of `{row.Object}` names a record that does not exist.", [row.Object.ToString(), row.Record.ToString()]));
        }

        if (!index.Units.Contains(row.Grantee.Value))
        {
            errors.Add(new(AccessModelErrorCode.DanglingReference, $"The right to {row.Operation} record `{row.Record}` of `{row.Object}` is granted to `{row.Grantee}`, which is not a defined admin unit.", [row.Record.ToString(), row.Grantee.ToString()]));
        }

        Defined(row.Operation, row, errors);
        Defined(row.Level, row, errors);
        Defined(row.Source, row, errors);
    }

    private static void Defined<TEnum>(TEnum value, RecordRightRow row, List<AccessModelError> errors)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add(new(AccessModelErrorCode.InvalidValue, $"The right of `{row.Grantee}` on record `{row.Record}` of `{row.Object}` has {typeof(TEnum).Name} `{value}`, which is not defined.", [value.ToString()]));
        }
    }

    private static void Record(RecordDefinition record, AccessModel model, List<AccessModelError> errors)
    {
        if (record.Id.Value == Guid.Empty)
        {
            errors.Add(new(AccessModelErrorCode.InvalidValue, $"A record of `{record.Object}` has the id `{Guid.Empty}`; ids must not be the empty GUID.", [Guid.Empty.ToString()]));
        }

        foreach ((UserId? user, string role) in new[] { (record.Author, "author"), (record.Owner, "owner") })
        {
            if (user is { } id && !model.Index.Users.ContainsKey(new AdminUnitId(id.Value)))
            {
                errors.Add(new(AccessModelErrorCode.DanglingReference, $"Record `{record.Id}` of `{record.Object}` has {role} `{id}`, which is not a defined user.", [record.Id.ToString(), id.ToString()]));
            }
        }

        if (record.CreatedInSupportGrant is { } grant && !model.SupportGrants.Any(g => g.Id == grant))
        {
            errors.Add(new(AccessModelErrorCode.DanglingReference, $"Record `{record.Id}` of `{record.Object}` was created in support grant `{grant}`, which is not defined.", [record.Id.ToString(), grant.ToString()]));
        }
    }
}
