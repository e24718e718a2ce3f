namespace Creatio.AccessControl;

/// <summary>One problem found in a model.</summary>
/// <remarks>Errors found in a policy document (see <c>Creatio.AccessControl.Serialization.AccessPolicyJson</c>) also
/// carry the location of the problem in the document: <see cref="Path"/>, <see cref="Line"/> and, for JSON syntax
/// errors, <see cref="BytePositionInLine"/>. Errors found in a model built in code carry no location.</remarks>
public sealed record AccessModelError
{
    /// <summary>Creates an error.</summary>
    /// <param name="Code">What kind of problem it is.</param>
    /// <param name="Message">A one-line description that quotes the offending identifiers in backticks.</param>
    /// <param name="Ids">The identifiers involved (admin unit ids, object names, record ids, operation codes), as text.</param>
    public AccessModelError(AccessModelErrorCode Code, string Message, IReadOnlyList<string> Ids)
    {
        this.Code = Code;
        this.Message = Message;
        this.Ids = Ids;
    }

    /// <summary>Gets what kind of problem it is.</summary>
    public AccessModelErrorCode Code { get; init; }

    /// <summary>Gets a one-line description that quotes the offending identifiers in backticks.</summary>
    public string Message { get; init; }

    /// <summary>Gets the identifiers involved (admin unit ids, object names, record ids, operation codes), as text.</summary>
    public IReadOnlyList<string> Ids { get; init; }

    /// <summary>Gets the JSON path of the offending value in a policy document, such as <c>$.roles[3].parent</c>.</summary>
    /// <value>The default value is <see langword="null"/>: the error was not found in a document.</value>
    public string? Path { get; init; }

    /// <summary>Gets the 1-based line of the offending value in a policy document.</summary>
    /// <value>The default value is <see langword="null"/>: the error was not found in a document, or has no single line.</value>
    public long? Line { get; init; }

    /// <summary>Gets the 1-based byte position within <see cref="Line"/> where a JSON syntax error was found.</summary>
    /// <value>The default value is <see langword="null"/>: set only for <see cref="AccessModelErrorCode.InvalidJson"/>.</value>
    public long? BytePositionInLine { get; init; }

    /// <summary>Gets the row of the model the validator found the problem in; used to locate it in a document.</summary>
    internal ModelRowReference? Row { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Code}: {Message}";
}
