namespace Creatio.AccessControl;

/// <summary>What a support specialist may do under a grant, within what the grantor may do.</summary>
public enum SupportAccessLevel
{
    /// <summary>Read only.</summary>
    Monitor = 0,

    /// <summary>Read and write data; configuration stays read-only.</summary>
    Manage = 1,

    /// <summary>Everything the grantor may do (still subject to the grant's modes).</summary>
    Admin = 2,
}
