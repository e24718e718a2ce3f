using FsCheck;
using FsCheck.Fluent;

namespace Creatio.AccessControl.Tests.Serialization;

/// <summary>FsCheck arbitraries of valid models for the policy document properties.</summary>
/// <remarks>A model is built from a random seed and FsCheck's size, so every generated model is valid by
/// construction (no cycles, one manager per role, unique positions, portal users only in portal roles…); shrinking
/// moves to smaller seeds and sizes rather than smaller models.</remarks>
public static class RandomPolicyModels
{
    private static readonly string[] s_alphabet =
        ["a", "b", "Z", "0", " ", "-", "\"", "\\", "/", "<", "&", "'", "é", "Ж", "中", "😀", "\t", "\u0001", "\u2028"];

    private static readonly string[] s_timeZones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"];

    /// <summary>Gets random valid models.</summary>
    public static Arbitrary<AccessModel> Models() =>
        Gen.Sized(size => Gen.Choose(0, int.MaxValue).Select(seed => Build(seed, Math.Max(1, size))))
            .ToArbitrary();

    /// <summary>Builds a valid model from a seed; bigger sizes give more rows.</summary>
    public static AccessModel Build(int seed, int size)
    {
        var random = new Random(seed);
        var builder = new AccessModelBuilder { Settings = Settings(random) };

        var organizational = new List<RoleId> { BuiltInRoles.AllEmployees };
        var portal = new List<RoleId> { BuiltInRoles.AllPortalUsers };
        var functional = new List<RoleId>();
        var allRoles = new List<RoleId> { BuiltInRoles.AllEmployees, BuiltInRoles.AllPortalUsers, BuiltInRoles.SystemAdministrators };
        var managed = new HashSet<RoleId>();
        for (int i = 0, count = random.Next(size + 1); i < count; i++)
        {
            var id = new RoleId(NewGuid(random));
            switch (random.Next(5))
            {
                case 0:
                    builder.Add(new RoleDefinition(id, Name(random), Pick(random, [AdminUnitKind.Organization, AdminUnitKind.Division, AdminUnitKind.Team]), random.Next(4) == 0 ? null : Pick(random, organizational)));
                    organizational.Add(id);
                    break;
                case 1:
                    builder.Add(new RoleDefinition(id, Name(random), AdminUnitKind.Organization, Pick(random, portal)) { Account = new AccountId(NewGuid(random)) });
                    portal.Add(id);
                    break;
                case 2:
                    builder.Add(new RoleDefinition(id, Name(random), AdminUnitKind.FunctionalRole, functional.Count == 0 || random.Next(2) == 0 ? null : Pick(random, functional)));
                    functional.Add(id);
                    break;
                default:
                    RoleId parent = Pick(random, organizational);
                    if (!managed.Add(parent))
                    {
                        continue;
                    }

                    builder.Add(new RoleDefinition(id, Name(random), AdminUnitKind.Manager, parent));
                    break;
            }

            allRoles.Add(id);
        }

        var employees = new List<UserId>();
        var users = new List<UserId>();
        for (int i = 0, count = random.Next(size + 1); i < count; i++)
        {
            var id = new UserId(NewGuid(random));
            bool external = random.Next(4) == 0;
            builder.Add(new UserDefinition(id, Name(random), external ? AdminUnitKind.ExternalUser : AdminUnitKind.User)
            {
                IsActive = random.Next(5) != 0,
                Contact = random.Next(2) == 0 ? new ContactId(NewGuid(random)) : null,
                Account = external && random.Next(2) == 0 ? new AccountId(NewGuid(random)) : null,
            });
            users.Add(id);
            if (!external)
            {
                employees.Add(id);
            }

            for (int m = random.Next(3); m > 0; m--)
            {
                builder.Add(new RoleMembership(id, Pick(random, external ? portal : allRoles)));
            }
        }

        // Grant ids come first so that records can name them; the grants themselves need the workplaces, built last.
        var grantIds = new List<SupportGrantId>();
        for (int i = users.Count == 0 ? 0 : random.Next(size / 3 + 1); i > 0; i--)
        {
            grantIds.Add(new SupportGrantId(NewGuid(random)));
        }

        var units = allRoles.Select(r => (AdminUnitId)r).Concat(users.Select(u => (AdminUnitId)u)).ToList();
        if (functional.Count > 0)
        {
            for (int i = random.Next(size / 2 + 1); i > 0; i--)
            {
                builder.Add(new FunctionalRoleLink(Pick(random, functional), Pick(random, organizational)));
            }
        }

        for (int i = random.Next(size / 2 + 1); i > 0; i--)
        {
            builder.Add(new Delegation(Pick(random, units), Pick(random, units), random.Next(2) == 0 ? null : Instant(random)));
        }

        if (random.Next(3) == 0)
        {
            builder.RolesNotInheritedByManagers.Clear();
            for (int i = random.Next(3); i > 0; i--)
            {
                builder.RolesNotInheritedByManagers.Add(Pick(random, allRoles));
            }
        }

        var objects = new List<ObjectDefinition>();
        for (int i = 0, count = random.Next(size / 2 + 1); i < count; i++)
        {
            var definition = new ObjectDefinition($"{Name(random)}{i}", Pick(random, Enum.GetValues<ObjectCategory>()))
            {
                UseOperationPermissions = random.Next(2) == 0,
                UseRecordPermissions = random.Next(2) == 0,
                IsAvailableForPortal = random.Next(2) == 0,
                Columns = [.. Enumerable.Range(0, random.Next(4)).Select(c => new ColumnName($"{Name(random)}{c}"))],
            };
            builder.Add(definition);
            objects.Add(definition);
        }

        var records = new List<RecordDefinition>();
        foreach (ObjectDefinition definition in objects)
        {
            for (int position = random.Next(4) - 1; position >= 0; position--)
            {
                builder.Add(new ObjectOperationRow(definition.Name, Pick(random, units), position, (ObjectOperations)random.Next(16)));
            }

            ColumnName[] columns = [.. definition.Columns, "CreatedBy"];
            foreach (ColumnName column in columns.Where(_ => random.Next(2) == 0))
            {
                for (int position = random.Next(3); position >= 0; position--)
                {
                    builder.Add(new ColumnRightRow(definition.Name, column, Pick(random, units), position, Pick(random, Enum.GetValues<ColumnRightLevel>())));
                }
            }

            for (int r = random.Next(3); r > 0; r--)
            {
                var record = new RecordDefinition(
                    definition.Name,
                    new RecordId(NewGuid(random)),
                    users.Count > 0 && random.Next(2) == 0 ? Pick(random, users) : null,
                    users.Count > 0 && random.Next(2) == 0 ? Pick(random, users) : null)
                {
                    CreatedInSupportGrant = grantIds.Count > 0 && random.Next(3) == 0 ? Pick(random, grantIds) : null,
                };
                builder.Add(record);
                records.Add(record);
            }

            for (int r = random.Next(3); r > 0; r--)
            {
                builder.Add(new DefaultRecordRightRule(
                    definition.Name,
                    Pick(random, units),
                    random.Next(3) == 0 ? null : Pick(random, units),
                    Pick(random, Enum.GetValues<RecordOperation>()),
                    Pick(random, Enum.GetValues<RecordRightLevel>())));
            }
        }

        foreach (RecordDefinition record in records)
        {
            for (int r = random.Next(3); r > 0; r--)
            {
                builder.Add(new RecordRightRow(
                    record.Object,
                    record.Id,
                    Pick(random, units),
                    Pick(random, Enum.GetValues<RecordOperation>()),
                    Pick(random, Enum.GetValues<RecordRightLevel>()),
                    Pick(random, Enum.GetValues<RecordRightSource>())));
            }
        }

        var codes = SystemOperations.BuiltIn.Select(o => o.Code).ToList();
        for (int i = 0, count = random.Next(size / 3 + 1); i < count; i++)
        {
            SystemOperationCode code = $"Can{Name(random)}{i}";
            builder.Add(new SystemOperationDefinition(code, random.Next(2) == 0)
            {
                ObjectAccess = objects.Count == 0 ? [] : [.. Enumerable.Range(0, random.Next(3)).Select(_ => new ObjectAccessGrant(Pick(random, objects).Name, (ObjectOperations)random.Next(16)))],
            });
            codes.Add(code);
        }

        foreach (SystemOperationCode code in codes.Where(_ => random.Next(3) == 0))
        {
            for (int position = random.Next(3); position >= 0; position--)
            {
                builder.Add(new SystemOperationRow(code, Pick(random, units), position, random.Next(2) == 0));
            }
        }

        var workplaces = new List<string>();
        for (int i = 0, count = random.Next(size / 3 + 1); i < count; i++)
        {
            string name = $"{Name(random)}{i}";
            builder.Add(new WorkplaceDefinition(name, [.. objects.Where(_ => random.Next(2) == 0).Select(o => o.Name)]));
            workplaces.Add(name);
        }

        foreach (SupportGrantId id in grantIds)
        {
            (DateOnly start, DateOnly close) = Dates(random);
            builder.Add(new SupportAccessGrant(id, Name(random), start, close, Pick(random, users), Pick(random, users))
            {
                DenyDataAccess = random.Next(2) == 0,
                DenyConfiguration = random.Next(2) == 0,
                IsActive = random.Next(2) == 0,
                Workplaces = [.. workplaces.Where(_ => random.Next(2) == 0)],
                Level = Pick(random, Enum.GetValues<SupportAccessLevel>()),
                Environment = Pick(random, ["production", "sandbox", Name(random)]),
            });
        }

        return builder.Build();
    }

    private static AccessSettings Settings(Random random) => new()
    {
        PortalAvailabilityMode = Pick(random, Enum.GetValues<PortalAvailabilityMode>()),
        SupportAccess = new SupportAccessSettings
        {
            TimeZoneId = Pick(random, s_timeZones),
            // Valid durations: the maximum at least as long as any generated grant (400 days), the default within it.
            MaxDurationDays = random.Next(400, 1000),
            DefaultDurationDays = random.Next(1, 30),
            AllowNonAdminsToGrant = random.Next(2) == 0,
            License = Pick(random, Enum.GetValues<LicenseType>()),
            Environment = Pick(random, ["production", "sandbox", Name(random)]),
            AllowAdministrationWhenUnrestricted = random.Next(2) == 0,
        },

        // A set, in a random order: the order is kept.
        EnabledAuditEvents = [.. Enum.GetValues<AccessAuditEventType>().Where(_ => random.Next(3) == 0).OrderBy(_ => random.Next())],
    };

    /// <summary>A valid grant's dates: the close date never before the start, now and then at the ends of the calendar.</summary>
    private static (DateOnly Start, DateOnly Close) Dates(Random random)
    {
        switch (random.Next(10))
        {
            case 0:
                return (DateOnly.MinValue, DateOnly.MinValue.AddDays(random.Next(3)));
            case 1:
                return (DateOnly.MaxValue.AddDays(-random.Next(3)), DateOnly.MaxValue);
            default:
                DateOnly start = new DateOnly(2000, 1, 1).AddDays(random.Next(365 * 50));
                return (start, start.AddDays(random.Next(400)));
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static string Name(Random random)
    {
        string name = "N" + string.Concat(Enumerable.Range(0, random.Next(8)).Select(_ => Pick(random, s_alphabet)));
        return name;
    }

    private static DateTimeOffset Instant(Random random)
    {
        var offset = TimeSpan.FromMinutes(15 * random.Next(-14 * 4, 14 * 4 + 1));
        long ticks = new DateTime(2000, 1, 1).Ticks + random.NextInt64(0, TimeSpan.TicksPerDay * 365 * 50);
        if (random.Next(2) == 0)
        {
            ticks -= ticks % TimeSpan.TicksPerSecond;
        }

        return new DateTimeOffset(ticks, offset);
    }
}
