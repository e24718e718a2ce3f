using System.Runtime.CompilerServices;

namespace Creatio.AccessControl;

/// <summary>The answer to a request: allowed or denied, the step that decided, the rule that decided it, and why.</summary>
/// <remarks>The <see langword="default"/> value denies. This type is immutable and allocation-free.</remarks>
public readonly struct AccessDecision : IEquatable<AccessDecision>
{
    private readonly Guid _grantee;
    private readonly int _position;
    private readonly bool _hasGrantee;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal AccessDecision(AccessOutcome outcome, AccessStage stage, AccessReason reason)
    {
        Outcome = outcome;
        Stage = stage;
        Reason = reason;
        _position = -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal AccessDecision(AccessOutcome outcome, AccessStage stage, AccessReason reason, AdminUnitId grantee, int position)
    {
        Outcome = outcome;
        Stage = stage;
        Reason = reason;
        _grantee = grantee.Value;
        _hasGrantee = true;
        _position = position;
    }

    /// <summary>Gets whether the request is allowed.</summary>
    public AccessOutcome Outcome { get; }

    /// <summary>Gets the step that decided.</summary>
    public AccessStage Stage { get; }

    /// <summary>Gets why the step decided as it did.</summary>
    public AccessReason Reason { get; }

    /// <summary>Gets a value indicating whether the request is allowed.</summary>
    public bool IsAllowed => Outcome == AccessOutcome.Allow;

    /// <summary>Gets the grantee of the row that decided, when a row decided.</summary>
    public AdminUnitId? Grantee => _hasGrantee ? new AdminUnitId(_grantee) : null;

    /// <summary>Gets the position of the row that decided, when a positioned row decided.</summary>
    public int? Position => _position >= 0 ? _position : null;

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
        _hasGrantee == other._hasGrantee && _grantee == other._grantee && _position == other._position;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AccessDecision other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Outcome, Stage, Reason, _grantee, _position);

    /// <inheritdoc/>
    public override string ToString()
    {
        string rule = _hasGrantee
            ? _position >= 0 ? $" (grantee {_grantee}, position {_position})" : $" (grantee {_grantee})"
            : string.Empty;
        return $"{Outcome} at {Stage}: {Reason}{rule}";
    }
}
