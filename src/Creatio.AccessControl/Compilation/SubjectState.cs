namespace Creatio.AccessControl.Compilation;

/// <summary>What the first steps of every check need about a subject, packed in one byte so that they cost one read.</summary>
[Flags]
internal enum SubjectState : byte
{
    None = 0,
    Active = 1,
    External = 2,

    /// <summary>The subject holds the super operation of <see cref="ObjectOperation.Read"/>; the next three bits follow
    /// <see cref="ObjectOperation"/> in order.</summary>
    SuperRead = 1 << 4,
    SuperCreate = 1 << 5,
    SuperEdit = 1 << 6,
    SuperDelete = 1 << 7,
}
