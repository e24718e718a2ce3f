using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl;

/// <summary>An object resolved in one snapshot: what the checks of a request on that object are asked with.</summary>
/// <remarks>
/// <para>Obtain one from <see cref="AccessSnapshot.GetObject(ObjectName)"/> once per request and pass it to
/// <see cref="AccessPrincipal.CheckObject(in AccessObject, ObjectOperation)"/>,
/// <see cref="AccessPrincipal.CheckRecord(in AccessObject, RecordId, RecordOperation)"/> or
/// <see cref="AccessPrincipal.CheckColumn(in AccessObject, ColumnName, ColumnOperation)"/>: a check then does not look the
/// object's name up again. The decisions are those of the overloads that take an <see cref="ObjectName"/>.</para>
/// <para>It is valid only with principals of the snapshot that resolved it: with a principal of another snapshot every
/// check is a deny with <see cref="AccessReason.ObjectFromAnotherSnapshot"/>. The <see langword="default"/> value, and the
/// object of an unknown name, are denied with <see cref="AccessReason.UnknownObject"/>.
/// This type is immutable and safe for concurrent use.</para>
/// </remarks>
public readonly struct AccessObject
{
    private readonly AccessSnapshot? _snapshot;
    private readonly CompiledObject? _compiled;
    private readonly int _index;

    // What the object and record steps read first, copied out of the compiled object so that a check starts one load
    // nearer its answer.
    private readonly FirstMatchRows? _rows;
    private readonly ulong[]? _answers;
    private readonly int _answerWords;
    private readonly byte[]? _grantedBySystemOperations;
    private readonly CompiledRecords? _records;

    // The answers when they alone decide step 4 (no system operation grants access to the object), else null.
    private readonly ulong[]? _plainAnswers;

    // The records when, for an active employee without super operations, the record step alone decides a record request:
    // the object uses record permissions and not operation permissions (so the object step allows every operation).
    private readonly CompiledRecords? _plainRecords;

    internal AccessObject(AccessSnapshot snapshot, ObjectName name, CompiledObject? compiled, int index)
    {
        _snapshot = snapshot;
        Name = name;
        _compiled = compiled;
        _index = index;
        _rows = compiled?.Rows;
        _answers = compiled?.Answers?.Bits;
        _answerWords = compiled?.Answers?.WordsPerOperation ?? 0;
        _grantedBySystemOperations = compiled?.GrantedBySystemOperations;
        _records = compiled?.Records;
        _plainRecords = compiled?.PlainRecords;
        _plainAnswers = compiled?.PlainAnswers;
    }

    /// <summary>Gets the object's name, as it was asked for.</summary>
    public ObjectName Name { get; }

    /// <summary>Gets the snapshot the object was resolved in, or <see langword="null"/> for the <see langword="default"/> value.</summary>
    public AccessSnapshot? Snapshot => _snapshot;

    /// <summary>Gets a value indicating whether the snapshot knows the object.</summary>
    public bool IsKnown => _compiled is not null;

    /// <summary>Gets the object's definition in the snapshot's model (its switches, such as
    /// <see cref="ObjectDefinition.KeepsRecordsInDatabase"/>, and its declared columns), or <see langword="null"/> when the
    /// snapshot does not know the object.</summary>
    /// <remarks>Found without looking the name up again: the definition the snapshot compiled.</remarks>
    public ObjectDefinition? Definition => _compiled?.Definition;

    /// <summary>Gets the compiled object, or <see langword="null"/> when the snapshot does not know it.</summary>
    internal CompiledObject? Compiled => _compiled;

    /// <summary>Gets <see cref="CompiledObject.Rows"/> of the compiled object.</summary>
    internal FirstMatchRows? Rows => _rows;

    /// <summary>Gets the <see cref="ObjectAnswers.Bits"/> of the compiled object's answers, or <see langword="null"/> when
    /// it has none.</summary>
    internal ulong[]? Answers => _answers;

    /// <summary>Gets <see cref="Answers"/> when they alone decide step 4 (no system operation grants access to the object),
    /// or <see langword="null"/>.</summary>
    internal ulong[]? PlainAnswers => _plainAnswers;

    /// <summary>Gets the <see cref="ObjectAnswers.WordsPerOperation"/> of the compiled object's answers.</summary>
    internal int AnswerWords => _answerWords;

    /// <summary>Gets <see cref="CompiledObject.GrantedBySystemOperations"/> of the compiled object.</summary>
    internal byte[]? GrantedBySystemOperations => _grantedBySystemOperations;

    /// <summary>Gets <see cref="CompiledObject.Records"/> of the compiled object, or <see langword="null"/>.</summary>
    internal CompiledRecords? Records => _records;

    /// <summary>Gets <see cref="CompiledObject.PlainRecords"/> of the compiled object: its records when the record step alone
    /// decides a record request of an active employee without super operations, else <see langword="null"/>.</summary>
    internal CompiledRecords? PlainRecords => _plainRecords;

    /// <summary>Gets the object's index in <see cref="AccessSnapshot.Objects"/>, or <see cref="ObjectIndex.None"/>.</summary>
    internal ObjectIndex Index => _compiled is null ? ObjectIndex.None : new ObjectIndex(_index);

    /// <inheritdoc/>
    public override string ToString() =>
        _snapshot is null ? $"{Name} (unresolved)" : IsKnown ? $"{Name} (snapshot {_snapshot.Version})" : $"{Name} (unknown)";
}
