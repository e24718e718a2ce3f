namespace Creatio.AccessControl;

/// <summary>Where a record right row came from.</summary>
public enum RecordRightSource
{
    /// <summary>Shared by a user or written by the host; kept by Update record permissions.</summary>
    Manual = 0,

    /// <summary>Written from a default record permission rule; rewritten by Update record permissions.</summary>
    Default = 1,
}
