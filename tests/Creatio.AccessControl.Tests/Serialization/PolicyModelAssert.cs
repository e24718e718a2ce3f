namespace Creatio.AccessControl.Tests.Serialization;

/// <summary>Compares models row by row; rows and settings holding lists (object columns, object access, workplace
/// objects, grant workplaces, enabled audit events) are compared by content.</summary>
internal static class PolicyModelAssert
{
    public static void Equal(AccessModel expected, AccessModel actual)
    {
        Assert.Equal(expected.Settings with { EnabledAuditEvents = [] }, actual.Settings with { EnabledAuditEvents = [] });
        Assert.Equal(expected.Settings.EnabledAuditEvents, actual.Settings.EnabledAuditEvents);
        Assert.Equal(expected.Users.ToArray(), actual.Users.ToArray());
        Assert.Equal(expected.Roles.ToArray(), actual.Roles.ToArray());
        Assert.Equal(expected.Memberships.ToArray(), actual.Memberships.ToArray());
        Assert.Equal(expected.FunctionalLinks.ToArray(), actual.FunctionalLinks.ToArray());
        Assert.Equal(expected.Delegations.ToArray(), actual.Delegations.ToArray());
        Assert.Equal(expected.Delegations.Select(d => d.EndsAt?.Offset), actual.Delegations.Select(d => d.EndsAt?.Offset));
        Assert.Equal(expected.RolesNotInheritedByManagers.ToArray(), actual.RolesNotInheritedByManagers.ToArray());
        Assert.Equal(expected.Objects.Select(o => o with { Columns = [] }), actual.Objects.Select(o => o with { Columns = [] }));
        Assert.Equal(expected.Objects.Select(o => string.Join(",", o.Columns)), actual.Objects.Select(o => string.Join(",", o.Columns)));
        Assert.Equal(expected.ObjectOperationRows.ToArray(), actual.ObjectOperationRows.ToArray());
        Assert.Equal(expected.ColumnRightRows.ToArray(), actual.ColumnRightRows.ToArray());
        Assert.Equal(expected.Records.ToArray(), actual.Records.ToArray());
        Assert.Equal(expected.RecordRightRows.ToArray(), actual.RecordRightRows.ToArray());
        Assert.Equal(expected.DefaultRecordRightRules.ToArray(), actual.DefaultRecordRightRules.ToArray());
        Assert.Equal(expected.SystemOperations.Select(o => o with { ObjectAccess = [] }), actual.SystemOperations.Select(o => o with { ObjectAccess = [] }));
        Assert.Equal(expected.SystemOperations.Select(o => o.ObjectAccess.ToArray()), actual.SystemOperations.Select(o => o.ObjectAccess.ToArray()));
        Assert.Equal(expected.SystemOperationRows.ToArray(), actual.SystemOperationRows.ToArray());
        Assert.Equal(expected.Workplaces.Select(w => w.Name), actual.Workplaces.Select(w => w.Name));
        Assert.Equal(expected.Workplaces.Select(w => w.Objects.ToArray()), actual.Workplaces.Select(w => w.Objects.ToArray()));
        Assert.Equal(expected.SupportGrants.Select(g => g with { Workplaces = [] }), actual.SupportGrants.Select(g => g with { Workplaces = [] }));
        Assert.Equal(expected.SupportGrants.Select(g => g.Workplaces.ToArray()), actual.SupportGrants.Select(g => g.Workplaces.ToArray()));
    }
}
