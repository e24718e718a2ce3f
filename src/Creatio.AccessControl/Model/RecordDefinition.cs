namespace Creatio.AccessControl;

/// <summary>A record of an object with record permissions, with the users that hold implicit rights on it.</summary>
/// <remarks>The author, the owner, and the manager units of the organizational roles they directly belong to hold
/// <see cref="RecordRightLevel.AllowAndGrant"/> on every record operation.</remarks>
public sealed record RecordDefinition
{
    /// <summary>Creates a record.</summary>
    /// <param name="Object">The object the record belongs to.</param>
    /// <param name="Id">The record's identifier, unique within its object.</param>
    /// <param name="Author">The user who created the record, if known.</param>
    /// <param name="Owner">The record's owner, if any.</param>
    public RecordDefinition(ObjectName Object, RecordId Id, UserId? Author = null, UserId? Owner = null)
    {
        this.Object = Object;
        this.Id = Id;
        this.Author = Author;
        this.Owner = Owner;
    }

    /// <summary>Gets the object the record belongs to.</summary>
    public ObjectName Object { get; init; }

    /// <summary>Gets the record's identifier, unique within its object.</summary>
    public RecordId Id { get; init; }

    /// <summary>Gets the user who created the record, if known.</summary>
    public UserId? Author { get; init; }

    /// <summary>Gets the record's owner, if any.</summary>
    public UserId? Owner { get; init; }

    /// <summary>Gets the support grant in whose session the record was created, if any; data isolation still shows such a
    /// record to sessions of the same grant.</summary>
    public SupportGrantId? CreatedInSupportGrant { get; init; }
}
