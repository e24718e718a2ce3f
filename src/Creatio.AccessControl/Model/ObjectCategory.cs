namespace Creatio.AccessControl;

/// <summary>What an object holds; support sessions restrict objects by category.</summary>
public enum ObjectCategory
{
    /// <summary>Business data: sections and details. Hidden from support sessions in data isolation mode.</summary>
    BusinessData = 0,

    /// <summary>A lookup. Readable in support sessions; read-only under configuration restriction.</summary>
    Lookup = 1,

    /// <summary>Configuration: settings, processes, access records. Read-only under configuration restriction.</summary>
    Configuration = 2,
}
