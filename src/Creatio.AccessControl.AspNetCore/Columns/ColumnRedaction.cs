namespace Creatio.AccessControl.AspNetCore;

/// <summary>What happens to a column the user may not read in a JSON record.</summary>
public enum ColumnRedaction
{
    /// <summary>The property is removed: the client cannot tell the column exists.</summary>
    Remove = 0,

    /// <summary>The property stays with a <see langword="null"/> value: the client's shape is kept, the value is hidden.</summary>
    Mask = 1,
}
