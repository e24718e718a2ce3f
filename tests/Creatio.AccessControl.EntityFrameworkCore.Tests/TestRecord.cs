namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

/// <summary>A record of any object, as a host's entity would hold it: its id, object, author, owner and support grant.</summary>
public sealed class TestRecord
{
    public Guid Id { get; set; }

    public string EntitySchemaName { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public Guid? CreatedById { get; set; }

    public Guid? OwnerId { get; set; }

    public Guid? SupportAccessGrantId { get; set; }

    public static TestRecord From(RecordDefinition record) => new()
    {
        Id = record.Id.Value,
        EntitySchemaName = record.Object.Value,
        Title = $"{record.Object} {record.Id}",
        CreatedById = record.Author?.Value,
        OwnerId = record.Owner?.Value,
        SupportAccessGrantId = record.CreatedInSupportGrant?.Value,
    };
}
