using System.Collections.Frozen;

namespace Creatio.AccessControl.Compilation;

/// <summary>Everything a check needs about one object, precomputed.</summary>
internal sealed class CompiledObject
{
    public CompiledObject(
        ObjectDefinition definition,
        FirstMatchRows? rows,
        byte[]? grantedBySystemOperations,
        FrozenDictionary<string, int> columnIndex,
        CompiledColumn[] columns,
        CompiledRecords records,
        ObjectAnswers? answers = null)
    {
        Definition = definition;
        Rows = rows;
        GrantedBySystemOperations = grantedBySystemOperations;
        ColumnIndex = columnIndex;
        Columns = columns;
        Records = records;
        UseRecordPermissions = definition.UseRecordPermissions;
        Answers = rows is null ? null : answers is not null && ReferenceEquals(answers.Rows, rows) ? answers : ObjectAnswers.Create(rows);
        PlainAnswers = grantedBySystemOperations is null ? Answers?.Bits : null;
        PlainRecords = rows is null && UseRecordPermissions ? records : null;
        AnswerWords = Answers?.WordsPerOperation ?? 0;
    }

    public ObjectDefinition Definition { get; }

    /// <summary>Gets <see cref="ObjectDefinition.UseRecordPermissions"/>, kept here so that the record step does not load
    /// the definition.</summary>
    public bool UseRecordPermissions { get; }

    /// <summary>Gets the operation rows (value: <see cref="ObjectOperations"/>), or <see langword="null"/> when the object does
    /// not use operation permissions.</summary>
    public FirstMatchRows? Rows { get; }

    /// <summary>Gets what <see cref="Rows"/> answer for every subject and operation, or <see langword="null"/> when there are
    /// no rows or they keep some subjects apart (the object step then reads the deciding rows).</summary>
    public ObjectAnswers? Answers { get; }

    /// <summary>Gets the <see cref="ObjectAnswers.Bits"/> of <see cref="Answers"/> when they alone decide the object step (no
    /// system operation grants access to this object), or <see langword="null"/>: what a check by name reads where the name
    /// lookup lands.</summary>
    public ulong[]? PlainAnswers { get; }

    /// <summary>Gets <see cref="Records"/> when the record step alone decides a record request of an active employee
    /// without super operations (the object uses record permissions and not operation permissions, so the object step
    /// allows every operation), or <see langword="null"/>.</summary>
    public CompiledRecords? PlainRecords { get; }

    /// <summary>Gets the <see cref="ObjectAnswers.WordsPerOperation"/> of <see cref="Answers"/>, or 0.</summary>
    public int AnswerWords { get; }

    /// <summary>Gets, per subject, the object operations granted by the system operations the subject is allowed;
    /// <see langword="null"/> when no system operation grants access to this object.</summary>
    public byte[]? GrantedBySystemOperations { get; }

    public FrozenDictionary<string, int> ColumnIndex { get; }

    public CompiledColumn[] Columns { get; }

    public CompiledRecords Records { get; }

    /// <summary>Returns this object with other operation rows.</summary>
    public CompiledObject WithRows(FirstMatchRows? rows) => new(Definition, rows, GrantedBySystemOperations, ColumnIndex, Columns, Records);

    /// <summary>Returns this object with other record tables.</summary>
    public CompiledObject WithRecords(CompiledRecords records) => new(Definition, Rows, GrantedBySystemOperations, ColumnIndex, Columns, records, Answers);
}
