namespace Creatio.AccessControl.Serialization;

/// <summary>What <see cref="PolicyDocumentChecker"/> found in a document: the problems of its shape, and what to leave
/// out of it so that the rest can be read and its references checked in the same pass.</summary>
internal sealed class PolicyDocumentCheck
{
    public PolicyDocumentCheck(IReadOnlyList<AccessModelError> errors, bool readRest, long[] unreadable)
    {
        Errors = errors;
        ReadRest = readRest;
        Unreadable = unreadable;
    }

    /// <summary>Gets the problems of the document's shape, under the cap (an <see cref="AccessModelErrorList"/> keeps the
    /// count of those left out).</summary>
    public IReadOnlyList<AccessModelError> Errors { get; }

    /// <summary>Gets whether the rest of the document may be read: not when it is not JSON, not an object, or of another
    /// format version.</summary>
    public bool ReadRest { get; }

    /// <summary>Gets the byte offsets, in ascending order, of what the rest leaves out: rows (elements of top-level
    /// lists) with a problem, members that should not be there (at the start of their name), and other values with a
    /// problem.</summary>
    public long[] Unreadable { get; }

    /// <summary>A document of which nothing but one problem can be said.</summary>
    public static PolicyDocumentCheck Only(AccessModelError error) => new([error], readRest: false, []);
}
