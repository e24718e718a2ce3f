namespace Creatio.AccessControl;

/// <summary>The built-in roles, with Creatio's well-known identifiers.</summary>
/// <remarks>Every model contains these three roles; a model may define them itself to give them a parent or a name.</remarks>
public static class BuiltInRoles
{
    /// <summary>Gets System administrators (<c>83a43ebc-f36b-1410-298d-001e8c82bcad</c>), which holds every built-in system operation by default.</summary>
    public static RoleId SystemAdministrators { get; } = new(new Guid("83a43ebc-f36b-1410-298d-001e8c82bcad"));

    /// <summary>Gets All employees (<c>a29a3ba5-4b0d-de11-9a51-005056c00008</c>), of which every employee is a member.</summary>
    public static RoleId AllEmployees { get; } = new(new Guid("a29a3ba5-4b0d-de11-9a51-005056c00008"));

    /// <summary>Gets All portal users (<c>720b771c-e7a7-4f31-9cfb-52cd21c3739f</c>), the root of every role a portal user may hold.</summary>
    public static RoleId AllPortalUsers { get; } = new(new Guid("720b771c-e7a7-4f31-9cfb-52cd21c3739f"));
}
