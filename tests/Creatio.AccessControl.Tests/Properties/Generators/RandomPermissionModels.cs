using System.Globalization;
using System.Text;
using Creatio.AccessControl.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Creatio.AccessControl.Tests.Properties.Generators;

/// <summary>A random valid model with permissions (DESIGN.md §4–§7, §9) on top of a <see cref="RandomModel"/>, and random
/// requests against it.</summary>
/// <param name="Roles">The roles and users of the model.</param>
/// <param name="Model">The validated model.</param>
/// <param name="Seed">The seed the permission rows and requests were drawn from.</param>
/// <param name="Requests">Requests of every kind, unknown names included, with the user who asks each.</param>
public sealed record RandomPermissionModel(RandomModel Roles, AccessModel Model, int Seed, IReadOnlyList<(UserId User, AccessRequest Request)> Requests)
{
    /// <summary>Gets a user the model does not define.</summary>
    public static UserId UnknownUser { get; } = Ids.User("nobody");

    /// <summary>Gets the users worth asking for: every user and one unknown user.</summary>
    public IReadOnlyList<UserId> Users => [.. Roles.Users, UnknownUser];

    /// <summary>Lists every row, so that a failing case can be read and replayed by hand.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Roles.ToString());
        text.AppendLine(CultureInfo.InvariantCulture, $"seed {Seed}, portal mode {Model.Settings.PortalAvailabilityMode}");
        foreach (ObjectDefinition o in Model.Objects)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"object {o.Name} ops={o.UseOperationPermissions} records={o.UseRecordPermissions} portal={o.IsAvailableForPortal} columns={string.Join(",", o.Columns)}");
        }

        foreach (ObjectOperationRow r in Model.ObjectOperationRows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"object row {r.Object} #{r.Position} {r.Grantee}: {r.Operations}");
        }

        foreach (ColumnRightRow r in Model.ColumnRightRows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"column row {r.Object}.{r.Column} #{r.Position} {r.Grantee}: {r.Level}");
        }

        foreach (RecordDefinition r in Model.Records)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"record {r.Object} {r.Id} author={r.Author?.ToString() ?? "-"} owner={r.Owner?.ToString() ?? "-"}");
        }

        foreach (RecordRightRow r in Model.RecordRightRows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"right {r.Object} {r.Record} {r.Grantee}: {r.Operation} {r.Level}");
        }

        foreach (SystemOperationDefinition o in Model.SystemOperations.Where(o => o.ObjectAccess.Count > 0))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"operation {o.Code} grants {string.Join(", ", o.ObjectAccess.Select(g => $"{g.Object}: {g.Operations}"))}");
        }

        foreach (SystemOperationRow r in Model.SystemOperationRows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"operation row {r.Operation} #{r.Position} {r.Grantee}: {r.CanExecute}");
        }

        return text.ToString();
    }
}

/// <summary>FsCheck generators of <see cref="RandomPermissionModel"/>: the role models of <see cref="RandomModels"/> with random
/// objects, operation, column and record rows, records and their rights, system operations and their rows, portal flags.</summary>
/// <remarks>Use as <c>[Property(Arbitrary = [typeof(RandomPermissionModels)])]</c>. Rows are drawn from a seeded
/// <see cref="Random"/>, printed with the model, so a failure can be replayed.</remarks>
public static class RandomPermissionModels
{
    private static readonly string[] s_systemColumns = ["Id", "CreatedOn", "CreatedBy", "ModifiedOn", "ModifiedBy"];

    private static readonly string[] s_columns = ["Name", "Amount", "Email", "Notes"];

    private static readonly SystemOperationCode[] s_custom = ["CanApproveInvoices", "CanSeeReports"];

    /// <summary>Gets the arbitrary FsCheck picks up for <see cref="RandomPermissionModel"/> parameters.</summary>
    /// <returns>The arbitrary; it does not shrink.</returns>
    public static Arbitrary<RandomPermissionModel> Model() => Generate().ToArbitrary();

    /// <summary>Generates random valid models with permissions, and requests.</summary>
    /// <returns>The generator.</returns>
    public static Gen<RandomPermissionModel> Generate() =>
        from roles in RandomModels.Generate()
        from seed in Gen.Choose(0, int.MaxValue)
        select Extend(roles, seed);

    /// <summary>Adds permission rows to a role model, drawn from <paramref name="seed"/>, and draws requests.</summary>
    public static RandomPermissionModel Extend(RandomModel roles, int seed)
    {
        var random = new Random(seed);
        AccessModelBuilder builder = roles.Builder.Build().ToBuilder();
        builder.Settings = new AccessSettings
        {
            PortalAvailabilityMode = random.Next(2) == 0 ? PortalAvailabilityMode.Lookup : PortalAvailabilityMode.OperationPermissions,
        };

        // Grantees: every role and user, with the built-in roles and the users drawn more often.
        List<AdminUnitId> units =
        [
            .. roles.Roles.Select(r => (AdminUnitId)r),
            .. roles.Users.Select(u => (AdminUnitId)u),
            BuiltInRoles.AllEmployees, BuiltInRoles.AllPortalUsers, BuiltInRoles.SystemAdministrators,
            .. roles.PortalRoles.Select(r => (AdminUnitId)r),
        ];
        AdminUnitId Unit() => units[random.Next(units.Count)];
        UserId? SomeUser() => random.Next(4) == 0 || roles.Users.Count == 0 ? null : roles.Users[random.Next(roles.Users.Count)];

        int objectCount = random.Next(1, 4);
        var objects = new List<ObjectDefinition>();
        for (int i = 0; i < objectCount; i++)
        {
            objects.Add(new ObjectDefinition($"Object{i}")
            {
                UseOperationPermissions = random.Next(3) != 0,
                UseRecordPermissions = random.Next(3) != 0,
                IsAvailableForPortal = random.Next(2) == 0,
                Columns = [.. s_columns.Where(_ => random.Next(2) == 0).Select(c => new ColumnName(c))],
            });
        }

        foreach (ObjectDefinition definition in objects)
        {
            builder.Add(definition);
            foreach (int position in Positions(random, 5))
            {
                builder.Add(new ObjectOperationRow(definition.Name, Unit(), position, (ObjectOperations)random.Next(16)));
            }

            foreach (ColumnName column in definition.Columns.Concat(s_systemColumns.Select(c => new ColumnName(c))))
            {
                int rows = random.Next(3) == 0 ? 0 : 3;
                foreach (int position in Positions(random, rows))
                {
                    builder.Add(new ColumnRightRow(definition.Name, column, Unit(), position, (ColumnRightLevel)random.Next(3)));
                }
            }

            int recordCount = random.Next(0, 5);
            for (int r = 0; r < recordCount; r++)
            {
                var record = new RecordDefinition(definition.Name, Ids.Record($"{seed}:{definition.Name}:{r}"), SomeUser(), SomeUser());
                builder.Add(record);
                int rights = random.Next(0, 4);
                for (int k = 0; k < rights; k++)
                {
                    builder.Add(new RecordRightRow(
                        definition.Name, record.Id, Unit(), (RecordOperation)random.Next(3), (RecordRightLevel)random.Next(3),
                        random.Next(2) == 0 ? RecordRightSource.Manual : RecordRightSource.Default));
                }
            }
        }

        // Custom operations, some granting object access (Creatio 8.2+).
        foreach (SystemOperationCode code in s_custom)
        {
            ObjectAccessGrant[] grants = [.. objects.Where(_ => random.Next(2) == 0).Select(o => new ObjectAccessGrant(o.Name, (ObjectOperations)random.Next(1, 16)))];
            builder.Add(new SystemOperationDefinition(code) { ObjectAccess = grants });
        }

        // Rows for a few operations: super operations rarely, so that the later steps are reached.
        List<SystemOperationCode> codes = [.. SystemOperations.BuiltIn.Select(o => o.Code), .. s_custom];
        foreach (SystemOperationCode code in codes)
        {
            bool super = code == SystemOperations.CanSelectEverything || code == SystemOperations.CanInsertEverything ||
                code == SystemOperations.CanUpdateEverything || code == SystemOperations.CanDeleteEverything;
            int rows = random.Next(super ? 6 : 2) == 0 ? random.Next(1, 4) : 0;
            int offset = 0;
            if (super && random.Next(3) != 0)
            {
                // Most models take the super operations from employees (administrators included) by a top row.
                builder.Add(new SystemOperationRow(code, BuiltInRoles.AllEmployees, 0, CanExecute: false));
                offset = 1;
            }

            foreach (int position in Positions(random, rows))
            {
                builder.Add(new SystemOperationRow(code, Unit(), position + offset, random.Next(3) != 0));
            }
        }

        AccessModel model = builder.Build();
        return new RandomPermissionModel(roles, model, seed, Requests(random, model, roles));
    }

    /// <summary>Up to <paramref name="most"/> distinct positions, in a random order, with gaps.</summary>
    private static int[] Positions(Random random, int most)
    {
        int count = random.Next(0, most + 1);
        int[] positions = [.. Enumerable.Range(0, count).Select(i => (i * 3) + random.Next(3))];
        random.Shuffle(positions);
        return positions;
    }

    private static List<(UserId, AccessRequest)> Requests(Random random, AccessModel model, RandomModel roles)
    {
        List<UserId> users = [.. roles.Users, RandomPermissionModel.UnknownUser];
        List<ObjectName> objects = [.. model.Objects.Select(o => o.Name)];
        List<SystemOperationCode> codes = [.. model.SystemOperations.Select(o => o.Code), "CanDoUnknownThings"];
        var requests = new List<(UserId, AccessRequest)>();
        foreach (UserId user in users)
        {
            for (int i = 0; i < 12; i++)
            {
                ObjectName objectName = random.Next(12) == 0 ? "Unknown" : objects[random.Next(objects.Count)];
                ObjectDefinition? definition = model.Objects.FirstOrDefault(o => o.Name == objectName);
                List<RecordId> records = [.. model.Records.Where(r => r.Object == objectName).Select(r => r.Id), Ids.Record("unknown")];
                RecordId record = records[random.Next(records.Count)];
                List<ColumnName> columns = [.. s_systemColumns.Select(c => new ColumnName(c)), .. definition?.Columns ?? [], "Unknown"];
                ColumnName column = columns[random.Next(columns.Count)];
                AccessRequest request = random.Next(6) switch
                {
                    0 => AccessRequest.ForObject(objectName, (ObjectOperation)random.Next(4)),
                    1 => AccessRequest.ForRecord(objectName, record, (RecordOperation)random.Next(3)),
                    2 => AccessRequest.ForColumn(objectName, column, (ColumnOperation)random.Next(2)),
                    3 => AccessRequest.ForColumn(objectName, column, (ColumnOperation)random.Next(2), record),
                    4 => AccessRequest.ForSystemOperation(codes[random.Next(codes.Count)]),
                    _ => AccessRequest.ForShare(objectName, record, (RecordOperation)random.Next(3)),
                };
                requests.Add((user, request));
            }
        }

        return requests;
    }
}
