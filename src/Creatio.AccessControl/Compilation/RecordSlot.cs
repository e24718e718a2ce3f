namespace Creatio.AccessControl.Compilation;

/// <summary>What the record step reads about one record, together: author, owner, and where its rights are.</summary>
/// <param name="Author">The author's user ordinal, or -1.</param>
/// <param name="Owner">The owner's user ordinal, or -1.</param>
/// <param name="RightStart">The first of the record's merged rights.</param>
/// <param name="RightEnd">One past the last of them.</param>
/// <param name="ImplicitStart">The first of the record's implicit manager units.</param>
/// <param name="ImplicitEnd">One past the last of them.</param>
internal readonly record struct RecordSlot(int Author, int Owner, int RightStart, int RightEnd, int ImplicitStart, int ImplicitEnd);
