namespace Creatio.AccessControl;

/// <summary>Something a valid model holds that decides nothing, and is likely a mistake: rows that are silently
/// ignored.</summary>
/// <remarks>A warning never makes a model invalid. <see cref="AccessModelWarnings.Find"/> finds them in a model;
/// <c>Creatio.AccessControl.Serialization.AccessPolicyJson</c> also locates them in the policy document read.</remarks>
public sealed record AccessModelWarning
{
    /// <summary>Creates a warning.</summary>
    /// <param name="Code">What kind of warning it is.</param>
    /// <param name="Message">A one-line description that quotes the identifiers involved in backticks.</param>
    /// <param name="Ids">The identifiers involved (object names…), as text.</param>
    public AccessModelWarning(AccessModelWarningCode Code, string Message, IReadOnlyList<string> Ids)
    {
        this.Code = Code;
        this.Message = Message;
        this.Ids = Ids;
    }

    /// <summary>Gets what kind of warning it is.</summary>
    public AccessModelWarningCode Code { get; init; }

    /// <summary>Gets a one-line description that quotes the identifiers involved in backticks.</summary>
    public string Message { get; init; }

    /// <summary>Gets the identifiers involved (object names…), as text.</summary>
    public IReadOnlyList<string> Ids { get; init; }

    /// <summary>Gets the JSON path of what the warning is about in a policy document, such as <c>$.objects[3]</c>.</summary>
    /// <value>The default value is <see langword="null"/>: the warning was not found in a document.</value>
    public string? Path { get; init; }

    /// <summary>Gets the 1-based line of what the warning is about in a policy document.</summary>
    /// <value>The default value is <see langword="null"/>: the warning was not found in a document.</value>
    public long? Line { get; init; }

    /// <summary>Gets the row of the model the warning is about; used to locate it in a document.</summary>
    internal ModelRowReference? Row { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Code}: {Message}";
}
