using System.Runtime.CompilerServices;
using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl;

/// <summary>The answer to a request: allowed or denied, the step that decided, the rule that decided it, and why.</summary>
/// <remarks>The <see langword="default"/> value denies. This type is immutable and allocation-free: 16 bytes that name the
/// deciding rule by its place in the snapshot's tables, read only when <see cref="Grantee"/> or <see cref="Position"/> is
/// asked for (and, for the object step, <see cref="Reason"/>). Keeping a decision therefore keeps that table of its
/// snapshot reachable.</remarks>
public readonly struct AccessDecision : IEquatable<AccessDecision>
{
    // The rule that decided: a row of a RowEntry[] (grantee and position), a unit of an AdminUnitId[] (grantee only), or
    // null for none.
    private readonly object? _rule;

    // Outcome, stage and reason in the low three bytes, RowReason in the fourth, the rule's index in the high four: two
    // fields, so that the JIT keeps a decision in two registers instead of assembling it in memory byte by byte.
    private readonly ulong _state;

    // Set in _state when the reason is the object rows' (_rule is a FirstMatchRows, the index a subject): ObjectRowAllows
    // when the outcome is Allow, else ObjectRowDenies or NoMatchingObjectRow as the subject's deciding row says, looked up
    // when the reason is read. An object check reads one answer bit, which does not tell the two denies apart.
    private const ulong RowReason = 1UL << 24;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal AccessDecision(AccessOutcome outcome, AccessStage stage, AccessReason reason)
    {
        _state = Pack(outcome, stage, reason, 0);
    }

    /// <summary>A decision by a row: its grantee and its position (none when negative) are the row's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal AccessDecision(AccessOutcome outcome, AccessStage stage, AccessReason reason, RowEntry[] rows, int row)
    {
        _rule = rows;
        _state = Pack(outcome, stage, reason, row);
    }

    /// <summary>The object step's decision from a subject's answer bit (<see cref="ObjectAnswers.Of(int, ObjectOperation)"/>:
    /// 1 when the deciding row allows), built without a branch: a branch on an answer just loaded from memory is
    /// mispredicted half the time on a server's mix of checks, and each miss throws away the loads of the checks after it.
    /// The rows are named by the subject; the deciding row, and with it the reason of a deny, is looked up only when the
    /// reason, grantee or position is asked for.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static AccessDecision OfObjectAnswer(int allows, FirstMatchRows rows, SubjectIndex subject) =>
        new(rows, unchecked((ulong)(uint)allows | ((ulong)AccessStage.Object << 8) | RowReason | ((ulong)(uint)subject.Value << 32)));

    /// <summary>A decision by an admin unit without a position (a record right, an author or owner, a manager).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal AccessDecision(AccessOutcome outcome, AccessStage stage, AccessReason reason, AdminUnitId[] units, int unit)
    {
        _rule = units;
        _state = Pack(outcome, stage, reason, unit);
    }

    private AccessDecision(object? rule, ulong state)
    {
        _rule = rule;
        _state = state;
    }

    /// <summary>Gets whether the request is allowed.</summary>
    public AccessOutcome Outcome => (AccessOutcome)unchecked((byte)_state);

    /// <summary>Gets the step that decided.</summary>
    public AccessStage Stage => (AccessStage)unchecked((byte)(_state >> 8));

    /// <summary>Gets why the step decided as it did.</summary>
    public AccessReason Reason => (_state & RowReason) == 0 ? (AccessReason)unchecked((byte)(_state >> 16)) : ObjectRowReason();

    private int Index => unchecked((int)(_state >> 32));

    /// <summary>Gets a value indicating whether the request is allowed.</summary>
    public bool IsAllowed => Outcome == AccessOutcome.Allow;

    /// <summary>Gets the grantee of the row that decided, when a row decided.</summary>
    public AdminUnitId? Grantee => _rule switch
    {
        RowEntry[] rows => new AdminUnitId(rows[Index].Grantee),
        FirstMatchRows rows => rows.DecidingRow(Index) is >= 0 and int row ? new AdminUnitId(rows.Entries[row].Grantee) : null,
        AdminUnitId[] units => units[Index],
        _ => null,
    };

    /// <summary>Gets the position of the row that decided, when a positioned row decided.</summary>
    public int? Position => Row is { Position: >= 0 } row ? row.Position : null;

    /// <summary>Gets the row that decided, when a row decided.</summary>
    private RowEntry? Row => _rule switch
    {
        RowEntry[] rows => rows[Index],
        FirstMatchRows rows => rows.DecidingRow(Index) is >= 0 and int row ? rows.Entries[row] : null,
        _ => null,
    };

    /// <summary>The reason of an object step's decision from an answer bit: the row allows, denies, or none matches.</summary>
    private AccessReason ObjectRowReason() =>
        Outcome == AccessOutcome.Allow ? AccessReason.ObjectRowAllows
        : ((FirstMatchRows)_rule!).DecidingRow(Index) >= 0 ? AccessReason.ObjectRowDenies
        : AccessReason.NoMatchingObjectRow;

    /// <summary>Returns the decision of another step or reason that the same rule decided.</summary>
    internal AccessDecision As(AccessOutcome outcome, AccessStage stage, AccessReason reason) =>
        new(_rule, Pack(outcome, stage, reason, Index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Pack(AccessOutcome outcome, AccessStage stage, AccessReason reason, int index) =>
        (byte)outcome | ((ulong)(byte)stage << 8) | ((ulong)(byte)reason << 16) | ((ulong)unchecked((uint)index) << 32);

    internal static AccessDecision Deny(AccessStage stage, AccessReason reason) => new(AccessOutcome.Deny, stage, reason);

    internal static AccessDecision Allow(AccessStage stage, AccessReason reason) => new(AccessOutcome.Allow, stage, reason);

    /// <summary>Compares two decisions.</summary>
    /// <param name="left">The first decision.</param>
    /// <param name="right">The second decision.</param>
    /// <returns><see langword="true"/> if they are equal.</returns>
    public static bool operator ==(AccessDecision left, AccessDecision right) => left.Equals(right);

    /// <summary>Compares two decisions.</summary>
    /// <param name="left">The first decision.</param>
    /// <param name="right">The second decision.</param>
    /// <returns><see langword="true"/> if they differ.</returns>
    public static bool operator !=(AccessDecision left, AccessDecision right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(AccessDecision other) =>
        Outcome == other.Outcome && Stage == other.Stage && Reason == other.Reason &&
        Grantee == other.Grantee && Position == other.Position;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AccessDecision other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Outcome, Stage, Reason, Grantee, Position);

    /// <inheritdoc/>
    public override string ToString()
    {
        string rule = Grantee is { } grantee
            ? Position is { } position ? $" (grantee {grantee.Value}, position {position})" : $" (grantee {grantee.Value})"
            : string.Empty;
        return $"{Outcome} at {Stage}: {Reason}{rule}";
    }
}
