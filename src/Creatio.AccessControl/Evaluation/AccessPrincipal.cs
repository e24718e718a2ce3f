using System.Runtime.CompilerServices;
using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl;

/// <summary>A user resolved in one snapshot at one instant: the handle every check of a request is asked on.</summary>
/// <remarks>
/// <para>Obtain one from <see cref="AccessSnapshot.GetPrincipal(UserId, DateTimeOffset)"/> or from the evaluator, once
/// per request. It keeps the snapshot it was resolved in, so checks made through it never mix two snapshots.</para>
/// <para>The <see langword="default"/> value, and the principal of an unknown user, are denied everything.
/// This type is immutable and safe for concurrent use.</para>
/// </remarks>
public readonly partial struct AccessPrincipal
{
    private readonly AccessSnapshot? _snapshot;
    private readonly SubjectIndex _subject;

    // For a support session: the grant's index + 1 (0 for an ordinary principal, so that default is one) and why the grant
    // allows nothing, if it does not.
    private readonly int _grant;
    private readonly AccessReason _supportDenial;

    // The subject's packed state (None for an unknown user), copied from the snapshot so that a check does not load it.
    private readonly SubjectState _state;

    // The subject's user ordinal (-1 for an unknown user) and the summary of its E(u), copied for the record step.
    private readonly UserOrdinal _user;
    private readonly RoleSignature _signature;

    // Bit o set when steps 1–3 let object operation o through to step 4 without a word to say: a known, active employee,
    // not a support session, without the super operation of o. 0 for default, an unknown user and every support session,
    // so that those take the full walk of the steps.
    private readonly byte _plainOperations;

    internal AccessPrincipal(AccessSnapshot snapshot, UserId user, SubjectIndex subject)
    {
        _snapshot = snapshot;
        User = user;
        _subject = subject;
        _state = subject.IsKnown ? snapshot.States[subject.Value] : SubjectState.None;
        _user = subject.IsKnown ? snapshot.Roles.UserOf(subject) : new UserOrdinal(-1);
        _signature = subject.IsKnown ? snapshot.Roles.SignatureOf(subject) : default;
        _plainOperations = PlainOperations(_state);
    }

    /// <summary>A user of one subject, from its slot of <see cref="AccessSnapshot.Principals"/>: what the other constructor
    /// reads from four arrays, in one place.</summary>
    internal AccessPrincipal(AccessSnapshot snapshot, UserId user, in AccessPrincipalIndex.Slot slot)
    {
        _snapshot = snapshot;
        User = user;
        _subject = new SubjectIndex(slot.Subject);
        _state = slot.State;
        _user = new UserOrdinal(slot.UserPlusOne - 1);
        _signature = slot.Signature;
        _plainOperations = slot.PlainOperations;
    }

    internal AccessPrincipal(AccessSnapshot snapshot, UserId user, SubjectIndex subject, int grant, AccessReason supportDenial)
        : this(snapshot, user, subject)
    {
        _grant = grant + 1;
        _supportDenial = supportDenial;
        _plainOperations = 0;
    }

    /// <summary>Gets the user.</summary>
    public UserId User { get; }

    /// <summary>Gets a value indicating whether this principal is a support session under a grant.</summary>
    public bool IsSupportSession => _grant > 0 || _supportDenial != AccessReason.None;

    /// <summary>Gets the support grant of a support session, or <see langword="null"/>.</summary>
    public SupportGrantId? SupportGrant => _grant > 0 ? _snapshot!.SupportGrants.Grants[_grant - 1].Definition.Id : null;

    /// <summary>Gets the snapshot the user was resolved in, or <see langword="null"/> for the <see langword="default"/> value.</summary>
    public AccessSnapshot? Snapshot => _snapshot;

    /// <summary>Gets a value indicating whether the snapshot knows the user.</summary>
    public bool IsKnown => _snapshot is not null && _subject.IsKnown;

    /// <summary>Gets a value indicating whether the user is known and active.</summary>
    public bool IsActive => IsKnown && Definition.IsActive;

    /// <summary>Gets a value indicating whether the user is a known portal (external) user.</summary>
    public bool IsExternal => IsKnown && Definition.IsExternal;

    /// <summary>Gets the user's effective roles <c>E(u)</c>: every admin unit whose grants apply to the user.</summary>
    /// <remarks>Empty for an unknown user. Enumerating it allocates nothing.</remarks>
    public EffectiveRoleSet EffectiveRoles => IsKnown ? new EffectiveRoleSet(_snapshot!.Roles, _subject.Value) : default;

    /// <summary>Gets the instant, exclusive, until which <see cref="EffectiveRoles"/> stays as it is because a time-limited
    /// delegation ends then; <see langword="null"/> when no such delegation concerns the user.</summary>
    public DateTimeOffset? EffectiveRolesValidUntil
    {
        get
        {
            if (!IsKnown)
            {
                return null;
            }

            long end = _snapshot!.Roles.SubjectEndsAt[_subject.Value];
            return end == long.MaxValue ? null : new DateTimeOffset(end, TimeSpan.Zero);
        }
    }

    internal int Subject => _subject.Value;

    internal SubjectIndex SubjectIndex => _subject;

    internal int GrantIndex => _grant - 1;

    internal AccessReason SupportDenial => _supportDenial;

    /// <summary>Gets the subject's packed state; <see cref="SubjectState.None"/> for an unknown user.</summary>
    internal SubjectState State => _state;

    private UserDefinition Definition => _snapshot!.Units.Users[_user.Value];

    /// <summary>Whether <paramref name="plainOperations"/> (<see cref="PlainOperations(SubjectState)"/>) holds the object
    /// operation a record operation needs; <see langword="false"/> for an undefined record operation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool PlainOperationFor(byte plainOperations, RecordOperation operation) =>
        OperationEncoding.IsDefined(operation) && (((uint)plainOperations >> (int)OperationEncoding.ToObjectOperation(operation)) & 1) != 0;

    /// <summary>The object operations whose steps 1–3 a subject of <paramref name="state"/> passes without a word to say,
    /// as bit <c>o</c> for operation <c>o</c>: none unless the subject is an active employee (not external), then those
    /// whose super operation it does not hold.</summary>
    /// <param name="state">The subject's state; <see cref="SubjectState.None"/> for an unknown user.</param>
    internal static byte PlainOperations(SubjectState state) =>
        (state & (SubjectState.Active | SubjectState.External)) == SubjectState.Active
            ? unchecked((byte)((~(int)state >> 4) & 0xF))
            : (byte)0;

    /// <summary>Whether an admin unit is among the user's effective roles.</summary>
    /// <param name="unit">The admin unit.</param>
    /// <returns><see langword="true"/> if the unit's grants apply to the user; <see langword="false"/> for an unknown unit or user.</returns>
    public bool HasEffectiveRole(AdminUnitId unit) =>
        IsKnown && _snapshot!.TryGetUnit(unit, out int index) && _snapshot.Roles.Contains(_subject, new UnitIndex(index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool HasUnit(int unit) => _snapshot!.Roles.Contains(_subject, new UnitIndex(unit));

    /// <inheritdoc/>
    public override string ToString() => IsKnown ? $"{User} (snapshot {_snapshot!.Version})" : $"{User} (unknown)";
}
