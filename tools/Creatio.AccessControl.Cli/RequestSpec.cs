namespace Creatio.AccessControl.Cli;

/// <summary>A request as the command line or a test file states it, before it becomes an <see cref="AccessRequest"/>.</summary>
/// <param name="Kind">What is asked.</param>
/// <param name="Object">The object, for every kind but system operations.</param>
/// <param name="Record">The record's GUID text, if any.</param>
/// <param name="Column">The column, for column requests.</param>
/// <param name="Operation">The operation name; for a system operation, its code.</param>
internal sealed record RequestSpec(AccessRequestKind Kind, string? Object, string? Record, string? Column, string Operation)
{
    /// <summary>The kinds as test files name them (matched ignoring case, like every enumerated value).</summary>
    public static readonly IReadOnlyDictionary<string, AccessRequestKind> Kinds = new Dictionary<string, AccessRequestKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["object"] = AccessRequestKind.Object,
        ["record"] = AccessRequestKind.Record,
        ["column"] = AccessRequestKind.Column,
        ["systemOperation"] = AccessRequestKind.SystemOperation,
        ["share"] = AccessRequestKind.Share,
    };

    /// <summary>Builds the request; returns an error message (naming the offending member by <paramref name="name"/>) or
    /// <see langword="null"/>.</summary>
    public string? TryBuild(Func<string, string> name, out AccessRequest request)
    {
        request = default;
        if (Kind == AccessRequestKind.SystemOperation)
        {
            if (Object is not null || Record is not null || Column is not null)
            {
                return $"a system operation request names no {name("object")}, {name("record")} or {name("column")}.";
            }

            request = AccessRequest.ForSystemOperation(Operation);
            return null;
        }

        if (string.IsNullOrWhiteSpace(Object))
        {
            return $"missing {name("object")}.";
        }

        RecordId? record = null;
        if (Record is not null)
        {
            string? error = Values.Record(Record, out RecordId id);
            if (error is not null)
            {
                return $"{name("record")}: {error}";
            }

            record = id;
        }

        if (Kind != AccessRequestKind.Column && Column is not null)
        {
            return $"only a column request names a {name("column")}.";
        }

        switch (Kind)
        {
            case AccessRequestKind.Object:
                {
                    if (record is not null)
                    {
                        return $"an object request names no {name("record")}.";
                    }

                    string? error = Values.Name(Operation, "object operation", out ObjectOperation operation);
                    request = AccessRequest.ForObject(Object, operation);
                    return error is null ? null : $"{name("operation")}: {error}";
                }

            case AccessRequestKind.Record:
            case AccessRequestKind.Share:
                {
                    if (record is not { } id)
                    {
                        return $"a {(Kind == AccessRequestKind.Share ? "share" : "record")} request needs a {name("record")}.";
                    }

                    string? error = Values.Name(Operation, "record operation", out RecordOperation operation);
                    request = Kind == AccessRequestKind.Share
                        ? AccessRequest.ForShare(Object, id, operation)
                        : AccessRequest.ForRecord(Object, id, operation);
                    return error is null ? null : $"{name("operation")}: {error}";
                }

            default:
                {
                    if (string.IsNullOrWhiteSpace(Column))
                    {
                        return $"a column request needs a {name("column")}.";
                    }

                    string? error = Values.Name(Operation, "column operation", out ColumnOperation operation);
                    request = AccessRequest.ForColumn(Object, Column, operation, record);
                    return error is null ? null : $"{name("operation")}: {error}";
                }
        }
    }
}
