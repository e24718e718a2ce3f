using System.Globalization;
using System.Text;
using Creatio.AccessControl.Serialization;
using FsCheck;
using FsCheck.Fluent;

namespace Creatio.AccessControl.AspNetCore.Tests.Properties;

/// <summary>One request of a random case: who asks (nobody, a user of the model, or a stranger) and what.</summary>
public sealed record WebRequest(UserId? User, AccessRequest Request)
{
    public override string ToString() => $"{User?.ToString() ?? "nobody"}: {Request}";
}

/// <summary>A random valid model over fixed names, and random requests against it, drawn from a seed so that a failure can be
/// replayed: the names match the endpoints <see cref="HttpDecisionProperties"/> maps.</summary>
public sealed record RandomWebModel(int Seed, AccessModel Model, IReadOnlyList<WebRequest> Requests)
{
    public static readonly string[] Objects = ["O0", "O1", "O2"];

    public static readonly SystemOperationCode[] Operations = ["CanX", "CanY"];

    public static readonly UserId[] Users = [.. Enumerable.Range(0, 6).Select(i => new UserId(new Guid($"00000000-0000-4000-8000-0000000e00{i:x2}")))];

    public static readonly UserId Stranger = new(new Guid("00000000-0000-4000-8000-0000000e00ff"));

    public static readonly RecordId[] Records = [.. Enumerable.Range(0, 5).Select(i => new RecordId(new Guid($"00000000-0000-4000-8000-0000000f00{i:x2}")))];

    private static readonly RoleId[] s_roles = [.. Enumerable.Range(0, 4).Select(i => new RoleId(new Guid($"00000000-0000-4000-8000-0000000c00{i:x2}")))];

    /// <summary>Gets the arbitrary FsCheck picks up for <see cref="RandomWebModel"/> parameters; it does not shrink.</summary>
    public static Arbitrary<RandomWebModel> Arbitrary() => Gen.Choose(0, int.MaxValue).Select(Create).ToArbitrary();

    public static RandomWebModel Create(int seed)
    {
        var random = new Random(seed);
        var builder = new AccessModelBuilder();
        var units = new List<AdminUnitId> { BuiltInRoles.AllEmployees };
        for (int i = 0; i < s_roles.Length; i++)
        {
            RoleId parent = i == 0 || random.Next(3) == 0 ? BuiltInRoles.AllEmployees : s_roles[random.Next(i)];
            builder.Add(new RoleDefinition(s_roles[i], $"R{i}", AdminUnitKind.Division, parent));
            units.Add(s_roles[i]);
        }

        foreach (UserId user in Users)
        {
            builder.Add(new UserDefinition(user, $"U{user.Value.ToString()[^2..]}") { IsActive = random.Next(6) != 0 });
            units.Add(user);
            foreach (RoleId role in s_roles.Where(_ => random.Next(3) == 0))
            {
                builder.Add(new RoleMembership(user, role));
            }
        }

        if (random.Next(2) == 0)
        {
            builder.Add(new RoleMembership(Users[random.Next(Users.Length)], BuiltInRoles.SystemAdministrators));
        }

        foreach (string name in Objects)
        {
            var definition = new ObjectDefinition(name) { UseOperationPermissions = random.Next(4) != 0, UseRecordPermissions = random.Next(4) != 0 };
            builder.Add(definition);
            if (definition.UseOperationPermissions)
            {
                int rows = random.Next(4);
                for (int position = 0; position < rows; position++)
                {
                    builder.Add(new ObjectOperationRow(name, units[random.Next(units.Count)], position, (ObjectOperations)random.Next(16)));
                }
            }

            if (definition.UseRecordPermissions)
            {
                foreach (RecordId record in Records.Where(_ => random.Next(4) != 0))
                {
                    builder.Add(new RecordDefinition(name, record, Author: Maybe(random), Owner: Maybe(random)));
                    int rights = random.Next(4);
                    for (int i = 0; i < rights; i++)
                    {
                        builder.Add(new RecordRightRow(
                            name, record, units[random.Next(units.Count)], (RecordOperation)random.Next(3), (RecordRightLevel)random.Next(3)));
                    }
                }
            }
        }

        foreach (SystemOperationCode code in Operations)
        {
            builder.Add(new SystemOperationDefinition(code));
            int rows = random.Next(3);
            for (int position = 0; position < rows; position++)
            {
                builder.Add(new SystemOperationRow(code, units[random.Next(units.Count)], position, random.Next(2) == 0));
            }
        }

        AccessModel model = builder.Build();
        var requests = new List<WebRequest>();
        int count = 4 + random.Next(8);
        for (int i = 0; i < count; i++)
        {
            UserId? user = random.Next(12) switch
            {
                0 => null,
                1 => Stranger,
                _ => Users[random.Next(Users.Length)],
            };
            string objectName = Objects[random.Next(Objects.Length)];
            requests.Add(new WebRequest(user, random.Next(3) switch
            {
                0 => AccessRequest.ForObject(objectName, (ObjectOperation)random.Next(4)),
                1 => AccessRequest.ForRecord(objectName, Records[random.Next(Records.Length)], (RecordOperation)random.Next(3)),
                _ => AccessRequest.ForSystemOperation(Operations[random.Next(Operations.Length)]),
            }));
        }

        return new RandomWebModel(seed, model, requests);

        UserId? Maybe(Random r) => r.Next(3) == 0 ? null : Users[r.Next(Users.Length)];
    }

    /// <summary>The case as a policy document and its requests, for replaying a failure.</summary>
    public override string ToString()
    {
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"seed {Seed}");
        text.AppendLine(AccessPolicyJson.Serialize(Model));
        foreach (WebRequest request in Requests)
        {
            text.AppendLine(request.ToString());
        }

        return text.ToString();
    }
}
