namespace Creatio.AccessControl;

/// <summary>The shape of a <see cref="RecordFilter"/>.</summary>
public enum RecordFilterKind
{
    /// <summary>No record is allowed.</summary>
    None = 0,

    /// <summary>Every record is allowed.</summary>
    All = 1,

    /// <summary>A record is allowed when it satisfies the filter's conditions.</summary>
    Conditional = 2,
}
