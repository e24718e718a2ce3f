using System.Runtime.InteropServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>The part of a record the record step reads before its rights: 32 bytes that its rights follow directly in
/// <see cref="CompiledRecords"/>.</summary>
/// <param name="Id">The record's id.</param>
/// <param name="Author">The author's user ordinal, or -1.</param>
/// <param name="Owner">The owner's user ordinal, or -1.</param>
/// <param name="RightCount">The number of rights that follow.</param>
/// <param name="Ordinal">The record's place among the object's records, by id.</param>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct RecordHeader(Guid Id, int Author, int Owner, int RightCount, int Ordinal)
{
    /// <summary>The number of 8-byte cells a header takes.</summary>
    public const int Cells = 4;
}
