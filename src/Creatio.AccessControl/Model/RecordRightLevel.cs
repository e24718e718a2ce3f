namespace Creatio.AccessControl;

/// <summary>The level of a record right, with Creatio's numeric values.</summary>
public enum RecordRightLevel
{
    /// <summary>Grants nothing and takes nothing away (record rights are additive).</summary>
    Deny = 0,

    /// <summary>Allows the operation.</summary>
    Allow = 1,

    /// <summary>Allows the operation and lets the holder share it on the record.</summary>
    AllowAndGrant = 2,
}
