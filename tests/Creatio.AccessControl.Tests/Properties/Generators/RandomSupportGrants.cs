using System.Globalization;
using System.Text;
using Creatio.AccessControl.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Creatio.AccessControl.Tests.Properties.Generators;

/// <summary>A <see cref="RandomPermissionModel"/> with object categories, workplaces, support grants, records created in
/// them, support settings, the instants worth checking, and requests (DESIGN.md §8).</summary>
/// <param name="Permissions">The model the grants were added to.</param>
/// <param name="Model">The validated model with the grants.</param>
/// <param name="Seed">The seed the grants were drawn from.</param>
/// <param name="Instants">The model's instant, and one tick before, at and one tick before the end of each grant's window.</param>
/// <param name="Requests">Requests of every kind, on every object and every built-in system operation.</param>
public sealed record RandomSupportModel(RandomPermissionModel Permissions, AccessModel Model, int Seed, IReadOnlyList<DateTimeOffset> Instants, IReadOnlyList<AccessRequest> Requests)
{
    /// <summary>Gets the configuration object that holds support grants.</summary>
    public static ObjectName ExternalAccess { get; } = "SysExternalAccess";

    /// <summary>Gets the object named by a request, or <see langword="null"/> for an unknown object or a system operation.</summary>
    public ObjectDefinition? ObjectOf(in AccessRequest request)
    {
        if (request.Kind == AccessRequestKind.SystemOperation)
        {
            return null;
        }

        ObjectName name = request.Object;
        return Model.Objects.FirstOrDefault(o => o.Name == name);
    }

    /// <summary>Lists the permission model and the support rows, so that a failing case can be replayed by hand.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Permissions.ToString());
        text.AppendLine(CultureInfo.InvariantCulture, $"support seed {Seed}, settings {Model.Settings.SupportAccess}");
        foreach (ObjectDefinition o in Model.Objects)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"category {o.Name}: {o.Category}");
        }

        foreach (WorkplaceDefinition w in Model.Workplaces)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"workplace {w.Name}: {string.Join(", ", w.Objects)}");
        }

        foreach (SupportAccessGrant g in Model.SupportGrants)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"grant {g} workplaces={string.Join(",", g.Workplaces)}");
        }

        foreach (RecordDefinition r in Model.Records.Where(r => r.CreatedInSupportGrant is not null))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"record {r.Object} {r.Id} created in {r.CreatedInSupportGrant}");
        }

        return text.ToString();
    }
}

/// <summary>FsCheck generators of <see cref="RandomSupportModel"/>.</summary>
/// <remarks>Use as <c>[Property(Arbitrary = [typeof(RandomSupportGrants)])]</c>. Drawn from a seeded <see cref="Random"/>
/// printed with the model; it does not shrink.</remarks>
public static class RandomSupportGrants
{
    private static readonly string[] s_zones = ["UTC", "Europe/Berlin", "America/New_York"];

    /// <summary>Gets the arbitrary FsCheck picks up for <see cref="RandomSupportModel"/> parameters.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<RandomSupportModel> Model() => Generate().ToArbitrary();

    /// <summary>Generates random models with support grants.</summary>
    /// <returns>The generator.</returns>
    public static Gen<RandomSupportModel> Generate() =>
        from permissions in RandomPermissionModels.Generate()
        from seed in Gen.Choose(0, int.MaxValue)
        select Extend(permissions, seed);

    /// <summary>Adds categories, workplaces, grants and support settings to a permission model, drawn from <paramref name="seed"/>.</summary>
    public static RandomSupportModel Extend(RandomPermissionModel permissions, int seed)
    {
        var random = new Random(seed);
        AccessModelBuilder builder = permissions.Model.ToBuilder();
        for (int i = 0; i < builder.Objects.Count; i++)
        {
            builder.Objects[i] = builder.Objects[i] with { Category = (ObjectCategory)random.Next(3) };
        }

        // The external access object, open to everyone or to a random unit by an operation row.
        bool open = random.Next(2) == 0;
        builder.Add(new ObjectDefinition(RandomSupportModel.ExternalAccess, ObjectCategory.Configuration) { UseOperationPermissions = !open });
        if (!open)
        {
            builder.Add(new ObjectOperationRow(RandomSupportModel.ExternalAccess, random.Next(2) == 0 ? BuiltInRoles.AllEmployees : BuiltInRoles.SystemAdministrators, 0, (ObjectOperations)random.Next(16)));
        }

        List<ObjectName> objects = [.. builder.Objects.Select(o => o.Name)];
        int workplaceCount = random.Next(3);
        for (int w = 0; w < workplaceCount; w++)
        {
            builder.Add(new WorkplaceDefinition($"Workplace{w}", [.. objects.Where(_ => random.Next(2) == 0)]));
        }

        List<UserId> users = [.. permissions.Roles.Users];
        DateOnly today = DateOnly.FromDateTime(permissions.Roles.Now.UtcDateTime);
        int grantCount = users.Count == 0 ? 0 : random.Next(1, 5);
        var grants = new List<SupportAccessGrant>();
        for (int g = 0; g < grantCount; g++)
        {
            DateOnly start = today.AddDays(random.Next(-3, 2));
            UserId grantor = users[random.Next(users.Count)];
            grants.Add(new SupportAccessGrant(new SupportGrantId(Ids.Guid($"{seed}:grant:{g}")), "Support", start, start.AddDays(random.Next(0, 4)), grantor, grantor)
            {
                DenyDataAccess = random.Next(2) == 0,
                DenyConfiguration = random.Next(2) == 0,
                IsActive = random.Next(6) != 0,
                Level = (SupportAccessLevel)random.Next(3),
                Workplaces = [.. builder.Workplaces.Where(_ => random.Next(3) == 0).Select(w => w.Name)],
                Environment = random.Next(8) switch { 0 => "sandbox", 1 => "Production", _ => "production" },
            });
        }

        foreach (SupportAccessGrant grant in grants)
        {
            builder.Add(grant);
        }

        // Records created in a grant, and one new record per grant on a random object.
        for (int i = 0; i < builder.Records.Count && grants.Count > 0; i++)
        {
            if (random.Next(3) == 0)
            {
                builder.Records[i] = builder.Records[i] with { CreatedInSupportGrant = grants[random.Next(grants.Count)].Id };
            }
        }

        foreach (SupportAccessGrant grant in grants)
        {
            ObjectName objectName = objects[random.Next(objects.Count)];
            builder.Add(new RecordDefinition(objectName, Ids.Record($"{seed}:{grant.Id}"), grant.Grantor, grant.Grantor) { CreatedInSupportGrant = grant.Id });
        }

        builder.Settings = builder.Settings with
        {
            SupportAccess = new SupportAccessSettings
            {
                TimeZoneId = s_zones[random.Next(s_zones.Length)],
                AllowAdministrationWhenUnrestricted = random.Next(2) == 0,
            },
        };

        AccessModel model = builder.Build();
        var instants = new List<DateTimeOffset> { permissions.Roles.Now };
        foreach (SupportAccessGrant grant in grants)
        {
            SupportAccessWindow window = SupportAccessWindow.For(grant, model.Settings.SupportAccess);
            instants.AddRange([window.StartsAt.AddTicks(-1), window.StartsAt, window.EndsAt.AddTicks(-1), window.EndsAt]);
        }

        return new RandomSupportModel(permissions, model, seed, instants, Requests(model, permissions));
    }

    private static List<AccessRequest> Requests(AccessModel model, RandomPermissionModel permissions)
    {
        List<AccessRequest> requests = [.. permissions.Requests.Select(r => r.Request)];
        foreach (ObjectDefinition o in model.Objects)
        {
            foreach (ObjectOperation operation in Enum.GetValues<ObjectOperation>())
            {
                requests.Add(AccessRequest.ForObject(o.Name, operation));
            }

            foreach (ColumnOperation operation in Enum.GetValues<ColumnOperation>())
            {
                requests.Add(AccessRequest.ForColumn(o.Name, "Id", operation));
            }

            foreach (RecordDefinition record in model.Records.Where(r => r.Object == o.Name))
            {
                foreach (RecordOperation operation in Enum.GetValues<RecordOperation>())
                {
                    requests.Add(AccessRequest.ForRecord(o.Name, record.Id, operation));
                    requests.Add(AccessRequest.ForShare(o.Name, record.Id, operation));
                }

                requests.Add(AccessRequest.ForColumn(o.Name, "Id", ColumnOperation.Read, record.Id));
                requests.Add(AccessRequest.ForColumn(o.Name, "Id", ColumnOperation.Edit, record.Id));
            }
        }

        requests.AddRange(model.SystemOperations.Select(o => AccessRequest.ForSystemOperation(o.Code)));
        requests.AddRange(SystemOperations.BuiltIn.Select(o => AccessRequest.ForSystemOperation(o.Code)));
        return requests;
    }
}
