using Creatio.AccessControl.Tests.Serialization;

namespace Creatio.AccessControl.PostgreSql.Tests;

/// <summary>Compares models as the database keeps them: rows as sets (tables have no row order), lists inside a row in
/// order, instants to the microsecond with their offsets.</summary>
internal static class ModelAssert
{
    public static void EqualIgnoringOrder(AccessModel expected, AccessModel actual) =>
        PolicyModelAssert.Equal(Canonical(expected), Canonical(actual));

    /// <summary>Returns the model with every list sorted by its key and instants cut to the microsecond.</summary>
    public static AccessModel Canonical(AccessModel model)
    {
        AccessModelBuilder source = model.ToBuilder();
        var builder = new AccessModelBuilder { Settings = model.Settings };
        builder.RolesNotInheritedByManagers.Clear();
        AddAll(builder.Users, source.Users.OrderBy(u => u.Id.Value));
        AddAll(builder.Roles, source.Roles.OrderBy(r => r.Id.Value));
        AddAll(builder.Memberships, source.Memberships.OrderBy(m => m.User.Value).ThenBy(m => m.Role.Value));
        AddAll(builder.FunctionalLinks, source.FunctionalLinks.OrderBy(l => l.FunctionalRole.Value).ThenBy(l => l.OrganizationalRole.Value));
        AddAll(builder.Delegations, source.Delegations
            .Select(d => d with { EndsAt = d.EndsAt is { } end ? new DateTimeOffset(end.Ticks - (end.Ticks % 10), end.Offset) : null })
            .OrderBy(d => d.Grantor.Value).ThenBy(d => d.Recipient.Value).ThenBy(d => d.EndsAt));
        AddAll(builder.RolesNotInheritedByManagers, source.RolesNotInheritedByManagers.OrderBy(r => r.Value));
        AddAll(builder.Objects, source.Objects.OrderBy(o => o.Name.Value, StringComparer.Ordinal));
        AddAll(builder.ObjectOperationRows, source.ObjectOperationRows.OrderBy(r => r.Object.Value, StringComparer.Ordinal).ThenBy(r => r.Position));
        AddAll(builder.ColumnRightRows, source.ColumnRightRows.OrderBy(r => r.Object.Value, StringComparer.Ordinal).ThenBy(r => r.Column.Value, StringComparer.Ordinal).ThenBy(r => r.Position));
        AddAll(builder.Records, source.Records.OrderBy(r => r.Object.Value, StringComparer.Ordinal).ThenBy(r => r.Id.Value));
        AddAll(builder.RecordRightRows, source.RecordRightRows.OrderBy(r => r.Object.Value, StringComparer.Ordinal).ThenBy(r => r.Record.Value)
            .ThenBy(r => r.Grantee.Value).ThenBy(r => r.Operation).ThenBy(r => r.Level).ThenBy(r => r.Source));
        AddAll(builder.DefaultRecordRightRules, source.DefaultRecordRightRules.OrderBy(r => r.Object.Value, StringComparer.Ordinal)
            .ThenBy(r => r.Author.Value).ThenBy(r => r.Grantee?.Value).ThenBy(r => r.Operation).ThenBy(r => r.Level));
        AddAll(builder.SystemOperations, source.SystemOperations.OrderBy(o => o.Code.Value, StringComparer.Ordinal));
        AddAll(builder.SystemOperationRows, source.SystemOperationRows.OrderBy(r => r.Operation.Value, StringComparer.Ordinal).ThenBy(r => r.Position));
        AddAll(builder.Workplaces, source.Workplaces.OrderBy(w => w.Name, StringComparer.Ordinal));
        AddAll(builder.SupportGrants, source.SupportGrants.OrderBy(g => g.Id.Value));
        return builder.Build();
    }

    private static void AddAll<T>(IList<T> target, IEnumerable<T> items)
    {
        foreach (T item in items)
        {
            target.Add(item);
        }
    }
}
