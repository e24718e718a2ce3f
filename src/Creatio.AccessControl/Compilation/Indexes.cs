using System.Runtime.CompilerServices;

namespace Creatio.AccessControl.Compilation;

// The kinds of index the read side passes around, each its own type so that a call cannot swap them. Each wraps one int
// and costs what the int costs. A negative value means "none" where a lookup can fail.

/// <summary>A subject: one user over one interval of delegations, a row of <see cref="EffectiveRoleTable"/>.</summary>
/// <param name="Value">The index; -1 for an unknown user.</param>
internal readonly record struct SubjectIndex(int Value)
{
    /// <summary>Gets the subject of an unknown user.</summary>
    public static SubjectIndex None => new(-1);

    /// <summary>Gets a value indicating whether this is a subject (not <see cref="None"/>).</summary>
    public bool IsKnown
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Value >= 0;
    }
}

/// <summary>An admin unit (roles first, then users) in <see cref="UnitTable"/>.</summary>
/// <param name="Value">The index.</param>
internal readonly record struct UnitIndex(int Value);

/// <summary>A user among the users of <see cref="UnitTable"/>, as record headers name authors and owners.</summary>
/// <param name="Value">The ordinal; -1 for an unknown user.</param>
internal readonly record struct UserOrdinal(int Value);

/// <summary>An object in <see cref="AccessSnapshot.Objects"/>.</summary>
/// <param name="Value">The index; -1 for an unknown object.</param>
internal readonly record struct ObjectIndex(int Value)
{
    /// <summary>Gets the index of an unknown object.</summary>
    public static ObjectIndex None => new(-1);

    /// <summary>Gets a value indicating whether this is an object (not <see cref="None"/>).</summary>
    public bool IsKnown
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Value >= 0;
    }
}

/// <summary>A record of one object's <see cref="CompiledRecords"/>.</summary>
/// <param name="Value">The index; -1 when the object has no such record.</param>
internal readonly record struct RecordIndex(int Value)
{
    /// <summary>Gets a value indicating whether the record was found.</summary>
    public bool IsFound
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Value >= 0;
    }
}

/// <summary>A row of a <see cref="FirstMatchRows"/> table, by position.</summary>
/// <param name="Value">The index; -1 when no row matches.</param>
internal readonly record struct RowIndex(int Value)
{
    /// <summary>Gets a value indicating whether a row matched.</summary>
    public bool Matches
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Value >= 0;
    }
}
